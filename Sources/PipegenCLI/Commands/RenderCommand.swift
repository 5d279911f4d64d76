import PipegenKit

/// `pipegen render`: writes the templates for a config into the output folder.
enum RenderCommand: Subcommand {
    static let spec = CommandSpec(
        name: "render", summary: "Write the CloudFormation templates for a config",
        options: Workspace.outputOptions, positionals: ["CONFIG"])

    static let help = """
        Write the CloudFormation templates for a config.

        USAGE
          pipegen render [CONFIG] [--out DIR] [--format yaml|json]

        ARGUMENTS
          CONFIG                The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR         The folder to write to (default: templates/ next to
                                the config)
          -f, --format FORMAT   yaml or json (default: yaml)
          -h, --help            Show this help

        Writes one template for the tooling account and one for each environment,
        and prints a line per file. Nothing is written when the config has errors.
        The files are written to a temporary folder first and then moved into
        place, so the output folder never holds a half-written file. Files that
        pipegen wrote earlier but the config no longer produces are removed; any
        other file in the folder is left alone.

        EXAMPLES
          pipegen render
          pipegen render infra/pipegen.yaml --out infra/cloudformation
          pipegen render --format json

        """

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        let workspace = Workspace(arguments, io: io)
        let config = try workspace.loadConfig(io: &io)
        let files = try workspace.render(config, format: workspace.format)
        let plan: OutputPlan
        do {
            plan = try OutputPlan(files: files, folder: workspace.outPath)
        } catch {
            throw .io("cannot write '\(workspace.display(absolute: error.path))': \(error.error.message)")
        }
        if let name = plan.foreign.first {
            throw .io(
                "cannot write '\(workspace.display(name))': the file exists and was not written by pipegen; "
                    + "move it away and run 'pipegen render' again")
        }
        do {
            _ = try AtomicWriter(folder: workspace.outPath).commit(plan)
        } catch {
            throw .io("cannot write '\(workspace.display(absolute: error.path))': \(error.error.message)")
        }
        for (file, action) in plan.files {
            let path = workspace.display(file.name)
            if action == .unchanged {
                io.stdout.write("unchanged \(path)\n")
            } else {
                let resources = "\(file.resourceCount) resource\(file.resourceCount == 1 ? "" : "s")"
                io.stdout.write("wrote \(path) (\(resources), \(ByteCount.format(file.contents.utf8.count)))\n")
            }
        }
        for (name, _) in plan.stale {
            io.stdout.write("removed \(workspace.display(name)) (no longer produced by the config)\n")
        }
    }
}

/// File sizes for humans: `812 bytes`, `14.1 KB`, `2.3 MB` (units of 1024, one decimal).
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        let (unit, size) = bytes < 1024 * 1024 ? ("KB", 1024) : ("MB", 1024 * 1024)
        let tenths = (bytes * 10 + size / 2) / size
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
