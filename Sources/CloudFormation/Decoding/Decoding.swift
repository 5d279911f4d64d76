/// Reading a lowered value back into pipegen's model: the inverse of `cfnValue` and
/// `properties`, for every property type pipegen models. A checked override (PipegenKit)
/// changes a resource's lowered properties and decodes them back, so that every check reads
/// the typed model of what is written. A name or a value the model does not know is a
/// `DecodingProblem`; decoding what the model lowered gives the model back (the round-trip
/// tests prove it for every resource type).
public protocol ValueDecodable {
    /// The value `value` stands for, found at `path` from the resource's `Properties`.
    init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem)
}

/// A property type that lowers to a map of named properties (a `PropertyStruct`, a resource
/// model's `Properties`): decoded name by name with a `FieldDecoder`, which reports any name
/// the type does not read.
public protocol FieldsDecodable: ValueDecodable {
    init(fields d: FieldDecoder) throws(DecodingProblem)
}

extension FieldsDecodable {
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        guard case .map(let fields) = value else { throw path.wrongType("a map of properties", value) }
        let d = FieldDecoder(fields, at: path)
        try self.init(fields: d)
        try d.finish()
    }
}

/// Where a decoded value is: the property names and list indexes from a resource's
/// `Properties` (`Environment`, `ComputeType`; `Policies`, `0`).
public struct DecodingPath: Sendable, Hashable, CustomStringConvertible {
    public var segments: [String]

    public init(_ segments: [String] = []) { self.segments = segments }

    public func appending(_ segment: String) -> DecodingPath { DecodingPath(segments + [segment]) }

    /// `Environment.ComputeType`; `Properties` for the root.
    public var description: String { segments.isEmpty ? "Properties" : segments.joined(separator: ".") }

    /// The last name on the path, for messages.
    var last: String { segments.last ?? "Properties" }

    public func problem(_ message: String) -> DecodingProblem { DecodingProblem(path: segments, message: message) }

    func wrongType(_ expected: String, _ value: Value) -> DecodingProblem {
        problem("'\(description)' takes \(expected), not \(value.kindPhrase)")
    }
}

/// Why a value does not fit pipegen's model of a property, and where.
public struct DecodingProblem: Error, Sendable, Hashable {
    /// Property names and list indexes from the resource's `Properties`.
    public var path: [String]
    /// Lowercase, no trailing period, values in single quotes.
    public var message: String
    /// The name the model does not know, when that is the problem.
    public var unknown: String?
    /// The names the model knows where `unknown` was found, sorted, for a suggestion.
    public var known: [String]

    public init(path: [String], message: String, unknown: String? = nil, known: [String] = []) {
        self.path = path
        self.message = message
        self.unknown = unknown
        self.known = known
    }
}

/// Reads the fields of one map value for a type's `init(fields:)`, remembering every name it
/// is asked for: a field no one asked for is a name the type does not know.
public final class FieldDecoder {
    public let path: DecodingPath
    private let fields: [Field]
    private var asked: [String] = []

    public init(_ fields: [Field], at path: DecodingPath) {
        self.fields = fields
        self.path = path
    }

    /// The raw value of `name`, when present.
    public func value(_ name: String) -> Value? {
        asked.append(name)
        return fields.first { $0.name == name }?.value
    }

    /// A property the type cannot do without.
    public func required<T: ValueDecodable>(_ name: String, as _: T.Type = T.self) throws(DecodingProblem) -> T {
        guard let v = value(name) else {
            throw path.problem("'\(path.appending(name))' is required and missing")
        }
        return try T(decoding: v, at: path.appending(name))
    }

    /// A property the type may leave out.
    public func optional<T: ValueDecodable>(_ name: String, as _: T.Type = T.self) throws(DecodingProblem) -> T? {
        guard let v = value(name) else { return nil }
        return try T(decoding: v, at: path.appending(name))
    }

    /// A list property, empty when left out (lowering leaves empty lists out).
    public func list<T: ValueDecodable>(_ name: String, of _: T.Type = T.self) throws(DecodingProblem) -> [T] {
        try optional(name, as: [T].self) ?? []
    }

    /// A property whose value is a map of free names (a function's variables, an action's
    /// configuration), empty when left out.
    public func map(_ name: String) throws(DecodingProblem) -> [Field] {
        guard let v = value(name) else { return [] }
        guard case .map(let fields) = v else { throw path.appending(name).wrongType("a map", v) }
        return fields
    }

    /// Every field as written, each counted as asked for (a type that keeps its properties
    /// as they are, `ReadResource`).
    public func all() -> [Field] {
        asked += fields.map(\.name)
        return fields
    }

