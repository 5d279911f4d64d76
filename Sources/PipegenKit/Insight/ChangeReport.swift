import CloudFormation
import PipegenConfig
import YAMLKit

/// What a config change does, read from the templates: each stack that appears, disappears
/// or changes (grouped by account, region and stack), the resources added, removed and
/// changed with the update behavior of each changed property, the permissions that widen or
/// narrow, the data kept or lost, and the stacks whose deployment phase moves. `pipegen diff`
/// prints it as text, Markdown or JSON. Made by `ChangeReport.init(_:rendered:old:)`.
public struct ChangeReport: Sendable {
    /// The version of the JSON shape (`document`); raised when a field changes meaning or goes.
    public static let formatVersion = 1

    public var project: String
    /// Every stack with a change, by account (tooling first, then in route order), region and
    /// stack name.
    public var stacks: [StackChange]
    /// Every policy whose grants changed, in the order of `stacks`.
    public var permissions: [PermissionChange]
    /// Old files that could not be read as templates, one line each.
    public var unreadable: [String]

    /// True when anything differs.
    public var hasChanges: Bool { !stacks.isEmpty || !permissions.isEmpty }
    /// True when some permission is added or widened.
    public var widensPermissions: Bool { permissions.contains { $0.widens } }
    /// The removed and replaced resources whose data is kept or lost.
    public var data: [(stack: StackChange, resource: ResourceChange)] {
        stacks.flatMap { stack in stack.resources.filter { $0.data != nil }.map { (stack, $0) } }
    }
    /// The stacks in both sides whose deployment phase differs.
    public var reordered: [StackChange] {
        stacks.filter { $0.kind == .changed && $0.phase.old != nil && $0.phase.old != $0.phase.new }
    }
}

/// Where a stack deploys: account, region and stack name identify it on both sides.
public struct StackPlace: Sendable, Hashable {
    public var account: String
    public var region: String
    public var stackName: String
}

/// One stack that appears, disappears or changes.
public struct StackChange: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed }

    public var kind: Kind
    public var place: StackPlace
    /// The template file: the new one, or the old one for a removed stack.
    public var file: String
    /// Whose account it is: `tooling`, or the environments deployed into it.
    public var owner: String
    /// Resources added, removed or changed, in template order (removed ones after).
    public var resources: [ResourceChange]
    /// Outputs added, removed or changed, by name.
    public var outputs: [(name: String, kind: ResourceChange.Kind)]
    /// Other top-level sections that differ (`Parameters`, `Description`, ...).
    public var sections: [String]
    /// The deployment phase before and after (nil on the side without the stack).
    public var phase: (old: Int?, new: Int?)
}

/// One resource added, removed or changed.
public struct ResourceChange: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed }

    public var kind: Kind
    public var logicalId: String
    public var type: String
    /// The physical name the template gives it (`shop-dev-cfn-deploy`), when it names one.
    public var name: String?
    /// Changed properties and attributes, in template order.
    public var properties: [PropertyChange]
    /// What the update does to the resource: the most disruptive behavior of its changed
    /// properties; nil for added and removed resources, and when only attributes changed.
    public var effect: UpdateBehavior?
    /// What happens to the data of a removed or replaced resource, when it holds data or is
    /// kept by its policy.
    public var data: DataFate?
    /// Why the update will not go as planned, when pipegen can tell (a replaced resource that
    /// keeps its custom name).
    public var note: String?
}

/// One changed property (or resource attribute) of a resource.
public struct PropertyChange: Sendable {
    public var name: String
    /// Nil for a resource attribute (`DeletionPolicy`, `DependsOn`, ...), which CloudFormation
    /// changes without touching the resource, and for a property the table does not know.
    public var behavior: UpdateBehavior?
    public var isAttribute: Bool
}

/// What becomes of a resource's data when the resource is removed or replaced.
public struct DataFate: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        /// `Retain`: the resource leaves the stack and stays in the account.
        case retained
        /// Deleted with its data.
        case deleted
    }

    public var outcome: Outcome
    /// The policy that decides: `DeletionPolicy` (removed) or `UpdateReplacePolicy` (replaced).
    public var policy: String
    /// True for the old resource of a replacement; false for a removed resource.
    public var replaced: Bool
    /// Whether the resource holds data the template cannot recreate.
    public var holdsData: Bool
}

/// One policy whose grants changed: an IAM role's inline policy, trust or managed policies, a
/// key, bucket, repository or topic policy, or a function's permission.
public struct PermissionChange: Sendable {
    public enum Kind: String, Sendable {
        /// A new policy (a new role, key, bucket policy, ...).
        case added
        case removed
        case widened
        case narrowed
        /// Both widened and narrowed.
        case changed

        /// How reports say it: `widened and narrowed` for `changed`.
        public var phrase: String { self == .changed ? "widened and narrowed" : rawValue }
    }

    public enum Policy: String, Sendable, CaseIterable {
        case identity = "IAM permissions"
        case managedPolicies = "managed policies"
        case trust = "trust policy"
        case keyPolicy = "key policy"
        case bucketPolicy = "bucket policy"
        case repositoryPolicy = "repository policy"
        case topicPolicy = "topic policy"
        case functionPolicy = "function permission"
    }

    public var kind: Kind
    public var policy: Policy
    public var place: StackPlace
    public var logicalId: String
    /// What holds the policy: `role shop-dev-cfn-deploy`, `key ArtifactKey (alias/shop-artifacts)`.
    public var holder: String
    /// The inline policy's name, for IAM permissions.
    public var policyName: String?
    /// Each grant added or removed, in statement order.
    public var details: [PermissionDetail]
    /// The config line that makes the new grants, for added, widened and changed policies.
    public var cause: ConfigCause?

    /// True when something more is allowed than before.
    public var widens: Bool { kind == .added || kind == .widened || kind == .changed }
}

/// One grant of a policy that appears, disappears, widens or narrows.
public struct PermissionDetail: Sendable, Hashable {
    public enum Aspect: String, Sendable {
        case statement, action, principal, resource, condition, managedPolicy = "managed policy"
    }

    /// What a grant's change does to what is allowed.
    public enum Direction: String, Sendable {
        /// Allows more: a new action, principal, account or resource, a condition (or a value
        /// of a positive one) removed, an Allow added or a Deny removed.
        case widens
        /// Allows less: the opposite.
        case narrows
        /// Allows the same: an item added or removed that another pattern of the statement
        /// already matches (`s3:GetObject` beside `s3:*`).
        case neutral
    }

    public var direction: Direction
    /// Plus for what the new template has, minus for what the old one had.
    public var added: Bool
    public var aspect: Aspect
    /// The statement's `Sid`, or its position (`#2`) when it has none.
    public var statement: String
    /// The action, principal, resource or condition; a whole statement summarised.
    public var text: String
}

/// The config line that causes a change: an environment's `- name:` line, a pipeline's key,
/// or the tooling account.
public struct ConfigCause: Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// What is written there: `environment 'qa'`, `pipeline 'container-deployment'`.
    public var what: String
}
