import CloudFormation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// A limit error points at what fills the limit in the config: the environments (their list,
/// a wave, one environment), never the `project` line; and names template files as the user
/// will look for them.
@Suite struct LimitLocationTests {
    static let route = """
        project: shop
        tooling: {account: "100000000000", region: eu-west-1}
        environments:
          - {name: dev, account: "200000000000"}
          - {name: prod, account: "300000000000"}

        """

    /// 501 topics in the template of `owner`: over CloudFormation's 500 resources.
    static func crowded(_ owner: StackTemplate.Owner, name: String) -> StackTemplate {
        var template = Template(description: "crowded")
        for i in 0...TemplateLimits.maxResources { template.add("Topic\(i)", SNS.Topic()) }
        return StackTemplate(
            name: name, owner: owner, account: "200000000000", region: "eu-west-1", stackName: "s", template: template)
    }

    @Test func tooManyResourcesInAnEnvironmentTemplateIsAtThatEnvironment() throws {
        let config = try InsightFixtures.config(Self.route)
        let limits = Limits(config: config, pipelines: [], files: LoadRequest(outputFolder: "infra/cfn", format: .json))
        let problems = limits.check(Self.crowded(.environment("prod"), name: "prod"))
        #expect(problems.map(\.message) == ["infra/cfn/prod.json would hold 501 resources; CloudFormation allows 500"])
        #expect(problems.first?.mark == Mark(line: 5, column: 5), "the environment 'prod'")
    }

    @Test func tooManyResourcesInTheToolingTemplateIsAtTheEnvironments() throws {
        let config = try InsightFixtures.config(Self.route)
        let limits = Limits(config: config, pipelines: [])
        let problems = limits.check(Self.crowded(.tooling, name: "tooling"))
        #expect(problems.map(\.message) == ["templates/tooling.yaml would hold 501 resources; CloudFormation allows 500"])
        #expect(problems.first?.mark == Mark(line: 3, column: 1), "the 'environments' key")
        #expect(problems.first?.notes.map(\.message) == ["split environments across several pipelines (several configs)"])
    }

    /// The repository policy names every environment account that pulls: its error is at the
    /// environments, whatever the project line says.
    @Test func aPolicyTooLargeIsAtTheEnvironmentsThatFillIt() throws {
        let text = PolicySizeTests.route(400)
        let (_, _, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        let error = try #require(diagnostics.first { $0.message.contains("repository policy") })
        #expect(error.mark == Mark(line: 3, column: 1))
        #expect(error.message.contains(" in templates/tooling.yaml would be "))
    }

    /// Too many stages: at the environments, with the first environment past the limit.
    @Test func tooManyStagesIsAtTheEnvironmentsAndTheFirstOneTooMany() throws {
        var text = "project: shop\ntooling: {account: \"100000000000\", region: eu-west-1}\nenvironments:\n"
        for i in 0..<60 { text += "  - {name: e\(i), account: \"\(200_000_000_000 + i)\"}\n" }
        text += "pipelines:\n  infrastructure-deployment: {}\n"
        let (_, _, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        let error = try #require(diagnostics.first { $0.message.contains("stages; CodePipeline allows 50") })
        #expect(error.mark == Mark(line: 3, column: 1))
        let config = try #require(ConfigReader.read(SourceFile(path: "pipegen.yaml", text: text)).config)
        let stages = try #require(Pipegen.pipelines(config).first?.stages)
        let first = try #require(stages[Limits.maxStages].environments.first)
        let env = try #require(config.environment(first))
        #expect(error.notes.first?.message == "stage 51, the first too many, deploys environment '\(first)'")
        #expect(error.notes.first?.mark == env.mark)
        #expect(error.notes.last?.message.contains("waves") == true)
    }

    /// A template too large for CloudFormation is named in the folder the render writes to.
    @Test func aTemplateTooLargeIsNamedInTheOutputFolder() {
        let file = RenderedFile(name: "tooling.json", contents: String(repeating: " ", count: TemplateLimits.maxBodyBytes + 1), resourceCount: 1)
        let sizes = Limits.bodySizes([file]) { RenderRequest.path("infra/cfn", $0) }
        #expect(sizes.map(\.message) == ["infra/cfn/tooling.json would be 1000001 bytes; CloudFormation accepts at most 1000000"])
    }
}
