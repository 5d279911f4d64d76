import YAMLKit

/// A CloudFormation property value: plain data or an intrinsic function, anywhere a property
/// may hold one. Lowered to long-form intrinsics (`Ref`, `Fn::Sub`, ...) so that YAML and JSON
/// come from one tree.
public enum Value: Hashable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([Value])
    case map([Field])

    /// `Ref`: a parameter, a resource, or a pseudo parameter such as `AWS::Region`.
    case ref(String)
    /// `Fn::GetAtt`: an attribute of a resource.
    case getAtt(String, String)
    /// `Fn::Sub`: `${Name}` placeholders; `variables` nil for the one-argument form.
    case sub(String, variables: [Field]?)
    case join(String, [Value])
    indirect case importValue(Value)
    /// `Fn::If`: a condition name, the value when true, the value when false.
    indirect case `if`(String, Value, Value)
    indirect case select(Int, Value)
    indirect case split(String, Value)
    indirect case getAZs(Value)
    indirect case base64(Value)
    indirect case findInMap(String, Value, Value)
    indirect case equals(Value, Value)
    case and([Value])
    case or([Value])
    indirect case not(Value)
    /// `Condition`: a named condition inside a condition function.
    case condition(String)

    /// `Fn::Sub` with no variable map.
    public static func sub(_ text: String) -> Value { .sub(text, variables: nil) }

    /// `text` for use inside an `Fn::Sub` string, where it stays literal: every `${` escaped
    /// as `${!`, which CloudFormation turns back into `${`.
    public static func escapingSubstitutions(_ text: String) -> String {
        replacing("${", with: "${!", in: text)
    }

    /// `Ref` to a pseudo parameter.
    public static func ref(_ pseudo: Pseudo) -> Value { .ref(pseudo.rawValue) }

    /// `Ref: AWS::NoValue`, which removes the property it stands in.
    public static let noValue = Value.ref(.noValue)
}

/// The pseudo parameters every template may `Ref`.
public enum Pseudo: String, CaseIterable, Sendable {
    case accountId = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackId = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"
}

/// One named member of a map value or of a resource's properties.
public struct Field: Hashable, Sendable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(elements.map { Field($0.0, $0.1) })
    }
}

extension Value {
    /// The long-form document: what both writers see (they walk the value itself, see
    /// `Value+Tree.swift`; this is the same tree as plain data).
    public var document: Document { Document(tree: self) }

    /// Every name this value refers to: `Ref`s, `Fn::GetAtt` resources, `${Name}` and
    /// `${Name.Attr}` placeholders of `Fn::Sub` (minus its own variables), and condition names.
    public var references: [Reference] {
        var out: [Reference] = []
        collectReferences(into: &out)
        return out
    }

    func collectReferences(into out: inout [Reference]) {
        switch self {
        case .string, .int, .bool: break
        case .list(let items), .join(_, let items), .and(let items), .or(let items):
            for item in items { item.collectReferences(into: &out) }
        case .map(let fields):
            for f in fields { f.value.collectReferences(into: &out) }
        case .ref(let name): out.append(.ref(name))
        case .getAtt(let resource, _): out.append(.ref(resource))
        case .sub(let text, let variables):
            let own = Set((variables ?? []).map(\.name))
            for name in Value.placeholders(in: text) where !own.contains(name) { out.append(.ref(name)) }
            for v in variables ?? [] { v.value.collectReferences(into: &out) }
        case .importValue(let v), .select(_, let v), .split(_, let v), .getAZs(let v), .base64(let v), .not(let v):
            v.collectReferences(into: &out)
        case .if(let c, let a, let b):
            out.append(.condition(c))
            a.collectReferences(into: &out)
            b.collectReferences(into: &out)
        case .findInMap(let m, let a, let b):
            out.append(.mapping(m))
            a.collectReferences(into: &out)
            b.collectReferences(into: &out)
        case .equals(let a, let b):
            a.collectReferences(into: &out)
            b.collectReferences(into: &out)
        case .condition(let name): out.append(.condition(name))
        }
    }

    /// The resources whose attributes this value reads: `Fn::GetAtt` targets and the `Name` of
    /// `${Name.Attr}` placeholders in `Fn::Sub`, in order of appearance.
    public var getAttTargets: [String] {
        var out: [String] = []
        collectGetAttTargets(into: &out)
        return out
    }

    func collectGetAttTargets(into out: inout [String]) {
        switch self {
        case .string, .int, .bool, .ref, .condition: break
        case .list(let items), .join(_, let items), .and(let items), .or(let items):
            for item in items { item.collectGetAttTargets(into: &out) }
        case .map(let fields):
            for f in fields { f.value.collectGetAttTargets(into: &out) }
        case .getAtt(let resource, _): out.append(resource)
        case .sub(let text, let variables):
            let own = Set((variables ?? []).map(\.name))
            for name in Value.attributePlaceholders(in: text) where !own.contains(name) { out.append(name) }
            for v in variables ?? [] { v.value.collectGetAttTargets(into: &out) }
        case .importValue(let v), .select(_, let v), .split(_, let v), .getAZs(let v), .base64(let v), .not(let v):
            v.collectGetAttTargets(into: &out)
        case .if(_, let a, let b), .findInMap(_, let a, let b), .equals(let a, let b):
            a.collectGetAttTargets(into: &out)
            b.collectGetAttTargets(into: &out)
        }
    }

    /// The `Name` of each `${Name.Attr}` placeholder of an `Fn::Sub` string.
    static func attributePlaceholders(in text: String) -> [String] {
        var names: [String] = []
        Substitution.forEachPlaceholder(in: text) { placeholder in
            if case .attribute(let resource, _) = placeholder { names.append(resource) }
        }
        return names
    }

    /// The names inside `${...}` of an `Fn::Sub` string: `${Name.Attr}` gives `Name`; `${!x}`
    /// is a literal and gives nothing.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        Substitution.forEachPlaceholder(in: text) { placeholder in
            switch placeholder {
            case .reference(let name), .attribute(let name, _): names.append(name)
            case .literal: break
            }
        }
        return names
    }
}

/// A name a template refers to, of one of the three namespaces CloudFormation resolves.
public enum Reference: Hashable, Sendable {
    /// A parameter, resource or pseudo parameter.
    case ref(String)
    case condition(String)
    case mapping(String)
}
