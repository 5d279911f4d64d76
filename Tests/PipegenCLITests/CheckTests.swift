import PipegenKit
import Testing

@testable import PipegenCLI

/// `pipegen check`: exit codes, exact diffs, and that it never writes.
@Suite struct CheckTests {
    /// A rendered project in `root`; returns the rendered files.
    static func renderedProject(_ root: String) throws -> [RenderedFile] {
        try write(validConfig, to: "\(root)/pipegen.yaml")
        #expect(pipegen(["render"], in: root).code == 0)
        return try expectedFiles()
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Runs `check` and asserts it changed nothing under `root`.
    static func check(
        _ arguments: [String] = [], in root: String, terminal: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        let before = try tree(root)
        let run = pipegen(["check"] + arguments, in: root, terminal: terminal)
        #expect(try tree(root) == before, "check changed files", sourceLocation: sourceLocation)
        return run
    }

    @Test func identicalTemplatesPass() throws {
        try withTemporaryFolder { root in
            let files = try Self.renderedProject(root)
            try write("not ours\n", to: "\(root)/templates/notes.md")
            let run = try Self.check(in: root)
            #expect(run.code == 0)
            #expect(run.stdout == "templates/: up to date (\(files.count) file\(files.count == 1 ? "" : "s"))\n")
            #expect(run.stderr == "")
        }
    }

    @Test func aModifiedFilePrintsItsDiff() throws {
        try withTemporaryFolder { root in
            let file = try #require(try Self.renderedProject(root).first)
            var lines = Self.lines(file.contents)
            try #require(lines.count >= 2)
            let original = lines[1]
            lines[1] = "Description: edited by hand"
            try write(lines.map { $0 + "\n" }.joined(), to: "\(root)/templates/\(file.name)")

            let run = try Self.check(in: root)
            // Expected by hand: line 2 changed, line 1 and up to three lines after as context.
            let end = min(lines.count, 5)
            var expected = [
                "--- templates/\(file.name) (committed)", "+++ templates/\(file.name) (rendered)",
                "@@ -1,\(end) +1,\(end) @@", " \(lines[0])", "-Description: edited by hand", "+\(original)",
            ]
            expected += lines[2..<end].map { " " + $0 }
            expected.append("1 file differs; run 'pipegen render' to update")
            #expect(run.code == ExitCode.drift)
            expectSnapshot(run.stdout, expected.map { $0 + "\n" }.joined())
            #expect(run.stderr == "")
        }
    }

    @Test func aMissingFileFails() throws {
        try withTemporaryFolder { root in
            let file = try #require(try Self.renderedProject(root).first)
            try FileSystem.remove("\(root)/templates/\(file.name)")
            let run = try Self.check(in: root)
            let body = Self.lines(file.contents)
            let range = body.count == 1 ? "1" : "1,\(body.count)"
            let expected =
                ["--- /dev/null", "+++ templates/\(file.name) (rendered)", "@@ -0,0 +\(range) @@"]
                + body.map { "+" + $0 } + ["1 file missing; run 'pipegen render' to update"]
            #expect(run.code == ExitCode.drift)
            expectSnapshot(run.stdout, expected.map { $0 + "\n" }.joined())
        }
    }

    @Test func aStalePipegenFileFails() throws {
        try withTemporaryFolder { root in
            _ = try Self.renderedProject(root)
            try write(RenderTests.staleYAML, to: "\(root)/templates/old.yaml")
            let run = try Self.check(in: root)
            let header = "# \(GeneratedHeader.text(configPath: "../pipegen.yaml"))"
            #expect(run.code == ExitCode.drift)
            expectSnapshot(
                run.stdout,
                """
                --- templates/old.yaml (committed)
                +++ /dev/null
                @@ -1,2 +0,0 @@
                -\(header)
                -Resources: {}

                pipegen wrote 'templates/old.yaml', but it does not say which stack it
                deployed (edited by hand?): check your accounts for a stack made from it.

                1 stale file; run 'pipegen render' to update

                """)
        }
    }

    @Test func theSummaryCountsEveryKindOfDrift() throws {
        try withTemporaryFolder { root in
            let file = try #require(try Self.renderedProject(root).first)
            try write(file.contents + "# drift\n", to: "\(root)/templates/\(file.name)")
            try write(RenderTests.staleYAML, to: "\(root)/templates/old.yaml")
            let run = try Self.check(in: root)
            #expect(run.code == ExitCode.drift)
            #expect(run.stdout.hasSuffix("\n1 file differs, 1 stale; run 'pipegen render' to update\n"))
            // Switching format: every YAML file is to be replaced by its JSON file (the same
            // stack), and the stale file stays stale.
            let json = try Self.check(["--format=json"], in: root)
            let count = try expectedFiles().count
            #expect(json.code == ExitCode.drift)
            #expect(
                json.stdout.hasSuffix(
                    "\n\(count) file\(count == 1 ? "" : "s") to replace, 1 stale; run 'pipegen render' to update\n"
                ))
        }
    }

    @Test func noOutputFolderMeansEverythingIsMissing() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = try Self.check(["-o", "cfn"], in: root)
            let count = try expectedFiles().count
            #expect(run.code == ExitCode.drift)
            #expect(
                run.stdout.hasSuffix(
                    "\n\(count == 1 ? "1 file" : "\(count) files") missing; run 'pipegen render' to update\n"))
            #expect(try FileSystem.kind("\(root)/cfn") == nil)
        }
    }

    @Test func ioProblemsAreErrorsNotDrift() throws {
        try withTemporaryFolder { root in
            let noConfig = try Self.check(in: root)
            #expect(noConfig.code == ExitCode.fileError)
            #expect(noConfig.stderr == "error: cannot read 'pipegen.yaml': no such file or directory\n")
            try write(validConfig, to: "\(root)/pipegen.yaml")
            try write("x", to: "\(root)/templates")
            let fileAsFolder = try Self.check(in: root)
            #expect(fileAsFolder.code == ExitCode.fileError)
            #expect(fileAsFolder.stdout == "")
            #expect(fileAsFolder.stderr == "error: cannot read 'templates': not a directory\n")
        }
    }

    @Test func diffsAreColouredOnATerminalOnly() throws {
        try withTemporaryFolder { root in
            let file = try #require(try Self.renderedProject(root).first)
            try write(file.contents + "# drift\n", to: "\(root)/templates/\(file.name)")
            #expect(try Self.check(in: root, terminal: true).stdout.contains("\u{1B}[31m-# drift\u{1B}[0m\n"))
            #expect(try !Self.check(in: root, terminal: false).stdout.contains("\u{1B}["))
        }
    }
}
