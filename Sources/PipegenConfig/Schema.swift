import YAMLKit

/// The shape of the config, declared once: the decoder checks input against it, `pipegen
/// schema` prints it as JSON Schema, and `pipegen init` writes it as a commented starter file,
/// so the three cannot disagree.
public indirect enum ValueType: Sendable {
    case string(StringFormat)
    case integer(min: Int, max: Int)
    /// One of a closed set of integers.
    case integerChoice([Int])
    case boolean
    /// One of a closed set of strings.
    case choice([String])
    case list(ValueType, minItems: Int)
    case object(ObjectSpec)
    /// Any of several shapes (`approval: true` or `approval: {notify: [...]}`); the decoder
    /// picks by the node's kind: scalar, sequence or mapping.
    case either([ValueType])
    /// A mapping with free keys, each value of one type.
    case map(ValueType)
    /// Any YAML value (an override's new value, checked against the CloudFormation model by
    /// the kit).
    case any

    /// The most items of any list, and entries of any mapping of free keys, in a config: as
    /// many as the environments one tooling account's key and bucket policies can name.
    /// Checked before any item is decoded.
    public static let maximumItems = 1_000

    /// A phrase for error messages: "expected a string", "expected a list of strings", ...
    public var phrase: String {
        switch self {
        case .string(let f): return f.phrase
        case .integer(let lo, let hi): return "an integer from \(lo) to \(hi)"
        case .integerChoice(let options): return "one of " + options.map(String.init).joined(separator: ", ")
        case .boolean: return "true or false"
        case .choice(let options): return "one of " + options.map { "'\($0)'" }.joined(separator: ", ")
        case .list(let t, _): return "a list of \(t.plural)"
        case .object(let o): return "a mapping (\(o.name))"
        case .either(let ts): return ts.map(\.phrase).joined(separator: " or ")
        case .map(let t): return "a mapping of names to \(t.plural)"
        case .any: return "a value"
        }
    }

    var plural: String {
        switch self {
        case .string(let f): return f.plural
        case .integer, .integerChoice: return "integers"
        case .boolean: return "booleans"
        case .choice: return "names"
        case .list: return "lists"
        case .object(let o): return o.name + "s"
        case .either: return "values"
        case .map: return "mappings"
        case .any: return "values"
        }
    }
}

/// What a string must look like, checked by the decoder and described in the JSON Schema.
public enum StringFormat: String, Sendable {
    case text
    /// Lowercase letters, digits and hyphens, starting with a letter: the pieces of AWS names.
    case name
    /// 12 digits, kept exactly as written.
    case accountId
    case region
    case email
    case arn
    /// A path inside a source repository.
    case path
    case branch

    var phrase: String {
        switch self {
        case .text, .path, .branch: return "a string"
        case .name: return "a name (lowercase letters, digits and hyphens)"
        case .accountId: return "a 12-digit account id"
        case .region: return "an AWS region name"
        case .email: return "an e-mail address"
        case .arn: return "an ARN"
        }
    }

    /// The most characters (Unicode scalars) a value of this format may have: checked first,
    /// before any other rule, so a hostile value costs no more than its reading. Generous
    /// bounds, not AWS's limits of the names built from the values (`NameChecks` checks those):
    /// CloudFormation takes parameter values of 4,096 bytes, IAM ARNs of 2,048 characters, Git
    /// branch names in CodePipeline of 255, e-mail addresses have at most 254 (RFC 5321).
    public var maximumLength: Int {
        switch self {
        case .text: return 4_096
        case .name: return 128
        case .accountId, .region: return 64
        case .email: return 254
        case .arn: return 2_048
        case .path: return 1_024
        case .branch: return 255
        }
    }

    var plural: String {
        switch self {
        case .text, .path, .branch: return "strings"
        case .name: return "names"
        case .accountId: return "account ids"
        case .region: return "regions"
        case .email: return "e-mail addresses"
        case .arn: return "ARNs"
        }
    }
}

/// One key of a config object.
public struct KeySpec: Sendable {
    public var name: String
    public var type: ValueType
    public var required: Bool
    /// The default as data, when it is a value the user could write (`pipegen schema` states
    /// it, `pipegen init` shows it); nil when the key has none or it is prose.
    public var literalDefault: Document?
    /// A default that is not a value the user could write: prose ("the tooling region") or a
    /// placeholder (`<partition>`), shown as text.
    public var documentedDefault: String?
    /// One line: what the key does.
    public var summary: String
    /// A value `init` shows for a required key or an illustrative optional one.
    public var example: String?

    /// A key whose default, if any, is prose or a placeholder (or that has none).
    public init(
        _ name: String, _ type: ValueType, required: Bool = false, documentedDefault: String? = nil,
        example: String? = nil, _ summary: String
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.documentedDefault = documentedDefault
        self.summary = summary
        self.example = example
    }

    /// An optional key whose default is a value (`Key` declares the typed ones).
    public init(_ name: String, _ type: ValueType, defaultValue: Document, example: String? = nil, _ summary: String) {
        self.init(name, type, example: example, summary)
        literalDefault = defaultValue
    }

    /// The default as the user would write it: the literal in YAML flow style, or the prose.
    public var defaultText: String? {
        documentedDefault ?? literalDefault.map(\.flowText)
    }
}

/// A config object: a name for messages ("environment") and its keys in documentation order.
public struct ObjectSpec: Sendable {
    public var name: String
    public var summary: String
    public var keys: [KeySpec]
    /// Keys of which an object holds exactly one (a step's `build`, `approval`, `lambda`);
    /// `pipegen init` shows the first and comments out the others.
    public var alternatives: [String] = []

    public init(_ name: String, _ summary: String, keys: [KeySpec], alternatives: [String] = []) {
        self.name = name
        self.summary = summary
        self.keys = keys
        self.alternatives = alternatives
    }

    public func key(_ name: String) -> KeySpec? {
        keys.first { $0.name == name }
    }
}
