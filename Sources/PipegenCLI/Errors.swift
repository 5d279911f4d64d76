/// The process exit codes, for scripts and CI.
public enum ExitCode {
    /// Success; for `check`, the templates are up to date.
    public static let success: Int32 = 0
    /// Invalid config, drift found by `check`, or a file that could not be read or written.
    public static let failure: Int32 = 1
    /// The command line itself was wrong.
    public static let usage: Int32 = 2
    /// A bug in pipegen (`EX_SOFTWARE` in sysexits.h).
    public static let internalError: Int32 = 70
    /// `diff`: the templates change, and no permission widens.
    public static let changes: Int32 = 10
    /// `diff`: a permission is added or widened.
    public static let permissionsWiden: Int32 = 11
}

/// A mistake on the command line, printed compiler style with a pointer to the help.
struct UsageError: Error, Equatable {
    var message: String
    /// A `help:` line, typically a did-you-mean suggestion.
    var help: String?
    /// The command whose `--help` to point at, such as `pipegen render`.
    var command: String

    init(_ message: String, help: String? = nil, command: String) {
        self.message = message
        self.help = help
        self.command = command
    }
}

/// Why a command stopped early. Anything a user should read has been printed by the time
/// `invalidConfig` or `drift` is thrown; the other cases carry their message.
enum CLIError: Error {
    case usage(UsageError)
    /// A file could not be read or written; the message follows `error: `.
    case io(String)
    /// The config has errors; its diagnostics are already on stderr.
    case invalidConfig
    /// `check` found differences; the diffs are already on stdout.
    case drift
    /// `diff` found changes that fail it; the report is already on stdout.
    case changes(Int32)
    /// A broken invariant inside pipegen, one line per problem.
    case internalError([String])
}

extension CLIIO {
    /// Prints `error` to stderr and returns its exit code.
    mutating func report(_ error: CLIError) -> Int32 {
        let style = stderrStyle
        switch error {
        case .usage(let usage):
            stderr.write(style.error + style.bold(usage.message) + "\n")
            if let help = usage.help { stderr.write(style.help + help + "\n") }
            stderr.write("Run '\(usage.command) --help' for usage.\n")
            return ExitCode.usage
        case .io(let message):
            stderr.write(style.error + style.bold(message) + "\n")
            return ExitCode.failure
        case .invalidConfig, .drift:
            return ExitCode.failure
        case .changes(let code):
            return code
        case .internalError(let problems):
            for problem in problems.isEmpty ? ["unknown failure"] : problems {
                stderr.write(style.paint("internal error: ", "1;31") + style.bold(problem) + "\n")
            }
            stderr.write(style.note + "this is a bug in pipegen; please report it with your config\n")
            return ExitCode.internalError
        }
    }
}
