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

    /// Reads and decodes the config, printing its diagnostics (in source order, then a
    /// count) to stderr. Throws when the file cannot be read or has errors.
    func loadConfig(io: inout CLIIO) throws(CLIError) -> Config {
        try load(io: &io).config
    }

    /// A loaded config and the templates its checks built, and the files rendered from
    /// them when `load` was asked for a format.
    struct Loaded {
        var config: Config
        var stacks: [StackTemplate]
        var rendered: (format: OutputFormat, files: Result<[RenderedFile], InternalError>)?
    }

    /// `loadConfig`, keeping the templates the checks built for rendering. With a `format`,
    /// also renders them, while the checks run.
    func load(io: inout CLIIO, rendering format: OutputFormat? = nil) throws(CLIError) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(configPath)
        } catch {
            throw .io("cannot read '\(configDisplay)': \(error.message)")
        }
        let request = format.map { Pipegen.RenderRequest(configPath: configPathFromOutput, format: $0) }
        let (source, config, stacks, diagnostics, files, workingSet) = Pipegen.analyze(
            path: configDisplay, bytes: bytes, rendering: request)
        ProcessLifetime.keep(workingSet as Any, io: io)
        Self.print(diagnostics, in: source, io: &io)
        guard diagnostics.allSatisfy({ $0.severity != .error }) else { throw .invalidConfig }
        guard let config else {
            throw .internalError(["the config loader returned no config and no error for '\(configDisplay)'"])
        }
        var loaded = Loaded(config: config, stacks: stacks, rendered: nil)
        if let format, let files { loaded.rendered = (format, files) }
        return loaded
    }

    /// Prints `diagnostics` to stderr in source order (whole-file problems first, the loader's
    /// order breaking ties), then the `N errors and M warnings generated` line.
    static let diagnosticLimit = 50

    static func print(_ diagnostics: [Diagnostic], in source: SourceFile, io: inout CLIIO) {
        let printer = DiagnosticPrinter(color: io.stderrStyle.enabled)
        let ordered = diagnostics.enumerated().sorted { a, b in
            switch (a.element.mark, b.element.mark) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }
        // Like a compiler's error limit: a broken file of a million lines says the first
        // problems clearly and counts the rest.
        for (_, diagnostic) in ordered.prefix(Self.diagnosticLimit) { io.stderr.write(printer.format(diagnostic, in: source)) }
        if ordered.count > Self.diagnosticLimit {
            io.stderr.write(printer.format(.init(.note, "\(ordered.count - Self.diagnosticLimit) more not shown", at: nil), in: source))
        }
        io.stderr.write(printer.summary(diagnostics))
    }

    /// Loads and renders the config, then compares the result with the output folder: the
    /// first half of `render` and `check`. `verb` says what failed in an I/O error message.
    func plan(io: inout CLIIO, verb: String) throws(CLIError) -> OutputPlan {
        try configAndPlan(io: &io, verb: verb).plan
    }

    /// `plan(io:verb:)` with the config it rendered (for the removal report).
    func configAndPlan(io: inout CLIIO, verb: String) throws(CLIError) -> (config: Config, plan: OutputPlan) {
        let loaded = try load(io: &io, rendering: format)
        let config = loaded.config
        let files = try render(loaded, format: format)
        ProcessLifetime.keep(loaded, io: io)
        try reportSizes(files, io: &io)
        do {
            return (config, try OutputPlan(files: files, folder: outPath))
        } catch {
            throw .io("cannot \(verb) '\(display(absolute: error.path))': \(error.error.message)")
        }
    }

    /// Prints the size problems of rendered files (warnings above the inline-upload limit);
    /// throws when a file is too large for CloudFormation at all.
    func reportSizes(_ files: [RenderedFile], io: inout CLIIO) throws(CLIError) {
        let diagnostics = Pipegen.sizeDiagnostics(files)
        guard !diagnostics.isEmpty else { return }
        Self.print(diagnostics, in: SourceFile(path: configDisplay, text: ""), io: &io)
        if diagnostics.contains(where: { $0.severity == .error }) { throw .invalidConfig }
    }

    /// Renders `config` in memory. A renderer failure, or file names that could not be
    /// written safely, are pipegen's bugs.
    func render(_ config: Config, format: OutputFormat) throws(CLIError) -> [RenderedFile] {
        try render(Loaded(config: config, stacks: Pipegen.stacks(config), rendered: nil), format: format)
    }

    /// Renders templates already built by `load` (or takes the files it rendered).
    func render(_ loaded: Loaded, format: OutputFormat) throws(CLIError) -> [RenderedFile] {
        let files: [RenderedFile]
        do {
            if let rendered = loaded.rendered, rendered.format == format {
                files = try rendered.files.get()
            } else {
                files = try Renderer.render(loaded.stacks, configPath: configPathFromOutput, format: format)
            }
        } catch {
            throw .internalError(error.problems)
        }
        try Self.checkNames(files)
        return files
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
