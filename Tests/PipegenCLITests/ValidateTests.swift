import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenCLI

/// `pipegen validate`: reports, renders in memory, never writes.
@Suite struct ValidateTests {
    @Test func aValidConfigIsOK() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["validate"], in: root)
            let files = try expectedFiles()
            let resources = files.reduce(0) { $0 + $1.resourceCount }
            let summary =
                "\(files.count) template\(files.count == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s")"
            #expect(run.code == 0)
            #expect(run.stdout == "pipegen.yaml: ok (project 'demo', 1 environment, \(summary))\n")
            #expect(run.stderr == "")
            #expect(try tree(root).keys.sorted() == ["pipegen.yaml"])
        }
    }

    /// What a reviewer should know beyond "ok": the roles container-deployment may pass to
    /// the tasks of each environment.
    @Test func aValidConfigSaysWhichTaskRolesThePipelineMayPass() throws {
        try withTemporaryFolder { root in
            let text = """
                project: shop
                tooling: {account: "111111111111", region: eu-west-1}
                environments:
                  - {name: dev, account: "222222222222", ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}}
                  - {name: prod, account: "444444444444", ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}}
                pipelines:
                  container-deployment: {task-roles: [ecsTaskExecutionRole, "{project}-*"]}

                """
            try write(text, to: "\(root)/pipegen.yaml")
            let run = pipegen(["validate"], in: root)
            #expect(run.code == 0, "\(run.stderr)")
            #expect(
                run.stdout.hasSuffix(
                    "\nnote: container-deployment may pass these roles to the ECS tasks of 'dev', 'prod' (iam:PassRole), each in its "
                        + "environment's account: ecsTaskExecutionRole, shop-*\n"))
        }
    }

    @Test func aMissingConfigFails() throws {
        try withTemporaryFolder { root in
            let run = pipegen(["validate", "conf/p.yaml"], in: root)
            #expect(run.code == ExitCode.fileError)
            #expect(run.stdout == "")
            #expect(run.stderr == "error: cannot read 'conf/p.yaml': no such file or directory\n")
        }
    }

    @Test(arguments: ["validate", "check"])
    func anInvalidConfigFails(_ command: String) throws {
        try withTemporaryFolder { root in
            try write("projet: demo\n", to: "\(root)/pipegen.yaml")
            let run = pipegen([command], in: root)
            #expect(run.code == 1)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("pipegen.yaml:1:1: error: unknown key 'projet'"))
            #expect(try tree(root).keys.sorted() == ["pipegen.yaml"])
        }
    }
}

/// How the CLI prints the loader's diagnostics, with diagnostics made up here (the stub
/// loader reports none): source order, whole-file problems first, then the count.
@Suite struct DiagnosticOutputTests {
    static let source = SourceFile(path: "pipegen.yaml", text: "project: demo\nenvironments:\n  - nme: dev\n")

    @Test func printedInSourceOrderThenCounted() {
        var io = CLIIO.capturing(workingDirectory: "/")
        io.emit(
            [
                .error(
                    "unknown key 'nme' in environment 1", at: Mark(line: 3, column: 5),
                    notes: [.help("did you mean 'name'?")]),
                .warning("project name 'demo' is short", at: Mark(line: 1, column: 10)),
                .error("the config must list a tooling account", at: nil),
            ], in: Self.source, kind: .config)
        expectSnapshot(
            io.stderr.text,
            """
            pipegen.yaml: error: the config must list a tooling account
            pipegen.yaml:1:10: warning: project name 'demo' is short
             1 | project: demo
               |          ^
            pipegen.yaml:3:5: error: unknown key 'nme' in environment 1
             3 |   - nme: dev
               |     ^
            help: did you mean 'name'?
            2 errors and 1 warning generated

            """)
        #expect(io.stdout.text == "")
    }

    @Test func colouredOnlyOnATerminalWithoutNO_COLOR() {
        let diagnostic = Diagnostic.error("bad", at: Mark(line: 1, column: 1))
        var terminal = CLIIO.capturing(workingDirectory: "/", terminal: true)
        terminal.emit([diagnostic], in: Self.source, kind: .config)
        #expect(terminal.stderr.text.contains("\u{1B}[1;31merror: \u{1B}[0m"))
        var noColor = CLIIO.capturing(workingDirectory: "/", environment: ["NO_COLOR": "1"], terminal: true)
        noColor.emit([diagnostic], in: Self.source, kind: .config)
        #expect(!noColor.stderr.text.contains("\u{1B}["))
    }

    @Test func nothingToSayPrintsNothing() {
        var io = CLIIO.capturing(workingDirectory: "/")
        io.emit([], in: Self.source, kind: .config)
        #expect(io.stderr.text == "")
    }
}
