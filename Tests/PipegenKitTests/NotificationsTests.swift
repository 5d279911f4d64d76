import CloudFormation
import Foundation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// A config with all three pipelines and two environments; `approvals` is prod's approval
/// line, `source` the infrastructure pipeline's indented source block, `extra` is appended.
func featureConfig(region: String = "eu-west-1", approvals: String? = nil, source: String? = nil, extra: String = "") -> String {
    var lines = [
        "project: shop", "tooling:", "  account: \"111111111111\"", "  region: \(region)", "environments:",
        "  - name: dev", "    account: \"222222222222\"",
        "    ecs: { cluster: c-dev, service: s, listener: l-dev, target-groups: [dev-blue, dev-green] }",
        "  - name: prod", "    account: \"444444444444\"",
    ]
    if let approvals { lines.append("    " + approvals) }
    lines += [
        "    ecs: { cluster: c-prod, service: s, listener: l-prod, target-groups: [prod-blue, prod-green] }",
        "pipelines:", "  container-build: {}", "  infrastructure-deployment:" + (source == nil ? " {}" : ""),
    ]
    if let source { lines.append(source) }
    lines.append("  container-deployment: {}")
    return lines.joined(separator: "\n") + "\n" + extra
}

/// The home tooling stack of `text`, and a resolver for it.
func toolingStack(_ text: String) throws -> (StackTemplate, Resolver) {
    let stacks = StackSet.build(try inlineConfig(text)).stacks
    let tooling = try #require(stacks.first { $0.name == "tooling" })
    return (tooling, Resolver(template: tooling.template, account: tooling.account, region: tooling.region))
}

/// What EventBridge makes of an input transformer for `event`: each `<name>` of the template
/// replaced by the value its JSON path selects.
func transform(_ transformer: Events.Rule.InputTransformer, _ event: Document) -> String {
    var text = transformer.inputTemplate
    for field in transformer.inputPathsMap {
        guard case .string(let path) = field.value else { continue }
        var node: Document? = event
        for key in path.dropFirst(2).split(separator: ".") { node = node?[String(key)] }
        text = text.replacing("<\(field.name)>", with: node?.stringValue ?? "")
    }
    return text
}

@Suite struct NotificationsTests {
    static let both = featureConfig(
        extra: "notifications:\n  emails: [team@example.com, oncall@example.com]\n  events: [failed, succeeded]\n")
    static let failedOnly = featureConfig(extra: "notifications: {emails: [team@example.com]}\n")

    @Test func withoutNotificationsThereIsNoTopicAndNoEventBridgeKeyGrant() throws {
        let (tooling, _) = try toolingStack(featureConfig())
        #expect(tooling.template.resource("NotificationsTopic") == nil)
        #expect(tooling.template.resources(of: SNS.TopicPolicy.self).isEmpty)
        let key = try #require(tooling.template.resource("ArtifactKey")?.model(as: KMS.Key.self))
        #expect(!(key.keyPolicy?.statements ?? []).contains { $0.sid == "NotificationEventsEncrypt" })
    }

    @Test func theTopicIsEncryptedWithTheArtifactKeyAndMailsEachAddress() throws {
        let (tooling, r) = try toolingStack(Self.both)
        let topic = try #require(tooling.template.resource("NotificationsTopic")?.model(as: SNS.Topic.self))
        #expect(topic.topicName.flatMap(r.string) == "shop-pipeline-notifications")
        #expect(topic.kmsMasterKeyId == .getAtt("ArtifactKey", "Arn"))
        #expect(topic.subscription.map(\.protocol) == [.email, .email])
        #expect(topic.subscription.compactMap { r.string($0.endpoint) } == ["team@example.com", "oncall@example.com"])
        let key = try #require(tooling.template.resource("ArtifactKey")?.model(as: KMS.Key.self))
        #expect(key.enableKeyRotation == true)
    }

    /// The rules that send to the topic, as ARNs.
    func senders(_ tooling: StackTemplate, _ r: Resolver) -> Set<String> {
        Set(
            tooling.template.resources(of: Events.Rule.self).filter { rule in
                rule.model.targets.contains { $0.arn == .ref("NotificationsTopic") }
            }.compactMap { r.arn($0.id) })
    }

    @Test(arguments: [both, failedOnly])
    func theTopicPolicyAdmitsExactlyTheNotificationRules(_ text: String) throws {
        let (tooling, r) = try toolingStack(text)
        let policies = tooling.template.resources(of: SNS.TopicPolicy.self)
        #expect(policies.count == 1)
        let policy = try #require(policies.first?.model)
        #expect(policy.topics == [.ref("NotificationsTopic")])
        let statements = policy.policyDocument.statements
        #expect(statements.count == 1)
        let s = try #require(statements.first)
        #expect(s.effect == .allow && s.actions == ["sns:Publish"] && s.principal == .service(["events.amazonaws.com"]))
        #expect(s.resources == [.ref("NotificationsTopic")])
        let admitted = Set(PolicyMatch.conditionValues(s, "ArnEquals", "aws:SourceArn", r))
        #expect(!admitted.isEmpty)
        #expect(admitted == senders(tooling, r))
        #expect(s.conditions.count == 1, "no other condition may narrow or widen it")
    }

