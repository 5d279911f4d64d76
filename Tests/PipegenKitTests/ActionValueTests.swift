import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// CodePipeline rejects an action configuration value over 1,000 characters when the pipeline
/// is created: pipegen shortens what it writes and says where a value of the config is too long.
@Suite struct ActionValueTests {
    /// Every configuration value of every example's pipelines, at its longest, fits.
    @Test(arguments: ArtifactRetentionTests.examples)
    func everyExampleValueFits(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        let tooling = StackSet.build(config).stacks[0]
        let r = Resolver(template: tooling.template, account: tooling.account, region: tooling.region)
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            for action in pipeline.stages.flatMap(\.actions) {
                for field in action.configuration.fields {
                    #expect(WorstCaseLength(resolver: r, partition: config.partition).text(field.value) <= 1_000, "\(action.name).\(field.name)")
                }
            }
        }
    }

    @Test func aCommentTooLongIsAnErrorAtTheComment() throws {
        let comment = Array(repeating: "Check the dashboards first.", count: 40).joined(separator: " ")
        let text = InsightFixtures.small.replacing(
            "    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    approval:\n      comment: \(comment)\n")
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message.hasPrefix("CustomData of action 'dev/Approve'") })
        #expect(error.message.hasSuffix("would be \(comment.count) characters; CodePipeline takes at most 1000"))
        #expect(error.mark?.line == 9 && error.mark?.column == 16)
    }

    /// A wave of many environments with long names: the generated approval text would not fit,
    /// so it says what is approved in fewer words.
    @Test func aLongGeneratedCommentIsShortened() throws {
        var text = "project: p\ntooling: {account: \"111111111111\", region: eu-west-1}\nenvironments:\n"
        for i in 1...20 {
            text += "  - {name: environment-with-a-long-name-\(i), account: \"2222222222\(String(format: "%02d", i))\", wave: all, approval: true}\n"
        }
        text += "pipelines:\n  infrastructure-deployment: {lambda: false, lint: []}\n"
        let config = try InsightFixtures.config(text)
        let approve = try #require(Pipegen.pipelines(config)[0].stages.last?.actions.first)
        guard case .approval(_, let comment, _) = approve.kind else {
            Issue.record("no approval first")
            return
        }
        #expect(comment == "Approve the deployment to the 20 environments of wave 'all'.")
    }
}
