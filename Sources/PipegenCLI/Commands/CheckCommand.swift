import PipegenConfig
import PipegenKit
import YAMLKit

/// `pipegen check`: fails when the committed templates differ from what the config renders.
enum CheckCommand: Subcommand {
    static let spec = CommandSpec(
        name: "check", summary: "Fail when the templates on disk differ from the config",
        title: "Fail when the templates on disk differ from what the config renders",
        options: Workspace.outputOptions(
            out: "The folder the templates were written to (default: the config's output.folder, else templates/ next to the config)")
            + [Workspace.diagnosticsOption],
        positionals: [.config],
        discussion: """
            Renders the config in memory and compares the result, byte for byte, with
            the files in the output folder. Exits with 0 when they are identical, and
            with 3 when a file differs, is missing, or is an old pipegen file that
            'pipegen render' would remove, printing a unified diff for each and the
            commands that delete the stacks of removed files (with --quiet, one line
            per file naming its first differing line). Exits with 1 when the config
            has errors. Never writes anything, so it is safe to run in CI.
            """,
        examples: [
            "pipegen check", "pipegen check infra/pipegen.yaml --out infra/cloudformation",
            "pipegen check --diagnostics-format github",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        var workspace = Workspace(arguments, io: io)
        let (valid, plan) = try workspace.plan(io: &io, verb: "read")
        let removal = RemovalReport(valid, plan: plan, folder: workspace.outDisplay)
        let replacing = Set(removal.replacements.map(\.new))
        let style = io.outputStyle
        let help = Diagnostic.Note.help("run 'pipegen render \(workspace.configDisplay)' and commit the result")
        // The diffs are the text report; the findings (one per file, at its first differing
        // line) are the machine-readable one, and what --quiet prints instead of the diffs.
        let quiet = io.verbosity == .quiet
        var diffs = ""
        var (differ, missing) = (0, 0)
        for (file, action) in plan.files {
            let path = workspace.display(file.name)
            let new = Array(file.contents.utf8)
            switch action {
            case .unchanged:
                io.detail("\(path): up to date")
            case .update(let old):
                differ += 1
                let diff = UnifiedDiff(oldLabel: "\(path) (committed)", newLabel: "\(path) (rendered)")
                diffs += diff.format(old: old, new: new, style: style)
                let mark = Self.firstDifference(old, new)
                let finding = Diagnostic.error(
                    "'\(path)' differs from what the config renders, first at line \(mark.line)", at: mark, notes: [help])
                io.emit([finding], in: SourceFile(path: path, bytes: old), kind: .drift, print: quiet, count: false)
            case .create where replacing.contains(file.name):
                continue  // Reported with the file it replaces.
            case .create:
                missing += 1
                let diff = UnifiedDiff(oldLabel: "/dev/null", newLabel: "\(path) (rendered)")
                diffs += diff.format(old: [], new: new, style: style)
                let finding = Diagnostic.error("'\(path)' is missing; the config renders it", at: nil, notes: [help])
                io.emit([finding], in: SourceFile(path: path, text: ""), kind: .drift, print: quiet, count: false)
            }
        }
        var replaced = 0
        for (name, old) in plan.stale {
            let path = workspace.display(name)
            if let new = removal.replacement(of: name) {
                // The same stack in another format: no diff across formats, and nothing to delete.
                replaced += 1
                let finding = Diagnostic.error(
                    "'\(path)' is to be replaced by '\(workspace.display(new))', the same stack in another format", at: nil,
                    notes: [.help("run 'pipegen render \(workspace.configDisplay)' to replace it")])
                io.emit([finding], in: SourceFile(path: path, text: ""), kind: .drift, print: true, count: false)
                continue
            }
            let diff = UnifiedDiff(oldLabel: "\(path) (committed)", newLabel: "/dev/null")
            diffs += diff.format(old: old, new: [], style: style)
            let finding = Diagnostic.error(
                "'\(path)' is no longer rendered by the config", at: nil,
                notes: [.help("run 'pipegen render \(workspace.configDisplay)' to remove it, and delete its stack")])
            io.emit([finding], in: SourceFile(path: path, text: ""), kind: .drift, print: quiet, count: false)
        }
        io.output(diffs)
        guard differ + missing + plan.stale.count > 0 else {
            io.output("\(Paths.join(workspace.outDisplay, "")): up to date (\(counted(plan.files.count, "file")))\n")
            return
        }
        // "2 files differ, 1 missing, 1 stale": the first part carries the noun.
        var parts: [String] = []
        if differ > 0 { parts.append(counted(differ, "file") + (differ == 1 ? " differs" : " differ")) }
        if missing > 0 { parts.append(parts.isEmpty ? counted(missing, "file") + " missing" : "\(missing) missing") }
        if replaced > 0 { parts.append(parts.isEmpty ? counted(replaced, "file") + " to replace" : "\(replaced) to replace") }
        let stale = plan.stale.count - replaced
        if stale > 0 { parts.append(parts.isEmpty ? counted(stale, "stale file") : "\(stale) stale") }
        let removalText = removal.text(folder: workspace.outDisplay)
        io.output(removalText + (removalText.isEmpty ? "" : "\n"))
        io.output(parts.joined(separator: ", ") + "; run 'pipegen render' to update\n")
        throw .drift
    }

    /// Where `new` first differs from `old`: the line (1-based) and the column (1-based, in
    /// Unicode scalars) in `old`. Past the end of `old` when it is a prefix of `new`.
    static func firstDifference(_ old: [UInt8], _ new: [UInt8]) -> Mark {
        var index = 0
        while index < old.count, index < new.count, old[index] == new[index] { index += 1 }
        var line = 1
        var lineStart = 0
        for i in 0..<index where old[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        let column = old[lineStart..<index].filter { $0 & 0xC0 != 0x80 }.count + 1
        return Mark(line: line, column: column)
    }
}
