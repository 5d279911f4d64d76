// Decoding the CodeBuild, CodeCommit, CodeDeploy and CodeStar Connections types back from
// their lowered values (see `Decoding.swift`).

extension CodeBuild.Project: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.optional("Name"), description: try d.optional("Description"),
            serviceRole: try d.required("ServiceRole"), artifacts: try d.required("Artifacts"),
            source: try d.required("Source"), environment: try d.required("Environment"),
            encryptionKey: try d.optional("EncryptionKey"), logsConfig: try d.optional("LogsConfig"),
            timeoutInMinutes: try d.optional("TimeoutInMinutes"), queuedTimeoutInMinutes: try d.optional("QueuedTimeoutInMinutes"),
            concurrentBuildLimit: try d.optional("ConcurrentBuildLimit"), cache: try d.optional("Cache"),
            sourceVersion: try d.optional("SourceVersion"), badgeEnabled: try d.optional("BadgeEnabled"),
            tags: try d.list("Tags"))
        vpcConfig = try d.optional("VpcConfig")
    }
}

extension CodeBuild.Project.VpcConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(vpcId: try d.optional("VpcId"), subnets: try d.list("Subnets"), securityGroupIds: try d.list("SecurityGroupIds"))
    }
}

extension CodeBuild.Project.Artifacts: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            type: try d.required("Type"), location: try d.optional("Location"), name: try d.optional("Name"),
            path: try d.optional("Path"), namespaceType: try d.optional("NamespaceType"),
            packaging: try d.optional("Packaging"), artifactIdentifier: try d.optional("ArtifactIdentifier"),
            encryptionDisabled: try d.optional("EncryptionDisabled"),
            overrideArtifactName: try d.optional("OverrideArtifactName"))
    }
}

extension CodeBuild.Project.Source: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            type: try d.required("Type"), buildSpec: try d.optional("BuildSpec"), location: try d.optional("Location"),
            gitCloneDepth: try d.optional("GitCloneDepth"), reportBuildStatus: try d.optional("ReportBuildStatus"),
            sourceIdentifier: try d.optional("SourceIdentifier"))
    }
}

extension CodeBuild.Project.ProjectCache: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(type: try d.required("Type"), location: try d.optional("Location"), modes: try d.list("Modes"))
    }
}

extension CodeBuild.Project.LogsConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(cloudWatchLogs: try d.optional("CloudWatchLogs"), s3Logs: try d.optional("S3Logs"))
    }
}

extension CodeBuild.Project.CloudWatchLogsConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(status: try d.required("Status"), groupName: try d.optional("GroupName"), streamName: try d.optional("StreamName"))
    }
}

extension CodeBuild.Project.S3LogsConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            status: try d.required("Status"), location: try d.optional("Location"),
            encryptionDisabled: try d.optional("EncryptionDisabled"))
    }
}

extension CodeBuild.Project.Environment: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            type: try d.required("Type"), computeType: try d.required("ComputeType"), image: try d.required("Image"),
            privilegedMode: try d.optional("PrivilegedMode"),
            imagePullCredentialsType: try d.optional("ImagePullCredentialsType"),
            environmentVariables: try d.list("EnvironmentVariables"))
    }
}

extension CodeBuild.Project.EnvironmentVariable: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("Name"), try d.required("Value"), type: try d.optional("Type"))
    }
}

extension CodeCommit.Repository: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            repositoryName: try d.required("RepositoryName"), repositoryDescription: try d.optional("RepositoryDescription"),
            kmsKeyId: try d.optional("KmsKeyId"), code: try d.optional("Code"), triggers: try d.list("Triggers"),
            tags: try d.list("Tags"))
    }
}

extension CodeCommit.Repository.Code: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(s3: try d.required("S3"), branchName: try d.optional("BranchName"))
    }
}

extension CodeCommit.Repository.S3Location: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(bucket: try d.required("Bucket"), key: try d.required("Key"), objectVersion: try d.optional("ObjectVersion"))
    }
}

