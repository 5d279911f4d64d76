import Glibc
import PipegenKit
import TestSupport
import Testing

@testable import PipegenCLI

/// `pipegen diff` over pairs of configs: `Fixtures/diff/<case>/before.yaml` is rendered into
/// `old/`, `after.yaml` is the config now, and the report must be exactly `report.txt` (and
/// `report.md`, `report.json` where they exist). Re-record with `PIPEGEN_RECORD=1`.
@Suite struct DiffCommandTests {
    static let folder = Golden.directory(of: #filePath) + "/Fixtures/diff"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var exitCode: Int32
        /// Edits of the rendered old templates, `(file, text, replacement)`: what an older
        /// release of pipegen, or a hand edit, put there that no config renders now.
        var edits: [(file: String, text: String, replacement: String)] = []
        var formats: [String] = ["text"]
        var testDescription: String { name }
    }

    /// Lines of a template, each with its indentation, as one text.
    static func lines(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    /// The trust of dev's deploy role as templates named the tooling role before pipegen
    /// trusted the tooling account with a condition on the role's ARN.
    static let roleAsPrincipal = (
        file: "dev.yaml",
        text: lines([
            "              AWS:",
            "                Fn::Sub: arn:${AWS::Partition}:iam::111111111111:root",
            "            Action: sts:AssumeRole",
            "            Condition:",
            "              ArnEquals:",
            "                aws:PrincipalArn:",
            "                  Fn::Sub: arn:${AWS::Partition}:iam::111111111111:role/shop-infrastructure-deployment-role",
        ]),
        replacement: lines([
            "              AWS:",
            "                Fn::Sub: arn:${AWS::Partition}:iam::111111111111:role/shop-infrastructure-deployment-role",
            "            Action: sts:AssumeRole",
        ])
    )

    /// The repository policy as if pulls had been limited to the deployment roles.
    static let pullCondition = (
        file: "tooling.yaml",
        text: lines(["              - ecr:GetDownloadUrlForLayer", "  ContainerBuildRepository:"]),
        replacement: lines([
            "              - ecr:GetDownloadUrlForLayer",
            "            Condition:",
            "              ArnLike:",
            "                aws:PrincipalArn:",
            "                  Fn::Sub: arn:${AWS::Partition}:iam::*:role/shop-*-ecs-deploy",
            "  ContainerBuildRepository:",
        ])
    )

    static let cases: [Case] = [
        Case(name: "no-change", exitCode: ExitCode.success, formats: ["text", "md", "json"]),
        Case(name: "environment-added", exitCode: ExitCode.permissionsWiden, formats: ["text", "md", "json"]),
        Case(name: "environment-removed", exitCode: ExitCode.drift),
        Case(name: "region-added", exitCode: ExitCode.permissionsWiden, formats: ["text", "md"]),
        Case(name: "approval-toggled", exitCode: ExitCode.permissionsWiden),
        Case(name: "source-to-connection", exitCode: ExitCode.permissionsWiden),
        Case(name: "repository-renamed", exitCode: ExitCode.permissionsWiden, formats: ["text", "md", "json"]),
        Case(name: "statement-added", exitCode: ExitCode.permissionsWiden),
        Case(name: "account-changed", exitCode: ExitCode.permissionsWiden),
        // A principal and a condition widened by a config change: pipegen writes account roots
        // and service principals only (a role is named by an aws:PrincipalArn condition), and
        // never drops a condition from a statement it keeps. So a new principal in a kept grant
        // (an environment leaving a shared account) and a value added to a condition
        // (package: sam lets the execution roles read the Lambda code) come from configs;
        // a role principal widened to its account and a removed condition are edits of the
        // old templates, as an older pipegen or a hand edit could have left them.
        Case(name: "principal-added", exitCode: ExitCode.permissionsWiden),
        Case(name: "condition-widened", exitCode: ExitCode.permissionsWiden),
        Case(name: "principal-widened", exitCode: ExitCode.permissionsWiden, edits: [roleAsPrincipal]),
        Case(name: "condition-removed", exitCode: ExitCode.permissionsWiden, edits: [pullCondition]),
    ]

    /// `before.yaml` rendered into `old/` (then edited), `after.yaml` as `pipegen.yaml`.
    static func project(_ c: Case, in root: String) throws {
        try write(try read("\(folder)/\(c.name)/before.yaml"), to: "\(root)/before.yaml")
        try write(try read("\(folder)/\(c.name)/after.yaml"), to: "\(root)/pipegen.yaml")
        let render = pipegen(["render", "before.yaml", "--out", "old"], in: root)
        try #require(render.code == 0, "\(render.stderr)")
        for edit in c.edits {
            let path = "\(root)/old/\(edit.file)"
            let text = try read(path)
            try #require(text.contains(edit.text), "\(edit.file) no longer holds the text the case edits")
            try write(text.replacing(edit.text, with: edit.replacement), to: path)
        }
    }

    @Test(arguments: cases)
    func reportsExactly(_ c: Case) throws {
        try withTemporaryFolder { root in
            try Self.project(c, in: root)
            for format in c.formats {
                let arguments =
                    ["diff", "--against", "old"]
                    + (format == "text" ? [] : ["--format", format == "md" ? "markdown" : format])
                let run = pipegen(arguments, in: root)
                #expect(run.code == c.exitCode, "\(format): \(run.stderr)")
                #expect(run.stderr == "")
                if let problem = Golden.compare(
                    run.stdout, toFileAt: "\(Self.folder)/\(c.name)/report.\(format == "text" ? "txt" : format)")
                {
                    Issue.record("\(problem)")
                }
            }
        }
    }

    /// `--fail-on widen` fails only on widening; `never` never; the default on any change.
    @Test func failOnChoosesWhatFails() throws {
        try withTemporaryFolder { root in
            let narrowing = try #require(Self.cases.first { $0.name == "environment-removed" })
            try Self.project(narrowing, in: root)
            #expect(pipegen(["diff", "--against", "old"], in: root).code == ExitCode.drift)
            #expect(pipegen(["diff", "--against", "old", "--fail-on", "widen"], in: root).code == 0)
            #expect(pipegen(["diff", "--against", "old", "--fail-on", "never"], in: root).code == 0)
        }
        try withTemporaryFolder { root in
            let widening = try #require(Self.cases.first { $0.name == "statement-added" })
            try Self.project(widening, in: root)
            #expect(
                pipegen(["diff", "--against", "old", "--fail-on", "widen"], in: root).code == ExitCode.permissionsWiden)
            #expect(pipegen(["diff", "--against", "old", "--fail-on", "never"], in: root).code == 0)
        }
    }

