import Foundation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `RemovalReport`: which stacks to delete, decided on stacks (name, account, region) read
/// from the old files, in the order that works, and what they leave behind.
@Suite struct InsightRemovalTests {
    static func files(_ config: Config, format: OutputFormat = .yaml) throws -> [RenderedFile] {
        try renderFiles(config, configPath: "../pipegen.yaml", format: format)
    }

    static func valid(_ config: Config) -> ValidConfig { ValidConfig(config: config, stacks: StackSet.build(config)) }

    /// The report for a folder rendered from `before` (in `oldFormat`) when the config is now
    /// `after` (rendered in `newFormat`), as `render` and `check` make it.
    static func report(
        from before: Config, oldFormat: OutputFormat = .yaml, to after: Config, newFormat: OutputFormat = .yaml
    ) throws -> RemovalReport {
        let old = try files(before, format: oldFormat), new = try files(after, format: newFormat)
        var changed: [(name: String, bytes: [UInt8])] = []
        var unchanged: Set<String> = []
        for file in old {
            if new.contains(file) { unchanged.insert(file.name) } else { changed.append((file.name, Array(file.contents.utf8))) }
        }
        return RemovalReport(valid(after), rendered: new, old: changed, unchanged: unchanged, folder: "templates")
    }

    /// The report's prose with its line breaks undone, to look for phrases.
    static func unwrapped(_ text: String) -> String {
        text.replacing("\n   ", with: " ").replacing(/\ +/, with: " ")
    }

    static func exampleConfigs() throws -> [(name: String, config: Config)] {
        let examples = try FileManager.default.contentsOfDirectory(atPath: InsightFixtures.root + "/Examples").sorted()
        return try examples.map { name in
            (name, try InsightFixtures.config(String(contentsOfFile: InsightFixtures.root + "/Examples/\(name)/pipegen.yaml", encoding: .utf8)))
        }
    }

    /// The report reads where a stack lives from the template's description; every template
    /// of every example must keep saying it the same way, in either format.
    @Test(arguments: [OutputFormat.yaml, .json])
    func everyTemplateSaysWhereItDeploys(_ format: OutputFormat) throws {
        for (name, config) in try Self.exampleConfigs() + [("multi-region", try InsightFixtures.multiRegion())] {
            let files = try Self.files(config, format: format)
            for (stack, file) in zip(StackSet.build(config).stacks, files) {
                let identity = StackIdentity(template: StackIdentity.read(Array(file.contents.utf8)))
                #expect(identity == stack.identity, "\(name): \(file.name)")
            }
        }
    }

    /// The bug this report had: the same config rendered in the other format into a folder
    /// holding the first rendering deleted every stack. Nothing is deleted: each old file is
    /// replaced by the file of the same stack.
    @Test(arguments: [(OutputFormat.yaml, OutputFormat.json), (.json, .yaml)])
    func aFormatChangeReplacesFilesAndDeletesNothing(_ old: OutputFormat, _ new: OutputFormat) throws {
        let config = try InsightFixtures.multiRegion()
        let report = try Self.report(from: config, oldFormat: old, to: config, newFormat: new)
        #expect(report.stacks.isEmpty && report.applications.isEmpty && report.deployFirst.isEmpty)
        #expect(report.text(folder: "templates") == "")
        let stems = StackSet.build(config).stacks.map(\.name)
        #expect(report.replacements == stems.map { .init(old: "\($0).\(old.rawValue)", new: "\($0).\(new.rawValue)") })
    }

