import Glibc
import PipegenConfig
import PipegenKit
import Testing

@testable import PipegenCLI

/// `pipegen render`, end to end in temporary folders.
@Suite struct RenderTests {
    static func wroteLine(_ file: RenderedFile, in folder: String = "templates") -> String {
        let resources = file.resourceCount == 1 ? "1 resource" : "\(file.resourceCount) resources"
        return "wrote \(folder)/\(file.name) (\(resources), \(ByteCount.format(file.contents.utf8.count)))\n"
    }

    /// The generated-file header line of a file pipegen wrote in an earlier run.
    static let staleYAML = "# \(GeneratedHeader.text(configPath: "../pipegen.yaml"))\nResources: {}\n"

    @Test func writesEveryFileIntoAFreshFolder() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["render"], in: root)
            let expected = try expectedFiles()
            #expect(run.code == 0)
            #expect(run.stderr == "")
            #expect(run.stdout == expected.map { Self.wroteLine($0) }.joined())
            var files = try tree(root)
            #expect(files.removeValue(forKey: "pipegen.yaml") == validConfig)
            #expect(files.removeValue(forKey: "templates/") == "<dir>")
            #expect(files == Dictionary(uniqueKeysWithValues: expected.map { ("templates/\($0.name)", $0.contents) }))
        }
    }

    @Test func secondRunChangesNothing() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render"], in: root).code == 0)
            let before = try tree(root)
            let inodes = try expectedFiles().map { inode("\(root)/templates/\($0.name)") }
            let run = pipegen(["render"], in: root)
            #expect(run.code == 0)
            #expect(run.stdout == (try expectedFiles()).map { "unchanged templates/\($0.name)\n" }.joined())
            #expect(try tree(root) == before)
            #expect(try expectedFiles().map { inode("\(root)/templates/\($0.name)") } == inodes)
        }
    }

    @Test func outputIsDeterministic() throws {
        let outputs = try (0..<2).map { _ in
            try withTemporaryFolder { root in
                try write(validConfig, to: "\(root)/pipegen.yaml")
                let run = pipegen(["render", "--format", "yaml"], in: root)
                return [run.stdout: try tree(root)]
            }
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func removesStalePipegenFilesAndKeepsEverythingElse() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            try FileSystem.makeDirectories("\(root)/templates/nested")
            try write(Self.staleYAML, to: "\(root)/templates/old.yaml")
            try write(
                "{\"Metadata\": {\"Note\": \"\(GeneratedHeader.text(configPath: "x"))\"}}\n",
                to: "\(root)/templates/old.json")
            try write("hand-written notes\n", to: "\(root)/templates/notes.md")
            try write("", to: "\(root)/templates/.gitkeep")
            try write(Self.staleYAML, to: "\(root)/templates/nested/deep.yaml")
            let run = pipegen(["render"], in: root)
            #expect(run.code == 0)
            #expect(
                run.stdout == (try expectedFiles()).map { Self.wroteLine($0) }.joined() + """
                    removed templates/old.json (no longer produced by the config)
                    removed templates/old.yaml (no longer produced by the config)

                    pipegen wrote 'templates/old.json', 'templates/old.yaml', but they do not say
                    which stack they deployed (edited by hand?): check your accounts for stacks
                    made from them.

                    """)
            let after = try tree(root)
            #expect(after["templates/old.yaml"] == nil && after["templates/old.json"] == nil)
            #expect(after["templates/notes.md"] == "hand-written notes\n")
            #expect(after["templates/.gitkeep"] == "")
            #expect(after["templates/nested/deep.yaml"] == Self.staleYAML)
        }
    }

    @Test func configAndOutputPathsAsTyped() throws {
        try withTemporaryFolder { root in
            try FileSystem.makeDirectories("\(root)/infra")
            try write(validConfig, to: "\(root)/infra/pipegen.yaml")
            // Default output: templates/ next to the config, header path relative to it.
            let run = pipegen(["render", "infra/pipegen.yaml"], in: root)
            #expect(run.code == 0)
            #expect(run.stdout == (try expectedFiles()).map { Self.wroteLine($0, in: "infra/templates") }.joined())
            for file in try expectedFiles() {
                #expect(try read("\(root)/infra/templates/\(file.name)") == file.contents)
            }
            // An explicit, deeper --out with a trailing slash; its parents are created.
            let deep = pipegen(["render", "--out=build/cfn/", "./infra/pipegen.yaml"], in: root)
            #expect(deep.code == 0)
            let relative = try expectedFiles(configPath: "../../infra/pipegen.yaml")
            #expect(deep.stdout == relative.map { Self.wroteLine($0, in: "build/cfn") }.joined())
            for file in relative { #expect(try read("\(root)/build/cfn/\(file.name)") == file.contents) }
        }
    }

    @Test func jsonFormatWritesJSONFiles() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["render", "-f", "json"], in: root)
            let expected = try expectedFiles(format: .json)
            #expect(run.code == 0)
            #expect(expected.allSatisfy { $0.name.hasSuffix(".json") })
            #expect(run.stdout == expected.map { Self.wroteLine($0) }.joined())
            for file in expected { #expect(try read("\(root)/templates/\(file.name)") == file.contents) }
        }
    }

    /// `render` only overwrites files it recognises as its own, so every format must carry
    /// the generated header.
    @Test(arguments: OutputFormat.allCases)
    func renderingAgainRecognisesItsOwnFiles(_ format: OutputFormat) throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render", "--format", format.rawValue], in: root).code == 0)
            let expected = try expectedFiles(format: format)
            #expect(expected.allSatisfy { GeneratedHeader.isGenerated($0.contents) })
            let again = pipegen(["render", "--format", format.rawValue], in: root)
            #expect(again.code == 0)
            #expect(again.stdout == expected.map { "unchanged templates/\($0.name)\n" }.joined())
        }
    }

    @Test(arguments: [
        (0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1.0 KB"), (14438, "14.1 KB"),
        (1_048_524, "1023.9 KB"), (1_048_575, "1.0 MB"), (5_452_595, "5.2 MB"),
    ])
    func sizesReadLikeAHumanWouldSayThem(_ bytes: Int, _ text: String) {
        #expect(ByteCount.format(bytes) == text)
    }

    /// Setups that must fail with exit 1, a clear message, and nothing changed.
    static let failures:
        [(name: String, arguments: [String], setup: @Sendable (String) throws -> Void, stderr: String)] = [
            ("no config", ["render"], { _ in }, "error: cannot read 'pipegen.yaml': no such file or directory\n"),
            (
                "config is a folder", ["render", "conf"], { try FileSystem.makeDirectory("\($0)/conf") },
                "error: cannot read 'conf': is a directory\n"
            ),
            (
                "config not UTF-8", ["render", "bad.yaml"],
                { try FileSystem.writeNew("\($0)/bad.yaml", [0x70, 0xFF, 0x0A]) },
                "bad.yaml:1:2: error: invalid UTF-8 byte 0xFF\n 1 | p\u{FFFD}\n   |  ^\n1 error generated\n"
            ),
            (
                "file instead of DIR", ["render", "--out", "out"], { try write("x", to: "\($0)/out") },
                "error: cannot write 'out': not a directory\n"
            ),
            (
                "file instead of DIR's parent", ["render", "-o", "blocker/templates"],
                { try write("x", to: "\($0)/blocker") },
                "error: cannot write 'blocker/templates': not a directory\n"
            ),
            (
                "folder with a rendered file's name", ["render"],
                { root in
                    for file in try expectedFiles() { try FileSystem.makeDirectories("\(root)/templates/\(file.name)") }
                    try write(staleYAML, to: "\(root)/templates/old.yaml")
                }, "error: cannot write 'templates/\((try? expectedFiles())?.first?.name ?? "")': is a directory\n"
            ),
            (
                "hand-written file with a rendered name", ["render"],
                { root in
                    try FileSystem.makeDirectories("\(root)/templates")
                    for file in try expectedFiles() { try write("mine\n", to: "\(root)/templates/\(file.name)") }
                },
                "error: cannot write 'templates/\((try? expectedFiles())?.first?.name ?? "")': the file exists and was not "
                    + "written by pipegen; move it away and run 'pipegen render' again\n"
            ),
        ]

    @Test(arguments: failures.indices)
    func failsWithoutChangingAnything(_ index: Int) throws {
        let c = Self.failures[index]
        try withTemporaryFolder { root in
            if c.name != "no config" { try write(validConfig, to: "\(root)/pipegen.yaml") }
            try c.setup(root)
            let before = try tree(root)
            let run = pipegen(c.arguments, in: root)
            let code = c.name == "config not UTF-8" ? ExitCode.invalidConfig : ExitCode.fileError
            #expect(run.code == code, "\(c.name)")
            #expect(run.stdout == "", "\(c.name)")
            expectSnapshot(run.stderr, c.stderr)
            #expect(try tree(root) == before, "\(c.name)")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root ignores permissions; 'file instead of DIR' covers root"))
    func readOnlyFolderIsLeftAlone() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            try FileSystem.makeDirectories("\(root)/templates")
            try write("mine\n", to: "\(root)/templates/notes.md")  // Foreign: forces per-file renames.
            try write(Self.staleYAML, to: "\(root)/templates/old.yaml")
            chmod("\(root)/templates", 0o555)
            let before = try tree(root)
            let run = pipegen(["render"], in: root)
            #expect(run.code == 1)
            #expect(run.stderr.hasPrefix("error: cannot write 'templates/"))
            #expect(run.stderr.hasSuffix("': permission denied\n"))
            #expect(try tree(root) == before)
        }
    }

    @Test
    func invalidConfigWritesNothing() throws {
        try withTemporaryFolder { root in
            let misspelled = """
                projet: demo
                tooling:
                  account: "111111111111"
                  region: eu-west-1
                environments:
                  - name: dev
                    account: "222222222222"

                """
            try write(misspelled, to: "\(root)/pipegen.yaml")
            let run = pipegen(["render"], in: root)
            #expect(run.code == 1)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("pipegen.yaml:1:1: error: unknown key 'projet'"))
            #expect(try tree(root).keys.sorted() == ["pipegen.yaml"])
        }
    }
}
