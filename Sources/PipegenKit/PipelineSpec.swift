import CloudFormation
import PipegenConfig
import YAMLKit

/// A pipeline as pipegen means it, before it becomes CloudFormation: stages of actions, each
/// action knowing which cross-account role it assumes. The tooling template lowers it; the
/// graph and the consistency checks read it.
public struct PipelineSpec: Sendable {
    public let kind: PipelineKind
    public let name: String
    public var stages: [StageSpec]
    /// V2 triggers of connection sources (CodeCommit sources are started by EventBridge rules).
    public var triggers: [TriggerSpec] = []
}

public struct StageSpec: Sendable {
    public var name: String
    /// The environment this stage deploys, nil for source and build stages and for waves.
    public var environment: String?
    public var actions: [ActionSpec]
    /// Roll the stage back automatically when it fails.
    public var rollback = false
    /// The environments this stage deploys: one, the members of a wave, or none.
    public var environments: [String] = []
}

/// A push trigger of a connection source: branch and optional path filters.
public struct TriggerSpec: Sendable, Hashable {
    public var sourceAction: String
    public var branch: String
    public var filePaths: [String]
}

/// A CodeConnections connection: an existing one by ARN, or the one the tooling template
/// creates for a provider.
public enum ConnectionRef: Sendable, Hashable {
    case arn(String)
    case created(provider: String)
}

public struct ActionSpec: Sendable {
    public enum CloudFormationMode: String, Sendable, Hashable {
        case deploy = "CREATE_UPDATE"
        case createChangeSet = "CHANGE_SET_REPLACE"
        case executeChangeSet = "CHANGE_SET_EXECUTE"
    }

    public enum Kind: Sendable, Hashable {
        case codeCommitSource(repository: String, branch: String)
        case connectionSource(connection: ConnectionRef, repository: String, branch: String)
        case ecrSource(repository: String, tag: String)
        case build(BuildKind, variables: [Variable])
        case approval(topic: ApprovalTopic?, comment: String, link: String?)
        case cloudFormation(
            CloudFormationMode, stack: String, templatePath: String, configurationPath: String, capabilities: [String],
            executionRole: String)
        case codeDeployToECS(application: String, deploymentGroup: String, appspec: String, taskDefinition: String, image: String)
    }

    /// A CodeBuild environment variable set by the action.
    public struct Variable: Sendable, Hashable {
        public var name: String
        public var value: String
        /// True when `value` is `Fn::Sub` text pipegen wrote (`${AWS::Partition}`); every
        /// other value is literal, whatever it holds (a test command's `${API_URL}`).
        public var substitution = false
    }

    public var name: String
    public var kind: Kind
    public var runOrder: Int
    public var inputs: [String]
    public var outputs: [String]
    /// The cross-account role the action runs as, nil for actions in the tooling account.
    public var role: CrossAccountRole?
    /// The region the action runs in.
    public var region: String
    /// The namespace of the action's output variables (a deploy's stack outputs).
    public var namespace: String? = nil
}

/// Where an approval announces that it waits: the environment's own topic (its `notify`
/// list), or the project's notifications topic.
public enum ApprovalTopic: Sendable, Hashable {
    case environment(String)
    case shared
}

/// Artifact names, shared by producers and consumers.
enum Artifact {
    static let source = "Source"
    static let lambdaPackages = "LambdaPackages"
    static let imageDetail = "ImageDetail"
    static let image = "Image"
    /// The image details pointing at the registry replica of `region`.
    static func image(in region: String) -> String { "Image-\(region)" }
}

/// The change set pipegen creates and executes in each stack.
let changeSetName = "pipegen"

/// Builds the `PipelineSpec`s of a config.
struct PipelinePlanner {
    let config: Config
    let model: AccessModel
    var names: Names { model.names }
    var home: String { config.tooling.region.value }

    func pipelines() -> [PipelineSpec] {
        var out: [PipelineSpec] = []
        if let p = config.pipelines.containerBuild { out.append(containerBuild(p)) }
        if let p = config.pipelines.infrastructure { out.append(infrastructure(p)) }
        if let p = config.pipelines.containerDeployment { out.append(containerDeployment(p)) }
        return out
    }

    // MARK: Sources

