import CloudFormation
import PipegenConfig
import YAMLKit

/// The built templates as the runtime calls are read from them: the tooling template's
/// build projects and topics, the environment templates' deployment groups, each resolved to
/// the names and ARNs CloudFormation would give them; and where in the config each
/// environment is named, for messages.
struct RuntimeScene: Sendable {
    let config: Config
    let tooling: StackTemplate
    let home: String
    let toolingAccount: String
    let names: Names
    private let projects: [String: Project]
    private let groups: [String: DeploymentGroup]
    private let topicKeys: [String: String]
    private let environmentMarks: [String: Mark]
    /// The name of the tooling template's image repository, nil when it has none.
    let registryName: String?
    /// The tooling registry's replication rules, resolved: where each copies and which
    /// repositories (name prefixes; none for all).
    private let replicationRules: [(destinations: [(account: String, region: String)], prefixes: [String])]

    /// A CodeBuild project of the tooling template.
    struct Project: Sendable {
        let id: String
        let name: String
        let arn: String
        /// Its service role.
        let roleArn: String
        /// Its CloudWatch Logs group, and the key that encrypts it.
        let logGroup: String?
        let logKey: String?
        /// Its environment variables, resolved.
        let variables: [(name: String, value: String)]
        /// Its image, and whether the project's role pulls it.
        var image = ""
        var pullsWithRole = false
        /// The subnets and security groups of its VPC.
        var subnets: [String] = []
        var securityGroups: [String] = []
        /// The Parameter Store parameters and Secrets Manager secrets its variables read.
        var parameters: [String] = []
        var secrets: [String] = []
        /// `bucket/prefix` of its S3 cache, and the key it encrypts what it writes with.
        var cacheLocation: String?
        var encryptionKey: String?

        func variable(_ name: String) -> String? { variables.first { $0.name == name }?.value }
    }

    /// A CodeDeploy deployment group of an environment template.
    struct DeploymentGroup: Sendable {
        let serviceRoleArn: String
        let configName: String
        let cluster: String
        let service: String
        let listeners: [String]
        /// The CloudWatch alarms that stop its deployments.
        let alarms: [String]
    }

    init?(config: Config, stacks: [StackTemplate]) {
        guard let tooling = stacks.first(where: { $0.name == "tooling" }) else { return nil }
        self.config = config
        self.tooling = tooling
        home = tooling.region
        toolingAccount = tooling.account
        names = Names(config)
        let r = Resolver(template: tooling.template, account: tooling.account, region: tooling.region)
        let t = tooling.template
        var projects: [String: Project] = [:]
        for (id, p) in t.resources(of: CodeBuild.Project.self) {
            let group = p.logsConfig?.cloudWatchLogs?.groupName
            var logKey: String?
            if case .ref(let groupId)? = group, let model = t.resource(groupId)?.model(as: Logs.LogGroup.self) {
                logKey = model.kmsKeyId.flatMap(r.string)
            }
            var project = Project(
                id: id, name: p.name.flatMap(r.string) ?? "", arn: r.arn(id) ?? "",
                roleArn: r.string(p.serviceRole) ?? "", logGroup: group.flatMap(r.string), logKey: logKey,
                variables: p.environment.environmentVariables.filter { ($0.type ?? .plaintext) == .plaintext }.map {
                    ($0.name, r.string($0.value) ?? "")
                })
            project.image = r.string(p.environment.image) ?? ""
            project.pullsWithRole = p.environment.imagePullCredentialsType == .serviceRole
            project.subnets = (p.vpcConfig?.subnets ?? []).compactMap(r.string)
            project.securityGroups = (p.vpcConfig?.securityGroupIds ?? []).compactMap(r.string)
            for v in p.environment.environmentVariables {
                guard let value = r.string(v.value) else { continue }
                if v.type == .parameterStore { project.parameters.append(value) }
                if v.type == .secretsManager { project.secrets.append(value) }
            }
            if let cache = p.cache, cache.type == .s3 { project.cacheLocation = cache.location.flatMap(r.string) }
            project.encryptionKey = p.encryptionKey.flatMap(r.string)
            projects[id] = project
        }
        self.projects = projects
        var topicKeys: [String: String] = [:]
        for (id, topic) in t.resources(of: SNS.Topic.self) {
            if let arn = r.ref(id), let key = topic.kmsMasterKeyId.flatMap(r.string) { topicKeys[arn] = key }
        }
        self.topicKeys = topicKeys
        registryName = t.resources(of: ECR.Repository.self).first?.model.repositoryName.flatMap(r.string)
        replicationRules = t.resources(of: ECR.ReplicationConfiguration.self).flatMap(\.model.replicationConfiguration.rules).map {
            rule in
            (
                rule.destinations.map { (r.string($0.registryId) ?? "", r.string($0.region) ?? "") },
                rule.repositoryFilters.filter { $0.filterType == "PREFIX_MATCH" }.map(\.filter)
            )
        }
        var groups: [String: DeploymentGroup] = [:]
        for stack in stacks where stack.owner != .tooling {
            let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
            for (_, g) in stack.template.resources(of: CodeDeploy.DeploymentGroup.self) {
                guard let app = r.string(g.applicationName), let name = g.deploymentGroupName.flatMap(r.string) else {
                    continue
                }
                let pairs = g.loadBalancerInfo?.targetGroupPairInfoList ?? []
                let listeners = pairs.flatMap {
                    ($0.prodTrafficRoute?.listenerArns ?? []) + ($0.testTrafficRoute?.listenerArns ?? [])
                }
                groups["\(stack.account)|\(stack.region)|\(app)|\(name)"] = DeploymentGroup(
                    serviceRoleArn: r.string(g.serviceRoleArn) ?? "",
                    configName: g.deploymentConfigName.flatMap(r.string) ?? "CodeDeployDefault.OneAtATime",
                    cluster: g.ecsServices.first.flatMap { r.string($0.clusterName) } ?? "",
                    service: g.ecsServices.first.flatMap { r.string($0.serviceName) } ?? "",
                    listeners: listeners.compactMap(r.string),
                    alarms: g.alarmConfiguration?.alarms.map(\.name) ?? [])
            }
        }
        self.groups = groups
        var marks: [String: Mark] = [:]
        for env in config.environments { marks[env.name.value] = env.name.mark }
        environmentMarks = marks
    }

