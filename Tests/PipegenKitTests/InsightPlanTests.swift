import CloudFormation
import Foundation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `DeploymentPlan`: phases from the templates' real dependencies, commands, manual steps.
@Suite struct InsightPlanTests {
    static func plan(_ config: Config, format: OutputFormat = .yaml, folder: String = "templates") throws -> DeploymentPlan {
        let files = try renderFiles(config, configPath: "../pipegen.yaml", format: format)
        return DeploymentPlan(ValidConfig(config: config, stacks: StackSet.build(config)), files: files, templateFolder: folder)
    }

    @Test func routeToLiveDeploysInOnePhase() throws {
        let config = try InsightFixtures.routeToLive()
        let plan = try Self.plan(config)
        #expect(plan.problems == [])
        #expect(plan.phases.count == 1)
        #expect(plan.phases[0].stacks.map(\.name) == ["tooling", "dev", "test", "prod"])
        #expect(plan.profiles.map(\.name) == ["shop-tooling", "shop-dev", "shop-test", "shop-prod"])
        for stack in plan.phases[0].stacks {
            #expect(stack.dependsOn == [])
            #expect(stack.capabilities == ["CAPABILITY_NAMED_IAM"])
            #expect(stack.templateFile == "templates/\(stack.name).yaml")
            // Only a template over the inline limit goes through a bucket, whatever its size today.
            #expect((stack.s3Bucket != nil) == (stack.templateBytes > DeploymentPlan.inlineTemplateLimit))
            #expect(stack.command.first == "aws cloudformation deploy")
            #expect(stack.command.contains("--stack-name \(stack.stackName)"))
            #expect(stack.command.last == "--profile \(stack.profile)")
        }
        let large = plan.phases[0].stacks.contains { $0.s3Bucket != nil }
        let kinds = plan.manualSteps.map(\.kind)
        #expect(kinds == (large ? [.createTemplateBucket] : []) + [.createECSResources, .confirmSubscriptions, .pushSource, .pushImage])
        // By-hand steps that prepare a phase come before it; the rest after the last one.
        let phaseStep = try #require(plan.steps.firstIndex { if case .phase = $0.kind { true } else { false } })
        #expect(phaseStep == (large ? 2 : 1))
        #expect(plan.steps.map(\.number) == Array(1...plan.steps.count))
    }

    @Test func manualStepsNameWhatIsNeeded() throws {
        let plan = try Self.plan(try InsightFixtures.routeToLive())
        let text = plan.text
        #expect(text.contains("shop-prod-approvals (approvals before prod): release-managers@example.com"))
        #expect(text.contains("git push codecommit::eu-west-1://shop-tooling@Infrastructure-Deployment HEAD:main"))
        #expect(text.contains("cloudformation/params/prod.json"))
        #expect(text.contains("listener from export shop-dev-ProdListenerArn"))
        #expect(text.contains("<IMAGE1_NAME>"))
    }

