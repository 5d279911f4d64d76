import CloudFormation
import Foundation
import PipegenConfig
import TestSupport
import Testing
import YAMLKit

@testable import PipegenKit

/// Configs of each partition with every pipeline, several regions, notifications and the
/// gitflow helper, from a tooling region that offers CodeCommit.
enum PartitionFixture {
    static let regions: [Partition: (tooling: String, other: String)] = [
        .aws: ("eu-west-1", "us-east-1"), .awsCn: ("cn-north-1", "cn-northwest-1"),
        .awsUsGov: ("us-gov-west-1", "us-gov-east-1"),
    ]

    static func text(_ p: Partition) -> String {
        let (home, other) = regions[p]!
        return """
            project: shop
            tooling: {account: "111111111111", region: \(home)}
            environments:
              - name: dev
                account: "222222222222"
                regions: [\(home), \(other)]
                ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}
              - name: prod
                account: "333333333333"
                region: \(other)
                approval: {notify: [ops@example.com]}
                ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}
            pipelines:
              container-build:
                source: {repository: app, pull-request-from: develop}
              infrastructure-deployment:
                execution-role:
                  managed-policies: ["arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess", "arn:\(p.name):iam::aws:policy/AmazonS3FullAccess"]
                  statements: [{actions: ["sqs:*"], resources: ["arn:\(p.name):sqs:*:*:shop-*"]}]
              container-deployment:
                task-roles: ["shop-*", "arn:\(p.name):iam::{account}:role/app-task"]
            notifications: {emails: [team@example.com], events: [failed, succeeded]}

            """
    }

    static func config(_ p: Partition) throws -> Config {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text(p).utf8))
        return try #require(config, "\(diagnostics.map(\.message))")
    }

    /// The rendered JSON templates of `config`, parsed.
    static func templates(_ config: Config) throws -> [(name: String, json: Any)] {
        try renderFiles(config, configPath: "../pipegen.yaml", format: .json).map {
            ($0.name, try JSONSerialization.jsonObject(with: Data($0.contents.utf8)))
        }
    }
}

