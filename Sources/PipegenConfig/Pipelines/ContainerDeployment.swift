import YAMLKit

/// Source (deployment files) + ECR image → per environment: [approval] → CodeDeploy ECS blue/green.
public struct ContainerDeployment: PipelineSettings, DecodablePipeline {
    public static let kind = PipelineKind.containerDeployment
    public static let usesRegistry = true
    public static let runsTests = true
    public var source: Source
    /// `{env}` is replaced.
    public var appspec: NamePattern
    /// `{env}` is replaced.
    public var taskDefinition: NamePattern
    /// The ECR tag whose push starts the pipeline.
    public var imageTag: String
    /// How CodeDeploy moves production traffic, unless an environment's `ecs` says otherwise.
    public var deploymentConfig: ECSDeploymentConfig
    /// Minutes a deployment waits for someone to let traffic move (0: it moves at once).
    public var rerouteWaitMinutes: Int
    /// Minutes the old (blue) tasks keep running after traffic moved.
    public var terminationWaitMinutes: Int
    /// CloudWatch alarms that stop and roll back a deployment; `{env}` and `{region}` are replaced.
    public var alarms: [NamePattern]
    /// The Lambda functions the AppSpec's `Hooks` name, by lifecycle event.
    public var hooks: HookFunctions
    /// The roles the task definitions may name (passed with iam:PassRole): names, name
    /// patterns, or role ARNs (`{env}` and `{account}` are replaced).
    public var taskRoles: [NamePattern]
    /// Where each of `taskRoles` was written.
    var taskRoleMarks: [Mark?] = []
    /// Who creates the ECS services: the deployment groups' place and the bootstrap order follow.
    public var ecsServices: ECSServices = Keys.ecsServices.defaultValue
    var ecsServicesMark: Mark?
    public var mark: Mark?

    public init(
        source: Source, appspec: NamePattern = Keys.appspec.defaultValue,
        taskDefinition: NamePattern = Keys.taskDefinition.defaultValue,
        imageTag: String = Keys.imageTag.defaultValue,
        deploymentConfig: ECSDeploymentConfig = Keys.deploymentConfig.defaultValue,
        rerouteWaitMinutes: Int = Keys.rerouteWaitMinutes.defaultValue,
        terminationWaitMinutes: Int = Keys.terminationWaitMinutes.defaultValue,
        alarms: [NamePattern] = Keys.alarms.defaultValue,
        hooks: HookFunctions = Keys.hooks.defaultValue, taskRoles: [NamePattern] = Keys.taskRoles.defaultValue,
        mark: Mark? = nil
    ) {
        self.source = source
        self.appspec = appspec
        self.taskDefinition = taskDefinition
        self.imageTag = imageTag
        self.deploymentConfig = deploymentConfig
        self.rerouteWaitMinutes = rerouteWaitMinutes
        self.terminationWaitMinutes = terminationWaitMinutes
        self.alarms = alarms
        self.hooks = hooks
        self.taskRoles = taskRoles
        self.mark = mark
    }

    /// The blue/green settings of `env`: its `ecs`'s own where it gives them, the pipeline's
    /// elsewhere.
    public func blueGreen(in env: Environment) -> BlueGreen {
        let own = env.ecs?.blueGreen ?? BlueGreenOverrides()
        return BlueGreen(
            deploymentConfig: own.deploymentConfig ?? deploymentConfig,
            rerouteWaitMinutes: own.rerouteWaitMinutes ?? rerouteWaitMinutes,
            terminationWaitMinutes: own.terminationWaitMinutes ?? terminationWaitMinutes, alarms: own.alarms ?? alarms)
    }

