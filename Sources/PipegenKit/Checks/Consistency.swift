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

    private var home: String { config.tooling.region.value }
    private var toolingAccount: String { config.tooling.account.value }

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard let tooling = stack("tooling") else { return [bug("the tooling template is missing", at: config.project.mark)] }
        let r = resolver(tooling)
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            out += checkPipeline(pipeline, tooling: tooling, r)
        }
        out += checkNothingMore()
        out += checkTriggers(tooling)
        out += checkEventTargets(tooling)
        return out
    }

    // MARK: Lookup

    private func stack(_ name: String) -> StackTemplate? { stacks.first { $0.name == name } }

    private func toolingStack(region: String) -> StackTemplate? {
        stack(region == home ? "tooling" : "tooling-\(region)")
    }

    func resolver(_ s: StackTemplate) -> Resolver { Resolver(template: s.template, account: s.account, region: s.region) }

    private func environment(account: String, role: String) -> Environment? {
        config.environments.first { $0.account.value == account && role.hasPrefix("\(config.project.value)-\($0.name.value)-") }
    }

    /// The role `name` in an environment template of `account`, with its stack.
    private func environmentRole(account: String, name: String) -> (StackTemplate, IAM.Role)? {
        for s in stacks where s.account == account && s.owner != .tooling {
            let r = resolver(s)
            if let role = s.template.resources(of: IAM.Role.self).first(where: { $0.model.roleName.flatMap(r.string) == name }) {
                return (s, role.model)
            }
        }
        return nil
    }

    func toolingRole(arn: String, _ tooling: StackTemplate) -> IAM.Role? {
        let r = resolver(tooling)
        return tooling.template.resources(of: IAM.Role.self).first { r.arn($0.id) == arn }?.model
    }

    private func bucket(region: String) -> (StackTemplate, String)? {
        guard let s = toolingStack(region: region) else { return nil }
        let r = resolver(s)
        return s.template.resources(of: S3.Bucket.self).first.flatMap { b in b.model.bucketName.flatMap(r.string).map { (s, $0) } }
    }

    func bug(_ message: String, at mark: Mark?) -> Diagnostic {
        .error(message, at: mark, notes: [.note("the generated templates disagree with each other; this is a bug in pipegen, please report it")])
    }

    // MARK: Pipelines

    private func checkPipeline(_ pipeline: CodePipeline.Pipeline, tooling: StackTemplate, _ r: Resolver) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let name = pipeline.name.flatMap(r.string) ?? "?"
        guard let pipelineRoleArn = r.string(pipeline.roleArn), let pipelineRole = toolingRole(arn: pipelineRoleArn, tooling) else {
            return [bug("pipeline '\(name)' runs as a role the tooling template does not create", at: config.project.mark)]
        }
        let storeRegions: [String] =
            pipeline.artifactStore != nil ? [home] : pipeline.artifactStores.compactMap { r.string($0.region) }
        for store in [pipeline.artifactStore].compactMap({ $0 }) + pipeline.artifactStores.map(\.artifactStore) {
            let key = store.encryptionKey.flatMap { r.string($0.id) } ?? ""
            if !key.hasPrefix("arn:aws:kms:") || key.contains(":alias/") {
                out.append(bug("pipeline '\(name)' encrypts artifacts with '\(key)', which is not a key ARN", at: config.project.mark))
            }
        }
        for stage in pipeline.stages {
            for action in stage.actions {
                let place = "action '\(stage.name)/\(action.name)' of pipeline '\(name)'"
                let region = action.region.flatMap(r.string) ?? home
                if !storeRegions.contains(region) {
                    out.append(bug("\(place) runs in \(region), where the pipeline has no artifact store", at: config.project.mark))
                }
                if let roleArn = action.roleArn.flatMap(r.string) {
                    out += checkAssumed(roleArn, by: pipelineRoleArn, assumerRole: pipelineRole, reads: nil, region: region, place: place)
                }
                if let (roleArn, targetRegion) = lambdaUpdateTarget(action, tooling: tooling, r),
                    let buildRoleArn = buildRoleArn(action, tooling: tooling, r), let buildRole = toolingRole(arn: buildRoleArn, tooling)
                {
                    out += checkAssumed(
                        roleArn, by: buildRoleArn, assumerRole: buildRole, reads: "lambda", region: targetRegion, place: place)
                }
            }
        }
        out += checkRoute(pipeline, name: name)
        return out
    }

    /// The role and region a Lambda-update build action targets, from its environment variables.
    private func lambdaUpdateTarget(_ action: CodePipeline.Pipeline.ActionDeclaration, tooling: StackTemplate, _ r: Resolver)
        -> (String, String)?
    {
        guard let json = action.configuration.first(where: { $0.name == "EnvironmentVariables" }).flatMap({ r.string($0.value) }),
            let node = try? JSONReader.parse(json), case .list(let items) = node.document
        else { return nil }
        func variable(_ name: String) -> String? {
            items.first { $0["name"]?.stringValue == name }?["value"]?.stringValue
        }
        guard let arn = variable("TARGET_ROLE_ARN"), let region = variable("TARGET_REGION") else { return nil }
        return (arn.replacing("${AWS::Partition}", with: "aws"), region)
    }

    private func buildRoleArn(_ action: CodePipeline.Pipeline.ActionDeclaration, tooling: StackTemplate, _ r: Resolver) -> String? {
        guard case .ref(let id)? = action.configuration.first(where: { $0.name == "ProjectName" })?.value,
            let project = tooling.template.resource(id)?.model(as: CodeBuild.Project.self)
        else { return nil }
        return r.string(project.serviceRole)
    }

    /// `roleArn` (in an environment account) exists, trusts `assumerArn`, which may assume it;
    /// and it may read the artifacts (or only the Lambda zips, `reads: "lambda"`) of `region`,
    /// which that region's bucket and key policies grant.
    private func checkAssumed(
        _ roleArn: String, by assumerArn: String, assumerRole: IAM.Role, reads prefix: String?, region: String, place: String
    ) -> [Diagnostic] {
        let parts = roleArn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "iam", parts[5].hasPrefix("role/") else {
            return [bug("\(place) assumes '\(roleArn)', which is not a role ARN", at: config.project.mark)]
        }
        let account = String(parts[4]), name = String(parts[5].dropFirst(5))
        let env = environment(account: account, role: name)
        let mark = env?.name.mark ?? config.project.mark
        guard let (envStack, role) = environmentRole(account: account, name: name) else {
            return [bug("\(place) assumes role '\(name)' in account \(account), which no environment template creates", at: mark)]
        }
        var out: [Diagnostic] = []
        let er = resolver(envStack)
        let trusted = role.assumeRolePolicyDocument.statements.contains { s in
            guard s.effect == .allow, PolicyMatch.matchesAction(s, "sts:AssumeRole") else { return false }
            let principals = PolicyMatch.awsPrincipals(s, er)
            if principals.contains(assumerArn) { return true }
            let names = PolicyMatch.conditionValues(s, "ArnEquals", "aws:PrincipalArn", er)
            return principals.contains("arn:aws:iam::\(toolingAccount):root") && names == [assumerArn]
        }
        if !trusted { out.append(bug("\(place): role '\(name)' does not trust '\(assumerArn)', which assumes it", at: mark)) }
        let tr = Resolver(template: Template(description: ""), account: toolingAccount, region: home)
        if !PolicyMatch.allows(assumerRole.policies.flatMap(\.policyDocument.statements), "sts:AssumeRole", on: roleArn, tr) {
            out.append(bug("\(place): '\(assumerArn)' may not assume '\(roleArn)'", at: mark))
        }
        guard let (toolingStack, bucket) = self.bucket(region: region) else {
            return out + [bug("\(place) reads artifacts in \(region), where the tooling account has no artifact bucket", at: mark)]
        }
        let object = "arn:aws:s3:::\(bucket)/\(prefix ?? "pipeline")/example/object"
        let own = role.policies.flatMap(\.policyDocument.statements)
        if !PolicyMatch.allows(own, "s3:GetObject", on: object, er) {
            out.append(bug("\(place): role '\(name)' may not read '\(object)'", at: mark))
        }
        let br = resolver(toolingStack)
        let bucketPolicy = toolingStack.template.resources(of: S3.BucketPolicy.self).first?.model.policyDocument.statements ?? []
        if !grants(bucketPolicy, "s3:GetObject", on: object, to: roleArn, account: account, br) {
            out.append(bug("\(place): the bucket policy of '\(bucket)' does not let '\(roleArn)' read '\(object)'", at: mark))
        }
        let keyArn = toolingStack.template.resources.first { $0.resource.model is KMS.Key || $0.resource.model is KMS.ReplicaKey }
            .flatMap { br.arn($0.id) } ?? ""
        if !PolicyMatch.allows(own, "kms:Decrypt", on: keyArn, er) {
            out.append(bug("\(place): role '\(name)' may not decrypt with the artifact key of \(region)", at: mark))
        }
        if !grants(keyPolicy(toolingStack), "kms:Decrypt", on: "*", to: roleArn, account: account, br) {
            out.append(bug("\(place): the artifact key policy of \(region) does not let '\(roleArn)' decrypt", at: mark))
        }
        return out
    }

    func keyPolicy(_ s: StackTemplate) -> [IAM.Statement] {
        if let key = s.template.resources(of: KMS.Key.self).first { return key.model.keyPolicy?.statements ?? [] }
        return s.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? []
    }

    /// A resource policy lets `roleArn` (of `account`) do `action` on `resource`: an Allow
    /// statement names the account's root (or the role) and, if it has an `aws:PrincipalArn`
    /// condition, one of its patterns matches the role.
    private func grants(_ statements: [IAM.Statement], _ action: String, on resource: String, to roleArn: String, account: String, _ r: Resolver)
        -> Bool
    {
        statements.contains { s in
            guard s.effect == .allow, PolicyMatch.matchesAction(s, action), PolicyMatch.matchesResource(s, resource, r) else { return false }
            let principals = PolicyMatch.awsPrincipals(s, r)
            guard principals.contains("arn:aws:iam::\(account):root") || principals.contains(roleArn) else { return false }
            let patterns = PolicyMatch.conditionValues(s, "ArnLike", "aws:PrincipalArn", r)
            return patterns.isEmpty || patterns.contains { PolicyMatch.glob($0, roleArn) }
        }
    }

    // MARK: Route to live

    /// After the stages that are not environments, one stage per environment in route order,
    /// starting with an approval exactly when the environment asks for one.
    private func checkRoute(_ pipeline: CodePipeline.Pipeline, name: String) -> [Diagnostic] {
        let names = config.environments.map(\.name.value)
        let envStages = pipeline.stages.filter { names.contains($0.name) }
        guard !envStages.isEmpty else { return [] }
        var out: [Diagnostic] = []
        if envStages.map(\.name) != names {
            out.append(bug("pipeline '\(name)' deploys \(envStages.map(\.name)) instead of the route \(names)", at: config.project.mark))
        }
        for env in config.environments {
            guard let stage = envStages.first(where: { $0.name == env.name.value }) else { continue }
            let approves = stage.actions.first.map { $0.actionTypeId.category == .approval && $0.runOrder == 1 } ?? false
            let later = stage.actions.dropFirst().allSatisfy { ($0.runOrder ?? 1) > 1 }
            if (env.approval != nil) != approves || (approves && !later) {
                out.append(
                    bug(
                        "stage '\(env.name.value)' of pipeline '\(name)' \(approves ? "has" : "lacks") an approval before its deployment",
                        at: env.name.mark))
            }
        }
        return out
    }

    // MARK: Grants to nobody

    /// Every account and role pattern the resource policies grant belongs to a role that
    /// needs it; the registry is pulled only by the environments container-deployment deploys.
    private func checkNothingMore() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let allRoles: [(account: String, arn: String)] = stacks.filter { $0.owner != .tooling }.flatMap { s in
            s.template.resources(of: IAM.Role.self).compactMap { role in
                resolver(s).arn(role.id).map { (s.account, $0) }
            }
        }
        for s in stacks where s.owner == .tooling {
            let r = resolver(s)
            var statements = keyPolicy(s)
            statements += s.template.resources(of: S3.BucketPolicy.self).flatMap(\.model.policyDocument.statements)
            for statement in statements where statement.effect == .allow {
                let roots = PolicyMatch.awsPrincipals(statement, r).filter { $0.hasSuffix(":root") }
                for root in roots where root != "arn:aws:iam::\(toolingAccount):root" {
                    let account = root.split(separator: ":", omittingEmptySubsequences: false)[4]
                    let patterns = PolicyMatch.conditionValues(statement, "ArnLike", "aws:PrincipalArn", r)
                    let used = allRoles.contains { role in
                        role.account == account && patterns.contains { PolicyMatch.glob($0, role.arn) }
                    }
                    if patterns.isEmpty || !used {
                        out.append(bug("\(s.name): statement '\(statement.sid ?? "?")' grants account \(account), where no role needs it", at: config.project.mark))
                    }
                }
            }
            for (_, repo) in s.template.resources(of: ECR.Repository.self) {
                let granted = Set(repo.repositoryPolicyText?.statements.flatMap { PolicyMatch.awsPrincipals($0, r) } ?? [])
                let needed = Set(
                    config.pipelines.containerDeployment == nil
                        ? [] : config.environments.map { "arn:aws:iam::\($0.account.value):root" })
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
                guard let roleArn = target.roleArn.flatMap(r.string), let role = toolingRole(arn: roleArn, tooling) else {
                    out.append(bug("rule '\(id)' has no role to start '\(arn)'", at: config.project.mark))
                    continue
                }
                let statements = role.policies.flatMap(\.policyDocument.statements)
                let starts = statements.flatMap { s in s.resources.compactMap(r.string) }
                if !PolicyMatch.allows(statements, "codepipeline:StartPipelineExecution", on: arn, r) || starts != [arn] {
                    out.append(bug("rule '\(id)': role '\(roleArn)' may start \(starts), not exactly '\(arn)'", at: config.project.mark))
                }
            }
        }
        return out
    }
}

extension Pipegen {
    /// The cross-account consistency check of the templates `config` renders to.
    public static func consistency(_ config: Config) -> [Diagnostic] {
        Consistency(config: config, stacks: stacks(config)).run()
    }

    /// The same check over a given set of templates (tests use it on altered templates).
    public static func consistency(_ config: Config, stacks: [StackTemplate]) -> [Diagnostic] {
        Consistency(config: config, stacks: stacks).run()
    }
}
