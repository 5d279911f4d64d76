import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// `artifacts.existing`: a key or bucket the config brings is created by no template, every
/// template names it instead of pipegen's, `plan` prints the statements pipegen would have
/// written into its policy (the same model), and the checks evaluate every call as if they
/// were there.
@Suite struct ExistingArtifactsTests {
    static let key = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    static func config(_ existing: String) -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222"}
          - {name: prod, account: "333333333333", regions: [eu-west-1, us-east-1], approval: true}
        artifacts:
        \(existing)
        pipelines:
          container-build: {source: {repository: app}}
          infrastructure-deployment: {source: {repository: infra}, template: template.yaml, lambda: {folder: lambda}}

        """
    }

    static let brought = config(
        """
          existing:
            eu-west-1: {bucket: acme-artifacts-eu-west-1}
            us-east-1: {key: "\(key)", bucket: "arn:aws:s3:::acme-artifacts-us-east-1"}
        """)

    static func load(_ text: String) -> LoadedConfig {
        Pipegen.load(SourceFile(path: "pipegen.yaml", bytes: Array(text.utf8)))
    }

    @Test func noTemplateCreatesWhatTheConfigBrings() throws {
        let loaded = Self.load(Self.brought)
        let valid = try #require(loaded.valid, "\(loaded.diagnostics.map(\.message))")
        let names = valid.stacks.stacks.map(\.name)
        #expect(names == ["tooling", "dev", "prod"], "no tooling-us-east-1 nor its bucket template")
        let tooling = try #require(valid.stacks.stack("tooling")).template
        #expect(tooling.resources(of: S3.Bucket.self).isEmpty)
        #expect(tooling.resources(of: S3.BucketPolicy.self).isEmpty)
        #expect(tooling.resources(of: KMS.Key.self).first?.model.multiRegion == nil, "no replica: not multi-Region")
        let pipeline = try #require(tooling.resources(of: CodePipeline.Pipeline.self).first { $0.id == "InfrastructureDeploymentPipeline" }).model
        let stores = pipeline.artifactStores.map(\.artifactStore)
        #expect(stores.map(\.location) == ["acme-artifacts-eu-west-1", "acme-artifacts-us-east-1"])
        #expect(stores[1].encryptionKey?.id == .arn("kms", region: "us-east-1", account: "111111111111", "key/1234abcd-12ab-34cd-56ef-1234567890ab"))
        #expect(valid.stacks.existing.map { "\($0.kind) \($0.region)" } == ["bucket eu-west-1", "key us-east-1", "bucket us-east-1"])
    }

    /// The environment roles name a brought key by its ARN (it has no pipegen alias).
    @Test func environmentRolesDecryptABroughtKeyByArn() throws {
        let valid = try #require(Self.load(Self.brought).valid)
        let prod = try #require(valid.stacks.stack("prod")).template
        let role = try #require(prod.resource("CloudFormationDeployRole")?.model(as: IAM.Role.self))
        let statements = role.policies.flatMap(\.policyDocument.statements)
        let byArn = try #require(statements.first { $0.sid == "DecryptArtifactsWithExistingKeys" })
        #expect(byArn.resources == [.arn("kms", region: "us-east-1", account: "111111111111", "key/1234abcd-12ab-34cd-56ef-1234567890ab")])
        #expect(byArn.conditions.isEmpty)
        let byAlias = try #require(statements.first { $0.sid == "DecryptArtifacts" })
        #expect(byAlias.resources == [.arn("kms", region: "eu-west-1", account: "111111111111", "key/*")])
    }

    /// One model: the statements the plan asks for are those pipegen writes into its own key
    /// and bucket policies when the config brings nothing.
    @Test func thePlanAsksForThePoliciesPipegenWouldHaveWritten() throws {
        let valid = try #require(Self.load(Self.brought).valid)
        let own = try #require(Self.load(Self.config("  noncurrent-days: 30")).valid)
        let replica = try #require(own.stacks.stack("tooling-us-east-1")?.template.resources(of: KMS.ReplicaKey.self).first).model
        let key = try #require(valid.stacks.existing.first { $0.kind == .key })
        #expect(key.policy == replica.keyPolicy)
        let plan = DeploymentPlan(valid, files: [], templateFolder: "templates")
        let step = try #require(plan.manualSteps.first { $0.kind == .addPolicyStatements })
        let code = step.blocks.compactMap { if case .code(let c) = $0 { c } else { nil } }
        #expect(code.count == 3)
        #expect(code[1].contains("\"Sid\": \"EnvironmentRolesDecrypt\""))
        #expect(code[1].contains("logs.us-east-1.amazonaws.com"), "pseudo parameters filled in")
        #expect(!code.joined().contains("${"), "nothing left for CloudFormation to fill")
        #expect(plan.steps.first.map { if case .manual(let m) = $0.kind { m.kind == .addPolicyStatements } else { false } } == true)
    }

    /// Without a statement the plan asks for, a call the pipelines make is denied: the checks
    /// read the assumed policies.
    @Test func theChecksReadTheAssumedPolicies() throws {
        let valid = try #require(Self.load(Self.brought).valid)
        let config = valid.config
        let specs = Pipegen.pipelines(config)
        #expect(Pipegen.checks(config, specs, valid.stacks).filter { $0.severity == .error }.isEmpty)
        let existing = valid.stacks.existing.map { resource -> ExistingResource in
            guard resource.kind == .key else { return resource }
            let statements = resource.policy.statements.filter { $0.sid != "EnvironmentRolesDecrypt" }
            return ExistingResource(
                kind: .key, identifier: resource.identifier, account: resource.account, region: resource.region,
                policy: IAM.PolicyDocument(statements), mark: resource.mark)
        }
        let denied = Pipegen.checks(config, specs, StackSet(stacks: valid.stacks.stacks, existing: existing))
            .filter { $0.severity == .error }
        #expect(!denied.isEmpty)
        #expect(denied.allSatisfy { $0.message.contains("kms:Decrypt") && $0.message.contains(Self.key) }, "\(denied.map(\.message))")
    }

    /// With the home key brought every region brings its own; regions must keep artifacts.
    @Test func aHomeKeyBroughtAloneIsAnError() throws {
        let (text, mark) = markedConfig(
            Self.config(
                """
                  existing:
                    eu-west-1: {key: 1️⃣"arn:aws:kms:eu-west-1:111111111111:key/abc"}
                """))
        let errors = Self.load(text).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.mark) == [mark])
        #expect(errors.first?.message.contains("'us-east-1' has none") == true, "\(errors.map(\.message))")
    }

    @Test(arguments: [
        ("eu-west-1: {key: 1️⃣\"arn:aws:kms:eu-west-1:999999999999:key/abc\"}", "not in the tooling account"),
        ("eu-west-1: {key: 1️⃣\"arn:aws:kms:us-east-1:111111111111:key/abc\"}", "is in 'us-east-1', not in 'eu-west-1'"),
        ("eu-west-1: {key: 1️⃣\"arn:aws-cn:kms:eu-west-1:111111111111:key/abc\"}", "partition 'aws-cn'"),
        ("eu-west-1: {key: 1️⃣\"arn:aws:kms:eu-west-1:111111111111:alias/shop\"}", "is an alias ARN"),
        ("eu-west-1: {key: 1️⃣\"arn:aws:s3:::bucket\"}", "is not a KMS key ARN"),
        ("eu-west-1: {bucket: 1️⃣Shop_Artifacts}", "is not an S3 bucket name"),
        ("eu-west-1: {bucket: 1️⃣\"arn:aws:s3:::b/x\"}", "is not a bucket ARN"),
        ("1️⃣ap-south-1: {bucket: shop-x}", "keeps no artifacts in 'ap-south-1'"),
    ])
    func aBroughtValueIsChecked(_ store: String, _ message: String) throws {
        let (text, mark) = markedConfig(Self.config("  existing:\n    " + store))
        let errors = Self.load(text).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(errors.first?.mark == mark)
        #expect(errors.first?.message.contains(message) == true, "\(errors.map(\.message))")
    }
    /// The home region's key brought with notifications on: the notification grants are in
    /// the statements `plan` asks for, and the check of the topic's key reads them (found by
    /// the random configs: it looked for the key in the tooling template only).
    @Test func aBroughtHomeKeyEncryptsTheNotifications() throws {
        let home = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let text =
            """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "222222222222"}
            artifacts:
              existing:
                eu-west-1: {key: "\(home)"}
            pipelines:
              infrastructure-deployment: {source: {repository: infra}, template: template.yaml}
            notifications: {emails: [team@example.com]}

            """
        let loaded = Self.load(text)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        let valid = try #require(loaded.valid)
        let topic = try #require(valid.stacks.stack("tooling")?.template.resources(of: SNS.Topic.self).first?.model)
        #expect(topic.kmsMasterKeyId.map { "\($0)" }?.contains("1234abcd-12ab-34cd-56ef-1234567890ab") == true)
    }
}
