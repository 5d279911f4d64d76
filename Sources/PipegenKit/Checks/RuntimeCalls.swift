import CloudFormation
import PipegenConfig
import YAMLKit

/// AWS API calls that a service makes at run time on a pipeline's behalf: which actions
/// (one or several that the same caller makes on the same resource, evaluated together),
/// made by whom, where, on what, and which resource policy must also allow them. The calls of
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
        /// The registry policy of the ECR registry of the call's account and region.
        case registry
    }

    /// `s3:GetObject`; several when the same caller makes them on the same resource.
    var actions: [String]
    var caller: Caller
    /// The account and region the call is made in (the resource's).
    var account: String
    var region: String
    /// The ARN of the resource, or `*` for actions without a resource type.
    var resource: String
    var policy: ResourcePolicy
    /// Request context beyond what every call carries (`aws:PrincipalArn`,
    /// `aws:SecureTransport`): `iam:PassedToService`, `aws:SourceArn`, an encryption context.
    var context: [Fact] = []
    /// The config line that makes the call happen: a pipeline's key, an environment's name.
    var cause: Mark?
    /// What makes the call, for messages: `action 'dev/Deploy' of pipeline 'shop-infrastructure-deployment'`.
    var origin: String
    /// Set when the templates lack what the call needs to be made at all (a deployment group
    /// the action names): the call fails whatever the policies say.
    var missing: String? = nil

    init(
        actions: [String], caller: Caller, account: String, region: String, resource: String, policy: ResourcePolicy,
        context: [RuntimeCall.Fact] = [], cause: Mark?, origin: String, missing: String? = nil
    ) {
        self.actions = actions
        self.caller = caller
        self.account = account
        self.region = region
        self.resource = resource
        self.policy = policy
        self.context = context
        self.cause = cause
        self.origin = origin
        self.missing = missing
    }

    init(
        action: String, caller: Caller, account: String, region: String, resource: String, policy: ResourcePolicy,
        context: [RuntimeCall.Fact] = [], cause: Mark?, origin: String, missing: String? = nil
    ) {
        self.init(
            actions: [action], caller: caller, account: account, region: region, resource: resource, policy: policy,
            context: context,
            cause: cause, origin: origin, missing: missing)
    }

    /// The account of the caller: a role's from its ARN, a service's the resource's.
    var callerAccount: String {
        switch caller {
        case .role(let arn): return RuntimeCall.account(ofArn: arn) ?? account
        case .service: return account
        case .external(let account, _): return account
        }
    }

    /// The account field of an ARN (`arn:aws:iam::<account>:role/x`), nil when it has none.
    static func account(ofArn arn: String) -> String? { field(4, of: arn) }

    /// The region field of an ARN, nil when it has none.
    static func region(ofArn arn: String) -> String? { field(3, of: arn) }

    /// Field `n` (0-based, colon-separated) of an ARN, nil when empty or missing. Scans the
    /// bytes in place: the check asks it for every call.
    private static func field(_ n: Int, of arn: String) -> String? {
        var index = 0
        var start = arn.utf8.startIndex
        for i in arn.utf8.indices where arn.utf8[i] == UInt8(ascii: ":") {
            if index == n {
                return start == i ? nil : String(arn.utf8[start..<i])
            }
            index += 1
            start = arn.utf8.index(after: i)
        }
        return nil
    }

    /// A request context key and its value (`iam:PassedToService` = `cloudformation.amazonaws.com`).
    struct Fact: Hashable, Sendable {
        let key: String
        let value: String

        init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// What tells two calls apart, for listing each call once.
    struct Key: Hashable {
        var actions: [String]
        let caller: Caller
        let resource: String
        let region: String
        let policy: ResourcePolicy
        let context: [Fact]
    }

    var key: Key {
        Key(actions: actions, caller: caller, resource: resource, region: region, policy: policy, context: context)
    }
}

/// Builds the runtime calls of one cause: keeps each call once, in the order first listed.
struct RuntimeCallList {
    private(set) var calls: [RuntimeCall] = []
    private var seen: Set<RuntimeCall.Key> = []

    mutating func append(_ call: RuntimeCall) {
        if seen.insert(call.key).inserted { calls.append(call) }
    }

    mutating func append(contentsOf calls: [RuntimeCall]) {
        for call in calls { append(call) }
    }
}
