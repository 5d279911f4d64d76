import CloudFormation
import PipegenConfig

/// The notifications topic: e-mail about failed stages (and, when configured, succeeded runs)
/// of the project's pipelines, sent by EventBridge rules through an input transformer, and
/// about approvals of environments that name no `notify` list of their own.
extension ToolingBuilder {
    /// The config's notifications, when there is a pipeline to tell about.
    var notifications: Notifications? {
        PipelineKind.allCases.contains(where: isOn) ? config.notifications : nil
    }

    /// The ARN (`Ref`) of the shared notifications topic, nil when the config has none. For
    /// the pipeline builder: an approval of an environment without its own `notify` list
    /// publishes here.
    var notificationsTopicArn: Value? { notifications == nil ? nil : .ref(ID.notificationsTopic) }

    /// The topic's ARN spelled from its name: the key policy cannot `Ref` the topic, which
    /// itself refers to the key.
    var notificationsTopicNamedArn: Value {
        .arn("sns", region: Value.thisRegion, account: Value.thisAccount, names.notificationsTopic)
    }

    /// Key policy statements only the home region's key carries: EventBridge may encrypt
    /// (and SNS decrypt) messages it publishes to the notifications topic, and nothing else.
    func withNotificationGrants(_ policy: IAM.PolicyDocument) -> IAM.PolicyDocument {
        guard notifications != nil else { return policy }
        var out = policy
        out.statements.append(
            IAM.Statement(
                sid: "NotificationEventsEncrypt", principal: .service([.string(names.principal(.events))]),
                actions: ["kms:Decrypt", "kms:GenerateDataKey*"], resources: ["*"],
                conditions: [IAM.Condition("StringEquals", "kms:EncryptionContext:aws:sns:topicArn", notificationsTopicNamedArn)]))
        return out
    }

    func addNotifications(to t: inout Template) {
        guard let n = notifications else { return }
        var topic = SNS.Topic()
        topic.topicName = .string(names.notificationsTopic)
        topic.displayName = "\(names.project) pipelines"
        topic.kmsMasterKeyId = homeKeyArn
        topic.subscription = n.emails.map { SNS.Topic.Subscription(.email, endpoint: .string($0)) }
        t.add(ID.notificationsTopic, Resource(topic))

        // Only pipegen's rules may publish as EventBridge; the pipeline roles publish
        // approvals through their own IAM policies.
        t.add(
            ID.notificationsTopicPolicy,
            Resource(
                SNS.TopicPolicy(
                    topics: [.ref(ID.notificationsTopic)],
                    policyDocument: IAM.PolicyDocument([
                        IAM.Statement(
                            sid: "PipegenRulesPublish", principal: .service([.string(names.principal(.events))]), actions: ["sns:Publish"],
                            resources: [.ref(ID.notificationsTopic)],
                            conditions: [
                                IAM.Condition("ArnEquals", "aws:SourceArn", n.events.map { names.ruleArn(names.notificationRule($0)) })
                            ])
                    ]))))
        for event in n.events { t.add(ID.notificationRule(event), Resource(notificationRule(event))) }
        t.addOutput(
            ID.notificationsTopic + "Arn",
            Output(.ref(ID.notificationsTopic), description: "Topic of the pipeline notifications; subscribe more endpoints here"))
    }

    private func notificationRule(_ event: NotificationEvent) -> Events.Rule {
        let pipelines = PipelineKind.allCases.filter(isOn).map { Value.ref(ID.pipeline($0)) }
        var paths: [Field] = [Field("pipeline", "$.detail.pipeline")]
        var lines: [String]
        let pattern: Value
        switch event {
        case .failed:
            pattern = [
                "source": ["aws.codepipeline"], "detail-type": ["CodePipeline Stage Execution State Change"],
                "detail": ["pipeline": .list(pipelines), "state": ["FAILED"]],
            ]
            paths.append(Field("stage", "$.detail.stage"))
            lines = ["Pipeline <pipeline>: stage <stage> <state>"]
        case .succeeded:
            pattern = [
                "source": ["aws.codepipeline"], "detail-type": ["CodePipeline Pipeline Execution State Change"],
                "detail": ["pipeline": .list(pipelines), "state": ["SUCCEEDED"]],
            ]
            lines = ["Pipeline <pipeline>: execution <state>"]
        }
        paths += [Field("state", "$.detail.state"), Field("execution", "$.detail.execution-id"), Field("time", "$.time")]
        lines += ["Execution: <execution>", "Time: <time>", "Details: \(executionLink)"]
        // One JSON string per line: EventBridge sends them as lines of text, which SNS mails.
        let template = lines.map { "\"\($0)\"" }.joined(separator: "\n") + "\n"
        var rule = Events.Rule(
            targets: [
                Events.Rule.Target(
                    id: "notifications-topic", arn: .ref(ID.notificationsTopic),
                    inputTransformer: Events.Rule.InputTransformer(inputPathsMap: paths, inputTemplate: template))
            ])
        rule.name = .string(names.notificationRule(event))
        rule.description =
            event == .failed
            ? "Mail a failed stage of the \(names.project) pipelines to the notifications topic"
            : "Mail a succeeded run of the \(names.project) pipelines to the notifications topic"
        rule.eventPattern = pattern
        return rule
    }

    /// The console page of an execution, for the partition and home region of the config:
    /// a China or GovCloud account cannot sign in to the commercial console.
    var executionLink: String {
        "https://\(config.partition.consoleHost)/codesuite/codepipeline/pipelines/<pipeline>/executions/<execution>/timeline"
            + "?region=\(topology.homeRegion)"
    }
}

extension ToolingBuilder.ID {
    static let notificationsTopic = "NotificationsTopic"
    static let notificationsTopicPolicy = "NotificationsTopicPolicy"
    static func notificationRule(_ event: NotificationEvent) -> String { Template.logicalId("notifications", event.rawValue, "rule") }
}
