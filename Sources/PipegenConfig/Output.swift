import YAMLKit

/// The text format of rendered templates.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable, ConfigValue {
    case yaml, json

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}

/// Where the templates go and in which format (`output:`), so that every command finds them
/// without flags; `--out` and `--format` override it.
public struct OutputSettings: Sendable {
    /// The folder, relative to the config's folder, as written; nil when not set.
    public var folder: Located<String>?
    /// The format, where written; nil when not set.
    public var format: Located<OutputFormat>?

    public init(folder: Located<String>? = nil, format: Located<OutputFormat>? = nil) {
        self.folder = folder
        self.format = format
    }

    public enum Keys {
        public static let folder = Key<String>(
            "folder", .string(.text), default: "templates",
            "the folder the templates are written to, relative to this file's folder; pipegen replaces it as a whole (files it did not write are kept)")
        public static let format = Key<OutputFormat>(
            "format", .choice(OutputFormat.allCases.map(\.rawValue)), default: .yaml, "yaml or json")
    }

    static let spec = ObjectSpec(
        "output", "where the templates go: the folder and format every command uses unless --out or --format says otherwise",
        keys: [Keys.folder.spec, Keys.format.spec])
}

extension ConfigDecoder {
    /// `output:`; a folder must be relative and must not be the config's own folder or one
    /// of its parents, which pipegen would replace as a whole.
    func decodeOutput(_ r: ObjectReader) -> OutputSettings {
        var settings = OutputSettings(format: r.choice(OutputSettings.Keys.format))
        guard let folder = r.string(OutputSettings.Keys.folder.name) else { return settings }
        let text = folder.value
        if text.hasPrefix("/") {
            context.error(
                "'folder' in 'output' must be relative to the config's folder; '\(text)' is absolute", at: folder.mark,
                notes: [.help("write the path from this file's folder, such as 'templates' or '../cloudformation'")])
        } else if text.isEmpty || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            context.error(
                "'folder' in 'output' must be a folder name or a relative path", at: folder.mark,
                notes: [.help("write the path from this file's folder, such as 'templates'")])
        } else if Self.climbsToConfigFolder(text) {
            context.error(
                "'folder' in 'output' is '\(text)', the config's own folder or a folder above it", at: folder.mark,
                notes: [
                    .note("pipegen replaces the output folder as a whole"),
                    .help("give the templates a folder of their own, such as 'templates'"),
                ])
        } else {
            settings.folder = folder
        }
        return settings
    }

    /// True for a relative path that leads to its base folder or a folder above it (`.`,
    /// `..`, `a/../..`): folded lexically, it is empty or only `..`. (A path through a
    /// parent back into the base folder, `../infra` for a config in `infra/`, is caught
    /// where the folder's absolute path is known.)
    static func climbsToConfigFolder(_ path: String) -> Bool {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.allSatisfy { $0 == ".." }
    }
}
