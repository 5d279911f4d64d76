import CloudFormation
import PipegenConfig
import YAMLKit

/// One AWS API call that a service makes at run time on a pipeline's behalf: which action,
/// made by whom, where, on what, and which resource policy must also allow it. The calls of
/// every action and build are listed from the built templates and the `PipelineSpec`s
/// (`RuntimeCalls.list`); `RuntimeAccess` evaluates each one as IAM would.
/// docs/RUNTIME.md gives each call with the documentation it rests on.
struct RuntimeCall: Sendable {
    /// Who makes the call.
    enum Caller: Sendable, Hashable {
        /// A role of the templates (its ARN): its inline policies must allow the call.
        case role(String)
        /// A service acting as itself (`events.amazonaws.com`): only resource policies apply.
        case service(String)
        /// A principal of `account` whose own policies pipegen does not write (an ECS task
        /// execution role): only the resource policy is checked.
        case external(account: String, what: String)
    }

    /// The resource policy that must allow the call besides the caller's own policy.
    enum ResourcePolicy: Sendable, Hashable {
        /// None: the caller's identity policy decides alone.
        case none
        /// The key policy of the KMS key the resource ARN names.
        case key
        /// The bucket policy of the bucket the resource ARN names.
        case bucket
        /// The repository policy of the ECR repository.
        case repository
        /// The topic policy of the SNS topic.
        case topic
        /// The trust policy of the role being assumed (`sts:AssumeRole`).
        case trust
        /// The function's resource-based policy (its `AWS::Lambda::Permission`s).
        case function
    }

    /// `s3:GetObject`.
    var action: String
    var caller: Caller
    /// The account and region the call is made in (the resource's).
    var account: String
    var region: String
    /// The ARN of the resource, or `*` for actions without a resource type.
    var resource: String
    var policy: ResourcePolicy
    /// Request context beyond what every call carries (`aws:PrincipalArn`,
    /// `aws:SecureTransport`): `iam:PassedToService`, `aws:SourceArn`, an encryption context.
    var context: [(key: String, value: String)] = []
    /// The config line that makes the call happen: a pipeline's key, an environment's name.
    var cause: Mark?
    /// What makes the call, for messages: `action 'dev/Deploy' of pipeline 'shop-infrastructure-deployment'`.
    var origin: String
    /// Set when the templates lack what the call needs to be made at all (a deployment group
    /// the action names): the call fails whatever the policies say.
    var missing: String? = nil

    /// The account of the caller: a role's from its ARN, a service's the resource's.
    var callerAccount: String {
        switch caller {
        case .role(let arn): return RuntimeCall.account(ofArn: arn) ?? account
        case .service: return account
        case .external(let account, _): return account
        }
    }

    /// The account field of an ARN (`arn:aws:iam::<account>:role/x`), nil when it has none.
    static func account(ofArn arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }

    /// The region field of an ARN, nil when it has none.
    static func region(ofArn arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }

    /// A text that tells two calls apart, for listing each call once.
    var key: String {
        let who: String
        switch caller {
        case .role(let arn): who = arn
        case .service(let name): who = "service:" + name
        case .external(let account, let what): who = "external:\(account):\(what)"
        }
        var out = "\(action)|\(who)|\(resource)|\(region)|\(policy)"
        for c in context { out += "|\(c.key)=\(c.value)" }
        return out
    }
}

/// Builds the runtime calls of one cause: keeps each call once, in the order first listed.
struct RuntimeCallList {
    private(set) var calls: [RuntimeCall] = []
    private var seen: Set<String> = []

    mutating func append(_ call: RuntimeCall) {
        if seen.insert(call.key).inserted { calls.append(call) }
    }

    mutating func append(contentsOf calls: [RuntimeCall]) {
        for call in calls { append(call) }
    }
}
