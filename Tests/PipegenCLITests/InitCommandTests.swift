import Foundation
import PipegenConfig
import Testing

@testable import PipegenCLI

/// `pipegen init`, in process: writes the starter, never overwrites without --force, and what
/// it writes renders (and lints clean when cfn-lint is on PATH).
@Suite struct InitCommandTests {
    @Test func writesTheStarterConfigThatRenderAccepts() throws {
        try withTemporaryFolder { root in
            let run = pipegen(["init"], in: root)
            #expect(run.code == 0)
            #expect(run.stdout == "wrote pipegen.yaml; edit it, then run 'pipegen render'\n")
            #expect(run.stderr == "")
            #expect(try read("\(root)/pipegen.yaml") == StarterConfig.text)
            let render = pipegen(["render"], in: root)
            #expect(render.code == 0)
            // Only the note that a large template goes to CloudFormation through S3.
            #expect(render.stderr.split(separator: "\n").allSatisfy { $0.contains("CloudFormation takes inline") || $0.hasPrefix("note:") || $0.hasSuffix("generated") })
            let templates = try FileSystem.list("\(root)/templates").names
            #expect(templates == ["dev.yaml", "tooling.yaml"])
            try lint(templates.map { "\(root)/templates/\($0)" })
        }
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        try withTemporaryFolder { root in
            try write("project: mine\n", to: "\(root)/pipegen.yaml")
            let run = pipegen(["init"], in: root)
            #expect(run.code == ExitCode.fileError)
            #expect(run.stdout == "")
            #expect(run.stderr == "error: 'pipegen.yaml' already exists; nothing was written (use --force to replace it)\n")
            #expect(try tree(root) == ["pipegen.yaml": "project: mine\n"])
            let forced = pipegen(["init", "--force"], in: root)
            #expect(forced.code == 0)
            #expect(try tree(root) == ["pipegen.yaml": StarterConfig.text])
        }
    }

    @Test func writesWhereOutSays() throws {
        try withTemporaryFolder { root in
            try FileSystem.makeDirectories("\(root)/infra")
            let run = pipegen(["init", "-o", "infra/pipegen.yaml"], in: root)
            #expect(run.code == 0)
            #expect(run.stdout == "wrote infra/pipegen.yaml; edit it, then run 'pipegen render'\n")
            #expect(try tree(root) == ["infra/": "<dir>", "infra/pipegen.yaml": StarterConfig.text])
        }
    }

    @Test func aMissingFolderIsAnError() throws {
        try withTemporaryFolder { root in
            let run = pipegen(["init", "--out", "nowhere/pipegen.yaml"], in: root)
            #expect(run.code == ExitCode.fileError)
            #expect(run.stderr == "error: cannot write 'nowhere/pipegen.yaml': no such file or directory\n")
            let listing = try tree(root)
            #expect(listing.isEmpty)
        }
    }

    @Test func takesNoConfigArgument() {
        let run = pipegen(["init", "pipegen.yaml"], in: "/")
        #expect(run.code == 2)
        #expect(run.stderr == "error: unexpected argument 'pipegen.yaml'\nRun 'pipegen init --help' for usage.\n")
    }

    /// cfn-lint with no findings, when it is installed (scripts/test installs it).
    func lint(_ files: [String]) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/cfn-lint") })
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cfn-lint", "--format", "parseable"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "cfn-lint: \(output)")
        #expect(output == "")
    }
}
