import YAMLKit

// The settings a platform team's rules ask for, beside the pipelines: tags, a permissions
// boundary, extra statements on pipegen's roles, approvers and the operations of the
// artifact key, logs and outputs. Declared here (types, keys and summaries); read by
// `Governance+Decode.swift`; used by the kit's `Governance` pass.

/// A tag on every resource that takes tags and on every stack (`tags:` of the project or of an
/// environment).
public struct TagSetting: Sendable, Hashable {
    public var key: Located<String>
    public var value: Located<String>

    public init(key: Located<String>, value: Located<String>) {
        self.key = key
        self.value = value
    }

    /// The tags of an environment's stacks: the project's, each replaced by the environment's
    /// tag of the same key where it has one (in the project's order), then the environment's
    /// other tags in its order.
    public static func merged(_ project: [TagSetting], _ environment: [TagSetting]) -> [TagSetting] {
        var out = project.map { tag in environment.first { $0.key.value == tag.key.value } ?? tag }
        out += environment.filter { tag in !project.contains { $0.key.value == tag.key.value } }
        return out
    }
}

/// The managed policy that bounds every role pipegen creates.
public struct PermissionsBoundary: Sendable, Hashable {
    /// Which policy.
    public enum Policy: Sendable, Hashable {
        /// A boundary pipegen writes in each account (`generated`).
        case generated
        /// A customer managed policy of this name that exists in every account.
        case name(String)
        /// An ARN; `{account}` stands for the account of the role.
        case arn(String)
    }

    public var policy: Located<Policy>
    /// The CloudFormation execution role may create or change roles only when they carry the
    /// boundary, and may never remove it or change the boundary policy.
    public var enforce: Bool
    /// Where `permissions-boundary` was written.
    public var mark: Mark?

    public init(policy: Located<Policy>, enforce: Bool = Keys.enforce.defaultValue, mark: Mark? = nil) {
        self.policy = policy
        self.enforce = enforce
        self.mark = mark
    }

    public enum Keys {
        public static let policy = KeySpec(
            "policy", .string(.text), required: true, example: "generated",
            "'generated' (pipegen writes a boundary in each account: everything but IAM, Organizations and account settings, and IAM only on the project's roles), the name of a customer managed policy that exists in every account, or its ARN ('{account}' stands for the role's account)")
        public static let enforce = Key<Bool>(
            "enforce", .boolean, default: false,
            "the CloudFormation execution role may create or change roles only when they carry the boundary, and may never remove it or change the boundary policy")
    }

    static let spec = ObjectSpec("permissions boundary", "the managed policy that bounds every role pipegen creates", keys: [Keys.policy, Keys.enforce.spec])
}

/// Statements added to one of the roles pipegen generates (`roles: {<role>: {statements: [...]}}`).
public struct RoleStatements: Sendable, Hashable {
    /// The role, as its name reads without the project (and environment) prefix:
    /// `image-build-role`, `cfn-exec`.
    public var role: Located<String>
    public var statements: [ExtraStatement]

    public init(role: Located<String>, statements: [ExtraStatement]) {
        self.role = role
        self.statements = statements
    }

    static let spec = ObjectSpec(
        "role statements", "statements added to one role pipegen generates",
        keys: [KeySpec("statements", .list(.object(PolicyStatement.spec), minItems: 1), required: true, "IAM statements added to the role, as an inline policy of their own")])
}

/// An IAM statement of the config, each value where it was written.
public struct ExtraStatement: Sendable, Hashable {
    public var effect: String
    public var actions: [Located<String>]
    public var resources: [Located<String>]
    /// Where the statement was written (its list item).
    public var mark: Mark?

    public init(effect: String = PolicyStatement.Keys.effect.defaultValue, actions: [Located<String>], resources: [Located<String>], mark: Mark? = nil) {
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.mark = mark
    }
}

/// Who may approve the approval actions of chosen environments.
public struct Approvers: Sendable, Hashable {
    public var environments: [Located<String>]
    /// Also an IAM group with the policy attached.
    public var group: Bool
    public var mark: Mark?

    public init(environments: [Located<String>], group: Bool = Keys.group.defaultValue, mark: Mark? = nil) {
        self.environments = environments
        self.group = group
        self.mark = mark
    }

    public enum Keys {
        public static let environments = KeySpec(
            "environments", .list(.string(.name), minItems: 1), required: true, example: "[prod]",
            "the environments whose approvals the policy may approve (each with 'approval', or deploying change sets; all of a wave or none)")
        public static let group = Key<Bool>("group", .boolean, default: false, "also create an IAM group '<project>-approvers' with the policy attached")
    }

