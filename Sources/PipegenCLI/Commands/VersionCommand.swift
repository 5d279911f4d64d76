/// `pipegen version` (also `pipegen --version`): prints the version.
enum VersionCommand: Subcommand {
    static let spec = CommandSpec(name: "version", summary: "Print the version of pipegen")

    static let help = """
        Print the version of pipegen.

        USAGE
          pipegen version
          pipegen --version

        OPTIONS
          -h, --help    Show this help

        """

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        io.stdout.write(PipegenCLI.version + "\n")
    }
}
