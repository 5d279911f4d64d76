import YAMLKit

/// Reads a config file into a validated `Config`, collecting every problem found.
public enum ConfigLoader {
    /// The config in `file`, or nil with at least one error among the diagnostics. Files whose
    /// path ends in `.json` are read as JSON, anything else as YAML. Diagnostics come sorted
    /// by position.
    public static func load(_ file: SourceFile) -> (config: Config?, diagnostics: [Diagnostic]) {
        let root: Node?
        do {
            root = try file.path.hasSuffix(".json") ? JSONReader.parse(file.text) : YAMLReader.parse(file.text)
        } catch {
            return (nil, [.error(error.message, at: error.mark)])
        }
        return decode(root)
    }

    /// Like `load(_:)` for raw bytes, so invalid UTF-8 is reported at its position. Returns
    /// the source file to print diagnostics against.
    public static func load(path: String, bytes: [UInt8]) -> (file: SourceFile, config: Config?, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
        let root: Node?
        do {
            root = try path.hasSuffix(".json") ? JSONReader.parse(bytes) : YAMLReader.parse(bytes)
        } catch {
            return (file, nil, [.error(error.message, at: error.mark)])
        }
        let (config, diagnostics) = decode(root)
        return (file, config, diagnostics)
    }

    static func decode(_ root: Node?) -> (config: Config?, diagnostics: [Diagnostic]) {
        guard let root else {
            return (nil, [.error("the config is empty", at: nil, notes: [.help("run 'pipegen init' to write a starter config")])])
        }
        let context = DecodeContext()
        let config = ConfigDecoder(context: context).decode(root)
        var diagnostics = sorted(context.diagnostics)
        if context.uncounted > 0 {
            diagnostics.append(
                .error(
                    "\(context.uncounted) more errors not listed", at: nil,
                    notes: [.help("pipegen lists the first \(DecodeContext.errorLimit) errors of a file")]))
        }
        return (config, diagnostics)
    }

    /// Source order; diagnostics without a position last, in the order they were found.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.mark, b.element.mark) {
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
