import PipegenKit

/// `pipegen graph`: a picture of accounts, regions, pipelines, stages and roles.
enum GraphCommand: Subcommand {
    static let spec = CommandSpec(
        name: "graph", summary: "Print a diagram of the accounts, pipelines and roles",
        options: [
            .value("format", short: "f", name: "FORMAT", choices: ["mermaid", "dot"], "mermaid or dot (default: mermaid)")
        ],
        positionals: [.config],
        discussion: """
            Draws each account with its regions: the tooling region holds the
            pipelines, their stages in order and the actions of each stage. A dashed
            arrow leads from every cross-account action to the role it assumes in an
            environment account, and from each role to what it deploys or updates
            there, region by region. Mermaid text renders on GitHub inside a
            ```mermaid block; DOT text is for Graphviz. The same config always gives
            the same text.
            """,
        examples: [
            "pipegen graph > pipeline.mmd", "pipegen graph infra/pipegen.yaml --format dot | dot -Tsvg > graph.svg",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        var workspace = Workspace(arguments, io: io, output: .none)
        let config = try workspace.load(io: &io).config
        let graph = DeploymentGraph(config)
        io.stdout.write(arguments.value("format") == "dot" ? graph.dot : graph.mermaid)
    }
}