    public enum Keys {
        public static let defaultRepository = "ECS-Container-Deployment"
        public static let appspec = Key<NamePattern>(
            "appspec", .string(.path), default: "appspec.yaml", "AppSpec file in the repository; {env} is replaced")
        public static let taskDefinition = Key<NamePattern>(
            "task-definition", .string(.path), default: "taskdef-{env}.json",
            "task definition template; {env} is replaced")
        public static let imageTag = Key<String>(
            "image-tag", .string(.text), default: "latest", "ECR tag whose push starts the pipeline")
        public static let deploymentConfig = Key<ECSDeploymentConfig>(
            "deployment-config", .choice(ECSDeploymentConfig.allCases.map(\.rawValue)), default: .allAtOnce,
            "how CodeDeploy moves production traffic to the new tasks: one of its predefined ECS configurations, all at once, canary (10% first, the rest 5 or 15 minutes later) or linear (10% every 1 or 3 minutes)"
        )
        public static let rerouteWaitMinutes = Key<Int>(
            "reroute-wait-minutes", .integer(min: 0, max: 2880), default: 0,
            "minutes a deployment waits, the new tasks running, for someone to let traffic move (aws deploy continue-deployment); 0 moves it as soon as they are ready; a wait that ends first stops and rolls back the deployment"
        )
        public static let terminationWaitMinutes = Key<Int>(
            "termination-wait-minutes", .integer(min: 0, max: 2880), default: 5,
            "minutes the old tasks keep running after traffic moved")
        public static let alarms = Key<[NamePattern]>(
            "alarms", .list(.string(.text), minItems: 0), default: [],
            "CloudWatch alarms (names; {env} and {region} are replaced) that stop the deployment and roll it back when one goes off"
        )
        public static let hooks = Key<HookFunctions>(
            "hooks", .object(HookFunctions.spec), default: HookFunctions(),
            "the Lambda functions the AppSpec's Hooks name, by lifecycle event: CodeDeploy's role may invoke exactly these, and 'pipegen ecs-files' writes them into the AppSpec"
        )
        public static let ecsServices = Key<ECSServices>(
            "ecs-services", .choice(ECSServices.allCases.map(\.rawValue)), default: .existing,
            "who creates the ECS services the deployments replace: existing (you, before the environments' stacks, which hold the deployment groups) or infrastructure-deployment (its first run: the deployment groups then go to stacks of their own, '<env>-deploy', which 'pipegen plan' deploys after that run)"
        )
        public static let taskRoles = Key<[NamePattern]>(
            "task-roles", .list(.string(.text), minItems: 1), default: ["{project}-*"],
            "the roles the task definitions name (execution and task role), which the pipeline may pass with iam:PassRole: names or name patterns, each the role of that name in the environment's account (such as the console's ecsTaskExecutionRole), or role ARNs"
        )
    }

    static let summary = "blue/green deploy the image along the route to live"
    static let spec = ObjectSpec(
        "container-deployment pipeline",
        "deployment files + new ECR image → per environment: [approval] → CodeDeploy ECS blue/green",
        keys: [
            Source.key(defaultRepository: Keys.defaultRepository), Keys.appspec.spec, Keys.taskDefinition.spec,
            Keys.imageTag.spec,
            Keys.deploymentConfig.spec, Keys.rerouteWaitMinutes.spec, Keys.terminationWaitMinutes.spec,
            Keys.alarms.spec,
            Keys.hooks.spec, Keys.taskRoles.spec, Keys.ecsServices.spec,
        ])

    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline {
        let taskRoles = r.strings(Keys.taskRoles.name)
        var settings =
            ContainerDeployment(
                source: decoder.decodeSource(r, defaultRepository: Keys.defaultRepository),
                appspec: r.read(Keys.appspec),
                taskDefinition: r.read(Keys.taskDefinition), imageTag: r.read(Keys.imageTag),
                deploymentConfig: r.read(Keys.deploymentConfig),
                rerouteWaitMinutes: r.read(Keys.rerouteWaitMinutes),
                terminationWaitMinutes: r.read(Keys.terminationWaitMinutes),
                alarms: BlueGreenOverrides.alarms(r) ?? Keys.alarms.defaultValue,
                hooks: HookFunctions.decode(r, Keys.hooks),
                taskRoles: taskRoles?.map { NamePattern($0.value) } ?? Keys.taskRoles.defaultValue, mark: mark)
        settings.taskRoleMarks = taskRoles?.map(\.mark) ?? []
        if let services = r.choice(Keys.ecsServices) {
            settings.ecsServices = services.value
            settings.ecsServicesMark = services.mark
        }
        return .containerDeployment(settings)
    }

