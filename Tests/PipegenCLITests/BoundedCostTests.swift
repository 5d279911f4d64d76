import Foundation
import Glibc
import Testing

/// Any input file up to 64 MB is answered (rendered or refused) within 2 seconds and 250 MB of
/// memory, with under 64 KB of output: large hostile configs of several shapes, each run as a
/// child `pipegen validate` process whose CPU time and peak RSS are read from `wait4`.
///
/// Which binary: `PIPEGEN_BINARY` when set (the release build, as docs/BENCHMARKS.md measures it),
/// else the `pipegen` built beside the test bundle (the debug build, several times slower than
/// release: the bounds hold for it too). The time bound is on CPU time (user + system), which
/// other processes on a shared machine do not inflate; wall time is only kept from hanging.
@Suite(.serialized) struct BoundedCostTests {
    static let seconds = 2.0
    static let megabytes = 250
    static let outputBytes = 64 * 1024
    /// Just under the 4 MiB pipegen reads, so that each shape is read, not refused by size.
    static let size = (4 << 20) - 64

    /// One shape: its file name and how to fill about `size` bytes with it.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var make: @Sendable (Int) -> [UInt8]
        var testDescription: String { name }
    }

    static func repeated(_ head: String, _ unit: String, _ tail: String, _ size: Int) -> [UInt8] {
        let count = (size - head.utf8.count - tail.utf8.count) / unit.utf8.count
        return Array(head.utf8) + Array([[UInt8]](repeating: Array(unit.utf8), count: count).joined()) + Array(tail.utf8)
    }

    static func lines(_ head: String, _ line: @escaping (Int) -> String, _ size: Int) -> [UInt8] {
        var out = Array(head.utf8)
        var i = 0
        while true {
            let next = Array(line(i).utf8)
            guard out.count + next.count <= size else { return out }
            out += next
            i += 1
        }
    }

    /// Environments in the shape of a real route: `count` of them in three regions, ten a wave.
    static func route(_ count: Int) -> String {
        var text = "project: shop\ntooling: {account: \"111111111111\", region: eu-west-1}\nenvironments:\n"
        for i in 0..<count {
            text += "  - {name: env\(i), account: \"\(200_000_000_000 + i)\", wave: w\(i / 10), "
                + "regions: [eu-west-1, eu-central-1, us-east-1], ecs: {cluster: c\(i), service: s, "
                + "listener: {import: l\(i)}, target-groups: [b\(i), g\(i)]}}\n"
        }
        return text + "pipelines:\n  infrastructure-deployment: {}\n  container-deployment: {}\n"
    }

    static let shapes: [Shape] = [
        Shape(name: "long-quoted-scalar.yaml") { repeated("project: \"", "x", "\"\n", $0) },
        Shape(name: "long-plain-scalar.yaml") { repeated("project: ", "x", "\n", $0) },
        Shape(name: "long-escapes.yaml") { repeated("project: \"", "\\e[2J", "\"\n", $0) },
        Shape(name: "long-key.yaml") { repeated("", "k", ": 1\n", $0) },
        Shape(name: "long-comment.yaml") { repeated("#", "c", "\nproject: x\n", $0) },
        Shape(name: "many-keys.yaml") { lines("", { "k\($0): v\n" }, $0) },
        Shape(name: "many-keys-under-the-entry-limit.yaml") { _ in Array((0..<199_000).map { "k\($0): v\n" }.joined().utf8) },
        Shape(name: "many-list-items.yaml") { repeated("project: x\nenvironments:\n", "  - a\n", "", $0) },
        Shape(name: "many-environments.yaml") { lines("project: x\nenvironments:\n", { "  - {name: \"e\($0)\", acount: \"\($0)\"}\n" }, $0) },
        Shape(name: "long-line.yaml") { repeated("project: x\nenvironments: [", "a, ", "]\n", $0) },
        Shape(name: "many-blank-lines.yaml") { repeated("", "\n", "project: x\n", $0) },
        Shape(name: "many-tabs.yaml") { repeated("project: x\nenvironments:\n", "\t- a\n", "", $0) },
        Shape(name: "deep-flow.yaml") { repeated("project: ", "[", "\n", $0) },
        Shape(name: "deep-list.yaml") { repeated("", "- ", "a\n", $0) },
        Shape(name: "deep-block.yaml") { lines("", { String(repeating: " ", count: $0) + "a:\n" }, $0) },
        Shape(name: "many-keys.json") { lines("{", { "\"k\($0)\": 1, " }, $0 - 10) + Array("\"z\": 1}".utf8) },
        Shape(name: "deep.json") { repeated("", "[", "", $0) },
        Shape(name: "thousand-environments-in-three-regions.yaml") { _ in Array(route(1000).utf8) },
        Shape(name: "over-four-megabytes.yaml") { _ in Array(repeating: UInt8(ascii: "a"), count: 64 << 20) },
    ]

    /// What one child process used.
    struct Usage {
        var code: Int32
        var cpuSeconds: Double
        var wallSeconds: Double
        var peakMegabytes: Double
        var outputBytes: Int
    }

    /// The binary to measure: `PIPEGEN_BINARY`, else `pipegen` beside the test bundle.
    static var binary: String? {
        if let path = ProcessInfo.processInfo.environment["PIPEGEN_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("pipegen").path
            if access(candidate, X_OK) == 0 { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Runs `binary validate file` in `folder`, its output to files, and reads its usage.
    static func measure(_ binary: String, _ file: String, in folder: String) throws -> Usage {
        let out = folder + "/out.txt", err = folder + "/err.txt"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The peak RSS `wait4` reports for a child spawned from this process starts at this
        // process's own (the kernel records the parent's high-water mark when a vfork-style
        // child execs): GNU time forks from its own small process, so its figure is the child's.
        let time = "/usr/bin/time", peak = folder + "/peak.txt"
        let timed = access(time, X_OK) == 0
        let arguments = (timed ? [time, "-f", "%M", "-o", peak] : []) + [binary, "validate", folder + "/" + file]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        try #require(spawned == 0, "posix_spawn \(binary): \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = Date().timeIntervalSince(start)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        // GNU time prints "Command exited with non-zero status 1" before the figure.
        let timeKilobytes = timed ? (try? String(contentsOfFile: peak, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) } : nil
        return Usage(
            code: (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), wallSeconds: wall,
            peakMegabytes: Double(timeKilobytes ?? usage.ru_maxrss) / 1024, outputBytes: size(out) + size(err))
    }

    @Test(arguments: shapes)
    func answeredWithinTwoSecondsAnd250Megabytes(_ shape: Shape) throws {
        let binary = try #require(Self.binary, "no pipegen binary beside the tests; build with 'swift build --build-tests'")
        let folder = NSTemporaryDirectory() + "pipegen-bounded-\(getpid())-\(shape.name)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = shape.make(Self.size)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + shape.name))
        let usage = try Self.measure(binary, shape.name, in: folder)
        let figures =
            "\(shape.name) (\(bytes.count) bytes): exit \(usage.code), CPU \(usage.cpuSeconds) s, wall \(usage.wallSeconds) s, "
            + "peak RSS \(usage.peakMegabytes) MB, output \(usage.outputBytes) bytes"
        print(figures)
        #expect(usage.code == 1, "refused as an invalid config, not crashed: \(figures)")
        #expect(usage.cpuSeconds < Self.seconds, "\(figures)")
        #expect(usage.peakMegabytes < Double(Self.megabytes), "\(figures)")
        #expect(usage.outputBytes < Self.outputBytes, "\(figures)")
        // A hang would show here; a loaded machine only stretches wall time, not CPU time.
        #expect(usage.wallSeconds < 30, "\(figures)")
    }
}
