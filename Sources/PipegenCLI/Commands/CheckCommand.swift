import PipegenKit

/// `pipegen check`: fails when the committed templates differ from what the config renders.
enum CheckCommand: Subcommand {
    static let spec = CommandSpec(
        name: "check", summary: "Fail when the templates on disk differ from the config",
        options: Workspace.outputOptions, positionals: ["CONFIG"])

    static let help = """
        Fail when the templates on disk differ from what the config renders.

        USAGE
          pipegen check [CONFIG] [--out DIR] [--format yaml|json]

        ARGUMENTS
          CONFIG                The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR         The folder the templates were written to (default:
                                templates/ next to the config)
          -f, --format FORMAT   yaml or json (default: yaml)
          -h, --help            Show this help

        Renders the config in memory and compares the result, byte for byte, with
        the files in the output folder. Exits with 0 when they are identical, and
        with 1 when a file differs, is missing, or is an old pipegen file that
        'pipegen render' would remove, printing a unified diff for each and the
        commands that delete the stacks of removed files. Never writes anything,
        so it is safe to run in CI.

        EXAMPLES
          pipegen check
          pipegen check infra/pipegen.yaml --out infra/cloudformation

        """

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        let workspace = Workspace(arguments, io: io)
        let (config, plan) = try workspace.plan(io: &io, verb: "read")
        let style = io.stdoutStyle
        var (differ, missing) = (0, 0)
        for (file, action) in plan.files {
            let path = workspace.display(file.name)
            let new = Array(file.contents.utf8)
            switch action {
            case .unchanged: continue
            case .update(let old):
                differ += 1
                let diff = UnifiedDiff(oldLabel: "\(path) (committed)", newLabel: "\(path) (rendered)")
                io.stdout.write(diff.format(old: old, new: new, style: style))
            case .create:
                missing += 1
                let diff = UnifiedDiff(oldLabel: "/dev/null", newLabel: "\(path) (rendered)")
                io.stdout.write(diff.format(old: [], new: new, style: style))
            }
        }
        for (name, old) in plan.stale {
            let diff = UnifiedDiff(oldLabel: "\(workspace.display(name)) (committed)", newLabel: "/dev/null")
            io.stdout.write(diff.format(old: old, new: [], style: style))
        }
        guard differ + missing + plan.stale.count > 0 else {
            io.stdout.write(
                "\(Paths.join(workspace.outDisplay, "")): up to date (\(counted(plan.files.count, "file")))\n")
            return
        }
        // "2 files differ, 1 missing, 1 stale": the first part carries the noun.
        var parts: [String] = []
        if differ > 0 { parts.append(counted(differ, "file") + (differ == 1 ? " differs" : " differ")) }
        if missing > 0 { parts.append(parts.isEmpty ? counted(missing, "file") + " missing" : "\(missing) missing") }
        let stale = plan.stale.count
        if stale > 0 { parts.append(parts.isEmpty ? counted(stale, "stale file") : "\(stale) stale") }
        let removal = RemovalReport(config: config, plan: plan).text(folder: workspace.outDisplay)
        io.stdout.write(removal + (removal.isEmpty ? "" : "\n"))
        io.stdout.write(parts.joined(separator: ", ") + "; run 'pipegen render' to update\n")
        throw .drift
    }
}