    /// Every environment names the ECS service the deployment replaces.
    func check(_ config: Config, _ context: DecodeContext) {
        for env in config.environments where env.ecs == nil {
            context.error(
                "environment '\(env.name.value)' has no 'ecs' settings, which container-deployment needs", at: env.mark,
                notes: [
                    .help(
                        "add 'ecs:' with cluster, service, listener and target-groups, or remove pipelines.container-deployment"
                    )
                ])
        }
        checkTaskRoles(config, context)
        if ecsServices == .infrastructureDeployment, !config.pipelines.kinds.contains(.infrastructure) {
            context.error(
                "'ecs-services' is 'infrastructure-deployment', but the config has no infrastructure-deployment pipeline",
                at: ecsServicesMark ?? mark,
                notes: [
                    .help("add pipelines.infrastructure-deployment, or write 'existing' if you create the services")
                ])
        }
        // One AppSpec file for every environment names the same hook functions in each.
        if config.environments.count > 1, !appspec.contains(.env),
            let hook = hooks.all.first(where: { $0.function.contains(.env) })
        {
            context.error(
                "hook function '\(hook.function)' differs by environment, but every environment deploys the one AppSpec '\(appspec)'",
                at: hook.mark ?? mark,
                notes: [
                    .help(
                        "put '{env}' in 'appspec' (such as 'appspec-{env}.yaml') to give each environment its own, or name one function"
                    )
                ])
        }
    }
}

extension ContainerDeployment {
    /// The partition, account and role (path and name) of a role ARN
    /// (`arn:<partition>:iam::<account>:role/<path/name>`); nil for anything else.
    public static func roleArnParts(_ text: String) -> (partition: String, account: String, role: String)? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty, parts[5].hasPrefix("role/"),
            parts[5].count > 5
        else { return nil }
        return (String(parts[1]), String(parts[4]), String(parts[5].dropFirst(5)))
    }

    /// A task role given by ARN names a role of the config's partition in an environment's
    /// account (iam:PassRole passes roles of the caller's own account only), and every
    /// environment keeps a role it may pass.
    func checkTaskRoles(_ config: Config, _ context: DecodeContext) {
        let accounts = config.environments.map(\.account.value)
        var arnAccounts: [String?] = []
        for (i, role) in taskRoles.enumerated() where role.text.hasPrefix("arn:") {
            let at = i < taskRoleMarks.count ? taskRoleMarks[i] : mark
            guard let arn = Self.roleArnParts(role.text) else {
                context.error(
                    "task role '\(role.text)' is not a role ARN", at: at,
                    notes: [.help("write arn:\(config.partition.name):iam::<account>:role/<name>, or the role's name")])
                continue
            }
            // Its partition is checked with every other ARN (PartitionChecks).
            if role.contains(.account) {
                arnAccounts.append(nil)
            } else if !accounts.contains(arn.account) {
                context.error(
                    "task role '\(role.text)' is in account '\(arn.account)', where no environment deploys", at: at,
                    notes: [
                        .note("a role is passed (iam:PassRole) only within its own account"),
                        .help(
                            "write the role's name ('\(arn.role)'): each environment may then pass the role of that name in its own account"
                        ),
                    ])
            } else {
                arnAccounts.append(arn.account)
            }
        }
        // Only ARNs: an environment in an account none of them names could pass nothing.
        guard !taskRoles.contains(where: { !$0.text.hasPrefix("arn:") }), !arnAccounts.contains(nil) else { return }
        for env in config.environments where !arnAccounts.contains(env.account.value) {
            context.error(
                "environment '\(env.name.value)' may pass none of 'task-roles': each names a role of another account",
                at: taskRoleMarks.first ?? mark,
                notes: [.help("add a role name, or an ARN in account '\(env.account.value)'")])
            break
        }
    }
}

