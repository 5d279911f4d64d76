import CloudFormation
import PipegenConfig
import YAMLKit

/// Evaluates the runtime calls of a config (`RuntimeCalls`) against the templates as IAM
/// would: the calling role's inline policies (AWS managed policies are taken to grant
/// nothing), and the resource policy the call depends on — key, bucket, repository, topic or
/// function policy, or the trust policy of a role being assumed — in the account and region
/// where the call happens.
///
/// IAM's rules, as the IAM User Guide's policy evaluation logic states them: an explicit Deny
/// in any policy wins; within one account an Allow in either the identity or the resource
/// policy is enough, except that a resource policy granting the *account* (its root) only lets
/// the account's identity policies grant; across accounts both must allow. A KMS key and a
/// role's trust are never optional: the key policy (or trust policy) must allow the principal,
/// or the account (and then the identity policy too). A service acting as itself has no
/// identity policy: the resource policy alone decides. A role's permissions boundary must
/// allow every call it makes (a boundary limits what a resource policy grants the role's ARN
/// as well); a boundary pipegen does not write (a policy the config names) is taken to
/// allow what the role needs, since pipegen cannot read it.
/// [Permissions boundaries](https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)
///
/// A call that would be denied is reported at the config line that causes it. Where it
/// overlaps `Consistency` (assumed roles' trust and grants, artifact reads from the
/// environment accounts, events targets, approval topics), this check covers every call the
/// pipelines make, and `Consistency` keeps what this one does not ask: grants to nobody,
/// roles allowed more than they use, the route's order and approvals.
struct RuntimeAccess {
    let index: RuntimeIndex

    /// The actions of `call` that would be denied, each with why and, when a statement of the
    /// config's `roles:` denies it, that statement's `Sid`; empty when all are allowed.
    func denials(_ call: RuntimeCall) -> [(action: String, reason: String, configSid: String?)] {
        func all(_ reason: String) -> [(action: String, reason: String, configSid: String?)] { call.actions.map { ($0, reason, nil) } }
        if let missing = call.missing { return all(missing) }
        let callerAccount = call.callerAccount
        let sameAccount = callerAccount == call.account
        let caller = Principal(call.caller, account: callerAccount)
        var context = Request(facts: call.context)
        // The caller's own policy, if it has one.
        var callerRole: RuntimeIndex.Role?
        if case .role(let arn) = call.caller {
            guard let role = index.roles[arn] else { return all("no template creates the role '\(arn)'") }
            callerRole = role
            context.principalArn = arn
        }
        // The resource policy the call needs, and how to name it.
        let policy: [ResolvedStatement]
        let named: String
        switch call.policy {
        case .none:
            policy = []
            named = ""
        case .key:
            guard let key = index.key(call.resource) else {
                return all("no template creates the key '\(call.resource)'")
            }
            context.aliases = key.aliases
            policy = key.policy
            named = "the key policy of '\(key.arn)'"
        case .bucket:
            guard let bucket = index.bucket(ofArn: call.resource) else {
                return all("no template creates the bucket of '\(call.resource)'")
            }
            if bucket.region != call.region {
                return all("the bucket '\(bucket.name)' is in \(bucket.region), and the call is made in \(call.region)")
            }
            policy = bucket.policy
            named = "the bucket policy of '\(bucket.name)'"
        case .repository:
            guard let repo = index.repositories[call.resource] else {
                return all("no template creates the repository '\(call.resource)'")
            }
            policy = repo.policy
            named = "the repository policy of '\(repo.arn)'"
        case .topic:
            guard let topic = index.topics[call.resource] else {
                return all("no template creates the topic '\(call.resource)'")
            }
            policy = topic.policy
            named = "the topic policy of '\(topic.arn)'"
        case .trust:
            guard let role = index.roles[call.resource] else {
                return all("no template creates the role '\(call.resource)'")
            }
            policy = role.trust
            named = "the trust policy of '\(call.resource)'"
        case .function:
            guard let function = index.functions[call.resource] else {
                return all("no template creates the function '\(call.resource)'")
            }
            policy = []
            named = "the resource policy of '\(function.arn)'"
        case .registry:
            guard let registry = index.registries["\(call.account)|\(call.region)"] else {
                return all("no template creates a registry policy in account \(call.account), \(call.region)")
            }
            policy = registry.policy
            named = "the registry policy of account \(call.account) in \(call.region)"
        }
        var out: [(action: String, reason: String, configSid: String?)] = []
        let boundary = callerRole?.boundary.flatMap { arn in index.policies[arn].map { (arn, $0) } }
        for action in call.actions {
            let identity =
                callerRole.map { Self.decide($0.permissions, action, call.resource, context: context, principal: nil) }
                ?? .notApplicable
            if identity == .deny, case .role(let arn) = call.caller {
                let sid = Self.denying(callerRole!.permissions, action, call.resource, context: context)?.sid
                out.append((action, "the identity policy of '\(arn)' denies it", sid.flatMap { $0.hasPrefix(Governance.statementSid) ? $0 : nil }))
                continue
            }
            if let (arn, statements) = boundary,
                Self.decide(statements, action, call.resource, context: context, principal: nil) != .allowPrincipal
            {
                out.append((action, "its permissions boundary '\(arn)' does not allow it", nil))
                continue
            }
            let resource: Decision
            switch call.policy {
            case .none: resource = .notApplicable
            case .function:
                resource = Self.functionDecision(index.functions[call.resource]!, action, call.caller, context: context)
            default: resource = Self.decide(policy, action, call.resource, context: context, principal: caller)
            }
            if let reason = Self.verdict(
                call, identity: identity, resource: resource, named: named, sameAccount: sameAccount)
            {
                out.append((action, reason, nil))
            }
        }
        return out
    }

