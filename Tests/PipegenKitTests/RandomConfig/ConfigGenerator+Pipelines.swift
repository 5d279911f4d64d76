import PipegenConfig
@testable import PipegenKit

/// The three pipelines with their sources and every optional key.
extension ConfigGenerator {
    /// A pipeline's `source`: left out (the default CodeCommit repository), a CodeCommit
    /// repository (maybe with gitflow), or a CodeConnections repository with or without an
    /// existing connection and path filters. No two pipelines get the same source.
    func source(defaultRepository: String, _ plan: Plan, _ used: inout Set<String>) -> ConfigTree? {
        var provider = "codecommit"
        var repository = defaultRepository
        var branch = "main"
        var pairs: [(String, ConfigTree?)] = []
        var paths: [String] = []
        // Only the sources the tooling region offers.
        let draw = int(0...9)
        let connection = draw > 6 ? Self.offersConnections(plan.toolingRegion) || !Self.offersCodeCommit(plan.toolingRegion)
            : !Self.offersCodeCommit(plan.toolingRegion)
        switch connection ? 7 : min(draw, 6) {
        case 0...2:
            break
        case 3...6:
            repository = pick(["Shop-Infra", "orders.api", "svc_build", "\(plan.project)-deploy", defaultRepository, "r"])
            branch = self.branch()
            if chance(0.3) { pairs.append(("provider", .string("codecommit"))) }
            pairs.append(("repository", .string(repository)))
            if branch != "main" || chance(0.3) { pairs.append(("branch", .string(branch))) }
            if chance(0.35) { pairs.append(("pull-request-from", .string(pick(["develop", "dev", "feature/next", "next"])))) }
        default:
            provider = pick(["github", "github-enterprise", "bitbucket", "gitlab"])
            repository = pick(["my-org/my-service", "acme/\(plan.project)", "team.a/infra_repo", "group/sub/deploy"])
            branch = self.branch()
            pairs.append(("provider", .string(provider)))
            pairs.append(("repository", .string(repository)))
            if branch != "main" || chance(0.3) { pairs.append(("branch", .string(branch))) }
            // A created connection is named `<project>-<provider>`, at most 32 characters.
            if provider == "github-enterprise" || plan.project.count + 1 + provider.count > 32 || chance(0.5) {
                let service = pick(["codeconnections", "codestar-connections"])
                let owner = chance(0.7) ? plan.tooling : account()
                pairs.append(
                    ("connection", .string("arn:\(plan.partition):\(service):\(plan.toolingRegion):\(owner):connection/\(uuid())")))
            }
            if chance(0.4) {
                paths = sample(["src/**", "Dockerfile", "infra/*.yaml", "lambda/**/*.py", "deploy/**"], int(1...3))
                pairs.append(("file-paths", .list(paths.map(ConfigTree.string))))
            }
        }
        var key = "\(provider)|\(repository)|\(branch)|\(paths)"
        var n = 2
        while used.contains(key) {
            // Another pipeline already builds this source: give this one its own repository.
            repository = provider == "codecommit" ? "\(repository)-\(n)" : "\(repository)\(n)"
            pairs.removeAll { $0.0 == "repository" }
            pairs.append(("repository", .string(repository)))
            key = "\(provider)|\(repository)|\(branch)|\(paths)"
            n += 1
        }
        used.insert(key)
        if pairs.isEmpty { return chance(0.5) ? nil : .map([]) }
        // `pull-request-from` must differ from the branch.
        pairs = pairs.map { k, v in
            if k == "pull-request-from", case .string(let from)? = v, from == branch { return (k, .string(from + "-next")) }
            return (k, v)
        }
        return map(pairs)
    }

    func uuid() -> String {
        let hex = Array("0123456789abcdef")
        let groups = [8, 4, 4, 4, 12].map { n in String((0..<n).map { _ in pick(hex) }) }
        return groups.joined(separator: "-")
    }

    func buildKeys(_ plan: Plan) -> [(String, ConfigTree?)] {
        [
            ("build-image", maybe(0.3, .string(pick(["aws/codebuild/standard:7.0", "aws/codebuild/amazonlinux2-x86_64-standard:5.0", "aws/codebuild/standard:6.0"])))),
            (
                "compute-type",
                maybe(0.3, .string(pick(BuildSettings.Keys.computeTypes.filter { RegionalFeature.computeType($0).isOffered(in: plan.toolingRegion) })))
            ),
            ("timeout-minutes", maybe(0.3, .int(pick([5, 15, 30, 60, 480])))),
        ]
    }

    func containerBuild(_ plan: Plan, _ used: inout Set<String>) -> ConfigTree {
        map(
            [
                ("source", source(defaultRepository: "ECS-Container-Build", plan, &used)),
                ("dockerfile", maybe(0.3, .string(pick(["Dockerfile", "docker/Dockerfile.prod", "app/Dockerfile"])))),
                ("context", maybe(0.3, .string(pick([".", "app", "services/api"])))),
                ("buildspec", maybe(0.2, .string(pick(["buildspec.yml", "ci/buildspec-image.yaml"])))),
            ] + buildKeys(plan))
    }

