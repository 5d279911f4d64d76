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
        return names.subtracting(config.environments.flatMap { $0.tests?.variables.map(\.name) ?? [] })
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
