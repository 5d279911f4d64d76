import CloudFormation
import Foundation
import PipegenConfig
import PipegenKit
import Testing
import YAMLKit

/// What random configs found, one test each: configs pipegen refused wrongly, rendered into
/// templates AWS would refuse, or answered with an internal error.
@Suite struct RandomConfigFindingsTests {
    static let head = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"

        """

    static func load(_ text: String) -> (Config?, [String]) {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return (config, diagnostics.filter { $0.severity == .error }.map(\.message))
    }

    static func tooling(_ config: Config) -> Template { StackSet.build(config).stacks[0].template }

    @Test func functionNameMayBeJustTheFolderName() throws {
        let (config, errors) = Self.load(Self.head + "pipelines:\n  infrastructure-deployment:\n    lambda: {function-name: \"{function}\"}\n")
        #expect(errors == [])
        #expect(config != nil)
    }

    @Test func pipelinesBuildingBranchesOfOneRepositoryShareIt() throws {
        let (config, errors) = Self.load(
            Self.head + """
                pipelines:
                  container-build: {source: {repository: app, branch: main}}
                  infrastructure-deployment: {source: {repository: app, branch: release, pull-request-from: develop}}

                """)
        #expect(errors == [])
        let t = Self.tooling(try #require(config))
        let repositories = t.resources(of: CodeCommit.Repository.self)
        #expect(repositories.map(\.0) == ["ContainerBuildRepository"])
        #expect(repositories.first?.1.repositoryDescription == "Source of the shop-container-build and shop-infrastructure-deployment pipelines")
        let yaml = YAMLWriter().write(t.document)
        #expect(!yaml.contains("InfrastructureDeploymentRepository"))
        #expect(Pipegen.consistency(try #require(config)).map(\.message) == [])
    }

    @Test func aShellVariableInATestCommandStaysLiteral() throws {
        let (config, errors) = Self.load(
            Self.head + "    tests: {command: 'curl -f \"${API_URL}/health\"', variables: {API_URL: ApiUrl}}\n"
                + "pipelines:\n  infrastructure-deployment: {}\n")
        #expect(errors == [])
        let c = try #require(config)
        let files = try renderFiles(c, configPath: "../pipegen.yaml", format: .yaml)
        let tooling = try #require(files.first { $0.name == "tooling.yaml" }).contents
        #expect(tooling.contains(#"curl -f \"${API_URL}/health\""#))
        // The Lambda update's role ARN still needs Fn::Sub; the user's text inside one is escaped.
        #expect(tooling.contains("${AWS::Partition}"))
    }

    @Test func executionRoleStatementsMaySubstitute() throws {
        let (config, errors) = Self.load(
            Self.head + """
                pipelines:
                  infrastructure-deployment:
                    execution-role:
                      statements:
                        - {actions: [s3:GetObject], resources: ["arn:${AWS::Partition}:s3:::data/*", "*"]}

                """)
        #expect(errors == [])
        let env = StackSet.build(try #require(config)).stacks[1].template
        let role = try #require(env.resources(of: IAM.Role.self).first { $0.0 == "CloudFormationExecutionRole" }?.1)
        let resources = role.policies[0].policyDocument.statements[0].resources
        #expect(resources == [.sub("arn:${AWS::Partition}:s3:::data/*"), .string("*")])
    }

    @Test func environmentNamesThatGiveOneIdentifierAreRefused() {
        let (config, errors) = Self.load(
            Self.head.replacing("name: dev", with: "name: p-5") + "  - name: p5\n    account: \"333333333333\"\n")
        #expect(config == nil)
        #expect(errors == ["environment names 'p-5' and 'p5' give the same identifier 'P5' in the templates"])
    }

    @Test func aOneLetterProjectNeedsARegistryName() {
        let text = Self.head.replacing("project: shop", with: "project: x") + "pipelines:\n  container-build: {}\n"
        #expect(Self.load(text).1 == ["the image repository would be named 'x', which is not a valid ECR repository name"])
        #expect(Self.load(text + "registry: {repository: images}\n").1 == [])
    }

    @Test func aCreatedConnectionNameFitsIn32Characters() {
        let text = Self.head.replacing("project: shop", with: "project: a-rather-long-project-name")
            + "pipelines:\n  container-build: {source: {provider: bitbucket, repository: org/app}}\n"
        let errors = Self.load(text).1
        #expect(errors == ["CodeConnections connection name 'a-rather-long-project-name-bitbucket' is 36 characters; AWS allows 1 to 32"])
        let withArn = text.replacing(
            "repository: org/app}", with: "repository: org/app, connection: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/abc'}")
        #expect(Self.load(withArn).1 == [])
    }
}
