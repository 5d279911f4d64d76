import CloudFormation
import PipegenConfig
import PipegenKit

/// The config file and output folder a command works on, from `[CONFIG] [--out DIR]
/// [--format yaml|json]`: absolute paths for the file system, the user's spelling for messages.
struct Workspace {
    /// The options `render` and `check` share; `out` says what the folder is to the command.
    static func outputOptions(out: String) -> [OptionSpec] {
        [
            .value("out", short: "o", name: "DIR", out),
            .value("format", short: "f", name: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue), "yaml or json (default: yaml)"),
        ]
    }

    /// How `validate`, `render` and `check` report problems.
    static let diagnosticsOption = OptionSpec.value(
        "diagnostics-format", name: "FORMAT", choices: DiagnosticsFormat.allCases.map(\.rawValue),
        "text, json, github (annotations in a GitHub Actions run) or sarif (SARIF 2.1.0); json and sarif print one document on stdout (default: text)")

    /// The config path as the user typed it (`pipegen.yaml` by default), for diagnostics.
    var configDisplay: String
    var configPath: String
    /// The output folder as the user typed it, without trailing slashes (`templates` by
    /// default, next to the config).
    var outDisplay: String
    var outPath: String
    var format: OutputFormat

    init(_ arguments: ParsedArguments, io: CLIIO) {
        configDisplay = arguments.positional(0) ?? "pipegen.yaml"
        configPath = Paths.absolute(configDisplay, base: io.workingDirectory)
        if let out = arguments.value("out") {
            outDisplay = Paths.trimmingTrailingSlashes(out)
        } else {
            outDisplay = Paths.typedParent(configDisplay).map { Paths.join($0, "templates") } ?? "templates"
        }
        outPath = Paths.absolute(outDisplay, base: io.workingDirectory)
        format = arguments.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .yaml
    }

    /// The config's path relative to the output folder, written into each file's header.
    var configPathFromOutput: String { Paths.relative(from: outPath, to: configPath) }

    /// How a file in the output folder is named in messages: `templates/dev.yaml`.
    func display(_ name: String) -> String { Paths.join(outDisplay, name) }

    /// Reads and checks the config (`Pipegen.load`), printing its diagnostics (in source
    /// order, then a count) to stderr. Throws when the file cannot be read or has errors.
    func load(io: inout CLIIO) throws(CLIError) -> ValidConfig {
        io.report.configFile = configDisplay
        let bytes: [UInt8]
        do {
            // One byte more than pipegen reads is enough to refuse a larger file unread.
            bytes = try FileSystem.read(configPath, limit: ConfigReader.maximumBytes + 1)
        } catch {
            throw .io("cannot read '\(configDisplay)': \(error.message)")
        }
        io.detail("read '\(configDisplay)' (\(ByteCount.format(bytes.count)))")
        let loaded = Pipegen.load(SourceFile(path: configDisplay, bytes: bytes), LoadRequest(outputFolder: outDisplay, format: format))
        io.emit(loaded.diagnostics, in: loaded.file, kind: .config, omitted: loaded.omittedErrors)
        guard !loaded.diagnostics.hasErrors else { throw .invalidConfig }
        guard let valid = loaded.valid else {
            throw .internalError(["the config loader returned no config and no error for '\(configDisplay)'"])
        }
        let config = valid.config
        io.detail(
            "project '\(config.project.value)': \(counted(config.environments.count, "environment")), "
                + "\(counted(config.pipelines.all.count, "pipeline"))")
        return valid
    }

    /// Loads and renders the config in the workspace's format, then compares the result with
    /// the output folder: the first half of `render` and `check`. `verb` says what failed in
    /// an I/O error message.
    func plan(io: inout CLIIO, verb: String) throws(CLIError) -> (config: Config, plan: OutputPlan) {
        let valid = try load(io: &io)
        let rendered = try render(valid, format: format)
        try reportSizes(rendered, io: &io)
        do {
            return (valid.config, try OutputPlan(files: rendered.files, folder: outPath))
        } catch {
            throw .io("cannot \(verb) '\(display(absolute: error.path))': \(error.error.message)")
        }
    }

    /// Renders a loaded config (`Renderer.render`, the one way pipegen renders). A renderer
    /// failure, or file names that could not be written safely, are pipegen's bugs.
    func render(_ valid: ValidConfig, format: OutputFormat) throws(CLIError) -> RenderedTemplates {
        let rendered: RenderedTemplates
        do {
            rendered = try Renderer.render(
                valid.stacks, RenderRequest(format: format, configPath: configPathFromOutput, outputFolder: outDisplay))
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
