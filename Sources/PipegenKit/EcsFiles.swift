import PipegenConfig
import YAMLKit

/// A file for the user's repository: its path there and its text, with what the user should
/// know about it.
public struct StarterFile: Sendable, Hashable {
    /// Relative to the repository root, as the config names it (`taskdef-dev.json`).
    public var path: String
    public var contents: String
    /// Things to check or edit, one sentence each.
    public var notes: [String]

    public init(path: String, contents: String, notes: [String] = []) {
        self.path = path
        self.contents = contents
        self.notes = notes
    }
}

/// The starter files of the container-deployment pipeline's source repository: the AppSpec
/// file and a task definition per environment, at the paths the config gives, with the
/// placeholders CodePipeline fills (`<TASK_DEFINITION>`, `<IMAGE1_NAME>`) and each
/// environment's account and region. Never an image tag or a task definition ARN: the
/// pipeline supplies both on every deployment.
public enum EcsFiles {
    /// What the starter files assume about the container, until the user edits them.
    public struct Container: Sendable, Hashable {
        /// The container's name in the task definition, which the AppSpec routes traffic to.
        public var name: String
        /// The port the load balancer's target groups send traffic to.
        public var port: Int
        public var cpu = "256"
        public var memory = "512"

        public init(name: String, port: Int = 80) {
            self.name = name
            self.port = port
        }
    }

    /// The files for `config`, AppSpec files first, each path once; nil when the config has
    /// no container-deployment pipeline.
    public static func files(_ config: Config, container: Container) -> [StarterFile]? {
        guard let cd = config.pipelines[ContainerDeployment.self] else { return nil }
        let names = Names(config)
        var out: [StarterFile] = []
        for (path, envs) in grouped(cd.appspec, config.environments, names) {
            let hooks = Self.hooks(cd, env: envs[0].name.value, names)
            out.append(StarterFile(path: path, contents: appspec(container, hooks: hooks)))
        }
        for (path, envs) in grouped(cd.taskDefinition, config.environments, names) {
            let env = envs[0]
            var notes: [String] = []
            let others = envs.dropFirst().filter { $0.account.value != env.account.value || $0.homeRegion != env.homeRegion }
            if !others.isEmpty {
                notes.append(
                    "environments \(envs.map { "'\($0.name.value)'" }.joined(separator: ", ")) share this file, which names "
                        + "the account and region of '\(env.name.value)'; put '{env}' in 'task-definition' to get one per environment")
            }
            if env.regions.count > 1 {
                notes.append(
                    "'\(env.name.value)' deploys this file in \(env.regions.map(\.value).joined(separator: ", ")); "
                        + "its log configuration names \(env.homeRegion) only")
            }
            let roles = roleNames(config, env)
            let passable = ContainerDeploymentPipeline.taskRoles(cd, in: env, names)
            let account = env.account.value
            for role in [roles.execution, roles.task] {
                let arn = ContainerDeploymentPipeline.TaskRole.name(role).arn(account: account, partition: config.partition)
                guard !passable.contains(where: { PolicyMatch.glob($0.arn(account: account, partition: config.partition), arn) }) else { continue }
                notes.append(
                    "role '\(role)' matches none of container-deployment.task-roles (\(passable.map(\.shown).joined(separator: ", "))), "
                        + "so the pipeline may not pass it; rename it or add it there")
            }
            notes.append(
                "the pipeline may pass these roles to the tasks (iam:PassRole): \(passable.map(\.shown).joined(separator: ", ")) "
                    + "in account \(account); name others in container-deployment.task-roles")
            out.append(StarterFile(path: path, contents: taskDefinition(config, env, container), notes: notes))
        }
        return out
    }

    /// Each distinct path of `pattern` (`{env}` replaced) with the environments that use it,
    /// in route order.
    static func grouped(_ pattern: NamePattern, _ environments: [Environment], _ names: Names) -> [(String, [Environment])] {
        var out: [(String, [Environment])] = []
        for env in environments {
            let path = names.expand(pattern, env: env.name.value)
            if let i = out.firstIndex(where: { $0.0 == path }) {
                out[i].1.append(env)
            } else {
                out.append((path, [env]))
            }
        }
        return out
    }

    /// The AppSpec, with a `Hooks` section naming `hooks` (in lifecycle order) when there are any.
    /// [AppSpec 'hooks' section for an Amazon ECS deployment](https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs)
    static func appspec(_ container: Container, hooks: [(ECSHookEvent, String)] = []) -> String {
        var document: Document = [
            "version": .double(0.0),
            "Resources": [
                [
                    "TargetService": [
                        "Type": "AWS::ECS::Service",
                        "Properties": [
                            "TaskDefinition": "<TASK_DEFINITION>",
                            "LoadBalancerInfo": ["ContainerName": .string(container.name), "ContainerPort": .int(container.port)],
                        ],
                    ]
                ]
            ],
        ]
        if case .map(var entries) = document, !hooks.isEmpty {
            entries.append(.init("Hooks", .list(hooks.map { .map([.init($0.0.rawValue, .string($0.1))]) })))
            document = .map(entries)
        }
        return YAMLWriter().write(
            document,
            comments: [
                "Starter AppSpec written by 'pipegen ecs-files'; edit it freely, pipegen never overwrites it.",
                "CodePipeline replaces <TASK_DEFINITION> with the task definition it registers on each deployment.",
            ])
    }

    /// The hook functions the AppSpec of environment `env` names, in lifecycle order.
    static func hooks(_ cd: ContainerDeployment, env: String, _ names: Names) -> [(ECSHookEvent, String)] {
        ECSHookEvent.allCases.compactMap { event in
            cd.hooks.all.first { $0.event == event }.map { (event, names.expand($0.function, env: env)) }
        }
    }

    /// The family of the starter task definition of `env`.
    static func family(_ config: Config, _ env: Environment) -> String { "\(config.project.value)-\(env.name.value)" }

    /// The roles a starter task definition names in `env`'s account.
    static func roleNames(_ config: Config, _ env: Environment) -> (execution: String, task: String) {
        let prefix = "\(config.project.value)-\(env.name.value)"
        return ("\(prefix)-task-execution", "\(prefix)-task")
    }

    static func taskDefinition(_ config: Config, _ env: Environment, _ container: Container) -> String {
        let roles = roleNames(config, env)
        func roleArn(_ name: String) -> Document {
            .string("arn:\(config.partition.name):iam::\(env.account.value):role/\(name)")
        }
        let document: Document = [
            "family": .string(family(config, env)),
            "executionRoleArn": roleArn(roles.execution),
            "taskRoleArn": roleArn(roles.task),
            "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"],
            "cpu": .string(container.cpu),
            "memory": .string(container.memory),
            "containerDefinitions": [
                [
                    "name": .string(container.name),
                    "image": "<IMAGE1_NAME>",
                    "essential": true,
                    "portMappings": [["containerPort": .int(container.port), "protocol": "tcp"]],
                    "logConfiguration": [
                        "logDriver": "awslogs",
                        "options": [
                            "awslogs-group": .string("/ecs/\(config.project.value)-\(env.name.value)"),
                            "awslogs-region": .string(env.homeRegion),
                            "awslogs-stream-prefix": .string(container.name),
                        ],
                    ],
                ]
            ],
        ]
        return JSONWriter().write(document)
    }

    /// An ECS container name: 1 to 255 letters, digits, hyphens and underscores.
    public static func isContainerName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }
}
