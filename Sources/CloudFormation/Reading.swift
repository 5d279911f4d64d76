import YAMLKit

// Templates read back from text (an old file, a committed template): the inverse of lowering,
// so the same resolver and the same policy reading work on what was deployed before.

extension Value {
    /// The value a document holds: a one-entry map in the long form of an intrinsic (`Ref`,
    /// `Fn::Sub`, ... as `Value+Tree.swift` writes them) becomes that intrinsic; anything else
    /// is data. A malformed intrinsic stays a map; a null or a fraction becomes text.
    public init(reading document: Document) {
        switch document {
        case .null: self = .string("")
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .string("\(d)")
        case .string(let s): self = .string(s)
        case .list(let items): self = .list(items.map(Value.init(reading:)))
        case .map(let entries):
            if entries.count == 1, let function = Value.intrinsic(entries[0].key, entries[0].value) {
                self = function
            } else {
                self = .map(entries.map { Field($0.key, Value(reading: $0.value)) })
            }
        }
    }

    private static func intrinsic(_ name: String, _ argument: Document) -> Value? {
        let items = argument.listValue ?? []
        func string(_ i: Int) -> String? { i < items.count ? items[i].stringValue : nil }
        func value(_ i: Int) -> Value? { i < items.count ? Value(reading: items[i]) : nil }
        switch name {
        case "Ref": return argument.stringValue.map(Value.ref)
        case "Condition": return argument.stringValue.map(Value.condition)
        case "Fn::GetAtt":
            if let text = argument.stringValue, let dot = text.firstIndex(of: ".") {
                return .getAtt(String(text[..<dot]), String(text[text.index(after: dot)...]))
            }
            guard items.count == 2, let resource = string(0), let attribute = string(1) else { return nil }
            return .getAtt(resource, attribute)
        case "Fn::Sub":
            if let text = argument.stringValue { return .sub(text, variables: nil) }
            guard items.count == 2, let text = string(0), let variables = items[1].mapValue else { return nil }
            return .sub(text, variables: variables.map { Field($0.key, Value(reading: $0.value)) })
        case "Fn::Join":
            guard items.count == 2, let separator = string(0), let parts = items[1].listValue else { return nil }
            return .join(separator, parts.map(Value.init(reading:)))
        case "Fn::ImportValue": return .importValue(Value(reading: argument))
        case "Fn::If":
            guard items.count == 3, let condition = string(0), let a = value(1), let b = value(2) else { return nil }
            return .if(condition, a, b)
        case "Fn::Select":
            guard items.count == 2, let v = value(1) else { return nil }
            switch items[0] {
            case .int(let i): return .select(i, v)
            case .string(let s): return Int(s).map { .select($0, v) }
            default: return nil
            }
        case "Fn::Split":
            guard items.count == 2, let separator = string(0), let v = value(1) else { return nil }
            return .split(separator, v)
        case "Fn::GetAZs": return .getAZs(Value(reading: argument))
        case "Fn::Base64": return .base64(Value(reading: argument))
        case "Fn::FindInMap":
            guard items.count == 3, let map = string(0), let a = value(1), let b = value(2) else { return nil }
            return .findInMap(map, a, b)
        case "Fn::Equals":
            guard items.count == 2, let a = value(0), let b = value(1) else { return nil }
            return .equals(a, b)
        case "Fn::And": return argument.listValue.map { .and($0.map(Value.init(reading:))) }
        case "Fn::Or": return argument.listValue.map { .or($0.map(Value.init(reading:))) }
        case "Fn::Not":
            guard items.count == 1, let v = value(0) else { return nil }
            return .not(v)
        default: return nil
        }
    }
}

/// A resource read back from a template: its properties as written, with the facts of the
/// type `T` it was written from (what `Ref` and its ARN return, its update behaviors).
public struct ReadResource<T: ResourceModel>: ResourceModel {
    public static var typeName: String { T.typeName }
    public static var returnValues: ReturnValues { T.returnValues }
    public static var physicalNameProperty: String? { T.physicalNameProperty }
    public static var updateBehaviors: UpdateBehaviors { T.updateBehaviors }
    public static var holdsData: Bool { T.holdsData }

