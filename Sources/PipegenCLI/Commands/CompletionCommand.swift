/// `pipegen completion SHELL`: a completion script, made from the command specifications.
enum CompletionCommand: Subcommand {
    static let shells = ["bash", "zsh", "fish"]

    static let spec = CommandSpec(
        name: "completion", summary: "Print a shell completion script",
        positionals: [PositionalSpec(name: "SHELL", summary: "bash, zsh or fish", completion: .words(shells))],
        usage: ["completion bash|zsh|fish"],
        discussion: """
            Prints a script that completes pipegen's subcommands, options, their values
            and file names, made from the same definitions as --help. Load it from
            your shell's startup file, or install it where the shell looks for
            completions (the release tarball holds all three in completions/).
            """,
        examples: [
            "source <(pipegen completion bash)       # in ~/.bashrc",
            "pipegen completion zsh > \"${fpath[1]}/_pipegen\"",
            "pipegen completion fish > ~/.config/fish/completions/pipegen.fish",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        let specs = Subcommands.all.map { $0.spec }
        switch arguments.positional(0) {
        case "bash": io.stdout.write(Completions.bash(specs))
        case "zsh": io.stdout.write(Completions.zsh(specs))
        case "fish": io.stdout.write(Completions.fish(specs))
        case let other:
            let message = other.map { "unknown shell '\($0)'" } ?? "missing shell"
            throw .usage(UsageError("\(message); expected one of bash, zsh, fish", command: spec.invocation))
        }
    }
}
