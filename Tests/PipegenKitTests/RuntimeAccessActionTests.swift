import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The calls a pipeline declaration adds to its actions (`runtimeCalls(of: ActionRun, _:)`)
/// and those of a deployment group's alarms: each is made, and taking its grant away from
/// the example's templates is found as exactly that call, denied, at the environment's line.
@Suite struct RuntimeAccessActionTests {
    func altered(_ example: String, _ stack: String, _ change: (inout Template) -> Void) throws -> (Config, [Diagnostic]) {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, stack, change)
        return (config, Pipegen.runtimeAccess(config, stacks: stacks))
    }

    func removing(_ sid: String, from id: String) -> (inout Template) -> Void {
        { t in
            var r = t.resource(id)!.model(as: IAM.Role.self)!
            for i in r.policies.indices { r.policies[i].policyDocument.statements.removeAll { $0.sid == sid } }
            t.replace(id, with: Resource(r))
        }
    }

    func calls(_ example: String) throws -> [RuntimeCall] {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        return RuntimeAccess.calls(config: config, specs: Pipegen.pipelines(config), stacks: StackSet.build(config).stacks)
    }

    @Test func codeDeployReadsTheAlarmsOfEachDeploymentGroup() throws {
        #expect(
            try calls("route-to-live").contains {
                $0.actions == ["cloudwatch:DescribeAlarms"] && $0.caller == .role("arn:aws:iam::444444444444:role/shop-prod-codedeploy")
                    && $0.resource == "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:shop-prod-http-5xx"
            })
        let (config, found) = try altered("route-to-live", "prod", removing("ReadAlarms", from: "CodeDeployServiceRole"))
        #expect(
            found.map(\.message) == [
                "action 'prod/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::444444444444:role/shop-prod-codedeploy' would be denied cloudwatch:DescribeAlarms on 'arn:aws:cloudwatch:eu-west-1:444444444444:alarm:shop-prod-http-5xx' in 444444444444 (eu-west-1): the identity policy of 'arn:aws:iam::444444444444:role/shop-prod-codedeploy' does not allow it"
            ])
        #expect(found.first?.mark == config.environment("prod")?.name.mark)
    }

    @Test func codeDeployInvokesTheAppSpecHooks() throws {
        let (_, found) = try altered("route-to-live", "test", removing("InvokeHooks", from: "CodeDeployServiceRole"))
        #expect(
            found.map(\.message) == [
                "action 'test/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::333333333333:role/shop-test-codedeploy' would be denied lambda:InvokeFunction on 'arn:aws:lambda:eu-west-1:333333333333:function:shop-smoke-test' in 333333333333 (eu-west-1): the identity policy of 'arn:aws:iam::333333333333:role/shop-test-codedeploy' does not allow it"
            ])
    }

    @Test func theDeployRolePassesAndTagsWhatTheTaskDefinitionNames() throws {
        let (_, passing) = try altered("route-to-live", "dev", removing("PassTaskRoles", from: "EcsDeployRole"))
        #expect(
            passing.map(\.message) == [
                "action 'dev/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::222222222222:role/shop-dev-ecs-deploy' would be denied iam:PassRole on 'arn:aws:iam::222222222222:role/shop-example' in 222222222222 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-dev-ecs-deploy' does not allow it"
            ])
        let (_, tagging) = try altered("route-to-live", "dev", removing("TagTaskDefinitions", from: "EcsDeployRole"))
        #expect(
            tagging.map(\.message) == [
                "action 'dev/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::222222222222:role/shop-dev-ecs-deploy' would be denied ecs:TagResource on 'arn:aws:ecs:eu-west-1:222222222222:task-definition/shop-dev:1' in 222222222222 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-dev-ecs-deploy' does not allow it"
            ])
    }

    @Test func codeDeployPassesTheTaskRolesWhenItCreatesTaskSets() throws {
        let (_, found) = try altered("route-to-live", "dev", removing("PassTaskRoles", from: "CodeDeployServiceRole"))
        #expect(found.count == 1)
        #expect(found.allSatisfy { $0.message.contains("'arn:aws:iam::222222222222:role/shop-dev-codedeploy' would be denied iam:PassRole") })
    }

    @Test func theExecutionRoleReadsThePackagedCode() throws {
        #expect(
            try calls("serverless-change-sets").contains {
                $0.actions == ["s3:GetObject"] && $0.caller == .role("arn:aws:iam::333333333333:role/orders-prod-cfn-exec")
                    && $0.resource.hasPrefix("arn:aws:s3:::orders-artifacts-111111111111-us-east-1/lambda/packaged/")
            })
        let (config, found) = try altered("serverless-change-sets", "tooling") { t in
            var policy = t.resource("ArtifactBucketPolicy")!.model(as: S3.BucketPolicy.self)!
            policy.policyDocument.statements.removeAll { $0.sid == "EnvironmentRolesReadLambdaZips" }
            t.replace("ArtifactBucketPolicy", with: Resource(policy))
        }
        #expect(
            found.map(\.message) == ["dev", "prod"].map { env in
                "action '\(env)/\(env == "dev" ? "Deploy" : "CreateChangeSet")' of pipeline 'orders-infrastructure-deployment': at run time 'arn:aws:iam::\(env == "dev" ? "222222222222" : "333333333333"):role/orders-\(env)-cfn-exec' would be denied s3:GetObject on 'arn:aws:s3:::orders-artifacts-111111111111-us-east-1/lambda/packaged/example/0123456789abcdef.zip' in 111111111111 (us-east-1): the bucket policy of 'orders-artifacts-111111111111-us-east-1' does not allow it"
            })
        #expect(found.first?.mark == config.environment("dev")?.name.mark)
    }
}

/// A Deny the config adds to a role can forbid what the pipeline needs: the error says so,
/// rather than blaming pipegen.
@Suite struct RuntimeAccessDenyTests {
    @Test func aConfigDenyOfTheCodeReadIsTheUsersToNarrow() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "222222222222"}
            pipelines:
              infrastructure-deployment:
                lambda: {functions: [orders]}
                execution-role:
                  statements:
                    - {effect: Deny, actions: ["s3:*"], resources: ["*"]}

            """
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false)
        let error = try #require(diagnostics.first { $0.message.contains("would be denied s3:GetObject") })
        #expect(error.message.contains("'arn:aws:iam::222222222222:role/shop-dev-cfn-exec'"))
        #expect(error.message.contains("denies it"))
        #expect(error.notes.contains { $0.message.contains("'execution-role.statements'") })
        #expect(!error.notes.contains { $0.message.contains("bug in pipegen") })
    }
}
