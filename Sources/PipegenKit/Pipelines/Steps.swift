import CloudFormation
import PipegenConfig

/// The user's own steps (`steps` of a pipeline), placed into the stages a pipeline
/// declaration lays out, whatever its kind: after the source stage, after the build stages,
/// and before and after each environment's deployment in its stage.
extension StagePlanner {
    /// `stages` with the steps of `pipeline` in them.
    func withSteps(_ pipeline: Pipeline, _ stages: [StageSpec]) -> [StageSpec] {
        let steps = pipeline.settings.steps
        guard !steps.isEmpty else { return stages }
        var out = stages
        for i in out.indices where !out[i].environments.isEmpty {
            let group = out[i].environments.compactMap(config.environment)
            out[i] = withSteps(steps, in: out[i], group: group, pipeline)
        }
        // The build stages end where the first environment's begins.
        let firstEnvironment = out.firstIndex { !$0.environments.isEmpty } ?? out.count
        let afterBuild = steps.filter { $0.point == .afterBuild }
        if !afterBuild.isEmpty { out.insert(ownStage(Self.afterBuildStage, afterBuild, pipeline), at: firstEnvironment) }
        let afterSource = steps.filter { $0.point == .afterSource }
        if !afterSource.isEmpty { out.insert(ownStage(Self.afterSourceStage, afterSource, pipeline), at: min(1, out.count)) }
        return out
    }

    static let afterSourceStage = "AfterSource"
    static let afterBuildStage = "AfterBuild"

    /// A stage of steps run once for every environment, one after the other.
    private func ownStage(_ name: String, _ steps: [PipelineStep], _ pipeline: Pipeline) -> StageSpec {
        StageSpec(
            name: name, environment: nil,
            actions: steps.enumerated().map { i, step in action(step, env: nil, group: [], order: i + 1, pipeline) })
    }

    /// An environment's (or wave's) stage with its steps: before-deploy ones after the approvals
    /// and before the first deployment, the later actions moved down; after-deploy ones last.
    /// In a wave, each environment runs its own steps, in parallel with the others'.
    private func withSteps(_ steps: [PipelineStep], in stage: StageSpec, group: [Environment], _ pipeline: Pipeline) -> StageSpec {
        var actions = stage.actions
        let before = group.map { env in steps.filter { $0.point == .beforeDeploy && $0.runs(in: env.name.value) } }
        if let count = before.map(\.count).max(), count > 0 {
            let last = actions.map(\.runOrder).max() ?? 0
            let start = actions.filter(\.deploys).map(\.runOrder).min() ?? last + 1
            for i in actions.indices where actions[i].runOrder >= start { actions[i].runOrder += count }
            for (env, list) in zip(group, before) {
                actions += list.enumerated().map { j, step in action(step, env: env, group: group, order: start + j, pipeline) }
            }
        }
        let after = group.map { env in steps.filter { $0.point == .afterDeploy && $0.runs(in: env.name.value) } }
        if after.contains(where: { !$0.isEmpty }) {
            let start = (actions.map(\.runOrder).max() ?? 0) + 1
            for (env, list) in zip(group, after) {
                actions += list.enumerated().map { j, step in action(step, env: env, group: group, order: start + j, pipeline) }
            }
        }
        var out = stage
        // In run order, each order's actions as they were listed.
        out.actions = actions.enumerated().sorted { ($0.element.runOrder, $0.offset) < ($1.element.runOrder, $1.offset) }.map(\.element)
        return out
    }

