import PipegenConfig
import PipegenKit
import YAMLKit

/// `pipegen plan`: the ordered deployment of every template, as commands to run.
enum PlanCommand: Subcommand {
    static let spec = CommandSpec(
        name: "plan", summary: "Print the ordered commands that deploy the templates",
        options: [
            .value("format", short: "f", name: "FORMAT", choices: ["text", "json"], "text or json (default: text)"),
            .value(
                "out", short: "o", name: "DIR",
                "The folder holding the templates, as in 'pipegen render' (default: templates/ next to the config)"),
            .value(
                "template-format", name: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue),
                "yaml or json: the format the templates were rendered in (default: yaml)"),
        ],
        positionals: [.config],
        discussion: """
            Prints numbered steps. A phase lists stacks that deploy in parallel, each
            with its account, region, stack name and a ready-to-run 'aws cloudformation
            deploy' command; a stack that needs another's output fetches it itself.
            Steps to do by hand (a bucket for large templates, the ECS services the
            deployments replace, e-mail confirmations, the first push) come where they
            are needed. Commands name one AWS CLI profile per account, such as
            'shop-dev': create profiles with those names or edit the commands. Paths
            are relative to the current folder. Warns when the templates on disk are
            not up to date.
            """,
        examples: [
            "pipegen plan", "pipegen plan infra/pipegen.yaml --out infra/cloudformation",
            "pipegen plan --format json | jq -r '.steps[].stacks[]?.command'",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        var workspace = Workspace(arguments, io: io, formatOption: "template-format")
        let valid = try workspace.load(io: &io)
        let files = try workspace.render(valid, format: workspace.format).files
        let plan = DeploymentPlan(valid, files: files, templateFolder: workspace.outDisplay)
        guard plan.problems.isEmpty else { throw .internalError(plan.problems) }
        if let output = try? OutputPlan(files: files, folder: workspace.outPath), output.hasChanges {
            io.stderr.write(
                io.stderrStyle.warning + "'\(workspace.outDisplay)' does not hold the templates this config renders; "
                    + "run 'pipegen render' before deploying\n")
        }
        io.stdout.write(arguments.value("format") == "json" ? JSONWriter().write(plan.document) : plan.text)
    }
}
