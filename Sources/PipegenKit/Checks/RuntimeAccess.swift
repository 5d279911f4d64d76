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
/// identity policy: the resource policy alone decides.
///
/// A call that would be denied is reported at the config line that causes it. Where it
/// overlaps `Consistency` (assumed roles' trust and grants, artifact reads from the
/// environment accounts, events targets, approval topics), this check covers every call the
/// pipelines make, and `Consistency` keeps what this one does not ask: grants to nobody,
/// roles allowed more than they use, the route's order and approvals.
struct RuntimeAccess {
    let index: RuntimeIndex

    /// Why a call would be denied, nil when it is allowed.
    func denial(_ call: RuntimeCall) -> String? {
        if let missing = call.missing { return missing }
        let sameAccount = call.callerAccount == call.account
        var context = call.context
        context.append(("aws:SecureTransport", "true"))
        var identity: Decision = .notApplicable
        switch call.caller {
        case .role(let arn):
            guard let role = index.roles[arn] else { return "no template creates the role '\(arn)'" }
            context.append(("aws:PrincipalArn", arn))
            if call.policy == .key, let key = index.key(call.resource) {
                context += key.aliases.map { ("kms:ResourceAliases", $0) }
            }
            identity = Self.decide(role.permissions, call, context: context, principal: nil)
            if identity == .deny { return "the identity policy of '\(arn)' denies it" }
        case .service, .external:
            identity = .notApplicable
        }
        let resource: Decision
        let named: String
        switch call.policy {
        case .none:
            if case .role(let arn) = call.caller, identity != .allow {
                return "the identity policy of '\(arn)' does not allow it"
            }
            return nil
        case .key:
            guard let key = index.key(call.resource) else { return "no template creates the key '\(call.resource)'" }
            resource = Self.decide(key.policy, call, context: context, principal: call.caller)
            named = "the key policy of '\(key.arn)'"
        case .bucket:
            guard let bucket = index.bucket(ofArn: call.resource) else { return "no template creates the bucket of '\(call.resource)'" }
            if bucket.region != call.region {
                return "the bucket '\(bucket.name)' is in \(bucket.region), and the call is made in \(call.region)"
            }
            resource = Self.decide(bucket.policy, call, context: context, principal: call.caller)
            named = "the bucket policy of '\(bucket.name)'"
        case .repository:
            guard let repo = index.repositories[call.resource] else { return "no template creates the repository '\(call.resource)'" }
            resource = Self.decide(repo.policy, call, context: context, principal: call.caller)
            named = "the repository policy of '\(repo.arn)'"
        case .topic:
            guard let topic = index.topics[call.resource] else { return "no template creates the topic '\(call.resource)'" }
            resource = Self.decide(topic.policy, call, context: context, principal: call.caller)
            named = "the topic policy of '\(topic.arn)'"
        case .trust:
            guard let role = index.roles[call.resource] else { return "no template creates the role '\(call.resource)'" }
            resource = Self.decide(role.trust, call, context: context, principal: call.caller)
            named = "the trust policy of '\(call.resource)'"
        case .function:
            guard let function = index.functions[call.resource] else { return "no template creates the function '\(call.resource)'" }
            resource = Self.functionDecision(function, call, context: context)
            named = "the resource policy of '\(function.arn)'"
        }
        if resource == .deny { return "\(named) denies it" }
        switch call.caller {
        case .service:
            return resource == .allowPrincipal ? nil : "\(named) does not allow it"
        case .external:
            return resource == .notApplicable ? "\(named) does not allow it" : nil
        case .role(let arn):
            // A key policy and a trust policy must always allow; other resource policies only
            // across accounts.
            let required = call.policy == .key || call.policy == .trust || !sameAccount
            if resource == .notApplicable, required { return "\(named) does not allow it" }
            // Only a grant to the principal itself, in its own account, needs no identity policy.
            let resourceAlone = sameAccount && resource == .allowPrincipal
            if !resourceAlone, identity != .allow { return "the identity policy of '\(arn)' does not allow it" }
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

        /// An identity policy's Allow.
        static let allow = Decision.allowPrincipal
    }

    /// The decision of `statements` on `call`. `principal` is nil for an identity policy
    /// (its statements have no `Principal`), else the caller a resource policy must name.
    static func decide(
        _ statements: [ResolvedStatement], _ call: RuntimeCall, context: [(key: String, value: String)], principal: RuntimeCall.Caller?
    ) -> Decision {
        var out = Decision.notApplicable
        for s in statements where s.matches(action: call.action) && s.matches(resource: call.resource) {
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

    /// How a resource policy statement names `caller`: itself, its account, or not at all.
    private static func principalGrant(_ s: ResolvedStatement, _ caller: RuntimeCall.Caller) -> Decision? {
        if s.everyone { return .allowPrincipal }
        switch caller {
        case .service(let name):
            return s.services.contains(name) ? .allowPrincipal : nil
        case .role(let arn):
            if s.principals.contains(arn) { return .allowPrincipal }
            guard let account = RuntimeCall.account(ofArn: arn) else { return nil }
            return s.principals.contains { isRoot($0, of: account) } ? .allowAccount : nil
        case .external(let account, _):
            return s.principals.contains { isRoot($0, of: account) } ? .allowAccount : nil
        }
    }

    /// `arn:<partition>:iam::<account>:root`, or the bare account id.
    private static func isRoot(_ principal: String, of account: String) -> Bool {
        principal == account || (principal.hasSuffix(":\(account):root") && principal.hasPrefix("arn:"))
    }

    /// A function's resource-based policy: a permission for the calling service, the action,
    /// and (when it names one) the call's source ARN.
    private static func functionDecision(_ f: RuntimeIndex.Function, _ call: RuntimeCall, context: [(key: String, value: String)])
        -> Decision
    {
        guard case .service(let name) = call.caller else { return .notApplicable }
        let source = context.first { $0.key == "aws:SourceArn" }?.value
        let allowed = f.permissions.contains { p in
            p.principal == name && PolicyMatch.glob(p.action, call.action, caseInsensitive: true)
                && (p.sourceArn == nil || p.sourceArn == source)
        }
        return allowed ? .allowPrincipal : .notApplicable
    }

    /// Every condition of `s` holds in `context`. A key the request does not carry makes its
    /// condition false (IAM's rule for all operators but `...IfExists` and `Null`); an
    /// operator this check does not know is taken as false, so an Allow it guards never
    /// counts and a Deny it guards is reported only when the rest of the statement says so.
    static func conditionsHold(_ s: ResolvedStatement, _ context: [(key: String, value: String)]) -> Bool {
        for c in s.conditions {
            let actual = context.filter { sameKey($0.key, c.key) }.map(\.value)
            if actual.isEmpty { return false }
            let op = c.operator
            let holds: Bool
            switch op {
            case "StringEquals", "ForAnyValue:StringEquals":
                holds = actual.contains { c.values.contains($0) }
            case "StringLike", "ForAnyValue:StringLike", "ArnEquals", "ArnLike":
                holds = actual.contains { a in c.values.contains { PolicyMatch.glob($0, a) } }
            case "Bool":
                holds = actual.contains { a in c.values.contains { $0.lowercased() == a.lowercased() } }
            default:
                holds = false
            }
            if !holds { return false }
        }
        return true
    }

    /// The diagnostic of a denied call.
    static func diagnostic(_ call: RuntimeCall, _ reason: String, fallback: Mark?) -> Diagnostic {
        let who: String
        switch call.caller {
        case .role(let arn): who = "'\(arn)'"
        case .service(let name): who = "the service '\(name)'"
        case .external(let account, let what): who = "\(what) of account \(account)"
        }
        return .error(
            "\(call.origin): at run time \(who) would be denied \(call.action) on '\(call.resource)' in \(call.account) (\(call.region)): \(reason)",
            at: call.cause ?? fallback,
            notes: [
                .note("the generated templates do not allow a call the pipeline makes; this is a bug in pipegen, please report it"),
                .note("docs/RUNTIME.md lists each call and the AWS documentation it rests on"),
            ])
    }
}

/// Condition keys compare without ASCII case.
private func sameKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
}

extension RuntimeAccess {
    /// Lists every runtime call of the config's pipelines, rules and functions from its
    /// templates and evaluates each: one diagnostic per denied call (each call once), in the
    /// order of the pipelines, their stages and actions, then the rules. `parts` are the
    /// templates' `RuntimeIndex` parts, in `stacks` order.
    static func run(config: Config, specs: [PipelineSpec], stacks: [StackTemplate], parts: [RuntimeIndex.Part]) -> [Diagnostic] {
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
                        "pipeline '\(spec.name)' is not in the tooling template: none of its calls can be made", at: config.project.mark,
                        notes: [.note("the generated templates disagree with each other; this is a bug in pipegen, please report it")]))
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
        let denied = Parallel.map(jobs) { job -> [(key: String, diagnostic: Diagnostic)] in
            var list = RuntimeCallList()
            list.append(contentsOf: job())
            return list.calls.compactMap { call in
                access.denial(call).map { (call.key, RuntimeAccess.diagnostic(call, $0, fallback: config.project.mark)) }
            }
        }
        var seen: Set<String> = []
        for (key, diagnostic) in denied.joined() where seen.insert(key).inserted { out.append(diagnostic) }
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
