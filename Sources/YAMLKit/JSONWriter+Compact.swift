extension JSONWriter {
    /// `document` as JSON on one line with no spaces: for JSON embedded in a string value,
    /// such as a CodeBuild action's `EnvironmentVariables`.
    public static func compact(_ document: Document) -> String {
        var out = Output()
        writeCompact(document, into: &out)
        return out.text
    }

    private static func writeCompact(_ value: Document, into out: inout Output) {
        switch value {
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeCompact(item, into: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                quote(entry.key, into: &out)
                out += ":"
                writeCompact(entry.value, into: &out)
            }
            out += "}"
        case .string(let s): quote(s, into: &out)
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? YAMLWriter.format(d) : "null"
        }
    }
}
