import PipegenConfig
/// A `pipegen` subcommand. Adding one is a new file with a type conforming to this
/// protocol, plus its name in `Subcommands.all`.
protocol Subcommand {
    /// The name, summary, options, positionals, description and examples: the source of its
    /// `--help`, its part of the man page and its shell completions.
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; returning normally means exit 0.
    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError)
}

extension Subcommand {
    /// The full `--help` text, at most 80 columns, ending in a newline.
    static var help: String { HelpText.text(spec) }
}

/// The registry of subcommands, in the order `pipegen --help` lists them.
enum Subcommands {
    static var all: [any Subcommand.Type] {
        [
            RenderCommand.self, CheckCommand.self, DiffCommand.self, ValidateCommand.self, PlanCommand.self, GraphCommand.self,
            InitCommand.self,
            SchemaCommand.self, EcsFilesCommand.self, CompletionCommand.self, ManCommand.self, HelpCommand.self,
            VersionCommand.self,
        ]
    }

    /// The subcommand called `name`.
    static func named(_ name: String) -> (any Subcommand.Type)? {
        all.first { $0.spec.name == name }
    }

    /// An unknown-subcommand error, suggesting the nearest name.
    static func unknown(_ name: String) -> UsageError {
        let suggestion = Suggest.closest(to: name, in: all.map { $0.spec.name }).map { "did you mean '\($0)'?" }
        return UsageError("unknown subcommand '\(name)'", help: suggestion, command: "pipegen")
    }
}