    /// Fails on the first field no one asked for.
    public func finish() throws(DecodingProblem) {
        for field in fields where !asked.contains(field.name) {
            let known = Set(asked).sorted()
            throw DecodingProblem(
                path: path.segments + [field.name],
                message: path.segments.isEmpty
                    ? "unknown property '\(field.name)'"
                    : "unknown property '\(field.name)' in '\(path)'",
                unknown: field.name, known: known)
        }
    }
}

// MARK: Plain values

extension Value: ValueDecodable {
    /// Any value, intrinsic functions included: the model holds it as it is.
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) { self = value }
}

extension String: ValueDecodable {
    /// Text; a number or boolean as CloudFormation would read it. An intrinsic function cannot
    /// stand where the model holds plain text.
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        switch value {
        case .string(let s): self = s
        case .int(let n): self = String(n)
        case .bool(let b): self = b ? "true" : "false"
        default: throw path.wrongType("plain text", value)
        }
    }
}

extension Int: ValueDecodable {
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        switch value {
        case .int(let n): self = n
        case .string(let s) where Int(s) != nil: self = Int(s)!
        default: throw path.wrongType("an integer", value)
        }
    }
}

extension Bool: ValueDecodable {
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        switch value {
        case .bool(let b): self = b
        case .string("true"): self = true
        case .string("false"): self = false
        default: throw path.wrongType("true or false", value)
        }
    }
}

extension Array: ValueDecodable where Element: ValueDecodable {
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        guard case .list(let items) = value else { throw path.wrongType("a list", value) }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { out.append(try Element(decoding: item, at: path.appending(String(i)))) }
        self = out
    }
}

extension StringEnum {
    /// One of the values the model knows (any text for an open set).
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        let text = try String(decoding: value, at: path)
        guard let known = Self(rawValue: text) else {
            throw path.problem("'\(text)' is not a value of '\(path.last)' that pipegen's model knows")
        }
        self = known
    }
}

extension Tag: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("Key"), try d.required("Value"))
    }
}

extension Value {
    /// What kind of value this is, for messages: `a list`, `the intrinsic function Fn::Sub`.
    public var kindPhrase: String {
        switch self {
        case .string: return "text"
        case .int: return "an integer"
        case .bool: return "a boolean"
        case .list: return "a list"
        case .map: return "a map"
        case .ref: return "the intrinsic function Ref"
        case .getAtt: return "the intrinsic function Fn::GetAtt"
        case .sub: return "the intrinsic function Fn::Sub"
        case .join: return "the intrinsic function Fn::Join"
        case .importValue: return "the intrinsic function Fn::ImportValue"
        case .if: return "the intrinsic function Fn::If"
        case .select: return "the intrinsic function Fn::Select"
        case .split: return "the intrinsic function Fn::Split"
        case .getAZs: return "the intrinsic function Fn::GetAZs"
        case .base64: return "the intrinsic function Fn::Base64"
        case .findInMap: return "the intrinsic function Fn::FindInMap"
        case .equals: return "the condition function Fn::Equals"
        case .and: return "the condition function Fn::And"
        case .or: return "the condition function Fn::Or"
        case .not: return "the condition function Fn::Not"
        case .condition: return "a Condition reference"
        }
    }
}

extension Value {
    /// The inverse of `escapingSubstitutions`: each `${!` back to `${`.
    static func unescapingSubstitutions(_ text: String) -> String {
        replacing("${!", with: "${", in: text)
    }
}

extension Resource {
    /// This resource with `properties` (lowered, as `properties` are) in place of its own:
    /// decoded into the same model type, attributes kept. A name or value the model type does
    /// not know is a `DecodingProblem`.
    public func replacingProperties(_ properties: [Field]) throws(DecodingProblem) -> Resource {
        let current: any ResourceModel = model
        let decoded = try decodeModel(like: current, properties)
        return Resource(
            decoded, condition: condition, dependsOn: dependsOn,
            deletionPolicy: deletionPolicy, updateReplacePolicy: updateReplacePolicy, metadata: metadata)
    }
}

/// Opens the model's type to call its decoder.
private func decodeModel<T: ResourceModel>(like _: T, _ properties: [Field]) throws(DecodingProblem) -> any ResourceModel {
    try T(decoding: .map(properties), at: DecodingPath())
}

extension ReadResource {
    /// A template read back keeps every property as written: it knows no more names than
    /// its text has.
    public init(fields d: FieldDecoder) {
        self.init(properties: d.all())
    }
}
