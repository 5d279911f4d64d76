import CloudFormation
import Foundation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

@Suite struct GitflowTests {
    static let infra = featureConfig(
        source: "    source: {repository: Infra, branch: release, pull-request-from: develop}")
    static let two = infra.replacing(
        "  container-build: {}", with: "  container-build:\n    source: {repository: App, pull-request-from: dev}")

    @Test func withoutPullRequestFromThereIsNoHelper() throws {
        let (tooling, _) = try toolingStack(featureConfig())
        #expect(tooling.template.resources(of: Lambda.Function.self).isEmpty)
        #expect(tooling.template.resources(of: Lambda.Permission.self).isEmpty)
        #expect(!tooling.template.resources.contains { $0.id.hasPrefix("Gitflow") })
    }

    @Test func theRuleListensToTheConfiguredBranchOfTheConfiguredRepository() throws {
        let (tooling, r) = try toolingStack(Self.infra)
        let rule = try #require(tooling.template.resource("InfrastructureDeploymentGitflowRule")?.model(as: Events.Rule.self))
        let pattern = try #require(rule.eventPattern)
        #expect(pattern.document["source"] == ["aws.codecommit"])
        #expect(pattern.document["detail-type"] == ["CodeCommit Repository State Change"])
        let resources = try #require(pattern.document["resources"]?.listValue)
        #expect(resources == [Value.getAtt("InfrastructureDeploymentRepository", "Arn").document])
        #expect(r.arn("InfrastructureDeploymentRepository") == "arn:aws:codecommit:eu-west-1:111111111111:Infra")
        #expect(pattern.document["detail"]?["event"] == ["referenceCreated", "referenceUpdated"])
        #expect(pattern.document["detail"]?["referenceType"] == ["branch"])
        #expect(pattern.document["detail"]?["referenceName"] == ["develop"])
        // The function learns both branches from the rule; the commit from the event.
        let transformer = try #require(rule.targets.first?.inputTransformer)
        #expect(transformer.inputPathsMap == [Field("commit", "$.detail.commitId")])
        let input = try JSONReader.parse(transformer.inputTemplate.replacing("<commit>", with: "abc123")).document
        #expect(input == ["repository": "Infra", "sourceBranch": "develop", "destinationBranch": "release", "commit": "abc123"])
        #expect(rule.targets.first?.arn == .getAtt("GitflowFunction", "Arn"))
        #expect(rule.targets.first?.roleArn == nil, "Lambda targets use the function's resource policy, not a role")
    }

    @Test func thePermissionAdmitsExactlyTheGitflowRule() throws {
        let (tooling, r) = try toolingStack(Self.two)
        let permissions = tooling.template.resources(of: Lambda.Permission.self).map(\.model)
        let rules = tooling.template.resources(of: Events.Rule.self).filter { $0.id.hasSuffix("GitflowRule") }
        #expect(rules.map(\.id) == ["ContainerBuildGitflowRule", "InfrastructureDeploymentGitflowRule"])
        #expect(permissions.count == rules.count)
        #expect(Set(permissions.compactMap { $0.sourceArn.flatMap(r.string) }) == Set(rules.compactMap { r.arn($0.id) }))
        for p in permissions {
            #expect(r.string(p.principal) == "events.amazonaws.com")
            #expect(p.action == "lambda:InvokeFunction")
            #expect(r.string(p.functionName) == r.arn("GitflowFunction"))
        }
        #expect(tooling.template.resources(of: Lambda.Function.self).count == 1, "one function serves every repository")
    }