    /// `diff` and `check` mean the same by 3: the templates differ. A narrowing change exits
    /// 3 from both; the folder the config renders exits 0 from both; a config error 1.
    @Test func exitCodesAgreeWithCheck() throws {
        try withTemporaryFolder { root in
            try Self.project(try #require(Self.cases.first { $0.name == "environment-removed" }), in: root)
            #expect(pipegen(["check", "--out", "old", "-q"], in: root).code == ExitCode.drift)
            #expect(pipegen(["diff", "--against", "old", "-q"], in: root).code == ExitCode.drift)
            #expect(pipegen(["render", "--out", "new", "-q"], in: root).code == ExitCode.success)
            #expect(pipegen(["check", "--out", "new", "-q"], in: root).code == ExitCode.success)
            #expect(pipegen(["diff", "--against", "new", "-q"], in: root).code == ExitCode.success)
            try write("project: [\n", to: "\(root)/pipegen.yaml")
            #expect(pipegen(["check", "--out", "new"], in: root).code == ExitCode.invalidConfig)
            #expect(pipegen(["diff", "--against", "new"], in: root).code == ExitCode.invalidConfig)
            let unreadable = pipegen(["diff", "before.yaml", "--against", "no-such-folder"], in: root)
            #expect(unreadable.code == ExitCode.fileError, "\(unreadable.stderr)")
        }
    }

    /// With --quiet the report is still printed: it is what the command exists to print.
    @Test func quietStillPrintsTheReport() throws {
        try withTemporaryFolder { root in
            try Self.project(try #require(Self.cases.first { $0.name == "repository-renamed" }), in: root)
            let quiet = pipegen(["diff", "--against", "old", "--quiet"], in: root)
            let normal = pipegen(["diff", "--against", "old"], in: root)
            #expect(quiet.code == normal.code)
            #expect(quiet.stdout == normal.stdout)
            #expect(quiet.stderr == "")
        }
    }

    /// A folder rendered as JSON compares as JSON: the same report, nothing parsed when equal.
    @Test func jsonTemplatesCompareLikeYAML() throws {
        try withTemporaryFolder { root in
            let c = try #require(Self.cases.first { $0.name == "repository-renamed" })
            try Self.project(c, in: root)
            let yaml = pipegen(["diff", "--against", "old"], in: root)
            #expect(pipegen(["render", "before.yaml", "--out", "old-json", "--format", "json"], in: root).code == 0)
            let json = pipegen(["diff", "--against", "old-json"], in: root)
            #expect(json.code == yaml.code)
            #expect(
                json.stdout
                    == yaml.stdout.replacing("against old\n", with: "against old-json\n").replacing(
                        ".yaml)", with: ".json)"
                    ).replacing(".yaml)", with: ".json)"))
            #expect(
                pipegen(["diff", "before.yaml", "--against", "old-json"], in: root).stdout
                    == "no change: before.yaml renders what old-json holds\n")
        }
    }