    @Test func failuresAreStageEventsOfEveryPipelineAndSuccessesOptional() throws {
        let (tooling, r) = try toolingStack(Self.failedOnly)
        let rules = tooling.template.resources(of: Events.Rule.self).filter { $0.id.hasPrefix("Notifications") }
        #expect(rules.map(\.id) == ["NotificationsFailedRule"])
        let pattern = try #require(rules.first?.model.eventPattern)
        #expect(pattern.document["detail-type"] == ["CodePipeline Stage Execution State Change"])
        #expect(pattern.document["detail"]?["state"] == ["FAILED"])
        let pipelines = try #require(pattern.document["detail"]?["pipeline"]?.listValue)
        let names = tooling.template.resources(of: CodePipeline.Pipeline.self).compactMap { $0.model.name.flatMap(r.string) }
        #expect(pipelines.count == 3 && names.count == 3)
        #expect(Set(pipelines) == Set(tooling.template.resources(of: CodePipeline.Pipeline.self).map { Value.ref($0.id).document }))

        let (both, _) = try toolingStack(Self.both)
        let succeeded = try #require(both.template.resource("NotificationsSucceededRule")?.model(as: Events.Rule.self))
        #expect(succeeded.eventPattern?.document["detail-type"] == ["CodePipeline Pipeline Execution State Change"])
        #expect(succeeded.eventPattern?.document["detail"]?["state"] == ["SUCCEEDED"])
    }

    static let stageFailed: Document = [
        "version": "0", "id": "8a0b2b8e-1111-2222-3333-444455556666",
        "detail-type": "CodePipeline Stage Execution State Change", "source": "aws.codepipeline",
        "account": "111111111111", "time": "2025-03-14T09:26:53Z", "region": "eu-west-1",
        "resources": ["arn:aws:codepipeline:eu-west-1:111111111111:shop-infrastructure-deployment"],
        "detail": [
            "pipeline": "shop-infrastructure-deployment", "execution-id": "0c8f5e0e-7f3a-4d1b-9b7e-2f6d1a2b3c4d",
            "stage": "prod", "state": "FAILED", "version": 3,
        ],
    ]

    /// The mail a failed stage produces, as EventBridge renders the input transformer: one
    /// quoted line each, which SNS delivers as the message text.
    @Test func aFailedStageReadsAsAMessage() throws {
        let (tooling, _) = try toolingStack(Self.failedOnly)
        let rule = try #require(tooling.template.resource("NotificationsFailedRule")?.model(as: Events.Rule.self))
        let transformer = try #require(rule.targets.first?.inputTransformer)
        let expected = """
            "Pipeline shop-infrastructure-deployment: stage prod FAILED"
            "Execution: 0c8f5e0e-7f3a-4d1b-9b7e-2f6d1a2b3c4d"
            "Time: 2025-03-14T09:26:53Z"
            "Details: https://console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-infrastructure-deployment/executions/0c8f5e0e-7f3a-4d1b-9b7e-2f6d1a2b3c4d/timeline?region=eu-west-1"

            """
        #expect(transform(transformer, Self.stageFailed) == expected)
        // Every placeholder is defined, every path points into the event.
        let placeholders = Set(transformer.inputPathsMap.map(\.name))
        #expect(placeholders == ["pipeline", "stage", "state", "execution", "time"])
        for line in transformer.inputTemplate.split(separator: "\n") {
            #expect(line.hasPrefix("\"") && line.hasSuffix("\"") && line.dropFirst().dropLast().allSatisfy { $0 != "\"" })
        }
    }