    @Test func theRoleMayOnlyOpenPullRequestsInTheGitflowRepositoriesAndWriteItsLogs() throws {
        let (tooling, r) = try toolingStack(Self.infra)
        let role = try #require(tooling.template.resource("GitflowRole")?.model(as: IAM.Role.self))
        #expect(role.assumeRolePolicyDocument.statements.map(\.principal) == [.service(["lambda.amazonaws.com"])])
        let statements = role.policies.flatMap(\.policyDocument.statements)
        let actions = statements.flatMap(\.actions).sorted()
        #expect(
            actions == [
                "codecommit:CreatePullRequest", "codecommit:GetPullRequest", "codecommit:ListPullRequests", "logs:CreateLogStream",
                "logs:PutLogEvents",
            ])
        let resources = statements.flatMap { $0.resources.compactMap(r.string) }.sorted()
        #expect(
            resources == [
                "arn:aws:codecommit:eu-west-1:111111111111:Infra",
                "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/shop-gitflow-pr:*",
            ])
        #expect(!PolicyMatch.allows(statements, "codecommit:CreatePullRequest", on: "arn:aws:codecommit:eu-west-1:111111111111:App", r))
        #expect(!PolicyMatch.allows(statements, "codecommit:MergePullRequestByFastForward", on: resources[0], r))
    }

    @Test func theFunctionLogsToItsOwnEncryptedGroupWhichTheKeyAdmits() throws {
        let (tooling, r) = try toolingStack(Self.infra.replacing("pipelines:", with: "log-retention-days: 90\npipelines:"))
        let function = try #require(tooling.template.resource("GitflowFunction")?.model(as: Lambda.Function.self))
        #expect(function.runtime == .python313)
        #expect(function.handler == "index.handler")
        #expect(function.code.zipFile == GitflowHandler.source)
        #expect((function.timeout ?? 0) <= 60)
        #expect(function.loggingConfig?.logGroup == .ref("GitflowLogs"))
        let group = try #require(tooling.template.resource("GitflowLogs")?.model(as: Logs.LogGroup.self))
        #expect(group.logGroupName.flatMap(r.string) == "/aws/lambda/shop-gitflow-pr")
        #expect(group.retentionInDays == 90)
        #expect(group.kmsKeyId == .getAtt("ArtifactKey", "Arn"))
        let key = try #require(tooling.template.resource("ArtifactKey")?.model(as: KMS.Key.self))
        let logs = try #require(key.keyPolicy?.statements.first { $0.sid == "BuildLogsEncryption" })
        let patterns = PolicyMatch.conditionValues(logs, "ArnLike", "kms:EncryptionContext:aws:logs:arn", r)
        #expect(patterns.contains { PolicyMatch.glob($0, "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/shop-gitflow-pr") })
        #expect(!patterns.contains { PolicyMatch.glob($0, "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/other") })
    }

    @Test func bothRepositoriesAreNamedInOneRole() throws {
        let (tooling, r) = try toolingStack(Self.two)
        let role = try #require(tooling.template.resource("GitflowRole")?.model(as: IAM.Role.self))
        let codecommit = try #require(role.policies.flatMap(\.policyDocument.statements).first { $0.sid == "OpenPullRequests" })
        #expect(
            codecommit.resources.compactMap(r.string) == [
                "arn:aws:codecommit:eu-west-1:111111111111:App", "arn:aws:codecommit:eu-west-1:111111111111:Infra",
            ])
        #expect(Pipegen.consistency(try inlineConfig(Self.two)).map(\.message) == [])
    }

    @Test func theHandlerIsTheSameForEveryConfig() throws {
        let (a, _) = try toolingStack(Self.infra)
        let (b, _) = try toolingStack(Self.two)
        let code = { (t: StackTemplate) in t.template.resource("GitflowFunction")?.model(as: Lambda.Function.self)?.code.zipFile }
        #expect(code(a) == code(b))
        #expect(!GitflowHandler.source.contains("\t"))
        #expect(GitflowHandler.source.split(separator: "\n").allSatisfy { !$0.hasSuffix(" ") }, "YAML literal blocks keep trailing spaces")
    }

    static let python: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    @Test(.enabled(if: python != nil, "python3 is not on PATH"))
    func theHandlerIsValidPython() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [
            "-c",
            "import ast, sys; tree = ast.parse(sys.stdin.read()); "
                + "names = [f.name for f in tree.body if isinstance(f, ast.FunctionDef)]; assert 'handler' in names, names",
        ]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(GitflowHandler.source.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}

/// Tampered templates: the checks of rules that send to topics and functions find it.
@Suite struct EventTargetConsistencyTests {
    static let config = featureConfig(
        approvals: "approval: true",
        source: "    source: {pull-request-from: develop}",
        extra: "notifications: {emails: [a@example.com], events: [failed, succeeded]}\n")

