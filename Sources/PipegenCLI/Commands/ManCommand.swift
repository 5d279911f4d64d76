/// `pipegen man`: the manual page, made from the command specifications.
enum ManCommand: Subcommand {
    static let spec = CommandSpec(
        name: "man", summary: "Print the manual page (roff)",
        discussion: """
            Prints pipegen(1) in roff, made from the same definitions as --help: every
            subcommand with its options, the exit codes and the environment. The
            release tarball holds it as share/man/man1/pipegen.1.
            """,
        examples: ["pipegen man | man -l -", "pipegen man > /usr/local/share/man/man1/pipegen.1"])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        io.stdout.write(ManPage.text(Subcommands.all.map { $0.spec }))
    }
}
