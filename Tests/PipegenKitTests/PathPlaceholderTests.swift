import CloudFormation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `{env}`, `{region}` and `{account}` in the paths each deploy reads: a multi-region
/// environment deploys its own parameters, AppSpec and task definition in each region.
@Suite struct PathPlaceholderTests {
    static let text = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - name: prod
            account: "222222222222"
            regions: [eu-west-1, us-east-1]
            ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [a, b]}
        pipelines:
          infrastructure-deployment:
            parameters: "params/{env}/{region}-{account}.json"
          container-deployment:
            appspec: "deploy/{region}/appspec.yaml"
            task-definition: "deploy/{region}/taskdef-{env}.json"

        """

    static func actions(_ config: Config, _ kind: PipelineKind) -> [ActionSpec] {
        Pipegen.pipelines(config).first { $0.kind == kind }!.stages.flatMap(\.actions)
    }

    @Test func eachRegionDeploysItsOwnParameters() throws {
        let config = try inlineConfig(Self.text)
        let paths = Self.actions(config, .infrastructure).compactMap { a -> String? in
            if case .cloudFormation(_, _, _, let configuration, _, _, _) = a.kind { return configuration }
            return nil
        }
        #expect(paths == ["Source::params/prod/eu-west-1-222222222222.json", "Source::params/prod/us-east-1-222222222222.json"])
    }

    @Test func eachRegionDeploysItsOwnAppSpecAndTaskDefinition() throws {
        let config = try inlineConfig(Self.text)
        let deploys = Self.actions(config, .containerDeployment).compactMap { a -> [String]? in
            if case .codeDeployToECS(_, _, let appspec, let taskDefinition, _) = a.kind { return [appspec, taskDefinition] }
            return nil
        }
        #expect(
            deploys == [
                ["deploy/eu-west-1/appspec.yaml", "deploy/eu-west-1/taskdef-prod.json"],
                ["deploy/us-east-1/appspec.yaml", "deploy/us-east-1/taskdef-prod.json"],
            ])
        // `pipegen ecs-files` writes each of them, naming its region's logs.
        let files = try #require(EcsFiles.files(config, container: .init(name: "shop")))
        #expect(
            files.map(\.path) == [
                "deploy/eu-west-1/appspec.yaml", "deploy/us-east-1/appspec.yaml", "deploy/eu-west-1/taskdef-prod.json",
                "deploy/us-east-1/taskdef-prod.json",
            ])
        let task = try JSONReader.parse(files[3].contents).document
        #expect(task["containerDefinitions"]?[0]?["logConfiguration"]?["options"]?["awslogs-region"] == "us-east-1")
    }
}