    private func sourceAction(_ source: Source) -> ActionSpec {
        let kind: ActionSpec.Kind
        if source.isCodeCommit {
            kind = .codeCommitSource(repository: source.repository.value, branch: source.branch.value)
        } else {
            let connection: ConnectionRef = source.connection.map { .arn($0.value) } ?? .created(provider: source.provider.value)
            kind = .connectionSource(connection: connection, repository: source.repository.value, branch: source.branch.value)
        }
        return ActionSpec(name: "Source", kind: kind, runOrder: 1, inputs: [], outputs: [Artifact.source], role: nil, region: home)
    }

    private func triggers(_ source: Source) -> [TriggerSpec] {
        source.isCodeCommit ? [] : [TriggerSpec(sourceAction: "Source", branch: source.branch.value, filePaths: source.filePaths)]
    }

    // MARK: Pipelines

    private func containerBuild(_ p: ContainerBuild) -> PipelineSpec {
        PipelineSpec(
            kind: .containerBuild, name: names.pipeline(.containerBuild),
            stages: [
                StageSpec(name: "Source", environment: nil, actions: [sourceAction(p.source)]),
                StageSpec(
                    name: "Build", environment: nil,
                    actions: [
                        ActionSpec(
                            name: "BuildImage", kind: .build(.imageBuild, variables: []), runOrder: 1, inputs: [Artifact.source],
                            outputs: [Artifact.imageDetail], role: nil, region: home)
                    ]),
            ], triggers: triggers(p.source))
    }

    /// The approval before a stage, when its environments ask for one (a wave's members all
    /// ask alike; the first one's topic notifies).
    private func approval(_ group: [Environment], what: String) -> ActionSpec? {
        let lead = group[0]
        guard let a = lead.approval else { return nil }
        let targets = group.map { "\($0.name.value) (account \($0.account.value))" }.joined(separator: ", ")
        let comment = a.comment ?? "Approve \(what) to \(targets)."
        return ActionSpec(
            name: "Approve", kind: .approval(topic: approvalTopic(lead), comment: comment, link: nil),
            runOrder: 1, inputs: [], outputs: [], role: nil, region: home)
    }

    /// An approval tells the environment's own `notify` list, else the project's
    /// notifications topic when there is one.
    private func approvalTopic(_ env: Environment) -> ApprovalTopic? {
        if let a = env.approval, !a.notify.isEmpty { return .environment(env.name.value) }
        return config.notifications == nil ? nil : .shared
    }

    /// Action names in a stage: plain for one environment, prefixed with the environment's
    /// name inside a wave.
    private func named(_ name: String, _ env: Environment, _ group: [Environment]) -> String {
        group.count > 1 ? "\(env.name.value)-\(name)" : name
    }

    private func stage(_ group: [Environment], _ actions: [ActionSpec]) -> StageSpec {
        let lead = group[0]
        return StageSpec(
            name: lead.wave?.value ?? lead.name.value, environment: group.count == 1 ? lead.name.value : nil, actions: actions,
            rollback: lead.rollback, environments: group.map(\.name.value))
    }

    /// The regions of `env` in deployment groups: all at once, or one after the other.
    private func regionGroups(_ env: Environment) -> [[String]] {
        let regions = env.regions.map(\.value)
        return env.parallelRegions ? [regions] : regions.map { [$0] }
    }

    private func suffix(_ env: Environment, _ region: String) -> String {
        env.regions.count > 1 ? "-\(region)" : ""
    }

    /// The namespace of the environment's home-region deploy: `DeployDev`.
    static func namespace(_ env: Environment) -> String { "Deploy" + Template.logicalId(env.name.value) }

