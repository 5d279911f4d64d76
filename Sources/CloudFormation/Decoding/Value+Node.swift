import YAMLKit

/// Why a YAML node is not a CloudFormation value, and where.
public struct NodeProblem: Error, Sendable, Hashable {
    public var message: String
    public var mark: Mark
    /// What to do instead.
    public var help: String?
    /// The name that is not known, and the names that are (for a suggestion).
    public var unknown: String?
    public var known: [String] = []

    public init(_ message: String, at mark: Mark, help: String? = nil) {
        self.message = message
        self.mark = mark
        self.help = help
    }
}

extension Value {
    /// The value a YAML node of the config writes, as a template would hold it: plain
    /// scalars by the YAML 1.2 core schema (a number with a fraction or exponent stays text,
    /// as written), quoted ones as text; lists; mappings; and a mapping of one key that is
    /// `Ref` or `Fn::...` as that intrinsic function, in CloudFormation's long form (the short
    /// `!Ref` tags are not YAML pipegen reads).
    /// [Intrinsic function reference](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)
    public init(node: Node) throws(NodeProblem) {
        switch node.kind {
        case .scalar(let s):
            switch s.resolved {
            case .null:
                throw NodeProblem(
                    "a value is missing", at: node.mark, help: "to remove a property, list its path under 'remove'")
            case .bool(let b): self = .bool(b)
            case .int(let n): self = .int(n)
            default: self = .string(s.text)
            }
        case .sequence(let items):
            var out: [Value] = []
            for item in items { out.append(try Value(node: item)) }
            self = .list(out)
        case .mapping(let pairs):
            if pairs.count == 1, let key = pairs[0].key.scalar?.text, key == "Ref" || key.hasPrefix("Fn::") || key == "Condition"
            {
                self = try Value.intrinsic(key, pairs[0].value, at: pairs[0].key.mark)
                return
            }
            var fields: [Field] = []
            for pair in pairs {
                let name = pair.key.scalar?.text ?? ""
                if fields.contains(where: { $0.name == name }) {
                    throw NodeProblem("duplicate key '\(name)'", at: pair.key.mark)
                }
                fields.append(Field(name, try Value(node: pair.value)))
            }
            self = .map(fields)
        }
    }

    /// The intrinsic functions a property value may hold (condition functions belong in a
    /// template's `Conditions`, which overrides do not change).
    static let intrinsicNames = [
        "Ref", "Fn::Base64", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::ImportValue", "Fn::Join",
        "Fn::Select", "Fn::Split", "Fn::Sub",
    ]

    private static func intrinsic(_ name: String, _ n: Node, at mark: Mark) throws(NodeProblem) -> Value {
        func text(_ n: Node, _ what: String) throws(NodeProblem) -> String {
            guard let s = n.scalar, !s.isNull else { throw NodeProblem("\(name) takes \(what) here", at: n.mark) }
            return s.text
        }
        func list(_ count: Int, _ what: String) throws(NodeProblem) -> [Node] {
            guard case .sequence(let items) = n.kind, items.count == count else {
                throw NodeProblem("\(name) takes a list of \(what)", at: n.mark)
            }
            return items
        }
        switch name {
        case "Ref": return .ref(try text(n, "the name of a parameter, resource or pseudo parameter"))
        case "Fn::GetAtt":
            if case .sequence = n.kind {
                let items = try list(2, "a logical id and an attribute name")
                return .getAtt(try text(items[0], "a logical id"), try text(items[1], "an attribute name"))
            }
            let whole = try text(n, "[LogicalId, Attribute] or 'LogicalId.Attribute'")
            guard let dot = whole.firstIndex(of: ".") else {
                throw NodeProblem("Fn::GetAtt takes [LogicalId, Attribute] or 'LogicalId.Attribute'", at: n.mark)
            }
            return .getAtt(String(whole[..<dot]), String(whole[whole.index(after: dot)...]))
        case "Fn::Sub":
            if case .sequence = n.kind {
                let items = try list(2, "a text and a mapping of variables")
                guard case .map(let variables) = try Value(node: items[1]) else {
                    throw NodeProblem("the variables of Fn::Sub are a mapping", at: items[1].mark)
                }
                return .sub(try text(items[0], "a text"), variables: variables)
            }
            return .sub(try text(n, "a text, or a list of a text and a mapping of variables"))
        case "Fn::Join":
            let items = try list(2, "a delimiter and a list of values")
            guard case .list(let values) = try Value(node: items[1]) else {
                throw NodeProblem("Fn::Join joins a list of values", at: items[1].mark)
            }
            return .join(try text(items[0], "a delimiter"), values)
        case "Fn::ImportValue": return .importValue(try Value(node: n))
        case "Fn::If":
            let items = try list(3, "a condition name and two values")
            return .if(try text(items[0], "a condition name"), try Value(node: items[1]), try Value(node: items[2]))
        case "Fn::Select":
            let items = try list(2, "an index and a list")
            guard let index = Int(try text(items[0], "an index")) else {
                throw NodeProblem("Fn::Select takes an index first", at: items[0].mark)
            }
            return .select(index, try Value(node: items[1]))
        case "Fn::Split":
            let items = try list(2, "a delimiter and a value")
            return .split(try text(items[0], "a delimiter"), try Value(node: items[1]))
        case "Fn::GetAZs": return .getAZs(try Value(node: n))
        case "Fn::Base64": return .base64(try Value(node: n))
        case "Fn::FindInMap":
            let items = try list(3, "a mapping name and two keys")
            return .findInMap(try text(items[0], "a mapping name"), try Value(node: items[1]), try Value(node: items[2]))
        case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
            throw NodeProblem(
                "\(name) belongs in a template's Conditions, which overrides do not change", at: mark,
                help: "use Fn::If with a condition the template defines")
        default:
            var problem = NodeProblem("'\(name)' is not an intrinsic function pipegen knows", at: mark)
            problem.unknown = name
            problem.known = intrinsicNames
            throw problem
        }
    }
}
