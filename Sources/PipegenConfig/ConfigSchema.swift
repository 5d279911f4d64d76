/// The pipegen config, key by key. Order here is the order of `pipegen init` and of the
/// README's reference. Keys with a typed default are `Key`s declared beside the type they
/// fill (`Environment.Keys`, `ContainerBuild.Keys`, ...): the decoder, the model and the
/// schema all read that one declaration.
public enum ConfigSchema {
    static let valueSource: ValueType = .either([
        .string(.text),
        .object(
            ObjectSpec(
                "import", "the name of a CloudFormation export in the environment's account and region",
                keys: [KeySpec("import", .string(.text), required: true, "export name passed to Fn::ImportValue")])),
    ])

    /// The keys of an ECS target; `required` for the values every region shares, optional
    /// where one region replaces them.
    static func ecsTargetKeys(required: Bool) -> [KeySpec] {
        [
            KeySpec("cluster", valueSource, required: required, example: "shop-dev", "ECS cluster name"),
            KeySpec("service", valueSource, required: required, example: "shop", "ECS service name (deployment controller CODE_DEPLOY)"),
            KeySpec(
                "listener", valueSource, required: required, example: "{import: shop-dev-ProdListenerArn}",
                "production listener ARN (an ARN names one region: give further regions theirs under 'regions', or use an import)"),
            KeySpec("test-listener", valueSource, "test listener ARN (optional)"),
            KeySpec(
                "target-groups", .list(valueSource, minItems: 2), required: required,
                example: "[shop-dev-blue, shop-dev-green]", "the two target group names, blue then green"),
        ]
    }

    /// What one region of an environment replaces of its ECS target.
    public static let regionalECS = ObjectSpec(
        "ecs region", "the values of the ECS target that differ in this region", keys: ecsTargetKeys(required: false))

    public static let ecs = ObjectSpec(
        "ecs target", "the ECS service that container-deployment replaces blue/green in this environment",
        keys: ecsTargetKeys(required: true) + BlueGreenOverrides.keys + [
            KeySpec(
                "regions", .map(.object(regionalECS)), example: "{eu-west-1: {listener: {import: shop-dev-ProdListenerArn}}}",
                "values that differ in one region, by region name: the keys above apply to every region of the environment, and a region listed here replaces those it gives (each region needs its own listener ARN)")
        ])

    public static let tests = ObjectSpec(
        "tests", "integration tests run after the environment is deployed",
        keys: [
            KeySpec("command", .string(.text), required: true, example: "./run-tests.sh", "shell command run by CodeBuild in the source checkout; a failure stops the pipeline"),
            KeySpec(
                "variables", .map(.string(.text)), example: "{API_URL: ApiUrl}",
                "environment variables for the tests, each the name of an output of the deployed stack (read from the deploy action's namespace; infrastructure-deployment only)"),
            KeySpec(
                "after", .choice(PipelineKind.allCases.filter { $0.settingsType.runsTests }.map(\.rawValue)),
                documentedDefault: "the first of these pipelines the config has", example: "container-deployment",
                "the pipeline whose deployment of the environment the tests follow"),
            IntegrationTests.Keys.readOnlyRole.spec, IntegrationTests.Keys.reports.spec,
        ])

    public static let approval = ObjectSpec(
        "approval", "a manual approval before the environment",
        keys: [
            KeySpec("notify", .list(.string(.email), minItems: 1), "e-mail addresses told when an approval waits"),
            KeySpec("comment", .string(.text), "text shown to the approver"),
        ])

    public static let environment = ObjectSpec(
        "environment", "one account on the route to live",
        keys: [
            KeySpec("name", .string(.name), required: true, example: "dev", "short name, used in stack, role and stage names"),
            KeySpec("account", .string(.accountId), required: true, example: "\"222222222222\"", "12-digit AWS account id"),
            KeySpec("region", .string(.region), documentedDefault: "the tooling region", "the environment's region (or use 'regions')"),
            KeySpec("regions", .list(.string(.region), minItems: 1), "several regions; the first is the home region"),
            KeySpec(
                "approval", .either([.boolean, .object(approval)]), defaultValue: false.document,
                "require a manual approval before deploying here"),
            KeySpec("ecs", .object(ecs), "the ECS service container-deployment updates (required when that pipeline is on)"),
            Environment.Keys.parallelRegions.spec, Environment.Keys.deploy.spec,
            KeySpec("tests", .object(tests), "integration tests run after the environment's deployment (category Test)"),
            Environment.Keys.rollback.spec,
            KeySpec(
                "wave", .string(.name), example: "regional",
                "environments next to each other with the same wave deploy in parallel in one stage (they must agree on approval, deploy and rollback)"),
            environmentTags,
        ])

