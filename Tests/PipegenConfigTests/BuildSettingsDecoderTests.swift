import PipegenConfig
import Testing
import YAMLKit

/// The build settings at their three levels, resolved in order, and the user's steps, as the
/// decoder reads them; every wrong value is an error at its line.
@Suite struct BuildSettingsDecoderTests {
    static let head = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222"}
          - {name: prod, account: "333333333333"}

        """

    static func infra(_ config: Config) throws -> InfrastructureDeployment {
        try #require(config.pipelines[InfrastructureDeployment.self])
    }

    @Test func theLevelsResolveInOrderAndVariablesMergeByName() throws {
        let text =
            Self.head + """
                builds:
                  compute-type: BUILD_GENERAL1_MEDIUM
                  timeout-minutes: 60
                  variables: {STAGE: project, REGION_NAME: eu}
                pipelines:
                  infrastructure-deployment:
                    builds:
                      image: aws/codebuild/amazonlinux2-aarch64-standard:3.0
                      variables: {STAGE: pipeline}
                      template-lint:
                        compute-type: BUILD_GENERAL1_LARGE
                        variables: {STAGE: lint, TOKEN: {secret: shop/token, json-key: value}}

                """
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        let c = try #require(config)
        let infra = try Self.infra(c)
        let lint = infra.builds.settings(InfrastructureDeployment.Builds.templateLint, project: c.builds)
        #expect(lint.computeType.value == "BUILD_GENERAL1_LARGE")
        #expect(lint.timeoutMinutes == 60)
        #expect(lint.image.value == "aws/codebuild/amazonlinux2-aarch64-standard:3.0")
        #expect(lint.architecture.value == .arm64, "an aarch64 image is an ARM image")
        #expect(lint.variables.map(\.name) == ["STAGE", "REGION_NAME", "TOKEN"])
        #expect(lint.variables[0].source == .plain("lint"))
        #expect(lint.variables[2].source == .secret(id: "shop/token", jsonKey: "value", versionStage: nil))
        let package = infra.builds.settings(InfrastructureDeployment.Builds.lambdaPackage, project: c.builds)
        #expect(package.computeType.value == "BUILD_GENERAL1_MEDIUM")
        #expect(package.variables.first?.source == .plain("pipeline"))
        // A build's own default is under every level.
        let locate = PipelineBuilds().settings(ContainerDeployment.Builds.imageLocate, project: c.builds)
        #expect(locate.timeoutMinutes == 60)
        #expect(PipelineBuilds().settings(ContainerDeployment.Builds.imageLocate, project: BuildOverrides()).timeoutMinutes == 20)
    }

    @Test func aVPCSetAboveIsTurnedOffBelow() throws {
        let text =
            Self.head + """
                builds:
                  vpc: {vpc-id: vpc-0a1b2c3d, subnets: [subnet-0a1b2c3d], security-groups: [sg-0a1b2c3d]}
                pipelines:
                  infrastructure-deployment:
                    builds:
                      template-lint: {vpc: false}

