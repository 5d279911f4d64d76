import CloudFormation
import PipegenConfig
import YAMLKit

/// The checks of rules that send to a topic or a function rather than start a pipeline, and
/// of the topics pipelines announce approvals on: every such rule may deliver, exactly the
/// rules that send to a topic or function may, and a pipeline role may publish to exactly
/// the topics its approval actions name.
extension Consistency {
    /// EventBridge as the principal of the topic policies and Lambda permissions.
    var eventsPrincipal: String { Names(config).principal(.events) }

    func isTopicOrFunction(_ arn: Value, _ r: Resolver) -> Bool {
        guard let s = r.string(arn) else { return false }
        return s.hasPrefix("arn:aws:sns:") || s.hasPrefix("arn:aws:lambda:")
    }

    func checkEventTargets(_ tooling: StackTemplate) -> [Diagnostic] {
        let r = resolver(tooling)
        let t = tooling.template
        // Which rule sends to which topic or function, by resolved ARN.
        var sends: [(rule: String, ruleArn: String, target: String)] = []
        for (id, rule) in t.resources(of: Events.Rule.self) {
            guard let ruleArn = r.arn(id) else { continue }
            for target in rule.targets where isTopicOrFunction(target.arn, r) {
                sends.append((id, ruleArn, r.string(target.arn)!))
            }
        }
        var out: [Diagnostic] = []
        let topics = t.resources(of: SNS.Topic.self).map { (id: $0.id, arn: r.arn($0.id) ?? "?", model: $0.model) }
        for topic in topics {
            let admitted = admittedRules(toTopic: topic.arn, t, r)
            let senders = sends.filter { $0.target == topic.arn }
            if Set(admitted) != Set(senders.map(\.ruleArn)) {
                out.append(
                    bug(
                        "topic '\(topic.id)' lets EventBridge publish from \(admitted.sorted()), but \(senders.map(\.ruleArn).sorted()) send to it",
                        at: notificationsMark))
            }
            if !senders.isEmpty, !keyLetsEventBridgeEncrypt(for: topic.arn, topic.model, tooling, r) {
                out.append(bug("the key of topic '\(topic.id)' does not let EventBridge encrypt messages for it", at: notificationsMark))
            }
        }
        for send in sends where send.target.hasPrefix("arn:aws:sns:") && !topics.contains(where: { $0.arn == send.target }) {
            out.append(
                bug(
                    "rule '\(send.rule)' publishes to '\(send.target)', which is not a topic of the tooling template", at: notificationsMark
                ))
        }
        let functions = t.resources(of: Lambda.Function.self).map { (id: $0.id, arn: r.arn($0.id) ?? "?") }
        let permissions = t.resources(of: Lambda.Permission.self).map(\.model).filter { r.string($0.principal) == eventsPrincipal }
        for send in sends where send.target.hasPrefix("arn:aws:lambda:") {
            guard functions.contains(where: { $0.arn == send.target }) else {
                out.append(
                    bug("rule '\(send.rule)' invokes '\(send.target)', which is not a function of the tooling template", at: gitflowMark))
                continue
            }
            let allowed = permissions.contains {
                r.string($0.functionName) == send.target && $0.sourceArn.flatMap(r.string) == send.ruleArn
            }
            if !allowed {
                out.append(bug("rule '\(send.rule)' may not invoke '\(send.target)': no permission names the rule", at: gitflowMark))
            }
        }
        for permission in permissions {
            let function = r.string(permission.functionName) ?? "?"
            let source = permission.sourceArn.flatMap(r.string)
            if !sends.contains(where: { $0.target == function && $0.ruleArn == source }) {
                out.append(
                    bug("a permission lets '\(source ?? "any rule")' invoke '\(function)', but no such rule invokes it", at: gitflowMark))
            }
        }
        out += checkApprovalTopics(tooling, r)
        return out
    }

