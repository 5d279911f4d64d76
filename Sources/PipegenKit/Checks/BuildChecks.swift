import CloudFormation
import PipegenConfig
import YAMLKit

/// Checks each build's settings, as its levels resolve them, against what CodeBuild offers
/// and what pipegen sets itself; each problem is reported once, at the config value that
/// causes it.
struct BuildChecks {
    let config: Config

    func run() -> [Diagnostic] {
        let model = AccessModel(config)
        let tooling = ToolingBuilder(config, model: model, topology: Topology(config))
        // The variables each kind of build gets from its actions.
        var actionVariables: [String: [String]] = [:]
        for action in tooling.specs.flatMap({ $0.stages.flatMap(\.actions) }) {
            guard case .build(let kind, let variables) = action.kind else { continue }
            actionVariables[kind.rawValue, default: []] += variables.map(\.name)
        }
        var out: [Diagnostic] = []
        var reported: Set<String> = []
        /// One message per problem and place: a setting of the project's reaches many builds.
        func report(_ d: Diagnostic, problem: String? = nil) {
            if reported.insert("\(problem ?? d.message)|\(d.mark?.description ?? "")").inserted { out.append(d) }
        }
        for build in tooling.builds {
            let s = build.settings
            let what = "build '\(build.kind.rawValue)'"
            // [Local caching](https://docs.aws.amazon.com/codebuild/latest/userguide/caching-local.html):
            // the Docker layer cache needs the Docker daemon of privileged mode.
            if case .local(let modes) = s.cache.value, modes.contains(.dockerLayer), !build.privileged {
                report(
                    .error(
                        "a Docker layer cache needs a build that runs Docker, and \(what) does not", at: s.cache.mark,
                        notes: [.help("set 'cache: [docker-layer]' on the image build alone (container-build's builds.image-build)")]),
                    problem: "docker-layer")
            }
            for problem in architectureProblems(s, what) { report(problem, problem: String(problem.message.prefix(20))) }
            if let image = s.registryImage, Region.partition(of: image.region) != config.partition {
                report(
                    .error(
                        "image '\(s.image.value)' is in partition '\(Region.partition(of: image.region).name)', but the builds run in '\(config.partition.name)'",
                        at: s.image.mark, notes: [.help("use an image of a registry in the tooling account's partition")]))
            }
            for variable in s.variables {
                for arn in Self.arns(variable) where arn.split(separator: ":", omittingEmptySubsequences: false)[1] != config.partition.name {
                    report(
                        .error(
                            "'\(arn)' of variable '\(variable.name)' is not in the config's partition '\(config.partition.name)'",
                            at: variable.mark))
                }
                let own = build.variables.map(\.name) + (actionVariables[build.kind.rawValue] ?? [])
                if own.contains(variable.name) {
                    report(
                        .error(
                            "pipegen sets '\(variable.name)' for \(what) (docs/BUILDS.md)", at: variable.mark,
                            notes: [.help("give the variable another name; this one would replace pipegen's value or be replaced by it")]))
                }
            }
        }
        return out
    }

    /// The ARNs a variable names: its secret's, its key's.
    static func arns(_ v: BuildVariable) -> [String] {
        var out: [String] = []
        if case .secret(let id, _, _) = v.source, id.hasPrefix("arn:") { out.append(id) }
        if let key = v.kmsKey { out.append(key) }
        return out
    }

    /// An explicit architecture that is not a curated image's; in China, an ARM compute type
    /// CodeBuild does not offer there.
    /// [Build environment compute modes and types](https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html)
    private func architectureProblems(_ s: BuildSettings, _ what: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let curated = s.image.value.hasPrefix("aws/codebuild/")
        if curated, BuildArchitecture.of(image: s.image.value) != s.architecture.value {
            out.append(
                .error(
                    "CodeBuild's image '\(s.image.value)' is not an \(s.architecture.value.rawValue) image", at: s.architecture.mark,
                    notes: [
                        .note("ARM images are the ones named 'aarch64', such as aws/codebuild/amazonlinux2-aarch64-standard:3.0"),
                        .help("remove 'architecture', or choose an image for it"),
                    ]))
        }
        let chinaArm = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_LARGE"]
        if s.architecture.value == .arm64, config.partition.name == "aws-cn", !chinaArm.contains(s.computeType.value) {
            out.append(
                .error(
                    "\(what) runs an ARM image, and CodeBuild's ARM environment in China offers only \(chinaArm.joined(separator: " and "))",
                    at: s.computeType.mark ?? s.image.mark, notes: [.help("choose one of those compute types")]))
        }
        return out
    }
}