    public static let pipelines = Pipelines.spec

    public static let logRetentionDays = Key<Int>(
        "log-retention-days", .integerChoice(logRetentionChoices), default: 30, "CloudWatch Logs retention of the builds")

    /// Checked before anything else: an older pipegen stops with one clear error instead of
    /// reporting the keys it does not know yet.
    public static let pipegenVersion = KeySpec(
        "pipegen-version", .string(.text), example: "\">= \(PipegenVersion.current)\"",
        "the pipegen versions this config needs, such as '>= 0.2.0' or '>= 0.2, < 1.0' (comparisons >=, >, <=, <, ==, all of which must hold); an older or newer pipegen stops with an error")

    public static let root = ObjectSpec(
        "config", "a pipegen config",
        keys: [
            pipegenVersion,
            KeySpec("project", .string(.name), required: true, example: "shop", "short lowercase name; prefixes every resource name"),
            KeySpec(
                "tooling",
                .object(
                    ObjectSpec(
                        "tooling", "the build account",
                        keys: [
                            KeySpec("account", .string(.accountId), required: true, example: "\"111111111111\"", "12-digit AWS account id"),
                            KeySpec("region", .string(.region), required: true, example: "eu-west-1", "home region of pipelines and builds"),
                        ])), required: true, "the build (tooling) account"),
            KeySpec("environments", .list(.object(environment), minItems: 1), required: true, "the route to live, in order"),
            KeySpec("registry", .object(Registry.spec), "container image repository"),
            KeySpec("artifacts", .object(Artifacts.spec), "artifact bucket retention, and a key or bucket you bring"),
            logRetentionDays.spec,
            KeySpec("builds", .object(BuildSettings.projectSpec), "CodeBuild settings of every build, which each pipeline's 'builds' may replace"),
            KeySpec("pipelines", .object(pipelines), "the pipelines"),
            KeySpec("notifications", .object(notifications), "e-mail about failed (and optionally succeeded) pipeline runs"),
            projectTags, permissionsBoundary, roles, approvers, operations,
            KeySpec("output", .object(OutputSettings.spec), "where 'pipegen render' writes the templates, and in which format"),
            Override.key,
        ])

    /// The retention periods CloudWatch Logs accepts.
    public static let logRetentionChoices = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]
}

extension Environment {
    public enum Keys {
        public static let parallelRegions = Key<Bool>(
            "parallel-regions", .boolean, default: false, "deploy all regions of the environment at once instead of one after the other")
        public static let deploy = Key<DeployMode>(
            "deploy", .choice(DeployMode.allCases.map(\.rawValue)), default: .direct,
            "direct, or change-set: create change sets in every region, approve once, then execute them")
        public static let rollback = Key<Bool>(
            "rollback", .boolean, default: false, "roll the environment's stage back automatically when it fails")
    }
}

extension Registry {
    public enum Keys {
        public static let repository = Key<NamePattern>("repository", .string(.text), default: "{project}", "ECR repository name")
        public static let keepImages = Key<Int>(
            "keep-images", .integer(min: 1, max: 10000), default: 30, "images kept by the lifecycle policy")
        public static let scanOnPush = Key<Bool>("scan-on-push", .boolean, default: true, "scan each pushed image for vulnerabilities")
        public static let pullFrom = Key<ImageSource>(
            "pull-from", .choice(ImageSource.allCases.map(\.rawValue)), default: .tooling,
            "where container-deployment's tasks pull images: tooling (the tooling account's repository), or environment (a repository in each environment's account and region, retained on delete, filled by ECR replication from the tooling account's; the tooling stack then owns its registry's replication configuration and each environment's stack its registry's policy, see docs/CUSTOMIZING.md)")
    }

    static let spec = ObjectSpec(
        "registry", "the ECR repository (created when a container pipeline is on)",
        keys: [Keys.repository.spec, Keys.keepImages.spec, Keys.scanOnPush.spec, Keys.pullFrom.spec])
}

extension Artifacts {
    public enum Keys {
        public static let noncurrentDays = Key<Int>(
            "noncurrent-days", .integer(min: 1, max: 3650), default: 30, "days old artifact versions are kept")
        public static let expireDays = KeySpec(
            "expire-days", .integer(min: 1, max: 3650),
            documentedDefault: "\(Artifacts.defaultExpireDays), or 7 days per approval of the longest pipeline plus 7 when that is more",
            example: "120",
            "days a pipeline's artifacts are kept after they are written (longer than an execution can wait at its approvals); then they are kept 'noncurrent-days' more as old versions")
    }

    static let spec = ObjectSpec(
        "artifacts", "the artifact bucket", keys: [Keys.noncurrentDays.spec, Keys.expireDays, ExistingArtifactStore.key])
}
