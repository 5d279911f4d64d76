import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `permissions-boundary`: every role pipegen creates carries it, in every account; the
/// generated boundary lets every call the pipelines make through (the runtime check
/// evaluates it); and with `enforce` the execution role can create or change a role only
/// when the role carries the boundary, which the policy evaluation proves call by call.
@Suite struct BoundaryTests {
    static let generated = "permissions-boundary: {policy: generated, enforce: true}"

    @Test(arguments: ExampleTests.examplesWithoutGovernance)
    func everyRoleCarriesTheGeneratedBoundary(_ example: String) throws {
        let config = try Governed.config(example, Self.generated)
        let names = Names(config)
        let stacks = StackSet.build(config).stacks
        var policies: [String] = []
        for stack in stacks {
            for (id, role) in stack.template.resources(of: IAM.Role.self) {
                #expect(
                    Governed.resolved(role.permissionsBoundary, in: stack)
                        == "arn:aws:iam::\(stack.account):policy/\(names.boundaryPolicy(stack.owner))", "\(stack.name): \(id)")
            }
            policies += stack.template.resources(of: IAM.ManagedPolicy.self).compactMap { Governed.resolved($0.model.managedPolicyName, in: stack) }
        }
        // One boundary per owner that has roles, in its first template with roles.
        let owners = uniqued(stacks.filter { !$0.template.resources(of: IAM.Role.self).isEmpty }.map(\.owner))
        #expect(policies == owners.map(names.boundaryPolicy))
        // The pipelines still work: every runtime call is allowed through the boundaries,
        // and the whole config (limits, consistency) is valid.
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
        #expect(try Governed.diagnostics(example, Self.generated).filter { $0.severity == .error }.map(\.message) == [])
    }

    @Test func aNamedBoundaryIsThePolicyOfEachAccount() throws {
        let config = try Governed.config("route-to-live", "permissions-boundary: CompanyBoundary")
        for stack in StackSet.build(config).stacks {
            #expect(stack.template.resources(of: IAM.ManagedPolicy.self).isEmpty)
            for (_, role) in stack.template.resources(of: IAM.Role.self) {
                #expect(Governed.resolved(role.permissionsBoundary, in: stack) == "arn:aws:iam::\(stack.account):policy/CompanyBoundary")
            }
        }
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    @Test func anArnBoundaryHasItsAccountFilledIn() throws {
        let config = try Governed.config("route-to-live", "permissions-boundary: \"arn:aws:iam::{account}:policy/guard/Boundary\"")
        let prod = try #require(StackSet.build(config).stack("prod"))
        let role = try #require(prod.template.resources(of: IAM.Role.self).first?.model)
        #expect(role.permissionsBoundary == .string("arn:aws:iam::444444444444:policy/guard/Boundary"))
    }

    /// A role in a stack of its own (an environment's `<env>-deploy`) names the boundary by
    /// ARN, and the plan deploys it after the stack that creates the boundary.
    @Test func aStackOfItsOwnWaitsForTheBoundary() throws {
        let config = try Governed.config("ecs-from-nothing", Self.generated)
        let stacks = StackSet.build(config).stacks
        let deploy = try #require(stacks.first { $0.name == "dev-deploy" })
        let role = try #require(deploy.template.resources(of: IAM.Role.self).first?.model)
        #expect(role.permissionsBoundary == .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/cafe-dev-boundary"))
        let (dependencies, _) = StackDependencies.analyse(stacks)
        #expect(dependencies.contains { $0.template == "dev-deploy" && $0.on == "dev" && $0.reason.contains("policy cafe-dev-boundary") })
    }

    // MARK: The execution role under `enforce`

    static let exec = "arn:aws:iam::444444444444:role/shop-prod-cfn-exec"
    static let boundary = "arn:aws:iam::444444444444:policy/shop-prod-boundary"

    /// The runtime check's evaluator over the templates of `settings` (described briefly in
    /// failure messages).
    struct Evaluator: CustomStringConvertible {
        let access: RuntimeAccess
        var description: String { "the evaluator of the templates" }
    }

    static func access(_ settings: String) throws -> Evaluator {
        let stacks = StackSet.build(try Governed.config("route-to-live", settings)).stacks
        return Evaluator(access: RuntimeAccess(index: RuntimeIndex(stacks.map { RuntimeIndex.part($0, Consistency.resolve($0)) })))
    }

    /// Whether the execution role of prod may make `action` on `resource` with the role's
    /// boundary (the request's `iam:PermissionsBoundary`) being `boundary`.
    static func allowed(_ evaluator: Evaluator, _ action: String, on resource: String, boundary: String?) -> Bool {
        let call = RuntimeCall(
            action: action, caller: .role(exec), account: "444444444444", region: "eu-west-1", resource: resource, policy: .none,
            context: boundary.map { [RuntimeCall.Fact("iam:PermissionsBoundary", $0)] } ?? [], cause: nil, origin: "test")
        return evaluator.access.denials(call).isEmpty
    }

    @Test func theExecutionRoleCreatesRolesOnlyWithTheBoundary() throws {
        let access = try Self.access(Self.generated)
        let role = "arn:aws:iam::444444444444:role/shop-prod-orders"
        #expect(!Self.allowed(access, "iam:CreateRole", on: role, boundary: nil))
        #expect(Self.allowed(access, "iam:CreateRole", on: role, boundary: Self.boundary))
        #expect(!Self.allowed(access, "iam:CreateRole", on: role, boundary: "arn:aws:iam::444444444444:policy/Other"))
        for action in ["iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DetachRolePolicy", "iam:DeleteRolePolicy"] {
            let with = Self.allowed(access, action, on: role, boundary: Self.boundary)
            let without = Self.allowed(access, action, on: role, boundary: nil)
            #expect(with && !without, "\(action)")
        }
        // Its own policy never let it set a boundary; now no policy it is given could either.
        let setOther = Self.allowed(access, "iam:PutRolePermissionsBoundary", on: role, boundary: "arn:aws:iam::444444444444:policy/Other")
        #expect(!setOther)
        #expect(!Self.allowed(access, "iam:DeleteRolePermissionsBoundary", on: role, boundary: Self.boundary))
        #expect(!Self.allowed(access, "iam:CreatePolicyVersion", on: Self.boundary, boundary: nil))
        // Roles outside the project stay out of reach, boundary or not.
        #expect(!Self.allowed(access, "iam:CreateRole", on: "arn:aws:iam::444444444444:role/admin", boundary: Self.boundary))
        // What the role did before is still allowed: passing and reading project roles.
        #expect(Self.allowed(access, "iam:PassRole", on: role, boundary: nil))
        #expect(Self.allowed(access, "iam:GetRole", on: role, boundary: nil))
    }

    /// Without `enforce` the execution role may attach any policy to the project's roles:
    /// the privilege escalation path that policy scanners report, and what `enforce` closes.
    @Test func withoutEnforcementTheEscalationPathIsOpen() throws {
        let role = "arn:aws:iam::444444444444:role/shop-prod-orders"
        let open = try Self.access("permissions-boundary: CompanyBoundary")
        #expect(Self.allowed(open, "iam:CreateRole", on: role, boundary: nil))
        #expect(Self.allowed(open, "iam:AttachRolePolicy", on: role, boundary: nil))
        // A boundary pipegen does not write: the execution role's own Deny closes the path.
        let company = "arn:aws:iam::444444444444:policy/CompanyBoundary"
        let closed = try Self.access("permissions-boundary: {policy: CompanyBoundary, enforce: true}")
        #expect(!Self.allowed(closed, "iam:CreateRole", on: role, boundary: nil))
        #expect(!Self.allowed(closed, "iam:AttachRolePolicy", on: role, boundary: Self.boundary))
        #expect(Self.allowed(closed, "iam:CreateRole", on: role, boundary: company))
        #expect(!Self.allowed(closed, "iam:DeleteRolePermissionsBoundary", on: role, boundary: company))
        #expect(!Self.allowed(closed, "iam:SetDefaultPolicyVersion", on: company, boundary: nil))
    }

    /// The Deny holds whatever managed policies the execution role is given.
    @Test func theGuardIsADenyOnEveryRole() throws {
        let config = try Governed.config("route-to-live", "permissions-boundary: {policy: CompanyBoundary, enforce: true}")
        let prod = try #require(StackSet.build(config).stack("prod"))
        let exec = try #require(prod.template.resources(of: IAM.Role.self).first { $0.id == "CloudFormationExecutionRole" }?.model)
        let statements = exec.policies.flatMap(\.policyDocument.statements)
        let deny = try #require(statements.first { $0.sid == "DenyRolesWithoutTheBoundary" })
        #expect(deny.effect == .deny && deny.resources == ["*"])
        #expect(Set(deny.actions) == Set(Boundary.boundedActions))
        #expect(deny.conditions.map(\.operator) == ["StringNotEquals"])
        // No Allow of those actions is left without the condition.
        for s in statements where s.effect == .allow && s.actions.contains(where: Boundary.boundedActions.contains) {
            #expect(s.conditions.contains { $0.key == "iam:PermissionsBoundary" }, "\(s.sid ?? "?")")
        }
    }

    /// A boundary that leaves out what a role needs is found by the runtime check.
    @Test func aBoundaryWithoutWhatARoleNeedsIsFound() throws {
        let config = try Governed.config("route-to-live", Self.generated)
        let stacks = StackSet.build(config).stacks.map { stack -> StackTemplate in
            guard stack.name == "tooling" else { return stack }
            var s = stack
            var policy = s.template.resource(Governance.boundaryId)!.model(as: IAM.ManagedPolicy.self)!
            policy.policyDocument.statements[0].notActions.append("sts:*")
            s.template.replace(Governance.boundaryId, with: s.template.resource(Governance.boundaryId)!.with(model: policy))
            return s
        }
        let found = Pipegen.runtimeAccess(config, stacks: stacks).map(\.message)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.contains("sts:AssumeRole") && $0.contains("its permissions boundary 'arn:aws:iam::111111111111:policy/shop-boundary' does not allow it") })
    }
}
