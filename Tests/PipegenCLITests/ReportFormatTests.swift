import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenCLI

/// `--diagnostics-format`: the JSON, SARIF and GitHub forms of a run's problems, and the exit
/// codes that tell them apart. scripts/test validates the SARIF against the SARIF 2.1.0 schema.
@Suite struct ReportFormatTests {
    static let invalid = """
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            aproval: true

        """

    static func json(_ text: String) throws -> Document {
        try #require(try? JSONReader.parse(Array(text.utf8)).document)
    }

    @Test func jsonReportOfAnInvalidConfig() throws {
        try withTemporaryFolder { root in
            try write(Self.invalid, to: "\(root)/pipegen.yaml")
            let run = pipegen(["validate", "--diagnostics-format", "json"], in: root)
            #expect(run.code == ExitCode.invalidConfig)
            let report = try Self.json(run.stdout)
            #expect(report["version"] == .int(1))
            #expect(report["command"] == "validate")
            #expect(report["outcome"] == "invalid-config")
            #expect(report["exitCode"] == .int(1))
            #expect(report["errors"] == .int(1))
            let diagnostic = try #require(report["diagnostics"]?[0])
            #expect(diagnostic["kind"] == "config")
            #expect(diagnostic["severity"] == "error")
            #expect(diagnostic["file"] == "pipegen.yaml")
            #expect(diagnostic["line"] == .int(8))
            #expect(diagnostic["column"] == .int(5))
            #expect(diagnostic["message"] == "unknown key 'aproval' in environment 'dev'")
            #expect(diagnostic["help"] == .list(["did you mean 'approval'?"]))
            #expect(diagnostic["notes"] == .list([]))
            // The people's text is still on stderr.
            #expect(run.stderr.contains("pipegen.yaml:8:5: error: unknown key 'aproval'"))
        }
    }

    @Test func jsonReportOfAValidConfigTakesStdoutAlone() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["validate", "--diagnostics-format=json"], in: root)
            #expect(run.code == 0)
            let report = try Self.json(run.stdout)
            #expect(report["outcome"] == "ok")
            #expect(report["diagnostics"] == .list([]))
            #expect(run.stderr.contains("pipegen.yaml: ok"))
        }
    }

    @Test func driftIsReportedPerFileAtItsFirstDifferingLine() throws {
        try withTemporaryFolder { root in
            let files = try CheckTests.renderedProject(root)
            let file = try #require(files.first)
            var lines = CheckTests.lines(file.contents)
            lines[2] = String(lines[2].prefix(3)) + "X" + lines[2].dropFirst(4)
            try write(lines.map { $0 + "\n" }.joined(), to: "\(root)/templates/\(file.name)")
            let run = pipegen(["check", "--diagnostics-format", "json"], in: root)
            #expect(run.code == ExitCode.drift)
            let report = try Self.json(run.stdout)
            #expect(report["outcome"] == "drift")
            let diagnostic = try #require(report["diagnostics"]?[0])
            #expect(diagnostic["kind"] == "drift")
            #expect(diagnostic["file"] == .string("templates/\(file.name)"))
            #expect(diagnostic["line"] == .int(3))
            #expect(diagnostic["column"] == .int(4))
            // The diff goes to stderr when stdout holds the report.
            #expect(run.stderr.contains("--- templates/\(file.name) (committed)"))

            let github = pipegen(["check", "--diagnostics-format", "github"], in: root)
            #expect(github.code == ExitCode.drift)
            #expect(
                github.stdout.contains(
                    "::error file=templates/\(file.name),line=3,col=4,title=pipegen check::'templates/\(file.name)' differs from what the config renders, first at line 3%0Ahelp: run 'pipegen render pipegen.yaml' and commit the result\n"
                ))
            #expect(github.stdout.contains("--- templates/\(file.name) (committed)"))
        }
    }

    @Test func sarifLogHasOneResultPerProblem() throws {
        try withTemporaryFolder { root in
            try write(Self.invalid, to: "\(root)/pipegen.yaml")
            let run = pipegen(["check", "--diagnostics-format", "sarif"], in: root)
            #expect(run.code == ExitCode.invalidConfig)
            let log = try Self.json(run.stdout)
            #expect(log["version"] == "2.1.0")
            let sarifRun = try #require(log["runs"]?[0])
            #expect(sarifRun["tool"]?["driver"]?["name"] == "pipegen")
            #expect(sarifRun["columnKind"] == "unicodeCodePoints")
            let result = try #require(sarifRun["results"]?[0])
            #expect(result["ruleId"] == "config")
            #expect(result["level"] == "error")
            let location = try #require(result["locations"]?[0]?["physicalLocation"])
            #expect(location["artifactLocation"]?["uri"] == "pipegen.yaml")
            #expect(location["region"]?["startLine"] == .int(8))
            #expect(location["region"]?["startColumn"] == .int(5))
        }
    }

    @Test func fileErrorsAreReportedToo() throws {
        try withTemporaryFolder { root in
            let run = pipegen(["validate", "missing.yaml", "--diagnostics-format", "json"], in: root)
            #expect(run.code == ExitCode.fileError)
            let report = try Self.json(run.stdout)
            #expect(report["outcome"] == "file-error")
            #expect(report["diagnostics"]?[0]?["kind"] == "io")
        }
    }

    @Test(arguments: [
        ("a%b\r\nc", "a%25b%0D%0Ac"), ("plain", "plain"),
    ])
    func workflowCommandEscapes(_ text: String, _ escaped: String) {
        #expect(ReportWriter.escapeData(text) == escaped)
        #expect(ReportWriter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }

    @Test(arguments: [
        ("pipegen.yaml", "pipegen.yaml"), ("infra/my config.yaml", "infra/my%20config.yaml"),
        ("/abs/a#b.yaml", "file:///abs/a%23b.yaml"), ("d:x.yaml", "d%3Ax.yaml"),
    ])
    func sarifURIs(_ path: String, _ uri: String) {
        #expect(ReportWriter.uri(path) == uri)
    }

    @Test(arguments: [
        ("same\n", "same\n", 2, 1), ("abc\ndef\n", "abc\ndxf\n", 2, 2), ("ä€x\n", "ä€y\n", 1, 3),
        ("a\n", "a\nb\n", 2, 1), ("", "new\n", 1, 1),
    ])
    func firstDifference(_ old: String, _ new: String, _ line: Int, _ column: Int) {
        let mark = CheckCommand.firstDifference(Array(old.utf8), Array(new.utf8))
        #expect(mark == Mark(line: line, column: column))
    }
}

