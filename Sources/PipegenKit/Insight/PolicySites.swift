import CloudFormation

/// A statement with every value resolved to text by the `Resolver` the consistency check
/// uses: what a permission diff compares.
struct Grant: Sendable, Hashable {
    struct Condition: Sendable, Hashable {
        let op: String
        let key: String
        let values: [String]
    }

    let sid: String?
    let effect: IAM.Effect
    /// AWS principals as ARNs (or account ids), service principals as `service <name>`, and
    /// `*` for everyone.
    let principals: [String]
    let actions: [String]
    /// Empty for a resource policy's statements, which act on the policy's own resource.
    let resources: [String]
    let conditions: [Condition]

    init(_ s: IAM.Statement, _ r: Resolver) {
        sid = s.sid
        effect = s.effect
        switch s.principal {
        case .aws(let values)?: principals = values.map(r.text)
        case .service(let values)?: principals = values.map { "service " + r.text($0) }
        case .everyone?: principals = ["*"]
        case nil: principals = []
        }
        actions = s.actions
        resources = s.resources.map(r.text)
        conditions = s.conditions.map { Condition(op: $0.operator, key: $0.key, values: $0.values.map(r.text)) }
    }

    init(
        sid: String?, effect: IAM.Effect, principals: [String], actions: [String], resources: [String],
        conditions: [Condition]
    ) {
        (self.sid, self.effect, self.principals, self.actions) = (sid, effect, principals, actions)
        (self.resources, self.conditions) = (resources, conditions)
    }

    /// One line for a whole statement: `Allow s3:GetObject on arn:... for arn:... when ...`.
    var summary: String {
        var out = "\(effect.rawValue) \(actions.joined(separator: ", "))"
        if !resources.isEmpty { out += " on \(resources.joined(separator: ", "))" }
        if !principals.isEmpty { out += " for \(principals.joined(separator: ", "))" }
        for c in conditions { out += " when \(c.op) \(c.key) \(c.values.joined(separator: ", "))" }
        return out
    }
}

extension Resolver {
    /// What `string` resolves to, or a short spelling of the intrinsic when it cannot be
    /// resolved (a parameter, an attribute other than `Arn`), so nothing is dropped.
    func text(_ value: Value) -> String {
        if let s = string(value) { return s }
        switch value {
        case .ref(let name): return "{Ref \(name)}"
        case .getAtt(let id, let attribute): return "{\(id).\(attribute)}"
        case .sub(let text, _): return text
        case .importValue(let v): return "import:\(text(v))"
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .join(let separator, let items): return items.map(text).joined(separator: separator)
        case .int(let i): return String(i)
        case .bool(let b): return String(b)
        default: return "{\(value)}"
        }
    }
}

/// One policy of a template and what holds it: a role's inline policy, trust or managed
/// policies, a key, bucket, repository or topic policy, or a function's permission.
struct PolicySite: Sendable {
    let policy: PermissionChange.Policy
    let logicalId: String
    let holder: String
    let name: String?
    let grants: [Grant]
    /// The managed policy ARNs, for `managedPolicies`.
    let attachments: [String]

    /// Which site of the other side this one is: the same resource, policy and name.
    var key: String { "\(logicalId)|\(policy.rawValue)|\(name ?? "")" }

    /// Every policy of `template`, read from the resources' properties (so a template read back
    /// from text and one built by pipegen are read alike), resolved in `account` and `region`.
    static func all(in template: Template, account: String, region: String) -> [PolicySite] {
        let r = Resolver(template: template, account: account, region: region)
        var out: [PolicySite] = []
        for (id, resource) in template.resources {
            let properties = resource.properties
            func property(_ name: String) -> Value? { properties.first { $0.name == name }?.value }
            func grants(_ name: String) -> [Grant] {
                property(name).flatMap(IAM.PolicyDocument.init(reading:))?.statements.map { Grant($0, r) } ?? []
            }
            func site(_ policy: PermissionChange.Policy, _ holder: String, _ grants: [Grant], name: String? = nil) {
                out.append(
                    PolicySite(
                        policy: policy, logicalId: id, holder: holder, name: name, grants: grants, attachments: []))
            }
            let named = r.name(id) ?? id
            switch resource.typeName {
            case IAM.Role.typeName:
                let holder = "role \(named)"
                site(.trust, holder, grants("AssumeRolePolicyDocument"))
                if case .list(let policies)? = property("Policies") {
                    for case .map(let fields) in policies {
                        let name = fields.first { $0.name == "PolicyName" }.map { r.text($0.value) } ?? ""
                        let document = fields.first { $0.name == "PolicyDocument" }?.value
                        let statements = document.flatMap(IAM.PolicyDocument.init(reading:))?.statements ?? []
                        site(.identity, holder, statements.map { Grant($0, r) }, name: name)
                    }
                }
                if case .list(let arns)? = property("ManagedPolicyArns"), !arns.isEmpty {
                    out.append(
                        PolicySite(
                            policy: .managedPolicies, logicalId: id, holder: holder, name: nil, grants: [],
                            attachments: arns.map(r.text)))
                }
            case IAM.ManagedPolicy.typeName:
                site(
                    .identity, "managed policy \(property("ManagedPolicyName").map(r.text) ?? id)",
                    grants("PolicyDocument"))
            case KMS.Key.typeName, KMS.ReplicaKey.typeName:
                site(
                    .keyPolicy, "key \(id)" + (alias(of: id, in: template, r).map { " (\($0))" } ?? ""),
                    grants("KeyPolicy"))
            case S3.BucketPolicy.typeName:
                site(.bucketPolicy, "bucket \(property("Bucket").map(r.text) ?? id)", grants("PolicyDocument"))
            case ECR.Repository.typeName where property("RepositoryPolicyText") != nil:
                site(.repositoryPolicy, "repository \(named)", grants("RepositoryPolicyText"))
            case SNS.TopicPolicy.typeName:
                let topics: [Value]
                if case .list(let items)? = property("Topics") { topics = items } else { topics = [] }
                site(.topicPolicy, "topic " + topics.map(r.text).joined(separator: ", "), grants("PolicyDocument"))
            case Lambda.Permission.typeName:
                let function = property("FunctionName").map(r.text) ?? id
                var conditions: [Grant.Condition] = []
                if let arn = property("SourceArn") {
                    conditions.append(.init(op: "ArnLike", key: "aws:SourceArn", values: [r.text(arn)]))
                }
                if let account = property("SourceAccount") {
                    conditions.append(.init(op: "StringEquals", key: "aws:SourceAccount", values: [r.text(account)]))
                }
                let principal = property("Principal").map(r.text) ?? ""
                let grant = Grant(
                    sid: nil, effect: .allow,
                    principals: [AWSService.isPrincipal(principal) ? "service " + principal : principal],
                    actions: [property("Action").map(r.text) ?? ""], resources: [function], conditions: conditions)
                site(.functionPolicy, "function \(function)", [grant])
            default:
                break
            }
        }
        return out
    }

    /// The alias a template gives key `id`, which says which key it is better than its id.
    static func alias(of id: String, in template: Template, _ r: Resolver) -> String? {
        for (_, resource) in template.resources where resource.typeName == KMS.Alias.typeName {
            let properties = resource.properties
            guard properties.first(where: { $0.name == "TargetKeyId" })?.value == .ref(id) else { continue }
            return properties.first { $0.name == "AliasName" }.map { r.text($0.value) }
        }
        return nil
    }
}

extension Resolver {
    /// The physical name resource `id` is given, resolved; nil when it has none.
    func name(_ id: String) -> String? {
        template.resource(id)?.model.physicalName.flatMap(string)
    }
}