    /// Resolves values of the tooling template.
    var resolver: Resolver { Resolver(template: tooling.template, account: tooling.account, region: tooling.region) }

    func project(id: String) -> Project? { projects[id] }

    /// The project of a build kind.
    func project(_ kind: BuildKind) -> Project? {
        let name = names.buildProject(kind)
        return projects.values.first { $0.name == name }
    }

    /// The deployment group `application`/`name` of an environment account's template in `region`.
    func deploymentGroup(account: String, region: String, application: String, name: String) -> DeploymentGroup? {
        groups["\(account)|\(region)|\(application)|\(name)"]
    }

    /// The KMS key that encrypts the tooling template's topic `arn`, nil when none does.
    func topicKey(_ arn: String) -> String? { topicKeys[arn] }

    /// True when a replication rule of the tooling registry copies repository `name` to the
    /// registry of `account` in `region`.
    func replicates(_ name: String, to account: String, region: String) -> Bool {
        replicationRules.contains { rule in
            rule.destinations.contains { $0.account == account && $0.region == region }
                && (rule.prefixes.isEmpty || rule.prefixes.contains { name.hasPrefix($0) })
        }
    }

    /// Where the config names environment `name`.
    func environmentMark(_ name: String?) -> Mark? { name.flatMap { environmentMarks[$0] } }

    // MARK: Calls every kind of action and build shares

    /// Reading artifact objects, encrypted with `key`, from the artifact bucket of `region`:
    /// each object, and the key once.
    func readArtifacts(
        _ caller: RuntimeCall.Caller, bucket: String, objects: [String], key: String, region: String, cause: Mark?,
        origin: String
    ) -> [RuntimeCall] {
        objects.map {
            RuntimeCall(
                actions: ["s3:GetObject", "s3:GetObjectVersion"], caller: caller, account: toolingAccount,
                region: region,
                resource: "arn:aws:s3:::\(bucket)/\($0)", policy: .bucket, cause: cause, origin: origin)
        } + [
            RuntimeCall(
                action: "kms:Decrypt", caller: caller, account: toolingAccount, region: region, resource: key,
                policy: .key,
                context: [.init("kms:ViaService", names.endpoint(.s3, region: region))], cause: cause, origin: origin)
        ]
    }

    /// Writing artifact objects into the artifact bucket of `region`, encrypted with `key`.
    func writeArtifacts(
        _ caller: RuntimeCall.Caller, bucket: String, objects: [String], key: String, region: String, cause: Mark?,
        origin: String
    ) -> [RuntimeCall] {
        objects.map {
            RuntimeCall(
                action: "s3:PutObject", caller: caller, account: toolingAccount, region: region,
                resource: "arn:aws:s3:::\(bucket)/\($0)",
                policy: .bucket, cause: cause, origin: origin)
        } + [
            RuntimeCall(
                action: "kms:GenerateDataKey", caller: caller, account: toolingAccount, region: region, resource: key,
                policy: .key,
                context: [.init("kms:ViaService", names.endpoint(.s3, region: region))], cause: cause, origin: origin)
        ]
    }

