import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The integration tests builds (`integration-tests` after infrastructure-deployment,
/// `service-tests` after container-deployment) take the build settings like every other
/// build: the pipeline's `builds`, and `builds.<build>` with a buildspec per environment.
@Suite struct TestsBuildSettingsTests {
    static let text = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        builds:
          compute-type: BUILD_GENERAL1_MEDIUM
        environments:
          - name: dev
            account: "222222222222"
            ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [a, b]}
          - name: prod
            account: "333333333333"
            tests: {command: ./smoke.sh, after: container-deployment, read-only-role: true, reports: [reports/*.xml]}
            ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [a, b]}
        pipelines:
          container-deployment:
            builds:
              timeout-minutes: 45
              service-tests:
                buildspec: "ci/service-tests-{env}.yml"
                variables: {API_TOKEN: {secret: shop/api-token}}

        """

    @Test func serviceTestsTakeTheirBuildSettings() throws {
        let config = try inlineConfig(Self.text)
        let tooling = StackSet.build(config).stacks[0].template
        let project = try #require(
            tooling.resources(of: CodeBuild.Project.self).first { $0.model.name == .string("shop-service-tests-prod") }?.model)
        #expect(project.source.buildSpec == "ci/service-tests-prod.yml")
        #expect(project.environment.computeType == .medium, "the project's builds reach the tests")
        #expect(project.timeoutInMinutes == 45, "the pipeline's builds reach the tests")
        #expect(project.environment.environmentVariables.contains { $0.name == "API_TOKEN" })
        // The tests action runs the environment's project, in category Test.
        let pipeline = try #require(
            tooling.resources(of: CodePipeline.Pipeline.self).first { $0.model.name == .string("shop-container-deployment") }?.model)
        let action = try #require(pipeline.stages.flatMap(\.actions).first { $0.name.hasPrefix("IntegrationTests") })
        #expect(action.actionTypeId.category == .test)
        let configuration = try #require(action.configuration(as: CodePipeline.Action.CodeBuild.self))
        #expect(configuration.projectName == .ref("ServiceTestsProjectProd"))
        // The environment's project writes the report group CodeBuild names after it (a wrong
        // name here is also a run-time access error when the config loads).
        let role = try #require(tooling.resource("ServiceTestsRole")?.model(as: IAM.Role.self))
        let reports = try #require(role.policies.flatMap(\.policyDocument.statements).first { $0.sid == "WriteTestReports" })
        #expect("\(reports.resources)".contains("report-group/shop-service-tests-prod-tests"))
    }

    @Test func aVariableTheTestsGetFromPipegenIsAnError() throws {
        let text = Self.text.replacingOccurrences(of: "API_TOKEN: {secret: shop/api-token}", with: "TARGET_ROLE_ARN: x")
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.contains { $0.message == "pipegen sets 'TARGET_ROLE_ARN' for build 'service-tests' (docs/BUILDS.md)" }, "\(diagnostics.map(\.message))")
    }
}
