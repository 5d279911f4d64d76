import CloudFormation
import PipegenConfig

/// The permissions boundary of every role pipegen creates, the boundary pipegen generates
/// when asked to, and the guard that keeps the CloudFormation execution role from creating a
/// role without it.
///
/// What a generated boundary allows, and why. A boundary grants nothing: it is the most a
/// role's own policies can give (IAM evaluates both). pipegen's roles are already least
/// privilege, and the execution role runs whatever the application's template asks (by
/// default with PowerUserAccess), so a boundary that restated the roles' actions would break
/// the application's deploys and add no safety. The danger a boundary removes is privilege
/// escalation through IAM: a role that may create or change roles (the execution role) could
/// otherwise create an unbounded role with AdministratorAccess and act as it. So it allows:
/// - every action but IAM's, Organizations' and the account's settings (`NotAction`, as
///   AWS's own PowerUserAccess does);
/// - reading, passing, tagging and deleting the project's roles (`<project>-*`), and
///   creating or changing their policies only when the role carries this same boundary
///   (`iam:PermissionsBoundary`), so a bounded role can only make bounded roles;
/// - passing exactly the other roles pipegen's roles of the account pass (ECS task roles);
/// - the project's instance profiles, and service-linked roles, which AWS defines and which
///   cannot carry a boundary.
/// Nothing else of IAM: no users, no access keys, no policy versions (so not this policy's),
/// no removing a boundary.
/// [Permissions boundaries](https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html),
/// [iam:PermissionsBoundary](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html)
enum Boundary {
    /// The role-changing actions whose request carries `iam:PermissionsBoundary` (the
    /// boundary the role has, or is given): the Service Authorization Reference lists the key
    /// for `AttachRolePolicy`, `CreateRole`, `DeleteRolePermissionsBoundary`,
    /// `DeleteRolePolicy`, `DetachRolePolicy`, `PutRolePermissionsBoundary` and
    /// `PutRolePolicy` (and the user ones). Removing a boundary is denied outright.
    /// [Actions defined by IAM](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html)
    static let boundedActions = [
        "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
        "iam:PutRolePolicy",
    ]

    /// What changes a managed policy's permissions: its versions, and deleting it.
    static let policyChanges = ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"]

    /// The boundary's ARN as a policy condition names it, for the roles of `owner` in
    /// `account` (never a `Ref`: conditions order nothing).
    static func arn(_ boundary: PermissionsBoundary, owner: StackTemplate.Owner, account: String, _ names: Names) -> Value {
        switch boundary.policy.value {
        case .generated: return names.policyArn(names.boundaryPolicy(owner))
        case .name(let name): return names.policyArn(name)
        case .arn(let arn): return .string(names.expand(NamePattern(arn), account: account))
        }
    }

    /// The roles a role may pass (the resources of its `iam:PassRole` grants).
    static func passedRoles(_ role: IAM.Role) -> [Value] {
        role.policies.flatMap(\.policyDocument.statements).filter { $0.effect == .allow && $0.actions.contains("iam:PassRole") }
            .flatMap(\.resources)
    }

    /// The template of `stack` with the boundary on every role, and the generated boundary
    /// itself in the owner's first template with roles (`isHome`).
    static func attach(
        _ boundary: PermissionsBoundary, to stack: StackTemplate, isHome: Bool, passed: [Value], _ config: Config, _ names: Names
    ) -> Template {
        var t = stack.template
        let generated = boundary.policy.value == .generated
        // In its own template a `Ref` orders the policy before the roles; elsewhere the
        // plan deploys the owner's main stack first.
        let value: Value =
            generated && isHome ? .ref(Governance.boundaryId) : arn(boundary, owner: stack.owner, account: stack.account, names)
        for (id, role) in t.resources(of: IAM.Role.self) {
            var bounded = role
            bounded.permissionsBoundary = value
            t.replace(id, with: t.resource(id)!.with(model: bounded))
        }
        if generated, isHome {
            let name = names.boundaryPolicy(stack.owner)
            t.add(
                Governance.boundaryId,
                Resource(
                    IAM.ManagedPolicy(
                        managedPolicyName: .string(name),
                        description: "Permissions boundary of every role pipegen creates for project \(names.project) in this account (generated by pipegen)",
                        policyDocument: document(policy: names.policyArn(name), passed: passed, names))
                ).skipping(
                    .boundaryCredentialsExposure, .boundaryDataExfiltration, .boundaryPermissionsManagement, .boundaryPrivilegeEscalation,
                    .boundaryWriteAccess))
        }
        return t
    }

