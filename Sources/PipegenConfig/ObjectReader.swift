import YAMLKit

/// Collects diagnostics while a config is decoded.
final class DecodeContext {
    var diagnostics: [Diagnostic] = []
    /// Errors past `errorLimit`, counted but not kept: a file of a million wrong lines is
    /// told about its first thousand quickly rather than about all of them slowly.
    var uncounted = 0
    static let errorLimit = 1000
    /// Every value read that is an ARN (`arn:...`), for the checks that need the whole
    /// config first (`PartitionChecks`: the ARN's partition is the config's).
    var arns: [Located<String>] = []

    /// True once enough errors are kept; callers skip work (suggestions) for further ones.
    var isFull: Bool { diagnostics.count >= Self.errorLimit }

    func error(_ message: String, at mark: Mark?, notes: [Diagnostic.Note] = []) {
        guard !isFull else {
            uncounted += 1
            return
        }
        diagnostics.append(.error(message, at: mark, notes: notes))
    }

    func warning(_ message: String, at mark: Mark?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(message, at: mark, notes: notes))
    }
}

/// Reads one config object against its `ObjectSpec`: reports unknown keys (with a
/// suggestion), duplicate keys, missing required keys and wrong types, and hands out typed
/// values. Asking for a key the spec does not declare is a programming error.
struct ObjectReader {
    let spec: ObjectSpec
    let node: Node
    let context: DecodeContext
    /// Appended to messages: " in environment 'dev'"; empty at the top level.
    let owner: String
    private var values: [String: Node.Pair] = [:]

    /// A reader for `node`, or nil (after reporting) when `node` is not a mapping. A null
    /// value (`key:` with nothing after it) reads as an empty mapping.
    init?(_ node: Node, spec: ObjectSpec, owner: String, context: DecodeContext, what: String) {
        self.spec = spec
        self.node = node
        self.context = context
        self.owner = owner
        let pairs: [Node.Pair]
        switch node.kind {
        case .mapping(let p): pairs = p
        case .scalar(let s) where s.isNull: pairs = []
        default:
            context.error("expected \(ValueType.object(spec).phrase) for \(what), found \(node.kindPhrase)", at: node.mark)
            return nil
        }
        var suggested: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                context.error("keys must be plain names, found \(pair.key.kindPhrase)", at: pair.key.mark)
                continue
            }
            if let first = values[key] {
                context.error(
                    "duplicate key '\(key)'\(owner)", at: pair.key.mark,
                    notes: [.note("'\(key)' first defined here", at: first.key.mark)])
                continue
            }
            guard spec.key(key) != nil else {
                if context.isFull {
                    context.uncounted += 1
                    continue
                }
                var notes: [Diagnostic.Note] = []
                if let guess = Suggest.closest(to: key, in: spec.keys.map(\.name)) {
                    notes.append(.help("did you mean '\(guess)'?"))
                    suggested.insert(guess)
                } else {
                    notes.append(.help("valid keys here: " + spec.keys.map(\.name).joined(separator: ", ")))
                }
                context.error("unknown key '\(key)'\(owner)", at: pair.key.mark, notes: notes)
                continue
            }
            values[key] = pair
        }
        // A misspelled required key is reported once, as the unknown key with its suggestion.
        for key in spec.keys where key.required && values[key.name] == nil && !suggested.contains(key.name) {
            context.error("missing required key '\(key.name)'\(owner)", at: node.mark, notes: [.help("add '\(key.name):' (\(key.summary))")])
        }
    }

    /// True when the input has `key`.
    func has(_ key: String) -> Bool {
        precondition(spec.key(key) != nil, "key '\(key)' is not in the \(spec.name) spec")
        return values[key] != nil
    }

    /// The value node of `key`, nil when absent.
    func node(_ key: String) -> Node? {
        precondition(spec.key(key) != nil, "key '\(key)' is not in the \(spec.name) spec")
        return values[key]?.value
    }

    /// The mark of `key` itself (for "first defined here"-style notes).
    func keyMark(_ key: String) -> Mark? { values[key]?.key.mark }

    private func type(_ key: String) -> ValueType { spec.key(key)!.type }

    /// A string-typed key, checked against its format or choices.
    func string(_ key: String) -> Located<String>? {
        guard let n = node(key) else { return nil }
        return context.string(n, type(key), what: "'\(key)'\(owner)")
    }

    func int(_ key: String) -> Int? {
        guard let n = node(key) else { return nil }
        return context.int(n, type(key), what: "'\(key)'\(owner)")
    }

    func bool(_ key: String) -> Bool? {
        guard let n = node(key) else { return nil }
        return context.bool(n, what: "'\(key)'\(owner)")
    }

    /// The items of a list-typed key (after checking it is a sequence of the right length).
    func list(_ key: String) -> [Node]? {
        guard let n = node(key) else { return nil }
        guard case .list(_, let minItems) = type(key) else { preconditionFailure("'\(key)' is not a list in the spec") }
        return context.list(n, minItems: minItems, what: "'\(key)'\(owner)")
    }

    /// A list of strings, each checked against the list's element type.
    func strings(_ key: String) -> [Located<String>]? {
        guard let items = list(key), case .list(let element, _) = type(key) else { return nil }
        return items.compactMap { context.string($0, element, what: "an item of '\(key)'\(owner)") }
    }

    /// A nested object.
    func object(_ key: String, owner: String? = nil) -> ObjectReader? {
        guard let n = node(key) else { return nil }
        guard case .object(let s) = type(key) else { preconditionFailure("'\(key)' is not an object in the spec") }
        return ObjectReader(n, spec: s, owner: owner ?? self.owner, context: context, what: "'\(key)'\(self.owner)")
    }
}

