import CloudFormation
import PipegenConfig
import YAMLKit

/// container-deployment: the deployment files (AppSpec, task definitions) and a new image in
/// the tooling account's registry → for each environment (or wave) in route order:
/// [approval] → CodeDeploy ECS blue/green in every region. Further regions deploy the image
/// replicated to their own registry.
struct ContainerDeploymentPipeline: PipelineDeclaration {
    let settings: ContainerDeployment
    var kind: PipelineKind { .containerDeployment }
    var source: Source { settings.source }
    var mark: Mark? { settings.mark }
    var deploysToEnvironments: Bool { true }

    /// The integration tests that follow its deployments.
    var tests: IntegrationTestsStep { IntegrationTestsStep(pipeline: kind, build: .serviceTests, role: .serviceTestsReadOnly) }
    var deploysImages: Bool { true }

    // MARK: Tooling account

    func builds(_ tooling: ToolingBuilder) -> [BuildDeclaration] {
        let tests = tests.declaration(tooling, settings: tooling.config.buildSettings(settings, ContainerDeployment.Builds.serviceTests)).map { [$0] } ?? []
        let images = tooling.images
        guard !images.hosts.isEmpty else { return tests }
        let names = tooling.names, home = tooling.topology.homeRegion
        let statements =
            Policies.readWriteArtifacts([names.artifactBucket(region: home)]) + [
                Policies.useKey([tooling.keyArn(region: home)], write: true),
                IAM.Statement(
                    sid: "FindReplicatedImage", actions: ["ecr:DescribeImages"],
                    resources: images.hosts.map {
                        let account = $0.account == names.toolingAccount ? Value.thisAccount : $0.account
                        return .arn("ecr", region: $0.region, account: account, "repository/\(names.registryName)")
                    }),
            ]
        return [
            BuildDeclaration(
                kind: .imageLocate, settings: tooling.config.buildSettings(settings, ContainerDeployment.Builds.imageLocate),
                statements: statements, variables: [],
                buildspec: images.source == .tooling ? Self.imageLocate : Self.imageLocateAccount)
        ] + tests
    }

    func stages(_ planner: StagePlanner) -> [StageSpec] {
        let names = planner.names, home = planner.home
        let image = planner.action(
            "Image", .ecrSource(repository: names.registryName, tag: settings.imageTag), outputs: [Artifact.image])
        var stages = [StageSpec(name: "Source", environment: nil, actions: [planner.sourceAction(source), image])]
        // Each further region deploys the image details of its registry replica (with replicas in
        // the environment accounts, each environment's stage locates its own: `imageSteps`).
        let replicaRegions = ImageDistribution(planner.config).toolingRegions
        if !replicaRegions.isEmpty {
            // A buildspec of the repository is read from the source, the first input.
            let ownBuildspec = planner.config.buildSettings(settings, ContainerDeployment.Builds.imageLocate).buildspec != nil
            let locate = replicaRegions.map { region in
                planner.action(
                    "LocateImage-\(region)",
                    .build(.imageLocate, variables: [.init(name: "TARGET_REGION", value: region)]),
                    inputs: (ownBuildspec ? [Artifact.source] : []) + [Artifact.image], outputs: [Artifact.image(in: region)])
            }
            stages.append(StageSpec(name: "Replicate", environment: nil, actions: locate))
        }
        for group in planner.config.stageGroups {
            var actions: [ActionSpec] = []
            if let a = planner.approval(group, what: "the new image") { actions.append(a) }
            let start = actions.count + 1
            for env in group {
                let e = env.name.value
                var order = start
                for regions in planner.regionGroups(env) {
                    let steps = imageSteps(planner, env, group, regions: regions, order: order)
                    actions += steps.locate
                    order = steps.next
                    for region in regions {
                        let image = steps.image[region] ?? (region == home ? Artifact.image : Artifact.image(in: region))
                        actions.append(
                            ActionSpec(
                                name: planner.named("Deploy" + planner.suffix(env, region), env, group),
                                kind: .codeDeployToECS(
                                    application: names.codeDeployApplication(e),
                                    deploymentGroup: names.deploymentGroup(e),
                                    appspec: names.expand(settings.appspec, env: e, region: region, account: env.account.value),
                                    taskDefinition: names.expand(
                                        settings.taskDefinition, env: e, region: region, account: env.account.value),
                                    image: image),
                                runOrder: order, inputs: [Artifact.source, image], outputs: [],
                                role: planner.model.role(.ecsDeploy, in: e), region: region))
                    }
                    order += 1
                }
                let testSettings = planner.config.buildSettings(settings, ContainerDeployment.Builds.serviceTests)
                if let test = tests.action(planner, env, group, order: order, settings: testSettings) { actions.append(test) }
            }
            stages.append(planner.stage(group, actions))
        }
        return stages
    }

