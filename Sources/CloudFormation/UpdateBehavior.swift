/// What CloudFormation does to a resource when one of its properties changes in a stack
/// update: the "Update requires" line of each property in the resource reference.
/// [Update behaviors of stack resources](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html)
public enum UpdateBehavior: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Updated in place, without disrupting its operation or changing its physical id.
    case noInterruption
    /// Updated in place, with some interruption of its operation; the physical id stays.
    case someInterruptions
    /// A new resource with a new physical id is created, then the old one deleted (or kept,
    /// with `UpdateReplacePolicy: Retain`).
    case replacement
    /// CloudFormation refuses the change on an existing resource: the stack update fails and
    /// rolls back, whatever `UpdateReplacePolicy` says (a KMS key's spec, usage, origin and
    /// multi-Region flag, which would otherwise delete the key).
    case refused

    public static func < (a: UpdateBehavior, b: UpdateBehavior) -> Bool { a.rawValue < b.rawValue }

    /// The reference's wording, lowercased: `no interruption`, `some interruptions`,
    /// `replacement`; `update fails` for a change CloudFormation refuses.
    public var phrase: String {
        switch self {
        case .noInterruption: return "no interruption"
        case .someInterruptions: return "some interruptions"
        case .replacement: return "replacement"
        case .refused: return "update fails"
        }
    }
}

/// The update behavior of every property of a resource type that pipegen models, declared on
/// the type next to its properties (`IAM.Role.updateBehaviors`). The create-only properties of
/// the type's resource provider schema are `replacement`; the others update without
/// interruption unless the reference says "Some interruptions". `UpdateBehaviorTests` holds
/// each table to the properties the model writes and to the schemas cfn-lint ships.
public struct UpdateBehaviors: Sendable {
    /// Property name and behavior, refusals and replacements first, each group in the order given.
    public let entries: [(property: String, behavior: UpdateBehavior)]

    public init(
        refused: [String] = [], replacement: [String] = [], someInterruptions: [String] = [],
        noInterruption: [String] = []
    ) {
        entries =
            refused.map { ($0, .refused) } + replacement.map { ($0, .replacement) }
            + someInterruptions.map { ($0, .someInterruptions) } + noInterruption.map { ($0, .noInterruption) }
    }

    /// The behavior of a change to `property`; nil for a property the table does not know.
    public func behavior(of property: String) -> UpdateBehavior? {
        entries.first { $0.property == property }?.behavior
    }

    /// Every property in the table.
    public var properties: [String] { entries.map(\.property) }
}

extension ResourceModel {
    /// Nothing in the resource is data the template cannot recreate, by default.
    public static var holdsData: Bool { false }
    /// No property names the resource, by default.
    public static var physicalNameProperty: String? { nil }
}

/// Every resource type pipegen models, so a template read back from text (an old file) finds
/// the facts of each of its types by `Type`.
public enum ResourceTypes {
    public static let all: [any ResourceModel.Type] = [
        CodeBuild.Project.self, CodeCommit.Repository.self, CodeDeploy.Application.self,
        CodeDeploy.DeploymentGroup.self, CodePipeline.Pipeline.self, CodeStarConnections.Connection.self,
        ECR.RegistryPolicy.self, ECR.ReplicationConfiguration.self, ECR.Repository.self, Events.Rule.self, IAM.Group.self,
        IAM.ManagedPolicy.self,
        IAM.Role.self, KMS.Alias.self, KMS.Key.self, KMS.ReplicaKey.self, Lambda.Function.self,
        Lambda.Permission.self, Logs.LogGroup.self, S3.Bucket.self, S3.BucketPolicy.self, SNS.Subscription.self,
        SNS.Topic.self, SNS.TopicPolicy.self,
    ]

    private static let byName: [String: any ResourceModel.Type] = Dictionary(
        all.map { ($0.typeName, $0) }, uniquingKeysWith: { a, _ in a })

    /// The model type whose `typeName` is `name` (`AWS::IAM::Role`), if pipegen models it.
    public static func named(_ name: String) -> (any ResourceModel.Type)? { byName[name] }
}