extension ObjectReader {
    /// A typed key's value, or its default when the key is absent (or, after an error is
    /// reported, holds a value of the wrong kind).
    func read(_ key: Key<String>) -> String { string(key.name)?.value ?? key.defaultValue }
    func read(_ key: Key<Int>) -> Int { int(key.name) ?? key.defaultValue }
    func read(_ key: Key<Bool>) -> Bool { bool(key.name) ?? key.defaultValue }
    func read(_ key: Key<NamePattern>) -> NamePattern { located(key)?.value ?? key.defaultValue }
    func read<T: RawRepresentable & Hashable>(_ key: Key<T>) -> T where T.RawValue == String { choice(key)?.value ?? key.defaultValue }
    func read(_ key: Key<[String]>) -> [String] { strings(key.name)?.map(\.value) ?? key.defaultValue }
    func read(_ key: Key<[NamePattern]>) -> [NamePattern] { strings(key.name)?.map { NamePattern($0.value) } ?? key.defaultValue }

    /// A typed key's value where it was written; nil when absent or not valid.
    func located(_ key: Key<NamePattern>) -> Located<NamePattern>? {
        string(key.name).map { Located(NamePattern($0.value), at: $0.mark) }
    }

    /// A key whose value is one of a closed set, where it was written; nil when absent or not valid.
    func choice<T: RawRepresentable & Hashable>(_ key: Key<T>) -> Located<T>? where T.RawValue == String {
        string(key.name).flatMap { located in T(rawValue: located.value).map { Located($0, at: located.mark) } }
    }
}

extension DecodeContext {
    /// Checks a scalar against a string format or choice list.
    func string(_ n: Node, _ type: ValueType, what: String) -> Located<String>? {
        guard let s = n.scalar, !s.isNull else {
            error("expected \(type.phrase) for \(what), found \(n.kindPhrase)", at: n.mark)
            return nil
        }
        let text = s.text
        switch type {
        case .string(let format):
            if let problem = StringRules.problem(text, format) {
                error(problem.message, at: n.mark, notes: problem.notes)
                return nil
            }
        case .choice(let options):
            guard options.contains(text) else {
                var notes: [Diagnostic.Note] = []
                if let guess = Suggest.closest(to: text, in: options) { notes.append(.help("did you mean '\(guess)'?")) }
                error("'\(text)' is not valid for \(what); expected \(type.phrase)", at: n.mark, notes: notes)
                return nil
            }
        default:
            preconditionFailure("not a string type: \(type)")
        }
        if text.hasPrefix("arn:") { arns.append(Located(text, at: n.mark)) }
        return Located(text, at: n.mark)
    }

    func int(_ n: Node, _ type: ValueType, what: String) -> Int? {
        guard let s = n.scalar, s.style == .plain, !s.isNull, let value = Int(s.text) else {
            var notes: [Diagnostic.Note] = []
            if let s = n.scalar, s.style != .plain, Int(s.text) != nil { notes.append(.help("remove the quotes")) }
            error("expected \(type.phrase) for \(what), found \(n.kindPhrase)", at: n.mark, notes: notes)
            return nil
        }
        switch type {
        case .integer(let lo, let hi) where value < lo || value > hi:
            error("\(what) must be from \(lo) to \(hi), found \(value)", at: n.mark)
            return nil
        case .integerChoice(let options) where !options.contains(value):
            let nearest = options.min { abs($0 - value) < abs($1 - value) }!
            error("\(value) is not valid for \(what); expected \(type.phrase)", at: n.mark, notes: [.help("did you mean \(nearest)?")])
            return nil
        default:
            return value
        }
    }

    func bool(_ n: Node, what: String) -> Bool? {
        if let s = n.scalar, s.style == .plain {
            switch s.text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            case let t where ["yes", "no", "on", "off", "y", "n"].contains(t.lowercased()):
                let meant = ["yes", "on", "y"].contains(t.lowercased())
                error("'\(t)' is not a boolean in pipegen configs", at: n.mark, notes: [.help("write \(meant) (YAML 1.1 and 1.2 readers disagree on '\(t)')")])
                return nil
            default: break
            }
        }
        error("expected true or false for \(what), found \(n.kindPhrase)", at: n.mark)
        return nil
    }

    func list(_ n: Node, minItems: Int, what: String) -> [Node]? {
        guard case .sequence(let items) = n.kind else {
            error("expected a list for \(what), found \(n.kindPhrase)", at: n.mark)
            return nil
        }
        if items.count < minItems {
            error("\(what) needs at least \(minItems) item\(minItems == 1 ? "" : "s"), found \(items.count)", at: n.mark)
        }
        return items
    }
}

extension Node {
    /// "a mapping", "a list", "the string 'x'", "nothing" — for "found ..." in messages.
    var kindPhrase: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if s.isNull { return "nothing" }
            let shown = s.text.count > 40 ? String(s.text.prefix(40)) + "..." : s.text
            return s.style == .plain ? "'\(shown)'" : "the string '\(shown)'"
        }
    }
}
