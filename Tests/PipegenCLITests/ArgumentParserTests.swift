import PipegenConfig
import Testing

@testable import PipegenCLI

/// A command line and what parsing it against `render`'s spec should give.
struct ParseCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var values: [String: String] = [:]
    var positionals: [String] = []
    var help = false
    var testDescription: String { arguments.isEmpty ? "(none)" : arguments.joined(separator: " ") }
}

/// A command line and the exact stderr of its usage error.
struct UsageCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var stderr: String
    var testDescription: String { arguments.isEmpty ? "(none)" : arguments.joined(separator: " ") }
}

@Suite struct ArgumentParserTests {
    static let good: [ParseCase] = [
        ParseCase(arguments: []),
        ParseCase(arguments: ["infra/pipegen.yaml"], positionals: ["infra/pipegen.yaml"]),
        ParseCase(arguments: ["--out", "cfn"], values: ["out": "cfn"]),
        ParseCase(arguments: ["--out=cfn"], values: ["out": "cfn"]),
        ParseCase(arguments: ["-o", "cfn"], values: ["out": "cfn"]),
        ParseCase(arguments: ["-f", "json"], values: ["format": "json"]),
        ParseCase(arguments: ["--format=json", "p.yaml"], values: ["format": "json"], positionals: ["p.yaml"]),
        ParseCase(
            arguments: ["p.yaml", "--out", "cfn", "-f", "yaml"], values: ["out": "cfn", "format": "yaml"],
            positionals: ["p.yaml"]),
        ParseCase(arguments: ["--out=a=b"], values: ["out": "a=b"]),
        ParseCase(arguments: ["--out=-odd"], values: ["out": "-odd"]),
        ParseCase(arguments: ["--out", "-"], values: ["out": "-"]),
        ParseCase(arguments: ["-"], positionals: ["-"]),
        ParseCase(arguments: ["--", "--odd.yaml"], positionals: ["--odd.yaml"]),
        ParseCase(arguments: ["-o", "cfn", "--", "-h"], values: ["out": "cfn"], positionals: ["-h"]),
        ParseCase(arguments: ["--help"], help: true),
        ParseCase(arguments: ["-h"], help: true),
        ParseCase(arguments: ["p.yaml", "--outt", "-h"], help: true),
        ParseCase(arguments: ["--format", "xml", "--help"], help: true),
    ]

    @Test(arguments: good)
    func parses(_ c: ParseCase) throws {
        let outcome = try ArgumentParser.parse(c.arguments, spec: RenderCommand.spec)
        if c.help {
            #expect(outcome == .help)
        } else {
            #expect(outcome == .run(ParsedArguments(values: c.values, positionals: c.positionals)))
        }
    }

    static func usage(_ lines: String...) -> String { lines.map { $0 + "\n" }.joined() }

