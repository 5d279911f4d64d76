import Foundation

/// Golden-file assertions without dependencies: compare text with a committed file; with
/// `PIPEGEN_RECORD=1` in the environment, write the file instead and report a failure once, so
/// a recording never passes silently. Mismatches come back as a line diff.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PIPEGEN_RECORD"] == "1" }

    /// nil when `actual` equals the file at `path`; otherwise a message for the test failure.
    public static func compare(_ actual: String, toFileAt path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded \(path); run again without PIPEGEN_RECORD to compare"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file at \(path); run with PIPEGEN_RECORD=1 to record it"
        }
        if expected == actual { return nil }
        return "\(path) differs (- golden, + actual):\n" + lineDiff(expected, actual)
    }

    /// A compact line diff: each differing line with its number.
    public static func lineDiff(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : nil
            let r = i < y.count ? String(y[i]) : nil
            if l != r {
                if let l { out.append("\(i + 1) - \(l)") }
                if let r { out.append("\(i + 1) + \(r)") }
            }
            if out.count > 40 {
                out.append("...")
                break
            }
        }
        return out.joined(separator: "\n")
    }

    /// The directory of the test file that calls this (pass `#filePath`).
    public static func directory(of filePath: String) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().path
    }

    /// The repository root (the folder holding Package.swift), found from a test file's path.
    public static func repositoryRoot(from filePath: String) -> String {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return "."
    }
}