    /// IAM's verdict from the identity and resource policies' decisions, nil when allowed.
    private static func verdict(
        _ call: RuntimeCall, identity: Decision, resource: Decision, named: String, sameAccount: Bool
    ) -> String? {
        if resource == .deny { return "\(named) denies it" }
        switch call.caller {
        case .service:
            // No identity policy: a policy-less resource (none here) or the resource policy decides.
            return call.policy == .none || resource == .allowPrincipal ? nil : "\(named) does not allow it"
        case .external:
            // In its own account, its identity policies (not pipegen's) may allow it: the
            // resource must exist and deny nothing. Across accounts the resource policy must allow.
            return call.policy == .none || sameAccount || resource != .notApplicable ? nil : "\(named) does not allow it"
        case .role(let arn):
            if call.policy == .none {
                return identity == .allowPrincipal ? nil : "the identity policy of '\(arn)' does not allow it"
            }
            // A key policy and a trust policy must always allow; other resource policies only
            // across accounts.
            let required = call.policy == .key || call.policy == .trust || !sameAccount
            if resource == .notApplicable, required { return "\(named) does not allow it" }
            // Only a grant to the principal itself, in its own account, needs no identity policy.
            let resourceAlone = sameAccount && resource == .allowPrincipal
            if !resourceAlone, identity != .allowPrincipal {
                return "the identity policy of '\(arn)' does not allow it"
            }
            return nil
        }
    }

    /// What a policy says of a call: nothing, an Allow (of the caller itself, or of its
    /// account), or a Deny.
    enum Decision: Equatable {
        case notApplicable
        case allowPrincipal
        /// A resource policy allows the caller's account (its root): the account's identity
        /// policies must allow too.
        case allowAccount
        case deny

    }

    /// The caller as resource policies name it: its ARN or service name, and its account's
    /// root, spelled once per call.
    struct Principal {
        let caller: RuntimeCall.Caller
        let root: String
        let account: String

        init(_ caller: RuntimeCall.Caller, account: String) {
            self.caller = caller
            self.account = account
            root = "arn:aws:iam::\(account):root"
        }
    }

    /// The request context of a call, as conditions read it: the call's own facts, and those
    /// every call carries (made over TLS; the caller's ARN; the aliases of the key it uses),
    /// looked up only when a condition asks.
    struct Request {
        let facts: [RuntimeCall.Fact]
        var principalArn: String?
        var aliases: [String] = []

        init(facts: [RuntimeCall.Fact]) { self.facts = facts }

        /// The values of condition key `key` (compared without ASCII case).
        func values(_ key: String) -> [String] {
            if sameKey(key, "aws:SecureTransport") { return ["true"] }
            if sameKey(key, "aws:PrincipalArn") { return principalArn.map { [$0] } ?? [] }
            if sameKey(key, "kms:ResourceAliases") { return aliases }
            return facts.filter { sameKey($0.key, key) }.map(\.value)
        }
    }