    /// A push of the configured tag to the repository starts the pipeline (besides a push to
    /// its source), through the pipeline's own events role.
    func addTriggers(_ tooling: ToolingBuilder, to t: inout Template) {
        let names = tooling.names
        if !source.isCodeCommit { tooling.addEventsRole(kind, to: &t) }
        var rule = Events.Rule(targets: [tooling.target(kind)])
        rule.name = .string(names.imagePushRule)
        rule.description = "Start \(names.pipeline(kind)) when \(names.registryName):\(settings.imageTag) is pushed"
        rule.eventPattern = [
            "source": ["aws.ecr"],
            "detail-type": ["ECR Image Action"],
            "detail": [
                "action-type": ["PUSH"],
                "result": ["SUCCESS"],
                "repository-name": [.ref(ToolingBuilder.ID.registry)],
                "image-tag": [.string(settings.imageTag)],
            ],
        ]
        t.add(ID.imageRule, Resource(rule))
    }

    // MARK: Environment accounts

    var roleKinds: [EnvironmentRoleKind] { [.ecsDeploy, .codeDeploy, .serviceTestsReadOnly] }
    var serviceRoleKinds: [EnvironmentRoleKind] { [.codeDeploy] }

    func managedPolicies(of role: CrossAccountRole) -> [String] {
        role.kind == tests.role ? [IntegrationTestsStep.readOnlyPolicy] : []
    }

    func assumedRoles(in env: Environment, names: Names) -> [AssumedRole] {
        [AssumedRole(kind: .ecsDeploy, assumedBy: names.pipelineRole(.containerDeployment), reads: .pipelineArtifacts)]
            + tests.assumedRoles(in: env, names: names)
    }

    func permissions(of role: CrossAccountRole, _ environment: EnvironmentBuilder) -> [IAM.Statement] {
        if role.kind == tests.role { return [] }
        precondition(role.kind == .ecsDeploy, "\(role.kind) is not assumed from the tooling account")
        let names = environment.names, regions = environment.regions, e = environment.e
        let app = names.codeDeployApplication(e), group = names.deploymentGroup(e)
        return [
            IAM.Statement(
                sid: "StartBlueGreenDeployment",
                actions: [
                    "codedeploy:CreateDeployment", "codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                    "codedeploy:GetDeployment", "codedeploy:GetDeploymentConfig",
                    "codedeploy:RegisterApplicationRevision",
                ],
                resources: regions.flatMap { r -> [Value] in
                    [
                        .arn("codedeploy", region: r, account: Value.thisAccount, "application:\(app)"),
                        .arn("codedeploy", region: r, account: Value.thisAccount, "deploymentgroup:\(app)/\(group)"),
                        .arn("codedeploy", region: r, account: Value.thisAccount, "deploymentconfig:*"),
                    ]
                }),
            // ecs:RegisterTaskDefinition has no resource type: AWS accepts only "*".
            IAM.Statement(sid: "RegisterTaskDefinition", actions: ["ecs:RegisterTaskDefinition"], resources: ["*"]),
            // A task definition file with "tags" is registered with them, and AWS then also
            // authorizes ecs:TagResource on the new task definition. The file is the user's
            // and may gain tags any day, so this is always granted, narrowly: on task
            // definitions, and only while one is registered (ecs:CreateAction).
            // [Grant permission to tag resources on creation](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html),
            // [ECS resource types and condition keys](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html)
            IAM.Statement(
                sid: "TagTaskDefinitions", actions: ["ecs:TagResource"],
                resources: regions.map { .arn("ecs", region: $0, account: Value.thisAccount, "task-definition/*") },
                conditions: [IAM.Condition("StringEquals", "ecs:CreateAction", .string("RegisterTaskDefinition"))]),
            Policies.pass(taskRoleArns(environment), to: environment.names.principal(.ecsTasks), sid: "PassTaskRoles"),
            Policies.readArtifacts(regions.map { names.artifactBucket(region: $0) }),
        ] + Policies.decryptArtifactsFromAnotherAccount(regions: regions, names: names)
    }

