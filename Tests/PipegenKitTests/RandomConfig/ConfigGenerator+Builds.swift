/// Build settings at every level (the project's `builds`, a pipeline's `builds` and one
/// build's), the user's steps at every point, within what pipegen accepts: an ARM image
/// only with a compute type its partition offers, a Docker layer cache only on the image
/// build, buildspec placeholders only where the build runs per environment or region.
extension ConfigGenerator {
    /// A build pipegen may run: its key in `builds`, whether it runs Docker, how often it runs.
    struct BuildDraft {
        let name: String
        var privileged = false
        /// `once`, `environment` or `region`: what its buildspec path may vary by.
        var runs = "once"
        var takesBuildspec = true
    }

    static let containerBuildBuilds = [BuildDraft(name: "image-build", privileged: true, takesBuildspec: false)]
    static let infrastructureBuilds = [
        BuildDraft(name: "lambda-package"), BuildDraft(name: "template-package", takesBuildspec: false),
        BuildDraft(name: "template-lint"), BuildDraft(name: "lambda-update", runs: "region"),
        BuildDraft(name: "integration-tests", runs: "environment"),
    ]
    static let containerDeploymentBuilds = [BuildDraft(name: "image-locate"), BuildDraft(name: "service-tests", runs: "environment")]

    /// The keys every level shares, each maybe set.
    func buildSettings(_ plan: Plan, privileged: Bool, p: Double) -> [(String, ConfigTree?)] {
        let china = plan.partition == "aws-cn"
        let arm = chance(0.3)
        let ecr = "\(plan.tooling).dkr.ecr.\(plan.toolingRegion).amazonaws.com\(china ? ".cn" : "")/build-images:\(pick(["1", "latest"]))"
        let images =
            arm
            ? ["aws/codebuild/amazonlinux2-aarch64-standard:3.0", "aws/codebuild/amazonlinux2-aarch64-standard:2.0", ecr]
            : ["aws/codebuild/standard:7.0", "aws/codebuild/amazonlinux2-x86_64-standard:5.0", ecr]
        let image = pick(images)
        // In China CodeBuild's ARM environment takes two compute types; an ARM image of another
        // level may meet this one.
        let computeTypes =
            china
            ? ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_LARGE"]
            : ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE"]
        var pairs: [(String, ConfigTree?)] = [
            ("image", maybe(p, .string(image))),
            ("compute-type", maybe(p, .string(pick(computeTypes)))),
            ("timeout-minutes", maybe(p, .int(pick([5, 20, 60, 480])))),
        ]
        // An explicit architecture only for an image of the user's registry.
        if image == ecr, pairs[0].1 != nil, chance(0.5) { pairs.append(("architecture", .string(arm ? "arm64" : "x86_64"))) }
        if chance(p) {
            pairs.append(
                (
                    "vpc",
                    chance(0.2)
                        ? .bool(false)
                        : map([
                            ("vpc-id", .string("vpc-0a1b2c3d4e5f6789" + pick(["0", "1"]))),
                            ("subnets", .list(sample(["subnet-0a1b2c3d", "subnet-1c2d3e4f5a6b7c8d9", "subnet-3e4f5a6b"], int(1...3)).map(ConfigTree.string))),
                            ("security-groups", .list(sample(["sg-0a1b2c3d", "sg-2c3d4e5f6a7b8c9d0"], int(1...2)).map(ConfigTree.string))),
                        ])
                ))
        }
        if chance(p) {
            let key = "arn:\(plan.partition):kms:\(plan.toolingRegion):\(plan.tooling):key/1234abcd-12ab-34cd-56ef-1234567890ab"
            let choices: [(String, ConfigTree)] = [
                ("APP_MODE", .string(pick(["production", "", "a b", "{env}"]))),
                ("CFG_URL", map([("parameter", .string(pick(["/shop/url", "shop-url", "/a/b/c"])))])),
                ("CFG_KEYED", map([("parameter", .string("/shop/keyed")), ("kms-key", .string(key))])),
                ("DB_SECRET", map([("secret", .string(pick(["shop/db", "db-password"]))), ("json-key", maybe(0.5, .string("password")))])),
                (
                    "SHARED_SECRET",
                    map([
                        ("secret", .string("arn:\(plan.partition):secretsmanager:\(plan.toolingRegion):\(account()):secret:shared/token-AbC123")),
                        ("version-stage", maybe(0.5, .string("AWSCURRENT"))),
                    ])
                ),
            ]
            pairs.append(("variables", map(sample(choices, int(1...4)).map { ($0.0, $0.1) })))
        }
        if chance(p) {
            let caches: [ConfigTree] =
                privileged
                ? [.string("none"), .string("s3"), .list([.string("docker-layer")]), .list([.string("docker-layer"), .string("custom")])]
                : [.string("none"), .string("s3"), .list([.string("custom")])]
            pairs.append(("cache", pick(caches)))
        }
        return pairs
    }