    /// The decision of `statements` on `action` on `resource`. `principal` is nil
    /// for an identity policy (its statements have no `Principal`), else the caller a
    /// resource policy must name.
    static func decide(
        _ statements: [ResolvedStatement], _ action: String, _ resource: String, context: Request, principal: Principal?
    ) -> Decision {
        var out = Decision.notApplicable
        for s in statements where s.matches(action: action) && s.matches(resource: resource) {
            var grant = Decision.allowPrincipal
            if let principal {
                guard let g = principalGrant(s, principal) else { continue }
                grant = g
            }
            guard conditionsHold(s, context) else { continue }
            if s.effect == .deny { return .deny }
            if out != .allowPrincipal { out = grant }
        }
        return out
    }

    /// The first Deny of an identity policy that applies to `action` on `resource`.
    static func denying(_ statements: [ResolvedStatement], _ action: String, _ resource: String, context: Request) -> ResolvedStatement? {
        statements.first { s in
            s.effect == .deny && s.matches(action: action) && s.matches(resource: resource) && conditionsHold(s, context)
        }
    }

    /// How a resource policy statement names the caller: itself, its account, or not at all.
    private static func principalGrant(_ s: ResolvedStatement, _ p: Principal) -> Decision? {
        if s.everyone { return .allowPrincipal }
        switch p.caller {
        case .service(let name):
            return s.services.contains(name) ? .allowPrincipal : nil
        case .role(let arn):
            if s.names(arn) { return .allowPrincipal }
            return s.names(p.root) || s.names(p.account) ? .allowAccount : nil
        case .external:
            return s.names(p.root) || s.names(p.account) ? .allowAccount : nil
        }
    }

    /// A function's resource-based policy: a permission for the calling service, the action,
    /// and (when it names one) the call's source ARN.
    private static func functionDecision(
        _ f: RuntimeIndex.Function, _ action: String, _ caller: RuntimeCall.Caller, context: Request
    ) -> Decision {
        guard case .service(let name) = caller else { return .notApplicable }
        let source = context.values("aws:SourceArn").first
        let allowed = f.permissions.contains { p in
            p.principal == name && PolicyMatch.glob(p.action, action, caseInsensitive: true)
                && (p.sourceArn == nil || p.sourceArn == source)
        }
        return allowed ? .allowPrincipal : .notApplicable
    }

    /// Every condition of `s` holds in `context`. A key the request does not carry makes its
    /// condition false, and a negated one (`StringNotEquals`, ...) true: IAM's rule for all
    /// operators but `...IfExists` and `Null`. A negated operator holds when no value
    /// matches. An operator this check does not know is taken as false, so an Allow it
    /// guards never counts and a Deny it guards is reported only when the rest of the
    /// statement says so.
    /// [Condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
    static func conditionsHold(_ s: ResolvedStatement, _ context: Request) -> Bool {
        for c in s.conditions {
            let actual = context.values(c.key)
            let op = c.operator
            let holds: Bool
            switch op {
            case "StringEquals", "ForAnyValue:StringEquals":
                holds = actual.contains { c.values.contains($0) }
            case "StringLike", "ForAnyValue:StringLike", "ArnEquals", "ArnLike":
                holds = actual.contains { a in c.values.contains { PolicyMatch.glob($0, a) } }
            case "Bool":
                holds = actual.contains { a in c.values.contains { $0.lowercased() == a.lowercased() } }
            case "StringNotEquals":
                holds = !actual.contains { c.values.contains($0) }
            case "StringNotLike", "ArnNotEquals", "ArnNotLike":
                holds = !actual.contains { a in c.values.contains { PolicyMatch.glob($0, a) } }
            default:
                holds = false
            }
            if !holds { return false }
        }
        return true
    }

    /// The diagnostic of a denied action of a call.
    static func diagnostic(_ call: RuntimeCall, _ action: String, _ reason: String, fallback: Mark?) -> Diagnostic {
        let who: String
        switch call.caller {
        case .role(let arn): who = "'\(arn)'"
        case .service(let name): who = "the service '\(name)'"
        case .external(let account, let what): who = "\(what) of account \(account)"
        }
        return .error(
            "\(call.origin): at run time \(who) would be denied \(action) on '\(call.resource)' in \(call.account) (\(call.region)): \(reason)",
            at: call.cause ?? fallback,
            notes: [
                reason.hasPrefix("the identity policy of") && reason.hasSuffix("denies it")
                    ? .note(
                        "a Deny statement of the role forbids a call the pipeline makes; if it is one the config adds to the role (such as 'execution-role.statements'), leave this call out of it"
                    )
                    : .note(
                        "the generated templates do not allow a call the pipeline makes; this is a bug in pipegen, please report it"
                    ),
                .note("docs/RUNTIME.md lists each call and the AWS documentation it rests on"),
            ])
    }
}

