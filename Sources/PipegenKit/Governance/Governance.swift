import CloudFormation
import PipegenConfig

/// The project's rules, applied to every template once the builders have made it, so each
/// reaches every resource whichever builder made it (and whichever comes next): the tags of
/// every resource that takes them and of every stack, the statements `roles:` adds, the
/// permissions boundary of every role, what deleted stacks keep, and the exports. The checks
/// run on the result: they see the templates as they will be deployed.
enum Governance {
    /// The inline policy that holds a role's statements from `roles:`, and the `Sid` of each
    /// (`ConfigStatement1`, ...), by which the runtime check tells them from pipegen's own.
    static let statementsPolicy = "config-statements"
    static let statementSid = "ConfigStatement"

    /// The logical id of the generated boundary.
    static let boundaryId = "PermissionsBoundary"

    /// `stacks` with the config's rules applied, in the same order.
    static func apply(_ config: Config, _ names: Names, to stacks: [StackTemplate]) -> [StackTemplate] {
        let tagged = !config.tags.isEmpty || config.environments.contains { !$0.tags.isEmpty }
        let retention = config.operations.retainOnDelete != .data
        // A config without these settings keeps its templates as the builders made them.
        guard tagged || !config.roleStatements.isEmpty || retention || config.operations.exports || config.permissionsBoundary != nil
        else { return stacks }
        var out = Parallel.map(stacks) { stack in
            var s = stack
            s.tags = tags(of: s.owner, config)
            s.template = rules(s, config, names)
            return s
        }
        if let boundary = config.permissionsBoundary {
            // Each owner's boundary lives in its first template with roles (the tooling
            // template, an environment's main one); its other templates name it by ARN.
            var homes: [StackTemplate.Owner: Int] = [:]
            var passed: [StackTemplate.Owner: [Value]] = [:]
            for (i, stack) in out.enumerated() {
                let roles = stack.template.resources(of: IAM.Role.self)
                guard !roles.isEmpty else { continue }
                if homes[stack.owner] == nil { homes[stack.owner] = i }
                passed[stack.owner, default: []] += roles.flatMap { Boundary.passedRoles($0.model) }
            }
            let all = out, homeOf = homes, passes = passed
            out = Parallel.map(Array(all.indices)) { i in
                let stack = all[i]
                guard homeOf[stack.owner] != nil else { return stack }
                var s = stack
                s.template = Boundary.attach(
                    boundary, to: s, isHome: homeOf[s.owner] == i, passed: uniqued(passes[s.owner] ?? []), config, names)
                return s
            }
        }
        return out
    }

    /// The tags of `owner`'s stacks: the project's, and an environment's own over them.
    static func tags(of owner: StackTemplate.Owner, _ config: Config) -> [StackTag] {
        var settings = config.tags
        if case .environment(let e) = owner, let env = config.environment(e) { settings = TagSetting.merged(config.tags, env.tags) }
        return settings.map { StackTag(key: $0.key.value, value: $0.value.value) }
    }

    /// Tags, the statements of `roles:`, retention and exports of one template.
    private static func rules(_ stack: StackTemplate, _ config: Config, _ names: Names) -> Template {
        var t = stack.template
        let retain = config.operations.retainOnDelete
        for (id, resource) in t.resources {
            var model = resource.model
            var changed = false
            if !stack.tags.isEmpty, var taggable = model as? any TaggableResource {
                taggable.tags = merged(taggable.tags, stack.tags)
                model = taggable
                changed = true
            }
            if var role = model as? IAM.Role, let address = names.roleAddress(role.roleName, owner: stack.owner),
                let added = config.roleStatements.first(where: { $0.role.value == address })
            {
                role.policies.append(IAM.Role.Policy(statementsPolicy, statements(added)))
                model = role
                changed = true
            }
            var next = changed ? resource.with(model: model) : resource
            switch retain {
            case .data: break
            case .dataAndLogs where model is Logs.LogGroup:
                (next.deletionPolicy, next.updateReplacePolicy) = (.retain, .retain)
            case .none where next.deletionPolicy == .retain:
                (next.deletionPolicy, next.updateReplacePolicy) = (nil, nil)
            default: break
            }
            if changed || retain != .data { t.replace(id, with: next) }
        }
        if config.operations.exports {
            for i in t.outputs.indices {
                t.outputs[i].output.exportName = .string(names.exportName(stack: stack.stackName, output: t.outputs[i].id))
            }
        }
        return t
    }

    /// `existing` with each of `tags` set: a tag of the same key takes the config's value.
    private static func merged(_ existing: [Tag], _ tags: [StackTag]) -> [Tag] {
        var out = existing.filter { tag in !tags.contains { $0.key == tag.key } }
        out += tags.map { Tag($0.key, .string($0.value)) }
        return out
    }

    /// The statements of one `roles:` entry, as the role's inline policy writes them.
    static func statements(_ added: RoleStatements) -> [IAM.Statement] {
        added.statements.enumerated().map { i, s in
            IAM.Statement(
                sid: statementSid + String(i + 1), effect: s.effect == "Deny" ? .deny : .allow, actions: s.actions.map(\.value),
                resources: s.resources.map { $0.value.contains("${") ? .sub($0.value) : .string($0.value) })
        }
    }
}
