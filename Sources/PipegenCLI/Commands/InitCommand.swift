import Glibc
import PipegenConfig

/// `pipegen init`: writes a commented starter config.
enum InitCommand: Subcommand {
    static let spec = CommandSpec(
        name: "init", summary: "Write a commented starter config",
        options: [
            .value("out", short: "o", name: "FILE", "Where to write it (default: pipegen.yaml)"),
            .flag("force", "Replace the file if it exists"),
        ],
        discussion: """
            Writes a config that lists every option with a one-line explanation and
            its default: the required keys are set to example values to replace, the
            optional ones are commented out. 'pipegen render' accepts the file as it
            is. An existing file is left alone unless --force is given (exit 4).
            """,
        examples: ["pipegen init", "pipegen init --out infra/pipegen.yaml"])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        let display = arguments.value("out") ?? "pipegen.yaml"
        let path = Paths.absolute(display, base: io.workingDirectory)
        let exists: Bool
        do {
            exists = try FileSystem.kind(path, followingSymlinks: true) != nil
        } catch {
            throw .io("cannot write '\(display)': \(error.message)")
        }
        if exists, !arguments.flags.contains("force") {
            throw .io("'\(display)' already exists; nothing was written (use --force to replace it)")
        }
        // Written beside the target, then moved into place whole: renamed over it with --force,
        // else hard-linked, which fails if a file appeared since the check above.
        let temporary = Paths.join(Paths.parent(path), ".\(Paths.name(path)).pipegen-init-\(getpid())")
        do throws(SystemError) {
            try FileSystem.writeNew(temporary, Array(StarterConfig.text.utf8))
            let placed = arguments.flags.contains("force") ? rename(temporary, path) : link(temporary, path)
            guard placed == 0 else { throw SystemError.last }
            try? FileSystem.remove(temporary)
        } catch {
            try? FileSystem.remove(temporary)
            if error.code == EEXIST { throw .io("'\(display)' already exists; nothing was written (use --force to replace it)") }
            throw .io("cannot write '\(display)': \(error.message)")
        }
        io.output("wrote \(display); edit it, then run 'pipegen render'\n")
    }
}
