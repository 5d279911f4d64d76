import YAMLKit

/// A value from the config with the place it was written, so later checks can point at it.
public struct Located<T: Sendable & Hashable>: Sendable, Hashable {
    public var value: T
    public var mark: Mark?

    public init(_ value: T, at mark: Mark? = nil) {
        self.value = value
        self.mark = mark
    }
}

/// The validated config: everything the template builders need, defaults applied.
public struct Config: Sendable {
    /// Prefix of every derived name.
    public var project: Located<String>
    public var tooling: Tooling
    /// The route to live, in order.
    public var environments: [Environment]
    public var registry: Registry
    public var artifacts: Artifacts
    public var logRetentionDays: Int
    public var pipelines: Pipelines
    /// E-mail about pipeline runs; nil when the config has no `notifications`.
    public var notifications: Notifications? = nil

    public init(
        project: Located<String>, tooling: Tooling, environments: [Environment], registry: Registry = Registry(),
        artifacts: Artifacts = Artifacts(), logRetentionDays: Int = 30, pipelines: Pipelines = Pipelines()
    ) {
        self.project = project
        self.tooling = tooling
        self.environments = environments
        self.registry = registry
        self.artifacts = artifacts
        self.logRetentionDays = logRetentionDays
        self.pipelines = pipelines
    }

    /// The partition every account and region of this config is in.
    public var partition: Partition { Region.partition(of: tooling.region.value) }

    /// The route to live as stages: each wave's environments together, every other
    /// environment alone, in route order.
    public var stageGroups: [[Environment]] {
        var groups: [[Environment]] = []
        for env in environments {
            if let wave = env.wave?.value, let last = groups.last?.last, last.wave?.value == wave {
                groups[groups.count - 1].append(env)
            } else {
                groups.append([env])
            }
        }
        return groups
    }

    /// The environment called `name`.
    public func environment(_ name: String) -> Environment? {
        environments.first { $0.name.value == name }
    }
}

/// The build account: where the pipelines, builds, artifacts and images live.
public struct Tooling: Sendable {
    public var account: Located<String>
    /// The home region: pipelines, builds and the primary artifact key live here.
    public var region: Located<String>

    public init(account: Located<String>, region: Located<String>) {
        self.account = account
        self.region = region
    }
}

/// One stage of the route to live, deployed into its own account.
public struct Environment: Sendable {
    public var name: Located<String>
    public var account: Located<String>
    /// At least one; the first is the environment's home region (its IAM template's region).
    public var regions: [Located<String>]
    /// A manual approval before anything is deployed to this environment.
    public var approval: Approval?
    /// Where the container-deployment pipeline deploys (required when that pipeline is on).
    public var ecs: ECSTarget?
    /// Deploy the regions at once rather than one after the other.
    public var parallelRegions: Bool = false
    /// Deploy the infrastructure directly, or through change sets approved once.
    public var deployMode: DeployMode = .direct
    /// Integration tests after the infrastructure deployment.
    public var tests: IntegrationTests?
    /// Roll the stage back automatically on failure.
    public var rollback: Bool = false
    /// Environments next to each other with the same wave share one stage.
    public var wave: Located<String>?
    /// Where the environment was declared (its `- name:` line).
    public var mark: Mark?

    public init(
        name: Located<String>, account: Located<String>, regions: [Located<String>], approval: Approval? = nil,
        ecs: ECSTarget? = nil, mark: Mark? = nil
    ) {
        self.name = name
        self.account = account
        self.regions = regions
        self.approval = approval
        self.ecs = ecs
        self.mark = mark
    }

    public var homeRegion: String { regions[0].value }
}

/// How CloudFormation changes reach an environment.
public enum DeployMode: String, Sendable, Hashable {
    /// `CREATE_UPDATE` in one action.
    case direct
    /// `CHANGE_SET_REPLACE` in every region, one approval, then `CHANGE_SET_EXECUTE`.
    case changeSet = "change-set"
}

/// Integration tests run by CodeBuild against a deployed environment.
public struct IntegrationTests: Sendable, Hashable {
    public var command: String
    /// Environment variable name → output name of the deployed stack.
    public var variables: [(name: String, output: String)]

    public init(command: String, variables: [(name: String, output: String)] = []) {
        self.command = command
        self.variables = variables
    }

    public static func == (a: IntegrationTests, b: IntegrationTests) -> Bool {
        a.command == b.command && a.variables.map(\.name) == b.variables.map(\.name)
            && a.variables.map(\.output) == b.variables.map(\.output)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(command)
        for v in variables {
            hasher.combine(v.name)
            hasher.combine(v.output)
        }
    }
}

