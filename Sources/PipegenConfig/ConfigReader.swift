import YAMLKit

/// A config file read into nodes that keep their line and column: the first stage.
public struct ParsedConfig: Sendable {
    public let file: SourceFile
    /// The root node; nil when the file holds nothing or could not be read (`diagnostics` says why).
    public let root: Node?
    public let diagnostics: [Diagnostic]
}

/// A config decoded into its typed form, with every problem the decoder found: the second
/// stage. The kit's `Pipegen.load` runs it and then the checks of what the config derives.
public struct DecodedConfig: Sendable {
    public let file: SourceFile
    /// The config; nil when `diagnostics` holds an error.
    public let config: Config?
    /// In source order (`inSourceOrder`).
    public let diagnostics: [Diagnostic]
}

/// The config module's two stages: source text → located nodes → `Config`.
public enum ConfigReader {
    /// Reads the file's nodes: JSON when its path ends in `.json`, YAML otherwise. Invalid
    /// UTF-8 and syntax errors are reported at their position.
    public static func parse(_ file: SourceFile) -> ParsedConfig {
        do {
            let root = try file.path.hasSuffix(".json") ? JSONReader.parse(file.bytes) : YAMLReader.parse(file.bytes)
            return ParsedConfig(file: file, root: root, diagnostics: [])
        } catch {
            var notes: [Diagnostic.Note] = []
            // A tag such as `!Ref` is CloudFormation's short form, in an override's value.
            if error.message.hasPrefix("tags ("), isIntrinsicTag(file, at: error.mark) {
                notes.append(
                    .help("write CloudFormation's intrinsic functions in their long form: {Ref: Name}, {Fn::Sub: text}, {Fn::GetAtt: [Name, Arn]}"))
            }
            return ParsedConfig(file: file, root: nil, diagnostics: [.error(error.message, at: error.mark, notes: notes)])
        }
    }

    /// True when the text at `mark` is `!` and an uppercase letter (`!Ref`, `!GetAtt`).
    private static func isIntrinsicTag(_ file: SourceFile, at mark: Mark) -> Bool {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let rest = lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1)
        return rest.first == "!" && rest.dropFirst().first.map { ("A"..."Z").contains($0) } == true
    }

    /// Decodes the nodes against the schema and runs the checks that need several keys.
    public static func decode(_ parsed: ParsedConfig) -> DecodedConfig {
        guard parsed.diagnostics.isEmpty else { return DecodedConfig(file: parsed.file, config: nil, diagnostics: parsed.diagnostics) }
        guard let root = parsed.root else {
            let empty = Diagnostic.error("the config is empty", at: nil, notes: [.help("run 'pipegen init' to write a starter config")])
            return DecodedConfig(file: parsed.file, config: nil, diagnostics: [empty])
        }
        let context = DecodeContext()
        let config = ConfigDecoder(context: context).decode(root)
        var diagnostics = context.diagnostics.inSourceOrder()
        if context.uncounted > 0 {
            diagnostics.append(
                .error(
                    "\(context.uncounted) more errors not listed", at: nil,
                    notes: [.help("pipegen lists the first \(DecodeContext.errorLimit) errors of a file")]))
        }
        return DecodedConfig(file: parsed.file, config: config, diagnostics: diagnostics)
    }

    /// Both stages.
    public static func read(_ file: SourceFile) -> DecodedConfig {
        decode(parse(file))
    }
}
