import CloudFormation
import PipegenConfig
import YAMLKit

/// Checks that the generated templates agree with each other across accounts, reading only
/// what they say (not the model they came from): every role an action assumes exists in the
/// right environment template and trusts the tooling principal that assumes it; that
/// principal may assume it; the key policy, bucket policy and registry policy of the region
/// it reads from grant it what it needs, and grant no account or role that needs nothing;
/// every EventBridge rule starts an existing pipeline with a role that may start only that
/// pipeline; every environment's stage comes in route order, behind an approval when the
/// config asks for one; every action region has an artifact store encrypted by key ARN.
///
/// A violation is a bug in pipegen; it is reported at the config line that caused it.
struct Consistency {
    let config: Config
    let stacks: [StackTemplate]
    private let home: String
    private let toolingAccount: String

    /// A role of an environment template, its trust and permissions resolved once.
    private struct EnvironmentRole {
        let stack: StackTemplate
        let trust: [ResolvedStatement]
        let permissions: [ResolvedStatement]
    }

    /// What a tooling region offers a reader: its bucket, its key, their policies.
    private struct Region {
        var bucket: String
        var bucketPolicy: [ResolvedStatement]
        var keyArn: String
        var keyPolicy: [ResolvedStatement]
    }

    /// Environment roles by ARN; tooling roles' permissions by ARN; tooling regions.
    private let environmentRoles: [String: EnvironmentRole]
    private let toolingRoles: [String: [ResolvedStatement]]
    private let regions: [String: Region]

    /// What one template contributes: its roles' statements resolved, and for the tooling
    /// account the bucket and key of its region.
    struct ResolvedStack: Sendable {
        let stack: StackTemplate
        var roles: [(arn: String, trust: [ResolvedStatement], permissions: [ResolvedStatement])] = []
        var bucket: (name: String, policy: [ResolvedStatement])?
        var key: (arn: String, policy: [ResolvedStatement])?
    }

    static func resolve(_ stack: StackTemplate) -> ResolvedStack {
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        var out = ResolvedStack(stack: stack)
        for (id, role) in stack.template.resources(of: IAM.Role.self) {
            guard let arn = r.arn(id) else { continue }
            let permissions = role.policies.flatMap(\.policyDocument.statements).map { ResolvedStatement($0, r) }
            let trust = stack.owner == .tooling ? [] : role.assumeRolePolicyDocument.statements.map { ResolvedStatement($0, r) }
            out.roles.append((arn, trust, permissions))
        }
        guard stack.owner == .tooling else { return out }
        if let bucket = stack.template.resources(of: S3.Bucket.self).first?.model.bucketName.flatMap(r.string) {
            out.bucket = (
                bucket,
                stack.template.resources(of: S3.BucketPolicy.self).flatMap(\.model.policyDocument.statements).map { ResolvedStatement($0, r) }
            )
        }
        if let keyId = stack.template.resources.first(where: { $0.resource.model is KMS.Key || $0.resource.model is KMS.ReplicaKey })?.id {
            let keyPolicy: [IAM.Statement] =
                stack.template.resources(of: KMS.Key.self).first?.model.keyPolicy?.statements
                ?? stack.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? []
            out.key = (r.arn(keyId) ?? "", keyPolicy.map { ResolvedStatement($0, r) })
        }
        return out
    }

    init(config: Config, stacks: [StackTemplate]) {
        // Resolving every statement is most of the work: each template on its own, concurrently.
        self.init(config: config, stacks: stacks, resolved: Parallel.map(stacks, Self.resolve))
    }

    /// With each template's statements already resolved (`resolve`, in `stacks` order).
    init(config: Config, stacks: [StackTemplate], resolved: [ResolvedStack]) {
        self.config = config
        self.stacks = stacks
        home = config.tooling.region.value
        toolingAccount = config.tooling.account.value
        var environmentRoles: [String: EnvironmentRole] = [:]
        var toolingRoles: [String: [ResolvedStatement]] = [:]
        var regions: [String: Region] = [:]
        for part in resolved {
            let stack = part.stack
            for role in part.roles {
                if stack.owner == .tooling {
                    toolingRoles[role.arn] = role.permissions
                } else {
                    environmentRoles[role.arn] = EnvironmentRole(stack: stack, trust: role.trust, permissions: role.permissions)
                }
            }
            guard stack.owner == .tooling else { continue }
            // A further region's bucket and key stand in two templates: take each part
            // from the template that has it.
            var region = regions[stack.region] ?? Region(bucket: "", bucketPolicy: [], keyArn: "", keyPolicy: [])
            if let bucket = part.bucket {
                region.bucket = bucket.name
                region.bucketPolicy = bucket.policy
            }
            if let key = part.key {
                region.keyArn = key.arn
                region.keyPolicy = key.policy
            }
            regions[stack.region] = region
        }
        self.environmentRoles = environmentRoles
        self.toolingRoles = toolingRoles
        self.regions = regions
    }