    @Test(arguments: [
        ("eu-west-1", "https://console.aws.amazon.com/"), ("cn-north-1", "https://console.amazonaws.cn/"),
        ("us-gov-west-1", "https://console.amazonaws-us-gov.com/"),
    ])
    func theConsoleLinkFitsThePartitionAndRegion(_ region: String, _ host: String) throws {
        let (tooling, _) = try toolingStack(featureConfig(region: region, extra: "notifications: {emails: [a@example.com]}\n"))
        let rule = try #require(tooling.template.resource("NotificationsFailedRule")?.model(as: Events.Rule.self))
        let template = try #require(rule.targets.first?.inputTransformer?.inputTemplate)
        #expect(
            template.contains(
                "\"Details: \(host)codesuite/codepipeline/pipelines/<pipeline>/executions/<execution>/timeline?region=\(region)\""))
    }

    @Test func theKeyLetsEventBridgeEncryptForTheTopicOnly() throws {
        let (tooling, r) = try toolingStack(Self.both)
        let key = try #require(tooling.template.resource("ArtifactKey")?.model(as: KMS.Key.self))
        let grants = (key.keyPolicy?.statements ?? []).filter { $0.principal == .service(["events.amazonaws.com"]) }
        #expect(grants.count == 1)
        let s = try #require(grants.first)
        #expect(s.actions == ["kms:Decrypt", "kms:GenerateDataKey*"])
        #expect(
            PolicyMatch.conditionValues(s, "StringEquals", "kms:EncryptionContext:aws:sns:topicArn", r)
                == [r.string(.ref("NotificationsTopic"))!])
        #expect(s.conditions.count == 1)
    }

    @Test func replicaKeysDoNotCarryTheEventBridgeGrant() throws {
        let text = Self.both.replacing(
            "  - name: prod\n    account: \"444444444444\"\n",
            with: "  - name: prod\n    account: \"444444444444\"\n    regions: [eu-west-1, us-east-1]\n"
        ).replacing("listener: l-prod", with: "listener: {import: l-prod}")
        let stacks = StackSet.build(try inlineConfig(text)).stacks
        let replica = try #require(stacks.first { $0.name == "tooling-us-east-1" })
        let policy = try #require(replica.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy)
        #expect(!policy.statements.contains { $0.principal == .service(["events.amazonaws.com"]) })
        #expect(Pipegen.consistency(try inlineConfig(text)).map(\.message) == [])
    }

    @Test func notificationsWithoutPipelinesWarnAndAddNothing() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments: [{name: dev, account: "222222222222"}]
            notifications: {emails: [team@example.com]}

            """
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(diagnostics.map(\.message) == ["'notifications' is not used: no pipelines are configured"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.mark == Mark(line: 4, column: 1))
        let loaded = try #require(config)
        let tooling = try #require(StackSet.build(loaded).stacks.first)
        #expect(tooling.template.resources(of: SNS.Topic.self).isEmpty)
    }

    @Test func everyFeatureConfigIsConsistent() throws {
        for text in [Self.both, Self.failedOnly] {
            #expect(Pipegen.consistency(try inlineConfig(text)).map(\.message) == [])
        }
    }
}

/// Approvals announce themselves on the environment's own topic, else on the shared one.
@Suite struct ApprovalAnnouncementTests {
    func tooling(_ text: String) throws -> Template {
        StackSet.build(try inlineConfig(text)).stacks[0].template
    }

    /// The NotificationArn of every approval action, and the topics each pipeline role may publish to.
    func announcements(_ t: Template) -> (approvals: [Value], publishes: [PipelineKind: [Value]]) {
        var approvals: [Value] = []
        var publishes: [PipelineKind: [Value]] = [:]
        for kind in PipelineKind.allCases {
            guard let p = t.resource(Template.logicalId(kind.rawValue, "pipeline"))?.model(as: CodePipeline.Pipeline.self),
                let role = t.resource(Template.logicalId(kind.rawValue, "pipeline-role"))?.model(as: IAM.Role.self)
            else { continue }
            for action in p.stages.flatMap(\.actions) where action.actionTypeId.category == .approval {
                approvals += action.configuration(as: CodePipeline.Action.Manual.self)?.notificationArn.map { [$0] } ?? []
            }
            publishes[kind] = role.policies.flatMap(\.policyDocument.statements).filter { $0.actions == ["sns:Publish"] }.flatMap(\.resources)
        }
        return (approvals, publishes)
    }

    @Test func anApprovalWithoutItsOwnListUsesTheSharedTopic() throws {
        let t = try tooling(featureConfig(approvals: "approval: true", extra: "notifications: {emails: [a@example.com]}\n"))
        let (approvals, publishes) = announcements(t)
        #expect(!approvals.isEmpty && approvals.allSatisfy { $0 == .ref("NotificationsTopic") })
        #expect(publishes[.containerBuild] == [], "container-build has no approvals")
        #expect(publishes[.infrastructure] == [.ref("NotificationsTopic")])
    }

    @Test func anApprovalWithItsOwnListKeepsItsTopic() throws {
        let t = try tooling(
            featureConfig(approvals: "approval: {notify: [release@example.com]}", extra: "notifications: {emails: [a@example.com]}\n"))
        let (approvals, publishes) = announcements(t)
        #expect(!approvals.isEmpty && approvals.allSatisfy { $0 == .ref("ProdApprovalTopic") })
        #expect(publishes.values.allSatisfy { !$0.contains(.ref("NotificationsTopic")) })
    }

    @Test func withoutNotificationsNothingIsShared() throws {
        let t = try tooling(featureConfig(approvals: "approval: true"))
        let (approvals, publishes) = announcements(t)
        #expect(approvals == [])
        #expect(publishes.values.allSatisfy { $0.isEmpty })
        #expect(t.resource("NotificationsTopic") == nil)
    }
}
