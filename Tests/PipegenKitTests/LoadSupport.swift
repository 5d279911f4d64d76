import PipegenConfig
import PipegenKit

/// `Pipegen.load` of `bytes` as the file at `path`: its source, the valid config (nil when a
/// diagnostic is an error) and every diagnostic.
func loadConfig(path: String, bytes: [UInt8]) -> (file: SourceFile, config: Config?, diagnostics: [Diagnostic]) {
    let loaded = Pipegen.load(SourceFile(path: path, bytes: bytes))
    return (loaded.file, loaded.config, loaded.diagnostics)
}

/// The files `Renderer.render` gives for `config` (built anew, overrides applied) in `format`.
func renderFiles(_ config: Config, configPath: String, format: OutputFormat) throws -> [RenderedFile] {
    try Renderer.render(Pipegen.templates(config), RenderRequest(format: format, configPath: configPath)).files
}
