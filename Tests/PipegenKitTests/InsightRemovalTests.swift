import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `RemovalReport`: which stacks to delete, in which order, and what they leave behind, read
/// from the old files alone.
@Suite struct InsightRemovalTests {
    static func files(_ config: Config, format: OutputFormat = .yaml) throws -> [RenderedFile] {
        try renderFiles(config, configPath: "../pipegen.yaml", format: format)
    }

    /// The report reads where a stack lives from the template's description; every template
    /// must keep saying it the same way.
    @Test(arguments: [OutputFormat.yaml, .json])
    func everyTemplateSaysWhereItDeploys(_ format: OutputFormat) throws {
        for config in [try InsightFixtures.routeToLive(), try InsightFixtures.multiRegion()] {
            let files = try Self.files(config, format: format)
            for (stack, file) in zip(StackSet.build(config).stacks, files) {
                let target = RemovalReport.target(of: RemovalReport.read(file.name, Array(file.contents.utf8)))
                #expect(target?.account == stack.account, "\(file.name)")
                #expect(target?.region == stack.region, "\(file.name)")
                #expect(target?.stack == stack.stackName, "\(file.name)")
            }
        }
    }

    @Test func staleStacksComeInReverseDeploymentOrderWithWhatTheyRetain() throws {
        let old = try Self.files(try InsightFixtures.multiRegion())
        let config = try InsightFixtures.config(InsightFixtures.small)
        let stale = old.filter { $0.name != "tooling.yaml" && $0.name != "dev.yaml" }.map { ($0.name, Array($0.contents.utf8)) }
        let report = RemovalReport(config: config, stale: stale, replaced: [])
        #expect(
            report.stacks.map(\.file) == [
                "dev-us-east-1.yaml", "prod.yaml", "test.yaml", "tooling-us-east-1-bucket.yaml", "tooling-us-east-1.yaml",
            ])
        #expect(report.stacks.map(\.profile) == ["demo-dev", "demo-prod", "demo-test", "demo-tooling", "demo-tooling"])
        #expect(
            report.stacks.map(\.stackName) == [
                "pipegen-shop-dev-us-east-1", "pipegen-shop-prod", "pipegen-shop-test", "pipegen-shop-tooling-us-east-1-bucket",
                "pipegen-shop-tooling-us-east-1",
            ])
        let bucket = report.stacks[3], replica = report.stacks[4]
        #expect((replica.account, replica.region) == ("111111111111", "us-east-1"))
        #expect(bucket.retained == [.init(logicalId: "ArtifactBucket", type: "AWS::S3::Bucket", name: "shop-artifacts-111111111111-us-east-1")])
        #expect(
            replica.retained == [
                .init(logicalId: "ArtifactReplicaKey", type: "AWS::KMS::ReplicaKey", name: "alias/shop-artifacts"),
                .init(logicalId: "ImageRepository", type: "AWS::ECR::Repository", name: "shop"),
            ])
        let text = report.text(folder: "templates")
        let capture = try #require(text.firstRange(of: "key_artifactreplicakey=\"$(aws cloudformation describe-stack-resource"))
        let delete = try #require(text.firstRange(of: "aws cloudformation delete-stack --stack-name pipegen-shop-tooling-us-east-1 "))
        #expect(capture.lowerBound < delete.lowerBound, "the key id is read while the stack exists")
        #expect(text.contains("aws kms schedule-key-deletion --key-id \"$key_artifactreplicakey\" --pending-window-in-days 30 --region us-east-1 --profile demo-tooling"))
        #expect(text.contains("aws s3api delete-bucket --bucket shop-artifacts-111111111111-us-east-1 --region us-east-1 --profile demo-tooling"))
    }

    @Test func theToolingTemplateLeavesItsKeyBucketAndRepositories() throws {
        let tooling = try Self.files(try InsightFixtures.routeToLive())[0]
        let report = RemovalReport(
            config: try InsightFixtures.routeToLive(), stale: [("tooling.yaml", Array(tooling.contents.utf8))], replaced: [])
        #expect(
            report.stacks[0].retained.map { "\($0.type) \($0.name ?? "-")" } == [
                "AWS::KMS::Key alias/shop-artifacts", "AWS::S3::Bucket shop-artifacts-111111111111-eu-west-1",
                "AWS::ECR::Repository shop", "AWS::CodeCommit::Repository ECS-Container-Build",
                "AWS::CodeCommit::Repository Infrastructure-Deployment", "AWS::CodeCommit::Repository ECS-Container-Deployment",
            ])
        let text = report.text(folder: "templates")
        #expect(text.hasPrefix("\nThe config no longer deploys this stack; delete it:\n"))
        #expect(text.contains("aws ecr delete-repository --repository-name shop --force --region eu-west-1 --profile shop-tooling"))
        #expect(text.contains("aws codecommit delete-repository --repository-name ECS-Container-Build --region eu-west-1"))
    }

    @Test func aTemplateThatNowDeploysElsewhereIsReportedAsMoved() throws {
        let before = try InsightFixtures.config(InsightFixtures.small)
        let after = try InsightFixtures.config(InsightFixtures.small.replacing("    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    region: us-east-1\n"))
        let old = try Self.files(before), new = try Self.files(after)
        let replaced = old.compactMap { o in new.first { $0.name == o.name }.map { (o.name, Array(o.contents.utf8), $0.contents) } }
        let report = RemovalReport(config: after, stale: [], replaced: replaced)
        #expect(report.stacks.map(\.file) == ["dev.yaml"])
        #expect(report.stacks[0].region == "eu-west-1")
        #expect(report.stacks[0].movedTo == "stack pipegen-demo-dev in account 222222222222, us-east-1")
        #expect(report.text(folder: "t").contains("both create the same named roles"))
    }

    @Test func aFileThatDoesNotSayWhereFallsBackToItsName() throws {
        let config = try InsightFixtures.config(InsightFixtures.small)
        let report = RemovalReport(config: config, stale: [("qa.yaml", Array("# Generated by pipegen\nResources: {}\n".utf8))], replaced: [])
        #expect(report.stacks[0].stackName == "pipegen-demo-qa")
        #expect(report.stacks[0].profile == "demo-qa")
        let text = report.text(folder: "templates")
        #expect(text.contains("does not say where the stack is"))
        #expect(text.contains("--region REGION --profile demo-qa"))
    }

    @Test func nothingStaleMeansNoText() throws {
        #expect(RemovalReport(config: try InsightFixtures.config(InsightFixtures.small), stale: [], replaced: []).text(folder: "t") == "")
    }
}
