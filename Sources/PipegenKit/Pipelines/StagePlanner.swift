import CloudFormation
import PipegenConfig

/// Builds the `PipelineSpec`s of a config: each pipeline declaration lays out its stages with
/// the parts they share (source actions, approvals, stage and action names, region order).
struct StagePlanner {
    let config: Config
    let model: AccessModel
    var names: Names { model.names }
    var home: String { config.tooling.region.value }

    func pipelines() -> [PipelineSpec] {
        config.pipelines.all.map { pipeline in
            let d = pipeline.declaration
            return PipelineSpec(
                kind: d.kind, name: names.pipeline(d.kind), stages: withSteps(pipeline, d.stages(self)), triggers: triggers(d.source))
        }
    }

    // MARK: Sources

    /// The action that reads `source`: CodeCommit, or a CodeConnections connection (an
    /// existing one by ARN, else the one the tooling template creates for the provider).
    func sourceAction(_ source: Source) -> ActionSpec {
        let kind: ActionSpec.Kind
        if source.isCodeCommit {
            kind = .codeCommitSource(repository: source.repository.value, branch: source.branch.value)
        } else {
            let connection: ConnectionRef = source.connection.map { .arn($0.value) } ?? .created(provider: source.provider.value)
            kind = .connectionSource(connection: connection, repository: source.repository.value, branch: source.branch.value)
        }
        return ActionSpec(name: "Source", kind: kind, runOrder: 1, inputs: [], outputs: [Artifact.source], role: nil, region: home)
    }

    /// The V2 trigger of a connection source (CodeCommit sources are started by EventBridge).
    private func triggers(_ source: Source) -> [TriggerSpec] {
        source.isCodeCommit ? [] : [TriggerSpec(sourceAction: "Source", branch: source.branch.value, filePaths: source.filePaths)]
    }

    /// An action in the tooling account's home region.
    func action(_ name: String, _ kind: ActionSpec.Kind, order: Int = 1, inputs: [String] = [], outputs: [String] = []) -> ActionSpec {
        ActionSpec(name: name, kind: kind, runOrder: order, inputs: inputs, outputs: outputs, role: nil, region: home)
    }

    // MARK: The route to live

    /// The approval before a stage, when its environments ask for one (a wave's members all
    /// ask alike; the first one's topic notifies). The comment is the config's, else one that
    /// names what is approved, short enough for CodePipeline (`Limits.actionConfigurationValue`).
    func approval(_ group: [Environment], what: String) -> ActionSpec? {
        let lead = group[0]
        guard let a = lead.approval else { return nil }
        let targets = group.map { "\($0.name.value) (account \($0.account.value))" }.joined(separator: ", ")
        var comment = a.comment ?? "Approve \(what) to \(targets)."
        if a.comment == nil, comment.count > Limits.actionConfigurationValue {
            comment = "Approve \(what.count > 400 ? "the deployment" : what) to the \(group.count) environments of wave '\(lead.wave?.value ?? lead.name.value)'."
        }
        var spec = action("Approve", .approval(topic: approvalTopic(lead), comment: comment, link: nil))
        spec.cause = a.commentMark
        return spec
    }

    /// An approval tells the environment's own `notify` list, else the project's
    /// notifications topic when there is one.
    func approvalTopic(_ env: Environment) -> ApprovalTopic? {
        if let a = env.approval, !a.notify.isEmpty { return .environment(env.name.value) }
        return config.notifications == nil ? nil : .shared
    }

    /// Action names in a stage: plain for one environment, prefixed with the environment's
    /// name inside a wave.
    func named(_ name: String, _ env: Environment, _ group: [Environment]) -> String {
        group.count > 1 ? "\(env.name.value)-\(name)" : name
    }

    /// The stage of an environment, or of a wave's environments.
    func stage(_ group: [Environment], _ actions: [ActionSpec]) -> StageSpec {
        let lead = group[0]
        return StageSpec(
            name: lead.wave?.value ?? lead.name.value, environment: group.count == 1 ? lead.name.value : nil, actions: actions,
            rollback: lead.rollback, environments: group.map(\.name.value))
    }

    /// The regions of `env` in deployment groups: all at once, or one after the other.
    func regionGroups(_ env: Environment) -> [[String]] {
        let regions = env.regions.map(\.value)
        return env.parallelRegions ? [regions] : regions.map { [$0] }
    }

    /// Action names of a multi-region environment end in the region.
    func suffix(_ env: Environment, _ region: String) -> String {
        env.regions.count > 1 ? "-\(region)" : ""
    }
}