/// Issue 12, "every partition right": an ARN the config gives names the config's partition,
/// at the value; pipegen writes no other partition's ARN itself.
@Suite struct PartitionArnTests {
    static func error(_ text: String) -> Diagnostic? {
        let (_, _, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return diagnostics.first { $0.message.hasPrefix("ARN ") && $0.message.contains("is in partition") }
    }

    /// Each ARN-valued key of the schema, written with the commercial partition in a GovCloud
    /// config (marker `1️⃣` at the value): an error there, naming the ARN to write instead.
    static let cases: [(key: String, config: String)] = {
        let head = """
            project: shop
            tooling: {account: "111111111111", region: us-gov-east-1}

            """
        func env(_ ecs: String) -> String {
            """
            environments:
              - {name: dev, account: "222222222222", regions: [us-gov-east-1, us-gov-west-1], ecs: \(ecs)}

            """
        }
        let ecs = "{cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}"
        let infra = "pipelines:\n  infrastructure-deployment:\n"
        return [
            (
                "managed-policies",
                head + env(ecs) + infra
                    + "    execution-role: {managed-policies: [1️⃣\"arn:aws:iam::aws:policy/ReadOnlyAccess\"]}\n"
            ),
            (
                "statements' resources",
                head + env(ecs) + infra
                    + "    execution-role: {statements: [{actions: [\"s3:GetObject\"], resources: [1️⃣\"arn:aws:s3:::data/*\"]}]}\n"
            ),
            (
                "parameter-overrides",
                head + env(ecs) + infra
                    + "    parameter-overrides: {Topic: 1️⃣\"arn:aws:sns:us-gov-east-1:222222222222:t\"}\n"
            ),
            (
                "connection",
                head + env(ecs) + "pipelines:\n  container-build:\n    source: {provider: github, repository: a/b, "
                    + "connection: 1️⃣\"arn:aws:codeconnections:us-gov-east-1:111111111111:connection/0\"}\n"
            ),
            (
                "task-roles",
                head + env(ecs)
                    + "pipelines:\n  container-deployment:\n    task-roles: [x, 1️⃣\"arn:aws:iam::222222222222:role/t\"]\n"
            ),
            (
                "listener",
                head
                    + env(
                        "{cluster: c, service: s, target-groups: [b, g], listener: {import: l}, regions: {us-gov-west-1: {listener: 1️⃣\"arn:aws:elasticloadbalancing:us-gov-west-1:222222222222:listener/app/a/1/2\"}}}"
                    ) + "pipelines:\n  container-deployment: {}\n"
            ),
            (
                "test-listener",
                head
                    + env(
                        "{cluster: c, service: s, target-groups: [b, g], listener: {import: l}, test-listener: {import: t}, regions: {us-gov-west-1: {test-listener: 1️⃣\"arn:aws:elasticloadbalancing:us-gov-west-1:222222222222:listener/app/a/1/3\"}}}"
                    ) + "pipelines:\n  container-deployment: {}\n"
            ),
        ]
    }()

    @Test(arguments: cases.indices)
    func anArnOfAnotherPartitionIsAnErrorAtItsValue(_ i: Int) throws {
        let (text, mark) = markedConfig(Self.cases[i].config)
        let error = try #require(Self.error(text), "\(Self.cases[i].key): no partition error")
        #expect(error.mark?.line == mark.line && error.mark?.column == mark.column, "\(Self.cases[i].key)")
        #expect(error.message.contains("is in partition 'aws', but the config's accounts are in 'aws-us-gov'"))
        #expect(error.notes.last?.message.hasPrefix("write 'arn:aws-us-gov:") == true)
        // The same config with the ARN in the config's partition is accepted.
        let (_, config, diagnostics) = loadConfig(
            path: "pipegen.yaml", bytes: Array(text.replacing("\"arn:aws:", with: "\"arn:aws-us-gov:").utf8))
        #expect(config != nil, "\(Self.cases[i].key): \(diagnostics.map(\.message))")
    }

    @Test func aChinaArnInACommercialConfigIsAnError() throws {
        let (text, mark) = markedConfig(
            """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                execution-role: {managed-policies: [1️⃣arn:aws-cn:iam::aws:policy/ReadOnlyAccess]}

            """)
        let error = try #require(Self.error(text))
        #expect(error.mark?.line == mark.line && error.mark?.column == mark.column)
        #expect(error.notes.last?.message == "write 'arn:aws:iam::aws:policy/ReadOnlyAccess'")
    }

    /// `${AWS::Partition}` (substituted in the execution role) and a wildcard that matches the
    /// partition are the config's partition.
    @Test func thePseudoParameterAndAMatchingWildcardAreAccepted() throws {
        let (_, config, diagnostics) = loadConfig(
            path: "pipegen.yaml",
            bytes: Array(
                """
                project: shop
                tooling: {account: "111111111111", region: cn-north-1}
                environments: [{name: dev, account: "222222222222"}]
                pipelines:
                  infrastructure-deployment:
                    execution-role:
                      managed-policies: ["arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"]
                      statements: [{actions: ["s3:GetObject"], resources: ["arn:aws*:s3:::data/*", "arn:*:s3:::logs/*"]}]

                """.utf8))
        #expect(config != nil, "\(diagnostics.map(\.message))")
        // A wildcard that matches another partition only is still wrong.
        let other = """
            project: shop
            tooling: {account: "111111111111", region: cn-north-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              infrastructure-deployment:
                execution-role: {statements: [{actions: ["s3:GetObject"], resources: ["arn:aws-us*:s3:::data/*"]}]}

            """
        #expect(Self.error(other)?.notes.last?.message == "write 'arn:aws-cn:s3:::data/*'")
    }

    /// Every `arn:<partition>:` pipegen writes (the config's own ARNs included) is of the
    /// config's partition or `${AWS::Partition}`: the fixture of each partition and random
    /// configs forced into it, every template.
    @Test(arguments: Partition.allCases)
    func renderedTemplatesNameNoOtherPartition(_ partition: Partition) throws {
        var texts: [(String, String)] = []
        for file in try renderFiles(PartitionFixture.config(partition), configPath: "../pipegen.yaml", format: .yaml) {
            texts.append(("fixture/\(file.name)", file.contents))
        }
        for seed in UInt64(0)..<30 {
            let (text, isJSON) = ConfigGenerator(seed: 0xA27_0000 + seed, partition: partition).text()
            let (_, config, diagnostics) = loadConfig(
                path: isJSON ? "pipegen.json" : "pipegen.yaml", bytes: Array(text.utf8))
            let config_ = try #require(config, "seed \(seed): \(diagnostics.map(\.message))\n\(text)")
            #expect(config_.partition == partition)
            for file in try renderFiles(config_, configPath: "../pipegen.yaml", format: .yaml) {
                texts.append(("seed \(seed)/\(file.name)", file.contents))
            }
        }
        var checked = 0
        for (name, text) in texts {
            var rest = text[...]
            while let range = rest.firstRange(of: "arn:") {
                let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
                let field = rest[range.upperBound...].prefix { $0 != ":" && $0 != "\n" }
                rest = rest[range.upperBound...]
                // A key such as `kms:EncryptionContext:aws:logs:arn` is no ARN.
                if let before, before == ":" || before.isLetter || before.isNumber { continue }
                // An AllowedPattern such as `^arn:aws[a-z-]*:kms:` accepts every partition.
                if field.hasPrefix("${") || field.contains("[") { continue }
                checked += 1
                #expect(
                    field == partition.name, "\(name): 'arn:\(field):' in a config of partition '\(partition.name)'")
            }
        }
        #expect(checked > 0)
    }
}

