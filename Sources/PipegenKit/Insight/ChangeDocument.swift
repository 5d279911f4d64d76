import CloudFormation
import YAMLKit

extension ChangeReport {
    /// The report as data for `pipegen diff --format json`, in the shape `docs/COMMANDS.md`
    /// documents; `version` is `formatVersion`. Optional fields are left out when empty.
    public func document(config: String, against: String) -> Document {
        var entries: [Document.Entry] = [
            .init("version", .int(Self.formatVersion)), .init("project", .string(project)),
            .init("config", .string(config)), .init("against", .string(against)),
            .init("changed", .bool(hasChanges)), .init("permissionsWiden", .bool(widensPermissions)),
            .init("summary", .string(hasChanges ? summary : "no change")),
            .init("stacks", .list(stacks.map(Self.document))),
            .init("permissions", .list(permissions.map { Self.document($0, config: config) })),
        ]
        if !unreadable.isEmpty { entries.append(.init("unreadable", .list(unreadable.map { .string($0) }))) }
        return .map(entries)
    }

    static func behavior(_ b: UpdateBehavior) -> Document {
        switch b {
        case .noInterruption: return "no-interruption"
        case .someInterruptions: return "some-interruptions"
        case .replacement: return "replacement"
        case .refused: return "update-fails"
        }
    }

    static func document(_ s: StackChange) -> Document {
        var phase: [Document.Entry] = []
        if let old = s.phase.old { phase.append(.init("old", .int(old))) }
        if let new = s.phase.new { phase.append(.init("new", .int(new))) }
        var entries: [Document.Entry] = [
            .init("account", .string(s.place.account)), .init("region", .string(s.place.region)),
            .init("stackName", .string(s.place.stackName)), .init("file", .string(s.file)),
            .init("owner", .string(s.owner)),
            .init("change", .string(s.kind.rawValue)), .init("phase", .map(phase)),
            .init("resources", .list(s.resources.map(document))),
        ]
        if !s.outputs.isEmpty {
            entries.append(
                .init(
                    "outputs",
                    .list(
                        s.outputs.map {
                            .map([.init("name", .string($0.name)), .init("change", .string($0.kind.rawValue))])
                        })))
        }
        if !s.sections.isEmpty { entries.append(.init("sections", .list(s.sections.map { .string($0) }))) }
        return .map(entries)
    }

    static func document(_ r: ResourceChange) -> Document {
        var entries: [Document.Entry] = [
            .init("logicalId", .string(r.logicalId)), .init("type", .string(r.type)),
            .init("change", .string(r.kind.rawValue)),
        ]
        if let name = r.name { entries.append(.init("name", .string(name))) }
        if let effect = r.effect { entries.append(.init("effect", behavior(effect))) }
        if !r.properties.isEmpty {
            entries.append(
                .init(
                    "properties",
                    .list(
                        r.properties.map { p in
                            var fields: [Document.Entry] = [.init("name", .string(p.name))]
                            if p.isAttribute { fields.append(.init("attribute", true)) }
                            if let b = p.behavior { fields.append(.init("behavior", behavior(b))) }
                            return .map(fields)
                        })))
        }
        if let data = r.data {
            entries.append(
                .init(
                    "data",
                    .map([
                        .init("outcome", .string(data.outcome.rawValue)), .init("policy", .string(data.policy)),
                        .init("replaced", .bool(data.replaced)), .init("holdsData", .bool(data.holdsData)),
                    ])))
        }
        if let note = r.note { entries.append(.init("note", .string(note))) }
        return .map(entries)
    }

    static func document(_ c: PermissionChange, config: String) -> Document {
        var entries: [Document.Entry] = [
            .init("change", .string(c.kind.rawValue)), .init("widens", .bool(c.widens)),
            .init("policy", .string(c.policy.rawValue)), .init("account", .string(c.place.account)),
            .init("region", .string(c.place.region)), .init("stackName", .string(c.place.stackName)),
            .init("logicalId", .string(c.logicalId)), .init("holder", .string(c.holder)),
        ]
        if let name = c.policyName { entries.append(.init("policyName", .string(name))) }
        entries.append(
            .init(
                "details",
                .list(
                    c.details.map { d in
                        .map([
                            .init("direction", .string(d.direction.rawValue)),
                            .init("change", d.added ? "added" : "removed"),
                            .init("aspect", .string(d.aspect.rawValue)), .init("statement", .string(d.statement)),
                            .init("text", .string(d.text)),
                        ])
                    })))
        if let cause = c.cause {
            entries.append(
                .init(
                    "cause",
                    .map([
                        .init("path", .string(config)), .init("line", .int(cause.line)),
                        .init("column", .int(cause.column)),
                        .init("what", .string(cause.what)),
                    ])))
        }
        return .map(entries)
    }
}