    /// The roles the task definitions may name, passed to ECS.
    private func taskRoleArns(_ environment: EnvironmentBuilder) -> [Value] {
        Self.taskRoles(settings, in: environment.env, environment.names).map {
            switch $0 {
            case .name(let name): return environment.names.roleArn(name, account: Value.thisAccount)
            case .arn(let arn): return .string(arn)
            }
        }
    }

    /// A role the task definitions of an environment may name.
    enum TaskRole: Equatable {
        /// The role of this name (or name pattern, with its path) in the environment's account.
        case name(String)
        /// A role ARN of the environment's account, as written.
        case arn(String)

        /// As the config wrote it (`{env}` replaced).
        var shown: String {
            switch self {
            case .name(let name): return name
            case .arn(let arn): return arn
            }
        }

        /// The ARN (or ARN pattern) in `account` of `partition`.
        func arn(account: String, partition: Partition) -> String {
            switch self {
            case .name(let name): return "arn:\(partition.name):iam::\(account):role/\(name)"
            case .arn(let arn): return arn
            }
        }
    }

    /// The roles `env`'s task definitions may name: `task-roles` with `{env}` and `{account}`
    /// replaced, less the ARNs of other accounts (a role is passed only in its own account;
    /// the decoder made sure each environment keeps one).
    /// [Passing a role to a service](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)
    static func taskRoles(_ settings: ContainerDeployment, in env: Environment, _ names: Names) -> [TaskRole] {
        settings.taskRoles.compactMap { pattern in
            let text = names.expand(pattern, env: env.name.value, account: env.account.value)
            guard text.hasPrefix("arn:") else { return .name(text) }
            return ContainerDeployment.roleArnParts(text)?.account == env.account.value ? .arn(text) : nil
        }
    }

    /// At home: CodeDeploy's service role, and the region's application and deployment group;
    /// in a further region: its application and deployment group. When the infrastructure
    /// pipeline creates the ECS services, the deployment groups are in `environmentStacks`.
    func addEnvironmentResources(_ environment: EnvironmentBuilder, region: String, to t: inout Template) {
        addImageReplicas(environment, region: region, to: &t)
        guard settings.ecsServices == .existing else { return }
        if region == environment.env.homeRegion { addCodeDeployRole(environment, to: &t) }
        addBlueGreen(environment, region: region, to: &t)
    }

