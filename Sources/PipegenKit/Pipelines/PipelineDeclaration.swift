import CloudFormation
import PipegenConfig
import YAMLKit

/// Everything pipegen builds for one kind of pipeline, declared in one file: its builds,
/// stages and triggers in the tooling account, the roles and resources it needs in each
/// environment account, the names it derives, its steps by hand and its graph nodes. The
/// builders, checks, plan and graph are generic and read these declarations; `declaration`
/// below is the one switch over the kinds.
protocol PipelineDeclaration: Sendable {
    var kind: PipelineKind { get }
    var source: Source { get }
    /// Where the pipeline's key was written.
    var mark: Mark? { get }

    // MARK: Where it acts

    /// True when it deploys into the environment accounts: every region of the route gets an
    /// artifact bucket and key.
    var deploysToEnvironments: Bool { get }
    /// True when the environment accounts pull its images: the repository grants them pulls
    /// and is replicated to every further region.
    var deploysImages: Bool { get }
    /// The tags the image it builds is always pushed with (a later pipeline may start on them).
    var imageTagsPushed: [String] { get }

    // MARK: Tooling account

    /// The CodeBuild projects it runs, in order.
    func builds(_ tooling: ToolingBuilder) -> [BuildDeclaration]
    /// Its stages, in order.
    func stages(_ planner: StagePlanner) -> [StageSpec]
    /// EventBridge rules that start it besides a push to its CodeCommit source.
    func addTriggers(_ tooling: ToolingBuilder, to t: inout Template)

    // MARK: Environment accounts

    /// Every kind of role it creates in an environment account, in a fixed order.
    var roleKinds: [EnvironmentRoleKind] { get }
    /// The roles of `roleKinds` that AWS services use (created by `addEnvironmentResources`
    /// or in `environmentStacks`).
    var serviceRoleKinds: [EnvironmentRoleKind] { get }
    /// The roles of `roleKinds` a tooling principal assumes in `env`, in order.
    func assumedRoles(in env: Environment, names: Names) -> [AssumedRole]
    /// The service roles of `serviceRoleKinds` that read the tooling account's artifacts in
    /// `env` (a service uses them with the artifacts' account out of its reach).
    func serviceRoleReads(in env: Environment) -> [(kind: EnvironmentRoleKind, reads: ArtifactScope)]
    /// The permissions of one of its assumed roles.
    func permissions(of role: CrossAccountRole, _ environment: EnvironmentBuilder) -> [IAM.Statement]
    /// The AWS managed policies (ARNs, `${AWS::Partition}` allowed) one of its assumed roles
    /// carries besides its own statements.
    func managedPolicies(of role: CrossAccountRole) -> [String]
    /// Its resources in the environment's template of `region` (the home region's template
    /// also holds the assumed roles).
    func addEnvironmentResources(_ environment: EnvironmentBuilder, region: String, to t: inout Template)
    /// Templates of its own in the environment's account, apart from the environment's
    /// (resources that need something only a pipeline run creates).
    func environmentStacks(_ environment: EnvironmentBuilder) -> [OwnStack]

    // MARK: Checks, plan and graph

    /// Names it derives in the tooling account that AWS limits.
    func toolingNames(_ names: Names) -> [DerivedName]
    /// Names it derives for `env` that AWS limits.
    func environmentNames(_ env: Environment, _ names: Names) -> [DerivedName]
    /// Problems of its settings that only the derived names show (of one environment, or of
    /// several environments of the route together).
    func nameProblems(_ config: Config, _ names: Names) -> [Diagnostic]
    /// What its repository must hold, for the plan's push step.
    func repositoryContents(_ steps: ManualSteps) -> String
    /// A step by hand before the environments' stacks are deployed.
    func stepBeforeEnvironments(_ steps: ManualSteps) -> ManualStep?
    /// A step by hand once the stacks exist and the sources are pushed.
    func stepAfterPush(_ steps: ManualSteps) -> ManualStep?
    /// What one of its assumed roles acts on, for the graph.
    func graphTarget(of role: CrossAccountRole, _ names: Names) -> [String]
    /// The calls one of its builds makes at run time beyond what every build does (CodeBuild
    /// assumes its role, it writes its logs, reads its inputs and writes its outputs), read
    /// from the build's project and action in the templates; the runtime access check
    /// evaluates them (`<Kind>Pipeline+Runtime.swift`, docs/RUNTIME.md).
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall]
    /// The calls one of its actions makes at run time beyond those of the action's kind (a
    /// stack whose code lives in the artifact bucket, task definitions naming roles), read
    /// from the action in the templates and the files pipegen writes for the repository.
    func runtimeCalls(of action: ActionRun, _ scene: RuntimeScene) -> [RuntimeCall]
    /// Facts of a valid config a reviewer should know (what the pipeline may do beyond the
    /// obvious), one sentence each, for `pipegen validate`.
    func reviewNotes(_ config: Config, _ names: Names) -> [String]
}