extension CodeCommit.Repository.RepositoryTrigger: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.required("Name"), destinationArn: try d.required("DestinationArn"), events: try d.required("Events"),
            branches: try d.list("Branches"), customData: try d.optional("CustomData"))
    }
}

extension CodeDeploy.Application: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            applicationName: try d.optional("ApplicationName"), computePlatform: try d.optional("ComputePlatform"),
            tags: try d.list("Tags"))
    }
}

extension CodeDeploy.DeploymentGroup: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            applicationName: try d.required("ApplicationName"), deploymentGroupName: try d.optional("DeploymentGroupName"),
            serviceRoleArn: try d.required("ServiceRoleArn"), deploymentConfigName: try d.optional("DeploymentConfigName"),
            deploymentStyle: try d.optional("DeploymentStyle"),
            blueGreenDeploymentConfiguration: try d.optional("BlueGreenDeploymentConfiguration"),
            ecsServices: try d.list("ECSServices"), loadBalancerInfo: try d.optional("LoadBalancerInfo"),
            autoRollbackConfiguration: try d.optional("AutoRollbackConfiguration"),
            alarmConfiguration: try d.optional("AlarmConfiguration"), tags: try d.list("Tags"))
    }
}

extension CodeDeploy.DeploymentGroup.AlarmConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            enabled: try d.optional("Enabled"), alarms: try d.list("Alarms", of: CodeDeploy.DeploymentGroup.Alarm.self).map(\.name),
            ignorePollAlarmFailure: try d.optional("IgnorePollAlarmFailure"))
    }
}

extension CodeDeploy.DeploymentGroup.Alarm: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Name")) }
}

extension CodeDeploy.DeploymentGroup.AutoRollbackConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(enabled: try d.optional("Enabled"), events: try d.list("Events"))
    }
}

extension CodeDeploy.DeploymentGroup.BlueGreenDeploymentConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            deploymentReadyOption: try d.optional("DeploymentReadyOption"),
            terminateBlueInstancesOnDeploymentSuccess: try d.optional("TerminateBlueInstancesOnDeploymentSuccess"),
            greenFleetProvisioningOption: try d.optional("GreenFleetProvisioningOption"))
    }
}

extension CodeDeploy.DeploymentGroup.DeploymentReadyOption: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(actionOnTimeout: try d.optional("ActionOnTimeout"), waitTimeInMinutes: try d.optional("WaitTimeInMinutes"))
    }
}

extension CodeDeploy.DeploymentGroup.BlueInstanceTerminationOption: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            action: try d.optional("Action"), terminationWaitTimeInMinutes: try d.optional("TerminationWaitTimeInMinutes"))
    }
}

extension CodeDeploy.DeploymentGroup.GreenFleetProvisioningOption: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(action: try d.optional("Action")) }
}

extension CodeDeploy.DeploymentGroup.DeploymentStyle: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(deploymentOption: try d.optional("DeploymentOption"), deploymentType: try d.optional("DeploymentType"))
    }
}

extension CodeDeploy.DeploymentGroup.ECSService: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(clusterName: try d.required("ClusterName"), serviceName: try d.required("ServiceName"))
    }
}

extension CodeDeploy.DeploymentGroup.LoadBalancerInfo: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            targetGroupPairInfoList: try d.list("TargetGroupPairInfoList"),
            targetGroupInfoList: try d.list("TargetGroupInfoList"))
    }
}

extension CodeDeploy.DeploymentGroup.TargetGroupPairInfo: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            prodTrafficRoute: try d.optional("ProdTrafficRoute"), testTrafficRoute: try d.optional("TestTrafficRoute"),
            targetGroups: try d.list("TargetGroups"))
    }
}

extension CodeDeploy.DeploymentGroup.TrafficRoute: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(listenerArns: try d.list("ListenerArns")) }
}

extension CodeDeploy.DeploymentGroup.TargetGroupInfo: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(name: try d.required("Name")) }
}

extension CodeStarConnections.Connection: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            connectionName: try d.required("ConnectionName"), providerType: try d.optional("ProviderType"),
            hostArn: try d.optional("HostArn"), tags: try d.list("Tags"))
    }
}