    /// When infrastructure-deployment creates the ECS services, each region's application
    /// and deployment group are a stack of their own (`<env>-deploy`, `<env>-deploy-<region>`),
    /// deployed after that pipeline's first run: CodeDeploy checks that the service, its
    /// cluster, listeners and target groups exist when a deployment group is created. The
    /// home region's also holds CodeDeploy's service role, whose policy imports the values of
    /// the application's stack: the environment's template, deployed before that run, could
    /// not import them yet.
    /// [Create an ECS deployment group](https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-ecs.html),
    /// [AWS::CodeDeploy::DeploymentGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html)
    func environmentStacks(_ environment: EnvironmentBuilder) -> [OwnStack] {
        guard settings.ecsServices == .infrastructureDeployment else { return [] }
        let names = environment.names, e = environment.e, env = environment.env
        let gate = StackGate(
            pipeline: .infrastructure,
            needs: "each environment's ECS service, with the cluster, listeners and target groups its 'ecs' names (the "
                + "service with the CODE_DEPLOY deployment controller, started with any image; a value written {import: name} "
                + "exported in that region)")
        return environment.regions.map { region in
            let home = region == env.homeRegion
            let stack = names.environmentStack(e, part: Self.deployStackPart, region: home ? nil : region)
            var t = Template(
                description: "Environment \(e) of project \(names.project) (generated by pipegen) with "
                    + (home ? "CodeDeploy's service role, " : "")
                    + "the CodeDeploy application and blue/green deployment group "
                    + "in \(region), deployed once infrastructure-deployment has created the ECS service. "
                    + "Deploy to account \(env.account.value) in \(region) as stack \(stack).")
            if home { addCodeDeployRole(environment, to: &t) }
            addBlueGreen(environment, region: region, to: &t)
            return OwnStack(part: Self.deployStackPart, region: region, template: t, gate: gate)
        }
    }

    /// The name part of the stacks of `environmentStacks`.
    static let deployStackPart = "deploy"

    /// CodeDeploy's service role: only what an ECS blue/green deployment does, on this
    /// environment's service, listeners and target groups in each of its regions. The role
    /// lives in the home region's template, where `Fn::ImportValue` reads the home region's
    /// exports only: a value imported in a further region is named by a pattern of that
    /// region (its listeners, its clusters or services) instead, a literal one exactly.
    /// [CodeDeploy service role for ECS](https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html),
    /// [AWSCodeDeployRoleForECSLimited](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECSLimited.html)
    private func addCodeDeployRole(_ environment: EnvironmentBuilder, to t: inout Template) {
        let ecs = environment.env.ecs!
        let names = environment.names, home = environment.env.homeRegion
        var role = IAM.Role(trust: Policies.trust(service: names.principal(.codedeploy)))
        role.roleName = .string(names.environmentRole(.codeDeploy, env: environment.e))
        role.description = "Service role of CodeDeploy for the \(environment.e) blue/green deployment"
        /// A value of `region`'s target as the home template can name it; nil for "any".
        func named(_ source: ValueSource, in region: String) -> Value? {
            if case .importValue = source, region != home { return nil }
            return Self.value(source)
        }
        var taskSets: [Value] = [], listeners: [Value] = []
        for region in environment.regions {
            let target = ecs.target(in: region)
            let cluster = named(target.cluster, in: region) ?? "*", service = named(target.service, in: region) ?? "*"
            for resource in ["service/${Cluster}/${Service}", "task-set/${Cluster}/${Service}/*"] {
                taskSets.append(
                    Value.subInlining(
                        "arn:${AWS::Partition}:ecs:\(region):${AWS::AccountId}:\(resource)",
                        [("Cluster", cluster), ("Service", service)]))
            }
            for listener in [target.listener] + (target.testListener.map { [$0] } ?? []) {
                listeners.append(
                    named(listener, in: region)
                        ?? .arn("elasticloadbalancing", region: region, account: Value.thisAccount, "listener/*"))
            }
        }
        role.policies = [
            IAM.Role.Policy(
                "ecs-blue-green",
                [
                    IAM.Statement(
                        sid: "ShiftTaskSets",
                        actions: [
                            "ecs:CreateTaskSet", "ecs:DeleteTaskSet", "ecs:DescribeServices",
                            "ecs:UpdateServicePrimaryTaskSet",
                        ],
                        resources: uniqued(taskSets)),
                    // Elastic Load Balancing's Describe actions have no resource type: AWS accepts only "*".
                    IAM.Statement(
                        sid: "ReadLoadBalancing",
                        actions: [
                            "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules",
                            "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
                        ],
                        resources: ["*"]),
                    IAM.Statement(
                        sid: "ShiftTraffic", actions: ["elasticloadbalancing:ModifyListener"],
                        resources: uniqued(listeners)),
                    IAM.Statement(
                        sid: "ShiftRuleTraffic", actions: ["elasticloadbalancing:ModifyRule"],
                        resources: environment.regions.map {
                            .arn("elasticloadbalancing", region: $0, account: Value.thisAccount, "listener-rule/*")
                        }),
                    Policies.pass(taskRoleArns(environment), to: environment.names.principal(.ecsTasks), sid: "PassTaskRoles"),
                ] + watchAndHook(environment))
        ]
        t.add(EnvironmentBuilder.ID.role(.codeDeploy), Resource(role))
    }