    func infrastructure(_ plan: Plan, _ used: inout Set<String>) -> ConfigTree {
        let p = plan.partition
        var lambda: ConfigTree?
        switch int(0...9) {
        case 0...4: lambda = nil
        case 5: lambda = .bool(false)
        case 6: lambda = .bool(true)
        default:
            // Environments sharing an account and region need function names apart (as
            // pipegen checks it: no name of one may match the other's pattern).
            let patterns = ["{project}-{function}", "{project}-{env}-{function}", "{function}", "fn-{env}-{function}", "{project}-{function}-{env}"]
                .filter { p in plan.neighbours.allSatisfy { !FunctionNamesMirror(p, plan.project, $0.0).overlaps(FunctionNamesMirror(p, plan.project, $0.1)) } }
            var pairs: [(String, ConfigTree?)] = [("folder", maybe(0.6, .string(pick(["lambda", "functions", "src/lambdas"]))))]
            if !patterns.isEmpty {
                pairs.append(("function-name", maybe(0.7, .string(pick(patterns)))))
            }
            // Folders whose zip keys the stack receives, and the out-of-band update on or off.
            let folders = sample(["orders", "payment-api", "worker_1", "Reports"], int(0...3))
            pairs.append(("functions", chance(0.4) ? .list(folders.map(ConfigTree.string)) : nil))
            pairs.append(("update", maybe(0.3, .bool(chance(0.5)))))
            lambda = map(pairs)
        }
        // The default function-name ends in the function: neighbours whose names start alike
        // ('prod', 'prod-eu') clash with it.
        let defaultClashes = plan.neighbours.contains {
            FunctionNamesMirror("{project}-{env}-{function}", plan.project, $0.0).overlaps(FunctionNamesMirror("{project}-{env}-{function}", plan.project, $0.1))
        }
        var namesItsFunctions = false
        if case .map(let pairs)? = lambda { namesItsFunctions = pairs.contains { $0.0 == "function-name" } }
        if defaultClashes && !namesItsFunctions { lambda = .bool(false) }
        var executionRole: ConfigTree?
        if chance(0.3) {
            let policies = sample(
                [
                    "arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess", "arn:\(p):iam::aws:policy/ReadOnlyAccess",
                    "arn:\(p):iam::aws:policy/AmazonS3FullAccess", "arn:\(p):iam::\(plan.tooling):policy/app-deploy",
                ], int(0...2))
            var statements: [ConfigTree] = []
            for _ in 0..<int(0...3) {
                // A Deny of S3 would also deny the execution role the Lambda code it reads
                // from the artifact bucket, which the runtime access check rightly refuses.
                let denies = chance(0.25)
                let effect: ConfigTree? = denies ? .string("Deny") : maybe(0.33, .string("Allow"))
                let actions = sample(
                    ["s3:*", "dynamodb:CreateTable", "dynamodb:DeleteTable", "lambda:*", "sqs:CreateQueue", "logs:CreateLogGroup", "sns:*"]
                        .filter { !denies || !$0.hasPrefix("s3:") }, int(1...3))
                let resources = sample(
                    ["*", "arn:\(p):s3:::\(plan.project)-*", "arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/app-*", "arn:\(p):sqs:*:*:app-*"],
                    int(1...2))
                statements.append(
                    map([
                        ("effect", effect),
                        ("actions", .list(actions.map(ConfigTree.string))),
                        ("resources", .list(resources.map(ConfigTree.string))),
                    ]))
            }
            executionRole = map([
                ("managed-policies", maybe(0.7, .list(policies.map(ConfigTree.string)))),
                ("statements", maybe(0.7, .list(statements))),
            ])
        }
        let lint: [String]? = chance(0.4) ? nil : pick([[], ["cfn-lint"], ["cfn-nag"], ["cfn-lint", "cfn-nag"], ["cfn-nag", "cfn-lint"]])
        let capabilities = sample(["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"], int(0...3))
        return map(
            [
                ("source", source(defaultRepository: "Infrastructure-Deployment", plan, &used)),
                ("template", maybe(0.3, .string(pick(["template.yaml", "infra/main.yml", "cfn/app.json"])))),
                ("package", maybe(0.3, .string(pick(["none", "sam", "cloudformation", "buildspec"])))),
                ("package-buildspec", maybe(0.1, .string(pick(["buildspec-package.yml", "ci/package.yaml"])))),
                ("package-runtimes", maybe(0.1, map(sample([("python", ConfigTree.string("3.12")), ("nodejs", .string("20")), ("dotnet", .string("8.0"))], int(1...2))))),
                ("stack-name", maybe(0.3, .string(pick(["{project}-{env}", "{project}-{env}-app", "app-{env}", "{env}-{project}"] + (plan.neighbours.isEmpty ? ["{project}-app"] : []))))),
                ("parameters", maybe(0.3, .string(pick(["params/{env}.json", "config/{env}/parameters.json", "params.json"])))),
                ("parameter-overrides", parameterOverrides()),
                ("capabilities", maybe(0.3, .list(capabilities.map(ConfigTree.string)))),
                ("lambda", lambda),
                ("lint", lint.map { .list($0.map(ConfigTree.string)) }),
                ("execution-role", executionRole),
            ] + buildKeys(plan))
    }

