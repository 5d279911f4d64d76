import CloudFormation
import PipegenConfig
import YAMLKit

/// The things a person must do by hand while deploying, each placed at the point where it
/// becomes possible and before whatever needs it.
struct ManualSteps {
    let config: Config
    let profiles: [Profile]
    let deployments: [StackDeployment]
    let phaseOf: [String: Int]
    let stacks: [StackTemplate]
    /// The keys and buckets the config brings.
    var existing: [ExistingResource] = []

    var names: Names { Names(config) }
    var home: String { config.tooling.region.value }
    var toolingProfile: String { profiles[0].name }

    /// Steps to take before the stacks of phase `number` are deployed; the pipelines' own
    /// steps come before the first environment's stack.
    func before(phase number: Int) -> [ManualStep] {
        var out: [ManualStep] = []
        if number == 1, let s = existingPolicies() { out.append(s) }
        if let s = templateBuckets(phase: number) { out.append(s) }
        let environmentsPhase = config.environments.compactMap { phaseOf[$0.name.value] }.min()
        if environmentsPhase == number { out += config.declarations.compactMap { $0.stepBeforeEnvironments(self) } }
        return out
    }

    /// Steps once the stacks the pipelines need exist: the pushes that start them.
    func afterDeployment() -> [ManualStep] {
        [subscriptions(), connections(), stepFunctions(), sources()].compactMap { $0 }
    }

    /// Steps once every stack exists, those after the pipelines' first runs included.
    func afterPipelinesRun() -> [ManualStep] {
        config.declarations.compactMap { $0.stepAfterPush(self) }
    }

    /// Waiting, after the pushes, for the first run of each pipeline that creates what the
    /// `gated` stacks need; a stack may go as soon as its environment is deployed.
    func beforeGated(_ gated: [StackTemplate]) -> [ManualStep] {
        var out: [ManualStep] = []
        for kind in uniqued(gated.compactMap { $0.gate?.pipeline }) {
            let members = gated.filter { $0.gate?.pipeline == kind }
            let pipeline = names.pipeline(kind)
            var blocks: [ManualStep.Block] = [
                .text(
                    "The stacks of the next phase need \(uniqued(members.compactMap { $0.gate?.needs }).joined(separator: "; ")), "
                        + "which the first run of \(kind.rawValue) creates (the push above started it). Wait until that run has "
                        + "deployed each environment, approving where it waits; each stack may go as soon as its environment is "
                        + "deployed. The command shows the status of each stage of \(pipeline):"),
                .command(
                    "aws codepipeline get-pipeline-state --name \(pipeline) --query \"stageStates[].[stageName,latestExecution.status]\" "
                        + "--output text --region \(home) --profile \(toolingProfile)"),
            ]
            for stack in members {
                guard case .environment(let env) = stack.owner else { continue }
                blocks.append(.item("\(stack.name) (account \(stack.account), \(stack.region)): once \(env) is deployed"))
            }
            out.append(ManualStep(kind: .waitForPipeline, title: "Wait for the first run of \(kind.rawValue)", blocks: blocks))
        }
        return out
    }

    private func templateBuckets(phase number: Int) -> ManualStep? {
        let large = deployments.filter { phaseOf[$0.name] == number && $0.s3Bucket != nil }
        guard !large.isEmpty else { return nil }
        var commands: [String] = []
        for d in large {
            let command = "aws s3 mb s3://\(d.s3Bucket!) --region \(d.region) --profile \(d.profile)"
            if !commands.contains(command) { commands.append(command) }
        }
        let files = large.map(\.templateFile).joined(separator: ", ")
        return ManualStep(
            kind: .createTemplateBucket, title: "Create a bucket for templates over 51,200 bytes",
            blocks: [
                .text(
                    "CloudFormation takes a template larger than 51,200 bytes only from S3, so the deploy command uploads "
                        + "\(files) to a bucket in the stack's account and region first (--s3-bucket). The name is a "
                        + "suggestion: any bucket you can write to there will do (change it in the commands), and a bucket "
                        + "that exists already needs nothing.")
            ] + commands.map { .command($0) })
    }

    /// Every SNS topic the templates subscribe e-mail addresses to (approval topics, the
    /// notifications topic, any other), read from the templates so that none is missed: SNS
    /// delivers nothing to an `email` or `email-json` endpoint until its owner confirms.
    /// [subscribe](https://docs.aws.amazon.com/cli/latest/reference/sns/subscribe.html)
    /// [E-mail subscriptions](https://docs.aws.amazon.com/sns/latest/dg/sns-email-notifications.html)
    private func subscriptions() -> ManualStep? {
        let topics = Self.emailTopics(stacks)
        guard !topics.isEmpty else { return nil }
        var blocks: [ManualStep.Block] = [
            .text(
                "Once the stack of each topic exists, AWS sends every address a confirmation e-mail; SNS delivers "
                    + "nothing (approvals waiting, failed runs) to an address whose owner has not followed the link in it.")
        ]
        for topic in topics {
            var place = ""
            if topic.stack.account != config.tooling.account.value || topic.stack.region != home {
                place = ", account \(topic.stack.account), \(topic.stack.region)"
            }
            blocks.append(.item("\(topic.name) (\(purpose(of: topic))\(place)): " + topic.emails.joined(separator: ", ")))
        }
        return ManualStep(kind: .confirmSubscriptions, title: "Confirm the e-mail subscriptions", blocks: blocks)
    }

