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
    private let environmentsByAccount: [String: [Environment]]

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
        var byAccount: [String: [Environment]] = [:]
        for env in config.environments { byAccount[env.account.value, default: []].append(env) }
        environmentsByAccount = byAccount
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
        // The parts share nothing: they run concurrently, their findings joined in job order.
        return Parallel.map(jobs) { $0() }.flatMap { $0 }
    }

    // MARK: Lookup

    private func stack(_ name: String) -> StackTemplate? { stacks.first { $0.name == name } }

    func resolver(_ s: StackTemplate) -> Resolver { Resolver(template: s.template, account: s.account, region: s.region) }

    private func environment(account: String, role: String) -> Environment? {
        environmentsByAccount[account]?.first { role.hasPrefix("\(config.project.value)-\($0.name.value)-") }
    }

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
        guard let pipelineRoleArn = r.string(pipeline.roleArn), let pipelineRole = toolingRoles[pipelineRoleArn] else {
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
                if let roleArn = action.roleArn.flatMap(r.string) {
                    out += checkAssumed(roleArn, by: pipelineRoleArn, assumerRole: pipelineRole, reads: nil, region: region, place: place())
                }
                if let (roleArn, targetRegion) = lambdaUpdateTarget(action, tooling: tooling, r),
                    let buildRoleArn = buildRoleArn(action, tooling: tooling, r), let buildRole = toolingRoles[buildRoleArn]
                {
                    out += checkAssumed(
                        roleArn, by: buildRoleArn, assumerRole: buildRole, reads: "lambda", region: targetRegion, place: place())
                }
            }
            return out
        } }
        return [{ stores }] + stages + [{ checkRoute(pipeline, name: name) }]
    }

    /// The role and region a Lambda-update build action targets, from its environment variables.
    private func lambdaUpdateTarget(_ action: CodePipeline.Pipeline.ActionDeclaration, tooling: StackTemplate, _ r: Resolver)
        -> (String, String)?
    {
        guard let variables = action.configuration(as: CodePipeline.Action.CodeBuild.self)?.environmentVariables else {
            return nil
        }
        func variable(_ name: String) -> String? {
            variables.first { $0.name == name }.flatMap { $0.substitutes ? r.string(.sub($0.value)) : $0.value }
        }
        guard let arn = variable("TARGET_ROLE_ARN"), let region = variable("TARGET_REGION") else { return nil }
        return (arn, region)
    }

    private func buildRoleArn(_ action: CodePipeline.Pipeline.ActionDeclaration, tooling: StackTemplate, _ r: Resolver) -> String? {
        guard case .ref(let id)? = action.configuration(as: CodePipeline.Action.CodeBuild.self)?.projectName,
            let project = tooling.template.resource(id)?.model(as: CodeBuild.Project.self)
        else { return nil }
        return r.string(project.serviceRole)
    }

    /// `roleArn` (in an environment account) exists, trusts `assumerArn`, which may assume it;
    /// and it may read the artifacts (or only the Lambda zips, `reads: "lambda"`) of `region`,
    /// which that region's bucket and key policies grant.
    private func checkAssumed(
        _ roleArn: String, by assumerArn: String, assumerRole: [ResolvedStatement], reads prefix: String?, region: String,
        place: @autoclosure () -> String
    ) -> [Diagnostic] {
        guard let (account, name) = Self.roleArnParts(roleArn) else {
            return [bug("\(place()) assumes '\(roleArn)', which is not a role ARN", at: config.project.mark)]
        }
        let env = environment(account: account, role: name)
        let mark = env?.name.mark ?? config.project.mark
        guard let role = environmentRoles[roleArn] else {
            return [bug("\(place()) assumes role '\(name)' in account \(account), which no environment template creates", at: mark)]
        }
        var out: [Diagnostic] = []
        let toolingRoot = "arn:aws:iam::\(toolingAccount):root"
        let trusted = role.trust.contains { s in
            guard s.effect == .allow, s.matches(action: "sts:AssumeRole") else { return false }
            if s.principals.contains(assumerArn) { return true }
            return s.principals.contains(toolingRoot) && s.condition("ArnEquals", "aws:PrincipalArn") == [assumerArn]
        }
        if !trusted { out.append(bug("\(place()): role '\(name)' does not trust '\(assumerArn)', which assumes it", at: mark)) }
        if !ResolvedStatement.allows(assumerRole, "sts:AssumeRole", on: roleArn) {
            out.append(bug("\(place()): '\(assumerArn)' may not assume '\(roleArn)'", at: mark))
        }
        guard let tooling = regions[region] else {
            return out + [bug("\(place()) reads artifacts in \(region), where the tooling account has no artifact bucket", at: mark)]
        }
        let object = "arn:aws:s3:::\(tooling.bucket)/\(prefix ?? "pipeline")/example/object"
        if !ResolvedStatement.allows(role.permissions, "s3:GetObject", on: object) {
            out.append(bug("\(place()): role '\(name)' may not read '\(object)'", at: mark))
        }
        if !grants(tooling.bucketPolicy, "s3:GetObject", on: object, to: roleArn, account: account) {
            out.append(bug("\(place()): the bucket policy of '\(tooling.bucket)' does not let '\(roleArn)' read '\(object)'", at: mark))
        }
        if !ResolvedStatement.allows(role.permissions, "kms:Decrypt", on: tooling.keyArn) {
            out.append(bug("\(place()): role '\(name)' may not decrypt with the artifact key of \(region)", at: mark))
        }
        if !grants(tooling.keyPolicy, "kms:Decrypt", on: "*", to: roleArn, account: account) {
            out.append(bug("\(place()): the artifact key policy of \(region) does not let '\(roleArn)' decrypt", at: mark))
        }
        return out
    }

    /// The account and role name of `arn:<partition>:iam::<account>:role/<name>`, else nil.
    static func roleArnParts(_ arn: String) -> (account: String, name: String)? {
        let parts = arn.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2].elementsEqual("iam".utf8), parts[5].starts(with: "role/".utf8),
            let account = String(parts[4]), let rest = String(parts[5])
        else { return nil }
        return (account, String(rest.utf8.dropFirst(5))!)
    }

    func keyPolicy(_ s: StackTemplate) -> [IAM.Statement] {
        if let key = s.template.resources(of: KMS.Key.self).first { return key.model.keyPolicy?.statements ?? [] }
        return s.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? []
    }

    /// A resource policy lets `roleArn` (of `account`) do `action` on `resource`: an Allow
    /// statement names the account's root (or the role) and, if it has an `aws:PrincipalArn`
    /// condition, one of its patterns matches the role.
    private func grants(_ statements: [ResolvedStatement], _ action: String, on resource: String, to roleArn: String, account: String) -> Bool {
        let root = "arn:aws:iam::\(account):root"
        return statements.contains { s in
            guard s.effect == .allow, s.principals.contains(root) || s.principals.contains(roleArn) else { return false }
            guard s.matches(action: action), s.matches(resource: resource) else { return false }
            let patterns = s.condition("ArnLike", "aws:PrincipalArn")
            return patterns.isEmpty || patterns.contains { PolicyMatch.glob($0, roleArn) }
        }
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
            guard let stage = envStages.first(where: { $0.name == stageName }) else { continue }
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

    /// Every account and role pattern the resource policies grant belongs to a role that
    /// needs it; the registry is pulled only by the environments container-deployment deploys.
    private func checkNothingMore() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var rolesByAccount: [String: [String]] = [:]
        for (arn, role) in environmentRoles { rolesByAccount[role.stack.account, default: []].append(arn) }
        for (name, region) in regions.sorted(by: { $0.key < $1.key }) {
            let where_ = name == home ? "tooling" : "tooling-\(name)"
            for statement in region.keyPolicy + region.bucketPolicy where statement.effect == .allow {
                let patterns = statement.condition("ArnLike", "aws:PrincipalArn")
                for root in Set(statement.principals).sorted() where root.hasSuffix(":root") && root != "arn:aws:iam::\(toolingAccount):root" {
                    let account = String(root.split(separator: ":", omittingEmptySubsequences: false)[4])
                    let used = (rolesByAccount[account] ?? []).contains { arn in patterns.contains { PolicyMatch.glob($0, arn) } }
                    if patterns.isEmpty || !used {
                        out.append(bug("\(where_): statement '\(statement.sid ?? "?")' grants account \(account), where no role needs it", at: config.project.mark))
                    }
                }
            }
        }
        for s in stacks where s.owner == .tooling {
            let r = resolver(s)
            for (_, repo) in s.template.resources(of: ECR.Repository.self) {
                let granted = Set(repo.repositoryPolicyText?.statements.flatMap { PolicyMatch.awsPrincipals($0, r) } ?? [])
                let needed = Set(
                    config.declarations.contains(where: \.deploysImages)
                        ? config.environments.map { "arn:aws:iam::\($0.account.value):root" } : [])
                if granted != needed {
                    out.append(bug("the image repository is pullable by \(granted.sorted()) instead of \(needed.sorted())", at: config.project.mark))
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
