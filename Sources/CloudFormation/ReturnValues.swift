/// What `Ref` and the ARN of a resource type are, as the "Return values" section of its
/// CloudFormation reference documents them: enough to resolve a template to the names and ARNs
/// CloudFormation would make, without a table of resource types anywhere else.
public struct ReturnValues: Sendable, Hashable {
    /// What `Ref` of the resource returns; nil when not described.
    public var ref: RefValue?
    /// The shape of the resource's ARN (what `Fn::GetAtt … Arn` returns); nil when the type has no
    /// ARN attribute or it is not described.
    public var arn: ArnFormat?

    public init(ref: RefValue?, arn: ArnFormat? = nil) {
        self.ref = ref
        self.arn = arn
    }

    /// Nothing described: the default, so types pipegen does not resolve need nothing.
    public static let unknown = ReturnValues(ref: nil)
}

/// What `Ref` of a resource returns.
public enum RefValue: Sendable, Hashable {
    /// Its physical name: the value of the model's `physicalName` (CloudFormation generates a
    /// name when that is unset).
    case physicalName
    /// Its ARN, in the type's `ArnFormat` (SNS topics).
    case arn
    /// An id CloudFormation assigns at creation (a KMS key id, a CodeCommit repository id),
    /// unknown before deployment.
    case generatedId
}

/// The shape of a resource type's ARNs:
/// `arn:<partition>:<service>:<region>:<account>:<prefix><name or id><suffix>`.
/// [ARN format](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html)
public struct ArnFormat: Sendable, Hashable {
    /// Which of the region and the account the ARN names.
    public enum Scope: Sendable, Hashable {
        /// Both (most services).
        case regional
        /// The account only: the resource is global within its account (IAM).
        case global
        /// Neither: the name is unique in the whole partition (S3 buckets).
        case partition
    }

    /// What follows the prefix.
    public enum Identifier: Sendable, Hashable {
        /// The physical name, the value of the model's `physicalName`.
        case physicalName
        /// The id CloudFormation assigns at creation.
        case generatedId
    }

    /// The service namespace, such as `iam` or `codebuild`.
    public var service: String
    public var scope: Scope
    /// Text before the name or id, such as `role/`, `project/` or `function:`.
    public var prefix: String
    public var identifier: Identifier
    /// Text after the name or id, such as the `:*` of a log group's ARN.
    public var suffix: String

    public init(
        _ service: String, _ scope: Scope = .regional, prefix: String = "", identifier: Identifier = .physicalName,
        suffix: String = ""
    ) {
        self.service = service
        self.scope = scope
        self.prefix = prefix
        self.identifier = identifier
        self.suffix = suffix
    }

    /// The ARN of the resource named (or identified) `resource` in `account` and `region`;
    /// `region` and `account` are left out where the scope has none.
    public func arn(partition: String, region: String, account: String, resource: String) -> String {
        let region = scope == .regional ? region : ""
        let account = scope == .partition ? "" : account
        return "arn:\(partition):\(service):\(region):\(account):\(prefix)\(resource)\(suffix)"
    }
}

extension ResourceModel {
    /// Nothing described, for types pipegen does not resolve.
    public static var returnValues: ReturnValues { .unknown }
    /// No name property, for types that have none or that pipegen does not resolve.
    public var physicalName: Value? { nil }
}