    /// The generated boundary (see the type's summary). `policy` is its own ARN.
    static func document(policy: Value, passed: [Value], _ names: Names) -> IAM.PolicyDocument {
        let projectRoles = names.roleArn("\(names.project)-*", account: Value.thisAccount)
        var statements = [
            IAM.Statement(sid: "EverythingButIdentityAndAccounts", notActions: ["iam:*", "organizations:*", "account:*"], resources: ["*"]),
            IAM.Statement(
                sid: "ProjectRoles",
                actions: [
                    "iam:DeleteRole", "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies",
                    "iam:ListRoleTags", "iam:PassRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
                    "iam:UpdateRoleDescription",
                ],
                resources: [projectRoles]),
            IAM.Statement(
                sid: "ChangeProjectRolesThatCarryThisBoundary", actions: boundedActions, resources: [projectRoles],
                conditions: [IAM.Condition("StringEquals", "iam:PermissionsBoundary", policy)]),
        ]
        // Roles pipegen's roles pass beyond the project's (task roles by another name).
        let projectPrefix = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/\(names.project)-"
        let others = passed.filter { value in
            if case .sub(let text, nil) = value, text.hasPrefix(projectPrefix) { return false }
            return true
        }
        if !others.isEmpty {
            statements.append(IAM.Statement(sid: "PassTheRolesThePipelinesPass", actions: ["iam:PassRole"], resources: others))
        }
        statements += [
            IAM.Statement(
                sid: "ProjectInstanceProfiles",
                actions: [
                    "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile",
                    "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile", "iam:UntagInstanceProfile",
                ],
                resources: [.arn("iam", account: Value.thisAccount, "instance-profile/\(names.project)-*")]),
            IAM.Statement(
                sid: "ServiceLinkedRoles", actions: ["iam:CreateServiceLinkedRole"],
                resources: [.arn("iam", account: Value.thisAccount, "role/aws-service-role/*")]),
        ]
        return IAM.PolicyDocument(statements)
    }

    /// `statements` of the execution role under `enforce`: each Allow of a role-changing
    /// action holds only for a role that carries the boundary `arn`, and the guard follows.
    static func guarded(_ statements: [IAM.Statement], _ arn: Value) -> [IAM.Statement] {
        var out: [IAM.Statement] = []
        for s in statements {
            let bounded = s.actions.filter(boundedActions.contains)
            guard s.effect == .allow, !bounded.isEmpty else {
                out.append(s)
                continue
            }
            var rest = s
            rest.actions = s.actions.filter { !boundedActions.contains($0) }
            if !rest.actions.isEmpty { out.append(rest) }
            var withBoundary = s
            withBoundary.sid = s.sid.map { $0 + "WithTheBoundary" }
            withBoundary.actions = bounded
            withBoundary.conditions.append(IAM.Condition("StringEquals", "iam:PermissionsBoundary", arn))
            out.append(withBoundary)
        }
        return out + executionRoleGuard(arn)
    }

    /// What the execution role gets with `enforce`: it may create or change a role only when
    /// the role carries the boundary (a Deny, so no managed policy it is given can lift it),
    /// and may never remove a boundary or change the boundary policy. This closes the path
    /// policy scanners report: without it the role may attach any policy to project roles.
    static func executionRoleGuard(_ arn: Value) -> [IAM.Statement] {
        var guardStatements = [
            IAM.Statement(
                sid: "DenyRolesWithoutTheBoundary", effect: .deny, actions: boundedActions, resources: ["*"],
                conditions: [IAM.Condition("StringNotEquals", "iam:PermissionsBoundary", arn)]),
            IAM.Statement(sid: "DenyRemovingBoundaries", effect: .deny, actions: ["iam:DeleteRolePermissionsBoundary"], resources: ["*"]),
        ]
        // An AWS managed policy cannot be changed by anyone but AWS.
        if case .string(let text) = arn, text.contains(":iam::aws:policy/") { return guardStatements }
        guardStatements.append(IAM.Statement(sid: "DenyChangingTheBoundary", effect: .deny, actions: policyChanges, resources: [arn]))
        return guardStatements
    }
}
