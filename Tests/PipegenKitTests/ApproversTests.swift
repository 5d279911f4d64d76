import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `approvers`: a managed policy that may approve exactly the approval actions of the chosen
/// environments, checked against the stage and action names of the rendered pipelines.
@Suite struct ApproversTests {
    /// The approval actions of the rendered pipelines of `tooling`, by ARN, with the names of
    /// their stages.
    static func renderedApprovals(_ tooling: StackTemplate) -> [String: String] {
        var out: [String: String] = [:]
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            let name = Governed.resolved(pipeline.name, in: tooling)!
            for stage in pipeline.stages {
                for action in stage.actions where action.actionTypeId.category == .approval {
                    out["arn:aws:codepipeline:\(tooling.region):\(tooling.account):\(name)/\(stage.name)/\(action.name)"] = stage.name
                }
            }
        }
        return out
    }

    static func policy(_ tooling: StackTemplate) throws -> IAM.ManagedPolicy {
        try #require(tooling.template.resource(ToolingBuilder.ApproversID.policy)?.model(as: IAM.ManagedPolicy.self))
    }

    /// Every ARN the policy may approve names an approval action of a rendered pipeline, in a
    /// stage of a chosen environment, and every such approval is named.
    @Test(arguments: [["test", "prod"], ["prod"], ["test"]])
    func everyArnNamesARenderedApprovalOfAChosenEnvironment(_ chosen: [String]) throws {
        let config = try Governed.config("route-to-live", "approvers: [\(chosen.joined(separator: ", "))]")
        let tooling = try #require(StackSet.build(config).stack("tooling"))
        let statements = try Self.policy(tooling).policyDocument.statements
        let approve = try #require(statements.first { $0.actions == ["codepipeline:PutApprovalResult"] })
        let arns = approve.resources.compactMap { Governed.resolved($0, in: tooling) }
        let rendered = Self.renderedApprovals(tooling)
        for arn in arns { #expect(rendered[arn].map(chosen.contains) == true, "\(arn)") }
        #expect(Set(arns) == Set(rendered.filter { chosen.contains($0.value) }.keys))
        // Two pipelines deploy each environment (infrastructure and containers): both approvals.
        #expect(arns.count == 2 * chosen.count)
        let read = try #require(statements.first { $0.actions.contains("codepipeline:GetPipelineState") })
        #expect(read.resources.compactMap { Governed.resolved($0, in: tooling) } == [
            "arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment",
            "arn:aws:codepipeline:eu-west-1:111111111111:shop-container-deployment",
        ])
        #expect(statements.contains { $0.actions == ["codepipeline:ListPipelines"] && $0.resources == ["*"] })
        #expect(tooling.template.resource(ToolingBuilder.ApproversID.group) == nil)
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    @Test func aGroupGetsThePolicy() throws {
        let config = try Governed.config("route-to-live", "approvers: {environments: [prod], group: true}")
        let tooling = try #require(StackSet.build(config).stack("tooling"))
        let group = try #require(tooling.template.resource(ToolingBuilder.ApproversID.group)?.model(as: IAM.Group.self))
        #expect(group.groupName == "shop-approvers")
        #expect(try Self.policy(tooling).groups == [.ref(ToolingBuilder.ApproversID.group)])
        #expect(try Self.policy(tooling).managedPolicyName == "shop-approvers")
    }

    /// A wave's environments share one approval action, named after the wave.
    @Test func aWaveIsApprovedOnce() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "222222222222"}
              - {name: eu, account: "333333333333", approval: true, wave: prod}
              - {name: us, account: "444444444444", region: us-east-1, approval: true, wave: prod}
            pipelines:
              infrastructure-deployment: {lambda: false}
            approvers: [eu, us]

            """
        let config = try inlineConfig(text)
        let tooling = try #require(StackSet.build(config).stack("tooling"))
        let approve = try #require(try Self.policy(tooling).policyDocument.statements.first)
        #expect(approve.resources.compactMap { Governed.resolved($0, in: tooling) } == [
            "arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment/prod/Approve"
        ])
        #expect(Self.renderedApprovals(tooling).keys.contains("arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment/prod/Approve"))
    }

    /// The consistency check reads the rendered policy: an ARN that names no approval (here
    /// the deploy action beside it) is found.
    @Test func aPolicyNamingAnotherActionIsFound() throws {
        let config = try Governed.config("route-to-live", "approvers: [prod]")
        let stacks = StackSet.build(config).stacks.map { stack -> StackTemplate in
            guard stack.name == "tooling" else { return stack }
            var s = stack
            let resource = s.template.resource(ToolingBuilder.ApproversID.policy)!
            var policy = resource.model(as: IAM.ManagedPolicy.self)!
            policy.policyDocument.statements[0].resources[0] = ToolingBuilder.actionArn(
                pipeline: "shop-infrastructure-deployment", stage: "prod", action: "Deploy")
            s.template.replace(ToolingBuilder.ApproversID.policy, with: resource.with(model: policy))
            return s
        }
        let found = Pipegen.consistency(config, stacks: stacks).map(\.message)
        #expect(found == [
            "the approvers policy names 'arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment/prod/Deploy', which is not an approval of prod",
            "the approvers policy does not name the approval 'arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment/prod/Approve'",
        ])
    }

    @Test func anEnvironmentNoPipelineApprovesIsAnError() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: prod, account: "222222222222", approval: true}
            pipelines:
              container-build: {}
            approvers: [prod]

            """
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.message) == ["'approvers' names environment 'prod', but no pipeline has an approval before it"])
        #expect(diagnostics.first { $0.severity == .error }?.mark?.line == 7)
    }
}
