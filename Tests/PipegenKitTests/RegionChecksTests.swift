import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// A template may only use resource types CloudFormation offers in its region.
@Suite struct RegionChecksTests {
    static func load(_ text: String) -> (Config?, [Diagnostic]) {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return (config, diagnostics)
    }

    @Test func aCodeCommitSourceInARegionWithoutCodeCommitIsAnError() throws {
        let (config, diagnostics) = Self.load(
            """
            project: shop
            tooling: {account: "111111111111", region: af-south-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment: {}

            """)
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message.contains("AWS::CodeCommit::Repository") })
        #expect(error.message == "CloudFormation does not offer AWS::CodeCommit::Repository in af-south-1, where tooling deploys it")
        #expect(error.mark?.line == 2)
        #expect(error.notes.first?.message.hasPrefix("read the source through a connection") == true)
    }

    @Test func aCreatedConnectionInChinaIsAnErrorAtTheProvider() throws {
        let (config, diagnostics) = Self.load(
            """
            project: shop
            tooling: {account: "111111111111", region: cn-north-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                source: {provider: github, repository: acme/infra}

            """)
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message.contains("AWS::CodeStarConnections::Connection") })
        #expect(error.mark?.line == 6 && error.mark?.column == 24)
        #expect(error.notes.map(\.message).contains("use a CodeCommit source (provider codecommit), or choose a tooling region with CodeConnections"))
    }

    /// Environments need only IAM and CodeDeploy, which every region offers.
    @Test func anEnvironmentInARegionWithoutCodeBuildIsFine() throws {
        let (config, diagnostics) = Self.load(
            """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments: [{name: dev, account: "222222222222", region: ca-west-1}]
            pipelines:
              infrastructure-deployment: {}

            """)
        #expect(config != nil, "\(diagnostics.map(\.message))")
    }
}
