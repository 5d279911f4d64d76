import YAMLKit

/// Reads a config file's text into a validated `Config`, collecting every problem found.
public enum ConfigLoader {
    /// The config in `file`, or nil with at least one error among the diagnostics. Files whose
    /// path ends in `.json` are read as JSON, anything else as YAML.
    public static func load(_ file: SourceFile) -> (config: Config?, diagnostics: [Diagnostic]) {
        // STUB: replaced by the schema-driven decoder.
        (Config(project: "demo"), [])
    }
}