/// Distinct exit codes, `--quiet` and `--verbose`.
@Suite struct VerbosityTests {
    @Test func quietCheckPrintsOneErrorPerFileInsteadOfTheDiff() throws {
        try withTemporaryFolder { root in
            let file = try #require(try CheckTests.renderedProject(root).first)
            var lines = CheckTests.lines(file.contents)
            lines[1] = "Description: edited"
            try write(lines.map { $0 + "\n" }.joined(), to: "\(root)/templates/\(file.name)")
            let run = pipegen(["check", "-q"], in: root)
            #expect(run.code == ExitCode.drift)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("templates/\(file.name):2:1: error: 'templates/\(file.name)' differs"))
            #expect(run.stderr.contains(" 2 | Description: edited\n"))
        }
    }

    @Test func quietSuccessSaysNothing() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            for command in ["render", "check", "validate"] {
                let run = pipegen([command, "--quiet"], in: root)
                #expect(run.code == 0, "\(command)")
                #expect(run.stdout == "" && run.stderr == "", "\(command)")
            }
        }
    }

    @Test func verboseSaysWhatItRead() throws {
        try withTemporaryFolder { root in
            try write(validConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["validate", "-v"], in: root)
            #expect(run.code == 0)
            #expect(run.stderr.contains("note: read 'pipegen.yaml'"))
            #expect(run.stderr.contains("note: rendered templates/"))
        }
    }

    @Test func quietAndVerboseTogetherIsAUsageError() {
        let run = pipegen(["render", "-q", "-v"], in: "/")
        #expect(run.code == ExitCode.usage)
        #expect(run.stderr.hasPrefix("error: '--quiet' and '--verbose' cannot be used together"))
    }

    @Test(arguments: Subcommands.all.map { $0.spec.name })
    func everySubcommandTakesQuietAndVerbose(_ name: String) throws {
        let command = try #require(Subcommands.named(name))
        for long in ["quiet", "verbose", "help"] {
            #expect(command.spec.allOptions.contains { $0.long == long })
        }
    }

    @Test func exitCodesAreDistinct() {
        let codes = ExitCode.documented.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes == [0, 1, 2, 3, 4, 5, 70])
    }
}
