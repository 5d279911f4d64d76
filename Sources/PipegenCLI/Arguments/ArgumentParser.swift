import PipegenConfig
/// Parses one subcommand's arguments against its `CommandSpec`.
///
/// Conventions: options and positionals may come in any order; `--` ends options; a value
/// follows its option as the next argument or after `=` (`--out DIR`, `--out=DIR`, `-o DIR`);
/// a lone `-` is a positional. `-h`/`--help` anywhere before `--` shows help, whatever else
/// is wrong. An option given twice is an error rather than a silent override. A value that
/// starts with `-` must use the `=` form (`--out=-odd`), so a forgotten value is reported as
/// missing instead of swallowing the next option.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParseOutcome {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        if arguments[..<end].contains(where: { $0 == "-h" || $0 == "--help" }) { return .help }

        var parsed = ParsedArguments()
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var typed = argument
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                typed = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            let option = try find(typed, in: spec)
            guard option.takesValue else {
                if inline != nil { throw UsageError("'\(typed)' does not take a value", command: spec.invocation) }
                parsed.flags.insert(option.long)
                continue
            }
            var value = inline
            if value == nil, index < arguments.endIndex, !looksLikeOption(arguments[index]) {
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty else {
                throw UsageError("missing value for '\(typed)'", command: spec.invocation)
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                let choices = option.choices.joined(separator: ", ")
                throw UsageError("'\(typed)' must be one of \(choices) (got '\(value)')", command: spec.invocation)
            }
            guard parsed.values[option.long] == nil else {
                throw UsageError("'\(option.spelling)' was given more than once", command: spec.invocation)
            }
            parsed.values[option.long] = value
        }
        if parsed.positionals.count > spec.positionals.count {
            let extra = parsed.positionals[spec.positionals.count]
            throw UsageError("unexpected argument '\(extra)'", command: spec.invocation)
        }
        return .run(parsed)
    }

    /// The option `typed` (`--out`, `-o`) names, or an unknown-option error with a suggestion.
    private static func find(_ typed: String, in spec: CommandSpec) throws(UsageError) -> OptionSpec {
        let options = spec.allOptions
        if typed.hasPrefix("--"), let option = options.first(where: { "--\($0.long)" == typed }) {
            return option
        }
        if !typed.hasPrefix("--"), typed.count == 2, let option = options.first(where: { $0.short == typed.last }) {
            return option
        }
        let bare = String(typed.drop(while: { $0 == "-" }))
        let suggestion = Suggest.closest(to: bare, in: options.map(\.long)).map { "did you mean '--\($0)'?" }
        throw UsageError("unknown option '\(typed)'", help: suggestion, command: spec.invocation)
    }

    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-"
    }
}