    /// What a topic is for, in a few words.
    private func purpose(of topic: EmailTopic) -> String {
        if let env = config.environments.first(where: { names.approvalTopic($0.name.value) == topic.name }) {
            return "approvals before \(env.name.value)"
        }
        if topic.name == names.notificationsTopic, let events = config.notifications?.events {
            return "pipeline runs: " + events.map(\.rawValue).joined(separator: ", ")
        }
        return topic.displayName ?? "stack \(topic.stack.stackName)"
    }

    /// A topic with e-mail subscriptions, in template and resource order.
    struct EmailTopic {
        var name: String
        var displayName: String?
        var stack: StackTemplate
        var emails: [String]
    }

    /// The text of a value written literally.
    static func literal(_ value: Value?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The topics of `stacks` with `email` or `email-json` subscriptions, inline or as
    /// `AWS::SNS::Subscription` resources naming the topic with `Ref`.
    static func emailTopics(_ stacks: [StackTemplate]) -> [EmailTopic] {
        let email: Set<String> = [SNS.SubscriptionProtocol.email.rawValue, SNS.SubscriptionProtocol.emailJSON.rawValue]
        var out: [EmailTopic] = []
        for stack in stacks {
            let separate = stack.template.resources(of: SNS.Subscription.self).filter { email.contains($0.model.protocol.rawValue) }
            for (id, topic) in stack.template.resources(of: SNS.Topic.self) {
                var emails = topic.subscription.filter { email.contains($0.protocol.rawValue) }.compactMap { Self.literal($0.endpoint) }
                emails += separate.filter { $0.model.topicArn == .ref(id) }.compactMap { Self.literal($0.model.endpoint) }
                guard !emails.isEmpty else { continue }
                out.append(
                    EmailTopic(
                        name: Self.literal(topic.topicName) ?? id, displayName: topic.displayName, stack: stack, emails: uniqued(emails)))
            }
        }
        return out
    }

    /// The sources of the pipelines the config has, with what each repository must hold.
    private var repositories: [(kind: PipelineKind, source: Source, contents: String)] {
        config.pipelines.all.map { pipeline in
            let d = pipeline.declaration
            let own = ownBuildspecs(pipeline)
            return (d.kind, d.source, d.repositoryContents(self) + (own.isEmpty ? "" : ", " + own.joined(separator: ", ")))
        }
    }

    /// The CodeConnections connections the tooling stack creates start out pending: someone
    /// must authorize AWS on the provider's side, once, in the console, before any pipeline
    /// can read from them (connections given by ARN are the user's own and left alone).
    private func connections() -> ManualStep? {
        let providers = uniqued(repositories.map(\.source).filter { !$0.isCodeCommit && $0.connection == nil }.map(\.provider.value))
        guard !providers.isEmpty else { return nil }
        let one = providers.count == 1
        var blocks: [ManualStep.Block] = [
            .text(
                "The tooling stack creates \(one ? "a connection" : "connections") to "
                    + "\(providers.map(\.displayName).joined(separator: ", ")) in the PENDING state, and the pipelines "
                    + "cannot read their sources until \(one ? "it is" : "they are") available. Activate \(one ? "it" : "each") "
                    + "once, as someone who can install the AWS Connector app for the repositories' owner: in the console of "
                    + "account \(config.tooling.account.value), region \(home), open Developer Tools > Settings > Connections, "
                    + "choose the connection and 'Update pending connection'. \(one ? "The command shows its" : "The commands show each") "
                    + "status (AVAILABLE once done).")
        ]
        for provider in providers {
            let name = names.connection(provider.rawValue)
            blocks.append(.item("\(name) (\(provider.displayName))"))
            blocks.append(
                .command(
                    "aws codestar-connections list-connections --provider-type-filter \(provider.connectionProviderType ?? provider.rawValue) "
                        + "--query \"Connections[?ConnectionName=='\(name)'].ConnectionStatus\" --output text "
                        + "--region \(home) --profile \(toolingProfile)"))
        }
        return ManualStep(kind: .activateConnections, title: one ? "Activate the source connection" : "Activate the source connections", blocks: blocks)
    }

    private func sources() -> ManualStep? {
        let repos = repositories
        guard !repos.isEmpty else { return nil }
        var text =
            "The pipelines start once when they are created and stop at Source while their repositories are empty; "
            + "each push to the branch starts its pipeline."
        if repos.contains(where: { $0.source.isCodeCommit }) {
            text +=
                " These commands push the current branch with git-remote-codecommit (pip install git-remote-codecommit), "
                + "which uses the profile; the clone URLs are also outputs of the tooling stack."
        }
        let hosted = repos.filter { !$0.source.isCodeCommit }
        if !hosted.isEmpty {
            text +=
                " Repositories on \(uniqued(hosted.map { $0.source.provider.value.displayName }).joined(separator: ", ")) "
                + "are pushed to as usual, once their connection is available."
            if hosted.contains(where: { !$0.source.filePaths.isEmpty }) {
                text += " A push that changes none of a pipeline's file paths does not start it."
            }
        }
        var blocks: [ManualStep.Block] = [.text(text)]
        for (kind, source, contents) in repos {
            let repo = source.repository.value, branch = source.branch.value
            if source.isCodeCommit {
                blocks.append(.item("\(repo) (\(kind.rawValue), branch \(branch)): \(contents)"))
                blocks.append(.command("git push codecommit::\(home)://\(toolingProfile)@\(repo) HEAD:\(branch)"))
            } else {
                let paths = source.filePaths.isEmpty ? "" : ", changes under \(source.filePaths.joined(separator: ", "))"
                blocks.append(
                    .item("\(repo) on \(source.provider.value.displayName) (\(kind.rawValue), branch \(branch)\(paths)): \(contents)"))
            }
        }
        return ManualStep(kind: .pushSource, title: "Push the source code", blocks: blocks)
    }

    /// The container name the CodeDeploy action replaces with the image, read from the tooling
    /// template so the step says what the pipeline really expects.
    func imagePlaceholder() -> String? {
        guard let tooling = stacks.first(where: { $0.owner == .tooling }) else { return nil }
        let pipelines = tooling.template.resources(of: CodePipeline.Pipeline.self)
        let placeholders = pipelines.flatMap { $0.model.stages.flatMap(\.actions) }.lazy.compactMap {
            $0.configuration(as: CodePipeline.Action.CodeDeployToECS.self)?.images.first?.containerName
        }
        return placeholders.first
    }
}

extension ManualSteps {
    /// The statements pipegen would have written into the policies of the keys and buckets the
    /// config brings, to add to theirs before anything runs: the checks assumed them.
    func existingPolicies() -> ManualStep? {
        guard !existing.isEmpty else { return nil }
        let partition = config.partition.name
        var blocks: [ManualStep.Block] = [
            .text(
                "pipegen creates no artifact key or bucket where the config brings one ('artifacts.existing'), nor their policies: "
                    + "add these statements to each one's policy (keeping the statements it has), before the first pipeline runs. "
                    + "The checks pipegen runs assume they are there. A key policy must also keep letting the tooling account's IAM "
                    + "policies grant the key: that is the first statement, as in KMS's default key policy. A bucket must be "
                    + "versioned and in its region; pipegen's lifecycle rules (artifacts expire after \(ArtifactRetention.expireDays(config, Pipegen.pipelines(config))) days) are yours to set.")
        ]
        for resource in existing {
            let r = Resolver(template: Template(description: ""), account: resource.account, region: resource.region)
            let id = (r.string(resource.identifier) ?? "").replacing("arn:aws:", with: "arn:\(partition):")
            switch resource.kind {
            case .key: blocks.append(.item("key \(id) (account \(resource.account), \(resource.region)): statements of its key policy"))
            case .bucket: blocks.append(.item("bucket \(id) (account \(resource.account), \(resource.region)): statements of its bucket policy"))
            }
            let statements = Value.list(
                resource.policy.statements.map {
                    $0.cfnValue.resolvingPseudoParameters(partition: partition, account: resource.account, region: resource.region)
                })
            var json = JSONWriter().write(statements.document)
            if json.hasSuffix("\n") { json.removeLast() }
            blocks.append(.code(json))
        }
        return ManualStep(kind: .addPolicyStatements, title: "Add pipegen's statements to the key and bucket policies you bring", blocks: blocks)
    }
}

extension Value {
    /// The value with the pseudo parameters of `Fn::Sub` texts filled in, as they are in one
    /// account and region: plain text for a person to paste into a policy.
    func resolvingPseudoParameters(partition: String, account: String, region: String) -> Value {
        switch self {
        case .sub(let text, nil):
            let suffix = partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
            let filled = text.replacing("${AWS::Partition}", with: partition).replacing("${AWS::AccountId}", with: account)
                .replacing("${AWS::Region}", with: region).replacing("${AWS::URLSuffix}", with: suffix)
            return filled.contains("${") ? .sub(filled) : .string(filled)
        case .list(let items): return .list(items.map { $0.resolvingPseudoParameters(partition: partition, account: account, region: region) })
        case .map(let fields):
            return .map(fields.map { Field($0.name, $0.value.resolvingPseudoParameters(partition: partition, account: account, region: region)) })
        default: return self
        }
    }
}
