import CloudFormation
import PipegenConfig
import YAMLKit

/// The config's `overrides` applied to the built templates, and what was wrong with them:
/// the stage between `StackSet.build` and the checks (`Pipegen.load`), made by
/// `Overrides.apply`. The checks, the plan and the renderer all read these templates.
struct OverriddenStacks: Sendable {
    let stacks: StackSet
    /// Located errors: a template, logical id or property pipegen's model does not know, a
    /// value that does not fit it, a change that leaves a template referring to nothing.
    let diagnostics: [Diagnostic]
}

/// Applies `overrides` to built templates. A change is made to the resource's lowered value
/// and decoded back into its model type (`Resource.replacingProperties`), so that the model
/// every check reads is what is written, and a path is known exactly as far as pipegen's
/// model of the resource type knows it.
enum Overrides {
    /// Every change of `overrides` with the override it belongs to, in the order written.
    static func changes(_ overrides: [Override]) -> [(override: Override, change: Override.Change)] {
        overrides.flatMap { o in o.changes.map { (o, $0) } }
    }

    /// `base` with the first `limit` changes applied (all of them by default); a change that
    /// cannot be applied is reported and left out.
    static func apply(_ overrides: [Override], to base: StackSet, limit: Int = .max) -> OverriddenStacks {
        var stacks = base.stacks
        var diagnostics: [Diagnostic] = []
        /// What `validate()` said of each template before its first change.
        var problemsBefore: [Int: Set<String>] = [:]
        for (o, change) in changes(overrides).prefix(limit) {
            guard let i = stacks.firstIndex(where: { $0.name == o.template.value })
                ?? stacks.firstIndex(where: { $0.stackName == o.template.value })
            else {
                diagnostics.append(unknownTemplate(o.template, stacks))
                continue
            }
            let stack = stacks[i]
            guard let resource = stack.template.resource(o.resource.value) else {
                diagnostics.append(unknownResource(o.resource, stack))
                continue
            }
            let changed: Resource
            switch make(change, to: resource, in: stack, id: o.resource.value) {
            case .changed(let r): changed = r
            case .failed(let problem):
                diagnostics.append(problem)
                continue
            }
            if problemsBefore[i] == nil { problemsBefore[i] = Set(stack.template.validate().map(\.message)) }
            var template = stack.template
            template.replace(o.resource.value, with: changed)
            let added = template.validate().map(\.message).filter { !problemsBefore[i]!.contains($0) }
            if let first = added.first {
                diagnostics.append(
                    .error(
                        "this override leaves template '\(stack.name)' invalid: \(first)", at: change.mark,
                        notes: [.help("refer only to parameters and resources of '\(stack.name)' (pipegen render writes it)")]))
                continue
            }
            stacks[i].template = template
        }
        return OverriddenStacks(stacks: StackSet(stacks: stacks, existing: base.existing), diagnostics: diagnostics)
    }

    /// The resource with a change made, or the located error that keeps it from being made.
    private enum Outcome {
        case changed(Resource)
        case failed(Diagnostic)
    }

    private static func make(_ change: Override.Change, to resource: Resource, in stack: StackTemplate, id: String)
        -> Outcome
    {
        let what = "\(resource.typeName) '\(id)' in template '\(stack.name)'"
        var value: Value?
        if let node = change.value {
            do { value = try Value(node: node) } catch {
                var notes: [Diagnostic.Note] = []
                if let unknown = error.unknown, let guess = Suggest.closest(to: unknown, in: error.known) {
                    notes.append(.help("did you mean '\(guess)'?"))
                }
                if let help = error.help { notes.append(.help(help)) }
                return .failed(.error(error.message, at: error.mark, notes: notes))
            }
        }
        var out = resource
        switch change.path.attribute {
        case .deletionPolicy, .updateReplacePolicy:
            let policy: DeletionPolicy?
            if let value {
                let allowed: [DeletionPolicy] =
                    change.path.attribute == .deletionPolicy ? [.delete, .retain, .retainExceptOnCreate] : [.delete, .retain]
                guard case .string(let text) = value, let p = DeletionPolicy(rawValue: text), allowed.contains(p) else {
                    return .failed(
                        .error(
                            "'\(change.path)' of \(what) must be one of " + allowed.map { "'\($0.rawValue)'" }.joined(separator: ", "),
                            at: change.value?.mark ?? change.mark))
                }
                policy = p
            } else {
                policy = nil
            }
            if change.path.attribute == .deletionPolicy { out.deletionPolicy = policy } else { out.updateReplacePolicy = policy }
        case .metadata:
            do {
                let tree = try change.path.segments.isEmpty
                    ? (value ?? .map([])) : Tree.changing(.map(resource.metadata), change.path.segments[...], to: value)
                guard case .map(let fields) = tree else {
                    return .failed(
                        .error(
                            "'Metadata' of \(what) must be a mapping", at: change.mark,
                            notes: [.help("set 'Metadata.<name>', or 'Metadata' to a mapping")]))
                }
                out.metadata = fields
            } catch {
                return .failed(.error("\(error.message) in 'Metadata' (\(what))", at: change.mark, notes: [Self.pathHelp(error)]))
            }
        case .properties:
            let tree: Value
            do {
                tree = try Tree.changing(.map(resource.properties), change.path.segments[...], to: value)
            } catch {
                if case .notSet(let path) = error.kind, let problem = unknownName(path, in: resource) {
                    return .failed(decodingError(problem, what, change, resource))
                }
                return .failed(.error("\(error.message) (\(what))", at: change.mark, notes: [Self.pathHelp(error)]))
            }
            guard case .map(let fields) = tree else { preconditionFailure("properties are a mapping") }
            do { out = try resource.replacingProperties(fields) } catch {
                return .failed(decodingError(error, what, change, resource))
            }
        }
        return .changed(out)
    }

