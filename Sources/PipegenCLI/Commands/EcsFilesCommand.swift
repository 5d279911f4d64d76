import Glibc
import PipegenConfig
import PipegenKit

/// `pipegen ecs-files`: writes the starter AppSpec and task definitions of the
/// container-deployment pipeline, never replacing a file that exists.
enum EcsFilesCommand: Subcommand {
    static let spec = CommandSpec(
        name: "ecs-files", summary: "Write starter AppSpec and task definition files",
        title: "Write starter AppSpec and task definition files for container-deployment",
        options: [
            .value(
                "out", short: "o", name: "DIR",
                "The folder to write to, such as a checkout of the deployment repository (default: deployment/ next to the config)"),
            .value("container", name: "NAME", "The container's name (default: the project name)"),
            .value("port", name: "PORT", "The container port the load balancer sends traffic to (default: 80)"),
        ],
        positionals: [.config],
        discussion: """
            Writes the AppSpec file and one task definition per environment, at the
            paths 'appspec' and 'task-definition' of pipelines.container-deployment
            name them ('{env}' replaced). CodePipeline fills in <TASK_DEFINITION> and
            <IMAGE1_NAME> on every deployment. Each task definition names its
            environment's account and region; its roles, CPU, memory and log group
            are placeholders to edit. A file that exists is never overwritten: it is
            skipped and the others are written. Exits with 1 when the config has no
            container-deployment pipeline.
            """,
        examples: [
            "pipegen ecs-files", "pipegen ecs-files infra/pipegen.yaml --out ../shop-deployment",
            "pipegen ecs-files --container web --port 8080",
        ])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        let container = try containerOption(arguments)
        var workspace = Workspace(arguments, io: io, output: .other(default: "deployment"))
        let config = try workspace.load(io: &io).config
        guard
            let files = EcsFiles.files(
                config, container: EcsFiles.Container(name: container.name ?? config.project.value, port: container.port))
        else {
            throw .unsupported(
                "'\(workspace.configDisplay)' has no container-deployment pipeline, so there are no deployment files to write; "
                    + "add 'container-deployment:' under 'pipelines' first")
        }
        var wrote = false
        for file in files {
            let shown = workspace.display(file.path)
            if try write(file, in: workspace.outPath, shown: shown) {
                wrote = true
                io.output("wrote \(shown)\n")
                for note in file.notes { io.output("  note: \(note)\n") }
            } else {
                io.output("skipped \(shown) (it exists; pipegen never overwrites it)\n")
            }
        }
        if wrote {
            let repository = config.pipelines[ContainerDeployment.self]!.source.repository.value
            io.output("next: edit the roles, CPU, memory and log group, then commit the files to '\(repository)'\n")
        }
    }

    private static func containerOption(_ arguments: ParsedArguments) throws(CLIError) -> (name: String?, port: Int) {
        let name = arguments.value("container")
        if let name, !EcsFiles.isContainerName(name) {
            throw .usage(
                UsageError(
                    "'--container' must be 1 to 255 letters, digits, hyphens and underscores (got '\(name)')",
                    command: spec.invocation))
        }
        var port = 80
        if let text = arguments.value("port") {
            guard let value = Int(text), (1...65535).contains(value) else {
                throw .usage(UsageError("'--port' must be a number from 1 to 65535 (got '\(text)')", command: spec.invocation))
            }
            port = value
        }
        return (name, port)
    }

    /// Writes `file` under `folder` unless something is already at its path; false when it
    /// was. The text goes to a temporary file first and is linked into place, which fails
    /// rather than replace a file that appeared meanwhile, so no path ever holds half a file.
    private static func write(_ file: StarterFile, in folder: String, shown: String) throws(CLIError) -> Bool {
        let path = Paths.absolute(file.path, base: folder)
        let parent = Paths.parent(path)
        let temporary = Paths.join(parent, ".\(Paths.name(path)).pipegen-\(getpid())")
        do {
            if try FileSystem.kind(path) != nil { return false }
            try FileSystem.makeDirectories(parent)
            try FileSystem.writeNew(temporary, Array(file.contents.utf8))
            defer { try? FileSystem.remove(temporary) }
            do {
                try FileSystem.link(temporary, path)
            } catch  where error.code == EEXIST {
                return false
            }
            try FileSystem.syncDirectory(parent)
            return true
        } catch {
            throw .io("cannot write '\(shown)': \(error.message)")
        }
    }
}
