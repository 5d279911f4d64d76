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
    /// Where `environments` was written (its key): what limits filled by every environment point at.
    public var environmentsMark: Mark? = nil
    /// The CodeBuild settings of every build, under each pipeline's own.
    public var builds = BuildOverrides()
    /// Tags on every resource that takes tags, and on every stack.
    public var tags: [TagSetting] = []
    /// The boundary of every role pipegen creates; nil for none.
    public var permissionsBoundary: PermissionsBoundary? = nil
    /// Statements added to roles pipegen generates, by role.
    public var roleStatements: [RoleStatements] = []
    /// Who may approve which environments; nil for no approvers policy.
    public var approvers: Approvers? = nil
    /// The artifact key's administrators, what deleted stacks keep, exports.
    public var operations = Operations()
    /// Where the templates go and in which format, when the config says.
    public var output = OutputSettings()
    /// Changes to the generated templates beyond the settings, applied before the checks.
    public var overrides: [Override] = []

    public init(
        project: Located<String>, tooling: Tooling, environments: [Environment], registry: Registry = Registry(),
        artifacts: Artifacts = Artifacts(), logRetentionDays: Int = ConfigSchema.logRetentionDays.defaultValue,
        pipelines: Pipelines = Pipelines()
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
    public var parallelRegions: Bool = Keys.parallelRegions.defaultValue
    /// Deploy the infrastructure directly, or through change sets approved once.
    public var deployMode: DeployMode = Keys.deploy.defaultValue
    /// Integration tests after the infrastructure deployment.
    public var tests: IntegrationTests?
    /// Roll the stage back automatically on failure.
    public var rollback: Bool = Keys.rollback.defaultValue
    /// Environments next to each other with the same wave share one stage.
    public var wave: Located<String>?
    /// Tags of this environment's stacks, over the project's of the same key.
    public var tags: [TagSetting] = []
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
public enum DeployMode: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// `CREATE_UPDATE` in one action.
    case direct
    /// `CHANGE_SET_REPLACE` in every region, one approval, then `CHANGE_SET_EXECUTE`.
    case changeSet = "change-set"
}

/// Integration tests run by CodeBuild against a deployed environment, after the deployment
/// of one of its pipelines (`Config.testsPipeline(of:)`).
public struct IntegrationTests: Sendable, Hashable {
    public var command: String
    /// Environment variable name → output name of the deployed stack.
    public var variables: [(name: String, output: String)]
    /// The pipeline whose deployment the tests follow, as written; nil for the default.
    public var after: Located<PipelineKind>?
    /// The tests run with the credentials of a read-only role of the environment's account.
    public var readOnlyRole: Bool
    /// Files (globs, in the checkout) of test results, published as a CodeBuild test report.
    public var reports: [String]
    /// The pipeline that runs them, as `Config.testsPipeline(of:)` resolved it when the
    /// config was read; nil when none does.
    public internal(set) var pipeline: PipelineKind?
    /// Where the tests, and their variables, are written.
    public var mark: Mark?
    public var variablesMark: Mark?

    public init(
        command: String, variables: [(name: String, output: String)] = [], after: Located<PipelineKind>? = nil,
        readOnlyRole: Bool = Keys.readOnlyRole.defaultValue, reports: [String] = Keys.reports.defaultValue,
        mark: Mark? = nil, variablesMark: Mark? = nil
    ) {
        self.command = command
        self.variables = variables
        self.after = after
        self.readOnlyRole = readOnlyRole
        self.reports = reports
        self.mark = mark
        self.variablesMark = variablesMark
    }

    public enum Keys {
        public static let readOnlyRole = Key<Bool>(
            "read-only-role", .boolean, default: false,
            "run the tests as the environment's read-only role (<project>-<env>-tests, with AWS's ReadOnlyAccess), whose credentials the build exports before the command")
        public static let reports = Key<[String]>(
            "reports", .list(.string(.text), minItems: 0), default: [], example: "[reports/*.xml]",
            "JUnit XML files the command writes (globs, in the checkout), published as a CodeBuild test report of the build")
    }

    /// Two tests are alike when they run and publish the same, wherever they are written.
    public static func == (a: IntegrationTests, b: IntegrationTests) -> Bool {
        a.command == b.command && a.variables.map(\.name) == b.variables.map(\.name)
            && a.variables.map(\.output) == b.variables.map(\.output) && a.after?.value == b.after?.value
            && a.readOnlyRole == b.readOnlyRole && a.reports == b.reports
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(command)
        for v in variables {
            hasher.combine(v.name)
            hasher.combine(v.output)
        }
        hasher.combine(after?.value)
        hasher.combine(readOnlyRole)
        hasher.combine(reports)
    }
}

/// A manual approval gate.
public struct Approval: Sendable, Hashable {
    /// E-mail addresses told when an approval is waiting.
    public var notify: [String]
    /// Shown to the approver.
    public var comment: String?
    /// Where `comment` was written.
    public var commentMark: Mark?