/// Who creates the ECS services (with their cluster, listeners and target groups) that the
/// blue/green deployments replace. CodeDeploy checks that they exist when a deployment group
/// is created, so this decides where the deployment groups go and the bootstrap order.
public enum ECSServices: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// You do, before the environments' stacks (which hold the deployment groups).
    case existing
    /// The first run of infrastructure-deployment does (the application's own template);
    /// the deployment groups go to stacks of their own, deployed after that run.
    case infrastructureDeployment = "infrastructure-deployment"
}

/// CodeDeploy's predefined deployment configurations for Amazon ECS: how production traffic
/// moves from the old tasks to the new.
/// [Deployment configurations on an Amazon ECS compute platform](https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-ecs)
public enum ECSDeploymentConfig: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// All traffic at once.
    case allAtOnce = "CodeDeployDefault.ECSAllAtOnce"
    /// 10 percent, the other 90 five minutes later.
    case canary10Percent5Minutes = "CodeDeployDefault.ECSCanary10Percent5Minutes"
    /// 10 percent, the other 90 fifteen minutes later.
    case canary10Percent15Minutes = "CodeDeployDefault.ECSCanary10Percent15Minutes"
    /// 10 percent more every minute.
    case linear10PercentEvery1Minutes = "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"
    /// 10 percent more every three minutes.
    case linear10PercentEvery3Minutes = "CodeDeployDefault.ECSLinear10PercentEvery3Minutes"
}

/// How one environment's blue/green deployment moves traffic: the pipeline's settings with
/// the environment's own applied (`ContainerDeployment.blueGreen(in:)`).
public struct BlueGreen: Sendable, Hashable {
    public var deploymentConfig: ECSDeploymentConfig
    /// 0: traffic moves as soon as the new tasks are ready; else the deployment waits up to
    /// this long for `ContinueDeployment`, then stops.
    public var rerouteWaitMinutes: Int
    public var terminationWaitMinutes: Int
    public var alarms: [NamePattern]

    public init(
        deploymentConfig: ECSDeploymentConfig, rerouteWaitMinutes: Int, terminationWaitMinutes: Int,
        alarms: [NamePattern]
    ) {
        self.deploymentConfig = deploymentConfig
        self.rerouteWaitMinutes = rerouteWaitMinutes
        self.terminationWaitMinutes = terminationWaitMinutes
        self.alarms = alarms
    }
}

/// The blue/green settings an environment's `ecs` replaces; nil where it keeps the pipeline's.
public struct BlueGreenOverrides: Sendable, Hashable {
    public var deploymentConfig: ECSDeploymentConfig?
    public var rerouteWaitMinutes: Int?
    public var terminationWaitMinutes: Int?
    public var alarms: [NamePattern]?

    public init(
        deploymentConfig: ECSDeploymentConfig? = nil, rerouteWaitMinutes: Int? = nil,
        terminationWaitMinutes: Int? = nil,
        alarms: [NamePattern]? = nil
    ) {
        self.deploymentConfig = deploymentConfig
        self.rerouteWaitMinutes = rerouteWaitMinutes
        self.terminationWaitMinutes = terminationWaitMinutes
        self.alarms = alarms
    }

    typealias Keys = ContainerDeployment.Keys

    /// The keys an environment's `ecs` may set to replace the pipeline's there (a canary in
    /// production, all at once in development), each defaulting to the pipeline's.
    static let keys: [KeySpec] = [
        (Keys.deploymentConfig.spec, "CodeDeployDefault.ECSCanary10Percent5Minutes"),
        (Keys.rerouteWaitMinutes.spec, "60"),
        (Keys.terminationWaitMinutes.spec, "60"), (Keys.alarms.spec, "[shop-dev-5xx]"),
    ].map { spec, example in
        KeySpec(
            spec.name, spec.type, documentedDefault: "container-deployment's '\(spec.name)'", example: example,
            spec.summary + ", for this environment")
    }

    /// An environment's own settings in its `ecs` (`keys`).
    static func decode(_ r: ObjectReader) -> BlueGreenOverrides {
        BlueGreenOverrides(
            deploymentConfig: r.string(Keys.deploymentConfig.name).flatMap { ECSDeploymentConfig(rawValue: $0.value) },
            rerouteWaitMinutes: r.int(Keys.rerouteWaitMinutes.name),
            terminationWaitMinutes: r.int(Keys.terminationWaitMinutes.name),
            alarms: alarms(r))
    }

