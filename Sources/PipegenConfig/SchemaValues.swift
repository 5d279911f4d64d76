import YAMLKit

extension KeySpec {
    /// `example` as data (it is written as YAML), nil when there is none.
    public var exampleValue: Document? {
        guard let example, let node = try? YAMLReader.parse(example) else { return nil }
        return node.document
    }
}

extension Document {
    /// The value as YAML flow text, quoting strings that would read as anything else: how
    /// `pipegen init` and the schema's descriptions show defaults.
    public var flowText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s):
            let plain = ScalarStyle.of(s, allowLiteral: false) == .plain && !s.contains(where: { ",[]{}#".contains($0) })
            if plain { return s }
            return "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .list(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}