    public let properties: [Field]
    public let physicalName: Value?

    public init(properties: [Field]) {
        self.properties = properties
        physicalName = T.physicalNameProperty.flatMap { name in properties.first { $0.name == name }?.value }
    }
}

extension Template {
    /// The template a document holds: its description, and each resource of a type pipegen
    /// models (`ResourceTypes`) with its attributes and properties. Resources of other types,
    /// and the other sections, are left out: this is what the resolver and a policy reader need.
    public init(reading document: Document) {
        self.init(description: document["Description"]?.stringValue ?? "")
        for entry in document["Resources"]?.mapValue ?? [] {
            guard let typeName = entry.value["Type"]?.stringValue, let type = ResourceTypes.named(typeName) else {
                continue
            }
            let properties = (entry.value["Properties"]?.mapValue ?? []).map { Field($0.key, Value(reading: $0.value)) }
            func policy(_ key: String) -> DeletionPolicy? { entry.value[key]?.stringValue.flatMap(DeletionPolicy.init) }
            let dependsOn = entry.value["DependsOn"].map {
                $0.listValue?.compactMap(\.stringValue) ?? [$0.stringValue ?? ""]
            }
            add(
                entry.key,
                Resource(
                    Self.read(type, properties), condition: entry.value["Condition"]?.stringValue,
                    dependsOn: dependsOn ?? [],
                    deletionPolicy: policy("DeletionPolicy"), updateReplacePolicy: policy("UpdateReplacePolicy")))
        }
    }

    private static func read<T: ResourceModel>(_: T.Type, _ properties: [Field]) -> any ResourceModel {
        ReadResource<T>(properties: properties)
    }
}

extension IAM.PolicyDocument {
    /// The statements of a policy document as a template holds it (lowered, or read back);
    /// nil when `value` is not a document of statements. Statements without an `Effect` or
    /// an `Action` (a `NotAction`, which pipegen never writes) are left out.
    public init?(reading value: Value) {
        guard case .map(let fields) = value, let statement = fields.first(where: { $0.name == "Statement" })?.value
        else {
            return nil
        }
        let items: [Value]
        if case .list(let list) = statement { items = list } else { items = [statement] }
        self.init(items.compactMap(IAM.Statement.init(reading:)))
    }
}

extension IAM.Statement {
    /// One statement as a template holds it; nil without `Effect` and `Action`.
    public init?(reading value: Value) {
        guard case .map(let fields) = value else { return nil }
        func field(_ name: String) -> Value? { fields.first { $0.name == name }?.value }
        func many(_ v: Value?) -> [Value] {
            switch v {
            case .list(let items)?: return items
            case let single?: return [single]
            case nil: return []
            }
        }
        guard case .string(let effectText)? = field("Effect"), let effect = IAM.Effect(rawValue: effectText) else {
            return nil
        }
        let actions = many(field("Action")).compactMap { if case .string(let s) = $0 { s } else { nil } }
        guard !actions.isEmpty else { return nil }
        // `IAM.Principal` holds one kind, as pipegen writes it: AWS principals win over services.
        var principal: IAM.Principal?
        switch field("Principal") {
        case .string("*")?: principal = .everyone
        case .map(let kinds)?:
            if let aws = kinds.first(where: { $0.name == "AWS" })?.value {
                principal = .aws(many(aws))
            } else if let service = kinds.first(where: { $0.name == "Service" })?.value {
                principal = .service(many(service))
            }
        default: principal = nil
        }
        var conditions: [IAM.Condition] = []
        if case .map(let operators)? = field("Condition") {
            for op in operators {
                guard case .map(let keys) = op.value else { continue }
                for key in keys { conditions.append(IAM.Condition(op.name, key.name, many(key.value))) }
            }
        }
        var sid: String?
        if case .string(let s)? = field("Sid") { sid = s }
        self.init(
            sid: sid, effect: effect, principal: principal, actions: actions, resources: many(field("Resource")),
            conditions: conditions)
    }
}
