import PipegenKit

/// `pipegen validate`: checks a config, and the templates it renders to, without writing.
enum ValidateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "validate", summary: "Check a config for errors without writing anything",
        options: [Workspace.diagnosticsOption], positionals: [.config],
        discussion: """
            Reads the config, reports every problem it finds (file:line:column, in the
            order they appear), and renders the templates in memory so that problems
            in the generated CloudFormation surface too. Exits with 0 when the config
            is valid and with 1 when it is not. A valid config is followed by notes
            a reviewer should know, such as the roles container-deployment may pass
            to the ECS tasks.
            """,
        examples: [
            "pipegen validate", "pipegen validate infra/pipegen.yaml",
            "pipegen validate --diagnostics-format sarif > pipegen.sarif",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        var workspace = Workspace(arguments, io: io, output: .none)
        let valid = try workspace.load(io: &io)
        let config = valid.config
        let rendered = try workspace.render(valid, format: workspace.format)
        try workspace.reportSizes(rendered, io: &io)
        let files = rendered.files
        let resources = files.reduce(0) { $0 + $1.resourceCount }
        let summary = "\(counted(files.count, "template")), \(counted(resources, "resource"))"
        io.output("\(workspace.configDisplay): ok (project '\(config.project.value)', \(counted(config.environments.count, "environment")), \(summary))\n")
        for note in Pipegen.notes(valid) { io.output("note: \(note)\n") }
    }
}