    /// What CodeDeploy does beside shifting traffic, when configured: read the state of the
    /// alarms that stop a deployment (named exactly, in each region), and invoke the AppSpec's
    /// hook functions (each unqualified or by version or alias: `function:name` and
    /// `function:name:*`). The hook functions report back themselves
    /// (`codedeploy:PutLifecycleEventHookExecutionStatus`, their own role's business).
    /// [AWSCodeDeployRoleForECSLimited](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECSLimited.html),
    /// [CloudWatch resource types](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html),
    /// [AppSpec hooks for ECS](https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs)
    private func watchAndHook(_ environment: EnvironmentBuilder) -> [IAM.Statement] {
        let names = environment.names, e = environment.e
        let alarms = settings.blueGreen(in: environment.env).alarms
        var out: [IAM.Statement] = []
        if !alarms.isEmpty {
            out.append(
                IAM.Statement(
                    sid: "ReadAlarms", actions: ["cloudwatch:DescribeAlarms"],
                    resources: uniqued(
                        environment.regions.flatMap { region in
                            alarms.map {
                                .arn(
                                    "cloudwatch", region: region, account: Value.thisAccount,
                                    "alarm:" + names.expand($0, env: e, region: region))
                            }
                        })))
        }
        if !settings.hooks.all.isEmpty {
            out.append(
                IAM.Statement(
                    sid: "InvokeHooks", actions: ["lambda:InvokeFunction"],
                    resources: uniqued(
                        environment.regions.flatMap { region in
                            settings.hooks.all.flatMap { hook -> [Value] in
                                let function = "function:" + names.expand(hook.function, env: e)
                                return [function, function + ":*"].map {
                                    .arn("lambda", region: region, account: Value.thisAccount, $0)
                                }
                            }
                        })))
        }
        return out
    }

