import PipegenConfig
import PipegenKit

/// The config file and output folder a command works on, from `[CONFIG] [--out DIR]
/// [--format yaml|json]`: absolute paths for the file system, the user's spelling for messages.
struct Workspace {
    /// The options `render` and `check` share.
    static let outputOptions: [OptionSpec] = [
        .value("out", short: "o", name: "DIR"),
        .value("format", short: "f", name: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue)),
    ]

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
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(configPath)
        } catch {
            throw .io("cannot read '\(configDisplay)': \(error.message)")
        }
        let loaded = Pipegen.load(SourceFile(path: configDisplay, bytes: bytes))
        Self.print(loaded.diagnostics, in: loaded.file, io: &io)
        guard !loaded.diagnostics.hasErrors else { throw .invalidConfig }
        guard let valid = loaded.valid else {
            throw .internalError(["the config loader returned no config and no error for '\(configDisplay)'"])
        }
        return valid
    }

    /// Like a compiler's error limit: a broken file of a million lines says the first
    /// problems clearly and counts the rest.
    static let diagnosticLimit = 50

    /// Prints `diagnostics` to stderr in source order (whole-file problems first, ties in the
    /// order found), then the `N errors and M warnings generated` line.
    static func print(_ diagnostics: [Diagnostic], in source: SourceFile, io: inout CLIIO) {
        let printer = DiagnosticPrinter(color: io.stderrStyle.enabled)
        let ordered = diagnostics.inSourceOrder()
        for diagnostic in ordered.prefix(Self.diagnosticLimit) { io.stderr.write(printer.format(diagnostic, in: source)) }
        if ordered.count > Self.diagnosticLimit {
            io.stderr.write(printer.format(.init(.note, "\(ordered.count - Self.diagnosticLimit) more not shown", at: nil), in: source))
        }
        io.stderr.write(printer.summary(diagnostics))
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
            rendered = try Renderer.render(valid.stacks, RenderRequest(format: format, configPath: configPathFromOutput))
        } catch {
            throw .internalError(error.problems)
        }
        try Self.checkNames(rendered.files)
        return rendered
    }

    /// Prints the size problems of rendered files: warnings above the inline-upload limit; a
    /// file too large for CloudFormation at all makes the config invalid.
    func reportSizes(_ rendered: RenderedTemplates, io: inout CLIIO) throws(CLIError) {
        guard !rendered.diagnostics.isEmpty else { return }
        Self.print(rendered.diagnostics, in: SourceFile(path: configDisplay, text: ""), io: &io)
        if rendered.diagnostics.hasErrors { throw .invalidConfig }
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
