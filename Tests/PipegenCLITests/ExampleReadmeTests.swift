import Foundation
import Testing
import TestSupport

@testable import PipegenCLI

/// Output pasted into the examples' READMEs cannot go stale: every block that follows a
/// `<!-- output of: pipegen ARGS -->` line must be what `pipegen ARGS` prints in that example's
/// folder. `PIPEGEN_RECORD=1` rewrites the blocks (and fails once, like the goldens).
@Suite struct ExampleReadmeTests {
    static let examples = Golden.repositoryRoot(from: #filePath) + "/Examples"
    static let marker = "<!-- output of: pipegen "

    static var readmes: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []
        return names.sorted().filter { FileManager.default.fileExists(atPath: "\(examples)/\($0)/README.md") }
    }

    @Test func everyExampleHasAReadme() {
        let configs = ((try? FileManager.default.contentsOfDirectory(atPath: Self.examples)) ?? []).filter {
            FileManager.default.fileExists(atPath: "\(Self.examples)/\($0)/pipegen.yaml")
        }
        #expect(Set(Self.readmes) == Set(configs))
        #expect(configs.count >= 5)
    }

    @Test(arguments: readmes)
    func embeddedOutputIsCurrent(_ example: String) throws {
        let folder = "\(Self.examples)/\(example)"
        let text = try String(contentsOfFile: "\(folder)/README.md", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks = 0
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard lines[i].hasPrefix(Self.marker), lines[i].hasSuffix(" -->") else { continue }
            let arguments = lines[i].dropFirst(Self.marker.count).dropLast(4).split(separator: " ").map(String.init)
            let open = i + 1
            guard open < lines.count, lines[open].hasPrefix("```"),
                let close = lines[(open + 1)...].firstIndex(where: { $0 == "```" })
            else {
                Issue.record("\(example)/README.md:\(i + 1): no fenced block after the marker")
                continue
            }
            blocks += 1
            let run = pipegen(arguments, in: folder)
            #expect(run.code == 0, "pipegen \(arguments.joined(separator: " "))")
            #expect(run.stderr == "", "pipegen \(arguments.joined(separator: " "))")
            let shown = lines[(open + 1)..<close].map { $0 + "\n" }.joined()
            if Golden.recording {
                lines.replaceSubrange(
                    (open + 1)..<close, with: run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
                i = open
                continue
            }
            if shown != run.stdout {
                let command = "pipegen " + arguments.joined(separator: " ")
                let diff = Golden.lineDiff(shown, run.stdout)
                Issue.record(
                    Comment(
                        rawValue: "\(example)/README.md:\(open + 1): the output of '\(command)' changed; "
                            + "re-record with PIPEGEN_RECORD=1 swift test\n\(diff)"))
            }
        }
        #expect(blocks > 0, "\(example)/README.md embeds no output")
        if Golden.recording {
            try lines.joined(separator: "\n").write(toFile: "\(folder)/README.md", atomically: true, encoding: .utf8)
            Issue.record("recorded \(example)/README.md; run again without PIPEGEN_RECORD to compare")
        }
    }
}
