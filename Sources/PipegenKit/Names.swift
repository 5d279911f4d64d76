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
        registryName = (config.registry.repository?.value ?? "{project}").replacing("{project}", with: config.project.value)
    }

    // MARK: Stacks

    public var toolingStack: String { "pipegen-\(project)-tooling" }
    public func toolingStack(region: String) -> String { "pipegen-\(project)-tooling-\(region)" }
    public func toolingBucketStack(region: String) -> String { "pipegen-\(project)-tooling-\(region)-bucket" }
    public func environmentStack(_ env: String) -> String { "pipegen-\(project)-\(env)" }
    public func environmentStack(_ env: String, region: String) -> String { "pipegen-\(project)-\(env)-\(region)" }

    // MARK: Tooling account

    public var keyAlias: String { "alias/\(project)-artifacts" }
    public func artifactBucket(region: String) -> String { "\(project)-artifacts-\(toolingAccount)-\(region)" }
    /// The prefix under which Lambda zips are stored in the artifact bucket.
    public let lambdaPrefix = "lambda"
    public let registryName: String

    public func pipeline(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)" }
    public func pipelineRole(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-role" }
    public func eventsRole(_ kind: PipelineKind) -> String { "\(project)-\(kind.rawValue)-events" }
    public func buildProject(_ kind: BuildKind) -> String { "\(project)-\(kind.rawValue)" }
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

/// The three pipelines.
public enum PipelineKind: String, CaseIterable, Sendable {
    case containerBuild = "container-build"
    case infrastructure = "infrastructure-deployment"
    case containerDeployment = "container-deployment"

    /// The logical id stem: `ContainerBuild`, ...
    var id: String { Template.logicalId(rawValue) }
}

/// The CodeBuild projects of the tooling account.
public enum BuildKind: String, CaseIterable, Sendable {
    case imageBuild = "image-build"
    case lambdaPackage = "lambda-package"
    case templateLint = "template-lint"
    case lambdaUpdate = "lambda-update"
    case integrationTests = "integration-tests"
    case imageLocate = "image-locate"

    var id: String { Template.logicalId(rawValue) }
}

/// The roles pipegen creates in each environment account.
public enum EnvironmentRoleKind: String, CaseIterable, Sendable {
    /// Assumed by the infrastructure pipeline to run CloudFormation.
    case cfnDeploy = "cfn-deploy"
    /// Passed to CloudFormation; creates the application's resources.
    case cfnExecution = "cfn-exec"
    /// Assumed by the Lambda-update build to update function code.
    case lambdaUpdate = "lambda-update"
    /// Assumed by the container-deployment pipeline to start CodeDeploy.
    case ecsDeploy = "ecs-deploy"
    /// CodeDeploy's service role for the ECS blue/green deployment.
    case codeDeploy = "codedeploy"

    var id: String {
        switch self {
        case .cfnDeploy: return "CloudFormationDeployRole"
        case .cfnExecution: return "CloudFormationExecutionRole"
        case .lambdaUpdate: return "LambdaUpdateRole"
        case .ecsDeploy: return "EcsDeployRole"
        case .codeDeploy: return "CodeDeployServiceRole"
        }
    }
}