    /// The rules (ARNs) the topic's policies let EventBridge publish from; `*` when one lets
    /// any rule publish.
    private func admittedRules(toTopic topicArn: String, _ t: Template, _ r: Resolver) -> [String] {
        var out: [String] = []
        for (_, policy) in t.resources(of: SNS.TopicPolicy.self) where policy.topics.compactMap(r.string).contains(topicArn) {
            for s in policy.policyDocument.statements where s.effect == .allow && PolicyMatch.matchesAction(s, "sns:Publish") {
                guard case .service(let services) = s.principal, services.compactMap(r.string).contains(eventsPrincipal)
                else { continue }
                let rules = PolicyMatch.conditionValues(s, "ArnEquals", "aws:SourceArn", r)
                out += rules.isEmpty ? ["*"] : rules
            }
        }
        return out
    }

    /// The key policy of the topic's key lets EventBridge generate data keys and decrypt for
    /// this topic (SSE-KMS topics need both from each publisher).
    private func keyLetsEventBridgeEncrypt(for topicArn: String, _ topic: SNS.Topic, _ tooling: StackTemplate, _ r: Resolver) -> Bool {
        guard let keyValue = topic.kmsMasterKeyId else { return true }
        if let brought = broughtHomeKey {
            // A key the config brings: the statements `plan` asks the user to add.
            guard r.string(keyValue) == brought.arn else { return false }
            return brought.policy.contains { s in
                s.effect == .allow && s.services.contains(eventsPrincipal) && s.matches(action: "kms:GenerateDataKey")
                    && s.matches(action: "kms:Decrypt")
                    && { $0.isEmpty || $0.contains(topicArn) }(s.condition("StringEquals", "kms:EncryptionContext:aws:sns:topicArn"))
            }
        }
        guard let keyArn = r.string(keyValue), keyArn == tooling.template.resources(of: KMS.Key.self).first.flatMap({ r.arn($0.id) })
        else { return false }
        return keyPolicy(tooling).contains { s in
            guard s.effect == .allow, case .service(let services) = s.principal,
                services.compactMap(r.string).contains(eventsPrincipal),
                PolicyMatch.matchesAction(s, "kms:GenerateDataKey"), PolicyMatch.matchesAction(s, "kms:Decrypt")
            else { return false }
            let contexts = PolicyMatch.conditionValues(s, "StringEquals", "kms:EncryptionContext:aws:sns:topicArn", r)
            return contexts.isEmpty || contexts.contains(topicArn)
        }
    }

    /// Each approval action's topic may be published to by its pipeline's role, and the role
    /// may publish to no topic its approvals do not name.
    private func checkApprovalTopics(_ tooling: StackTemplate, _ r: Resolver) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            let name = pipeline.name.flatMap(r.string) ?? "?"
            guard let roleArn = r.string(pipeline.roleArn), let role = toolingRole(arn: roleArn, tooling) else { continue }
            let used = Set(
                pipeline.stages.flatMap(\.actions).filter { $0.actionTypeId.category == .approval }.compactMap { action in
                    action.configuration(as: CodePipeline.Action.Manual.self)?.notificationArn.flatMap(r.string)
                })
            let statements = role.policies.flatMap(\.policyDocument.statements)
            for topic in used.sorted() where !PolicyMatch.allows(statements, "sns:Publish", on: topic, r) {
                out.append(
                    bug("pipeline '\(name)' announces approvals on '\(topic)', which its role may not publish to", at: config.project.mark))
            }
            let granted = Set(
                statements.filter { $0.effect == .allow && PolicyMatch.matchesAction($0, "sns:Publish") }.flatMap {
                    $0.resources.compactMap(r.string)
                })
            for topic in granted.subtracting(used).sorted() {
                out.append(
                    bug(
                        "the role of pipeline '\(name)' may publish to '\(topic)', which none of its approvals names",
                        at: config.project.mark))
            }
        }
        return out
    }

    private var notificationsMark: Mark? { config.notifications?.mark ?? config.project.mark }

    private var gitflowMark: Mark? {
        config.pipelines.all.lazy.compactMap { $0.source.pullRequestFrom?.mark }.first ?? config.project.mark
    }
}
