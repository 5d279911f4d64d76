import YAMLKit

extension KeySpec {
    /// The default as data, when `defaultText` is a value the user could write and the decoder
    /// accepts; nil for prose ("the tooling region") and placeholders (`<partition>`). The
    /// schema's `default` and the starter config's commented-out values come from here.
    public var literalDefault: Document? {
        defaultText.flatMap { SchemaValues.literal($0, type) }
    }

    /// `example` as data (it is written as YAML), nil when there is none.
    public var exampleValue: Document? {
        guard let example, let node = try? YAMLReader.parse(example) else { return nil }
        return node.document
    }
}

/// Reads schema texts (defaults, examples) as values of their declared type.
enum SchemaValues {
    /// `text` as a value of `type`, or nil when it is not one the decoder would accept.
    static func literal(_ text: String, _ type: ValueType) -> Document? {
        // Angle brackets mark a placeholder to fill in, never a value.
        if text.contains("<"), text.contains(">") { return nil }
        switch type {
        case .string(let format):
            return StringRules.problem(text, format) == nil ? .string(text) : nil
        case .integer(let lo, let hi):
            return Int(text).flatMap { (lo...hi).contains($0) ? .int($0) : nil }
        case .integerChoice(let options):
            return Int(text).flatMap { options.contains($0) ? .int($0) : nil }
        case .boolean:
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .choice(let options):
            return options.contains(text) ? .string(text) : nil
        case .list(let element, let minItems):
            guard let node = try? YAMLReader.parse(text), case .sequence(let items) = node.kind, items.count >= minItems
            else { return nil }
            var values: [Document] = []
            for item in items {
                guard let scalar = item.scalar, let value = literal(scalar.text, element) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .either(let types):
            return types.lazy.compactMap { literal(text, $0) }.first
        case .object, .map:
            return nil
        }
    }
}