/// Issue 12: the service principals of the China Regions. Every principal pipegen writes —
/// trust policies, key, bucket and topic policies, Lambda permissions, `iam:PassedToService`
/// — is the one of the config's partition (`AWSService.principalDomain`).
@Suite struct ServicePrincipalTests {
    /// What a partition's templates must name, written out here rather than read from the
    /// table they test.
    static func expected(_ p: Partition) -> Set<String> {
        let cn = p == .awsCn
        return [
            "cloudformation.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com",
            "ecs-tasks.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com",
            cn ? "codedeploy.amazonaws.com.cn" : "codedeploy.amazonaws.com",
            cn ? "logs.${AWS::Region}.amazonaws.com.cn" : "logs.${AWS::Region}.amazonaws.com",
        ]
    }

    /// The service principals and passed-to services in a template, as written.
    static func principals(_ json: Any) -> [String] {
        var out: [String] = []
        func strings(_ v: Any) -> [String] {
            if let s = v as? String { return [s] }
            if let a = v as? [Any] { return a.flatMap(strings) }
            if let d = v as? [String: Any], let sub = d["Fn::Sub"] { return strings(sub) }
            return []
        }
        func walk(_ v: Any) {
            if let d = v as? [String: Any] {
                if let p = d["Principal"] {
                    if let service = (p as? [String: Any])?["Service"] { out += strings(service) }
                    if let name = p as? String, name.contains(".") { out.append(name) }  // Lambda::Permission
                }
                if let passed = d["iam:PassedToService"] { out += strings(passed) }
                d.values.forEach(walk)
            } else if let a = v as? [Any] {
                a.forEach(walk)
            }
        }
        walk(json)
        return out
    }

    @Test(arguments: Partition.allCases)
    func everyPrincipalIsThePartitions(_ partition: Partition) throws {
        let found = try PartitionFixture.templates(PartitionFixture.config(partition)).flatMap {
            Self.principals($0.json)
        }
        #expect(Set(found) == Self.expected(partition))
    }

    /// The China Regions differ for CloudWatch Logs and CodeDeploy only; GovCloud for none.
    @Test func theTableOfEachPartition() {
        for p in Partition.allCases {
            let names = Names(try! PartitionFixture.config(p))
            for s in AWSService.allCases {
                let cn = p == .awsCn && (s == .logs || s == .codedeploy)
                #expect(names.principal(s) == "\(s.rawValue).amazonaws.com" + (cn ? ".cn" : ""))
            }
            #expect(names.endpoint(.s3, region: "r") == (p == .awsCn ? "s3.r.amazonaws.com.cn" : "s3.r.amazonaws.com"))
        }
    }

    /// No principal is spelled outside the table: a service domain written in the kit's
    /// sources anywhere but `ServicePrincipals.swift` would bypass the partition.
    @Test func noPrincipalIsWrittenOutsideTheTable() {
        for (path, text) in ArchitectureTests.sources
        where path.hasPrefix("PipegenKit/") && path != "PipegenKit/ServicePrincipals.swift" {
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                #expect(!line.contains(".amazonaws.com"), "\(path): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// The runtime access check evaluates the China principals too: CodeDeploy's role trusts
    /// `codedeploy.amazonaws.com.cn`, and a trust that names the commercial principal is a
    /// denied call.
    @Test func theRuntimeCheckHoldsTheChinaPrincipals() throws {
        let config = try PartitionFixture.config(.awsCn)
        let stacks = StackSet.build(config).stacks
        #expect(Pipegen.runtimeAccess(config, stacks: stacks).map(\.message) == [])
        let dev = try #require(stacks.first { $0.name == "dev" }).template
        let id = try #require(
            dev.resources.first { $0.resource.model(as: IAM.Role.self)?.roleName == .string("shop-dev-codedeploy") }?.id
        )
        let altered = ConsistencyTests().altered(stacks, "dev") { t in
            var role = t.resource(id)!.model(as: IAM.Role.self)!
            role.assumeRolePolicyDocument = Policies.trust(service: "codedeploy.amazonaws.com")
            t.replace(id, with: Resource(role))
        }
        let denied = Pipegen.runtimeAccess(config, stacks: altered).map(\.message)
        #expect(
            denied.contains { $0.contains("sts:AssumeRole") && $0.contains("codedeploy.amazonaws.com.cn") }, "\(denied)"
        )
    }
}