    /// The route-to-live example against its own committed templates: no change, exit 0.
    @Test func anExampleAgainstItsOwnTemplates() {
        let root = Golden.repositoryRoot(from: #filePath)
        let run = pipegen(
            ["diff", "Examples/route-to-live/pipegen.yaml", "--against", "Examples/route-to-live/templates"], in: root)
        #expect(run.code == 0)
        #expect(
            run.stdout
                == "no change: Examples/route-to-live/pipegen.yaml renders what Examples/route-to-live/templates holds\n"
        )
        #expect(run.stderr == "")
    }

    static let gitAvailable = (try? Git.run(["--version"], in: "/").status) == 0

    /// `--against REF` reads the output folder at the ref with git, from a config in a sub-folder
    /// of the repository, and reports like the folder it was.
    @Test(.enabled(if: gitAvailable, "git is not installed"))
    func againstAGitRef() throws {
        try withTemporaryFolder { root in
            let c = try #require(Self.cases.first { $0.name == "environment-added" })
            try FileSystem.makeDirectories("\(root)/infra")
            try write(try read("\(Self.folder)/\(c.name)/before.yaml"), to: "\(root)/infra/pipegen.yaml")
            #expect(pipegen(["render", "infra/pipegen.yaml"], in: root).code == 0)
            for arguments in [
                ["init", "-q"], ["add", "."],
                ["-c", "user.name=pipegen", "-c", "user.email=pipegen@example.com", "commit", "-q", "-m", "before"],
            ] {
                let git = try Git.run(arguments, in: root)
                try #require(git.status == 0, "git \(arguments): \(git.stderr)")
            }
            #expect(
                pipegen(["diff", "infra/pipegen.yaml", "--against", "HEAD"], in: root).stdout
                    == "no change: infra/pipegen.yaml renders what HEAD:infra/templates holds\n")
            try write(try read("\(Self.folder)/\(c.name)/after.yaml"), to: "\(root)/infra/pipegen.yaml")
            let run = pipegen(["diff", "infra/pipegen.yaml", "--against", "HEAD"], in: "\(root)")
            #expect(run.code == c.exitCode, "\(run.stderr)")
            let expected = try read("\(Self.folder)/\(c.name)/report.txt")
                .replacing(
                    "Changes of pipegen.yaml against old\n",
                    with: "Changes of infra/pipegen.yaml against HEAD:infra/templates\n"
                )
                .replacing("caused by pipegen.yaml:", with: "caused by infra/pipegen.yaml:")
            expectSnapshot(run.stdout, expected)

            let missing = pipegen(["diff", "infra/pipegen.yaml", "--against", "no-such-ref"], in: root)
            #expect(missing.code == ExitCode.fileError)
            #expect(missing.stderr.hasPrefix("error: git cannot read 'no-such-ref': "), "\(missing.stderr)")
        }
    }

    @Test func againstIsRequired() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["diff"], in: root)
            #expect(run.code == ExitCode.usage)
            #expect(run.stderr.hasPrefix("error: missing '--against REF|DIR'\n"))
        }
    }

    /// The text report is coloured on a terminal, plain otherwise.
    @Test func coloursOnATerminal() throws {
        try withTemporaryFolder { root in
            try Self.project(try #require(Self.cases.first { $0.name == "repository-renamed" }), in: root)
            let coloured = pipegen(["diff", "--against", "old"], in: root, terminal: true)
            let plain = pipegen(["diff", "--against", "old"], in: root)
            #expect(coloured.stdout.contains("\u{1B}[1m"))
            #expect(!plain.stdout.contains("\u{1B}["))
            #expect(
                pipegen(["diff", "--against", "old"], in: root, environment: ["NO_COLOR": "1"], terminal: true).stdout
                    == plain.stdout)
        }
    }
}
