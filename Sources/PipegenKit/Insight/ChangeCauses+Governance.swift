import CloudFormation
import PipegenConfig
import YAMLKit

/// The governance settings as causes of new or widened grants, tried before the others: a
/// statement of `roles:` (the role's inline policy `config-statements`), the approvers
/// policy, and the permissions boundary (the policy pipegen generates, or the execution
/// role's statements conditioned on `iam:PermissionsBoundary`).
struct GovernanceCauses: Sendable {
    private let roles: [(suffix: String, cause: ConfigCause)]
    private let approvers: (policy: String, cause: ConfigCause)?
    private let boundary: (policies: [String], cause: ConfigCause)?

    init(_ config: Config, owners: [StackTemplate.Owner]) {
        let names = Names(config)
        func cause(_ mark: Mark?, _ what: String) -> ConfigCause? {
            mark.map { ConfigCause(line: $0.line, column: $0.column, what: what) }
        }
        roles = config.roleStatements.compactMap { entry in
            cause(entry.role.mark, "roles '\(entry.role.value)'").map { ("-" + entry.role.value, $0) }
        }
        approvers = config.approvers.flatMap { a in cause(a.mark, "approvers").map { (names.approversPolicy, $0) } }
        boundary = config.permissionsBoundary.flatMap { b in
            cause(b.mark ?? b.policy.mark, "permissions-boundary").map { (uniqued(owners.map(names.boundaryPolicy)), $0) }
        }
    }

    /// The setting that makes `change`, nil when none does.
    func cause(of change: PermissionChange) -> ConfigCause? {
        let holder = change.holder
        if change.policyName == Governance.statementsPolicy,
            let role = roles.filter({ holder.hasSuffix($0.suffix) }).max(by: { $0.suffix.count < $1.suffix.count })
        {
            return role.cause
        }
        if let approvers, holder.hasSuffix(" \(approvers.policy)") { return approvers.cause }
        if let boundary {
            if boundary.policies.contains(where: { holder.hasSuffix(" \($0)") }) { return boundary.cause }
            let added = change.details.filter { $0.added && $0.direction != .narrows }.map(\.text)
            if added.contains(where: { $0.contains("iam:PermissionsBoundary") }) { return boundary.cause }
        }
        return nil
    }
}