/// A manual approval gate.
public struct Approval: Sendable, Hashable {
    /// E-mail addresses told when an approval is waiting.
    public var notify: [String]
    /// Shown to the approver.
    public var comment: String?

    public init(notify: [String] = [], comment: String? = nil) {
        self.notify = notify
        self.comment = comment
    }
}

/// A value given literally, or as the name of a CloudFormation export in the target account
/// and region (`{import: name}`).
public enum ValueSource: Sendable, Hashable {
    case literal(String)
    case importValue(String)
}

/// The ECS service a blue/green deployment replaces, and the load balancer around it.
public struct ECSTarget: Sendable, Hashable {
    public var cluster: ValueSource
    public var service: ValueSource
    public var listener: ValueSource
    public var testListener: ValueSource?
    /// Exactly two target groups (blue and green), by name.
    public var targetGroups: [ValueSource]

    public init(
        cluster: ValueSource, service: ValueSource, listener: ValueSource, testListener: ValueSource? = nil,
        targetGroups: [ValueSource]
    ) {
        self.cluster = cluster
        self.service = service
        self.listener = listener
        self.testListener = testListener
        self.targetGroups = targetGroups
    }
}

/// The ECR repository the container pipelines push to and deploy from.
public struct Registry: Sendable {
    public var repository: Located<String>?
    /// Images kept by the lifecycle policy.
    public var keepImages: Int
    public var scanOnPush: Bool

    public init(repository: Located<String>? = nil, keepImages: Int = 30, scanOnPush: Bool = true) {
        self.repository = repository
        self.keepImages = keepImages
        self.scanOnPush = scanOnPush
    }
}

/// The artifact bucket's retention.
public struct Artifacts: Sendable {
    /// Days an overwritten or deleted artifact version is kept.
    public var noncurrentDays: Int

    public init(noncurrentDays: Int = 30) {
        self.noncurrentDays = noncurrentDays
    }
}

/// Where a pipeline's source comes from.
public struct Source: Sendable, Hashable {
    /// `codecommit`, or a CodeConnections provider (`github`, `github-enterprise`, `bitbucket`, `gitlab`).
    public var provider: Located<String>
    /// A CodeCommit repository name, or `owner/name` for a connection provider.
    public var repository: Located<String>
    public var branch: Located<String>
    /// An existing connection's ARN; nil to have the tooling template create one.
    public var connection: Located<String>?
    /// Path globs that must change for a push to start the pipeline (connection providers).
    public var filePaths: [String]
    /// Where `file-paths` was written.
    public var filePathsMark: Mark?
    /// Gitflow: pushes to this branch open a pull request into `branch`; nil when off.
    public var pullRequestFrom: Located<String>? = nil

    public init(
        provider: Located<String> = Located("codecommit"), repository: Located<String>, branch: Located<String>,
        connection: Located<String>? = nil, filePaths: [String] = []
    ) {
        self.provider = provider
        self.repository = repository
        self.branch = branch
        self.connection = connection
        self.filePaths = filePaths
    }

    /// True for a CodeCommit repository created by the tooling template.
    public var isCodeCommit: Bool { provider.value == "codecommit" }
}

/// The three pipelines; nil when the config leaves one out.
public struct Pipelines: Sendable {
    public var containerBuild: ContainerBuild?
    public var infrastructure: InfrastructureDeployment?
    public var containerDeployment: ContainerDeployment?

    public init(
        containerBuild: ContainerBuild? = nil, infrastructure: InfrastructureDeployment? = nil,
        containerDeployment: ContainerDeployment? = nil
    ) {
        self.containerBuild = containerBuild
        self.infrastructure = infrastructure
        self.containerDeployment = containerDeployment
    }

    /// True when a pipeline needs the ECR repository.
    public var needsRegistry: Bool { containerBuild != nil || containerDeployment != nil }
}

/// CodeBuild settings shared by the builds a pipeline runs.
public struct BuildSettings: Sendable, Hashable {
    public var image: String
    public var computeType: String
    public var timeoutMinutes: Int

    public init(image: String = "aws/codebuild/standard:7.0", computeType: String = "BUILD_GENERAL1_SMALL", timeoutMinutes: Int = 30) {
        self.image = image
        self.computeType = computeType
        self.timeoutMinutes = timeoutMinutes
    }
}

