import YAMLKit

/// One entry of `overrides`: values set or removed in one resource of one template pipegen
/// writes. The kit applies them to the built templates before every check
/// (`PipegenKit/Overrides.swift`), so the checks see the result, and validates the template,
/// the logical id and each property path against pipegen's model of the resource's type.
public struct Override: Sendable {
    /// The template: its file name without extension (`tooling`, `dev-us-east-1`) or its
    /// stack name.
    public var template: Located<String>
    /// The resource's logical id in that template.
    public var resource: Located<String>
    /// The changes, in the order written: the `set` entries, then the `remove` entries.
    public var changes: [Change]
    /// Where the entry was written (its first key).
    public var mark: Mark?

    public init(template: Located<String>, resource: Located<String>, changes: [Change], mark: Mark? = nil) {
        self.template = template
        self.resource = resource
        self.changes = changes
        self.mark = mark
    }

    /// One value set (`value` given) or removed (`value` nil) at `path`.
    public struct Change: Sendable {
        public var path: OverridePath
        /// The new value as written: scalars, lists, mappings and CloudFormation's long-form
        /// intrinsic functions (`{Ref: Name}`, `{Fn::Sub: text}`); the kit reads it.
        public var value: Node?
        /// Where the path was written.
        public var mark: Mark?

        public init(path: OverridePath, value: Node?, mark: Mark?) {
            self.path = path
            self.value = value
            self.mark = mark
        }
    }

    public enum Keys {
        public static let template = KeySpec(
            "template", .string(.text), required: true, example: "tooling",
            "the template, by the file name pipegen writes without its extension (tooling, dev, dev-us-east-1, ...) or by stack name")
        public static let resource = KeySpec(
            "resource", .string(.text), required: true, example: "ImageBuildProject",
            "the resource's logical id in that template")
        public static let set = KeySpec(
            "set", .map(.any), example: "{Properties.TimeoutInMinutes: 30}",
            "values to set, by path: 'Properties.' and the property names (list items by number: 'Properties.Policies.0.PolicyName'), or 'DeletionPolicy', 'UpdateReplacePolicy' or 'Metadata'; a value is YAML, with CloudFormation's intrinsic functions in their long form ({Ref: Name}, {Fn::Sub: text}, {Fn::GetAtt: [Name, Arn]})")
        public static let remove = KeySpec(
            "remove", .list(.string(.text), minItems: 1), example: "[Properties.Description]",
            "paths of values to remove, as in 'set'")
    }

    static let spec = ObjectSpec(
        "override", "a value set or removed in one resource of one generated template, checked like the rest",
        keys: [Keys.template, Keys.resource, Keys.set, Keys.remove])

    /// The `overrides` key of the root.
    static let key = KeySpec(
        "overrides", .list(.object(spec), minItems: 1),
        "changes to properties pipegen has no setting for, applied to the templates before every check (docs/CUSTOMIZING.md)")
}

/// A path into a resource: the attribute (`Properties`, `DeletionPolicy`,
/// `UpdateReplacePolicy` or `Metadata`) and the names and list indexes below it.
public struct OverridePath: Sendable, Hashable, CustomStringConvertible {
    /// The parts of a resource an override may change.
    public enum Attribute: String, Sendable, CaseIterable {
        case properties = "Properties"
        case deletionPolicy = "DeletionPolicy"
        case updateReplacePolicy = "UpdateReplacePolicy"
        case metadata = "Metadata"
    }

    public var attribute: Attribute
    /// Below the attribute: property names, and list indexes as digits.
    public var segments: [String]

    public init(_ attribute: Attribute, _ segments: [String] = []) {
        self.attribute = attribute
        self.segments = segments
    }

    public var description: String { ([attribute.rawValue] + segments).joined(separator: ".") }

