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
    public var outputs: [(id: String, output: Output)] = []

    public init(description: String) {
        self.description = description
    }

    /// Adds a resource under `id`. Ids are checked for shape and uniqueness by `validate()`.
    public mutating func add(_ id: String, _ resource: Resource) {
        resources.append((id, resource))
    }

    /// Adds a resource with no attributes.
    public mutating func add(_ id: String, _ model: any ResourceModel) {
        add(id, Resource(model))
    }

    /// Replaces the resource with logical id `id`, keeping its place.
    public mutating func replace(_ id: String, with resource: Resource) {
        guard let i = resources.firstIndex(where: { $0.id == id }) else { return }
        resources[i].resource = resource
    }

    public mutating func addOutput(_ id: String, _ output: Output) {
        outputs.append((id, output))
    }

    /// The resource with logical id `id`.
    public func resource(_ id: String) -> Resource? {
        resources.first { $0.id == id }?.resource
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
    public var document: Document {
        var top: [Document.Entry] = [.init("AWSTemplateFormatVersion", "2010-09-09")]
        top.append(.init("Description", .string(description)))
        if !metadata.isEmpty { top.append(.init("Metadata", Value.map(metadata).document)) }
        if !parameters.isEmpty {
            top.append(.init("Parameters", .map(parameters.map { .init($0.id, Value.map($0.parameter.fields).document) })))
        }
        if !mappings.isEmpty { top.append(.init("Mappings", .map(mappings.map { .init($0.id, $0.value.document) }))) }
        if !conditions.isEmpty {
            top.append(.init("Conditions", .map(conditions.map { .init($0.id, $0.value.document) })))
        }
        top.append(.init("Resources", .map(resources.map { .init($0.id, $0.resource.document) })))
        if !outputs.isEmpty {
            top.append(.init("Outputs", .map(outputs.map { .init($0.id, Value.map($0.output.fields).document) })))
        }
        return .map(top)
    }
}

extension Resource {
    /// Type, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, Properties.
    public var document: Document {
        var entries: [Document.Entry] = [.init("Type", .string(typeName))]
        if let condition { entries.append(.init("Condition", .string(condition))) }
        if dependsOn.count == 1 {
            entries.append(.init("DependsOn", .string(dependsOn[0])))
        } else if !dependsOn.isEmpty {
            entries.append(.init("DependsOn", .list(dependsOn.map { .string($0) })))
        }
        if let deletionPolicy { entries.append(.init("DeletionPolicy", .string(deletionPolicy.rawValue))) }
        if let updateReplacePolicy {
            entries.append(.init("UpdateReplacePolicy", .string(updateReplacePolicy.rawValue)))
        }
        if !metadata.isEmpty { entries.append(.init("Metadata", Value.map(metadata).document)) }
        if !properties.isEmpty { entries.append(.init("Properties", Value.map(properties).document)) }
        return .map(entries)
    }
}
