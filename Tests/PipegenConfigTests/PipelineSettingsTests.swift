import PipegenConfig
import Testing
import YAMLKit

/// The typed values of the config: source providers, name patterns, pipelines in kind order.
@Suite struct PipelineSettingsTests {
    @Test func everyProviderButCodeCommitHasAConnectionProviderType() {
        for provider in SourceProvider.allCases {
            #expect((provider.connectionProviderType == nil) == provider.isCodeCommit, "\(provider)")
        }
        #expect(SourceProvider.allCases.filter(\.connectionCanBeCreated) == [.gitHub, .bitbucket, .gitLab])
    }

    @Test func theProviderChoicesAreTheEnumsCases() throws {
        let source = try #require(ConfigSchema.pipelines.key("container-build"))
        guard case .object(let pipeline) = source.type, case .object(let spec)? = pipeline.key("source")?.type,
            case .choice(let choices)? = spec.key("provider")?.type
        else {
            Issue.record("no provider key")
            return
        }
        #expect(choices == SourceProvider.allCases.map(\.rawValue))
    }

    @Test func pipelinesKeepKindOrderWhateverTheConfigsOrder() throws {
        let decoded = ConfigReader.read(
            SourceFile(
                path: "pipegen.yaml",
                text: """
                    project: shop
                    tooling: {account: "111111111111", region: eu-west-1}
                    environments: [{name: dev, account: "222222222222", ecs: {cluster: c, service: s, listener: l, target-groups: [a, b]}}]
                    pipelines:
                      container-deployment: {}
                      infrastructure-deployment: {}
                      container-build: {}

                    """))
        let config = try #require(decoded.config, "\(decoded.diagnostics.map(\.message))")
        #expect(config.pipelines.kinds == PipelineKind.allCases)
        #expect(config.pipelines[ContainerDeployment.self]?.taskRoles == ["{project}-*"])
        #expect(config.pipelines[InfrastructureDeployment.self]?.stackName.value == "{project}-{env}")
    }

    @Test func aPatternKnowsItsPlaceholders() {
        let pattern: NamePattern = "{project}-{env}-{function}"
        #expect(pattern.contains(.env) && pattern.contains(.function) && !pattern.contains(.region))
        #expect(NamePattern.Placeholder.allCases.map(\.token) == ["{project}", "{env}", "{function}", "{region}", "{account}"])
    }
}