    /// The path written as `text`, or why it is not one.
    static func parse(_ text: String) -> Result<OverridePath, PathError> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let attribute = Attribute(rawValue: parts[0]) else { return .failure(.attribute(parts[0])) }
        let segments = Array(parts.dropFirst())
        if segments.contains(where: \.isEmpty) { return .failure(.emptySegment) }
        switch attribute {
        case .properties where segments.isEmpty: return .failure(.noProperty)
        case .deletionPolicy where !segments.isEmpty, .updateReplacePolicy where !segments.isEmpty:
            return .failure(.policyHasNoParts(attribute))
        default: break
        }
        if let first = segments.first, first.allSatisfy(\.isNumber) { return .failure(.indexFirst) }
        return .success(OverridePath(attribute, segments))
    }

    enum PathError: Error {
        case attribute(String)
        case emptySegment
        case noProperty
        case policyHasNoParts(Attribute)
        case indexFirst
    }
}

extension ConfigDecoder {
    /// The `overrides` list: each entry's template, resource and changes, with its paths
    /// checked for shape (what they name is the kit's to check).
    func decodeOverrides(_ items: [Node]) -> [Override] {
        var out: [Override] = []
        for item in items {
            guard let r = ObjectReader(item, spec: Override.spec, owner: " in an override", context: context, what: "an override")
            else { continue }
            let template = r.string("template"), resource = r.string("resource")
            var changes: [Override.Change] = []
            if let n = r.node("set") {
                if case .mapping(let pairs) = n.kind {
                    for pair in pairs {
                        guard let path = overridePath(pair.key) else { continue }
                        changes.append(Override.Change(path: path, value: pair.value, mark: pair.key.mark))
                    }
                } else if !(n.scalar?.isNull ?? false) {
                    context.error(
                        "expected a mapping of paths to values for 'set' in an override, found \(n.kindPhrase)", at: n.mark)
                }
            }
            for item in r.list("remove") ?? [] {
                guard context.string(item, .string(.text), what: "an item of 'remove' in an override") != nil,
                    let path = overridePath(item)
                else { continue }
                changes.append(Override.Change(path: path, value: nil, mark: item.mark))
            }
            if r.node("set") == nil, r.node("remove") == nil {
                context.error(
                    "an override must set or remove something", at: item.mark,
                    notes: [.help("add 'set:' with paths and values, or 'remove:' with paths")])
            }
            var seen: [(path: OverridePath, mark: Mark?)] = []
            for change in changes {
                if let first = seen.first(where: { $0.path == change.path }) {
                    context.error(
                        "'\(change.path)' is changed twice in one override", at: change.mark,
                        notes: [.note("first changed here", at: first.mark)])
                }
                seen.append((change.path, change.mark))
            }
            guard let template, let resource else { continue }
            out.append(Override(template: template, resource: resource, changes: changes, mark: item.mark))
        }
        return out
    }

    /// A path of `set` or `remove`, or nil after saying why it is not one.
    private func overridePath(_ n: Node) -> OverridePath? {
        guard let text = n.scalar?.text, !(n.scalar?.isNull ?? true) else {
            context.error("expected a path such as 'Properties.Description', found \(n.kindPhrase)", at: n.mark)
            return nil
        }
        switch OverridePath.parse(text) {
        case .success(let path): return path
        case .failure(.attribute(let first)):
            let attributes = OverridePath.Attribute.allCases.map(\.rawValue)
            var notes: [Diagnostic.Note] = []
            if let guess = Suggest.closest(to: first, in: attributes) {
                notes.append(.help("did you mean '\(([guess] + text.split(separator: ".").dropFirst().map(String.init)).joined(separator: "."))'?"))
            } else {
                notes.append(.help("a path starts with " + attributes.map { "'\($0)'" }.joined(separator: ", ")))
            }
            context.error("'\(text)' does not start with a part of a resource an override may change", at: n.mark, notes: notes)
        case .failure(.emptySegment):
            context.error("'\(text)' has an empty part", at: n.mark, notes: [.help("separate the names with single dots")])
        case .failure(.noProperty):
            context.error(
                "'\(text)' names no property", at: n.mark, notes: [.help("name the property: 'Properties.Description'")])
        case .failure(.policyHasNoParts(let attribute)):
            context.error("'\(attribute.rawValue)' has no parts", at: n.mark, notes: [.help("set '\(attribute.rawValue)' itself")])
        case .failure(.indexFirst):
            context.error(
                "'\(text)' starts with a list index", at: n.mark,
                notes: [.help("name the property first: 'Properties.Policies.0'")])
        }
        return nil
    }
}
