import CloudFormation
import PipegenConfig

/// Every AWS name pipegen derives, in one place. Names depend only on the config, so a
/// template in one account can name a role, bucket or key in another without waiting for
/// that stack's outputs.
public struct Names: Sendable {
    public let project: String
    public let toolingAccount: String
    public let toolingRegion: String

    public init(_ config: Config) {
        project = config.project.value
        toolingAccount = config.tooling.account.value
        toolingRegion = config.tooling.region.value
        registryName = ""
        var buckets: [String: String] = [:], keys: [String: String] = [:]
        for store in config.artifacts.existing {
            if let bucket = store.bucket { buckets[store.region.value] = bucket.value }
            if let id = store.keyId { keys[store.region.value] = id }
        }
        existingBuckets = buckets
        existingKeyIds = keys
        registryName = expand(config.registry.repository?.value ?? Registry.Keys.repository.defaultValue)
    }

    // MARK: Names and paths from the config's patterns

    /// `pattern` with `{project}` and the given placeholders filled in: the one place a
    /// pattern of the config (`stack-name`, `function-name`, `task-roles`, the paths with
    /// `{env}`) becomes a name.
    public func expand(
        _ pattern: NamePattern, env: String? = nil, function: String? = nil, region: String? = nil, account: String? = nil
    ) -> String {
        var values: [(NamePattern.Placeholder, String)] = [(.project, project)]
        if let env { values.append((.env, env)) }
        if let function { values.append((.function, function)) }
        if let region { values.append((.region, region)) }
        if let account { values.append((.account, account)) }
        return pattern.expanded(values)
    }

    // MARK: Stacks

    public var toolingStack: String { "pipegen-\(project)-tooling" }
    public func toolingStack(region: String) -> String { "pipegen-\(project)-tooling-\(region)" }
    public func toolingBucketStack(region: String) -> String { "pipegen-\(project)-tooling-\(region)-bucket" }
    public func environmentStack(_ env: String) -> String { "pipegen-\(project)-\(env)" }
    public func environmentStack(_ env: String, region: String) -> String { "pipegen-\(project)-\(env)-\(region)" }
    /// A stack a pipeline keeps apart from the environment's (`part` such as `deploy`), in
    /// the home region or in `region`.
    public func environmentStack(_ env: String, part: String, region: String?) -> String {
        "pipegen-\(project)-\(env)-\(part)" + (region.map { "-\($0)" } ?? "")
    }

    // MARK: Tooling account

    public var keyAlias: String { "alias/\(project)-artifacts" }
    /// The artifact bucket of `region`: the one the config brings there, else pipegen's.
    public func artifactBucket(region: String) -> String {
        existingBuckets[region] ?? "\(project)-artifacts-\(toolingAccount)-\(region)"
    }
    /// Buckets and key ids the config brings (`artifacts.existing`), by region.
    private let existingBuckets: [String: String]
    private let existingKeyIds: [String: String]

    /// True when the config brings the artifact bucket of `region`.
    public func bringsBucket(region: String) -> Bool { existingBuckets[region] != nil }

    /// The ARN of the artifact key the config brings in `region` (the partition left to the
    /// template, which the decoder checked), nil when pipegen creates it.
    public func existingKeyArn(region: String) -> Value? {
        existingKeyIds[region].map { .arn("kms", region: region, account: toolingAccount, "key/\($0)") }
    }
    /// The prefix under which Lambda zips are stored in the artifact bucket.
    public let lambdaPrefix = "lambda"
    public private(set) var registryName: String