    /// The CodeDeploy application and ECS blue/green deployment group of one region.
    private func addBlueGreen(_ environment: EnvironmentBuilder, region: String, to t: inout Template) {
        let ecs = environment.env.ecs!.target(in: region)
        let names = environment.names, e = environment.e
        typealias Group = CodeDeploy.DeploymentGroup
        let app = names.codeDeployApplication(e)
        t.add(ID.application, Resource(CodeDeploy.Application(applicationName: .string(app), computePlatform: .ecs)))
        // The role is in the home region's template (the environment's, or its deploy stack);
        // elsewhere named.
        let serviceRole: Value =
            region == environment.env.homeRegion
            ? .getAtt(EnvironmentBuilder.ID.role(.codeDeploy), "Arn")
            : names.roleArn(names.environmentRole(.codeDeploy, env: e), account: Value.thisAccount)
        var group = Group(applicationName: .ref(ID.application), serviceRoleArn: serviceRole)
        group.deploymentGroupName = .string(names.deploymentGroup(e))
        let blueGreen = settings.blueGreen(in: environment.env)
        group.deploymentConfigName = .string(blueGreen.deploymentConfig.rawValue)
        group.deploymentStyle = Group.DeploymentStyle(deploymentOption: .withTrafficControl, deploymentType: .blueGreen)
        // Waiting for a person: traffic moves on ContinueDeployment, or the deployment stops
        // (and rolls back) when the wait ends first.
        let ready =
            blueGreen.rerouteWaitMinutes > 0
            ? Group.DeploymentReadyOption(
                actionOnTimeout: .stopDeployment, waitTimeInMinutes: blueGreen.rerouteWaitMinutes)
            : Group.DeploymentReadyOption(actionOnTimeout: .continueDeployment)
        group.blueGreenDeploymentConfiguration = Group.BlueGreenDeploymentConfiguration(
            deploymentReadyOption: ready,
            terminateBlueInstancesOnDeploymentSuccess: Group.BlueInstanceTerminationOption(
                action: .terminate, terminationWaitTimeInMinutes: blueGreen.terminationWaitMinutes))
        group.ecsServices = [
            Group.ECSService(clusterName: Self.value(ecs.cluster), serviceName: Self.value(ecs.service))
        ]
        var pair = Group.TargetGroupPairInfo(
            prodTrafficRoute: Group.TrafficRoute(listenerArns: [Self.value(ecs.listener)]),
            targetGroups: ecs.targetGroups.map { Group.TargetGroupInfo(name: Self.value($0)) })
        if let test = ecs.testListener {
            pair.testTrafficRoute = Group.TrafficRoute(listenerArns: [Self.value(test)])
        }
        group.loadBalancerInfo = Group.LoadBalancerInfo(targetGroupPairInfoList: [pair])
        var rollback: [Group.AutoRollbackConfiguration.Event] = [.deploymentFailure, .deploymentStopOnRequest]
        if !blueGreen.alarms.isEmpty {
            group.alarmConfiguration = Group.AlarmConfiguration(
                enabled: true, alarms: blueGreen.alarms.map { names.expand($0, env: e, region: region) })
            rollback.insert(.deploymentStopOnAlarm, at: 1)
        }
        group.autoRollbackConfiguration = Group.AutoRollbackConfiguration(enabled: true, events: rollback)
        t.add(ID.deploymentGroup, Resource(group))
        // What another stack (a deployment tool, an alarm's runbook) names them by; `Ref` of
        // both is the name.
        t.addOutput(ID.application + "Name", Output(.ref(ID.application), description: "CodeDeploy application of \(e) in \(region)"))
        t.addOutput(ID.deploymentGroup + "Name", Output(.ref(ID.deploymentGroup), description: "Deployment group of \(e) in \(region)"))
    }

    /// A config value as CloudFormation: the literal, or `Fn::ImportValue` of the export.
    static func value(_ source: ValueSource) -> Value {
        switch source {
        case .literal(let s): return .string(s)
        case .importValue(let name): return .importValue(.string(name))
        }
    }

    /// Logical ids of its resources: the tooling template's image rule, the environment
    /// templates' deployment resources.
    enum ID {
        static let imageRule = "ContainerDeploymentImageRule"
        static let imageReplica = "ImageRepository"
        static let imageReplicationPolicy = "ImageReplicationPolicy"
        static let application = "CodeDeployApplication"
        static let deploymentGroup = "BlueGreenDeploymentGroup"
    }

    // MARK: Checks, plan and graph

    func toolingNames(_ names: Names) -> [DerivedName] {
        [DerivedName(name: names.imagePushRule, rule: NameChecks.rule)]
    }

