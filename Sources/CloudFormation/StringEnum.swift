/// A property whose value is one of a set of strings AWS documents ("Allowed values"). Closed
/// sets are Swift `enum`s with raw values; sets AWS grows often (compute types, runtimes,
/// images) are structs with static members and a string-literal escape hatch, so a value AWS
/// added yesterday needs no pipegen release.
public protocol StringEnum: ValueConvertible, ValueDecodable, RawRepresentable, Hashable where RawValue == String {}

extension StringEnum {
    public var cfnValue: Value { .string(rawValue) }
}

/// An open `StringEnum`: known values as static members, any other value by string literal.
public protocol OpenStringEnum: StringEnum, ExpressibleByStringLiteral {
    init(rawValue: String)
}

extension OpenStringEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
}
