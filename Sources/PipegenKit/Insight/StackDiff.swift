import CloudFormation
import YAMLKit

/// The resource, output and section differences of one stack, compared as data (so comments,
/// key order within a map and the file format do not count), each changed property with its
/// update behavior from the resource type's table (`ResourceModel.updateBehaviors`).
enum StackDiff {
    /// The resource attributes CloudFormation changes without touching the resource.
    static let attributes = ["Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata"]

    /// Resources added or changed in the new template's order, then removed ones in the old's.
    /// A resource whose type changed is removed and added.
    static func resources(old: SideStack?, new: SideStack?) -> [ResourceChange] {
        let before = old?.document["Resources"]?.mapValue ?? []
        let after = new?.document["Resources"]?.mapValue ?? []
        var oldById: [String: Document] = [:]
        for entry in before where oldById[entry.key] == nil { oldById[entry.key] = entry.value }
        var out: [ResourceChange] = []
        var kept: Set<String> = []
        for entry in after {
            guard let previous = oldById[entry.key], type(previous) == type(entry.value) else {
                out.append(added(entry.key, entry.value, new!))
                continue
            }
            kept.insert(entry.key)
            if previous != entry.value { out.append(changed(entry.key, previous, entry.value, old: old!, new: new!)) }
        }
        for entry in before where !kept.contains(entry.key) {
            out.append(removed(entry.key, entry.value, old!))
        }
        return out
    }

    static func type(_ resource: Document) -> String { resource["Type"]?.stringValue ?? "unknown type" }

    static func added(_ id: String, _ resource: Document, _ side: SideStack) -> ResourceChange {
        ResourceChange(
            kind: .added, logicalId: id, type: type(resource), name: name(id, side), properties: [], effect: nil,
            data: nil,
            note: nil)
    }

    static func removed(_ id: String, _ resource: Document, _ side: SideStack) -> ResourceChange {
        ResourceChange(
            kind: .removed, logicalId: id, type: type(resource), name: name(id, side), properties: [], effect: nil,
            data: fate(resource, policy: "DeletionPolicy", replaced: false), note: nil)
    }

    static func changed(_ id: String, _ old: Document, _ new: Document, old oldSide: SideStack, new newSide: SideStack)
        -> ResourceChange
    {
        let typeName = type(new)
        let model = ResourceTypes.named(typeName)
        var properties: [PropertyChange] = []
        for attribute in attributes where old[attribute] != new[attribute] {
            properties.append(PropertyChange(name: attribute, behavior: nil, isAttribute: true))
        }
        let before = old["Properties"]?.mapValue ?? [], after = new["Properties"]?.mapValue ?? []
        var names = after.map(\.key)
        for entry in before where !names.contains(entry.key) { names.append(entry.key) }
        for key in names where old["Properties"]?[key] != new["Properties"]?[key] {
            properties.append(
                PropertyChange(name: key, behavior: model?.updateBehaviors.behavior(of: key), isAttribute: false))
        }
        let effect = properties.compactMap(\.behavior).max()
        var change = ResourceChange(
            kind: .changed, logicalId: id, type: typeName, name: name(id, newSide), properties: properties,
            effect: effect,
            data: nil, note: nil)
        if effect == .refused {
            let refused = properties.filter { $0.behavior == .refused }.map(\.name)
            change.note =
                "CloudFormation does not change \(refused.joined(separator: ", ")) of an existing \(typeName): the stack update fails and rolls back, whatever UpdateReplacePolicy says"
        } else if effect == .replacement {
            change.data = fate(old, policy: "UpdateReplacePolicy", replaced: true)
            // CloudFormation creates the replacement first, which a name in use makes impossible.
            if let key = model?.physicalNameProperty, let name = new["Properties"]?[key],
                name == old["Properties"]?[key]
            {
                let spelled = name.stringValue ?? change.name ?? key
                change.note =
                    "its name '\(spelled)' stays the same, and CloudFormation cannot replace a resource with a custom name: the update fails unless the name changes too"
            }
        }
        return change
    }

    /// What becomes of the data of a resource removed (`DeletionPolicy`) or replaced
    /// (`UpdateReplacePolicy`): reported for resources that hold data or are retained.
    static func fate(_ resource: Document, policy: String, replaced: Bool) -> DataFate? {
        let holdsData = ResourceTypes.named(type(resource))?.holdsData ?? false
        let value = resource[policy]?.stringValue
        let retained = value == DeletionPolicy.retain.rawValue || value == DeletionPolicy.retainExceptOnCreate.rawValue
        guard holdsData || retained else { return nil }
        return DataFate(
            outcome: retained ? .retained : .deleted, policy: "\(policy): \(value ?? "Delete")", replaced: replaced,
            holdsData: holdsData)
    }

    /// The physical name of resource `id` in its side's template, resolved: a key's alias, a
    /// role's or bucket's name; nil when it has none.
    static func name(_ id: String, _ side: SideStack) -> String? {
        let r = Resolver(template: side.template, account: side.place.account, region: side.place.region)
        if let resource = side.template.resource(id),
            resource.typeName == KMS.Key.typeName || resource.typeName == KMS.ReplicaKey.typeName
        {
            return PolicySite.alias(of: id, in: side.template, r)
        }
        return r.name(id)
    }

    /// Outputs added, removed or changed, by name.
    static func outputs(old: Document?, new: Document?) -> [(name: String, kind: ResourceChange.Kind)] {
        let before = old?["Outputs"]?.mapValue ?? [], after = new?["Outputs"]?.mapValue ?? []
        var out: [(name: String, kind: ResourceChange.Kind)] = []
        for entry in after {
            if let previous = before.first(where: { $0.key == entry.key }) {
                if previous.value != entry.value { out.append((entry.key, .changed)) }
            } else {
                out.append((entry.key, .added))
            }
        }
        for entry in before where !after.contains(where: { $0.key == entry.key }) { out.append((entry.key, .removed)) }
        return out
    }

    /// Top-level sections other than `Resources` and `Outputs` that differ.
    static func sections(old: Document, new: Document) -> [String] {
        var keys = (new.mapValue ?? []).map(\.key)
        for entry in old.mapValue ?? [] where !keys.contains(entry.key) { keys.append(entry.key) }
        return keys.filter { $0 != "Resources" && $0 != "Outputs" && old[$0] != new[$0] }
    }
}
