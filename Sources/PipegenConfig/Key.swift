import YAMLKit

/// A value a config key can hold and state as its default: the default is declared once, as
/// a typed value, and shown as data by `pipegen schema` and `pipegen init`.
public protocol ConfigValue: Sendable {
    /// The value as the user would write it, as data.
    var document: Document { get }
}

extension String: ConfigValue {
    public var document: Document { .string(self) }
}

extension Int: ConfigValue {
    public var document: Document { .int(self) }
}

extension Bool: ConfigValue {
    public var document: Document { .bool(self) }
}

extension Array: ConfigValue where Element: ConfigValue {
    public var document: Document { .list(map(\.document)) }
}

extension ConfigValue where Self: RawRepresentable, RawValue == String {
    public var document: Document { .string(rawValue) }
}

/// A config key with a typed default: the one declaration the decoder (a missing key reads as
/// `defaultValue`), the model (its initializers' default arguments), the JSON Schema and the
/// starter config all read.
public struct Key<Value: ConfigValue>: Sendable {
    /// The key as the schema describes it; its default is `defaultValue`.
    public let spec: KeySpec
    /// The value when the key is absent.
    public let defaultValue: Value

    public init(_ name: String, _ type: ValueType, default value: Value, example: String? = nil, _ summary: String) {
        spec = KeySpec(name, type, defaultValue: value.document, example: example, summary)
        defaultValue = value
    }

    public var name: String { spec.name }
}