    func tampered(_ change: (inout Template) -> Void) throws -> [String] {
        let config = try inlineConfig(Self.config)
        let stacks = StackSet.build(config).stacks.map { s in
            guard s.name == "tooling" else { return s }
            var copy = s
            change(&copy.template)
            return copy
        }
        return Pipegen.consistency(config, stacks: stacks).map(\.message)
    }

    @Test func theUntouchedTemplatesAreConsistent() throws {
        #expect(try tampered { _ in } == [])
    }

    @Test func aTopicPolicyThatForgetsARuleIsFound() throws {
        let messages = try tampered { t in
            var p = t.resource("NotificationsTopicPolicy")!.model(as: SNS.TopicPolicy.self)!
            p.policyDocument.statements[0].conditions[0].values.removeLast()
            t.replace("NotificationsTopicPolicy", with: Resource(p))
        }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("topic 'NotificationsTopic' lets EventBridge publish from") == true)
    }

    @Test func aTopicPolicyThatAdmitsAnyRuleIsFound() throws {
        let messages = try tampered { t in
            var p = t.resource("NotificationsTopicPolicy")!.model(as: SNS.TopicPolicy.self)!
            p.policyDocument.statements[0].conditions = []
            t.replace("NotificationsTopicPolicy", with: Resource(p))
        }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("[\"*\"]") == true)
    }

    @Test func aKeyWithoutTheEventBridgeGrantIsFound() throws {
        let messages = try tampered { t in
            var key = t.resource("ArtifactKey")!.model(as: KMS.Key.self)!
            key.keyPolicy!.statements.removeAll { $0.sid == "NotificationEventsEncrypt" }
            t.replace("ArtifactKey", with: .retained(key))
        }
        #expect(messages == ["the key of topic 'NotificationsTopic' does not let EventBridge encrypt messages for it"])
    }

    @Test func aPermissionForAnotherRuleIsFound() throws {
        let messages = try tampered { t in
            var p = t.resource("InfrastructureDeploymentGitflowPermission")!.model(as: Lambda.Permission.self)!
            p.sourceArn = .sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/someone-else")
            t.replace("InfrastructureDeploymentGitflowPermission", with: Resource(p))
        }
        #expect(
            messages == [
                "rule 'InfrastructureDeploymentGitflowRule' may not invoke 'arn:aws:lambda:eu-west-1:111111111111:function:shop-gitflow-pr': no permission names the rule",
                "a permission lets 'arn:aws:events:eu-west-1:111111111111:rule/someone-else' invoke 'arn:aws:lambda:eu-west-1:111111111111:function:shop-gitflow-pr', but no such rule invokes it",
            ])
    }

    @Test func aPipelineRoleThatMayPublishWithoutAnApprovalIsFound() throws {
        let messages = try tampered { t in
            var role = t.resource("ContainerBuildPipelineRole")!.model(as: IAM.Role.self)!
            role.policies[0].policyDocument.statements.append(
                IAM.Statement(sid: "AnnounceApprovals", actions: ["sns:Publish"], resources: [.ref("NotificationsTopic")]))
            t.replace("ContainerBuildPipelineRole", with: Resource(role))
        }
        #expect(
            messages == [
                "the role of pipeline 'shop-container-build' may publish to 'arn:aws:sns:eu-west-1:111111111111:shop-pipeline-notifications', which none of its approvals names"
            ])
    }

    @Test func anApprovalOnATopicItsRoleMayNotPublishToIsFound() throws {
        let messages = try tampered { t in
            var role = t.resource("InfrastructureDeploymentPipelineRole")!.model(as: IAM.Role.self)!
            role.policies[0].policyDocument.statements.removeAll { $0.actions == ["sns:Publish"] }
            t.replace("InfrastructureDeploymentPipelineRole", with: Resource(role))
        }
        #expect(
            messages == [
                "pipeline 'shop-infrastructure-deployment' announces approvals on 'arn:aws:sns:eu-west-1:111111111111:shop-pipeline-notifications', which its role may not publish to"
            ])
    }
}
