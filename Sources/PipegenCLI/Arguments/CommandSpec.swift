/// One option a subcommand accepts: a flag (`--help`) or an option with a value (`--out DIR`).
struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes: `out` for `--out`.
    var long: String
    /// The one-letter alias without its dash: `o` for `-o`.
    var short: Character?
    /// The value's placeholder in help (`DIR`); nil for a flag.
    var valueName: String?
    /// The accepted values, when the option is a choice; empty for free text.
    var choices: [String]

    /// An option that takes no value.
    static func flag(_ long: String, short: Character? = nil) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, choices: [])
    }

    /// An option followed by a value, given as `--long VALUE`, `--long=VALUE` or `-s VALUE`.
    static func value(_ long: String, short: Character? = nil, name: String, choices: [String] = []) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: name, choices: choices)
    }

    var takesValue: Bool { valueName != nil }
    var spelling: String { "--\(long)" }

    /// The `-h, --help` every subcommand accepts.
    static let help = OptionSpec.flag("help", short: "h")
}

/// What a subcommand accepts on its command line.
struct CommandSpec: Sendable, Equatable {
    /// The subcommand's name, as typed after `pipegen`.
    var name: String
    /// A one-line summary for the subcommand list.
    var summary: String
    /// The options, besides the implicit `-h, --help`.
    var options: [OptionSpec] = []
    /// Names of the optional positional arguments, in order (`CONFIG`).
    var positionals: [String] = []

    /// `pipegen render`: what usage errors point the user at.
    var invocation: String { "pipegen \(name)" }

    /// The options including `--help`.
    var allOptions: [OptionSpec] { options + [.help] }
}

/// The parsed command line of one subcommand.
struct ParsedArguments: Equatable {
    /// Option values by long name.
    var values: [String: String] = [:]
    /// Long names of the flags given.
    var flags: Set<String> = []
    /// The positional arguments, in order.
    var positionals: [String] = []

    /// The value of option `long`, if given.
    func value(_ long: String) -> String? { values[long] }

    /// The `index`th positional argument, if given.
    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }
}

/// The outcome of parsing: run the subcommand, or show its help.
enum ParseOutcome: Equatable {
    case run(ParsedArguments)
    case help
}