    /// Inline template parameter values with every placeholder and a CodePipeline variable.
    func parameterOverrides() -> ConfigTree? {
        guard chance(0.3) else { return nil }
        let values = [
            ("Environment", "{env}"), ("Region", "{region}"), ("Account", "{account}"), ("Name", "{project}-{env}-api"),
            ("Execution", "#{codepipeline.PipelineExecutionId}"), ("Quoted", #"say "hi" \ {env}"#), ("Empty", ""),
        ]
        return map(sample(values, int(1...4)).map { ($0.0, ConfigTree.string($0.1)) })
    }

    func containerDeployment(_ plan: Plan, _ used: inout Set<String>) -> ConfigTree {
        let appspec = maybe(0.3, .string(pick(["appspec.yaml", "deploy/{env}/appspec.yaml"])))
        // '{env}' in a hook function only when each environment has its own AppSpec.
        let perEnvironment: Bool
        if case .string(let path)? = appspec { perEnvironment = path.contains("{env}") } else { perEnvironment = false }
        var hooks: [(String, ConfigTree?)] = []
        for event in sample(["BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic"], int(0...3)) {
            let name = perEnvironment && chance(0.5) ? "{project}-{env}-\(event.lowercased())" : "\(plan.project)-\(event.lowercased())"
            hooks.append((event, .string(name)))
        }
        return map([
            ("source", source(defaultRepository: "ECS-Container-Deployment", plan, &used)),
            ("appspec", appspec),
            ("task-definition", maybe(0.3, .string(pick(["taskdef-{env}.json", "ecs/{env}.json"])))),
            ("image-tag", maybe(0.3, .string(pick(["latest", "release", "stable", "v1.2", "1.0", "prod_2024.01"])))),
            ("deployment-config", maybe(0.3, .string(pick(Self.deploymentConfigs)))),
            ("reroute-wait-minutes", maybe(0.2, .int(pick([0, 1, 30, 2880])))),
            ("termination-wait-minutes", maybe(0.3, .int(pick([0, 1, 5, 60, 2880])))),
            ("alarms", maybe(0.3, .list(sample(["{project}-{env}-5xx", "{project}-{env}-{region}-latency", "errors", "p99"], int(0...4)).map(ConfigTree.string)))),
            ("hooks", hooks.isEmpty ? nil : map(hooks)),
            // Services the infrastructure pipeline creates put the deployment groups in stacks of their own.
            ("ecs-services", plan.infra && chance(0.3) ? .string("infrastructure-deployment") : maybe(0.1, .string("existing"))),
            (
                "task-roles",
                maybe(
                    0.3,
                    .list(
                        pick([
                            ["{project}-*"], ["{project}-{env}-task", "{project}-{env}-exec"], ["app-task-role"],
                            ["ecsTaskExecutionRole", "arn:\(plan.partition):iam::{account}:role/service-role/app-task"],
                        ]).map(ConfigTree.string)))
            ),
        ])
    }

    static let deploymentConfigs = [
        "CodeDeployDefault.ECSAllAtOnce", "CodeDeployDefault.ECSCanary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes",
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
    ]
}

/// The names a `function-name` pattern gives one environment, restated for the generator:
/// the text around `{function}`.
struct FunctionNamesMirror {
    let prefix: String
    let suffix: String
    let hasFolder: Bool

    init(_ pattern: String, _ project: String, _ env: String) {
        let text = pattern.replacing("{project}", with: project).replacing("{env}", with: env)
        let parts = text.split(separator: "{function}", omittingEmptySubsequences: false).map(String.init)
        prefix = parts[0]
        suffix = parts.count > 1 ? parts[parts.count - 1] : ""
        hasFolder = parts.count > 1
    }

    func overlaps(_ other: FunctionNamesMirror) -> Bool {
        func matches(_ a: FunctionNamesMirror, _ name: String) -> Bool {
            name.count > a.prefix.count + a.suffix.count && name.hasPrefix(a.prefix) && name.hasSuffix(a.suffix)
        }
        switch (hasFolder, other.hasFolder) {
        case (true, true):
            return (prefix.hasPrefix(other.prefix) || other.prefix.hasPrefix(prefix))
                && (suffix.hasSuffix(other.suffix) || other.suffix.hasSuffix(suffix))
        case (true, false): return matches(self, other.prefix)
        case (false, true): return matches(other, prefix)
        case (false, false): return prefix == other.prefix
        }
    }
}
