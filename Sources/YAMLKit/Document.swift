/// An ordered tree of plain data: what the writers turn into YAML or JSON text.
///
/// Maps keep their entries in the order they were built, so output order is always the
/// order a builder chose, never hash order.
public enum Document: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Document])
    case map([Entry])

    /// One key and its value inside a `.map`.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: Document

        public init(_ key: String, _ value: Document) {
            self.key = key
            self.value = value
        }
    }

    /// The value stored under `key` when this is a map (the first one, if a builder repeated it).
    public subscript(key: String) -> Document? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The element at `index` when this is a list.
    public subscript(index: Int) -> Document? {
        guard case .list(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The items when this is a list.
    public var listValue: [Document]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The entries when this is a map.
    public var mapValue: [Entry]? {
        if case .map(let entries) = self { return entries }
        return nil
    }
}

extension Document: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Document...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Document)...) {
        self = .map(elements.map { Entry($0.0, $0.1) })
    }
    public init(nilLiteral: ()) { self = .null }
}