    /// When `path` (of a value not set) names a property pipegen's model does not know, the
    /// problem that says so: found by setting a placeholder there and decoding.
    private static func unknownName(_ path: [String], in resource: Resource) -> DecodingProblem? {
        guard let name = path.last, !name.allSatisfy(\.isNumber),
            let probe = try? Tree.changing(.map(resource.properties), path[...], to: .map([])),
            case .map(let fields) = probe
        else { return nil }
        do { _ = try resource.replacingProperties(fields) } catch {
            return error.unknown == name && error.path == path ? error : nil
        }
        return nil
    }

    private static func decodingError(
        _ problem: DecodingProblem, _ what: String, _ change: Override.Change, _ resource: Resource
    ) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let unknown = problem.unknown {
            if let guess = Suggest.closest(to: unknown, in: problem.known) { notes.append(.help("did you mean '\(guess)'?")) }
            if !problem.known.isEmpty {
                let place = problem.path.count > 1 ? "'\(problem.path.dropLast().joined(separator: "."))'" : "\(resource.typeName)"
                notes.append(.note("pipegen's model of \(place) knows " + problem.known.map { "'\($0)'" }.joined(separator: ", ")))
            }
            notes.append(.help("for a property pipegen does not model, see docs/CUSTOMIZING.md"))
        }
        // An unknown name is the path's fault; anything else the value's.
        return problem.unknown != nil
            ? .error("\(problem.message) of \(what)", at: change.mark, notes: notes)
            : .error(
                "\(problem.message) (\(what))", at: change.value?.mark ?? change.mark,
                notes: notes.isEmpty
                    ? [.help("give the value the property takes (the resource type's page of the CloudFormation reference); pipegen render writes the current one")]
                    : notes)
    }

    /// The help of a path that cannot be walked: a value not set, a list item not there.
    private static func pathHelp(_ problem: Tree.Problem) -> Diagnostic.Note {
        if case .notSet = problem.kind {
            return .help("change or remove only what the template has (pipegen render writes it), or set the whole value")
        }
        return .help("follow the value's shape in the template pipegen render writes: names into mappings, item numbers into lists")
    }

    private static func unknownTemplate(_ name: Located<String>, _ stacks: [StackTemplate]) -> Diagnostic {
        let names = stacks.map(\.name)
        var notes: [Diagnostic.Note] = []
        if let guess = Suggest.closest(to: name.value, in: names) { notes.append(.help("did you mean '\(guess)'?")) }
        notes.append(.note("this config's templates: " + names.map { "'\($0)'" }.joined(separator: ", ")))
        return .error("no template '\(name.value)'", at: name.mark, notes: notes)
    }

    private static func unknownResource(_ id: Located<String>, _ stack: StackTemplate) -> Diagnostic {
        let ids = stack.template.resources.map(\.id)
        var notes: [Diagnostic.Note] = []
        if let guess = Suggest.closest(to: id.value, in: ids) { notes.append(.help("did you mean '\(guess)'?")) }
        if ids.count <= 12 {
            notes.append(.note("the resources of '\(stack.name)': " + ids.joined(separator: ", ")))
        } else {
            notes.append(.note("'\(stack.name)' has \(ids.count) resources: their logical ids are the keys under 'Resources' of the file pipegen render writes"))
        }
        return .error("template '\(stack.name)' has no resource '\(id.value)'", at: id.mark, notes: notes)
    }
}