                """
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        let c = try #require(config)
        let infra = try Self.infra(c)
        #expect(infra.builds.settings(InfrastructureDeployment.Builds.templateLint, project: c.builds).vpc == nil)
        let package = infra.builds.settings(InfrastructureDeployment.Builds.lambdaPackage, project: c.builds)
        #expect(package.vpc?.value == BuildVPC(vpcId: "vpc-0a1b2c3d", subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"]))
    }

    @Test func theFlatKeysFillThePipelineLevel() throws {
        let text = Self.head + "pipelines:\n  container-build: {build-image: my/image:1, timeout-minutes: 45}\n"
        let (config, _) = load(text)
        let c = try #require(config)
        let build = try #require(c.pipelines[ContainerBuild.self])
        let s = build.builds.settings(ContainerBuild.Builds.imageBuild, project: c.builds)
        #expect(s.image.value == "my/image:1" && s.timeoutMinutes == 45)
    }

    @Test(arguments: [
        (
            "pipelines:\n  container-build:\n    1️⃣build-image: a/b\n    builds: {image: c/d}\n",
            "'build-image' and 'builds.image' in 'container-build' both set the builds' image"
        ),
        ("builds:\n  vpc: {vpc-id: vpc-0000aa01, subnets: [1️⃣subnet_1], security-groups: [sg-0000aa01]}\n", "'subnet_1' is not a subnet id"),
        ("builds:\n  vpc: 1️⃣true\n", "'vpc: true' in 'builds' does not say which VPC"),
        ("builds:\n  variables: {1️⃣CODEBUILD_X: y}\n", "variable names starting with 'CODEBUILD_' are CodeBuild's own"),
        ("builds:\n  variables: {1️⃣AWS_SECRET_ACCESS_KEY: y}\n", "'AWS_SECRET_ACCESS_KEY' would be written into the template as plain text"),
        ("builds:\n  variables: {X: {parameter: a, 1️⃣secret: b}}\n", "variable 'X' has both 'parameter' and 'secret'"),
        ("builds:\n  variables: {X: {secret: 1️⃣\"arn:aws:secretsmanager:eu-west-1:1:secret\"}}\n", "'arn:aws:secretsmanager:eu-west-1:1:secret' is not a Secrets Manager secret ARN"),
        ("builds:\n  variables: {X: {parameter: a, kms-key: 1️⃣\"arn:aws:kms:eu-west-1:111111111111:alias/x\"}}\n", "'arn:aws:kms:eu-west-1:111111111111:alias/x' is not a KMS key ARN"),
        ("builds:\n  cache: 1️⃣docker-layer\n", "a local cache is a list of modes"),
        ("builds:\n  cache: [1️⃣source]\n", "'source' is not valid for a local cache mode of 'cache' in 'builds'; expected one of 'docker-layer', 'custom'"),
        (
            "pipelines:\n  infrastructure-deployment:\n    parameters: 1️⃣params/{enviroment}.json\n",
            "unknown placeholder '{enviroment}' in 'parameters' in 'infrastructure-deployment'"
        ),
        (
            "pipelines:\n  infrastructure-deployment:\n    template: 1️⃣\"{env}.yaml\"\n",
            "'{env}' has no value in 'template' in 'infrastructure-deployment': it is read once for every environment"
        ),
        (
            "pipelines:\n  infrastructure-deployment:\n    builds:\n      integration-tests: {buildspec: 1️⃣\"ci/{region}.yml\"}\n",
            "'{region}' has no value in 'buildspec' of build 'integration-tests': it runs once per environment, not per region"
        ),
    ])
    func wrongBuildSettingsAreLocatedErrors(_ snippet: String, _ message: String) throws {
        let (text, mark) = marked(Self.head + snippet)
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        let found = try #require(diagnostics.first { $0.message == message }, "\(diagnostics.map(\.message))")
        #expect(found.mark == mark)
    }

    @Test func anUnknownPlaceholderGetsASuggestion() throws {
        let (_, diagnostics) = load(Self.head + "pipelines:\n  container-deployment: {task-definition: \"taskdef-{regoin}.json\"}\n")
        let found = try #require(diagnostics.first { $0.message.hasPrefix("unknown placeholder") })
        #expect(found.notes.map(\.message) == ["did you mean '{region}'?"])
    }

    @Test func placeholdersOfEachDeployAreKept() throws {
        let text = Self.head + "pipelines:\n  infrastructure-deployment: {parameters: \"params/{env}-{region}-{account}.json\"}\n"
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        #expect(try Self.infra(try #require(config)).parameters == "params/{env}-{region}-{account}.json")
    }

    // MARK: Steps

    @Test func stepsAreReadWithTheirPoints() throws {
        let text =
            Self.head + """
                pipelines:
                  infrastructure-deployment:
                    steps:
                      - {name: scan, at: after-build, build: {buildspec: ci/scan.yml, compute-type: BUILD_GENERAL1_LARGE}, output: true}
                      - {name: ticket, at: before-deploy, environments: [prod], approval: {comment: Check it., url: "https://t.example.com"}}
                      - {name: notify, at: after-deploy, lambda: {function: "{project}-notify", user-parameters: "{env}"}, inputs: [scan]}

                """
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        let steps = try Self.infra(try #require(config)).steps
        #expect(steps.map(\.name.value) == ["scan", "ticket", "notify"])
        #expect(steps.map(\.point) == [.afterBuild, .beforeDeploy, .afterDeploy])
        #expect(steps[0].output && steps[1].runs(in: "prod") && !steps[1].runs(in: "dev"))
        #expect(steps[2].inputs.map(\.value) == ["scan"])
        guard case .build(let own) = steps[0].action, case .lambda(let function, let parameters) = steps[2].action else {
            Issue.record("wrong actions")
            return
        }
        #expect(own.computeType?.value == "BUILD_GENERAL1_LARGE" && own.buildspec?.value == "ci/scan.yml")
        #expect(function.value == "{project}-notify" && parameters?.value == "{env}")
    }

    @Test(arguments: [
        ("- {name: a, at: after-build, build: {buildspec: a.yml}, 1️⃣approval: true}", "step 'a' has both 'build' and 'approval'"),
        ("- {name: a, at: after-build, 1️⃣environments: [dev], approval: true}", "'environments' in step 'a' needs 'at: before-deploy' or 'at: after-deploy'"),
        ("- {name: a, at: before-deploy, environments: [1️⃣prd], approval: true}", "step 'a' names environment 'prd', which is not on the route"),
        ("- {name: a, at: after-build, lambda: {function: 1️⃣\"arn:aws:lambda:eu-west-1:111111111111:function:f\"}}", "'function' in step 'a' is an ARN"),
        ("- {name: a, at: after-build, lambda: {function: 1️⃣\"f-{env}\"}}", "'{env}' has no value in 'function' in step 'a': it runs once for every environment"),
        ("- {name: a, at: after-build, approval: true, 1️⃣output: true}", "an approval step reads and writes no artifacts; remove 'output' in step 'a'"),
        ("- {name: a, at: 1️⃣after-test, approval: true}", "'after-test' is not valid for 'at' in step 'a'; expected one of 'after-source', 'after-build', 'before-deploy', 'after-deploy'"),
    ])
    func wrongStepsAreLocatedErrors(_ step: String, _ message: String) throws {
        let (text, mark) = marked(Self.head + "pipelines:\n  infrastructure-deployment:\n    steps:\n      " + step + "\n")
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        let found = try #require(diagnostics.first { $0.message == message }, "\(diagnostics.map(\.message))")
        #expect(found.mark == mark)
    }

    @Test func stepNamesAreUniqueInTheConfig() throws {
        let text =
            Self.head
            + "pipelines:\n  container-build:\n    steps: [{name: scan, at: after-build, approval: true}]\n"
            + "  infrastructure-deployment:\n    steps: [{name: scan, at: after-build, approval: true}]\n"
        let (_, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == ["duplicate step name 'scan'"])
    }
}