    /// A pipeline's `builds`: its own settings and some of its builds'.
    func pipelineBuilds(_ plan: Plan, _ builds: [BuildDraft]) -> ConfigTree? {
        guard chance(0.35) else { return nil }
        // The pipeline level reaches every build and step: no Docker layer cache there.
        var pairs = buildSettings(plan, privileged: false, p: 0.25)
        for build in builds where chance(0.3) {
            var own = buildSettings(plan, privileged: build.privileged, p: 0.2)
            if build.takesBuildspec, chance(0.5) {
                let path: String
                switch build.runs {
                case "region": path = pick(["ci/\(build.name).yml", "ci/\(build.name)-{env}.yml", "ci/{env}/{region}.yml", "ci/{account}.yml"])
                case "environment": path = pick(["ci/\(build.name).yml", "ci/\(build.name)-{env}.yml", "ci/{account}/tests.yml"])
                default: path = pick(["ci/\(build.name).yml", "buildspecs/{project}-\(build.name).yaml"])
                }
                own.append(("buildspec", .string(path)))
            }
            pairs.append((build.name, map(own)))
        }
        return map(pairs)
    }

    /// The flat `build-image`, `compute-type` and `timeout-minutes` of a pipeline and its
    /// `builds`, never both saying the same.
    func flatKeysAndBuilds(_ plan: Plan, _ builds: [BuildDraft]) -> [(String, ConfigTree?)] {
        let nested = pipelineBuilds(plan, builds)
        var keys: [String] = []
        if case .map(let pairs)? = nested { keys = pairs.map(\.0) }
        let same = ["build-image": "image", "compute-type": "compute-type", "timeout-minutes": "timeout-minutes"]
        // In China an ARM image of another level takes only two compute types.
        let flat = buildKeys(plan).filter { !keys.contains(same[$0.0] ?? "") && !(plan.partition == "aws-cn" && $0.0 == "compute-type") }
        return flat + [("builds", nested)]
    }

    /// A pipeline's steps: some at each point it has, names unique in the config (`prefix`),
    /// inputs written before them.
    func steps(_ plan: Plan, prefix: String, deploys: Bool, builds: [String]) -> ConfigTree? {
        guard chance(0.35) else { return nil }
        var points = ["after-source", "after-build"]
        if deploys { points += ["before-deploy", "after-deploy"] }
        var out: [ConfigTree] = []
        var onceOutputs: [String] = []
        for (i, point) in sample(points, int(1...points.count)).sorted(by: { points.firstIndex(of: $0)! < points.firstIndex(of: $1)! }).enumerated() {
            let name = "\(prefix)-\(pick(["check", "scan", "smoke", "notify", "gate"]))\(["a", "b", "c", "d"][i])"
            let perEnvironment = point == "before-deploy" || point == "after-deploy"
            var pairs: [(String, ConfigTree?)] = [("name", .string(name)), ("at", .string(point))]
            if perEnvironment, chance(0.4) {
                pairs.append(("environments", .list(sample(plan.environments.map(\.name), int(1...min(2, plan.environments.count))).map(ConfigTree.string))))
            }
            var output = false
            switch int(0...2) {
            case 0:
                let buildspec = perEnvironment ? pick(["ci/\(name).yml", "ci/\(name)-{env}.yml", "ci/{account}.yml"]) : "ci/\(name).yml"
                pairs.append(("build", map([("buildspec", .string(buildspec))] + buildSettings(plan, privileged: false, p: 0.15))))
                output = chance(0.4)
                let readable = ["Source"] + (point == "after-source" ? [] : builds) + onceOutputs
                if chance(0.4) { pairs.append(("inputs", .list((["Source"] + sample(Array(readable.dropFirst()), int(0...1))).map(ConfigTree.string)))) }
            case 1:
                pairs.append(("approval", chance(0.5) ? .bool(true) : map([("comment", maybe(0.7, .string("Check \(name) first."))), ("url", maybe(0.5, .string("https://example.com/\(name)")))])))
            default:
                pairs.append(("lambda", map([("function", .string(pick(["{project}-\(name)", "release-notes"]))), ("user-parameters", maybe(0.5, .string(perEnvironment ? "{env} {account}" : "{project}")))])))
                output = chance(0.2)
            }
            if output {
                pairs.append(("output", .bool(true)))
                if !perEnvironment { onceOutputs.append(name) }
            }
            out.append(map(pairs))
        }
        return .list(out)
    }
}
