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
    case created(provider: SourceProvider)
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
        /// `parameterOverrides` is the JSON object text of `ParameterOverrides`, nil for none.
        case cloudFormation(
            CloudFormationMode, stack: String, templatePath: String, configurationPath: String, capabilities: [String],
            executionRole: String, parameterOverrides: String?)
        case codeDeployToECS(application: String, deploymentGroup: String, appspec: String, taskDefinition: String, image: String)
        /// A Lambda function of the tooling account and home region, by name.
        case lambdaInvoke(function: String, userParameters: String?)
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
    /// The cross-account role the action's build assumes (a build that acts in an
    /// environment account), nil for every other action.
    public var buildAssumes: CrossAccountRole? = nil
    /// The project of the build it runs, when its build has one per environment (or region):
    /// the project's suffix (`dev`, `dev-eu-west-1`); nil for the build's one project.
    public var buildVariant: String? = nil
    /// The region the action runs in.
    public var region: String
    /// The namespace of the action's output variables (a deploy's stack outputs).
    public var namespace: String? = nil
    /// The config value that the action's configuration carries as written (an approval's
    /// comment, a test command), for messages about its length; nil when pipegen writes it all.
    public var cause: Mark? = nil
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