    private func infrastructure(_ p: InfrastructureDeployment) -> PipelineSpec {
        var stages = [StageSpec(name: "Source", environment: nil, actions: [sourceAction(p.source)])]
        if p.lambda != nil {
            stages.append(
                StageSpec(
                    name: "Package", environment: nil,
                    actions: [
                        ActionSpec(
                            name: "PackageLambdas", kind: .build(.lambdaPackage, variables: []), runOrder: 1,
                            inputs: [Artifact.source], outputs: [Artifact.lambdaPackages], role: nil, region: home)
                    ]))
        }
        if !p.lint.isEmpty {
            stages.append(
                StageSpec(
                    name: "Lint", environment: nil,
                    actions: [
                        ActionSpec(
                            name: "LintTemplate", kind: .build(.templateLint, variables: []), runOrder: 1, inputs: [Artifact.source],
                            outputs: [], role: nil, region: home)
                    ]))
        }
        for group in config.stageGroups {
            stages.append(infrastructureStage(p, group))
        }
        return PipelineSpec(kind: .infrastructure, name: names.pipeline(.infrastructure), stages: stages, triggers: triggers(p.source))
    }

    private func stack(_ p: InfrastructureDeployment, _ env: Environment) -> String {
        p.stackName.replacing("{project}", with: names.project).replacing("{env}", with: env.name.value)
    }

    private func infrastructureStage(_ p: InfrastructureDeployment, _ group: [Environment]) -> StageSpec {
        let lead = group[0]
        var actions: [ActionSpec] = []
        // With change sets, the environment's approval is the review of its change sets.
        let stacks = (group.count == 1 ? "stack " : "stacks ") + group.map { stack(p, $0) }.joined(separator: ", ")
        if lead.deployMode == .direct, let a = approval(group, what: "deploying \(stacks)") { actions.append(a) }
        var order = actions.count + 1
        if lead.deployMode == .changeSet {
            // All change sets first, one approval, then execute them all.
            for env in group {
                for region in env.regions.map(\.value) {
                    actions.append(cloudFormation(p, .createChangeSet, "CreateChangeSet", env, group, region, order: order))
                }
            }
            order += 1
            let targets = group.map { "stack \(stack(p, $0)) in account \($0.account.value) (\($0.regions.map(\.value).joined(separator: ", ")))" }
            let review = "Review change set '\(changeSetName)' of \(targets.joined(separator: "; ")) before it is executed."
            actions.append(
                ActionSpec(
                    name: "ApproveChangeSet",
                    kind: .approval(
                        topic: approvalTopic(lead),
                        comment: lead.approval?.comment.map { "\($0) \(review)" } ?? review,
                        link: changeSetLink(stack: stack(p, lead), region: lead.homeRegion)),
                    runOrder: order, inputs: [], outputs: [], role: nil, region: home))
            order += 1
        }
        for env in group {
            actions += deployment(p, env, group, from: order)
        }
        return stage(group, actions)
    }

    private func cloudFormation(
        _ p: InfrastructureDeployment, _ mode: ActionSpec.CloudFormationMode, _ name: String, _ env: Environment,
        _ group: [Environment], _ region: String, order: Int
    ) -> ActionSpec {
        let e = env.name.value
        return ActionSpec(
            name: named(name + suffix(env, region), env, group),
            kind: .cloudFormation(
                mode, stack: stack(p, env), templatePath: "\(Artifact.source)::\(p.template)",
                configurationPath: "\(Artifact.source)::" + p.parameters.replacing("{env}", with: e), capabilities: p.capabilities,
                executionRole: names.environmentRole(.cfnExecution, env: e)),
            runOrder: order, inputs: mode == .executeChangeSet ? [] : [Artifact.source], outputs: [],
            role: model.role(.cfnDeploy, in: e), region: region,
            namespace: env.tests != nil && mode != .createChangeSet && region == env.homeRegion ? Self.namespace(env) : nil)
    }

    /// One environment's deploys (or change set executions) region group by region group,
    /// each followed by its Lambda updates, then its integration tests.
    private func deployment(_ p: InfrastructureDeployment, _ env: Environment, _ group: [Environment], from start: Int) -> [ActionSpec] {
        var actions: [ActionSpec] = []
        var order = start
        for regions in regionGroups(env) {
            for region in regions {
                actions.append(
                    env.deployMode == .changeSet
                        ? cloudFormation(p, .executeChangeSet, "ExecuteChangeSet", env, group, region, order: order)
                        : cloudFormation(p, .deploy, "Deploy", env, group, region, order: order))
            }
            order += 1
            if let lambda = p.lambda {
                for region in regions {
                    var update = lambdaUpdate(lambda, env, region, order: order)
                    update.name = named(update.name, env, group)
                    actions.append(update)
                }
                order += 1
            }
        }
        if let tests = env.tests {
            var variables = [ActionSpec.Variable(name: "ENVIRONMENT", value: env.name.value), .init(name: "TEST_COMMAND", value: tests.command)]
            variables += tests.variables.map { .init(name: $0.name, value: "#{\(Self.namespace(env)).\($0.output)}") }
            actions.append(
                ActionSpec(
                    name: named("IntegrationTests", env, group), kind: .build(.integrationTests, variables: variables), runOrder: order,
                    inputs: [Artifact.source], outputs: [], role: nil, region: home))
        }
        return actions
    }

