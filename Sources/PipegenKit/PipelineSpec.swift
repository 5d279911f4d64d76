import PipegenConfig
import YAMLKit

/// A pipeline as pipegen means it, before it becomes CloudFormation: stages of actions, each
/// action knowing which cross-account role it assumes. The tooling template lowers it; the
/// graph and the consistency checks read it.
public struct PipelineSpec: Sendable {
    public let kind: PipelineKind
    public let name: String
    public var stages: [StageSpec]
}

public struct StageSpec: Sendable {
    public var name: String
    /// The environment this stage deploys, nil for source and build stages.
    public var environment: String?
    public var actions: [ActionSpec]
}

public struct ActionSpec: Sendable {
    public enum Kind: Sendable, Hashable {
        case codeCommitSource(repository: String, branch: String)
        case ecrSource(repository: String, tag: String)
        case build(BuildKind, variables: [Variable])
        case approval(topic: String?, comment: String)
        case cloudFormationDeploy(stack: String, templatePath: String, configurationPath: String, capabilities: [String], executionRole: String)
        case codeDeployToECS(application: String, deploymentGroup: String, appspec: String, taskDefinition: String)
    }

    /// A CodeBuild environment variable set by the action.
    public struct Variable: Sendable, Hashable {
        public var name: String
        public var value: String
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
}

/// Artifact names, shared by producers and consumers.
enum Artifact {
    static let source = "Source"
    static let lambdaPackages = "LambdaPackages"
    static let imageDetail = "ImageDetail"
    static let image = "Image"
}

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

    private func sourceStage(_ source: Source) -> StageSpec {
        StageSpec(
            name: "Source", environment: nil,
            actions: [
                ActionSpec(
                    name: "Source", kind: .codeCommitSource(repository: source.repository.value, branch: source.branch.value),
                    runOrder: 1, inputs: [], outputs: [Artifact.source], role: nil, region: home)
            ])
    }

    private func containerBuild(_ p: ContainerBuild) -> PipelineSpec {
        PipelineSpec(
            kind: .containerBuild, name: names.pipeline(.containerBuild),
            stages: [
                sourceStage(p.source),
                StageSpec(
                    name: "Build", environment: nil,
                    actions: [
                        ActionSpec(
                            name: "BuildImage", kind: .build(.imageBuild, variables: []), runOrder: 1, inputs: [Artifact.source],
                            outputs: [Artifact.imageDetail], role: nil, region: home)
                    ]),
            ])
    }

    private func approval(_ env: Environment, what: String) -> ActionSpec? {
        guard let a = env.approval else { return nil }
        let comment = a.comment ?? "Approve \(what) to \(env.name.value) (account \(env.account.value))."
        return ActionSpec(
            name: "Approve", kind: .approval(topic: a.notify.isEmpty ? nil : env.name.value, comment: comment), runOrder: 1,
            inputs: [], outputs: [], role: nil, region: home)
    }

    private func infrastructure(_ p: InfrastructureDeployment) -> PipelineSpec {
        var stages = [sourceStage(p.source)]
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
        for env in config.environments {
            let e = env.name.value
            let stack = p.stackName.replacing("{project}", with: names.project).replacing("{env}", with: e)
            var actions: [ActionSpec] = []
            if let a = approval(env, what: "deploying stack \(stack)") { actions.append(a) }
            let deployOrder = actions.count + 1
            for region in env.regions.map(\.value) {
                let suffix = env.regions.count > 1 ? "-\(region)" : ""
                actions.append(
                    ActionSpec(
                        name: "Deploy" + suffix,
                        kind: .cloudFormationDeploy(
                            stack: stack, templatePath: "\(Artifact.source)::\(p.template)",
                            configurationPath: "\(Artifact.source)::" + p.parameters.replacing("{env}", with: e),
                            capabilities: p.capabilities,
                            executionRole: names.environmentRole(.cfnExecution, env: e)),
                        runOrder: deployOrder, inputs: [Artifact.source], outputs: [], role: model.role(.cfnDeploy, in: e),
                        region: region))
            }
            if let lambda = p.lambda {
                let function = lambda.functionName.replacing("{project}", with: names.project).replacing("{env}", with: e)
                for region in env.regions.map(\.value) {
                    let suffix = env.regions.count > 1 ? "-\(region)" : ""
                    let role = model.role(.lambdaUpdate, in: e)!
                    actions.append(
                        ActionSpec(
                            name: "UpdateLambdas" + suffix,
                            kind: .build(
                                .lambdaUpdate,
                                variables: [
                                    .init(name: "ENVIRONMENT", value: e),
                                    .init(name: "TARGET_ROLE_ARN", value: "arn:${AWS::Partition}:iam::\(role.account):role/\(role.name)"),
                                    .init(name: "TARGET_REGION", value: region),
                                    .init(name: "ARTIFACT_BUCKET", value: names.artifactBucket(region: region)),
                                    .init(name: "FUNCTION_NAME", value: function),
                                ]),
                            runOrder: deployOrder + 1, inputs: [Artifact.lambdaPackages], outputs: [], role: nil, region: home))
                }
            }
            stages.append(StageSpec(name: e, environment: e, actions: actions))
        }
        return PipelineSpec(kind: .infrastructure, name: names.pipeline(.infrastructure), stages: stages)
    }

    private func containerDeployment(_ p: ContainerDeployment) -> PipelineSpec {
        var stages = [
            StageSpec(
                name: "Source", environment: nil,
                actions: [
                    ActionSpec(
                        name: "Source",
                        kind: .codeCommitSource(repository: p.source.repository.value, branch: p.source.branch.value),
                        runOrder: 1, inputs: [], outputs: [Artifact.source], role: nil, region: home),
                    ActionSpec(
                        name: "Image", kind: .ecrSource(repository: names.registryName, tag: p.imageTag), runOrder: 1, inputs: [],
                        outputs: [Artifact.image], role: nil, region: home),
                ])
        ]
        for env in config.environments {
            let e = env.name.value
            var actions: [ActionSpec] = []
            if let a = approval(env, what: "the new image") { actions.append(a) }
            let order = actions.count + 1
            for region in env.regions.map(\.value) {
                let suffix = env.regions.count > 1 ? "-\(region)" : ""
                actions.append(
                    ActionSpec(
                        name: "Deploy" + suffix,
                        kind: .codeDeployToECS(
                            application: names.codeDeployApplication(e), deploymentGroup: names.deploymentGroup(e),
                            appspec: p.appspec.replacing("{env}", with: e), taskDefinition: p.taskDefinition.replacing("{env}", with: e)),
                        runOrder: order, inputs: [Artifact.source, Artifact.image], outputs: [], role: model.role(.ecsDeploy, in: e),
                        region: region))
            }
            stages.append(StageSpec(name: e, environment: e, actions: actions))
        }
        return PipelineSpec(kind: .containerDeployment, name: names.pipeline(.containerDeployment), stages: stages)
    }
}