    func environmentNames(_ env: Environment, _ names: Names) -> [DerivedName] {
        var out = [DerivedName(name: names.codeDeployApplication(env.name.value), rule: NameChecks.codeDeploy)]
        if settings.ecsServices == .infrastructureDeployment {
            for region in env.regions.map(\.value) {
                let further = region == env.homeRegion ? nil : region
                out.append(
                    DerivedName(
                        name: names.environmentStack(env.name.value, part: Self.deployStackPart, region: further),
                        rule: NameChecks.stack))
            }
        }
        return out
    }

    func repositoryContents(_ steps: ManualSteps) -> String {
        let config = steps.config, names = steps.names
        func paths(_ pattern: NamePattern) -> [String] {
            config.environments.flatMap { env in
                env.regions.map { names.expand(pattern, env: env.name.value, region: $0.value, account: env.account.value) }
            }
        }
        let files = uniqued(paths(settings.appspec)) + uniqued(paths(settings.taskDefinition))
        var what = files.joined(separator: ", ")
        if let name = steps.imagePlaceholder() { what += " (the task definitions name the image <\(name)>)" }
        return what
    }

    /// CodeDeploy checks that each deployment group's service and load balancer exist when
    /// the environment's stack is created.
    func stepBeforeEnvironments(_ steps: ManualSteps) -> ManualStep? {
        // Created by the infrastructure pipeline's first run instead: see `environmentStacks`.
        guard settings.ecsServices == .existing else { return nil }
        var blocks: [ManualStep.Block] = [
            .text(
                "Each environment's blue/green deployment group points at the application's ECS service and load "
                    + "balancer, and CodeDeploy checks that they exist when the stack is created. Create them (with your own stack) in every "
                    + "account and region below; a value written as {import: name} must be an export there. The service "
                    + "needs the CODE_DEPLOY deployment controller and may start with any image: the first run of "
                    + "container-deployment replaces it.")
        ]
        for env in steps.config.environments {
            guard let ecs = env.ecs else { continue }
            for region in env.regions.map(\.value) {
                let target = ecs.target(in: region)
                var parts = ["cluster \(Self.describe(target.cluster))", "service \(Self.describe(target.service))"]
                parts.append("listener \(Self.describe(target.listener))")
                if let test = target.testListener { parts.append("test listener \(Self.describe(test))") }
                parts.append("target groups " + target.targetGroups.map(Self.describe).joined(separator: " and "))
                blocks.append(
                    .item(
                        "\(env.name.value) (account \(env.account.value), \(region)): " + parts.joined(separator: ", "))
                )
            }
        }
        return ManualStep(
            kind: .createECSResources, title: "Create the ECS services the deployments replace", blocks: blocks)
    }

    static func describe(_ value: ValueSource) -> String {
        switch value {
        case .literal(let text): return text
        case .importValue(let export): return "from export \(export)"
        }
    }

    /// The pipeline starts on an image: wait for a pipeline that pushes the tag, or push one.
    /// When its deployment groups came after the infrastructure pipeline's first run, a run
    /// that started before them failed at its deploy actions: start it again.
    func stepAfterPush(_ steps: ManualSteps) -> ManualStep? {
        let config = steps.config, names = steps.names, home = steps.home
        let tag = settings.imageTag
        let suffix = config.partition.dnsSuffix
        let host = "\(config.tooling.account.value).dkr.ecr.\(home).\(suffix)"
        let image = "\(host)/\(names.registryName):\(tag)"
        var again: [ManualStep.Block] = []
        if settings.ecsServices == .infrastructureDeployment {
            again = [
                .text(
                    "A container-deployment run that started before the \(Self.deployStackPart) stacks existed stopped at its first "
                        + "deploy action (no deployment group yet): once they exist, start it again."),
                .command(
                    "aws codepipeline start-pipeline-execution --name \(names.pipeline(kind)) --region \(home) --profile \(steps.toolingProfile)"
                ),
            ]
        }
        if let builder = config.declarations.first(where: { $0.imageTagsPushed.contains(tag) }) {
            return ManualStep(
                kind: .pushImage, title: "Wait for the first image",
                blocks: [
                    .text(
                        "container-deployment starts when an image tagged \(tag) arrives in \(names.registryName). "
                            + "The first \(builder.kind.rawValue) run, started by the push to \(builder.source.repository.value), "
                            + "pushes \(image); until then container-deployment stops at Source.")
                ] + again)
        }
        return ManualStep(
            kind: .pushImage, title: "Push a first image",
            blocks: [
                .text(
                    "container-deployment starts when an image tagged \(tag) arrives in \(names.registryName), "
                        + "and stops at Source until one does. Push one (IMAGE is an image you built):"),
                .command(
                    "aws ecr get-login-password --region \(home) --profile \(steps.toolingProfile) | docker login --username AWS --password-stdin \(host)"
                ),
                .command("docker tag IMAGE \(image)"),
                .command("docker push \(image)"),
            ] + again)
    }

