import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// Integration tests after an environment's deployment: after infrastructure-deployment's or
/// container-deployment's, as category Test, optionally as a read-only role of the
/// environment's account, publishing a test report; the read-only role, its trust, the build
/// role's grant and the action's variable are one `CrossAccountRole`.
@Suite struct IntegrationTestsTests {
    static func config(tests: String, pipelines: String = "  container-build: {}\n  container-deployment: {}\n") -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - name: dev
            account: "222222222222"
            ecs: {cluster: shop-dev, service: shop, listener: {import: shop-dev-ProdListenerArn}, target-groups: [blue, green]}
            tests: \(tests)
          - name: prod
            account: "333333333333"
            ecs: {cluster: shop-prod, service: shop, listener: {import: shop-prod-ProdListenerArn}, target-groups: [blue, green]}
        pipelines:
        \(pipelines)
        """
    }

    static func stack(_ config: Config, _ name: String) throws -> Template {
        try #require(StackSet.build(config).stacks.first { $0.name == name }).template
    }

    static func pipeline(_ t: Template, _ name: String) throws -> CodePipeline.Pipeline {
        try #require(t.resources(of: CodePipeline.Pipeline.self).first { $0.model.name == .string(name) }?.model)
    }

    /// Before this, `tests` of a config without infrastructure-deployment were silently dropped.
    @Test func testsFollowTheContainerDeploymentAsCategoryTest() throws {
        let config = try inlineConfig(Self.config(tests: "{command: ./smoke-test.sh}"))
        let tooling = try Self.stack(config, "tooling")
        let pipeline = try Self.pipeline(tooling, "shop-container-deployment")
        let stage = try #require(pipeline.stages.first { $0.name == "dev" })
        #expect(stage.actions.map(\.name) == ["Deploy", "IntegrationTests"])
        let tests = stage.actions[1]
        #expect(tests.actionTypeId.category == .test)
        #expect(tests.runOrder == 2)
        #expect(tests.configuration(as: CodePipeline.Action.CodeBuild.self)?.projectName == .ref("ServiceTestsProject"))
        #expect(tooling.resource("ServiceTestsProject") != nil)
        // prod has no tests; no read-only role anywhere.
        #expect(try #require(pipeline.stages.first { $0.name == "prod" }).actions.map(\.name) == ["Deploy"])
        #expect(try Self.stack(config, "dev").resource("ServiceTestsRole") == nil)
    }

    @Test func byDefaultTestsFollowTheInfrastructureDeployment() throws {
        let config = try inlineConfig(
            Self.config(
                tests: "{command: ./smoke-test.sh}",
                pipelines: "  infrastructure-deployment: {lambda: false}\n  container-build: {}\n  container-deployment: {}\n"))
        let tooling = try Self.stack(config, "tooling")
        let infra = try Self.pipeline(tooling, "shop-infrastructure-deployment")
        let containers = try Self.pipeline(tooling, "shop-container-deployment")
        #expect(infra.stages.first { $0.name == "dev" }?.actions.map(\.name).contains("IntegrationTests") == true)
        #expect(containers.stages.first { $0.name == "dev" }?.actions.map(\.name) == ["Deploy"])
        #expect(tooling.resource("IntegrationTestsProject") != nil)
        #expect(tooling.resource("ServiceTestsProject") == nil)
    }

    /// The role, its trust, the build role's grant and the action's `TARGET_ROLE_ARN` agree,
    /// and the role carries ReadOnlyAccess and nothing else.
    @Test func theReadOnlyRoleIsOneLink() throws {
        let config = try inlineConfig(Self.config(tests: "{command: ./smoke-test.sh, read-only-role: true}"))
        let model = AccessModel(config)
        let role = try #require(model.role(.serviceTestsReadOnly, in: "dev"))
        #expect(role.name == "shop-dev-service-tests")
        #expect(role.assumedBy == "shop-service-tests-role")
        #expect(role.reads == nil)
        #expect(model.role(.serviceTestsReadOnly, in: "prod") == nil)

        let dev = try Self.stack(config, "dev")
        let iamRole = try #require(dev.resource("ServiceTestsRole")?.model(as: IAM.Role.self))
        #expect(iamRole.roleName == .string("shop-dev-service-tests"))
        #expect(iamRole.managedPolicyArns == [.sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")])
        #expect(iamRole.policies.isEmpty)

        let tooling = try Self.stack(config, "tooling")
        let action = try #require(
            try Self.pipeline(tooling, "shop-container-deployment").stages.first { $0.name == "dev" }?.actions.last)
        let variables = try #require(action.configuration(as: CodePipeline.Action.CodeBuild.self)?.environmentVariables)
        #expect(variables.first { $0.name == "TARGET_ROLE_ARN" }?.value == "arn:${AWS::Partition}:iam::222222222222:role/shop-dev-service-tests")
        #expect(variables.first { $0.name == "TARGET_REGION" }?.value == "eu-west-1")
        // The whole wiring holds at run time; the runtime check sees the assume.
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
        let calls = RuntimeAccess.calls(config: config, specs: Pipegen.pipelines(config), stacks: StackSet.build(config).stacks)
        #expect(
            calls.contains {
                $0.actions == ["sts:AssumeRole"] && $0.resource == "arn:aws:iam::222222222222:role/shop-dev-service-tests"
                    && $0.caller == .role("arn:aws:iam::111111111111:role/shop-service-tests-role")
            })
    }

    @Test func aTrustThatAdmitsAnotherRoleDeniesTheTestsTheirRole() throws {
        let config = try inlineConfig(Self.config(tests: "{command: ./smoke-test.sh, read-only-role: true}"))
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "dev") { t in
            var r = t.resource("ServiceTestsRole")!.model(as: IAM.Role.self)!
            r.assumeRolePolicyDocument = Policies.trust(
                role: .sub("arn:${AWS::Partition}:iam::111111111111:role/shop-other"), account: "111111111111", names: Names(config))
            t.replace("ServiceTestsRole", with: Resource(r))
        }
        let denied = Pipegen.runtimeAccess(config, stacks: stacks)
        #expect(denied.count == 1)
        #expect(denied.first?.message.contains("would be denied sts:AssumeRole on 'arn:aws:iam::222222222222:role/shop-dev-service-tests'") == true)
        #expect(denied.first?.mark == config.environment("dev")?.name.mark)
    }

    /// The buildspec publishes the gathered files to the report group the build role may write.
    @Test func reportsGoToTheProjectsReportGroup() throws {
        let config = try inlineConfig(Self.config(tests: "{command: ./smoke-test.sh, reports: [reports/*.xml, out/junit.xml]}"))
        let tooling = try Self.stack(config, "tooling")
        let project = try #require(tooling.resource("ServiceTestsProject")?.model(as: CodeBuild.Project.self))
        let buildspec = try #require(project.source.buildSpec)
        #expect(buildspec.contains("reports:\n  \(IntegrationTestsStep.reportGroup):\n"))
        #expect(buildspec.contains("base-directory: .pipegen-reports"))
        #expect(buildspec.contains("file-format: JUNITXML"))
        #expect(buildspec.contains("post_build:"))
        let role = try #require(tooling.resource("ServiceTestsRole")?.model(as: IAM.Role.self))
        let statement = try #require(role.policies.flatMap(\.policyDocument.statements).first { $0.sid == "WriteTestReports" })
        #expect(
            statement.resources == [
                .sub("arn:${AWS::Partition}:codebuild:${AWS::Region}:${AWS::AccountId}:report-group/shop-service-tests-tests")
            ])
        let action = try #require(
            try Self.pipeline(tooling, "shop-container-deployment").stages.first { $0.name == "dev" }?.actions.last)
        let variables = try #require(action.configuration(as: CodePipeline.Action.CodeBuild.self)?.environmentVariables)
        #expect(variables.first { $0.name == "REPORT_FILES" }?.value == "reports/*.xml out/junit.xml")
    }

    @Test func withoutReportsTheBuildspecPublishesNone() throws {
        let config = try inlineConfig(Self.config(tests: "{command: ./smoke-test.sh}"))
        let project = try #require(try Self.stack(config, "tooling").resource("ServiceTestsProject")?.model(as: CodeBuild.Project.self))
        let buildspec = try #require(project.source.buildSpec)
        #expect(!buildspec.contains("reports:"))
    }
}