    private func lambdaUpdate(_ lambda: LambdaSettings, _ env: Environment, _ region: String, order: Int) -> ActionSpec {
        let e = env.name.value
        let function = lambda.functionName.replacing("{project}", with: names.project).replacing("{env}", with: e)
        let role = model.role(.lambdaUpdate, in: e)!
        return ActionSpec(
            name: "UpdateLambdas" + suffix(env, region),
            kind: .build(
                .lambdaUpdate,
                variables: [
                    .init(name: "ENVIRONMENT", value: e),
                    .init(name: "TARGET_ROLE_ARN", value: "arn:${AWS::Partition}:iam::\(role.account):role/\(role.name)", substitution: true),
                    .init(name: "TARGET_REGION", value: region),
                    .init(name: "ARTIFACT_BUCKET", value: names.artifactBucket(region: region)),
                    .init(name: "FUNCTION_NAME", value: function),
                ]),
            runOrder: order, inputs: [Artifact.lambdaPackages], outputs: [], role: nil, region: home)
    }

    /// The CloudFormation console's change sets of `stack`, in the right partition's console.
    private func changeSetLink(stack: String, region: String) -> String {
        "https://\(region).\(config.partition.consoleHost)/cloudformation/home?region=\(region)#/stacks?filteringText=\(stack)"
    }

    /// Regions other than the tooling home region that container-deployment deploys to; each
    /// needs the image details of its registry replica.
    var replicaRegions: [String] { Topology(config).furtherRegions }

    private func containerDeployment(_ p: ContainerDeployment) -> PipelineSpec {
        var stages = [
            StageSpec(
                name: "Source", environment: nil,
                actions: [
                    sourceAction(p.source),
                    ActionSpec(
                        name: "Image", kind: .ecrSource(repository: names.registryName, tag: p.imageTag), runOrder: 1, inputs: [],
                        outputs: [Artifact.image], role: nil, region: home),
                ])
        ]
        if !replicaRegions.isEmpty {
            stages.append(
                StageSpec(
                    name: "Replicate", environment: nil,
                    actions: replicaRegions.map { region in
                        ActionSpec(
                            name: "LocateImage-\(region)",
                            kind: .build(.imageLocate, variables: [.init(name: "TARGET_REGION", value: region)]), runOrder: 1,
                            inputs: [Artifact.image], outputs: [Artifact.image(in: region)], role: nil, region: home)
                    }))
        }
        for group in config.stageGroups {
            var actions: [ActionSpec] = []
            if let a = approval(group, what: "the new image") { actions.append(a) }
            let start = actions.count + 1
            for env in group {
                let e = env.name.value
                var order = start
                for regions in regionGroups(env) {
                    for region in regions {
                        let image = region == home ? Artifact.image : Artifact.image(in: region)
                        actions.append(
                            ActionSpec(
                                name: named("Deploy" + suffix(env, region), env, group),
                                kind: .codeDeployToECS(
                                    application: names.codeDeployApplication(e), deploymentGroup: names.deploymentGroup(e),
                                    appspec: p.appspec.replacing("{env}", with: e),
                                    taskDefinition: p.taskDefinition.replacing("{env}", with: e), image: image),
                                runOrder: order, inputs: [Artifact.source, image], outputs: [],
                                role: model.role(.ecsDeploy, in: e), region: region))
                    }
                    order += 1
                }
            }
            stages.append(stage(group, actions))
        }
        return PipelineSpec(
            kind: .containerDeployment, name: names.pipeline(.containerDeployment), stages: stages, triggers: triggers(p.source))
    }
}