    /// Deleting is the reverse of deploying: every stack is deleted before any stack it
    /// waited for in the plan (its roles, its key, its service), for every example.
    @Test func stacksAreDeletedBeforeWhatTheyWaitedFor() throws {
        let nothing = try InsightFixtures.config(InsightFixtures.small.replacing("project: demo", with: "project: other"))
        for (name, config) in try Self.exampleConfigs() + [("multi-region", try InsightFixtures.multiRegion())] {
            let plan = DeploymentPlan(Self.valid(config), files: try Self.files(config), templateFolder: "templates")
            let report = try Self.report(from: config, to: nothing)
            let order = report.stacks.map(\.stackName)
            #expect(Set(order) == Set(StackSet.build(config).stacks.map(\.stackName)), "\(name)")
            let stackName = Dictionary(uniqueKeysWithValues: StackSet.build(config).stacks.map { ($0.name, $0.stackName) })
            for deployment in plan.phases.flatMap(\.stacks) {
                for dependency in deployment.dependsOn {
                    let first = order.firstIndex(of: deployment.stackName), then = order.firstIndex(of: stackName[dependency.on] ?? "")
                    #expect(first != nil && then != nil && first! < then!, "\(name): \(deployment.name) waits for \(dependency.on)")
                }
            }
            // A stack deployed after a pipeline's first run goes before the rest of its environment.
            for gated in StackSet.build(config).stacks where gated.gate != nil {
                guard case .environment(let env) = gated.owner else { continue }
                let home = StackSet.build(config).stack(env)!.stackName
                #expect(order.firstIndex(of: gated.stackName)! < order.firstIndex(of: home)!, "\(name): \(gated.name)")
            }
        }
    }

