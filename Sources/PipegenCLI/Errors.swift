import PipegenConfig

/// The process exit codes, for scripts and CI: each kind of failure has its own, so a CI job
/// can tell an invalid config from templates that are out of date.
public enum ExitCode {
    /// Success; for `check`, the templates are up to date.
    public static let success: Int32 = 0
    /// The config has errors (diagnostics on stderr), or cannot do what was asked of it.
    public static let invalidConfig: Int32 = 1
    /// The command line itself was wrong.
    public static let usage: Int32 = 2
    /// `check` found templates that differ from what the config renders, are missing or stale;
    /// `diff` found that the templates would change (and no permission widens).
    public static let drift: Int32 = 3
    /// A file could not be read or written (the config, the output folder, `init`'s target).
    public static let fileError: Int32 = 4
    /// `diff`: a permission would be added or widened (this outranks `drift`).
    public static let permissionsWiden: Int32 = 5
    /// A bug in pipegen (`EX_SOFTWARE` in sysexits.h).
    public static let internalError: Int32 = 70

    /// Every code with what it means, for the top-level help and the man page.
    static let documented: [(code: Int32, meaning: String)] = [
        (success, "success; for check, the templates are up to date; for diff, nothing changes"),
        (invalidConfig, "the config has errors, or cannot do what was asked (ecs-files without container-deployment)"),
        (usage, "usage error: unknown subcommand or option, a missing or invalid option value, an extra argument"),
        (drift, "check: a committed template differs from the config, is missing, or is stale; diff: the templates change"),
        (fileError, "a file could not be read or written (for diff, also a git ref), or init's target exists"),
        (permissionsWiden, "diff: a permission is added or widened"),
        (internalError, "a bug in pipegen; nothing was written"),
    ]
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
    /// The config cannot do what was asked (no container-deployment for `ecs-files`); the
    /// message follows `error: `.
    case unsupported(String)
    /// The config has errors; its diagnostics are already on stderr.
    case invalidConfig
    /// `check` found differences, or `diff` found changes; the diffs or the report are already
    /// on stdout.
    case drift
    /// `diff` found a permission added or widened; the report is already on stdout.
    case permissionsWiden
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
            report.add(.io, [.error(message, at: nil)], file: nil)
            stderr.write(style.error + style.bold(message) + "\n")
            return ExitCode.fileError
        case .unsupported(let message):
            report.add(.config, [.error(message, at: nil)], file: report.configFile)
            stderr.write(style.error + style.bold(message) + "\n")
            return ExitCode.invalidConfig
        case .invalidConfig:
            return ExitCode.invalidConfig
        case .drift:
            return ExitCode.drift
        case .permissionsWiden:
            return ExitCode.permissionsWiden
        case .internalError(let problems):
            for problem in problems.isEmpty ? ["unknown failure"] : problems {
                report.add(.internal, [.error(problem, at: nil, notes: [.note("this is a bug in pipegen; please report it with your config")])], file: nil)
                stderr.write(style.paint("internal error: ", "1;31") + style.bold(problem) + "\n")
            }
            stderr.write(style.note + "this is a bug in pipegen; please report it with your config\n")
            return ExitCode.internalError
        }
    }
}
