import PipegenConfig

/// `pipegen version` (also `pipegen --version`): prints the version and the commit.
enum VersionCommand: Subcommand {
    static let spec = CommandSpec(
        name: "version", summary: "Print the version of pipegen", usage: ["version", "--version"],
        discussion: """
            Prints the version and the commit pipegen was built from, such as
            'pipegen 0.2.0 (commit 0867066a1b2c)'; a build from a working tree rather
            than scripts/release says 'dev' instead of the commit.
            """)

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        io.stdout.write("pipegen \(PipegenVersion.description)\n")
    }
}
