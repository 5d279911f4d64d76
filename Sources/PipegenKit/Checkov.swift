import CloudFormation

/// The checkov checks pipegen suppresses, each on the resources it does not apply to, with the
/// reason written into the resource's `Metadata.checkov.skip` (where checkov reads it) and
/// listed in docs/SECURITY.md (a test keeps the two in step). Every other check of
/// `checkov --framework cloudformation` passes on the generated templates.
public enum CheckovSuppression: String, CaseIterable, Sendable {
    case artifactBucketAccessLogging
    case mutableImageTags
    case gitflowReservedConcurrency
    case gitflowDeadLetterQueue
    case gitflowVPC
    case boundaryCredentialsExposure
    case boundaryDataExfiltration
    case boundaryPermissionsManagement
    case boundaryPrivilegeEscalation
    case boundaryWriteAccess

    /// The check's id.
    public var id: String {
        switch self {
        case .artifactBucketAccessLogging: return "CKV_AWS_18"
        case .mutableImageTags: return "CKV_AWS_51"
        case .gitflowReservedConcurrency: return "CKV_AWS_115"
        case .gitflowDeadLetterQueue: return "CKV_AWS_116"
        case .gitflowVPC: return "CKV_AWS_117"
        case .boundaryCredentialsExposure: return "CKV_AWS_107"
        case .boundaryDataExfiltration: return "CKV_AWS_108"
        case .boundaryPermissionsManagement: return "CKV_AWS_109"
        case .boundaryPrivilegeEscalation: return "CKV_AWS_110"
        case .boundaryWriteAccess: return "CKV_AWS_111"
        }
    }

    /// Why the check does not apply, in one sentence or two.
    public var reason: String {
        switch self {
        case .artifactBucketAccessLogging:
            return "Server access logs would need a second bucket per region that cannot use the artifact key "
                + "(log delivery writes only SSE-S3) and is itself unlogged; only pipegen's roles read or write "
                + "this bucket, and CloudTrail S3 data events record each access with the caller when an audit needs it."
        case .mutableImageTags:
            return "Every image build pushes 'latest' and re-running a commit pushes its tag again, and "
                + "deployments start when their configured tag is pushed: immutable tags would fail these "
                + "pushes. Only the build's role may push; environment accounts may only pull."
        case .gitflowReservedConcurrency:
            return "Reserved concurrency is taken from the account's unreserved pool, and accounts at the default "
                + "quota cannot reserve any, so the tooling stack would fail; the function only runs on pushes "
                + "to the development branches of the project's own repositories."
        case .gitflowDeadLetterQueue:
            return "A failed invocation is retried by Lambda and logged in the function's log group, and the next "
                + "push opens the pull request anyway; a queue would hold events nobody acts on."
        case .gitflowVPC:
            return "The function only calls the CodeCommit API and reaches no private resource; a VPC would need "
                + "subnets and a NAT gateway or an interface endpoint that pipegen does not own."
        case .boundaryCredentialsExposure, .boundaryDataExfiltration, .boundaryPermissionsManagement, .boundaryPrivilegeEscalation,
            .boundaryWriteAccess:
            return "A permissions boundary grants nothing: it caps what each role's own least-privilege policies grant. "
                + "This one leaves every action but IAM, Organizations and account settings to those policies, and lets "
                + "IAM touch only the project's roles, changing their policies only when they carry this same boundary."
        }
    }

    /// `Metadata` entries that skip `checks` on a resource.
    static func metadata(_ checks: [CheckovSuppression]) -> [Field] {
        guard !checks.isEmpty else { return [] }
        let skips: [Value] = checks.map { .map([Field("id", .string($0.id)), Field("comment", .string($0.reason))]) }
        return [Field("checkov", .map([Field("skip", .list(skips))]))]
    }
}

extension Resource {
    /// The resource with `checks` suppressed for checkov, with their reasons.
    func skipping(_ checks: CheckovSuppression...) -> Resource {
        var copy = self
        copy.metadata += CheckovSuppression.metadata(checks)
        return copy
    }
}
