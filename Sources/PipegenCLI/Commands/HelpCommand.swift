/// `pipegen help [SUBCOMMAND]` (also `pipegen --help`): the overview, or one subcommand's help.
enum HelpCommand: Subcommand {
    static let spec = CommandSpec(
        name: "help", summary: "Show help for pipegen or one of its subcommands",
        positionals: [
            PositionalSpec(
                name: "SUBCOMMAND", summary: "The subcommand to describe; without it, list them all", completion: .subcommand)
        ],
        examples: ["pipegen help", "pipegen help render"])

    /// The overview: what pipegen does, then every subcommand from the registry.
    static var topLevelHelp: String {
        let width = Subcommands.all.map { $0.spec.name.count }.max() ?? 0
        let list = Subcommands.all.map { command in
            let name = command.spec.name
            return "  \(name)\(String(repeating: " ", count: width - name.count))   \(command.spec.summary)"
        }.joined(separator: "\n")
        let codes = ExitCode.documented.map { code, meaning in
            HelpText.row(String(code), meaning, column: 8).joined(separator: "\n")
        }.joined(separator: "\n")
        return """
            pipegen \(PipegenCLI.version)
            Generates the CloudFormation templates for cross-account CI/CD pipelines
            from a small config file (pipegen.yaml).

            USAGE
              pipegen <subcommand> [options]

            SUBCOMMANDS
            \(list)

            OPTIONS
              -h, --help    Show this help
              --version     Print the version and the commit it was built from

            Every subcommand also takes -q/--quiet (only errors) and -v/--verbose.

            EXAMPLES
              pipegen render                 Write templates/ from pipegen.yaml
              pipegen check                  In CI: fail when templates/ is out of date
              pipegen help render            Show the options of 'render'

            EXIT CODES
            \(codes)

            Run 'pipegen help <subcommand>' for the options of a subcommand.

            """
    }

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        guard let name = arguments.positional(0) else {
            io.stdout.write(topLevelHelp)
            return
        }
        guard let command = Subcommands.named(name) else { throw .usage(Subcommands.unknown(name)) }
        io.stdout.write(command.help)
    }
}
