import YAMLKit

/// A config file read into nodes that keep their line and column: the first stage.
public struct ParsedConfig: Sendable {
    public let file: SourceFile
    /// The root node; nil when the file holds nothing or could not be read (`diagnostics` says
    /// why). A file with errors the reader read past (tabs in indentation) has one.
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
    /// Errors found after the first `DecodeContext.errorLimit`: counted, not kept.
    public var omittedErrors = 0
}

/// The config module's two stages: source text → located nodes → `Config`.
public enum ConfigReader {
    /// The largest config file pipegen reads: a route of the most environments pipegen takes
    /// (1,000), every key of each given and commented, is under a megabyte. Larger files are
    /// refused before they are read, so that any input costs bounded time and memory.
    public static let maximumBytes = 4 << 20

    /// What the readers build at most: a config of the most environments, each with every key,
    /// holds under 100,000 list items and mapping entries.
    public static let readLimits = ReadLimits(maximumEntries: 200_000)

    /// Reads the file's nodes: JSON when its path ends in `.json`, YAML otherwise. Invalid
    /// UTF-8 and syntax errors are reported at their position; a tab used for indentation is
    /// reported and read past, so that the rest of the file is still decoded.
    public static func parse(_ file: SourceFile) -> ParsedConfig {
        guard file.bytes.count <= maximumBytes else {
            return ParsedConfig(file: file, root: nil, diagnostics: [tooLarge])
        }
        let result =
            file.path.hasSuffix(".json")
            ? JSONReader.read(file.bytes, limits: readLimits) : YAMLReader.read(file.bytes, limits: readLimits)
        let diagnostics = result.problems.map { problem in
            var notes: [Diagnostic.Note] = problem.note.map { [.note($0)] } ?? []
            // A tag such as `!Ref` is CloudFormation's short form, in an override's value.
            if problem.message.hasPrefix("tags ("), isIntrinsicTag(file, at: problem.mark) {
                notes.append(
                    .help("write CloudFormation's intrinsic functions in their long form: {Ref: Name}, {Fn::Sub: text}, {Fn::GetAtt: [Name, Arn]}"))
            }
            return Diagnostic.error(problem.message, at: problem.mark, notes: notes)
        }
        return ParsedConfig(file: file, root: result.root, diagnostics: diagnostics)
    }

    /// The error for a config of more than `maximumBytes`.
    static var tooLarge: Diagnostic {
        .error(
            "the config is larger than \(maximumBytes) bytes (4 MiB), the most pipegen reads", at: nil,
            notes: [.help("a config of 1,000 environments, the most pipegen takes, is under 1 MiB; is this the right file?")])
    }

    /// True when the text at `mark` is `!` and an uppercase letter (`!Ref`, `!GetAtt`).
    private static func isIntrinsicTag(_ file: SourceFile, at mark: Mark) -> Bool {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let rest = lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1)
        return rest.first == "!" && rest.dropFirst().first.map { ("A"..."Z").contains($0) } == true
    }

    /// Decodes the nodes against the schema and runs the checks that need several keys. A
    /// file the reader read past a problem in is decoded too: its diagnostics come first.
    public static func decode(_ parsed: ParsedConfig) -> DecodedConfig {
        guard let root = parsed.root else {
            if !parsed.diagnostics.isEmpty {
                return DecodedConfig(file: parsed.file, config: nil, diagnostics: parsed.diagnostics)
            }
            let empty = Diagnostic.error("the config is empty", at: nil, notes: [.help("run 'pipegen init' to write a starter config")])
            return DecodedConfig(file: parsed.file, config: nil, diagnostics: [empty])
        }
        let context = DecodeContext()
        let decoded = ConfigDecoder(context: context).decode(root)
        let diagnostics = (parsed.diagnostics + context.diagnostics).inSourceOrder()
        let config = parsed.diagnostics.hasErrors ? nil : decoded
        return DecodedConfig(file: parsed.file, config: config, diagnostics: diagnostics, omittedErrors: context.uncounted)
    }

    /// Both stages.
    public static func read(_ file: SourceFile) -> DecodedConfig {
        decode(parse(file))
    }
}
