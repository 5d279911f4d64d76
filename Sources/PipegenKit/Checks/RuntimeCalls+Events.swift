import CloudFormation
import PipegenConfig
import YAMLKit

/// The runtime calls of the tooling template's EventBridge rules and functions, read from
/// the template: a rule starts a pipeline through its target's role, publishes to a topic
/// (encrypting with the topic's key) or invokes a function; a function runs as its role,
/// writes its logs, and (the gitflow helper) opens pull requests in the repositories its
/// rules watch.
extension RuntimeCalls {
    static func eventCalls(_ scene: RuntimeScene, pipelines: [Pipeline]) -> [RuntimeCall] {
        let r = scene.resolver
        let t = scene.tooling.template
        let account = scene.toolingAccount, home = scene.home
        let notifications = scene.config.notifications?.mark ?? scene.config.project.mark
        let gitflow =
            scene.config.pipelines.all.lazy.compactMap { $0.source.pullRequestFrom?.mark }.first
            ?? scene.config.project.mark
        var out: [RuntimeCall] = []
        /// Repositories each function's rules watch, by function ARN.
        var watched: [String: [String]] = [:]
        for (id, rule) in t.resources(of: Events.Rule.self) {
            let ruleArn = r.arn(id) ?? id
            let origin = "rule '\(r.string(rule.name ?? .string(id)) ?? id)'"
            for target in rule.targets {
                let arn = r.string(target.arn) ?? ""
                if let roleArn = target.roleArn.flatMap(r.string) {
                    let cause =
                        pipelines.first { "arn:aws:codepipeline:\(home):\(account):\($0.spec.name)" == arn }?.cause
                        ?? scene.config.project.mark
                    out.append(scene.serviceAssumes(.events, roleArn, cause: cause, origin: origin))
                    out.append(
                        RuntimeCall(
                            action: "codepipeline:StartPipelineExecution", caller: .role(roleArn), account: account,
                            region: home, resource: arn,
                            policy: .none, cause: cause, origin: origin))
                } else if arn.hasPrefix("arn:aws:sns:") {
                    let source: [RuntimeCall.Fact] = [
                        .init("aws:SourceArn", ruleArn), .init("aws:SourceAccount", account),
                    ]
                    out.append(
                        RuntimeCall(
                            action: "sns:Publish", caller: .service(scene.names.principal(.events)), account: account,
                            region: home, resource: arn,
                            policy: .topic, context: source, cause: notifications, origin: origin))
                    if let key = scene.topicKey(arn) {
                        out.append(
                            RuntimeCall(
                                actions: ["kms:GenerateDataKey", "kms:Decrypt"],
                                caller: .service(scene.names.principal(.events)), account: account,
                                region: home, resource: key, policy: .key,
                                context: source + [.init("kms:EncryptionContext:aws:sns:topicArn", arn)],
                                cause: notifications, origin: origin))
                    }
                } else if arn.hasPrefix("arn:aws:lambda:") {
                    out.append(
                        RuntimeCall(
                            action: "lambda:InvokeFunction", caller: .service(scene.names.principal(.events)), account: account,
                            region: home,
                            resource: arn, policy: .function,
                            context: [.init("aws:SourceArn", ruleArn), .init("aws:SourceAccount", account)],
                            cause: gitflow, origin: origin))
                    if case .map(let pattern)? = rule.eventPattern,
                        let resources = pattern.first(where: { $0.name == "resources" })?.value,
                        case .list(let values) = resources
                    {
                        watched[arn, default: []] += values.compactMap(r.string)
                    }
                }
            }
        }
        for (id, function) in t.resources(of: Lambda.Function.self) {
            guard let arn = r.arn(id), let roleArn = r.string(function.role) else { continue }
            let origin = "function '\(function.functionName.flatMap(r.string) ?? id)'"
            out.append(scene.serviceAssumes(.lambda, roleArn, cause: gitflow, origin: origin))
            if let groupValue = function.loggingConfig?.logGroup, case .ref(let groupId) = groupValue,
                let group = t.resource(groupId)?.model(as: Logs.LogGroup.self),
                let name = group.logGroupName.flatMap(r.string)
            {
                out += scene.writeLogs(
                    roleArn, group: name, key: group.kmsKeyId.flatMap(r.string), cause: gitflow, origin: origin)
            }
            for repository in uniqued(watched[arn] ?? []) {
                out.append(
                    RuntimeCall(
                        actions: [
                            "codecommit:ListPullRequests", "codecommit:GetPullRequest", "codecommit:CreatePullRequest",
                        ],
                        caller: .role(roleArn), account: account, region: home, resource: repository, policy: .none,
                        cause: gitflow, origin: origin))
            }
        }
        return out
    }
}