    /// A connection the tooling stack creates must be activated by hand after the stack exists
    /// and before anything is pushed; repositories behind a connection are not CodeCommit's.
    @Test func createdConnectionsAreActivatedBeforeThePush() throws {
        let github = try String(contentsOfFile: InsightFixtures.root + "/Examples/github-ecs/pipegen.yaml", encoding: .utf8)
        let plan = try Self.plan(try InsightFixtures.config(github))
        let kinds = plan.manualSteps.map(\.kind)
        let activate = try #require(kinds.firstIndex(of: .activateConnections))
        #expect(kinds.firstIndex(of: .pushSource).map { $0 > activate } == true)
        let phase = try #require(plan.steps.firstIndex { if case .phase = $0.kind { true } else { false } })
        let activation = try #require(plan.steps.firstIndex { if case .manual(let m) = $0.kind { m.kind == .activateConnections } else { false } })
        #expect(activation > phase)
        let text = plan.text
        #expect(text.contains("myapp-github (GitHub)"))
        #expect(text.contains("--provider-type-filter GitHub"))
        let push = try #require(plan.manualSteps.first { $0.kind == .pushSource })
        #expect(push.blocks.contains(.item(
            "my-github-user/my-app on GitHub (container-deployment, branch master, changes under deploy/**): deploy/appspec.yaml, "
                + "deploy/taskdef-production.json (the task definitions name the image <IMAGE1_NAME>)")))
        #expect(!text.contains("codecommit::"))

        // A connection given by ARN is the user's own: nothing to activate.
        let given = github.replacing(
            "      provider: github\n", with: "      provider: github\n      connection: arn:aws:codeconnections:eu-central-1:111111111111:connection/abc\n")
        let plan2 = try Self.plan(try InsightFixtures.config(given))
        #expect(!plan2.manualSteps.map(\.kind).contains(.activateConnections))
    }

    @Test func aStackTooLargeToPassInlineGetsABucketStepBeforeItsPhase() throws {
        let config = try InsightFixtures.config(InsightFixtures.small)
        var files = try renderFiles(config, configPath: "../pipegen.yaml", format: .json)
        files[0].contents += String(repeating: " ", count: DeploymentPlan.inlineTemplateLimit)
        let plan = DeploymentPlan(ValidConfig(config: config, stacks: StackSet.build(config)), files: files, templateFolder: "my templates")
        let tooling = plan.phases[0].stacks[0]
        #expect(tooling.templateFile == "my templates/tooling.json")
        #expect(tooling.command[1] == "--template-file 'my templates/tooling.json'")
        #expect(tooling.s3Bucket == "pipegen-templates-111111111111-eu-west-1")
        #expect(tooling.command.contains("--s3-bucket pipegen-templates-111111111111-eu-west-1"))
        guard case .manual(let step) = plan.steps[0].kind else { Issue.record("no bucket step first"); return }
        #expect(step.kind == .createTemplateBucket)
        #expect(
            step.blocks.last
                == .command("aws s3 mb s3://pipegen-templates-111111111111-eu-west-1 --region eu-west-1 --profile demo-tooling"))
    }

    /// Today's multi-region templates cannot be ordered: the home template's pipelines name the
    /// further region's artifact bucket (CodePipeline checks it exists at creation), while that
    /// region's template needs the home key's ARN. The plan must say so rather than print an
    /// order that fails; once the templates change, the same test checks the two phases.
    @Test func multiRegionDeploysInThreePhases() throws {
        let plan = try Self.plan(try InsightFixtures.multiRegion())
        #expect(plan.problems == [])
        #expect(
            plan.phases.map { $0.stacks.map(\.name) } == [
                ["tooling-us-east-1-bucket", "dev", "test", "prod"], ["tooling", "dev-us-east-1"], ["tooling-us-east-1"],
            ])
        let tooling = plan.phases[1].stacks[0]
        #expect(tooling.dependsOn.map(\.on) == ["tooling-us-east-1-bucket"], "its pipelines' artifact store must exist")
        let replica = plan.phases[2].stacks[0]
        #expect(replica.capabilities == [])
        #expect(replica.dependsOn.map(\.on) == ["tooling"])
        #expect(
            replica.parameters == [
                ParameterValue(
                    name: "PrimaryKeyArn", template: "tooling", stackName: "pipegen-shop-tooling", output: "ArtifactKeyArn",
                    region: "eu-west-1", profile: "shop-tooling")
            ])
        #expect(
            replica.command.contains(
                "--parameter-overrides PrimaryKeyArn=\"$(aws cloudformation describe-stacks --stack-name pipegen-shop-tooling"
                    + " --region eu-west-1 --profile shop-tooling --query \"Stacks[0].Outputs[?OutputKey=='ArtifactKeyArn']"
                    + ".OutputValue\" --output text)\""))
        let regional = plan.phases[1].stacks[1]
        #expect(regional.dependsOn.map(\.on) == ["dev"])
        #expect(regional.dependsOn[0].reason.hasPrefix("uses role shop-dev-codedeploy, which stack pipegen-shop-dev creates"))
        #expect(plan.text.contains("   after dev: uses role shop-dev-codedeploy"))
    }

    /// The command really runs in a shell: a stand-in `aws` prints its arguments, and the
    /// parameter arrives filled from the describe-stacks call.
    @Test func theParameterCommandRunsInAShell() throws {
        let plan = try Self.plan(try InsightFixtures.multiRegion())
        let command = try #require(plan.phases.last?.stacks.first).command.joined(separator: " \\\n  ")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipegen-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = """
            #!/bin/sh
            if [ "$2" = describe-stacks ]; then echo "arn:aws:kms:eu-west-1:111111111111:key/mrk-0123"; exit 0; fi
            for a in "$@"; do printf '%s\\n' "$a"; done

            """
        try fake.write(to: folder.appendingPathComponent("aws"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("aws").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ["PATH": folder.path + ":/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let words = output.split(separator: "\n").map(String.init)
        #expect(words.first == "cloudformation")
        let i = try #require(words.firstIndex(of: "--parameter-overrides"))
        #expect(words[i + 1] == "PrimaryKeyArn=arn:aws:kms:eu-west-1:111111111111:key/mrk-0123")
    }

    @Test func anUnknownParameterIsReported() throws {
        let config = try InsightFixtures.config(InsightFixtures.small)
        var stacks = StackSet.build(config).stacks
        stacks[1].template.parameters.append(("Mystery", Parameter()))
        let files = stacks.map { RenderedFile(name: $0.name + ".yaml", contents: "x", resourceCount: 0) }
        let plan = Planner(config: config, stacks: stacks, files: files, folder: "templates").plan()
        #expect(plan.problems == ["template 'dev': parameter 'Mystery' has no known source, so no command can fill it"])
    }

    @Test func jsonHoldsTheSameCommands() throws {
        let plan = try Self.plan(try InsightFixtures.routeToLive())
        let text = JSONWriter().write(plan.document)
        let parsed = try JSONReader.parse(text).document
        #expect(parsed == plan.document)
        let steps = try #require(parsed["steps"]?.listValue)
        let phase = try #require(steps.first { $0["kind"] == "phase" })
        let stacks = try #require(phase["stacks"]?.listValue)
        #expect(stacks.map { $0["command"]?.stringValue } == plan.phases[0].stacks.map { $0.command.joined(separator: " ") })
        #expect(stacks[1]["s3Bucket"] == .null)
        let ids = steps.filter { $0["kind"] == "manual" }.compactMap { $0["id"]?.stringValue }
        #expect(ids.contains("push-source"))
    }

    @Test(arguments: ["a b", "it's", "", "$HOME", "plain/path-1.yaml"])
    func shellQuoting(_ word: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s' " + Shell.quote(word)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == word)
    }
}