    public func pipeline(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)" }
    public func pipelineRole(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-role" }
    public func eventsRole(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-events" }
    public func buildProject(_ kind: BuildKind) -> String { "\(project)-\(kind.rawValue)" }
    /// The project of `kind` that runs the buildspec of one environment (or region): `variant`
    /// is `dev` or `dev-eu-west-1`; nil for the kind's one project.
    public func buildProject(_ kind: BuildKind, variant: String?) -> String {
        buildProject(kind) + (variant.map { "-\($0)" } ?? "")
    }
    public func buildRole(_ kind: BuildKind) -> String { "\(project)-\(kind.rawValue)-role" }
    public func buildLogGroup(_ kind: BuildKind) -> String { "/aws/codebuild/\(buildProject(kind))" }
    public func pushRule(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-on-push" }
    public var imagePushRule: String { "\(project)-container-deployment-on-image" }
    public func approvalTopic(_ env: String) -> String { "\(project)-\(env)-approvals" }
    /// The CodeConnections connection created for `provider` (at most 32 characters).
    public func connection(_ provider: String) -> String { "\(project)-\(provider)" }

    // MARK: Environment accounts

    public func environmentRole(_ kind: EnvironmentRoleKind, env: String) -> String {
        "\(project)-\(env)-\(kind.rawValue)"
    }

    /// Matches the role of `kind` in every environment: what account-level grants name.
    public func environmentRolePattern(_ kind: EnvironmentRoleKind) -> String {
        "\(project)-*-\(kind.rawValue)"
    }

    public func codeDeployApplication(_ env: String) -> String { "\(project)-\(env)" }
    public func deploymentGroup(_ env: String) -> String { "\(project)-\(env)" }

    // MARK: ARNs (partition from the template's own `AWS::Partition`)

    public func roleArn(_ name: String, account: String) -> Value {
        .arn("iam", account: account, "role/\(name)")
    }

    /// Roles matching `pattern` in `account` (any account by default).
    public func rolePatternArn(_ pattern: String, account: String = "*") -> Value {
        .arn("iam", account: account, "role/\(pattern)")
    }

    public func accountRoot(_ account: String) -> Value {
        .arn("iam", account: account, "root")
    }

    // MARK: Notifications and the gitflow helper (tooling account)

    public var notificationsTopic: String { "\(project)-pipeline-notifications" }
    public func notificationRule(_ event: NotificationEvent) -> String { "\(project)-pipeline-\(event.rawValue)" }
    public var gitflowFunction: String { "\(project)-gitflow-pr" }
    public var gitflowRole: String { "\(project)-gitflow-pr-role" }
    public var gitflowLogGroup: String { "/aws/lambda/\(gitflowFunction)" }
    public func gitflowRule(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-gitflow-pr" }

    /// The ARN of an EventBridge rule on the default bus of the template's account and region.
    public func ruleArn(_ name: String) -> Value {
        .arn("events", region: Value.thisRegion, account: Value.thisAccount, "rule/\(name)")
    }
}

extension PipelineKind {
    /// The logical id stem: `ContainerBuild`, ...
    var id: String { Template.logicalId(rawValue) }
}

/// A CodeBuild project of the tooling account. Each pipeline declaration names its own
/// (`BuildKind.imageBuild`, ...); the name is part of the project's and its role's names.
public struct BuildKind: Hashable, Sendable, CustomStringConvertible {
    /// `image-build`: the project is `<project>-image-build`.
    public let rawValue: String
    /// What the project does, for its description.
    let summary: String
    /// The category of its pipeline actions: `Build`, or `Test` for a build that tests.
    /// [CodeBuild action: category Build or Test](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html#action-reference-CodeBuild-type)
    let category: CodePipeline.Pipeline.ActionTypeId.Category

    init(_ rawValue: String, summary: String, category: CodePipeline.Pipeline.ActionTypeId.Category = .build) {
        self.rawValue = rawValue
        self.summary = summary
        self.category = category
    }

    /// The kind of a build the config names.
    init(_ name: BuildName, category: CodePipeline.Pipeline.ActionTypeId.Category = .build) {
        self.init(name.rawValue, summary: name.summary, category: category)
    }

    var id: String { Template.logicalId(rawValue) }
    public var description: String { rawValue }

    public static func == (a: BuildKind, b: BuildKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// A role pipegen creates in each environment account. Each pipeline declaration names its
/// own (`EnvironmentRoleKind.cfnDeploy`, ...).
public struct EnvironmentRoleKind: Hashable, Sendable, CustomStringConvertible {
    /// The end of the role's name: `<project>-<env>-cfn-deploy`.
    public let rawValue: String
    /// The role's logical id in the environment template.
    let id: String

    init(_ rawValue: String, id: String) {
        self.rawValue = rawValue
        self.id = id
    }

    public var description: String { rawValue }

    public static func == (a: EnvironmentRoleKind, b: EnvironmentRoleKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
