import YAMLKit

/// A CodeBuild buildspec (version 0.2) as data: the YAML writer turns it into text, so
/// multi-line scripts become literal blocks and every command is quoted exactly as needed.
/// Each build's buildspec reads its parameters from environment variables set on the project
/// or the pipeline action, so one text serves every environment and never needs editing; the
/// texts live with the pipeline declaration whose build runs them.
struct Buildspec {
    /// `bash` for scripts that use bash features; nil for CodeBuild's default shell.
    var shell: String? = "bash"
    /// Language runtimes CodeBuild selects before the install commands (`python`: `3.12`).
    /// [runtime-versions](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#runtime-versions-buildspec-file)
    var runtimeVersions: [(name: String, version: String)] = []
    var install: [String] = []
    var preBuild: [String] = []
    var build: [String]
    /// Run after the build phase, also when it failed.
    var postBuild: [String] = []
    /// Test reports: each report group's name (or `$VARIABLE`), the folder its files are in,
    /// and their format. [reports](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#reports-buildspec-file)
    var reports: [(group: String, baseDirectory: String, format: String)] = []
    /// Files of the output artifact.
    var artifacts: [String] = []
    /// Environment variables whose values at the end of the build become the action's output
    /// variables. [env/exported-variables](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.exported-variables)
    var exportedVariables: [String] = []

    var document: Document {
        var top: [Document.Entry] = [.init("version", .double(0.2))]
        var env: [Document.Entry] = []
        if let shell { env.append(.init("shell", .string(shell))) }
        if !exportedVariables.isEmpty { env.append(.init("exported-variables", .list(exportedVariables.map { .string($0) }))) }
        if !env.isEmpty { top.append(.init("env", .map(env))) }
        var phases: [Document.Entry] = []
        if !runtimeVersions.isEmpty || !install.isEmpty {
            var entries: [Document.Entry] = []
            if !runtimeVersions.isEmpty {
                entries.append(.init("runtime-versions", .map(runtimeVersions.map { .init($0.name, .string($0.version)) })))
            }
            if !install.isEmpty { entries.append(.init("commands", .list(install.map { .string($0) }))) }
            phases.append(.init("install", .map(entries)))
        }
        for (name, commands) in [("pre_build", preBuild), ("build", build), ("post_build", postBuild)] where !commands.isEmpty {
            phases.append(.init(name, ["commands": .list(commands.map { .string($0) })]))
        }
        top.append(.init("phases", .map(phases)))
        if !reports.isEmpty {
            top.append(
                .init(
                    "reports",
                    .map(
                        reports.map {
                            .init(
                                $0.group,
                                [
                                    "files": ["**/*"], "base-directory": .string($0.baseDirectory),
                                    "file-format": .string($0.format),
                                ])
                        })))
        }
        if !artifacts.isEmpty { top.append(.init("artifacts", ["files": .list(artifacts.map { .string($0) })])) }
        return .map(top)
    }

    var text: String { YAMLWriter().write(document) }

    /// A bash script run with `set -euo pipefail` as the build phase.
    static func script(
        _ body: String, artifacts: [String] = [], exportedVariables: [String] = [],
        runtimeVersions: [(name: String, version: String)] = []
    ) -> String {
        Buildspec(
            runtimeVersions: runtimeVersions, build: ["set -euo pipefail\n" + body], artifacts: artifacts,
            exportedVariables: exportedVariables
        ).text
    }
}
