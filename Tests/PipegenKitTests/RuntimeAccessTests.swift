import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The runtime access check: every call each example's pipelines make at run time is allowed
/// by its templates, and altering a template to take one grant away is found as exactly the
/// call it denies, at the config line that caused it.
@Suite struct RuntimeAccessTests {
    @Test(arguments: ExampleTests.examples)
    func everyExampleCallIsAllowed(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    /// Every action of every pipeline makes calls, and every kind of build its own ones.
    @Test(arguments: ExampleTests.examples)
    func everyActionIsCovered(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        let specs = Pipegen.pipelines(config)
        let calls = RuntimeAccess.calls(config: config, specs: specs, stacks: StackSet.build(config).stacks)
        let origins = Set(calls.map(\.origin))
        for spec in specs {
            #expect(origins.contains("pipeline '\(spec.name)'"))
            for stage in spec.stages {
                // An approval that names no topic makes no call.
                for action in stage.actions {
                    if case .approval(nil, _, _) = action.kind { continue }
                    #expect(
                        origins.contains("action '\(stage.name)/\(action.name)' of pipeline '\(spec.name)'"),
                        "\(stage.name)/\(action.name)")
                }
            }
        }
    }

    /// The calls that only one kind of action or build makes are there, with the right caller.
    @Test func theRouteToLiveMakesEachKindOfCall() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let calls = RuntimeAccess.calls(
            config: config, specs: Pipegen.pipelines(config), stacks: StackSet.build(config).stacks)
        func made(_ action: String, by caller: String, on resource: String) -> Bool {
            calls.contains { c in
                guard c.actions.contains(action), c.resource == resource else { return false }
                switch c.caller {
                case .role(let arn): return arn == caller
                case .service(let name): return name == caller
                case .external(let account, _): return account == caller
                }
            }
        }
        let tooling = "arn:aws:iam::111111111111:role/"
        #expect(
            made(
                "codecommit:UploadArchive", by: tooling + "shop-container-build-role",
                on: "arn:aws:codecommit:eu-west-1:111111111111:ECS-Container-Build"))
        #expect(
            made(
                "ecr:PutImage", by: tooling + "shop-image-build-role",
                on: "arn:aws:ecr:eu-west-1:111111111111:repository/shop"))
        #expect(
            made(
                "ecr:DescribeImages", by: tooling + "shop-container-deployment-role",
                on: "arn:aws:ecr:eu-west-1:111111111111:repository/shop"))
        #expect(
            made(
                "sts:AssumeRole", by: tooling + "shop-lambda-update-role",
                on: "arn:aws:iam::333333333333:role/shop-test-lambda-update"))
        #expect(
            made(
                "s3:GetObject", by: "arn:aws:iam::333333333333:role/shop-test-lambda-update",
                on: "arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/lambda/example/0123456789abcdef.zip"))
        #expect(
            made(
                "lambda:UpdateFunctionCode", by: "arn:aws:iam::333333333333:role/shop-test-lambda-update",
                on: "arn:aws:lambda:eu-west-1:333333333333:function:shop-test-example"))
        #expect(
            made(
                "iam:PassRole", by: "arn:aws:iam::444444444444:role/shop-prod-cfn-deploy",
                on: "arn:aws:iam::444444444444:role/shop-prod-cfn-exec"))
        #expect(
            made(
                "sts:AssumeRole", by: "cloudformation.amazonaws.com",
                on: "arn:aws:iam::444444444444:role/shop-prod-cfn-exec"))
        #expect(
            made(
                "codedeploy:CreateDeployment", by: "arn:aws:iam::222222222222:role/shop-dev-ecs-deploy",
                on: "arn:aws:codedeploy:eu-west-1:222222222222:deploymentgroup:shop-dev/shop-dev"))
        #expect(
            made(
                "elasticloadbalancing:ModifyListener", by: "arn:aws:iam::222222222222:role/shop-dev-codedeploy",
                on: "import:shop-dev-TestListenerArn"))
        #expect(made("ecr:BatchGetImage", by: "222222222222", on: "arn:aws:ecr:eu-west-1:111111111111:repository/shop"))
        #expect(
            made(
                "sns:Publish", by: tooling + "shop-infrastructure-deployment-role",
                on: "arn:aws:sns:eu-west-1:111111111111:shop-prod-approvals"))
        #expect(
            made(
                "codepipeline:StartPipelineExecution", by: tooling + "shop-container-deployment-events",
                on: "arn:aws:codepipeline:eu-west-1:111111111111:shop-container-deployment"))
    }

    @Test func eventsPublishAndInvokeAsThemselves() throws {
        let config = try exampleConfig("Examples/gitflow-notifications/pipegen.yaml")
        let calls = RuntimeAccess.calls(
            config: config, specs: Pipegen.pipelines(config), stacks: StackSet.build(config).stacks)
        let events = calls.filter {
            if case .service("events.amazonaws.com") = $0.caller { return true } else { return false }
        }
        #expect(
            Set(events.flatMap(\.actions)) == [
                "sts:AssumeRole", "sns:Publish", "kms:GenerateDataKey", "kms:Decrypt", "lambda:InvokeFunction",
            ])
        #expect(
            calls.contains {
                $0.actions.contains("codecommit:CreatePullRequest")
                    && $0.resource == "arn:aws:codecommit:eu-central-1:111111111111:web-app"
            })
    }

    // MARK: Denied calls, found at their cause

    /// One environment, every pipeline, Lambda updates: each grant has exactly one user.
    static let single = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: prod
            account: "222222222222"
            ecs:
              cluster: shop-prod
              service: shop
              listener: arn:aws:elasticloadbalancing:eu-west-1:222222222222:listener/app/shop/1/2
              target-groups: [blue, green]
        pipelines:
          container-build:
            source:
              repository: app
          infrastructure-deployment:
            source:
              repository: infra
            lambda:
              folder: lambda
              function-name: "shop-{function}"
          container-deployment:
            source:
              repository: deploy
        notifications:
          emails: [team@example.com]
        """

    func altered(_ name: String, _ change: (inout Template) -> Void) throws -> (Config, [Diagnostic]) {
        let config = try inlineConfig(Self.single)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, name, change)
        return (config, Pipegen.runtimeAccess(config, stacks: stacks))
    }

    func role(_ t: Template, _ id: String) -> IAM.Role { t.resource(id)!.model(as: IAM.Role.self)! }

    @Test func theSingleEnvironmentConfigIsAllowed() throws {
        #expect(Pipegen.runtimeAccess(try inlineConfig(Self.single)).map(\.message) == [])
    }

    @Test func aKeyPolicyWithoutTheLambdaUpdateRoleDeniesItsDecrypt() throws {
        let (config, found) = try altered("tooling") { t in
            var key = t.resource("ArtifactKey")!.model(as: KMS.Key.self)!
            let i = key.keyPolicy!.statements.firstIndex { $0.sid == "EnvironmentRolesDecrypt" }!
            key.keyPolicy!.statements[i].conditions[0].values.removeAll {
                $0 == .sub("arn:${AWS::Partition}:iam::*:role/shop-*-lambda-update")
            }
            t.replace("ArtifactKey", with: .retained(key))
        }
        #expect(found.count == 1)
        #expect(
            found.first?.message
                == "action 'prod/UpdateLambdas' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-lambda-update' would be denied kms:Decrypt on 'arn:aws:kms:eu-west-1:111111111111:key/<ArtifactKey>' in 111111111111 (eu-west-1): the key policy of 'arn:aws:kms:eu-west-1:111111111111:key/<ArtifactKey>' does not allow it"
        )
        #expect(found.first?.mark == config.environment("prod")?.name.mark)
    }

    @Test func aBucketPolicyWithoutTheLambdaZipsStatementDeniesTheirRead() throws {
        let (config, found) = try altered("tooling") { t in
            var policy = t.resource("ArtifactBucketPolicy")!.model(as: S3.BucketPolicy.self)!
            policy.policyDocument.statements.removeAll { $0.sid == "EnvironmentRolesReadLambdaZips" }
            t.replace("ArtifactBucketPolicy", with: Resource(policy))
        }
        #expect(
            found.map(\.message) == [
                "action 'prod/UpdateLambdas' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-lambda-update' would be denied s3:GetObject on 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/lambda/example/0123456789abcdef.zip' in 111111111111 (eu-west-1): the bucket policy of 'shop-artifacts-111111111111-eu-west-1' does not allow it"
            ])
        #expect(found.first?.mark == config.environment("prod")?.name.mark)
    }

    /// Within the tooling account the bucket policy need not name the tooling roles: their own
    /// policies are enough.
    @Test func sameAccountCallsNeedNoBucketPolicy() throws {
        let (_, found) = try altered("tooling") { t in
            var policy = t.resource("ArtifactBucketPolicy")!.model(as: S3.BucketPolicy.self)!
            policy.policyDocument.statements.removeAll { $0.effect == .allow }
            t.replace("ArtifactBucketPolicy", with: Resource(policy))
        }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.message.contains("role/shop-prod-") }, "only the environment's roles lose access")
    }

    @Test func aDenyInTheBucketPolicyWins() throws {
        let (_, found) = try altered("tooling") { t in
            var policy = t.resource("ArtifactBucketPolicy")!.model(as: S3.BucketPolicy.self)!
            policy.policyDocument.statements.append(
                IAM.Statement(
                    effect: .deny, principal: .everyone, actions: ["s3:PutObject"],
                    resources: [.sub("arn:${AWS::Partition}:s3:::shop-artifacts-111111111111-eu-west-1/lambda/*")]))
            t.replace("ArtifactBucketPolicy", with: Resource(policy))
        }
        #expect(
            found.map(\.message) == [
                "action 'Package/PackageLambdas' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::111111111111:role/shop-lambda-package-role' would be denied s3:PutObject on 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/lambda/example/0123456789abcdef.zip' in 111111111111 (eu-west-1): the bucket policy of 'shop-artifacts-111111111111-eu-west-1' denies it"
            ])
    }

    @Test func aPipelineRoleThatMayNotAssumeTheEnvironmentRoleIsDenied() throws {
        let (config, found) = try altered("tooling") { t in
            var r = role(t, "ContainerDeploymentPipelineRole")
            r.policies[0].policyDocument.statements.removeAll { $0.actions == ["sts:AssumeRole"] }
            t.replace("ContainerDeploymentPipelineRole", with: Resource(r))
        }
        #expect(
            found.map(\.message) == [
                "action 'prod/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::111111111111:role/shop-container-deployment-role' would be denied sts:AssumeRole on 'arn:aws:iam::222222222222:role/shop-prod-ecs-deploy' in 222222222222 (eu-west-1): the identity policy of 'arn:aws:iam::111111111111:role/shop-container-deployment-role' does not allow it"
            ])
        #expect(found.first?.mark == config.environment("prod")?.name.mark)
    }

    @Test func aTrustThatAdmitsAnotherRoleDeniesTheAssume() throws {
        let (_, found) = try altered("prod") { t in
            var r = role(t, "CloudFormationDeployRole")
            r.assumeRolePolicyDocument.statements[0].conditions = [
                IAM.Condition(
                    "ArnEquals", "aws:PrincipalArn", .sub("arn:${AWS::Partition}:iam::111111111111:role/someone-else"))
            ]
            t.replace("CloudFormationDeployRole", with: Resource(r))
        }
        #expect(
            found.map(\.message) == [
                "action 'prod/Deploy' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::111111111111:role/shop-infrastructure-deployment-role' would be denied sts:AssumeRole on 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' in 222222222222 (eu-west-1): the trust policy of 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' does not allow it"
            ])
    }

    /// What `Consistency` asked of assumed roles before this check covered it: their own
    /// permission to read and decrypt the artifacts of their region.
    @Test func anEnvironmentRoleThatMayNotReadOrDecryptItsArtifactsIsDenied() throws {
        let (config, found) = try altered("prod") { t in
            var deploy = role(t, "CloudFormationDeployRole")
            deploy.policies[0].policyDocument.statements.removeAll { $0.sid == "ReadArtifacts" }
            t.replace("CloudFormationDeployRole", with: Resource(deploy))
            var ecs = role(t, "EcsDeployRole")
            ecs.policies[0].policyDocument.statements.removeAll { $0.sid == "DecryptArtifacts" }
            t.replace("EcsDeployRole", with: Resource(ecs))
        }
        let prefix = "action 'prod/Deploy' of pipeline 'shop-"
        #expect(
            found.map(\.message) == [
                prefix
                    + "infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' would be denied s3:GetObject on 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/shop-infrastructure-deployment/Source/example' in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' does not allow it",
                prefix
                    + "infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' would be denied s3:GetObjectVersion on 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/shop-infrastructure-deployment/Source/example' in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' does not allow it",
                prefix
                    + "container-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-ecs-deploy' would be denied kms:Decrypt on 'arn:aws:kms:eu-west-1:111111111111:key/<ArtifactKey>' in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-prod-ecs-deploy' does not allow it",
            ])
        #expect(found.allSatisfy { $0.mark == config.environment("prod")?.name.mark })
    }

    @Test func aBuildRoleThatMayNotPutLogEventsIsDenied() throws {
        let (config, found) = try altered("tooling") { t in
            var r = role(t, "ImageBuildRole")
            r.policies[0].policyDocument.statements[0].actions = ["logs:CreateLogStream"]
            t.replace("ImageBuildRole", with: Resource(r))
        }
        #expect(
            found.map(\.message) == [
                "action 'Build/BuildImage' of pipeline 'shop-container-build': at run time 'arn:aws:iam::111111111111:role/shop-image-build-role' would be denied logs:PutLogEvents on 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/codebuild/shop-image-build:log-stream:example' in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::111111111111:role/shop-image-build-role' does not allow it"
            ])
        #expect(found.first?.mark == config.pipelines.all.first { $0.kind == .containerBuild }?.mark)
    }

    @Test func aPassRoleForAnotherServiceIsDenied() throws {
        let (_, found) = try altered("prod") { t in
            var r = role(t, "CloudFormationDeployRole")
            let i = r.policies[0].policyDocument.statements.firstIndex { $0.sid == "PassExecutionRole" }!
            r.policies[0].policyDocument.statements[i].conditions = [
                IAM.Condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com")
            ]
            t.replace("CloudFormationDeployRole", with: Resource(r))
        }
        #expect(
            found.map(\.message) == [
                "action 'prod/Deploy' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' would be denied iam:PassRole on 'arn:aws:iam::222222222222:role/shop-prod-cfn-exec' in 222222222222 (eu-west-1): the identity policy of 'arn:aws:iam::222222222222:role/shop-prod-cfn-deploy' does not allow it"
            ])
    }

    @Test func aTopicPolicyThatAdmitsNoRuleDeniesTheNotification() throws {
        let (config, found) = try altered("tooling") { t in
            var policy = t.resource("NotificationsTopicPolicy")!.model(as: SNS.TopicPolicy.self)!
            policy.policyDocument.statements[0].conditions = [
                IAM.Condition(
                    "ArnEquals", "aws:SourceArn",
                    .sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/other"))
            ]
            t.replace("NotificationsTopicPolicy", with: Resource(policy))
        }
        #expect(
            found.map(\.message) == [
                "rule 'shop-pipeline-failed': at run time the service 'events.amazonaws.com' would be denied sns:Publish on 'arn:aws:sns:eu-west-1:111111111111:shop-pipeline-notifications' in 111111111111 (eu-west-1): the topic policy of 'arn:aws:sns:eu-west-1:111111111111:shop-pipeline-notifications' does not allow it"
            ])
        #expect(found.first?.mark == config.notifications?.mark)
    }

    @Test func aRegistryPolicyWithoutTheEnvironmentDeniesItsPull() throws {
        let (_, found) = try altered("tooling") { t in
            var repo = t.resource("ImageRepository")!.model(as: ECR.Repository.self)!
            repo.repositoryPolicyText = nil
            t.replace("ImageRepository", with: .retained(repo))
        }
        #expect(
            found.map(\.message).sorted() == [
                "action 'prod/Deploy' of pipeline 'shop-container-deployment': at run time the task execution role of account 222222222222 would be denied ecr:BatchGetImage on 'arn:aws:ecr:eu-west-1:111111111111:repository/shop' in 111111111111 (eu-west-1): the repository policy of 'arn:aws:ecr:eu-west-1:111111111111:repository/shop' does not allow it",
                "action 'prod/Deploy' of pipeline 'shop-container-deployment': at run time the task execution role of account 222222222222 would be denied ecr:GetDownloadUrlForLayer on 'arn:aws:ecr:eu-west-1:111111111111:repository/shop' in 111111111111 (eu-west-1): the repository policy of 'arn:aws:ecr:eu-west-1:111111111111:repository/shop' does not allow it",
            ])
    }

    @Test func aMissingDeploymentGroupIsFound() throws {
        let (_, found) = try altered("prod") { t in
            var g = t.resource("BlueGreenDeploymentGroup")!.model(as: CodeDeploy.DeploymentGroup.self)!
            g.deploymentGroupName = "shop-other"
            t.replace("BlueGreenDeploymentGroup", with: Resource(g))
        }
        #expect(
            found.map(\.message) == [
                "action 'prod/Deploy' of pipeline 'shop-container-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-ecs-deploy' would be denied codedeploy:CreateDeployment on 'arn:aws:codedeploy:eu-west-1:222222222222:deploymentgroup:shop-prod/shop-prod' in 222222222222 (eu-west-1): no environment template in account 222222222222 and eu-west-1 creates deployment group 'shop-prod/shop-prod'"
            ])
    }

    // MARK: Several regions

    /// The Lambda zips a function reads must be in its own region, and each region's key is
    /// found by its alias.
    static let twoRegions = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: prod
            account: "222222222222"
            regions: [eu-west-1, us-east-1]
        pipelines:
          infrastructure-deployment:
            source:
              repository: infra
            lambda:
              folder: lambda
              function-name: "shop-{function}"
        """

    @Test func twoRegionsAreAllowed() throws {
        #expect(Pipegen.runtimeAccess(try inlineConfig(Self.twoRegions)).map(\.message) == [])
    }

    @Test func aLambdaUpdateFromAnotherRegionsBucketIsDenied() throws {
        let config = try inlineConfig(Self.twoRegions)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "tooling") { t in
            var p = t.resource("InfrastructureDeploymentPipeline")!.model(as: CodePipeline.Pipeline.self)!
            let s = p.stages.firstIndex { $0.name == "prod" }!
            let a = p.stages[s].actions.firstIndex { $0.name == "UpdateLambdas-us-east-1" }!
            var build = p.stages[s].actions[a].configuration(as: CodePipeline.Action.CodeBuild.self)!
            let v = build.environmentVariables.firstIndex { $0.name == "ARTIFACT_BUCKET" }!
            build.environmentVariables[v].value = "shop-artifacts-111111111111-eu-west-1"
            p.stages[s].actions[a].configuration = build
            t.replace("InfrastructureDeploymentPipeline", with: Resource(p))
        }
        let found = Pipegen.runtimeAccess(config, stacks: stacks).map(\.message)
        #expect(
            found.contains {
                $0.hasPrefix(
                    "action 'prod/UpdateLambdas-us-east-1' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::222222222222:role/shop-prod-lambda-update' would be denied s3:GetObject"
                )
                    && $0.hasSuffix(
                        "the bucket 'shop-artifacts-111111111111-eu-west-1' is in eu-west-1, and the call is made in us-east-1"
                    )
            })
    }

    @Test func aReplicaKeyWithoutItsAliasDeniesTheEnvironmentsDecrypts() throws {
        let config = try inlineConfig(Self.twoRegions)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "tooling-us-east-1") { t in
            var alias = t.resource("ArtifactKeyAlias")!.model(as: KMS.Alias.self)!
            alias.aliasName = "alias/something-else"
            t.replace("ArtifactKeyAlias", with: Resource(alias))
        }
        let found = Pipegen.runtimeAccess(config, stacks: stacks).map(\.message)
        #expect(found.count == 2, "the deploy role's and the Lambda update role's decrypts in us-east-1")
        #expect(
            found.allSatisfy {
                $0.contains("kms:Decrypt on 'arn:aws:kms:us-east-1:111111111111:key/<ArtifactKey>'")
                    && $0.hasSuffix("does not allow it")
            })
    }
}
