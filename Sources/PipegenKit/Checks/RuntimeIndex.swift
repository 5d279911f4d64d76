import CloudFormation
import PipegenConfig

/// What the runtime access check reads from the templates: every role, key, bucket,
/// repository, topic and function, with its policies resolved once, by ARN (buckets by name).
/// Each template contributes a `Part`, made in that template's job.
struct RuntimeIndex: Sendable {
    struct Role: Sendable {
        let arn: String
        let trust: [ResolvedStatement]
        let permissions: [ResolvedStatement]
        /// The ARN of its permissions boundary, nil for none.
        var boundary: String? = nil
    }

    struct Key: Sendable {
        let arn: String
        let policy: [ResolvedStatement]
        /// Alias names (`alias/shop-artifacts`) of the key in its region.
        var aliases: [String]
        /// A replica of a multi-Region key: its ARN ends in its primary's id, which its own
        /// template only receives as a parameter.
        var isReplica = false
    }

    struct Bucket: Sendable {
        let name: String
        let account: String
        let region: String
        let policy: [ResolvedStatement]
    }

    /// A resource whose policy is a plain statement list: an ECR repository, an SNS topic.
    struct Governed: Sendable {
        let arn: String
        let policy: [ResolvedStatement]
        /// The KMS key that encrypts it, when one does (topics).
        var keyArn: String? = nil
    }

    /// A Lambda function and who may invoke it (`AWS::Lambda::Permission`).
    struct Function: Sendable {
        let arn: String
        var permissions: [(principal: String, action: String, sourceArn: String?)] = []
    }

    private(set) var roles: [String: Role] = [:]
    private(set) var keys: [String: Key] = [:]
    private(set) var buckets: [String: Bucket] = [:]
    private(set) var repositories: [String: Governed] = [:]
    private(set) var topics: [String: Governed] = [:]
    private(set) var functions: [String: Function] = [:]
    /// The managed policies of the templates (generated boundaries), by ARN.
    private(set) var policies: [String: [ResolvedStatement]] = [:]
    /// ECR registry policies by `account|region` (one per registry).
    private(set) var registries: [String: Governed] = [:]
    /// Replica keys by `account|region`.
    private var replicas: [String: Key] = [:]

    /// One template's roles, keys, buckets, repositories, topics and functions.
    struct Part: Sendable {
        var roles: [Role] = []
        var keys: [Key] = []
        var buckets: [Bucket] = []
        var repositories: [Governed] = []
        var topics: [Governed] = []
        var functions: [Function] = []
        var policies: [(arn: String, statements: [ResolvedStatement])] = []
        var registries: [(key: String, policy: Governed)] = []
    }

