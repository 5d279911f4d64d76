/// What a shell completes in a place on the command line.
enum Completion: Sendable, Equatable {
    /// Nothing to offer (free text, a number).
    case none
    /// A file name.
    case file
    /// A folder name.
    case directory
    /// One of these words.
    case words([String])
    /// The name of a subcommand.
    case subcommand
}

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
    /// What it does, for `--help`, the man page and the shell completions (one sentence, no
    /// trailing period; the help text wraps it).
    var summary: String
    /// What a shell completes as its value.
    var completion: Completion

    /// An option that takes no value.
    static func flag(_ long: String, short: Character? = nil, _ summary: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, choices: [], summary: summary, completion: .none)
    }

    /// An option followed by a value, given as `--long VALUE`, `--long=VALUE` or `-s VALUE`.
    /// A choice completes its words; a `DIR` completes folders and a `FILE` files.
    static func value(
        _ long: String, short: Character? = nil, name: String, choices: [String] = [], _ summary: String
    ) -> OptionSpec {
        let completion: Completion =
            !choices.isEmpty ? .words(choices) : name == "DIR" ? .directory : name == "FILE" ? .file : .none
        return OptionSpec(long: long, short: short, valueName: name, choices: choices, summary: summary, completion: completion)
    }

    var takesValue: Bool { valueName != nil }
    var spelling: String { "--\(long)" }

    /// `-o, --out DIR` or `--force`: how help and the man page name the option.
    var label: String {
        let names = short.map { "-\($0), --\(long)" } ?? "--\(long)"
        return valueName.map { "\(names) \($0)" } ?? names
    }

    /// `[--out DIR]` or `[--format yaml|json]`: the option in a usage line.
    var usage: String {
        guard let valueName else { return "[--\(long)]" }
        return "[--\(long) \(choices.isEmpty ? valueName : choices.joined(separator: "|"))]"
    }

    /// `-q, --quiet`, `-v, --verbose` and `-h, --help`: what every subcommand accepts.
    static let common: [OptionSpec] = [
        .flag("quiet", short: "q", "Print only errors"),
        .flag("verbose", short: "v", "Print more detail"),
        .flag("help", short: "h", "Show this help"),
    ]
}

/// One positional argument; all are optional.
struct PositionalSpec: Sendable, Equatable {
    /// The placeholder: `CONFIG`.
    var name: String
    var summary: String
    var completion: Completion

    /// The config file argument most subcommands take.
    static let config = PositionalSpec(name: "CONFIG", summary: "The config file (default: pipegen.yaml)", completion: .file)
}

/// What a subcommand accepts on its command line and how it is described: the one source of
/// its `--help` text, its section of the man page and its shell completions.
struct CommandSpec: Sendable, Equatable {
    /// The subcommand's name, as typed after `pipegen`.
    var name: String
    /// A one-line summary for the subcommand list, no trailing period.
    var summary: String
    /// The first line of `--help`, when it says more than `summary`.
    var title: String?
    /// The options, besides the common `-q`, `-v` and `-h`.
    var options: [OptionSpec] = []
    /// The optional positional arguments, in order.
    var positionals: [PositionalSpec] = []
    /// Usage lines after `pipegen `, when the generated one does not say it all.
    var usage: [String]?
    /// What the command does: paragraphs of hand-wrapped lines (at most 80 columns), separated
    /// by a blank line; a line starting with two spaces is shown as is (a command to copy).
    var discussion: String = ""
    /// Example command lines.
    var examples: [String] = []

    /// `pipegen render`: what usage errors point the user at.
    var invocation: String { "pipegen \(name)" }

    /// The options including the common ones.
    var allOptions: [OptionSpec] { options + OptionSpec.common }

    /// The usage lines, without the leading `pipegen `.
    var usageLines: [String] {
        if let usage { return usage }
        return [([name] + positionals.map { "[\($0.name)]" } + options.map(\.usage)).joined(separator: " ")]
    }
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
