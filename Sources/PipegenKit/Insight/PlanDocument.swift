import YAMLKit

extension DeploymentPlan {
    /// The plan as data for `pipegen plan --format json`: the same steps as the text, with
    /// each command on one line.
    public var document: Document {
        var entries: [Document.Entry] = [.init("project", .string(project))]
        entries.append(
            .init(
                "profiles",
                .list(
                    profiles.map { p in
                        .map([
                            .init("name", .string(p.name)), .init("account", .string(p.account)),
                            .init("users", .list(p.users.map { .string($0) })),
                        ])
                    })))
        entries.append(.init("steps", .list(steps.map(Self.document))))
        if !problems.isEmpty { entries.append(.init("problems", .list(problems.map { .string($0) }))) }
        return .map(entries)
    }

    static func document(_ step: Step) -> Document {
        switch step.kind {
        case .phase(let phase):
            return .map([
                .init("number", .int(step.number)), .init("kind", "phase"), .init("phase", .int(phase.number)),
                .init("stacks", .list(phase.stacks.map(document))),
            ])
        case .manual(let m):
            let blocks: [Document] = m.blocks.map { block in
                switch block {
                case .text(let t): return .map([.init("text", .string(t))])
                case .item(let t): return .map([.init("item", .string(t))])
                case .command(let t): return .map([.init("command", .string(t))])
                case .code(let t): return .map([.init("code", .string(t))])
                }
            }
            return .map([
                .init("number", .int(step.number)), .init("kind", "manual"), .init("id", .string(m.kind.rawValue)),
                .init("title", .string(m.title)), .init("blocks", .list(blocks)),
            ])
        }
    }

    static func document(_ s: StackDeployment) -> Document {
        var entries: [Document.Entry] = [
            .init("template", .string(s.name)), .init("stackName", .string(s.stackName)),
            .init("account", .string(s.account)), .init("region", .string(s.region)),
            .init("profile", .string(s.profile)), .init("templateFile", .string(s.templateFile)),
            .init("templateBytes", .int(s.templateBytes)),
            .init("capabilities", .list(s.capabilities.map { .string($0) })),
            .init("s3Bucket", s.s3Bucket.map(Document.string) ?? .null),
        ]
        entries.append(
            .init(
                "parameters",
                .list(
                    s.parameters.map { p in
                        .map([
                            .init("name", .string(p.name)), .init("fromTemplate", .string(p.template)),
                            .init("fromStack", .string(p.stackName)), .init("output", .string(p.output)),
                            .init("region", .string(p.region)), .init("profile", .string(p.profile)),
                        ])
                    })))
        entries.append(
            .init(
                "dependsOn",
                .list(s.dependsOn.map { .map([.init("template", .string($0.on)), .init("reason", .string($0.reason))]) })))
        entries.append(.init("command", .string(s.command.joined(separator: " "))))
        return .map(entries)
    }
}