extension Overrides {
    /// `found` (the checks of the overridden templates) with each error the built templates
    /// do not have reported at the change that causes it: the first change after which the
    /// check fails, found by checking the templates with the changes applied one more at a
    /// time (only when a check fails, so a valid config pays nothing).
    static func blame(
        _ found: [Diagnostic], _ overrides: [Override], base: StackSet, check: (StackSet) -> [Diagnostic]
    ) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> String { "\(d.mark?.description ?? "")|\(d.message)" }
        let baseline = Set(check(base).map(key))
        var open = found.indices.filter { found[$0].severity == .error && !baseline.contains(key(found[$0])) }
        var out = found
        let all = changes(overrides)
        for count in all.indices.map({ $0 + 1 }) where !open.isEmpty {
            let now = Set(check(apply(overrides, to: base, limit: count).stacks).map(key))
            let change = all[count - 1].change
            for i in open where now.contains(key(found[i])) {
                let original = found[i]
                out[i] = .error(
                    original.message, at: change.mark,
                    notes: [.note("the templates pass this check without this override")]
                        + original.notes.filter { !$0.message.contains("bug in pipegen") }
                        + [
                            .note("what the check is about is configured here", at: original.mark),
                            .help("change the override so that it keeps what the check needs, or remove it"),
                        ])
            }
            open.removeAll { now.contains(key(found[$0])) }
        }
        return out
    }
}

/// Changing one value deep inside a resource's lowered value.
enum Tree {
    struct Problem: Error {
        enum Kind: Equatable {
            /// Nothing to remove at the path (`path` from the attribute).
            case notSet([String])
            case other
        }
        let kind: Kind
        let message: String
    }

    /// `tree` with `value` at `path` (names into mappings, indexes into lists), or the value
    /// at `path` removed when `value` is nil. Mappings missing on the way are created.
    static func changing(_ tree: Value, _ path: ArraySlice<String>, to value: Value?, walked: [String] = []) throws(Problem)
        -> Value
    {
        guard let key = path.first else { return value ?? tree }
        let here = walked + [key]
        let rest = path.dropFirst()
        switch tree {
        case .map(var fields):
            let i = fields.firstIndex { $0.name == key }
            if key.allSatisfy(\.isNumber) {
                throw Problem(kind: .other, message: "'\(walked.joined(separator: "."))' is a mapping: '\(key)' is not one of its keys")
            }
            if rest.isEmpty {
                if let value {
                    if let i { fields[i].value = value } else { fields.append(Field(key, value)) }
                } else {
                    guard let i else { throw Problem(kind: .notSet(here), message: "'\(here.joined(separator: "."))' is not set") }
                    fields.remove(at: i)
                }
                return .map(fields)
            }
            guard let i else {
                guard value != nil else { throw Problem(kind: .notSet(here), message: "'\(here.joined(separator: "."))' is not set") }
                if rest.first!.allSatisfy(\.isNumber) {
                    throw Problem(kind: .notSet(here), message: "'\(here.joined(separator: "."))' is not set: there is no list to index")
                }
                fields.append(Field(key, try changing(.map([]), rest, to: value, walked: here)))
                return .map(fields)
            }
            fields[i].value = try changing(fields[i].value, rest, to: value, walked: here)
            return .map(fields)
        case .list(var items):
            guard let index = Int(key), index >= 0 else {
                throw Problem(kind: .other, message: "'\(walked.joined(separator: "."))' is a list: give an item's number, not '\(key)'")
            }
            guard index < items.count else {
                throw Problem(
                    kind: .other,
                    message: "'\(walked.joined(separator: "."))' has \(items.count) item\(items.count == 1 ? "" : "s"), numbered from 0: there is no item \(index)")
            }
            if rest.isEmpty {
                if let value { items[index] = value } else { items.remove(at: index) }
            } else {
                items[index] = try changing(items[index], rest, to: value, walked: here)
            }
            return .list(items)
        default:
            throw Problem(
                kind: .other,
                message: "'\(walked.joined(separator: "."))' is \(tree.kindPhrase), not a mapping or list: set it whole")
        }
    }
}
