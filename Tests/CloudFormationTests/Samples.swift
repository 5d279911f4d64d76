import CloudFormation

/// One representative instance of each resource model, wired to each other by logical id so
/// that `Samples.template` validates and lints as a whole.
enum Samples {
    static let toolingAccount: Value = "111111111111"
    static let devAccount: Value = "222222222222"
    static let tags = [Tag("project", "pipegen")]

    static var pipelineRole: IAM.Role {
        IAM.Role(
            roleName: "pipegen-pipeline", description: "Runs the pipeline",
            trust: IAM.PolicyDocument([
                .init(principal: .service(["codepipeline.amazonaws.com"]), actions: ["sts:AssumeRole"])
            ]),
            policies: [
                .init(
                    "artifacts",
                    [.init(actions: ["s3:GetObject", "s3:PutObject"], resources: [.sub("${ArtifactBucket.Arn}/*")])])
            ],
            maxSessionDuration: 3600, tags: tags)
    }

    static var managedPolicy: IAM.ManagedPolicy {
        IAM.ManagedPolicy(
            managedPolicyName: "pipegen-build", description: "Lets builds read artifacts",
            path: "/pipegen/",
            policyDocument: IAM.PolicyDocument([
                .init(
                    sid: "ReadArtifacts", actions: ["s3:GetObject"], resources: [.sub("${ArtifactBucket.Arn}/*")],
                    conditions: [.init("Bool", "aws:SecureTransport", "true")])
            ]),
            roles: [.ref("PipelineRole")])
    }

