import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// CodePipeline writes each artifact under a new key, so only expiring current objects bounds
/// the artifact buckets; an execution waiting at its approvals must still find what its first
/// stages wrote.
@Suite struct ArtifactRetentionTests {
    static let examples = ["route-to-live", "global-blue-green", "serverless-change-sets", "github-ecs", "gitflow-notifications"]

    /// Every pipeline's artifact folder expires in every artifact bucket, later than the
    /// longest an execution can wait at its approvals; old versions still expire; the Lambda
    /// zips (which stacks read again when they roll back) do not.
    @Test(arguments: examples)
    func everyPipelinesArtifactsExpireInEveryBucket(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        let pipelines = Pipegen.pipelines(config)
        let wait = ArtifactRetention.longestWait(pipelines).days
        let buckets = StackSet.build(config).stacks.filter { $0.owner == .tooling }.flatMap { $0.template.resources(of: S3.Bucket.self) }
        #expect(!buckets.isEmpty)
        for (_, bucket) in buckets {
            let rules = try #require(bucket.lifecycleConfiguration?.rules)
            #expect(rules.contains { $0.prefix == nil && $0.noncurrentVersionExpiration != nil })
            #expect(rules.contains { $0.expiredObjectDeleteMarker == true && $0.expirationInDays == nil })
            for pipeline in pipelines {
                let rule = try #require(rules.first { $0.prefix.map { pipeline.name.hasPrefix($0.dropLast()) } ?? false })
                #expect(rule.prefix == String(pipeline.name.prefix(20)) + "/")
                #expect((rule.expirationInDays ?? 0) > wait, "\(pipeline.name): artifacts expire before an execution can finish")
            }
            #expect(!rules.contains { ($0.prefix ?? "").hasPrefix("lambda") }, "Lambda zips must outlive the stacks that name them")
        }
    }

    /// A long route with an approval at every environment waits longer than the default 90
    /// days: the default grows with it.
    @Test func theDefaultOutlastsEveryApproval() throws {
        var text = "project: p\ntooling: {account: \"111111111111\", region: eu-west-1}\nenvironments:\n"
        for i in 1...15 { text += "  - {name: e\(i), account: \"2222222222\(String(format: "%02d", i))\", approval: true}\n" }
        text += "pipelines:\n  infrastructure-deployment: {lambda: false}\n"
        let config = try InsightFixtures.config(text)
        let days = ArtifactRetention.expireDays(config, Pipegen.pipelines(config))
        #expect(days == 15 * 7 + 7)
    }

    @Test func anExplicitRetentionShorterThanTheApprovalsIsAnError() throws {
        let text = InsightFixtures.small.replacing("    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    approval: true\n")
            + "artifacts:\n  expire-days: 5\n"
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message.hasPrefix("artifacts would expire after 5 days") })
        #expect(error.mark?.line == text.split(separator: "\n").count)
        #expect(error.notes.last?.message == "set 'expire-days' to more than 7, or leave it out")
    }
}