    /// One independent part of the check.
    typealias Job = @Sendable () -> [Diagnostic]

    func run() -> [Diagnostic] {
        guard let tooling = stack("tooling") else { return [bug("the tooling template is missing", at: config.project.mark)] }
        let r = resolver(tooling)
        var jobs: [Job] = []
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            jobs += checkPipeline(pipeline, tooling: tooling, r)
        }
        jobs.append { checkNothingMore() }
        jobs.append { checkTriggers(tooling) }
        jobs.append { checkEventTargets(tooling) }
        jobs.append { checkApprovers(tooling) }
        // The parts share nothing: they run concurrently, their findings joined in job order.
        return Parallel.map(jobs) { $0() }.flatMap { $0 }
    }

    // MARK: Lookup

    private func stack(_ name: String) -> StackTemplate? { stacks.first { $0.name == name } }

    func resolver(_ s: StackTemplate) -> Resolver { Resolver(template: s.template, account: s.account, region: s.region) }

    func toolingRole(arn: String, _ tooling: StackTemplate) -> IAM.Role? {
        let r = resolver(tooling)
        return tooling.template.resources(of: IAM.Role.self).first { r.arn($0.id) == arn }?.model
    }

    func bug(_ message: String, at mark: Mark?) -> Diagnostic {
        .error(message, at: mark, notes: [.note("the generated templates disagree with each other; this is a bug in pipegen, please report it")])
    }

    // MARK: Pipelines

    /// The checks of one pipeline: its artifact stores, then each stage's actions (a job per
    /// stage), then its route.
    private func checkPipeline(_ pipeline: CodePipeline.Pipeline, tooling: StackTemplate, _ r: Resolver) -> [Job] {
        var out: [Diagnostic] = []
        let name = pipeline.name.flatMap(r.string) ?? "?"
        guard let pipelineRoleArn = r.string(pipeline.roleArn), toolingRoles[pipelineRoleArn] != nil else {
            let problem = bug("pipeline '\(name)' runs as a role the tooling template does not create", at: config.project.mark)
            return [{ [problem] }]
        }
        let storeRegions: [String] =
            pipeline.artifactStore != nil ? [home] : pipeline.artifactStores.compactMap { r.string($0.region) }
        for store in [pipeline.artifactStore].compactMap({ $0 }) + pipeline.artifactStores.map(\.artifactStore) {
            let key = store.encryptionKey.flatMap { r.string($0.id) } ?? ""
            if !key.hasPrefix("arn:aws:kms:") || key.contains(":alias/") {
                out.append(bug("pipeline '\(name)' encrypts artifacts with '\(key)', which is not a key ARN", at: config.project.mark))
            }
        }
        let stores = out
        let stages: [Job] = pipeline.stages.map { stage in {
            var out: [Diagnostic] = []
            for action in stage.actions {
                // Only said when something is wrong: built on demand.
                func place() -> String { "action '\(stage.name)/\(action.name)' of pipeline '\(name)'" }
                let region = action.region.flatMap(r.string) ?? home
                if !storeRegions.contains(region) {
                    out.append(bug("\(place()) runs in \(region), where the pipeline has no artifact store", at: config.project.mark))
                }
                // That each role an action (or its build) assumes exists, trusts its assumer, may
                // be assumed by it, and may read the artifacts of its region through the bucket
                // and key policies is the runtime access check's (RuntimeAccess): it evaluates
                // every call the pipelines make.
            }
            return out
        } }
        return [{ stores }] + stages + [{ checkRoute(pipeline, name: name) }]
    }

    /// The account and role name of `arn:<partition>:iam::<account>:role/<name>`, else nil.
    static func roleArnParts(_ arn: String) -> (account: String, name: String)? {
        let parts = arn.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2].elementsEqual("iam".utf8), parts[5].starts(with: "role/".utf8),
            let account = String(parts[4]), let rest = String(parts[5])
        else { return nil }
        return (account, String(rest.utf8.dropFirst(5))!)
    }

    /// The home region's key when the config brings it (`artifacts.existing`): its ARN and
    /// the policy `plan` asks for, resolved; nil when a template creates the key.
    var broughtHomeKey: (arn: String, policy: [ResolvedStatement])? {
        guard let region = regions[home], !region.keyArn.isEmpty,
            stack("tooling")?.template.resources(of: KMS.Key.self).isEmpty ?? true
        else { return nil }
        return (region.keyArn, region.keyPolicy)
    }

    func keyPolicy(_ s: StackTemplate) -> [IAM.Statement] {
        if let key = s.template.resources(of: KMS.Key.self).first { return key.model.keyPolicy?.statements ?? [] }
        return s.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? []
    }

    // MARK: Route to live

    /// After the stages that are not environments, one stage per environment (or wave) in
    /// route order, starting with an approval exactly when its environments ask for one.
    private func checkRoute(_ pipeline: CodePipeline.Pipeline, name: String) -> [Diagnostic] {
        let groups = config.stageGroups
        let expected = groups.map { $0[0].wave?.value ?? $0[0].name.value }
        let envStages = pipeline.stages.filter { expected.contains($0.name) }
        guard !envStages.isEmpty else { return [] }
        var out: [Diagnostic] = []
        if envStages.map(\.name) != expected {
            out.append(bug("pipeline '\(name)' deploys \(envStages.map(\.name)) instead of the route \(expected)", at: config.project.mark))
        }
        for group in groups {
            let env = group[0]
            let stageName = env.wave?.value ?? env.name.value
            guard var stage = envStages.first(where: { $0.name == stageName }) else { continue }
            // The shape is pipegen's: the user's steps (their approvals too) are left out.
            stage.actions.removeAll { isStep($0.name, in: name, group) }
            if let check = changeSetApproval(stage, group: group, pipeline: name) {
                out += check
                continue
            }
            let approves = stage.actions.first.map { $0.actionTypeId.category == .approval && $0.runOrder == 1 } ?? false
            let later = stage.actions.dropFirst().allSatisfy { ($0.runOrder ?? 1) > 1 }
            if (env.approval != nil) != approves || (approves && !later) {
                out.append(
                    bug(
                        "stage '\(stageName)' of pipeline '\(name)' \(approves ? "has" : "lacks") an approval before its deployment",
                        at: env.name.mark))
            }
        }
        return out
    }

    /// True for the action of one of the user's steps in pipeline `pipeline`: named after it,
    /// or in a wave after an environment of `group` and it (pipegen's own are capitalized).
    private func isStep(_ action: String, in pipeline: String, _ group: [Environment]) -> Bool {
        let names = Names(config)
        let steps = config.pipelines.all.first { names.pipeline($0.kind) == pipeline }?.settings.steps ?? []
        return steps.contains { step in
            action == step.name.value || group.contains { action == "\($0.name.value)-\(step.name.value)" }
        }
    }

    /// In a stage that deploys through change sets: every change set is created before the
    /// one approval, and executed after it. Nil for stages without change sets.
    private func changeSetApproval(_ stage: CodePipeline.Pipeline.StageDeclaration, group: [Environment], pipeline: String) -> [Diagnostic]? {
        func mode(_ a: CodePipeline.Pipeline.ActionDeclaration) -> CodePipeline.Action.CloudFormation.ActionMode? {
            a.configuration(as: CodePipeline.Action.CloudFormation.self)?.actionMode
        }
        let creates = stage.actions.filter { mode($0) == .changeSetReplace }.compactMap(\.runOrder)
        let executes = stage.actions.filter { mode($0) == .changeSetExecute }.compactMap(\.runOrder)
        guard !creates.isEmpty || !executes.isEmpty else { return nil }
        let approvals = stage.actions.filter { $0.actionTypeId.category == .approval }.compactMap(\.runOrder)
        let env = group[0]
        let regions = group.reduce(0) { $0 + $1.regions.count }
        guard approvals.count == 1, let approval = approvals.first, creates.count == regions, executes.count == regions,
            creates.allSatisfy({ $0 < approval }), executes.allSatisfy({ $0 > approval })
        else {
            return [bug("stage '\(stage.name)' of pipeline '\(pipeline)' does not create every change set, approve once, then execute them", at: env.name.mark)]
        }
        return []
    }

    // MARK: Grants to nobody

    /// Every account and role pattern the resource policies of a region grant belongs to a
    /// role that acts in that region (its environment deploys there, as the config says);
    /// each region's registry is pulled only by the environments container-deployment
    /// deploys to in that region.
    private func checkNothingMore() -> [Diagnostic] {
        var out: [Diagnostic] = []
        /// The regions of the environment whose template holds a role (all, when unknown).
        func actingRegions(of stack: StackTemplate) -> [String]? {
            config.environments.first { $0.account.value == stack.account && $0.name.value == stack.name }?.regions.map(\.value)
        }
        for (name, region) in regions.sorted(by: { $0.key < $1.key }) {
            var rolesByAccount: [String: [String]] = [:]
            for (arn, role) in environmentRoles where actingRegions(of: role.stack)?.contains(name) ?? true {
                rolesByAccount[role.stack.account, default: []].append(arn)
            }
            let where_ = name == home ? "tooling" : "tooling-\(name)"
            for statement in region.keyPolicy + region.bucketPolicy where statement.effect == .allow {
                let patterns = statement.condition("ArnLike", "aws:PrincipalArn")
                for root in Set(statement.principals).sorted() where root.hasSuffix(":root") && root != "arn:aws:iam::\(toolingAccount):root" {
                    let account = String(root.split(separator: ":", omittingEmptySubsequences: false)[4])
                    let used = (rolesByAccount[account] ?? []).contains { arn in patterns.contains { PolicyMatch.glob($0, arn) } }
                    if patterns.isEmpty || !used {
                        out.append(
                            bug(
                                "\(where_): statement '\(statement.sid ?? "?")' grants account \(account), where no role acting in \(name) needs it",
                                at: config.project.mark))
                    }
                }
            }
        }
        for s in stacks where s.owner == .tooling {
            let r = resolver(s)
            for (_, repo) in s.template.resources(of: ECR.Repository.self) {
                let granted = Set(repo.repositoryPolicyText?.statements.flatMap { PolicyMatch.awsPrincipals($0, r) } ?? [])
                // With replicas in the environment accounts, each pulls its own.
                let needed = Set(
                    config.declarations.contains(where: \.deploysImages) && config.registry.pullFrom.value == .tooling
                        ? config.environments.filter { $0.regions.contains { $0.value == s.region } }.map { "arn:aws:iam::\($0.account.value):root" }
                        : [])
                if granted != needed {
                    out.append(
                        bug(
                            "the image repository in \(s.region) is pullable by \(granted.sorted()) instead of \(needed.sorted())",
                            at: config.project.mark))
                }
            }
        }
        return out
    }

    // MARK: Triggers

    /// Each rule targets a pipeline of the template, with a role that may start that pipeline
    /// and nothing else.
    private func checkTriggers(_ tooling: StackTemplate) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let r = resolver(tooling)
        let pipelines = tooling.template.resources(of: CodePipeline.Pipeline.self).compactMap { $0.model.name.flatMap(r.string) }
        for (id, rule) in tooling.template.resources(of: Events.Rule.self) {
            // Topics and functions are checked by `checkEventTargets`.
            for target in rule.targets where !isTopicOrFunction(target.arn, r) {
                let arn = r.string(target.arn) ?? "?"
                let prefix = "arn:aws:codepipeline:\(home):\(toolingAccount):"
                guard arn.hasPrefix(prefix), pipelines.contains(String(arn.dropFirst(prefix.count))) else {
                    out.append(bug("rule '\(id)' targets '\(arn)', which is not a pipeline of the tooling template", at: config.project.mark))
                    continue
                }
                guard let roleArn = target.roleArn.flatMap(r.string), let statements = toolingRoles[roleArn] else {
                    out.append(bug("rule '\(id)' has no role to start '\(arn)'", at: config.project.mark))
                    continue
                }
                let starts = statements.flatMap { $0.resources ?? [] }
                if !ResolvedStatement.allows(statements, "codepipeline:StartPipelineExecution", on: arn) || starts != [arn] {
                    out.append(bug("rule '\(id)': role '\(roleArn)' may start \(starts), not exactly '\(arn)'", at: config.project.mark))
                }
            }
        }
        return out
    }
}

extension Pipegen {
    /// The cross-account consistency check of the templates `config` builds to.
    package static func consistency(_ config: Config) -> [Diagnostic] {
        Consistency(config: config, stacks: StackSet.build(config).stacks).run()
    }

    /// The same check over a given set of templates (tests use it on altered templates).
    package static func consistency(_ config: Config, stacks: [StackTemplate]) -> [Diagnostic] {
        Consistency(config: config, stacks: stacks).run()
    }
}

extension ExistingResource {
    /// The key or bucket as the checks read a tooling template's: its policy resolved in its
    /// account and region (the template it stands in is empty and never rendered).
    func resolved() -> Consistency.ResolvedStack {
        let stack = StackTemplate(
            name: "existing-\(kind.rawValue)-\(region)", owner: .tooling, account: account, region: region, stackName: "",
            template: Template(description: ""))
        let r = Resolver(template: stack.template, account: account, region: region)
        var out = Consistency.ResolvedStack(stack: stack)
        let statements = policy.statements.map { ResolvedStatement($0, r) }
        switch kind {
        case .key: out.key = (r.string(identifier) ?? "", statements)
        case .bucket: out.bucket = (r.string(identifier) ?? "", statements)
        }
        return out
    }
}
