import CloudFormation
import PipegenConfig
import PipegenKit
import YAMLKit

/// The config file and output folder a command works on, from `[CONFIG] [--out DIR]
/// [--format yaml|json]` and the config's `output:` keys (the options win): absolute paths
/// for the file system, the user's spelling for messages. `-` as CONFIG reads standard input.
struct Workspace {
    /// The options `render` and `check` share; `out` says what the folder is to the command.
    static func outputOptions(out: String) -> [OptionSpec] {
        [
            .value("out", short: "o", name: "DIR", out),
            .value(
                "format", short: "f", name: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue),
                "yaml or json (default: the config's output.format, else yaml)"),
        ]
    }

    /// How `validate`, `render` and `check` report problems.
    static let diagnosticsOption = OptionSpec.value(
        "diagnostics-format", name: "FORMAT", choices: DiagnosticsFormat.allCases.map(\.rawValue),
        "text, json, github (annotations in a GitHub Actions run) or sarif (SARIF 2.1.0); json and sarif print one document on stdout (default: text)")

    /// What the command does with an output folder.
    enum Output {
        /// None (validate, graph): no folder is derived, whatever the config is.
        case none
        /// The templates' folder: `--out`, else the config's `output.folder`, else
        /// `templates/` next to the config.
        case templates
        /// A folder of its own, `default` next to the config unless `--out` says otherwise.
        case other(default: String)
    }

    /// The config path as the user typed it (`pipegen.yaml` by default; `<stdin>` for `-`),
    /// for diagnostics.
    var configDisplay: String
    /// Absolute; the working folder's `-` when the config is read from standard input.
    var configPath: String
    /// True for `-`: the config is read from standard input.
    var readsStandardInput: Bool
    /// The output folder as the user typed it, without trailing slashes (`templates` by
    /// default, next to the config).
    var outDisplay: String
    var outPath: String
    var format: OutputFormat
    /// What the command does with an output folder.
    var output: Output
    /// `--out` and the format option, when given: they win over the config.
    var outOption: String?
    var formatOption: OutputFormat?
    /// Where the config's `output.folder` was written, when the folder came from it.
    var folderMark: Mark?
    /// The config's text, once loaded, for diagnostics about its `output:` keys.
    var configSource: SourceFile?
    /// The command, for usage errors.
    var command: String

    /// `formatOption` names the option that chooses the template format (`format`, or
    /// `template-format` for `plan`, whose `--format` is its report's).
    init(_ arguments: ParsedArguments, io: CLIIO, output: Output = .templates, formatOption option: String = "format") {
        let typed = arguments.positional(0) ?? "pipegen.yaml"
        readsStandardInput = typed == "-"
        configDisplay = readsStandardInput ? "<stdin>" : typed
        configPath = Paths.absolute(typed, base: io.workingDirectory)
        self.output = output
        outOption = arguments.value("out").map(Paths.trimmingTrailingSlashes)
        formatOption = arguments.value(option).flatMap(OutputFormat.init(rawValue:))
        command = "pipegen \(io.report.command.isEmpty ? "render" : io.report.command)"
        var folder = OutputSettings.Keys.folder.defaultValue
        if case .other(let name) = output { folder = name }
        outDisplay = outOption ?? Paths.typedParent(typed).map { Paths.join($0, folder) } ?? folder
        outPath = Paths.absolute(outDisplay, base: io.workingDirectory)
        format = formatOption ?? OutputSettings.Keys.format.defaultValue
    }

    /// The config's path relative to the output folder, written into each file's header.
    var configPathFromOutput: String { readsStandardInput ? "standard input" : Paths.relative(from: outPath, to: configPath) }

    /// How a file in the output folder is named in messages: `templates/dev.yaml`.
    func display(_ name: String) -> String { Paths.join(outDisplay, name) }

    /// Reads and checks the config (`Pipegen.load`), printing its diagnostics (in source
    /// order, then a count) to stderr, and settles the output folder and format (the options,
    /// else the config's `output:`, else the defaults). Throws when the file cannot be read or
    /// has errors, and, before reading, when a folder would have to be derived from standard
    /// input or a special file such as `/dev/stdin`.
    mutating func load(io: inout CLIIO) throws(CLIError) -> ValidConfig {
        io.report.configFile = configDisplay
        try checkConfigCanPlaceOutput()
        let bytes: [UInt8]
        do {
            bytes = readsStandardInput ? try io.standardInput.readAll() : try FileSystem.read(configPath)
        } catch {
            throw .io("cannot read '\(configDisplay)': \(error.message)")
        }
        io.detail("read '\(configDisplay)' (\(ByteCount.format(bytes.count)))")
        let loaded = Pipegen.load(SourceFile(path: configDisplay, bytes: bytes))
        io.emit(loaded.diagnostics, in: loaded.file, kind: .config)
        guard !loaded.diagnostics.hasErrors else { throw .invalidConfig }
        guard let valid = loaded.valid else {
            throw .internalError(["the config loader returned no config and no error for '\(configDisplay)'"])
        }
        let config = valid.config
        io.detail(
            "project '\(config.project.value)': \(counted(config.environments.count, "environment")), "
                + "\(counted(config.pipelines.all.count, "pipeline"))")
        settleOutput(config.output, io: io)
        configSource = loaded.file
        return valid
    }

    /// Loads and renders the config in the workspace's format, then compares the result with
    /// the output folder: the first half of `render` and `check`. `verb` says what failed in
    /// an I/O error message.
    mutating func plan(io: inout CLIIO, verb: String) throws(CLIError) -> (valid: ValidConfig, plan: OutputPlan) {
        let (valid, rendered) = try loadAndRender(io: &io)
        return (valid, try compare(rendered, verb: verb))
    }

    /// Loads the config and renders it in the workspace's format, reporting sizes.
    mutating func loadAndRender(io: inout CLIIO) throws(CLIError) -> (valid: ValidConfig, rendered: RenderedTemplates) {
        let valid = try load(io: &io)
        let rendered = try render(valid, format: format)
        try reportSizes(rendered, io: &io)
        return (valid, rendered)
    }

    /// Compares rendered files with the output folder.
    func compare(_ rendered: RenderedTemplates, verb: String) throws(CLIError) -> OutputPlan {
        do {
            return try OutputPlan(files: rendered.files, folder: outPath)
        } catch {
            throw .io("cannot \(verb) '\(display(absolute: error.path))': \(error.error.message)")
        }
    }

    /// Renders a loaded config (`Renderer.render`, the one way pipegen renders). A renderer
    /// failure, or file names that could not be written safely, are pipegen's bugs.
    func render(_ valid: ValidConfig, format: OutputFormat) throws(CLIError) -> RenderedTemplates {
        let rendered: RenderedTemplates
        do {
            rendered = try Renderer.render(valid.stacks, RenderRequest(format: format, configPath: configPathFromOutput))
        } catch {
            throw .internalError(error.problems)
        }
        try Self.checkNames(rendered.files)
        return rendered
    }

    /// Reports the size problems of rendered files. A file too large for CloudFormation at all
    /// makes the config invalid. Files over the inline limit concern deployment, which is
    /// `plan`'s business: one note for all of them (each in full with `--verbose`, none with
    /// `--quiet`).
    func reportSizes(_ rendered: RenderedTemplates, io: inout CLIIO) throws(CLIError) {
        let source = SourceFile(path: configDisplay, text: "")
        let errors = rendered.diagnostics.filter { $0.severity == .error }
        io.emit(errors, in: source, kind: .template)
        if !errors.isEmpty { throw .invalidConfig }
        for file in rendered.files {
            io.detail("rendered \(display(file.name)) (\(counted(file.resourceCount, "resource")), \(ByteCount.format(file.contents.utf8.count)))")
        }
        let large = rendered.files.filter { $0.contents.utf8.count > TemplateLimits.maxInlineBodyBytes }.map { display($0.name) }
        guard !large.isEmpty else { return }
        if io.verbosity == .verbose {
            io.emit(rendered.diagnostics.filter { $0.severity != .error }, in: source, kind: .template)
            return
        }
        let subject = large.count == 1 ? "'\(large[0])' is" : "\(large.count) templates (\(large.map { "'\($0)'" }.joined(separator: ", "))) are"
        let note = Diagnostic(
            .note, "\(subject) over the 51,200 bytes CloudFormation takes inline; 'pipegen plan' deploys through an S3 bucket", at: nil)
        io.emit([note], in: nil, kind: .template)
    }

    /// The renderer's file names must be plain, unique names inside the output folder: no
    /// `/`, no leading dot (the temporary folders and backups use those).
    static func checkNames(_ files: [RenderedFile]) throws(CLIError) {
        var seen: Set<String> = []
        for file in files {
            let name = file.name
            guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\0") else {
                throw .internalError(["the renderer produced a file with an unsafe name '\(name)'"])
            }
            guard seen.insert(name).inserted else {
                throw .internalError(["the renderer produced '\(name)' twice"])
            }
        }
    }
}

extension Workspace {
    /// How an absolute path inside (or equal to) the output folder is named in messages.
    func display(absolute path: String) -> String {
        if path == outPath { return outDisplay }
        let prefix = outPath.hasSuffix("/") ? outPath : outPath + "/"
        if path.hasPrefix(prefix) { return display(String(path.dropFirst(prefix.count))) }
        return path
    }
}