    static let spec = ObjectSpec(
        "approvers", "a managed policy that may approve exactly the approvals of chosen environments",
        keys: [Keys.environments, Keys.group.spec])
}

/// What happens to data when a stack is deleted, or a resource replaced.
public enum RetentionOnDelete: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// The key, buckets and repositories are kept (`Retain`); the rest goes.
    case data
    /// The log groups are kept too.
    case dataAndLogs = "data-and-logs"
    /// Everything goes with the stack (a sandbox): a key is scheduled for deletion, a bucket
    /// must be empty.
    case none
}

/// The operations of the tooling account's data: who administers the key, what is kept on
/// delete, what the stacks export.
public struct Operations: Sendable, Hashable {
    /// IAM principals (ARNs) that administer the artifact key, but may not use it.
    public var keyAdministrators: [Located<String>]
    public var retainOnDelete: RetentionOnDelete
    /// Every output of every stack is exported as `<stack name>-<output>`.
    public var exports: Bool

    public init(
        keyAdministrators: [Located<String>] = [], retainOnDelete: RetentionOnDelete = Keys.retainOnDelete.defaultValue,
        exports: Bool = Keys.exports.defaultValue
    ) {
        self.keyAdministrators = keyAdministrators
        self.retainOnDelete = retainOnDelete
        self.exports = exports
    }

    public enum Keys {
        public static let keyAdministrators = KeySpec(
            "key-administrators", .list(.string(.arn), minItems: 1), example: "[\"arn:aws:iam::111111111111:role/KeyAdmins\"]",
            "IAM roles or users (ARNs; they must exist) that administer the artifact key and its replicas: enable, disable, rotate, tag, change the policy, schedule deletion; not encrypt or decrypt")
        public static let retainOnDelete = Key<RetentionOnDelete>(
            "retain-on-delete", .choice(RetentionOnDelete.allCases.map(\.rawValue)), default: .data,
            "what a deleted stack (or a replaced resource) keeps: data (the key, buckets and repositories), data-and-logs (the log groups too), or none")
        public static let exports = Key<Bool>(
            "exports", .boolean, default: false,
            "export every output of every stack (key ARN, bucket name and ARN, repository URI, pipeline names, role ARNs, CodeDeploy names) as '<stack name>-<output>' for Fn::ImportValue")
    }

    static let spec = ObjectSpec(
        "operations", "the artifact key's administrators, what deleted stacks keep, and exports",
        keys: [Keys.keyAdministrators, Keys.retainOnDelete.spec, Keys.exports.spec])
}

extension ConfigSchema {
    /// `tags:` of the project or of an environment.
    static func tagsKey(example: String, _ summary: String) -> KeySpec {
        KeySpec("tags", .map(.string(.text)), example: example, summary)
    }

    static let projectTags = tagsKey(
        example: "{cost-centre: \"1234\", team: platform}",
        "tags on every resource that takes tags and on every stack (keys and values: letters, digits, spaces and _ . : / = + - @; keys up to 127 characters, values 1 to 255; no 'aws:' prefix)")
    static let environmentTags = tagsKey(
        example: "{stage: dev}", "tags on this environment's stacks and resources, over the project's tags of the same key")

    static let permissionsBoundary = KeySpec(
        "permissions-boundary", .either([.string(.text), .object(PermissionsBoundary.spec)]),
        "a permissions boundary on every role pipegen creates (tooling and environment accounts): 'generated', a policy name or an ARN")

    static let roles = KeySpec(
        "roles", .map(.object(RoleStatements.spec)),
        example: "{image-build-role: {statements: [{actions: [\"s3:GetObject\"], resources: [\"arn:aws:s3:::shop-data/*\"]}]}}",
        "statements added to roles pipegen generates, by the role's name without '<project>-' (and '<env>-' for an environment's roles): image-build-role, container-build-role, cfn-exec, ...")

    static let approvers = KeySpec(
        "approvers", .either([.list(.string(.name), minItems: 1), .object(Approvers.spec)]),
        "a managed policy '<project>-approvers' in the tooling account that may approve exactly the approvals of these environments: a list of environments, or a mapping")

    static let operations = KeySpec("operations", .object(Operations.spec), "who administers the artifact key, what deleted stacks keep, exports")
}
