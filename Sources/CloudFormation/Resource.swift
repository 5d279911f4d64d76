/// A CloudFormation resource type modelled as a Swift value: its type name and how its
/// properties lower to `Field`s, and back (`init(fields:)`, in `Decoding/`). One conforming
/// type per resource type (`IAM.Role`, ...).
public protocol ResourceModel: Sendable, FieldsDecodable {
    /// The `Type` of the resource, such as `AWS::IAM::Role`.
    static var typeName: String { get }
    /// The `Properties`, in the order the type documents them.
    var properties: [Field] { get }
    /// What `Ref` and the ARN of the type are (`.unknown` by default; see `ReturnValues.swift`).
    static var returnValues: ReturnValues { get }
    /// The property that names the resource (`RoleName`, `BucketName`, ...); nil by default.
    var physicalName: Value? { get }
    /// The name of that property, for templates read back from text; nil by default.
    static var physicalNameProperty: String? { get }
    /// What a change to each property does to the resource (see `UpdateBehavior.swift`).
    static var updateBehaviors: UpdateBehaviors { get }
    /// True when deleting the resource loses data the template cannot recreate (objects,
    /// images, code, logs, or everything a key encrypted); false by default.
    static var holdsData: Bool { get }
}

/// What CloudFormation does with a resource's physical data when the resource is deleted or
/// replaced.
public enum DeletionPolicy: String, Sendable {
    case delete = "Delete"
    case retain = "Retain"
    case retainExceptOnCreate = "RetainExceptOnCreate"
    case snapshot = "Snapshot"
}

/// A resource in a template: the typed model plus the resource attributes.
public struct Resource: Sendable {
    /// The typed model; set only through the initializer, so `properties` always matches it.
    public let model: any ResourceModel
    /// The model's properties, lowered once: validation, checks and both writers read them.
    public let properties: [Field]
    public var condition: String?
    public var dependsOn: [String]
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var metadata: [Field]

    public init(
        _ model: any ResourceModel, condition: String? = nil, dependsOn: [String] = [],
        deletionPolicy: DeletionPolicy? = nil, updateReplacePolicy: DeletionPolicy? = nil,
        metadata: [Field] = []
    ) {
        self.model = model
        self.properties = model.properties
        self.condition = condition
        self.dependsOn = dependsOn
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
        self.metadata = metadata
    }

    /// A resource whose data survives stack deletion and replacement (buckets, keys,
    /// repositories): both policies `Retain`.
    public static func retained(_ model: any ResourceModel, dependsOn: [String] = [], metadata: [Field] = [])
        -> Resource
    {
        Resource(model, dependsOn: dependsOn, deletionPolicy: .retain, updateReplacePolicy: .retain, metadata: metadata)
    }

    public var typeName: String { type(of: model).typeName }

    /// The model as `T`, when it is one.
    public func model<T: ResourceModel>(as _: T.Type) -> T? { model as? T }
}

/// Builds a properties list in order, leaving out absent values and empty lists, so each
/// resource type's `properties` reads as a plain list of its documented properties.
public struct Properties {
    public private(set) var fields: [Field] = []

    public init() {}

    /// Generic rather than `any ValueConvertible`, so each call is specialised for its type
    /// instead of boxing every property (a tenth of a long route's render).
    public mutating func set<T: ValueConvertible>(_ name: String, _ value: T?) {
        guard let value else { return }
        let v = value.cfnValue
        if case .list(let items) = v, items.isEmpty { return }
        fields.append(Field(name, v))
    }

    /// Sets a map-valued property (`Configuration`, `Variables`, ...), leaving it out when empty.
    public mutating func set(_ name: String, fields map: [Field]) {
        if map.isEmpty { return }
        fields.append(Field(name, .map(map)))
    }
}

/// Anything that lowers to a CloudFormation `Value`: plain Swift values, `Value` itself, and
/// the nested property types of each resource model.
public protocol ValueConvertible: Sendable {
    var cfnValue: Value { get }
}

extension Value: ValueConvertible { public var cfnValue: Value { self } }
extension String: ValueConvertible { public var cfnValue: Value { .string(self) } }
extension Int: ValueConvertible { public var cfnValue: Value { .int(self) } }
extension Bool: ValueConvertible { public var cfnValue: Value { .bool(self) } }
extension Array: ValueConvertible where Element: ValueConvertible {
    public var cfnValue: Value { .list(map(\.cfnValue)) }
}

/// A property type that is a structure of named properties (most nested property types).
public protocol PropertyStruct: ValueConvertible {
    var properties: [Field] { get }
}

extension PropertyStruct {
    public var cfnValue: Value { .map(properties) }
}

/// A resource tag.
public struct Tag: PropertyStruct, Hashable {
    public var key: String
    public var value: Value

    public init(_ key: String, _ value: Value) {
        self.key = key
        self.value = value
    }

    public var properties: [Field] { [Field("Key", .string(key)), Field("Value", value)] }
}
