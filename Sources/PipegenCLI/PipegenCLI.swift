import PipegenConfig
import Glibc

/// The command-line interface, callable in process: `run` returns the exit code.
public enum PipegenCLI {
    /// The version `pipegen --version` prints, without the commit.
    public static let version = PipegenVersion.current.description

    /// Runs `pipegen` with `arguments` (without the program name) on the real process IO.
    public static func run(arguments: [String]) -> Int32 {
        guard var io = CLIIO.process() else {
            var stderr = OutputSink.descriptor(2)
            stderr.write("error: cannot determine the current folder\n")
            return ExitCode.fileError
        }
        return run(arguments: arguments, io: &io)
    }

    /// Runs `pipegen` with `arguments` on `io`; everything it prints goes through `io`.
    public static func run(arguments: [String], io: inout CLIIO) -> Int32 {
        let code: Int32
        do throws(CLIError) {
            try dispatch(arguments, io: &io)
            code = ExitCode.success
        } catch {
            code = io.report(error)
        }
        io.finishReport(exitCode: code)
        return code
    }

    private static func dispatch(_ arguments: [String], io: inout CLIIO) throws(CLIError) {
        guard let first = arguments.first else {
            // Like `go` and `git`: a bare command shows what there is, but is not a success.
            io.stderr.write(HelpCommand.topLevelHelp)
            throw .usage(UsageError("missing subcommand", command: "pipegen"))
        }
        let rest = Array(arguments.dropFirst())
        let command: any Subcommand.Type
        switch first {
        case "-h", "--help": command = HelpCommand.self
        case "--version": command = VersionCommand.self
        default:
            if first.hasPrefix("-"), first != "-" {
                let suggestion = Suggest.closest(to: String(first.drop(while: { $0 == "-" })), in: ["help", "version"]
                ).map { "did you mean '--\($0)'?" }
                throw .usage(UsageError("unknown option '\(first)'", help: suggestion, command: "pipegen"))
            }
            guard let named = Subcommands.named(first) else { throw .usage(Subcommands.unknown(first)) }
            command = named
        }
        try invoke(command, rest, io: &io)
    }

    /// Parses `arguments` for `command`, then shows its help or runs it.
    static func invoke(_ command: any Subcommand.Type, _ arguments: [String], io: inout CLIIO) throws(CLIError) {
        let outcome: ParseOutcome
        do {
            outcome = try ArgumentParser.parse(arguments, spec: command.spec)
        } catch {
            throw .usage(error)
        }
        switch outcome {
        case .help: io.stdout.write(command.help)
        case .run(let parsed):
            if parsed.flags.contains("quiet"), parsed.flags.contains("verbose") {
                throw .usage(UsageError("'--quiet' and '--verbose' cannot be used together", command: command.spec.invocation))
            }
            io.verbosity = parsed.flags.contains("quiet") ? .quiet : parsed.flags.contains("verbose") ? .verbose : .normal
            io.report.command = command.spec.name
            if let format = parsed.value(Workspace.diagnosticsOption.long).flatMap(DiagnosticsFormat.init(rawValue:)) {
                io.report.format = format
            }
            try command.run(parsed, io: &io)
        }
    }
}
