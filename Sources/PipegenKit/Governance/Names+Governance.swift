import CloudFormation
import PipegenConfig

extension Names {
    /// The permissions boundary pipegen generates for the roles of `owner`'s stacks: one
    /// managed policy per owner, so environments that share an account (or the tooling
    /// account) never write the same policy twice.
    public func boundaryPolicy(_ owner: StackTemplate.Owner) -> String {
        switch owner {
        case .tooling: return "\(project)-boundary"
        case .environment(let env): return "\(project)-\(env)-boundary"
        }
    }

    /// The ARN of the managed policy `name` in the template's own account.
    public func policyArn(_ name: String) -> Value { .arn("iam", account: Value.thisAccount, "policy/\(name)") }

    /// The managed policy (and group) that may approve the chosen environments' approvals.
    public var approversPolicy: String { "\(project)-approvers" }
    public var approversGroup: String { "\(project)-approvers" }

    /// The export name of output `output` of stack `stack`: unique in its account and region
    /// because stack names are, and stable because both are.
    public func exportName(stack: String, output: String) -> String { "\(stack)-\(output)" }

    /// How `roles:` names a role pipegen creates: its name without `<project>-`, and without
    /// `<env>-` in an environment's stacks (`image-build-role`, `cfn-exec`). Nil for a role
    /// whose name is not pipegen's literal.
    func roleAddress(_ roleName: Value?, owner: StackTemplate.Owner) -> String? {
        guard case .string(let name)? = roleName, name.hasPrefix(project + "-") else { return nil }
        let rest = name.dropFirst(project.count + 1)
        switch owner {
        case .tooling: return String(rest)
        case .environment(let env): return rest.hasPrefix(env + "-") ? String(rest.dropFirst(env.count + 1)) : nil
        }
    }
}