    static var keyPolicy: IAM.PolicyDocument {
        IAM.PolicyDocument([
            .init(
                sid: "Administer", principal: .aws([.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")]),
                actions: ["kms:*"], resources: ["*"]),
            .init(
                sid: "UseFromDev", principal: .aws([.sub("arn:${AWS::Partition}:iam::222222222222:root")]),
                actions: ["kms:Decrypt", "kms:DescribeKey"], resources: ["*"]),
        ])
    }

    static var key: KMS.Key {
        KMS.Key(
            description: "Pipeline artifacts", keyPolicy: keyPolicy, enabled: true, enableKeyRotation: true,
            rotationPeriodInDays: 365, keySpec: .symmetricDefault, keyUsage: .encryptDecrypt, multiRegion: true,
            pendingWindowInDays: 30, tags: tags)
    }

    static var alias: KMS.Alias {
        KMS.Alias(aliasName: "alias/pipegen/artifacts", targetKeyId: .ref("ArtifactKey"))
    }

    static var replicaKey: KMS.ReplicaKey {
        KMS.ReplicaKey(
            primaryKeyArn: .getAtt("ArtifactKey", "Arn"), description: "Pipeline artifacts (replica)",
            keyPolicy: keyPolicy, enabled: true, pendingWindowInDays: 7, tags: tags)
    }

    static var bucket: S3.Bucket {
        S3.Bucket(
            bucketName: .sub("pipegen-artifacts-${AWS::AccountId}-${AWS::Region}"),
            bucketEncryption: .kms(.getAtt("ArtifactKey", "Arn")), versioningConfiguration: .enabled,
            publicAccessBlockConfiguration: .blockAll, ownershipControls: .bucketOwnerEnforced,
            lifecycleConfiguration: .init([
                .init(
                    id: "expire-old-versions", prefix: "artifacts/",
                    noncurrentVersionExpiration: .init(noncurrentDays: 30, newerNoncurrentVersions: 3),
                    abortIncompleteMultipartUpload: .init(daysAfterInitiation: 7)),
                .init(id: "expire-scratch", prefix: "scratch/", expirationInDays: 14),
            ]),
            loggingConfiguration: .init(logFilePrefix: "access-logs/"), notificationConfiguration: .eventBridge,
            tags: tags)
    }

    static var bucketPolicy: S3.BucketPolicy {
        S3.BucketPolicy(
            bucket: .ref("ArtifactBucket"),
            policyDocument: IAM.PolicyDocument([
                .init(
                    sid: "DenyInsecureTransport", effect: .deny, principal: .everyone, actions: ["s3:*"],
                    resources: [.getAtt("ArtifactBucket", "Arn"), .sub("${ArtifactBucket.Arn}/*")],
                    conditions: [.init("Bool", "aws:SecureTransport", "false")]),
                .init(
                    sid: "DevReadsArtifacts", principal: .aws([.sub("arn:${AWS::Partition}:iam::222222222222:root")]),
                    actions: ["s3:GetObject"], resources: [.sub("${ArtifactBucket.Arn}/*")]),
            ]))
    }

    static var repository: ECR.Repository {
        ECR.Repository(
            repositoryName: "pipegen/app", encryptionConfiguration: .init(.kms, kmsKey: .getAtt("ArtifactKey", "Arn")),
            imageScanningConfiguration: .init(scanOnPush: true), imageTagMutability: .immutableWithExclusion,
            imageTagMutabilityExclusionFilters: [.init(wildcard: "latest")],
            lifecyclePolicy: .init(.keepLast(20)),
            repositoryPolicyText: IAM.PolicyDocument([
                .init(
                    sid: "DevPulls", principal: .aws([.sub("arn:${AWS::Partition}:iam::222222222222:root")]),
                    actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])
            ]),
            emptyOnDelete: false, tags: tags)
    }

    static var replication: ECR.ReplicationConfiguration {
        ECR.ReplicationConfiguration(rules: [
            .init(
                destinations: [.init(region: "eu-west-1", registryId: .ref(.accountId))],
                repositoryFilters: [.init(prefix: "pipegen")])
        ])
    }

    static var registryPolicy: ECR.RegistryPolicy {
        ECR.RegistryPolicy(
            policyText: IAM.PolicyDocument([
                .init(
                    sid: "ToolingReplicates", principal: .aws([.sub("arn:${AWS::Partition}:iam::111111111111:root")]),
                    actions: ["ecr:ReplicateImage"],
                    resources: [.sub("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/pipegen/app")])
            ]))
    }

    static var codeCommit: CodeCommit.Repository {
        CodeCommit.Repository(
            repositoryName: "infrastructure", repositoryDescription: "Infrastructure templates",
            kmsKeyId: .getAtt("ArtifactKey", "Arn"),
            triggers: [
                .init(
                    name: "notify", destinationArn: .ref("Notifications"), events: [.updateReference],
                    branches: ["main"])
            ],
            tags: tags)
    }

    static var logGroup: Logs.LogGroup {
        Logs.LogGroup(
            logGroupName: "/aws/codebuild/pipegen-build", retentionInDays: 30, kmsKeyId: .getAtt("ArtifactKey", "Arn"),
            logGroupClass: .standard, tags: tags)
    }

    static var project: CodeBuild.Project {
        var project = CodeBuild.Project(
            name: "pipegen-build", description: "Builds and pushes the image", serviceRole: .getAtt("PipelineRole", "Arn"),
            artifacts: .codePipeline, source: .codePipeline(buildSpec: "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"),
            environment: .init(
                computeType: .small, image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", privilegedMode: true,
                imagePullCredentialsType: .codeBuild,
                environmentVariables: [
                    .init("REPOSITORY_URI", .getAtt("Repository", "RepositoryUri")),
                    .init("TOKEN", "/pipegen/token", type: .parameterStore),
                ]),
            encryptionKey: .getAtt("ArtifactKey", "Arn"),
            logsConfig: .init(cloudWatchLogs: .init(status: .enabled, groupName: .ref("BuildLogs"), streamName: "build")),
            timeoutInMinutes: 30, queuedTimeoutInMinutes: 60, concurrentBuildLimit: 2,
            cache: .init(type: .local, modes: [.localDockerLayerCache]), tags: tags)
        project.vpcConfig = .init(vpcId: "vpc-0a1b2c3d4e5f67890", subnets: ["subnet-0a1b2c3d4e5f67890"], securityGroupIds: ["sg-0a1b2c3d4e5f67890"])
        return project
    }

    static var connection: CodeStarConnections.Connection {
        CodeStarConnections.Connection(connectionName: "pipegen-github", providerType: .gitHub, tags: tags)
    }

    static var pipeline: CodePipeline.Pipeline {
        typealias P = CodePipeline.Pipeline
        return P(
            name: "pipegen-container-build", roleArn: .getAtt("PipelineRole", "Arn"), pipelineType: .v2,
            executionMode: .queued,
            artifactStore: .init(location: .ref("ArtifactBucket"), encryptionKey: .init(kms: .getAtt("ArtifactKey", "Arn"))),
            stages: [
                .init(
                    name: "Source",
                    actions: [
                        .init(
                            name: "Checkout",
                            configuration: CodePipeline.Action.CodeStarSourceConnection(
                                connectionArn: .ref("Connection"), fullRepositoryId: "example/app", branchName: "main",
                                detectChanges: false),
                            outputArtifacts: ["Source"], namespace: "SourceVariables")
                    ]),
                .init(
                    name: "Build",
                    actions: [
                        .init(
                            name: "Image", configuration: CodePipeline.Action.CodeBuild(projectName: .ref("Build")),
                            inputArtifacts: ["Source"], outputArtifacts: ["Image"], runOrder: 1, timeoutInMinutes: 60)
                    ],
                    onFailure: .rollback),
                .init(
                    name: "Dev",
                    actions: [
                        .init(
                            name: "Approve", configuration: CodePipeline.Action.Manual(notificationArn: .ref("Notifications")),
                            runOrder: 1),
                        .init(
                            name: "Deploy",
                            configuration: CodePipeline.Action.CloudFormation(
                                .createUpdate, stackName: "pipegen-dev", templatePath: "Source::template.yaml",
                                capabilities: [.namedIAM], roleArn: .sub("arn:${AWS::Partition}:iam::222222222222:role/pipegen-cfn")),
                            inputArtifacts: ["Source"],
                            roleArn: .sub("arn:${AWS::Partition}:iam::222222222222:role/pipegen-action"), runOrder: 2),
                    ],
                    beforeEntry: .init([
                        .init(
                            result: .fail,
                            rules: [
                                .init(
                                    name: "NoAlarm", ruleTypeId: .init(provider: "CloudWatchAlarm"),
                                    configuration: [Field("AlarmName", "pipegen-dev-errors")])
                            ])
                    ])),
            ],
            triggers: [
                .init(
                    gitConfiguration: .init(
                        sourceActionName: "Checkout",
                        push: [
                            .init(
                                branches: .init(includes: ["main"], excludes: ["wip/*"]),
                                filePaths: .init(includes: ["src/**"]))
                        ]))
            ],
            variables: [.init(name: "Environment", defaultValue: "dev", description: "Target environment")],
            tags: tags)
    }

    static var deployApplication: CodeDeploy.Application {
        CodeDeploy.Application(applicationName: "pipegen-app", computePlatform: .ecs, tags: tags)
    }

    static var deploymentGroup: CodeDeploy.DeploymentGroup {
        CodeDeploy.DeploymentGroup(
            applicationName: .ref("DeployApplication"), deploymentGroupName: "pipegen-app-dev",
            serviceRoleArn: .getAtt("PipelineRole", "Arn"), deploymentConfigName: "CodeDeployDefault.ECSAllAtOnce",
            deploymentStyle: .ecsBlueGreen,
            blueGreenDeploymentConfiguration: .init(
                deploymentReadyOption: .init(actionOnTimeout: .continueDeployment, waitTimeInMinutes: 0),
                terminateBlueInstancesOnDeploymentSuccess: .init(action: .terminate, terminationWaitTimeInMinutes: 5)),
            ecsServices: [.init(clusterName: "app-cluster", serviceName: "app")],
            loadBalancerInfo: .init(targetGroupPairInfoList: [
                .init(
                    prodTrafficRoute: .init(listenerArns: [.importValue("app-prod-listener")]),
                    testTrafficRoute: .init(listenerArns: [.importValue("app-test-listener")]),
                    targetGroups: [.init(name: "app-blue"), .init(name: "app-green")])
            ]),
            autoRollbackConfiguration: .init(events: [.deploymentFailure, .deploymentStopOnAlarm]),
            alarmConfiguration: .init(alarms: ["app-5xx"]), tags: tags)
    }

    static var rule: Events.Rule {
        Events.Rule(
            name: "pipegen-on-image-push", description: "Start the deployment when an image is pushed",
            eventPattern: [
                "source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
                "detail": ["action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": [.ref("Repository")]],
            ],
            state: .enabled,
            targets: [
                .init(
                    id: "pipeline", arn: .sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"),
                    roleArn: .getAtt("PipelineRole", "Arn"),
                    inputTransformer: .init(
                        inputPathsMap: [Field("tag", "$.detail.image-tag")], inputTemplate: "{\"tag\": <tag>}"),
                    retryPolicy: .init(maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3))
            ],
            tags: tags)
    }

    static var topic: SNS.Topic {
        SNS.Topic(
            topicName: "pipegen-notifications", displayName: "pipegen", kmsMasterKeyId: .ref("ArtifactKey"),
            subscription: [.init(.email, endpoint: "team@example.com")], tags: tags)
    }

    static var topicPolicy: SNS.TopicPolicy {
        SNS.TopicPolicy(
            topics: [.ref("Notifications")],
            policyDocument: IAM.PolicyDocument([
                .init(
                    sid: "EventsPublish", principal: .service(["events.amazonaws.com"]), actions: ["sns:Publish"],
                    resources: [.ref("Notifications")])
            ]))
    }

    static var subscription: SNS.Subscription {
        SNS.Subscription(
            topicArn: .ref("Notifications"), protocol: .lambda, endpoint: .getAtt("Updater", "Arn"),
            filterPolicy: ["stage": ["Dev"]], filterPolicyScope: .messageBody, rawMessageDelivery: false)
    }

    static var function: Lambda.Function {
        Lambda.Function(
            functionName: "pipegen-updater", description: "Updates function code", runtime: .python313,
            handler: "index.handler", role: .getAtt("PipelineRole", "Arn"),
            code: .inline("def handler(event, context):\n    return event\n"), timeout: 60, memorySize: 256,
            architectures: [.arm64],
            environment: .init([Field("BUCKET", .ref("ArtifactBucket")), Field("STAGE", "dev")]),
            kmsKeyArn: .getAtt("ArtifactKey", "Arn"), reservedConcurrentExecutions: 2,
            loggingConfig: .init(logFormat: .json, logGroup: .ref("BuildLogs"), applicationLogLevel: .info),
            tracingConfig: .init(mode: .active), tags: tags)
    }

    static var permission: Lambda.Permission {
        Lambda.Permission(
            functionName: .ref("Updater"), principal: "sns.amazonaws.com", sourceArn: .ref("Notifications"),
            sourceAccount: .ref(.accountId))
    }

    /// Every sample under the logical id the others refer to it by.
    static var all: [(id: String, model: any ResourceModel)] {
        [
            ("PipelineRole", pipelineRole), ("BuildPolicy", managedPolicy), ("ArtifactKey", key),
            ("ArtifactKeyAlias", alias), ("ArtifactKeyReplica", replicaKey), ("ArtifactBucket", bucket),
            ("ArtifactBucketPolicy", bucketPolicy), ("Repository", repository), ("Replication", replication),
            ("RegistryPolicy", registryPolicy),
            ("SourceRepository", codeCommit), ("BuildLogs", logGroup), ("Build", project), ("Connection", connection),
            ("Pipeline", pipeline), ("DeployApplication", deployApplication), ("DeploymentGroup", deploymentGroup),
            ("ImagePushed", rule), ("Notifications", topic), ("NotificationsPolicy", topicPolicy),
            ("NotificationsToUpdater", subscription), ("Updater", function), ("UpdaterPermission", permission),
        ]
    }

    /// A template with one of each model; data-holding resources retained.
    static var template: Template {
        var t = Template(description: "One of each pipegen resource model")
        for (id, model) in all {
            switch model {
            case is KMS.Key, is KMS.ReplicaKey, is S3.Bucket, is ECR.Repository, is CodeCommit.Repository, is Logs.LogGroup:
                t.add(id, .retained(model))
            default:
                t.add(id, model)
            }
        }
        return t
    }
}
