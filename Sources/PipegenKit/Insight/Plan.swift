import PipegenConfig

/// How to deploy a config's templates, in order: numbered steps that are either a phase of
/// stacks deployed in parallel with ready-to-run `aws cloudformation deploy` commands, or
/// something to do by hand at that point. `pipegen plan` prints it as text or JSON.
public struct DeploymentPlan: Sendable {
    public var project: String
    /// One AWS CLI profile per account, in first-use order: every command names one.
    public var profiles: [Profile]
    /// Numbered from 1, phases and manual steps interleaved in the order to carry them out.
    public var steps: [Step]
    /// Why no plan could be made, one line each; empty for a plan that works (then `steps`
    /// is empty). Always pipegen's fault: its templates must be orderable and fillable.
    public var problems: [String]

    /// The phases, in order.
    public var phases: [Phase] {
        steps.compactMap { if case .phase(let p) = $0.kind { return p } else { return nil } }
    }

    /// The manual steps, in order.
    public var manualSteps: [ManualStep] {
        steps.compactMap { if case .manual(let m) = $0.kind { return m } else { return nil } }
    }
}

/// An AWS CLI profile name standing for one account (`shop-dev`): a placeholder the user
/// creates or renames.
public struct Profile: Sendable, Hashable {
    public var name: String
    public var account: String
    /// The tooling account and the environments deployed into this account.
    public var users: [String]
}

/// One numbered step of a plan.
public struct Step: Sendable {
    public enum Kind: Sendable {
        case phase(Phase)
        case manual(ManualStep)
    }

    public var number: Int
    public var kind: Kind
}

/// Stacks with no dependency on each other: deploy them in parallel, in any order.
public struct Phase: Sendable {
    /// 1 for the first phase.
    public var number: Int
    public var stacks: [StackDeployment]
}

/// One stack of a phase and the command that deploys it.
public struct StackDeployment: Sendable {
    /// The template's name: `tooling`, `dev`, `dev-us-east-1`.
    public var name: String
    public var stackName: String
    public var account: String
    public var region: String
    public var profile: String
    /// The template file as the user reaches it from the working folder.
    public var templateFile: String
    public var templateBytes: Int
    /// `CAPABILITY_NAMED_IAM` when the template creates named IAM resources.
    public var capabilities: [String]
    /// The bucket `aws cloudformation deploy` uploads the template to, when it is too large
    /// to pass inline.
    public var s3Bucket: String?
    /// Parameters, each filled from another stack's output by the command itself.
    public var parameters: [ParameterValue]
    /// Why this stack waits for earlier phases.
    public var dependsOn: [Dependency]
    /// The command, one option per line: `["aws cloudformation deploy", "--template-file x", ...]`.
    public var command: [String]
}

/// A template parameter whose value is an output of another stack.
public struct ParameterValue: Sendable, Hashable {
    public var name: String
    /// The template that creates the stack with the output.
    public var template: String
    public var stackName: String
    public var output: String
    public var region: String
    public var profile: String
}

/// A stack that needs another to exist first, and why.
public struct Dependency: Sendable, Hashable {
    /// The template that must wait.
    public var template: String
    /// The template it waits for.
    public var on: String
    /// One line: what it needs from it (`uses role shop-dev-codedeploy, which ...`).
    public var reason: String
}

/// Something a person does by hand at this point of the deployment.
public struct ManualStep: Sendable {
    /// What kind of step this is, stable for scripts reading the JSON plan.
    public enum Kind: String, Sendable {
        case createTemplateBucket = "create-template-bucket"
        case createECSResources = "create-ecs-resources"
        case confirmSubscriptions = "confirm-subscriptions"
        case activateConnections = "activate-connections"
        case pushSource = "push-source"
        case waitForPipeline = "wait-for-pipeline"
        case pushImage = "push-image"
        case createStepFunctions = "create-step-functions"
        case addPolicyStatements = "add-policy-statements"
    }

    /// A part of the step's body, in reading order.
    public enum Block: Sendable, Hashable {
        /// A paragraph of explanation.
        case text(String)
        /// One entry of a list (a repository, an environment, a topic).
        case item(String)
        /// A shell command to run as is.
        case command(String)
        /// Text to copy as it is, several lines (a policy's statements, as JSON).
        case code(String)
    }

    public var kind: Kind
    public var title: String
    public var blocks: [Block]
}