    static let bad: [UsageCase] = [
        UsageCase(
            arguments: ["render", "--outt", "x"],
            stderr: usage(
                "error: unknown option '--outt'", "help: did you mean '--out'?",
                "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--fromat=json"],
            stderr: usage(
                "error: unknown option '--fromat'", "help: did you mean '--format'?",
                "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "-out", "x"],
            stderr: usage(
                "error: unknown option '-out'", "help: did you mean '--out'?", "Run 'pipegen render --help' for usage.")
        ),
        UsageCase(
            arguments: ["render", "-x"],
            stderr: usage(
                "error: unknown option '-x'", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--format"],
            stderr: usage(
                "error: missing value for '--format'", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--format="],
            stderr: usage(
                "error: missing value for '--format'", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--out", "--format", "yaml"],
            stderr: usage(
                "error: missing value for '--out'", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["check", "-o"],
            stderr: usage(
                "error: missing value for '-o'", "Run 'pipegen check --help' for usage.")),
        UsageCase(
            arguments: ["render", "--format", "xml"],
            stderr: usage(
                "error: '--format' must be one of yaml, json (got 'xml')", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["check", "-f=json"],
            stderr: usage(
                "error: unknown option '-f=json'", "Run 'pipegen check --help' for usage.")),
        UsageCase(
            arguments: ["check", "-f", "YAML"],
            stderr: usage(
                "error: '-f' must be one of yaml, json (got 'YAML')", "Run 'pipegen check --help' for usage.")),
        UsageCase(
            arguments: ["render", "a.yaml", "b.yaml"],
            stderr: usage(
                "error: unexpected argument 'b.yaml'", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--out", "a", "-o", "b"],
            stderr: usage(
                "error: '--out' was given more than once", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["render", "--help=yes"],
            stderr: usage(
                "error: '--help' does not take a value", "Run 'pipegen render --help' for usage.")),
        UsageCase(
            arguments: ["validate", "--out", "x"],
            stderr: usage(
                "error: unknown option '--out'", "Run 'pipegen validate --help' for usage.")),
        UsageCase(
            arguments: ["rendr"],
            stderr: usage(
                "error: unknown subcommand 'rendr'", "help: did you mean 'render'?", "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["chekc", "--out", "x"],
            stderr: usage(
                "error: unknown subcommand 'chekc'", "help: did you mean 'check'?", "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["frobnicate"],
            stderr: usage(
                "error: unknown subcommand 'frobnicate'", "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["--versoin"],
            stderr: usage(
                "error: unknown option '--versoin'", "help: did you mean '--version'?",
                "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["--out", "x", "render"],
            stderr: usage(
                "error: unknown option '--out'", "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["help", "valdiate"],
            stderr: usage(
                "error: unknown subcommand 'valdiate'", "help: did you mean 'validate'?",
                "Run 'pipegen --help' for usage.")),
        UsageCase(
            arguments: ["help", "render", "check"],
            stderr: usage(
                "error: unexpected argument 'check'", "Run 'pipegen help --help' for usage.")),
        UsageCase(
            arguments: ["version", "now"],
            stderr: usage(
                "error: unexpected argument 'now'", "Run 'pipegen version --help' for usage.")),
        UsageCase(
            arguments: ["--version", "now"],
            stderr: usage(
                "error: unexpected argument 'now'", "Run 'pipegen version --help' for usage.")),
    ]

    @Test(arguments: bad)
    func usageErrors(_ c: UsageCase) throws {
        try withTemporaryFolder { folder in
            let run = pipegen(c.arguments, in: folder)
            #expect(run.code == 2)
            #expect(run.stdout == "")
            expectSnapshot(run.stderr, c.stderr)
            let left = try tree(folder)
            #expect(left.isEmpty)
        }
    }

    @Test func noArgumentsShowsTheOverviewAndFails() throws {
        let run = pipegen([], in: "/")
        #expect(run.code == 2)
        #expect(run.stdout == "")
        expectSnapshot(
            run.stderr, HelpCommand.topLevelHelp + "error: missing subcommand\nRun 'pipegen --help' for usage.\n")
    }

    @Test func usageErrorsAreColouredOnATerminalOnly() {
        let plain = "error: unknown option '-x'\nRun 'pipegen render --help' for usage.\n"
        let coloured =
            "\u{1B}[1;31merror: \u{1B}[0m\u{1B}[1munknown option '-x'\u{1B}[0m\nRun 'pipegen render --help' for usage.\n"
        #expect(pipegen(["render", "-x"], in: "/", terminal: true).stderr == coloured)
        #expect(pipegen(["render", "-x"], in: "/", terminal: false).stderr == plain)
        #expect(pipegen(["render", "-x"], in: "/", environment: ["NO_COLOR": "1"], terminal: true).stderr == plain)
        #expect(pipegen(["render", "-x"], in: "/", environment: ["TERM": "dumb"], terminal: true).stderr == plain)
    }

    @Test(
        arguments: [
            ("render", "render"), ("rednre", "render"), ("rebuild", nil), ("redner", "render"), ("chek", "check"),
            ("validte", "validate"),
            ("x", nil), ("helpp", "help"), ("RENDER", "render"), ("", nil),
        ] as [(String, String?)])
    func suggestions(_ typed: String, _ expected: String?) {
        #expect(Suggest.closest(to: typed, in: ["render", "check", "validate", "help", "version"]) == expected)
    }
}