/// Source → image build → push to ECR.
public struct ContainerBuild: Sendable {
    public var source: Source
    public var dockerfile: String
    public var context: String
    /// A buildspec file in the repository instead of the generated inline one.
    public var buildspec: String?
    public var build: BuildSettings
    public var mark: Mark?

    public init(source: Source, dockerfile: String = "Dockerfile", context: String = ".", buildspec: String? = nil, build: BuildSettings = BuildSettings(), mark: Mark? = nil) {
        self.source = source
        self.dockerfile = dockerfile
        self.context = context
        self.buildspec = buildspec
        self.build = build
        self.mark = mark
    }
}

/// Source → package Lambdas → lint → per environment: [approval] → deploy → update Lambdas.
public struct InfrastructureDeployment: Sendable {
    public var source: Source
    /// The CloudFormation template's path in the repository.
    public var template: String
    /// The application stack's name; `{project}` and `{env}` are replaced.
    public var stackName: String
    /// Where `stack-name` was written, for messages about the names it gives.
    public var stackNameMark: Mark?
    /// Per-environment template configuration file; `{env}` is replaced.
    public var parameters: String
    public var capabilities: [String]
    /// Lambda packaging and code update; nil when off.
    public var lambda: LambdaSettings?
    /// Linters run over the template; empty means no lint stage.
    public var lint: [String]
    public var executionRole: ExecutionRole
    public var build: BuildSettings
    public var mark: Mark?

    public init(
        source: Source, template: String = "template.yaml", stackName: String = "{project}-{env}",
        parameters: String = "params/{env}.json",
        capabilities: [String] = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
        lambda: LambdaSettings? = LambdaSettings(), lint: [String] = ["cfn-lint", "cfn-nag"],
        executionRole: ExecutionRole = ExecutionRole(), build: BuildSettings = BuildSettings(), mark: Mark? = nil
    ) {
        self.source = source
        self.template = template
        self.stackName = stackName
        self.parameters = parameters
        self.capabilities = capabilities
        self.lambda = lambda
        self.lint = lint
        self.executionRole = executionRole
        self.build = build
        self.mark = mark
    }
}

/// Which folders become Lambda zips, and which functions they update.
public struct LambdaSettings: Sendable, Hashable {
    /// Each sub-folder is one function's code.
    public var folder: String
    /// The deployed function's name; `{project}`, `{env}` and `{function}` (the sub-folder) are replaced.
    public var functionName: String

    public init(folder: String = "lambda", functionName: String = "{project}-{function}") {
        self.folder = folder
        self.functionName = functionName
    }
}

/// What the CloudFormation execution role in each environment may do.
public struct ExecutionRole: Sendable, Hashable {
    /// Managed policy ARNs; nil means the documented default.
    public var managedPolicies: [String]?
    public var statements: [PolicyStatement]

    public init(managedPolicies: [String]? = nil, statements: [PolicyStatement] = []) {
        self.managedPolicies = managedPolicies
        self.statements = statements
    }
}

/// An IAM statement written in the config.
public struct PolicyStatement: Sendable, Hashable {
    public var effect: String
    public var actions: [String]
    public var resources: [String]

    public init(effect: String = "Allow", actions: [String], resources: [String]) {
        self.effect = effect
        self.actions = actions
        self.resources = resources
    }
}

/// Source (deployment files) + ECR image → per environment: [approval] → CodeDeploy ECS blue/green.
public struct ContainerDeployment: Sendable {
    public var source: Source
    /// `{env}` is replaced.
    public var appspec: String
    /// `{env}` is replaced.
    public var taskDefinition: String
    /// The ECR tag whose push starts the pipeline.
    public var imageTag: String
    /// Minutes the old (blue) tasks keep running after traffic moved.
    public var terminationWaitMinutes: Int
    /// Role-name patterns the task definitions may name (passed with iam:PassRole).
    public var taskRoles: [String]
    public var mark: Mark?

    public init(
        source: Source, appspec: String = "appspec.yaml", taskDefinition: String = "taskdef-{env}.json",
        imageTag: String = "latest", terminationWaitMinutes: Int = 5, taskRoles: [String] = ["{project}-*"],
        mark: Mark? = nil
    ) {
        self.source = source
        self.appspec = appspec
        self.taskDefinition = taskDefinition
        self.imageTag = imageTag
        self.terminationWaitMinutes = terminationWaitMinutes
        self.taskRoles = taskRoles
        self.mark = mark
    }
}