    @Test func staleStacksComeInReverseDeploymentOrderWithWhatTheyRetain() throws {
        let old = try Self.files(try InsightFixtures.multiRegion())
        let config = try InsightFixtures.config(InsightFixtures.small)
        let stale = old.filter { $0.name != "tooling.yaml" && $0.name != "dev.yaml" }.map { ($0.name, Array($0.contents.utf8)) }
        let report = RemovalReport(
            Self.valid(config), rendered: try Self.files(config), old: stale, unchanged: [], folder: "templates")
        #expect(
            report.stacks.map(\.stackName) == [
                "pipegen-shop-dev-us-east-1", "pipegen-shop-prod", "pipegen-shop-test", "pipegen-shop-tooling-us-east-1",
                "pipegen-shop-tooling-us-east-1-bucket",
            ])
        #expect(
            report.stacks.map(\.file) == [
                "dev-us-east-1.yaml", "prod.yaml", "test.yaml", "tooling-us-east-1.yaml", "tooling-us-east-1-bucket.yaml",
            ])
        // Project shop's accounts 333… and 444… left the config: the profiles the plan gave
        // them; the tooling and dev accounts are the config's own.
        #expect(report.stacks.map(\.profile) == ["demo-dev", "shop-prod", "shop-test", "demo-tooling", "demo-tooling"])
        let replica = report.stacks[3], bucket = report.stacks[4]
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
        let config = try InsightFixtures.routeToLive()
        let tooling = try Self.files(config)[0]
        let other = try InsightFixtures.config(InsightFixtures.small)
        let report = RemovalReport(
            Self.valid(other), rendered: try Self.files(other), old: [("tooling.yaml", Array(tooling.contents.utf8))],
            unchanged: [], folder: "templates")
        #expect(
            report.stacks[0].retained.map { "\($0.type) \($0.name ?? "-")" } == [
                "AWS::KMS::Key alias/shop-artifacts", "AWS::S3::Bucket shop-artifacts-111111111111-eu-west-1",
                "AWS::ECR::Repository shop", "AWS::CodeCommit::Repository ECS-Container-Build",
                "AWS::CodeCommit::Repository Infrastructure-Deployment", "AWS::CodeCommit::Repository ECS-Container-Deployment",
            ])
        let text = report.text(folder: "templates")
        #expect(text.contains("aws ecr delete-repository --repository-name shop --force --region eu-west-1 --profile demo-tooling"))
        #expect(text.contains("aws codecommit delete-repository --repository-name ECS-Container-Build --region eu-west-1"))
    }

    /// An environment leaves: deploy the tooling stack (its pipelines stop deploying there),
    /// delete the application stack its pipeline created while the execution role exists,
    /// then the environment's own stack, which holds that role.
    @Test func aRemovedEnvironmentGoesInTheOrderThatWorks() throws {
        let before = try InsightFixtures.routeToLive()
        let text = try String(contentsOfFile: InsightFixtures.routeToLivePath, encoding: .utf8)
        let start = try #require(text.firstRange(of: "  - name: prod\n")), end = try #require(text.firstRange(of: "\npipelines:"))
        let after = try InsightFixtures.config(String(text[..<start.lowerBound] + text[end.lowerBound...]))
        let report = try Self.report(from: before, to: after)
        #expect(report.deployFirst.map(\.stackName) == ["pipegen-shop-tooling"])
        #expect(report.applications.map(\.stackName) == ["shop-prod"])
        #expect(report.applications[0].executionRole == "shop-prod-cfn-exec")
        #expect(report.applications[0].deployedBy == "shop-infrastructure-deployment")
        #expect((report.applications[0].account, report.applications[0].region) == ("444444444444", "eu-west-1"))
        #expect(report.stacks.map(\.stackName) == ["pipegen-shop-prod"])
        #expect(report.stacks[0].profile == "shop-prod" && report.stacks[0].profileIsNew)
        let out = report.text(folder: "templates")
        let deploy = try #require(out.firstRange(of: "aws cloudformation deploy \\\n       --template-file templates/tooling.yaml"))
        let application = try #require(out.firstRange(of: "delete-stack --stack-name shop-prod "))
        let own = try #require(out.firstRange(of: "delete-stack --stack-name pipegen-shop-prod "))
        #expect(deploy.lowerBound < application.lowerBound && application.lowerBound < own.lowerBound)
        #expect(Self.unwrapped(out).contains("Delete it while its execution role shop-prod-cfn-exec (in a stack below) exists"))
    }

    /// An environment that moved to another account is deleted from its old account, under a
    /// profile for that account (the environment's own profile name now names the new one).
    @Test func aMovedEnvironmentIsNamedWithItsOldAccount() throws {
        let before = try InsightFixtures.routeToLive()
        let text = try String(contentsOfFile: InsightFixtures.routeToLivePath, encoding: .utf8)
        let after = try InsightFixtures.config(text.replacing("account: \"222222222222\"", with: "account: \"555555555555\""))
        let report = try Self.report(from: before, to: after)
        #expect(report.stacks.map(\.stackName) == ["pipegen-shop-dev"])
        let dev = report.stacks[0]
        #expect((dev.account, dev.region, dev.profile, dev.profileIsNew) == ("222222222222", "eu-west-1", "shop-222222222222", true))
        #expect(dev.movedTo == StackIdentity(stackName: "pipegen-shop-dev", account: "555555555555", region: "eu-west-1"))
        #expect(report.applications.map { "\($0.stackName) \($0.account) \($0.profile)" } == ["shop-dev 222222222222 shop-222222222222"])
        let out = Self.unwrapped(report.text(folder: "templates"))
        #expect(out.contains("account 222222222222 (no longer in the config: profile shop-222222222222)"))
        #expect(out.contains("--stack-name pipegen-shop-dev --region eu-west-1 --profile shop-222222222222"))
        #expect(!out.contains("--profile shop-dev"), "shop-dev is the profile of account 555555555555 now")
    }

    @Test func aTemplateThatNowDeploysElsewhereIsReportedAsMoved() throws {
        let before = try InsightFixtures.config(InsightFixtures.small)
        let after = try InsightFixtures.config(InsightFixtures.small.replacing("    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    region: us-east-1\n"))
        let report = try Self.report(from: before, to: after)
        #expect(report.stacks.map(\.file) == ["dev.yaml"])
        #expect(report.stacks[0].region == "eu-west-1")
        #expect(report.stacks[0].movedTo == StackIdentity(stackName: "pipegen-demo-dev", account: "222222222222", region: "us-east-1"))
        #expect(Self.unwrapped(report.text(folder: "t")).contains("both create the same named roles"))
    }

    /// A file that does not say where its stack is gets no command: a guess from its name
    /// could delete the wrong stack.
    @Test func aFileThatDoesNotSayWhereGetsNoCommand() throws {
        let config = try InsightFixtures.config(InsightFixtures.small)
        let report = RemovalReport(
            Self.valid(config), rendered: try Self.files(config), old: [("qa.yaml", Array("# Generated by pipegen\nResources: {}\n".utf8))],
            unchanged: [], folder: "templates")
        #expect(report.stacks.isEmpty && report.unidentified == ["qa.yaml"])
        let text = Self.unwrapped(report.text(folder: "templates"))
        #expect(text.contains("'templates/qa.yaml', but it does not say which stack it deployed"))
        #expect(!text.contains("delete-stack"))
    }

    @Test func nothingStaleMeansNoText() throws {
        let config = try InsightFixtures.config(InsightFixtures.small)
        #expect(try Self.report(from: config, to: config).text(folder: "t") == "")
    }
}