    /// The part of `stack`, reusing the role and bucket statements the consistency check
    /// resolved (`resolved`); only the trust of tooling roles is resolved here.
    static func part(_ stack: StackTemplate, _ resolved: Consistency.ResolvedStack) -> Part {
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        var part = Part()
        // One pass over the resources; an environment template holds only roles and
        // deployment resources, so most of its resources are skipped at once.
        var toolingTrust: [String: [ResolvedStatement]] = [:]
        var boundaries: [String: String] = [:]
        var keyIds: [String] = []
        var aliases: [KMS.Alias] = []
        var topics: [(id: String, model: SNS.Topic)] = []
        var topicPolicies: [SNS.TopicPolicy] = []
        var functionIds: [String] = []
        var permissions: [Lambda.Permission] = []
        for (id, resource) in stack.template.resources {
            if let role = resource.model as? IAM.Role, let boundary = role.permissionsBoundary.flatMap(r.string), let arn = r.arn(id) {
                boundaries[arn] = boundary
            }
            switch resource.model {
            case let role as IAM.Role where stack.owner == .tooling:
                // The consistency check resolves the trust of environment roles only.
                if let arn = r.arn(id) {
                    toolingTrust[arn] = role.assumeRolePolicyDocument.statements.map { ResolvedStatement($0, r) }
                }
            case let policy as IAM.ManagedPolicy:
                if let arn = r.ref(id) { part.policies.append((arn, policy.policyDocument.statements.map { ResolvedStatement($0, r) })) }
            case is KMS.Key, is KMS.ReplicaKey: keyIds.append(id)
            case let alias as KMS.Alias: aliases.append(alias)
            case let repo as ECR.Repository:
                if let arn = r.arn(id) {
                    part.repositories.append(
                        Governed(
                            arn: arn,
                            policy: repo.repositoryPolicyText?.statements.map { ResolvedStatement($0, r) } ?? []))
                }
            case let topic as SNS.Topic: topics.append((id, topic))
            case let policy as SNS.TopicPolicy: topicPolicies.append(policy)
            case is Lambda.Function: functionIds.append(id)
            case let permission as Lambda.Permission: permissions.append(permission)
            case let registry as ECR.RegistryPolicy:
                part.registries.append(
                    (
                        "\(stack.account)|\(stack.region)",
                        Governed(
                            arn: "arn:aws:ecr:\(stack.region):\(stack.account):registry",
                            policy: registry.policyText.statements.map { ResolvedStatement($0, r) })
                    ))
            default: break
            }
        }
        for role in resolved.roles {
            part.roles.append(
                Role(
                    arn: role.arn, trust: toolingTrust[role.arn] ?? role.trust, permissions: role.permissions,
                    boundary: boundaries[role.arn]))
        }
        if let bucket = resolved.bucket {
            part.buckets.append(
                Bucket(name: bucket.name, account: stack.account, region: stack.region, policy: bucket.policy))
        }
        if let key = resolved.key {
            let names = aliases.filter { alias in
                if case .ref(let id) = alias.targetKeyId { return keyIds.contains(id) }
                return r.string(alias.targetKeyId) == key.arn
            }.compactMap { r.string($0.aliasName) }
            let isReplica = keyIds.contains { stack.template.resource($0)?.model is KMS.ReplicaKey }
            part.keys.append(Key(arn: key.arn, policy: key.policy, aliases: names, isReplica: isReplica))
        }
        for (id, topic) in topics {
            guard let arn = r.ref(id) else { continue }
            let statements = topicPolicies.filter { $0.topics.compactMap(r.string).contains(arn) }.flatMap(
                \.policyDocument.statements)
            part.topics.append(
                Governed(
                    arn: arn, policy: statements.map { ResolvedStatement($0, r) },
                    keyArn: topic.kmsMasterKeyId.flatMap(r.string)))
        }
        for id in functionIds {
            guard let arn = r.arn(id) else { continue }
            var function = Function(arn: arn)
            for p in permissions where p.functionName == .ref(id) || r.string(p.functionName) == arn {
                function.permissions.append((r.string(p.principal) ?? "", p.action, p.sourceArn.flatMap(r.string)))
            }
            part.functions.append(function)
        }
        return part
    }

    init(_ parts: [Part]) {
        for part in parts {
            for role in part.roles { roles[role.arn] = role }
            for key in part.keys {
                if key.isReplica, let account = RuntimeCall.account(ofArn: key.arn),
                    let region = RuntimeCall.region(ofArn: key.arn)
                {
                    replicas["\(account)|\(region)"] = key
                } else {
                    keys[key.arn] = key
                }
            }
            for bucket in part.buckets { buckets[bucket.name] = bucket }
            for repo in part.repositories { repositories[repo.arn] = repo }
            for topic in part.topics { topics[topic.arn] = topic }
            for function in part.functions { functions[function.arn] = function }
            for policy in part.policies { policies[policy.arn] = policy.statements }
            for registry in part.registries { registries[registry.key] = registry.policy }
        }
    }

    /// The key of `arn`: a key of the templates, or the replica in the ARN's region of a
    /// multi-Region key whose id the ARN ends in.
    func key(_ arn: String) -> Key? {
        if let key = keys[arn] { return key }
        guard let account = RuntimeCall.account(ofArn: arn), let region = RuntimeCall.region(ofArn: arn),
            let replica = replicas["\(account)|\(region)"], let slash = arn.lastIndex(of: "/")
        else { return nil }
        let id = arn[slash...]
        return keys.values.contains { $0.arn.hasSuffix(id) && RuntimeCall.account(ofArn: $0.arn) == account }
            ? replica : nil
    }

    /// The bucket an S3 ARN names (`arn:aws:s3:::<bucket>/<key>`).
    func bucket(ofArn arn: String) -> Bucket? {
        let prefix = "arn:aws:s3:::".utf8
        let bytes = arn.utf8
        guard bytes.starts(with: prefix) else { return nil }
        let start = bytes.index(bytes.startIndex, offsetBy: prefix.count)
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        return String(bytes[start..<end]).flatMap { buckets[$0] }
    }
}
