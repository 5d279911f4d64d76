import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `tags`: on every resource whose type takes tags, in every template, and on every stack of
/// the plan; an environment's tags over the project's of the same key.
@Suite struct TagsTests {
    static let projectTags = "tags: {cost-centre: \"1234\", team: platform}"

    @Test(arguments: ExampleTests.examplesWithoutGovernance)
    func everyTaggableResourceCarriesItsStacksTags(_ example: String) throws {
        let config = try Governed.config(example, Self.projectTags)
        let expected = [Tag("cost-centre", "1234"), Tag("team", "platform")]
        for stack in StackSet.build(config).stacks {
            #expect(stack.tags == [StackTag(key: "cost-centre", value: "1234"), StackTag(key: "team", value: "platform")], "\(stack.name)")
            var tagged = 0
            for (id, resource) in stack.template.resources {
                if let taggable = resource.model as? any TaggableResource {
                    #expect(taggable.tags == expected, "\(stack.name): \(id)")
                    #expect(resource.properties.contains { $0.name == "Tags" }, "\(stack.name): \(id)")
                    tagged += 1
                } else {
                    #expect(!resource.properties.contains { $0.name == "Tags" }, "\(stack.name): \(id) takes no tags")
                }
            }
            #expect(tagged > 0, "\(stack.name) has nothing to tag")
        }
    }

    /// Each type pipegen tags takes a list of `Key`/`Value` (its reference, and cfn-lint's
    /// schema), lowered as such.
    @Test func tagsLowerAsAListOfKeysAndValues() throws {
        let config = try Governed.config("route-to-live", Self.projectTags)
        let tooling = try #require(StackSet.build(config).stack("tooling"))
        let bucket = try #require(tooling.template.resource("ArtifactBucket"))
        let tags = bucket.properties.first { $0.name == "Tags" }?.value
        #expect(tags == .list([.map([Field("Key", "cost-centre"), Field("Value", "1234")]), .map([Field("Key", "team"), Field("Value", "platform")])]))
    }

    @Test func anEnvironmentsTagsWinOverTheProjects() throws {
        var text = try Governed.text("route-to-live", Self.projectTags)
        text = text.replacing("  - name: prod\n", with: "  - name: prod\n    tags: {team: shop, stage: production}\n")
        let stacks = StackSet.build(try inlineConfig(text)).stacks
        let prod = try #require(stacks.first { $0.name == "prod" })
        let dev = try #require(stacks.first { $0.name == "dev" })
        #expect(prod.tags.map { "\($0.key)=\($0.value)" } == ["cost-centre=1234", "team=shop", "stage=production"])
        #expect(dev.tags.map { "\($0.key)=\($0.value)" } == ["cost-centre=1234", "team=platform"])
        let role = try #require(prod.template.resources(of: IAM.Role.self).first?.model)
        #expect(role.tags == [Tag("cost-centre", "1234"), Tag("team", "shop"), Tag("stage", "production")])
        #expect(stacks.first { $0.name == "tooling" }?.tags.map(\.value) == ["1234", "platform"])
    }

    /// The plan deploys every stack with its tags (quoted for the shell when they need it).
    @Test func thePlanTagsEveryStack() throws {
        var text = try Governed.text("route-to-live", "tags: {cost-centre: \"1234\", owner: Platform Team}")
        text = text.replacing("  - name: prod\n", with: "  - name: prod\n    tags: {stage: production}\n")
        let config = try inlineConfig(text)
        let stacks = StackSet.build(config)
        let plan = DeploymentPlan(
            ValidConfig(config: config, stacks: stacks), files: try renderFiles(config, configPath: "pipegen.yaml", format: .yaml),
            templateFolder: "templates")
        let deployments = plan.phases.flatMap(\.stacks)
        #expect(deployments.count == stacks.stacks.count)
        for d in deployments {
            let expected = d.name == "prod" ? "--tags cost-centre=1234 'owner=Platform Team' stage=production" : "--tags cost-centre=1234 'owner=Platform Team'"
            #expect(d.command.contains(expected), "\(d.name): \(d.command)")
        }
    }

    @Test func withoutTagsNothingIsTagged() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        for stack in StackSet.build(config).stacks {
            #expect(stack.tags.isEmpty)
            for (_, resource) in stack.template.resources {
                #expect((resource.model as? any TaggableResource)?.tags.isEmpty ?? true)
            }
        }
    }
}