    /// A role's logs in `group` of the tooling account's home region, and CloudWatch Logs
    /// encrypting them with the group's key.
    func writeLogs(_ roleArn: String, group: String, key: String?, cause: Mark?, origin: String) -> [RuntimeCall] {
        let groupArn = "arn:aws:logs:\(home):\(toolingAccount):log-group:\(group)"
        var out = [
            RuntimeCall(
                actions: ["logs:CreateLogStream", "logs:PutLogEvents"], caller: .role(roleArn), account: toolingAccount,
                region: home,
                resource: "\(groupArn):log-stream:example", policy: .none, cause: cause, origin: origin)
        ]
        if let key {
            out.append(
                RuntimeCall(
                    actions: ["kms:GenerateDataKey", "kms:Decrypt"], caller: .service(names.logsPrincipal(region: home)),
                    account: toolingAccount,
                    region: home, resource: key, policy: .key,
                    context: [.init("kms:EncryptionContext:aws:logs:arn", groupArn)], cause: cause,
                    origin: origin))
        }
        return out
    }

    /// A service assuming its role (`codebuild.amazonaws.com` its project's role): the role's
    /// trust must admit the service.
    func serviceAssumes(_ service: AWSService, _ roleArn: String, cause: Mark?, origin: String) -> RuntimeCall {
        RuntimeCall(
            action: "sts:AssumeRole", caller: .service(names.principal(service)),
            account: RuntimeCall.account(ofArn: roleArn) ?? toolingAccount, region: home,
            resource: roleArn, policy: .trust, cause: cause, origin: origin)
    }
}

/// One run of a CodeBuild project by a pipeline action, as a pipeline declaration lists the
/// calls its build makes (`PipelineDeclaration.runtimeCalls(of:_:)`).
/// One action of a pipeline as the runtime check sees it: what a pipeline declaration reads to
/// add the calls its own actions make beyond those of their kind (`runtimeCalls(of:_:)`).
struct ActionRun {
    let spec: ActionSpec
    let declared: CodePipeline.Pipeline.ActionDeclaration
    /// The region the action runs in.
    let region: String
    /// The role the action runs as (the pipeline's, or the role it assumes) and its account.
    let actor: RuntimeCall.Caller
    let actorAccount: String
    /// The artifact bucket and key of the action's region.
    let store: (bucket: String, key: String)
    let cause: Mark?
    let origin: String

    /// A call made as `caller` (by default the action's role) in the action's region.
    func call(
        _ actions: [String], on resource: String, policy: RuntimeCall.ResourcePolicy = .none,
        as caller: RuntimeCall.Caller? = nil, account: String? = nil, context: [RuntimeCall.Fact] = []
    ) -> RuntimeCall {
        RuntimeCall(
            actions: actions, caller: caller ?? actor, account: account ?? actorAccount, region: region,
            resource: resource, policy: policy, context: context, cause: cause, origin: origin)
    }
}

struct BuildRun {
    let kind: BuildKind
    let spec: ActionSpec
    let project: RuntimeScene.Project
    /// The action's environment variables, resolved, before the project's.
    let variables: [(name: String, value: String)]
    let cause: Mark?
    let origin: String

    /// An environment variable as the build sees it: the action's, else the project's.
    func variable(_ name: String) -> String? {
        variables.first { $0.name == name }?.value ?? project.variable(name)
    }

    /// A call the build makes: as its own role in the tooling account's home region, unless
    /// told another caller (a role it assumed), account or region.
    func call(
        _ action: String, on resource: String, policy: RuntimeCall.ResourcePolicy = .none,
        as caller: RuntimeCall.Caller? = nil,
        account: String? = nil, region: String? = nil, context: [RuntimeCall.Fact] = [], _ scene: RuntimeScene
    ) -> RuntimeCall {
        call(
            [action], on: resource, policy: policy, as: caller, account: account, region: region, context: context,
            scene)
    }

    /// Several actions the build makes on one resource.
    func call(
        _ actions: [String], on resource: String, policy: RuntimeCall.ResourcePolicy = .none,
        as caller: RuntimeCall.Caller? = nil,
        account: String? = nil, region: String? = nil, context: [RuntimeCall.Fact] = [], _ scene: RuntimeScene
    ) -> RuntimeCall {
        RuntimeCall(
            actions: actions, caller: caller ?? .role(project.roleArn), account: account ?? scene.toolingAccount,
            region: region ?? scene.home,
            resource: resource, policy: policy, context: context, cause: cause, origin: origin)
    }
}
