import PipegenKit

/// `pipegen render`: writes the templates for a config into the output folder.
enum RenderCommand: Subcommand {
    static let spec = CommandSpec(
        name: "render", summary: "Write the CloudFormation templates for a config",
        options: Workspace.outputOptions(out: "The folder to write to (default: the config's output.folder, else templates/ next to the config)")
            + [Workspace.diagnosticsOption],
        positionals: [.config],
        discussion: """
            Writes one template for the tooling account and one for each environment,
            and prints a line per file. Nothing is written when the config has errors.
            The output folder is replaced as a whole: the new one is built beside it
            (.DIR.pipegen-tmp-*, ignored by git) and swapped in with one rename, so it
            holds the whole old set or the whole new set, never a mix. Files that
            pipegen wrote earlier but the config no longer produces are removed; any
            other file in the folder is kept. For each stack such a file (or a
            file whose stack moved) deployed, prints the commands that delete it, in
            order, and the retained buckets, keys and repositories to delete by hand
            (even with --quiet: it is said only once). Templates over the 51,200 bytes
            CloudFormation takes inline get one note ('pipegen plan' deploys them).
            """,
        examples: [
            "pipegen render", "pipegen render infra/pipegen.yaml --out infra/cloudformation",
            "pipegen render --format json",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        var workspace = Workspace(arguments, io: io)
        let (valid, rendered) = try workspace.loadAndRender(io: &io)
        try workspace.checkReplaceable(io: &io)
        var writer = AtomicWriter(folder: workspace.outPath)
        if let hook = io.beforeWriteStep { writer.beforeStep = hook }
        // Before the folder is read: an interrupted run may have left it moved away.
        writer.recover()
        let plan = try workspace.compare(rendered, verb: "write")
        // Read before the write: the old files are the only record of the stacks to delete.
        let removal = RemovalReport(valid, plan: plan, folder: workspace.outDisplay)
        if let name = plan.foreign.first {
            throw .io(
                "cannot write '\(workspace.display(name))': the file exists and was not written by pipegen; "
                    + "move it away and run 'pipegen render' again")
        }
        do {
            _ = try writer.commit(plan)
        } catch {
            // Named as the user reaches them, through the output folder even when it is a symlink.
            let path = error.path.hasPrefix(writer.folder) ? workspace.outPath + error.path.dropFirst(writer.folder.count) : error.path
            if error.mountPoint {
                throw .io(
                    "cannot replace '\(workspace.display(absolute: path))' as a whole: it is a mount point; "
                        + "write to a folder inside it, or mount the folder above it")
            }
            throw .io("cannot write '\(workspace.display(absolute: path))': \(error.error.message)")
        }
        // One write for the whole listing: a line per file would be a system call per file.
        var listing = ""
        for (file, action) in plan.files {
            let path = workspace.display(file.name)
            if action == .unchanged {
                listing += "unchanged \(path)\n"
            } else {
                let size = ByteCount.format(file.contents.utf8.count)
                listing += "wrote \(path) (\(counted(file.resourceCount, "resource")), \(size))\n"
            }
        }
        for (name, _) in plan.stale {
            if let new = removal.replacement(of: name) {
                listing += "removed \(workspace.display(name)) (replaced by \(workspace.display(new)): the same stack)\n"
            } else {
                listing += "removed \(workspace.display(name)) (no longer produced by the config)\n"
            }
        }
        io.output(listing)
        // Said once, when the file goes: printed even with --quiet.
        let removalText = removal.text(folder: workspace.outDisplay)
        if io.report.format.ownsStdout { io.stderr.write(removalText) } else { io.stdout.write(removalText) }
    }
}
