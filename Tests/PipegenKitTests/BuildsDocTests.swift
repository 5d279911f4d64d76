import CloudFormation
import Foundation
import PipegenConfig
import Testing
import TestSupport
import YAMLKit

@testable import PipegenKit

/// docs/BUILDS.md lists every variable pipegen sets on a build, so that a buildspec of the
/// user's can rely on it.
@Suite struct BuildsDocTests {
    static let doc = (try? String(contentsOfFile: Golden.repositoryRoot(from: #filePath) + "/docs/BUILDS.md", encoding: .utf8)) ?? ""

    /// The variables of the config's builds: on the projects and in the actions, without the
    /// ones the config names itself (`tests.variables`).
    static func variables(_ config: Config) throws -> Set<String> {
        let tooling = StackSet.build(config).stacks[0]
        var names: Set<String> = []
        for (_, project) in tooling.template.resources(of: CodeBuild.Project.self) {
            names.formUnion(project.environment.environmentVariables.map(\.name))
        }
        let r = Resolver(template: tooling.template, account: tooling.account, region: tooling.region)
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            for action in pipeline.stages.flatMap(\.actions) {
                guard let build = action.configuration as? CodePipeline.Action.CodeBuild,
                    let json = build.fields.first(where: { $0.name == "EnvironmentVariables" }).flatMap({ r.string($0.value) }),
                    case .list(let items) = try JSONReader.parse(json).document
                else { continue }
                names.formUnion(items.compactMap { $0["name"]?.stringValue })
            }
        }
        let builder = ToolingBuilder(config, model: AccessModel(config), topology: Topology(config))
        let own = builder.builds.flatMap { $0.settings.variables.map(\.name) }
        return names.subtracting(config.environments.flatMap { $0.tests?.variables.map(\.name) ?? [] }).subtracting(own)
    }

    /// Every build kind, steps at every point, and variables of the user's.
    static let everyBuild = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        builds:
          variables: {MINE: x, SECRET: {secret: shop/s}}
        environments:
          - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1], tests: {command: ./t.sh}, ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [a, b]}}
        pipelines:
          container-build:
            steps: [{name: scan, at: after-build, build: {buildspec: scan.yml}}]
          infrastructure-deployment:
            package: sam
            lambda: {functions: [orders]}
            steps:
              - {name: pre, at: before-deploy, build: {buildspec: pre.yml}}
              - {name: post, at: after-deploy, build: {buildspec: "post-{env}.yml"}}
              - {name: first, at: after-source, build: {buildspec: first.yml}}
          container-deployment: {}

        """

    @Test func everyVariableOfEveryBuildAndStepIsDocumented() throws {
        let variables = try Self.variables(try inlineConfig(Self.everyBuild))
        #expect(variables.isSuperset(of: ["ENVIRONMENT", "TARGET_ACCOUNT", "TARGET_REGIONS", "TARGET_REGION", "CODE_KEYS"]))
        #expect(!variables.contains("MINE") && !variables.contains("SECRET"))
        for name in variables.sorted() {
            #expect(Self.doc.contains("| `\(name)` |"), "docs/BUILDS.md does not list \(name)")
        }
    }

    @Test(arguments: ArtifactRetentionTests.examples)
    func everyVariableIsDocumented(_ example: String) throws {
        let variables = try Self.variables(try exampleConfig("Examples/\(example)/pipegen.yaml"))
        for name in variables.sorted() {
            #expect(Self.doc.contains("| `\(name)` |"), "docs/BUILDS.md does not list \(name)")
        }
    }

    @Test func theDocIsFound() { #expect(Self.doc.contains("# The builds pipegen generates")) }
}