    /// The action of `step`, in `env` at a per-environment point.
    private func action(_ step: PipelineStep, env: Environment?, group: [Environment], order: Int, _ pipeline: Pipeline) -> ActionSpec {
        let e = env?.name.value, account = env?.account.value
        let kind: ActionSpec.Kind
        var variant: String?
        var inputs = step.inputs.map { artifact($0.value, reader: step, env: env, pipeline) }
        switch step.action {
        case .build:
            var variables: [ActionSpec.Variable] = []
            if let env {
                variables = [
                    .init(name: "ENVIRONMENT", value: env.name.value), .init(name: "TARGET_ACCOUNT", value: env.account.value),
                    .init(name: "TARGET_REGIONS", value: env.regions.map(\.value).joined(separator: " ")),
                ]
            }
            kind = .build(.step(step.name.value), variables: variables)
            variant = env.flatMap { step.buildSettings(pipeline.settings.builds, project: config.builds)?.variant($0, region: $0.homeRegion) }
            if step.inputs.isEmpty { inputs = [Artifact.source] }
        case .approval(let comment, let url):
            let target = env.map { "environment \($0.name.value) (account \($0.account.value))" } ?? "pipeline \(names.pipeline(pipeline.kind))"
            kind = .approval(
                topic: env.map(approvalTopic) ?? (config.notifications == nil ? nil : .shared),
                comment: comment?.value ?? "Approve step '\(step.name.value)' of \(target).", link: url)
        case .lambda(let function, let parameters):
            kind = .lambdaInvoke(
                function: names.expand(function.value, env: e, account: account),
                userParameters: parameters.map { names.expand($0.value, env: e, account: account) })
        }
        var spec = self.action(
            env.map { named(step.name.value, $0, group) } ?? step.name.value, kind, order: order, inputs: inputs,
            outputs: step.output ? [Self.output(of: step, env: e)] : [])
        spec.buildVariant = variant
        spec.cause = step.mark
        if case .approval(let comment?, _) = step.action { spec.cause = comment.mark }
        if case .lambda(_, let parameters?) = step.action { spec.cause = parameters.mark }
        return spec
    }

    /// The artifact a step writes: named after it, and after the environment at a
    /// per-environment point.
    static func output(of step: PipelineStep, env: String?) -> String {
        env.map { "\(step.name.value)-\($0)" } ?? step.name.value
    }

    /// The artifact `name` that `reader` reads in `env`: an earlier per-environment step's
    /// output of the same environment, or the artifact of that name.
    private func artifact(_ name: String, reader: PipelineStep, env: Environment?, _ pipeline: Pipeline) -> String {
        guard let env, let writer = pipeline.settings.steps.first(where: { $0.name.value == name }), writer.point.perEnvironment else {
            return name
        }
        return Self.output(of: writer, env: env.name.value)
    }
}

extension ActionSpec {
    /// True for an action that changes an environment: a stack deploy (or change set
    /// execution), an ECS deployment.
    var deploys: Bool {
        switch kind {
        case .cloudFormation(let mode, _, _, _, _, _, _): return mode != .createChangeSet
        case .codeDeployToECS: return true
        default: return false
        }
    }
}

extension BuildKind {
    /// The build of the user's step `name`.
    static func step(_ name: String) -> BuildKind {
        BuildKind("step-\(name)", summary: "runs step \(name), a buildspec of the repository")
    }
}

extension ToolingBuilder {
    /// The builds of `pipeline`'s build steps: each reads its inputs (and writes its output)
    /// in the home region's artifact bucket.
    func stepBuilds(_ pipeline: Pipeline) -> [BuildDeclaration] {
        let home = topology.homeRegion, bucket = names.artifactBucket(region: home), key = keyArn(region: home)
        return pipeline.settings.steps.compactMap { step in
            guard let settings = step.buildSettings(pipeline.settings.builds, project: config.builds), let buildspec = settings.buildspec
            else { return nil }
            let statements: [IAM.Statement] =
                step.output
                ? Policies.readWriteArtifacts([bucket]) + [Policies.useKey([key], write: true)]
                : [Policies.readArtifacts([bucket]), Policies.useKey([key], write: false)]
            let places =
                step.point.perEnvironment
                ? config.environments.filter { step.runs(in: $0.name.value) }.map { BuildPlace(env: $0, region: $0.homeRegion) } : []
            return BuildDeclaration(
                kind: .step(step.name.value), settings: settings, statements: statements, variables: [],
                buildspec: names.expand(buildspec.value), variants: settings.variants(places, names))
        }
    }
}