    /// The `alarms` of `r`, at most the 10 a deployment group watches; nil when absent.
    /// [AlarmConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html)
    static func alarms(_ r: ObjectReader) -> [NamePattern]? {
        guard let alarms = r.strings(Keys.alarms.name) else { return nil }
        if alarms.count > 10 {
            r.context.error(
                "\(alarms.count) alarms\(r.owner); a CodeDeploy deployment group watches at most 10",
                at: r.node(Keys.alarms.name)?.mark,
                notes: [.help("combine alarms into a composite alarm and name that")])
        }
        return alarms.map { NamePattern($0.value) }
    }
}

/// The lifecycle events of an ECS deployment where the AppSpec may run a Lambda function.
/// [AppSpec 'hooks' section for an Amazon ECS deployment](https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs)
public enum ECSHookEvent: String, CaseIterable, Sendable, Hashable {
    case beforeInstall = "BeforeInstall"
    case afterInstall = "AfterInstall"
    case afterAllowTestTraffic = "AfterAllowTestTraffic"
    case beforeAllowTraffic = "BeforeAllowTraffic"
    case afterAllowTraffic = "AfterAllowTraffic"

    /// When the hook runs, from the CodeDeploy user guide.
    var summary: String {
        switch self {
        case .beforeInstall: return "function run before the replacement task set is created"
        case .afterInstall: return "function run once the replacement task set exists and one target group routes to it"
        case .afterAllowTestTraffic: return "function run once the test listener serves the replacement task set"
        case .beforeAllowTraffic: return "function run before production traffic moves to the replacement task set"
        case .afterAllowTraffic: return "function run once production traffic reaches the replacement task set"
        }
    }

    var example: String {
        switch self {
        case .beforeInstall: return "shop-before-install"
        case .afterInstall: return "shop-after-install"
        case .afterAllowTestTraffic: return "shop-smoke-test"
        case .beforeAllowTraffic: return "shop-before-traffic"
        case .afterAllowTraffic: return "shop-after-traffic"
        }
    }
}

/// The hook functions of the AppSpec, in lifecycle order.
public struct HookFunctions: Sendable, Hashable, ConfigValue {
    public struct Hook: Sendable, Hashable {
        public var event: ECSHookEvent
        /// A function name; `{env}` is replaced.
        public var function: NamePattern
        public var mark: Mark?

        public init(event: ECSHookEvent, function: NamePattern, mark: Mark? = nil) {
            self.event = event
            self.function = function
            self.mark = mark
        }
    }

    public var all: [Hook]

    public init(_ all: [Hook] = []) {
        self.all = all
    }

    public var document: Document { .map(all.map { .init($0.event.rawValue, .string($0.function.text)) }) }

    /// One key per lifecycle event, each a function name: not an ARN, since each region's
    /// deployment invokes the function of that name in its own account and region.
    static let spec = ObjectSpec(
        "hooks", "the AppSpec's hook functions by lifecycle event; {env} is replaced",
        keys: ECSHookEvent.allCases.map { KeySpec($0.rawValue, .string(.text), example: $0.example, $0.summary) })

    static func decode(_ r: ObjectReader, _ key: Key<HookFunctions>) -> HookFunctions {
        guard let hooks = r.object(key.name, owner: " in 'hooks'\(r.owner)") else { return key.defaultValue }
        var out: [Hook] = []
        for event in ECSHookEvent.allCases {
            guard let function = hooks.string(event.rawValue) else { continue }
            if function.value.hasPrefix("arn:") {
                r.context.error(
                    "hook '\(event.rawValue)' names a function by ARN", at: function.mark,
                    notes: [
                        .help(
                            "write the function's name: each region's deployment invokes the function of that name in its own account and region"
                        )
                    ])
                continue
            }
            out.append(Hook(event: event, function: NamePattern(function.value), mark: function.mark))
        }
        return HookFunctions(out)
    }
}