    /// The roles each environment's tasks may be given, environments with the same list together.
    func reviewNotes(_ config: Config, _ names: Names) -> [String] {
        var groups: [(envs: [String], roles: [String])] = []
        for env in config.environments {
            let roles = Self.taskRoles(settings, in: env, names).map(\.shown)
            if let i = groups.firstIndex(where: { $0.roles == roles }) {
                groups[i].envs.append(env.name.value)
            } else {
                groups.append(([env.name.value], roles))
            }
        }
        return groups.map { group in
            "container-deployment may pass these roles to the ECS tasks of \(group.envs.map { "'\($0)'" }.joined(separator: ", ")) "
                + "(iam:PassRole), each in its environment's account: \(group.roles.joined(separator: ", "))"
        }
    }

    func graphTarget(of role: CrossAccountRole, _ names: Names) -> [String] {
        if role.kind == tests.role { return IntegrationTestsStep.graphTarget }
        return [
            "CodeDeploy blue/green",
            "\(names.codeDeployApplication(role.environment)) / \(names.deploymentGroup(role.environment))",
        ]
    }

    // MARK: Buildspecs

    /// Waits until the image of `imageDetail.json` has been replicated to the registry of
    /// `TARGET_REGION`, then writes `imageDetail.json` pointing at that replica, so each
    /// region's tasks pull from their own region.
    static let imageLocate = Buildspec.script(
        #"""
        \#(imageReference)
        for attempt in $(seq 1 60); do
          if aws ecr describe-images --region "$TARGET_REGION" --repository-name "$repository" --image-ids "$image_id" > /dev/null 2>&1; then
            printf '{"ImageURI":"%s"}\n' "$(printf '%s' "$uri" | sed "s/\.dkr\.ecr\.$AWS_DEFAULT_REGION\./.dkr.ecr.$TARGET_REGION./")" > imageDetail.json
            cat imageDetail.json
            exit 0
          fi
          echo "waiting for $image in $TARGET_REGION ($attempt/60)"
          sleep 15
        done
        echo "the image was not replicated to $TARGET_REGION within 15 minutes" >&2
        exit 1

        """#, artifacts: ["imageDetail.json"])
}

extension BuildKind {
    static let imageLocate = BuildKind(ContainerDeployment.Builds.imageLocate)
    static let serviceTests = BuildKind(ContainerDeployment.Builds.serviceTests, category: .test)
}

extension EnvironmentRoleKind {
    /// Assumed by the container-deployment pipeline to start CodeDeploy.
    static let ecsDeploy = EnvironmentRoleKind("ecs-deploy", id: "EcsDeployRole")
    /// CodeDeploy's service role for the ECS blue/green deployment.
    static let codeDeploy = EnvironmentRoleKind("codedeploy", id: "CodeDeployServiceRole")
    /// Assumed by the service tests build, when an environment's tests ask for it.
    static let serviceTestsReadOnly = EnvironmentRoleKind("service-tests", id: "ServiceTestsRole")
}
