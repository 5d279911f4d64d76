import CloudFormation

/// Second instances that set the properties the main samples leave out, so that cfn-lint
/// checks the name and nesting of every modelled property.
extension Samples {
    static var extras: [(id: String, model: any ResourceModel)] {
        typealias P = CodePipeline.Pipeline
        let trust = IAM.PolicyDocument([
            .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
        ])
        return [
            (
                "BoundedRole",
                IAM.Role(
                    trust: trust, managedPolicyArns: [.sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")],
                    path: "/pipegen/", permissionsBoundary: .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/boundary"))
            ),
            (
                "GroupPolicy",
                IAM.ManagedPolicy(
                    policyDocument: IAM.PolicyDocument([.init(actions: ["s3:ListBucket"], resources: [.getAtt("ArtifactBucket", "Arn")])]),
                    groups: ["pipegen-admins"], users: ["pipegen-bot"])
            ),
            ("Approvers", Samples.group),
            ("Boundary", Samples.boundary),
            (
                "ImportedKey",
                KMS.Key(keyPolicy: keyPolicy, enabled: false, origin: .external, bypassPolicyLockoutSafetyCheck: false)
            ),
            (
                "LockedBucket",
                S3.Bucket(
                    lifecycleConfiguration: .init([
                        .init(id: "markers", status: .disabled, expiredObjectDeleteMarker: true)
                    ]),
                    loggingConfiguration: .init(destinationBucketName: .ref("ArtifactBucket"), logFilePrefix: "locked/"),
                    objectLockEnabled: true)
            ),
            (
                "SeededRepository",
                CodeCommit.Repository(
                    repositoryName: "seeded",
                    code: .init(s3: .init(bucket: .ref("ArtifactBucket"), key: "seed.zip", objectVersion: "1"), branchName: "main"),
                    triggers: [
                        .init(
                            name: "all", destinationArn: .ref("Notifications"), events: [.all], customData: "seeded")
                    ])
            ),
            (
                "S3Build",
                CodeBuild.Project(
                    serviceRole: .getAtt("PipelineRole", "Arn"),
                    artifacts: .init(
                        type: .s3, location: .ref("ArtifactBucket"), name: "output.zip", path: "builds",
                        namespaceType: .buildId, packaging: .zip, artifactIdentifier: "main", encryptionDisabled: false,
                        overrideArtifactName: true),
                    source: .init(
                        type: .codeCommit, buildSpec: "buildspec.yml",
                        location: .getAtt("SourceRepository", "CloneUrlHttp"), gitCloneDepth: 1,
                        reportBuildStatus: false, sourceIdentifier: "main"),
                    environment: .init(type: .armContainer, computeType: .large, image: "aws/codebuild/amazonlinux-aarch64-standard:3.0"),
                    logsConfig: .init(
                        cloudWatchLogs: .init(status: .disabled),
                        s3Logs: .init(status: .enabled, location: .sub("${ArtifactBucket}/logs"), encryptionDisabled: false)),
                    cache: .init(type: .s3, location: .sub("${ArtifactBucket}/cache")), sourceVersion: "refs/heads/main",
                    badgeEnabled: true)
            ),
            ("ProtectedLogs", Logs.LogGroup(retentionInDays: 3653, deletionProtectionEnabled: true)),
            (
                "CrossRegionPipeline",
                P(
                    roleArn: .getAtt("PipelineRole", "Arn"), pipelineType: .v2,
                    artifactStores: [
                        .init(region: "eu-west-1", artifactStore: .init(location: "pipegen-artifacts-eu-west-1")),
                        .init(
                            region: "us-east-1",
                            artifactStore: .init(location: "pipegen-artifacts-us-east-1", encryptionKey: .init(kms: "alias/pipegen"))),
                    ],
                    stages: [
                        .init(
                            name: "Source",
                            actions: [
                                .init(
                                    name: "Checkout",
                                    configuration: CodePipeline.Action.CodeStarSourceConnection(
                                        connectionArn: .ref("Connection"), fullRepositoryId: "example/infra", branchName: "main"),
                                    outputArtifacts: ["Source"], region: "eu-west-1")
                            ]),
                        .init(
                            name: "Check",
                            actions: [
                                .init(
                                    name: "Lint", configuration: CodePipeline.Action.Commands(),
                                    inputArtifacts: ["Source"], region: "eu-west-1", commands: ["make lint"])
                            ],
                            onFailure: .init(result: .retry, retryConfiguration: .init(retryMode: .failedActions)),
                            onSuccess: .init([
                                .init(
                                    rules: [
                                        .init(
                                            name: "Window", ruleTypeId: .init(provider: "DeploymentWindow"),
                                            configuration: [Field("Cron", "0 9 ? * MON-FRI *")], region: "eu-west-1")
                                    ])
                            ])),
                    ],
                    triggers: [
                        .init(
                            gitConfiguration: .init(
                                sourceActionName: "Checkout",
                                pullRequest: [
                                    .init(branches: .init(includes: ["main"]), events: [.open, .updated], filePaths: .init(excludes: ["docs/**"]))
                                ]))
                    ],
                    disableInboundStageTransitions: [.init(stageName: "Check", reason: "Paused")],
                    restartExecutionOnUpdate: false)
            ),
            (
                "ServerDeploymentGroup",
                CodeDeploy.DeploymentGroup(
                    applicationName: .ref("DeployApplication"), serviceRoleArn: .getAtt("PipelineRole", "Arn"),
                    blueGreenDeploymentConfiguration: .init(greenFleetProvisioningOption: .init(action: .discoverExisting)),
                    loadBalancerInfo: .init(targetGroupInfoList: [.init(name: "app-blue")]),
                    alarmConfiguration: .init(enabled: false, alarms: ["a"], ignorePollAlarmFailure: true))
            ),
            (
                "Nightly",
                Events.Rule(
                    eventBusName: "default", scheduleExpression: "cron(0 2 * * ? *)", state: .disabled,
                    roleArn: .getAtt("PipelineRole", "Arn"),
                    targets: [
                        .init(
                            id: "fixed", arn: .ref("Notifications"), input: "{\"reason\": \"nightly\"}",
                            deadLetterConfig: .init(arn: .sub("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:dlq"))),
                        .init(id: "part", arn: .ref("Notifications"), inputPath: "$.detail"),
                    ])
            ),
            ("FifoTopic", SNS.Topic(topicName: "pipegen.fifo", fifoTopic: true, contentBasedDeduplication: true)),
            (
                "QueueSubscription",
                SNS.Subscription(
                    topicArn: .ref("Notifications"), protocol: .sqs,
                    endpoint: .sub("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:queue"),
                    redrivePolicy: ["deadLetterTargetArn": .sub("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:dlq")],
                    region: .ref(.region))
            ),
            (
                "ZipFunction",
                Lambda.Function(
                    runtime: .nodejs24, handler: "index.handler", role: .getAtt("PipelineRole", "Arn"),
                    code: .s3(bucket: .ref("ArtifactBucket"), key: "lambda/updater.zip", version: "3"),
                    loggingConfig: .init(logFormat: .json, applicationLogLevel: .warn, systemLogLevel: .warn),
                    deadLetterConfig: .init(targetArn: .ref("Notifications")), tracingConfig: .init(mode: .passThrough),
                    layers: [.sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:layer:common:1")])
            ),
            (
                "ImageFunction",
                Lambda.Function(
                    runtime: nil, handler: nil, role: .getAtt("PipelineRole", "Arn"),
                    code: .init(imageUri: .sub("${Repository.RepositoryUri}:latest")))
            ),
        ]
    }

    /// A group with a managed policy and an inline one.
    static var group: IAM.Group {
        IAM.Group(
            groupName: "pipegen-approvers", managedPolicyArns: [.sub("arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess")],
            path: "/pipegen/",
            policies: [.init("approve", [.init(actions: ["codepipeline:PutApprovalResult"], resources: [.sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:p/prod/Approve")])])])
    }

    /// A permissions boundary: everything but IAM, written with `NotAction`.
    static var boundary: IAM.ManagedPolicy {
        IAM.ManagedPolicy(
            managedPolicyName: "pipegen-boundary",
            policyDocument: IAM.PolicyDocument([
                .init(sid: "AllButIAM", notActions: ["iam:*", "organizations:*"], resources: ["*"]),
                .init(sid: "PassProjectRoles", actions: ["iam:PassRole"], resources: [.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/pipegen-*")]),
            ]))
    }

    /// The main samples plus the extras.
    static var exhaustiveTemplate: Template {
        var t = template
        for (id, model) in extras { t.add(id, model) }
        return t
    }
}
