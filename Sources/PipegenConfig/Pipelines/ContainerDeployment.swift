import YAMLKit

/// Source (deployment files) + ECR image → per environment: [approval] → CodeDeploy ECS blue/green.
public struct ContainerDeployment: PipelineSettings, DecodablePipeline {
    public static let kind = PipelineKind.containerDeployment
    public static let usesRegistry = true
    public var source: Source
    /// `{env}` is replaced.
    public var appspec: NamePattern
    /// `{env}` is replaced.
    public var taskDefinition: NamePattern
    /// The ECR tag whose push starts the pipeline.
    public var imageTag: String
    /// Minutes the old (blue) tasks keep running after traffic moved.
    public var terminationWaitMinutes: Int
    /// Role-name patterns the task definitions may name (passed with iam:PassRole).
    public var taskRoles: [NamePattern]
    public var mark: Mark?

    public init(
        source: Source, appspec: NamePattern = Keys.appspec.defaultValue, taskDefinition: NamePattern = Keys.taskDefinition.defaultValue,
        imageTag: String = Keys.imageTag.defaultValue, terminationWaitMinutes: Int = Keys.terminationWaitMinutes.defaultValue,
        taskRoles: [NamePattern] = Keys.taskRoles.defaultValue, mark: Mark? = nil
    ) {
        self.source = source
        self.appspec = appspec
        self.taskDefinition = taskDefinition
        self.imageTag = imageTag
        self.terminationWaitMinutes = terminationWaitMinutes
        self.taskRoles = taskRoles
        self.mark = mark
    }

    public enum Keys {
        public static let defaultRepository = "ECS-Container-Deployment"
        public static let appspec = Key<NamePattern>(
            "appspec", .string(.path), default: "appspec.yaml", "AppSpec file in the repository; {env} is replaced")
        public static let taskDefinition = Key<NamePattern>(
            "task-definition", .string(.path), default: "taskdef-{env}.json", "task definition template; {env} is replaced")
        public static let imageTag = Key<String>("image-tag", .string(.text), default: "latest", "ECR tag whose push starts the pipeline")
        public static let terminationWaitMinutes = Key<Int>(
            "termination-wait-minutes", .integer(min: 0, max: 2880), default: 5, "minutes the old tasks keep running after traffic moved")
        public static let taskRoles = Key<[NamePattern]>(
            "task-roles", .list(.string(.text), minItems: 1), default: ["{project}-*"],
            "names (or name patterns) of roles the task definitions use, passed with iam:PassRole")
    }

    static let summary = "blue/green deploy the image along the route to live"
    static let spec = ObjectSpec(
        "container-deployment pipeline",
        "deployment files + new ECR image → per environment: [approval] → CodeDeploy ECS blue/green",
        keys: [
            Source.key(defaultRepository: Keys.defaultRepository), Keys.appspec.spec, Keys.taskDefinition.spec, Keys.imageTag.spec,
            Keys.terminationWaitMinutes.spec, Keys.taskRoles.spec,
        ])

    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline {
        .containerDeployment(
            ContainerDeployment(
                source: decoder.decodeSource(r, defaultRepository: Keys.defaultRepository), appspec: r.read(Keys.appspec),
                taskDefinition: r.read(Keys.taskDefinition), imageTag: r.read(Keys.imageTag),
                terminationWaitMinutes: r.read(Keys.terminationWaitMinutes), taskRoles: r.read(Keys.taskRoles), mark: mark))
    }

    /// Every environment names the ECS service the deployment replaces.
    func check(_ config: Config, _ context: DecodeContext) {
        for env in config.environments where env.ecs == nil {
            context.error(
                "environment '\(env.name.value)' has no 'ecs' settings, which container-deployment needs", at: env.mark,
                notes: [.help("add 'ecs:' with cluster, service, listener and target-groups, or remove pipelines.container-deployment")])
        }
    }
}