    public init(notify: [String] = [], comment: String? = nil, commentMark: Mark? = nil) {
        self.notify = notify
        self.comment = comment
        self.commentMark = commentMark
    }

    /// Two approvals are alike when they notify and say the same, wherever they are written.
    public static func == (a: Approval, b: Approval) -> Bool { a.notify == b.notify && a.comment == b.comment }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(notify)
        hasher.combine(comment)
    }
}

/// A value given literally, or as the name of a CloudFormation export in the target account
/// and region (`{import: name}`).
public enum ValueSource: Sendable, Hashable {
    case literal(String)
    case importValue(String)
}

/// The ECS service a blue/green deployment replaces, and the load balancer around it: one
/// value of each for every region of the environment, which `regions` may replace region by
/// region (a listener ARN names one region; names and imports can serve them all).
public struct ECSTarget: Sendable, Hashable {
    public var cluster: ValueSource
    public var service: ValueSource
    public var listener: ValueSource
    public var testListener: ValueSource?
    /// Exactly two target groups (blue and green), by name.
    public var targetGroups: [ValueSource]
    /// Values that replace the ones above in one region each, in the order written.
    public var regions: [RegionalECSTarget]
    /// The environment's own blue/green settings, replacing container-deployment's.
    public var blueGreen: BlueGreenOverrides

    public init(
        cluster: ValueSource, service: ValueSource, listener: ValueSource, testListener: ValueSource? = nil,
        targetGroups: [ValueSource], regions: [RegionalECSTarget] = [], blueGreen: BlueGreenOverrides = BlueGreenOverrides()
    ) {
        self.cluster = cluster
        self.service = service
        self.listener = listener
        self.testListener = testListener
        self.targetGroups = targetGroups
        self.regions = regions
        self.blueGreen = blueGreen
    }

    /// The target in `region`: its own values where `regions` gives them, the shared ones
    /// elsewhere.
    public func target(in region: String) -> ECSTarget {
        guard let own = regions.first(where: { $0.region == region }) else {
            var shared = self
            shared.regions = []
            return shared
        }
        return ECSTarget(
            cluster: own.cluster ?? cluster, service: own.service ?? service, listener: own.listener ?? listener,
            testListener: own.testListener ?? testListener, targetGroups: own.targetGroups ?? targetGroups, blueGreen: blueGreen)
    }
}

/// The values of an environment's ECS target that differ in one region (`ecs.regions.<region>`).
public struct RegionalECSTarget: Sendable, Hashable {
    public var region: String
    public var cluster: ValueSource?
    public var service: ValueSource?
    public var listener: ValueSource?
    public var testListener: ValueSource?
    public var targetGroups: [ValueSource]?

    public init(
        region: String, cluster: ValueSource? = nil, service: ValueSource? = nil, listener: ValueSource? = nil,
        testListener: ValueSource? = nil, targetGroups: [ValueSource]? = nil
    ) {
        self.region = region
        self.cluster = cluster
        self.service = service
        self.listener = listener
        self.testListener = testListener
        self.targetGroups = targetGroups
    }
}

/// The ECR repository the container pipelines push to and deploy from.
public struct Registry: Sendable {
    /// The repository's name; nil for the default, `{project}`.
    public var repository: Located<NamePattern>?
    /// Images kept by the lifecycle policy.
    public var keepImages: Int
    public var scanOnPush: Bool
    /// Where the deployments pull images from (seed 002 keeps a copy in every environment).
    public var pullFrom: Located<ImageSource> = Located(Keys.pullFrom.defaultValue)

    public init(
        repository: Located<NamePattern>? = nil, keepImages: Int = Keys.keepImages.defaultValue,
        scanOnPush: Bool = Keys.scanOnPush.defaultValue
    ) {
        self.repository = repository
        self.keepImages = keepImages
        self.scanOnPush = scanOnPush
    }
}

/// Where container deployments pull their images from.
public enum ImageSource: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// The tooling account's repository (its replica in each further region).
    case tooling
    /// A repository in each environment's account and region, which ECR fills by replication
    /// from the tooling account's.
    case environment
}

/// The artifact bucket's retention.
public struct Artifacts: Sendable {
    /// Days an overwritten or deleted artifact version is kept.
    public var noncurrentDays: Int
    /// Days a pipeline's artifacts are kept after they were written; nil for the default,
    /// which the kit derives from the pipelines' approvals (`Artifacts.defaultExpireDays`).
    public var expireDays: Located<Int>?
    /// Keys and buckets the team brings, by region, in the order written.
    public var existing: [ExistingArtifactStore] = []

    /// What the team brings in `region`, when anything.
    public func existing(in region: String) -> ExistingArtifactStore? {
        existing.first { $0.region.value == region }
    }

    public init(noncurrentDays: Int = Keys.noncurrentDays.defaultValue, expireDays: Located<Int>? = nil) {
        self.noncurrentDays = noncurrentDays
        self.expireDays = expireDays
    }

    /// The least default of `expire-days`; a pipeline whose approvals can hold an execution
    /// longer gets longer.
    public static let defaultExpireDays = 90
}

