import PipegenKit
import YAMLKit

/// `pipegen diff`: what a config change does, per account, before it is merged.
enum DiffCommand: Subcommand {
    static let spec = CommandSpec(
        name: "diff", summary: "Show what a config change does in each account",
        title: "Show what a config change does in each account, before it is merged",
        options: [
            againstOption,
            .value(
                "out", short: "o", name: "DIR",
                "The output folder, as in 'pipegen render': where the templates are at the ref (default: templates/ next to the config)"
            ),
            .value(
                "format", short: "f", name: "FORMAT", choices: Report.allCases.map(\.rawValue),
                "text, markdown (a pull-request comment) or json (default: text)"),
            .value(
                "fail-on", name: "WHAT", choices: FailOn.allCases.map(\.rawValue),
                "change: exit 3 on any change, 5 when a permission widens (default); widen: exit 5 when a permission widens, else 0; never: exit 0"
            ),
        ],
        positionals: [.config],
        usage: [
            "diff [CONFIG] --against REF|DIR [--out DIR] [--format text|markdown|json] [--fail-on change|widen|never]"
        ],
        discussion: """
            Renders the config in memory and compares it with the old templates, read
            from their text. For each account, region and stack: the resources added,
            removed and changed, and for each changed property whether CloudFormation
            updates it without interruption, with some interruptions, or replaces the
            resource. Then every IAM permission, trust, key, bucket, repository and
            topic policy grant that is added, widened, narrowed or removed, each new
            or wider one with the config line that causes it; the data kept or
            deleted with a removed or replaced resource; and the stacks whose
            deployment phase changes. Never writes anything.

            A value of --against that names an existing folder is a folder; any other
            is a git ref of the repository that holds the config.

            Exits with 0 when nothing changes, with 3 when the templates change (as
            'check' does when they differ), and with 5 when a permission is added or
            widened; --fail-on widen exits with 5 or 0, --fail-on never with 0. A
            config error exits with 1, a file or git error with 4.
            """,
        examples: [
            "pipegen diff --against HEAD",
            "pipegen diff infra/pipegen.yaml --against origin/main --format markdown",
            "pipegen diff --against old-templates/ --fail-on widen",
        ])

    /// `--against REF|DIR`; shells complete folders (a ref would need git).
    static var againstOption: OptionSpec {
        var option = OptionSpec.value(
            "against", short: "a", name: "REF|DIR",
            "The templates to compare with: a folder, or a git ref (HEAD, main, origin/main, a commit) whose output folder is read with 'git show'"
        )
        option.completion = .directory
        return option
    }

    /// The report formats.
    enum Report: String, CaseIterable {
        case text, markdown, json
    }

    /// What makes the command fail.
    enum FailOn: String, CaseIterable {
        case change, widen, never
    }

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        guard let against = arguments.value("against") else {
            throw .usage(
                UsageError(
                    "missing '--against REF|DIR'", help: "compare with HEAD: pipegen diff --against HEAD",
                    command: "pipegen diff"))
        }
        let report = arguments.value("format").flatMap(Report.init(rawValue:)) ?? .text
        let failOn = arguments.value("fail-on").flatMap(FailOn.init(rawValue:)) ?? .change
        let workspace = Workspace(arguments, io: io)
        let valid = try workspace.load(io: &io)

        // The old side: a folder, or the output folder at a git ref.
        let folder = Paths.absolute(against, base: io.workingDirectory)
        let old: [OldTemplate]
        let label: String
        let headerFolder: String
        if (try? FileSystem.kind(folder, followingSymlinks: true)) == .directory {
            old = try folderFiles(folder, display: against)
            label = Paths.trimmingTrailingSlashes(against)
            headerFolder = folder
        } else {
            old = try gitFiles(against, workspace: workspace)
            label = "\(against):\(workspace.outDisplay)"
            headerFolder = workspace.outPath
        }

        // Rendered in the old files' format, with the header they would have in their folder,
        // so unchanged files are the same bytes and nothing needs parsing.
        let format: OutputFormat = !old.isEmpty && old.allSatisfy { $0.name.hasSuffix(".json") } ? .json : .yaml
        let rendered: RenderedTemplates
        do {
            rendered = try Renderer.render(
                valid.stacks,
                RenderRequest(format: format, configPath: Paths.relative(from: headerFolder, to: workspace.configPath)))
        } catch {
            throw .internalError(error.problems)
        }
        let changes = ChangeReport(valid, rendered: rendered.files, old: old)
        switch report {
        case .text:
            let style = io.stdoutStyle
            io.stdout.write(
                changes.text(config: workspace.configDisplay, against: label) { text, emphasis in
                    paint(text, emphasis, style)
                })
        case .markdown:
            io.stdout.write(changes.markdown(config: workspace.configDisplay, against: label))
        case .json:
            io.stdout.write(JSONWriter().write(changes.document(config: workspace.configDisplay, against: label)))
        }
        switch failOn {
        case .never: return
        case .widen: if changes.widensPermissions { throw .permissionsWiden }
        case .change:
            if changes.widensPermissions { throw .permissionsWiden }
            if changes.hasChanges || !changes.unreadable.isEmpty { throw .drift }
        }
    }

    static func paint(_ text: String, _ emphasis: ChangeEmphasis, _ style: Style) -> String {
        switch emphasis {
        case .heading: return style.bold(text)
        case .added: return style.paint(text, "32")
        case .removed: return style.paint(text, "31")
        case .changed: return style.paint(text, "33")
        case .widens: return style.paint(text, "1;31")
        case .narrows: return style.paint(text, "32")
        case .note: return style.paint(text, "36")
        }
    }

    /// The pipegen files of a folder (others are not templates pipegen wrote).
    static func folderFiles(_ folder: String, display: String) throws(CLIError) -> [OldTemplate] {
        do {
            var out: [OldTemplate] = []
            for name in try FileSystem.list(folder).names where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
                let path = Paths.join(folder, name)
                guard try FileSystem.kind(path, followingSymlinks: true) == .regular else { continue }
                let bytes = try FileSystem.read(path)
                if GeneratedHeader.isGenerated(String(decoding: bytes.prefix(4096), as: UTF8.self)) {
                    out.append(OldTemplate(name: name, bytes: bytes))
                }
            }
            return out
        } catch {
            throw .io("cannot read '\(display)': \(error.message)")
        }
    }

    /// The pipegen files of the output folder at a git ref.
    static func gitFiles(_ ref: String, workspace: Workspace) throws(CLIError) -> [OldTemplate] {
        let configFolder = Paths.parent(workspace.configPath)
        do {
            let prefix = try Git.pathFromRoot(of: configFolder)
            let outFromRoot = Paths.absolute(
                Paths.relative(from: configFolder, to: workspace.outPath), base: "/" + prefix)
            let files = try Git.files(at: ref, folder: String(outFromRoot.dropFirst()), from: configFolder)
            return files.filter {
                ($0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".json"))
                    && GeneratedHeader.isGenerated(String(decoding: $0.bytes.prefix(4096), as: UTF8.self))
            }
            .map { OldTemplate(name: $0.name, bytes: $0.bytes) }
        } catch {
            throw .io(error.message)
        }
    }
}
