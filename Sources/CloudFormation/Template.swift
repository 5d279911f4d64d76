import YAMLKit

/// A CloudFormation template: the sections in CloudFormation's conventional order, each an
/// ordered list keyed by logical id.
public struct Template: Sendable {
    public var description: String
    public var metadata: [Field] = []
    public var parameters: [(id: String, parameter: Parameter)] = []
    public var mappings: [(id: String, value: Value)] = []
    public var conditions: [(id: String, value: Value)] = []
    public private(set) var resources: [(id: String, resource: Resource)] = []
    /// The position in `resources` of each logical id (the first, if an id is repeated: that
    /// is an error `validate()` reports).
    private var positions: [String: Int] = [:]
    public var outputs: [(id: String, output: Output)] = []

    public init(description: String) {
        self.description = description
    }

    /// Adds a resource under `id`. Ids are checked for shape and uniqueness by `validate()`.
    public mutating func add(_ id: String, _ resource: Resource) {
        if positions[id] == nil { positions[id] = resources.count }
        resources.append((id, resource))
    }

    /// Adds a resource with no attributes.
    public mutating func add(_ id: String, _ model: any ResourceModel) {
        add(id, Resource(model))
    }

    /// Replaces the resource with logical id `id`, keeping its place.
    public mutating func replace(_ id: String, with resource: Resource) {
        guard let i = positions[id] else { return }
        resources[i].resource = resource
    }

    public mutating func addOutput(_ id: String, _ output: Output) {
        outputs.append((id, output))
    }

    /// The resource with logical id `id`.
    public func resource(_ id: String) -> Resource? {
        positions[id].map { resources[$0].resource }
    }

    /// Every resource whose model is a `T`, with its logical id.
    public func resources<T: ResourceModel>(of _: T.Type) -> [(id: String, model: T)] {
        resources.compactMap { entry in (entry.resource.model as? T).map { (entry.id, $0) } }
    }
}

/// A template parameter.
public struct Parameter: Sendable {
    public var type: String
    public var description: String?
    public var defaultValue: Value?
    public var allowedValues: [Value]
    public var allowedPattern: String?

    public init(
        type: String = "String", description: String? = nil, default defaultValue: Value? = nil,
        allowedValues: [Value] = [], allowedPattern: String? = nil
    ) {
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
    }

    var fields: [Field] {
        var p = Properties()
        p.set("Type", type)
        p.set("Description", description)
        p.set("Default", defaultValue)
        p.set("AllowedValues", allowedValues)
        p.set("AllowedPattern", allowedPattern)
        return p.fields
    }
}

/// A template output, optionally exported for `Fn::ImportValue`.
public struct Output: Sendable {
    public var description: String?
    public var value: Value
    public var exportName: Value?
    public var condition: String?

    public init(_ value: Value, description: String? = nil, exportName: Value? = nil, condition: String? = nil) {
        self.value = value
        self.description = description
        self.exportName = exportName
        self.condition = condition
    }

    var fields: [Field] {
        var p = Properties()
        p.set("Description", description)
        p.set("Condition", condition)
        p.set("Value", value)
        if let exportName { p.set("Export", Value.map([Field("Name", exportName)])) }
        return p.fields
    }
}

extension Template {
    /// The template as an ordered document: sections and resource attributes in
    /// CloudFormation's conventional order (the one table of key order, see `KeyOrder`).
    public var document: Document { Document(tree: value) }

    /// The template as one value, for the writers to walk in place: built from the parts
    /// (which it shares, not copies), sections in CloudFormation's conventional order.
    public var value: Value {
        var top: [Field] = [Field("AWSTemplateFormatVersion", "2010-09-09")]
        top.append(Field("Description", .string(description)))
        if !metadata.isEmpty { top.append(Field("Metadata", .map(metadata))) }
        if !parameters.isEmpty {
            top.append(Field("Parameters", .map(parameters.map { Field($0.id, .map($0.parameter.fields)) })))
        }
        if !mappings.isEmpty { top.append(Field("Mappings", .map(mappings.map { Field($0.id, $0.value) }))) }
        if !conditions.isEmpty { top.append(Field("Conditions", .map(conditions.map { Field($0.id, $0.value) }))) }
        top.append(Field("Resources", .map(resources.map { Field($0.id, $0.resource.value) })))
        if !outputs.isEmpty { top.append(Field("Outputs", .map(outputs.map { Field($0.id, .map($0.output.fields)) }))) }
        return .map(top)
    }
}

extension Resource {
    /// Type, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, Properties.
    public var document: Document { Document(tree: value) }

    /// The resource as one value, attributes in CloudFormation's conventional order.
    public var value: Value {
        var fields: [Field] = [Field("Type", .string(typeName))]
        if let condition { fields.append(Field("Condition", .string(condition))) }
        if dependsOn.count == 1 {
            fields.append(Field("DependsOn", .string(dependsOn[0])))
        } else if !dependsOn.isEmpty {
            fields.append(Field("DependsOn", .list(dependsOn.map { .string($0) })))
        }
        if let deletionPolicy { fields.append(Field("DeletionPolicy", .string(deletionPolicy.rawValue))) }
        if let updateReplacePolicy { fields.append(Field("UpdateReplacePolicy", .string(updateReplacePolicy.rawValue))) }
        if !metadata.isEmpty { fields.append(Field("Metadata", .map(metadata))) }
        if !properties.isEmpty { fields.append(Field("Properties", .map(properties))) }
        return .map(fields)
    }
}
