import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// What each build setting does to the tooling template: the project's environment, VPC,
/// variables, cache and buildspec, and exactly the permissions its role needs for them.
@Suite struct BuildSettingsTests {
    static let head = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1]}
          - {name: prod, account: "333333333333", tests: {command: ./smoke.sh}}

        """

    struct Built {
        let config: Config
        let tooling: Template

        func project(_ name: String) throws -> CodeBuild.Project {
            try #require(tooling.resources(of: CodeBuild.Project.self).first { $0.model.name == .string(name) }?.model, "no project \(name)")
        }

        func statements(_ role: String) throws -> [IAM.Statement] {
            let r = try #require(tooling.resource(role)?.model(as: IAM.Role.self), "no role \(role)")
            return r.policies.flatMap(\.policyDocument.statements)
        }

        func statement(_ role: String, _ sid: String) throws -> IAM.Statement? {
            try statements(role).first { $0.sid == sid }
        }

        /// The stages of a pipeline: name, then each action's name, run order, project and inputs.
        func actions(_ pipeline: String) throws -> [CodePipeline.Pipeline.ActionDeclaration] {
            let p = try #require(tooling.resources(of: CodePipeline.Pipeline.self).first { $0.model.name == .string(pipeline) }?.model)
            return p.stages.flatMap(\.actions)
        }
    }

    static func build(_ text: String) throws -> Built {
        let config = try inlineConfig(head + text)
        return Built(config: config, tooling: StackSet.build(config).stacks[0].template)
    }

    /// `Fn::Sub` text or a plain string.
    static func text(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .sub(let s, _): return s
        default: return "\(v)"
        }
    }

    @Test func anArmImageRunsInTheArmEnvironment() throws {
        let b = try Self.build(
            """
            pipelines:
              infrastructure-deployment:
                builds:
                  image: aws/codebuild/amazonlinux2-aarch64-standard:3.0
                  compute-type: BUILD_GENERAL1_LARGE
                  template-lint: {image: aws/codebuild/standard:7.0}

            """)
        let package = try b.project("shop-lambda-package").environment
        #expect(package.type == .armContainer && package.computeType == .large)
        #expect(package.imagePullCredentialsType == nil, "CodeBuild's own images are pulled with its credentials")
        #expect(try b.project("shop-template-lint").environment.type == .linuxContainer)
    }

    @Test func aPrivateImageIsPulledByTheRoleFromExactlyItsRepository() throws {
        let b = try Self.build(
            """
            pipelines:
              infrastructure-deployment:
                builds:
                  template-lint: {image: "444444444444.dkr.ecr.eu-west-1.amazonaws.com/tools/linters@sha256:abc"}

            """)
        #expect(try b.project("shop-template-lint").environment.imagePullCredentialsType == .serviceRole)
        let pull = try #require(try b.statement("TemplateLintRole", "PullBuildImage"))
        #expect(pull.resources.map(Self.text) == ["arn:${AWS::Partition}:ecr:eu-west-1:444444444444:repository/tools/linters"])
        #expect(pull.actions == ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])
        #expect(try b.statement("TemplateLintRole", "BuildImageRegistryLogin")?.actions == ["ecr:GetAuthorizationToken"])
        #expect(try b.statement("LambdaPackageRole", "PullBuildImage") == nil, "only the build with the image pulls it")
    }

    @Test func aVPCBuildMayCreateInterfacesInExactlyItsSubnets() throws {
        let b = try Self.build(
            """
            builds:
              vpc: {vpc-id: vpc-0a1b2c3d, subnets: [subnet-0000aa01, subnet-0000aa02], security-groups: [sg-0000aa01]}
            pipelines:
              infrastructure-deployment:
                builds:
                  lambda-package: {vpc: false}

            """)
        let lint = try b.project("shop-template-lint")
        #expect(lint.vpcConfig == CodeBuild.Project.VpcConfig(vpcId: "vpc-0a1b2c3d", subnets: ["subnet-0000aa01", "subnet-0000aa02"], securityGroupIds: ["sg-0000aa01"]))
        let permission = try #require(try b.statement("TemplateLintRole", "BuildNetworkInterfacePermission"))
        #expect(permission.actions == ["ec2:CreateNetworkInterfacePermission"])
        let subnets = try #require(permission.conditions.first { $0.key == "ec2:Subnet" })
        #expect(subnets.operator == "StringEquals")
        #expect(
            subnets.values.map(Self.text) == ["subnet-0000aa01", "subnet-0000aa02"].map { "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/\($0)" })
        #expect(permission.conditions.first { $0.key == "ec2:AuthorizedService" }?.values == ["codebuild.amazonaws.com"])
        let create = try #require(try b.statement("TemplateLintRole", "CreateBuildNetworkInterfaces"))
        #expect(
            create.resources.map(Self.text) == ["network-interface/*", "subnet/subnet-0000aa01", "subnet/subnet-0000aa02", "security-group/sg-0000aa01"].map {
                "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:\($0)"
            })
        #expect(try b.project("shop-lambda-package").vpcConfig == nil)
        #expect(try b.statements("LambdaPackageRole").allSatisfy { !$0.actions.contains { $0.hasPrefix("ec2:") } })
    }

    @Test func theRoleReadsExactlyTheConfiguredParametersAndSecrets() throws {
        let key = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let secretArn = "arn:aws:secretsmanager:eu-west-1:555555555555:secret:shared/db-AbC123"
        let b = try Self.build(
            """
            builds:
              variables:
                PLAIN: text
                URL: {parameter: /shop/url}
                NAME: {parameter: shop-name, kms-key: "\(key)"}
                TOKEN: {secret: shop/token, json-key: value}
                DB: {secret: "\(secretArn)", version-stage: AWSPREVIOUS}
            pipelines:
              infrastructure-deployment: {}

            """)
        let variables = try b.project("shop-template-lint").environment.environmentVariables
        #expect(variables.first { $0.name == "PLAIN" } == .init("PLAIN", "text"))
        #expect(variables.first { $0.name == "URL" } == .init("URL", "/shop/url", type: .parameterStore))
        #expect(variables.first { $0.name == "TOKEN" } == .init("TOKEN", "shop/token:value", type: .secretsManager))
        #expect(variables.first { $0.name == "DB" } == .init("DB", .string(secretArn + "::AWSPREVIOUS"), type: .secretsManager))
        let parameters = try #require(try b.statement("TemplateLintRole", "ReadBuildParameters"))
        #expect(parameters.actions == ["ssm:GetParameters"])
        #expect(
            parameters.resources.map(Self.text) == ["shop/url", "shop-name"].map { "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/\($0)" })
        let secrets = try #require(try b.statement("TemplateLintRole", "ReadBuildSecrets"))
        #expect(secrets.actions == ["secretsmanager:GetSecretValue"])
        #expect(
            secrets.resources.map(Self.text) == [
                "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:shop/token-??????", secretArn,
            ])
        #expect(try b.statement("TemplateLintRole", "DecryptBuildVariables")?.resources == [.string(key)])
    }

    @Test func anS3CacheIsKeptUnderTheProjectsPrefix() throws {
        let b = try Self.build(
            """
            pipelines:
              container-build:
                builds:
                  image-build: {cache: [docker-layer, custom]}
              infrastructure-deployment:
                builds: {cache: s3}

            """)
        #expect(
            try b.project("shop-image-build").cache
                == CodeBuild.Project.ProjectCache(type: .local, modes: [.localDockerLayerCache, .localCustomCache]))
        #expect(
            try b.project("shop-template-lint").cache
                == CodeBuild.Project.ProjectCache(type: .s3, location: "shop-artifacts-111111111111-eu-west-1/cache/shop-template-lint"))
        let cache = try #require(try b.statement("TemplateLintRole", "BuildCache"))
        #expect(cache.resources.map(Self.text) == ["arn:${AWS::Partition}:s3:::shop-artifacts-111111111111-eu-west-1/cache/shop-template-lint/*"])
        #expect(try b.statement("TemplateLintRole", "BuildCacheKey")?.actions == ["kms:Decrypt", "kms:GenerateDataKey*"])
    }

    @Test func aBuildspecPerEnvironmentGetsAProjectPerEnvironment() throws {
        let b = try Self.build(
            """
            pipelines:
              infrastructure-deployment:
                builds:
                  template-lint: {buildspec: ci/lint.yml, timeout-minutes: 10}
                  lambda-update: {buildspec: "ci/update-{env}-{region}.yml"}
                  integration-tests: {buildspec: "ci/tests-{env}.yml"}

            """)
        let lint = try b.project("shop-template-lint")
        #expect(lint.source.buildSpec == "ci/lint.yml" && lint.timeoutInMinutes == 10)
        for (env, region) in [("dev", "eu-west-1"), ("dev", "us-east-1"), ("prod", "eu-west-1")] {
            #expect(try b.project("shop-lambda-update-\(env)-\(region)").source.buildSpec == "ci/update-\(env)-\(region).yml")
        }
        #expect(try b.project("shop-integration-tests-prod").source.buildSpec == "ci/tests-prod.yml")
        #expect(b.tooling.resources(of: CodeBuild.Project.self).filter { $0.model.name == .string("shop-lambda-update") }.isEmpty)
        // Each action runs its environment's project; the update reads its buildspec from the source.
        let actions = try b.actions("shop-infrastructure-deployment")
        let update = try #require(actions.first { $0.name == "UpdateLambdas-us-east-1" })
        let configuration = try #require(update.configuration(as: CodePipeline.Action.CodeBuild.self))
        #expect(configuration.projectName == .ref("LambdaUpdateProjectDevUsEast1"))
        #expect(configuration.primarySource == "Source")
        #expect(update.inputArtifacts.map(\.name) == ["Source", "LambdaPackages"])
        let role = try #require(try b.statement("InfrastructureDeploymentPipelineRole", "RunBuilds"))
        #expect(role.resources.contains(.getAtt("IntegrationTestsProjectProd", "Arn")))
        #expect(!role.resources.contains(.getAtt("LambdaUpdateProject", "Arn")))
    }

    @Test func theRuntimeCheckAllowsEverySetting() throws {
        let config = try inlineConfig(
            Self.head + """
                builds:
                  vpc: {vpc-id: vpc-0a1b2c3d, subnets: [subnet-0000aa01], security-groups: [sg-0000aa01]}
                  variables: {URL: {parameter: /shop/url}, TOKEN: {secret: shop/token}}
                  cache: s3
                pipelines:
                  infrastructure-deployment:
                    builds:
                      image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/tools:1"

                """)
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    @Test(arguments: [
        (
            "pipelines:\n  infrastructure-deployment:\n    builds: {cache: [docker-layer]}\n",
            "a Docker layer cache needs a build that runs Docker, and build 'lambda-package' does not"
        ),
        (
            "pipelines:\n  infrastructure-deployment:\n    builds: {architecture: arm64}\n",
            "CodeBuild's image 'aws/codebuild/standard:7.0' is not an arm64 image"
        ),
        (
            "pipelines:\n  infrastructure-deployment:\n    builds:\n      template-lint: {variables: {TEMPLATE: x}}\n",
            "pipegen sets 'TEMPLATE' for build 'template-lint' (docs/BUILDS.md)"
        ),
        (
            "pipelines:\n  infrastructure-deployment:\n    builds:\n      integration-tests: {variables: {ENVIRONMENT: x}}\n",
            "pipegen sets 'ENVIRONMENT' for build 'integration-tests' (docs/BUILDS.md)"
        ),
    ])
    func settingsCodeBuildCannotRunAreErrors(_ snippet: String, _ message: String) throws {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array((Self.head + snippet).utf8))
        #expect(config == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.message) == [message])
        #expect(diagnostics.first?.mark != nil)
    }
}