/// Condition keys compare without ASCII case.
private func sameKey(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
    return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8) { lower($0) == lower($1) }
}

extension RuntimeAccess {
    /// Lists every runtime call of the config's pipelines, rules and functions from its
    /// templates and evaluates each: one diagnostic per denied call (each call once), in the
    /// order of the pipelines, their stages and actions, then the rules. `parts` are the
    /// templates' `RuntimeIndex` parts, in `stacks` order.
    static func run(config: Config, specs: [PipelineSpec], stacks: [StackTemplate], parts: [RuntimeIndex.Part])
        -> [Diagnostic]
    {
        // The consistency check reports a missing tooling template.
        guard let scene = RuntimeScene(config: config, stacks: stacks) else { return [] }
        let access = RuntimeAccess(index: RuntimeIndex(parts))
        var out: [Diagnostic] = []
        var pipelines: [RuntimeCalls.Pipeline] = []
        for spec in specs {
            if let p = RuntimeCalls.pipeline(spec, scene) {
                pipelines.append(p)
            } else {
                out.append(
                    .error(
                        "pipeline '\(spec.name)' is not in the tooling template: none of its calls can be made",
                        at: config.project.mark,
                        notes: [
                            .note(
                                "the generated templates disagree with each other; this is a bug in pipegen, please report it"
                            )
                        ]))
            }
        }
        var jobs: [@Sendable () -> [RuntimeCall]] = []
        for p in pipelines {
            jobs.append { RuntimeCalls.calls(of: p, scene) }
            for stage in p.spec.stages { jobs.append { RuntimeCalls.calls(of: stage, in: p, scene) } }
        }
        let all = pipelines
        jobs.append { RuntimeCalls.eventCalls(scene, pipelines: all) }
        // Each job lists and evaluates its calls; a call several jobs make is reported once.
        let denied = Parallel.map(jobs) { job -> [(key: RuntimeCall.Key, action: String, diagnostic: Diagnostic)] in
            job().flatMap { call in
                access.denials(call).map { denied in
                    (
                        call.key, denied.action,
                        denied.configSid.flatMap { RuntimeAccess.configDenial(call, denied.action, $0, config) }
                            ?? RuntimeAccess.diagnostic(call, denied.action, denied.reason, fallback: config.project.mark)
                    )
                }
            }
        }
        var seen: Set<RuntimeCall.Key> = []
        for (key, action, diagnostic) in denied.joined() {
            var one = key
            one.actions = [action]
            if seen.insert(one).inserted { out.append(diagnostic) }
        }
        return out
    }

    /// Every runtime call of the config, each once, in the order `run` evaluates them (for
    /// tests and the documentation's table).
    static func calls(config: Config, specs: [PipelineSpec], stacks: [StackTemplate]) -> [RuntimeCall] {
        guard let scene = RuntimeScene(config: config, stacks: stacks) else { return [] }
        let pipelines = specs.compactMap { RuntimeCalls.pipeline($0, scene) }
        var list = RuntimeCallList()
        for p in pipelines {
            list.append(contentsOf: RuntimeCalls.calls(of: p, scene))
            for stage in p.spec.stages { list.append(contentsOf: RuntimeCalls.calls(of: stage, in: p, scene)) }
        }
        list.append(contentsOf: RuntimeCalls.eventCalls(scene, pipelines: pipelines))
        return list.calls
    }
}

extension Pipegen {
    /// The runtime access check of the templates `config` builds to.
    package static func runtimeAccess(_ config: Config) -> [Diagnostic] {
        runtimeAccess(config, stacks: StackSet.build(config).stacks)
    }

    /// The same check over a given set of templates (tests use it on altered templates).
    package static func runtimeAccess(_ config: Config, stacks: [StackTemplate]) -> [Diagnostic] {
        let parts = Parallel.map(stacks) { RuntimeIndex.part($0, Consistency.resolve($0)) }
        return RuntimeAccess.run(config: config, specs: pipelines(config), stacks: stacks, parts: parts)
    }
}
