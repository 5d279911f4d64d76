import CloudFormation
import PipegenConfig
import YAMLKit

/// Checks of the governance settings against what the config builds: `roles:` names roles
/// the templates create, and every approver environment has an approval action in some
/// pipeline. Both are the user's to fix, told at the line that names them.
struct SettingsChecks {
    let config: Config
    let stacks: [StackTemplate]
    let specs: [PipelineSpec]

    func run() -> [Diagnostic] { unknownRoles() + approversWithoutApprovals() }

    /// How `roles:` may name each role of the templates, in template order, each once.
    static func roleAddresses(_ stacks: [StackTemplate], _ names: Names) -> [String] {
        uniqued(stacks.flatMap { stack in stack.template.resources(of: IAM.Role.self).compactMap { names.roleAddress($0.model.roleName, owner: stack.owner) } })
    }

    private func unknownRoles() -> [Diagnostic] {
        guard !config.roleStatements.isEmpty else { return [] }
        let known = Self.roleAddresses(stacks, Names(config))
        return config.roleStatements.filter { !known.contains($0.role.value) }.map { entry in
            var notes: [Diagnostic.Note] = []
            if let guess = Suggest.closest(to: entry.role.value, in: known) { notes.append(.help("did you mean '\(guess)'?")) }
            notes.append(.note("this config creates the roles \(known.map { "'\($0)'" }.joined(separator: ", "))"))
            return .error("'roles' names role '\(entry.role.value)', which this config does not create", at: entry.role.mark, notes: notes)
        }
    }

    private func approversWithoutApprovals() -> [Diagnostic] {
        guard let approvers = config.approvers else { return [] }
        return approvers.environments.compactMap { name in
            guard config.environment(name.value) != nil, ToolingBuilder.approvals(specs, of: [name.value]).isEmpty else { return nil }
            return .error(
                "'approvers' names environment '\(name.value)', but no pipeline has an approval before it", at: name.mark,
                notes: [.help("approvals are actions of the pipelines that deploy to environments: add one of them, or leave '\(name.value)' out of 'approvers'")])
        }
    }
}