extension PipelineDeclaration {
    var deploysImages: Bool { false }
    var imageTagsPushed: [String] { [] }
    var roleKinds: [EnvironmentRoleKind] { [] }
    var serviceRoleKinds: [EnvironmentRoleKind] { [] }
    func addTriggers(_ tooling: ToolingBuilder, to t: inout Template) {}
    func assumedRoles(in env: Environment, names: Names) -> [AssumedRole] { [] }
    func serviceRoleReads(in env: Environment) -> [(kind: EnvironmentRoleKind, reads: ArtifactScope)] { [] }
    func permissions(of role: CrossAccountRole, _ environment: EnvironmentBuilder) -> [IAM.Statement] { [] }
    func managedPolicies(of role: CrossAccountRole) -> [String] { [] }
    func addEnvironmentResources(_ environment: EnvironmentBuilder, region: String, to t: inout Template) {}
    func environmentStacks(_ environment: EnvironmentBuilder) -> [OwnStack] { [] }
    func toolingNames(_ names: Names) -> [DerivedName] { [] }
    func environmentNames(_ env: Environment, _ names: Names) -> [DerivedName] { [] }
    func nameProblems(_ config: Config, _ names: Names) -> [Diagnostic] { [] }
    func stepBeforeEnvironments(_ steps: ManualSteps) -> ManualStep? { nil }
    func stepAfterPush(_ steps: ManualSteps) -> ManualStep? { nil }
    func graphTarget(of role: CrossAccountRole, _ names: Names) -> [String] { [role.name] }
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] { [] }
    func runtimeCalls(of action: ActionRun, _ scene: RuntimeScene) -> [RuntimeCall] { [] }
    func reviewNotes(_ config: Config, _ names: Names) -> [String] { [] }
}

extension Pipeline {
    /// The kit's declaration of this pipeline: the one switch over the kinds in the kit.
    var declaration: any PipelineDeclaration {
        switch self {
        case .containerBuild(let settings): return ContainerBuildPipeline(settings: settings)
        case .infrastructure(let settings): return InfrastructurePipeline(settings: settings)
        case .containerDeployment(let settings): return ContainerDeploymentPipeline(settings: settings)
        }
    }
}

extension Config {
    /// The declarations of the config's pipelines, in `PipelineKind` order.
    var declarations: [any PipelineDeclaration] { pipelines.all.map(\.declaration) }
}

/// A role a pipeline needs in an environment account, before it is named: `AccessModel`
/// turns it into a `CrossAccountRole`.
struct AssumedRole: Sendable {
    let kind: EnvironmentRoleKind
    /// The tooling-account role that assumes it.
    let assumedBy: String
    /// What it reads of the artifact buckets; nil for nothing.
    let reads: ArtifactScope?
}

/// A template a pipeline keeps in an environment account apart from the environment's:
/// `<env>-<part>` in the home region, `<env>-<part>-<region>` elsewhere.
struct OwnStack: Sendable {
    let part: String
    let region: String
    let template: Template
    let gate: StackGate?
}

/// A name pipegen derives and the AWS limit it must keep.
struct DerivedName: Sendable {
    let name: String
    let rule: NameChecks.Rule
    /// The config value that makes the name; nil for the environment's or project's name.
    var source: Located<String>? = nil
}

/// A CodeBuild project of the tooling account, as its pipeline declares it.
struct BuildDeclaration: Sendable {
    let kind: BuildKind
    let settings: BuildSettings
    /// What the build may do beyond writing its own logs.
    let statements: [IAM.Statement]
    let variables: [(name: String, value: Value)]
    let buildspec: String
    /// Docker builds need the privileged mode.
    var privileged = false
}
