import CloudFormation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// Policies are measured as AWS stores them: compact JSON with every intrinsic resolved at its
/// longest. The ECR repository policy, which names every environment account that pulls, is
/// the first to fill as a container route grows; the largest route it accepts fits with a
/// margin smaller than one more account, and one more account is refused at the config.
@Suite struct PolicySizeTests {
    /// `environments` accounts, container deployments only, in waves of 10.
    static func route(_ environments: Int, partition: String = "aws") -> String {
        let region = partition == "aws-us-gov" ? "us-gov-west-1" : "eu-west-1"
        var text = "project: pg\ntooling: {account: \"100000000000\", region: \(region)}\nenvironments:\n"
        for i in 0..<environments {
            text += "  - {name: e\(i), account: \"\(200_000_000_000 + i)\", wave: w\(i / 10), "
            text += "ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}}\n"
        }
        return text + "pipelines:\n  container-deployment: {}\n"
    }

    static func repositoryPolicyError(_ text: String) -> Diagnostic? {
        let (_, _, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return diagnostics.first { $0.message.contains("repository policy") }
    }

    /// The size the check measures for the repository policy of the tooling template.
    static func repositoryPolicySize(_ text: String) throws -> Int {
        let config = try InsightFixtures.config(text)
        let tooling = StackSet.build(config).stacks[0]
        let repository = try #require(tooling.template.resources(of: ECR.Repository.self).first?.model)
        let policy = try #require(repository.repositoryPolicyText?.cfnValue)
        let r = Resolver(template: tooling.template, account: tooling.account, region: tooling.region)
        return WorstCaseLength(resolver: r, partition: config.partition).json(policy)
    }

    @Test(arguments: ["aws", "aws-us-gov"])
    func theLargestAcceptedRouteFitsAndOneMoreAccountDoesNot(_ partition: String) throws {
        // The largest route without the error, by bisection between one that fits and one that does not.
        var (fits, overflows) = (1, 400)
        #expect(Self.repositoryPolicyError(Self.route(overflows, partition: partition)) != nil)
        while overflows - fits > 1 {
            let middle = (fits + overflows) / 2
            if Self.repositoryPolicyError(Self.route(middle, partition: partition)) == nil { fits = middle } else { overflows = middle }
        }
        let size = try Self.repositoryPolicySize(Self.route(fits, partition: partition))
        let perAccount = "\"arn:\(partition):iam::200000000000:root\",".count
        let margin = Limits.repositoryPolicyCharacters - size
        #expect(margin >= 0 && margin < perAccount, "\(fits) accounts: \(size) characters, margin \(margin)")
        let error = try #require(Self.repositoryPolicyError(Self.route(fits + 1, partition: partition)))
        #expect(error.message.hasSuffix("characters; AWS allows 10240"))
        print("\(partition): \(fits) environment accounts fit the repository policy, \(size) of 10240 characters (margin \(margin))")
    }

    /// GovCloud's longer partition name counts in every ARN: fewer accounts fit.
    @Test func theMeasureIsOfTheResolvedPolicy() throws {
        let commercial = try Self.repositoryPolicySize(Self.route(10))
        let govCloud = try Self.repositoryPolicySize(Self.route(10, partition: "aws-us-gov"))
        #expect(govCloud - commercial == 10 * "-us-gov".count)
    }
}
