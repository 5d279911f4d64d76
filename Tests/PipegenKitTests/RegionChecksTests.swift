import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// A template may only use resource types CloudFormation offers in its region, and a config
/// only the services and features its regions offer: an error at the config value, naming
/// what to use instead.
@Suite struct RegionChecksTests {
    static func load(_ text: String) -> (Config?, [Diagnostic]) {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return (config, diagnostics)
    }

    /// The one error about `what`, at the marker `1️⃣` of `text`.
    static func error(_ text: String, about what: String) throws -> Diagnostic {
        let (stripped, mark) = markedConfig(text)
        let (config, diagnostics) = load(stripped)
        #expect(config == nil)
        let errors = diagnostics.filter { $0.message.contains(what) }
        #expect(errors.count == 1, "\(diagnostics.map(\.message))")
        let error = try #require(errors.first)
        #expect(error.mark?.line == mark.line && error.mark?.column == mark.column, "\(error.message)")
        return error
    }

    // MARK: Commercial partition

    @Test func aCodeCommitSourceInARegionWithoutCodeCommitIsAnError() throws {
        let error = try Self.error(
            """
            project: shop
            tooling: {account: "111111111111", region: af-south-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                source: {provider: 1️⃣codecommit}

            """, about: "CodeCommit")
        #expect(
            error.message
                == "CodeCommit is not offered in af-south-1, where the pipelines run; the source of 'infrastructure-deployment' needs it"
        )
        // af-south-1 has no CodeConnections either: only another tooling region helps.
        #expect(error.notes.first?.message == "choose a tooling region that offers CodeCommit")
        #expect(error.notes.last?.message.hasPrefix("regions of partition 'aws' that offer it: ") == true)
    }

    /// Without a `source` key the default CodeCommit source is said at the tooling region.
    @Test func theDefaultSourceIsSaidAtTheToolingRegion() throws {
        let error = try Self.error(
            """
            project: shop
            tooling: {account: "111111111111", region: 1️⃣me-central-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment: {}

            """, about: "is not offered")
        #expect(error.message.hasPrefix("CodeCommit is not offered in me-central-1"))
    }

    @Test func aConnectionInARegionWithoutCodeConnectionsNamesCodeCommit() throws {
        let error = try Self.error(
            """
            project: shop
            tooling: {account: "111111111111", region: ap-east-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              container-build:
                source: {provider: 1️⃣github, repository: acme/app}

            """, about: "CodeConnections")
        #expect(error.notes.first?.message == "use a CodeCommit source (provider: codecommit), which ap-east-1 offers")
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

    // MARK: China

    @Test func aCreatedConnectionInChinaIsAnErrorAtTheProvider() throws {
        let error = try Self.error(
            """
            project: shop
            tooling: {account: "111111111111", region: cn-north-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                source: {provider: 1️⃣github, repository: acme/infra}

            """, about: "CodeConnections")
        #expect(
            error.message
                == "CodeConnections is not offered in cn-north-1, where the pipelines run; the source of 'infrastructure-deployment' needs it"
        )
        #expect(
            error.notes.map(\.message) == [
                "use a CodeCommit source (provider: codecommit), which cn-north-1 offers",
                "no region of partition 'aws-cn' offers it",
            ])
    }

    /// A connection given by ARN needs CodeConnections too: the template creates nothing, but
    /// the pipeline's source action could never run (on 75e3819 this config was accepted).
    @Test func anExistingConnectionInChinaIsAnErrorAtItsArn() throws {
        let error = try Self.error(
            """
            project: shop
            tooling: {account: "111111111111", region: cn-northwest-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              container-build:
                source: {provider: bitbucket, repository: acme/app, connection: 1️⃣"arn:aws-cn:codeconnections:cn-northwest-1:111111111111:connection/0"}
              infrastructure-deployment:
                source: {provider: gitlab, repository: acme/infra}

            """, about: "CodeConnections")
        #expect(error.message.hasSuffix("the source of 'container-build', 'infrastructure-deployment' needs it"))
    }

    @Test func aCodeCommitChinaConfigIsAccepted() throws {
        let (config, diagnostics) = Self.load(PartitionFixture.text(.awsCn))
        #expect(config != nil, "\(diagnostics.map(\.message))")
    }

    // MARK: GovCloud

    @Test func aConnectionInGovCloudWestIsAnErrorButNotInGovCloudEast() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: us-gov-west-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              container-build:
                source: {provider: 1️⃣github, repository: acme/app}

            """
        let error = try Self.error(text, about: "CodeConnections")
        #expect(error.notes.last?.message == "regions of partition 'aws-us-gov' that offer it: us-gov-east-1")
        let (config, diagnostics) = Self.load(markedConfig(text).0.replacing("us-gov-west-1", with: "us-gov-east-1"))
        #expect(config != nil, "\(diagnostics.map(\.message))")
    }

    /// GovCloud's CodeBuild has no 2xlarge compute type; the commercial partition has.
    @Test func theLargestComputeTypeIsAnErrorInGovCloud() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: us-gov-east-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                compute-type: 1️⃣BUILD_GENERAL1_2XLARGE

            """
        let error = try Self.error(text, about: "compute type")
        #expect(
            error.message
                == "CodeBuild compute type BUILD_GENERAL1_2XLARGE is not offered in us-gov-east-1, where the builds of 'infrastructure-deployment' run"
        )
        #expect(error.notes.first?.message.hasSuffix("BUILD_GENERAL1_XLARGE") == true)
        let (config, diagnostics) = Self.load(markedConfig(text).0.replacing("us-gov-east-1", with: "us-east-1"))
        #expect(config != nil, "\(diagnostics.map(\.message))")
    }

    /// Every feature a random config of each partition asks for is offered where it asks
    /// (the generator reads the same table), and every such config loads.
    @Test(arguments: Partition.allCases)
    func randomConfigsOfEachPartitionAreValid(_ partition: Partition) throws {
        for seed in UInt64(0)..<40 {
            let (text, isJSON) = ConfigGenerator(seed: 0x4E6_0000 + seed, partition: partition).text()
            let (_, config, diagnostics) = loadConfig(
                path: isJSON ? "pipegen.json" : "pipegen.yaml", bytes: Array(text.utf8))
            #expect(config != nil, "seed \(seed): \(diagnostics.map(\.message))\n\(text)")
        }
    }
}
