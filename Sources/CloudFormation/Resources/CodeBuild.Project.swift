extension CodeBuild {
    /// `AWS::CodeBuild::Project`. Nested property types are in `CodeBuild.Project+Properties.swift`.
    /// [AWS::CodeBuild::Project](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html)
    public struct Project: ResourceModel {
        public static let typeName = "AWS::CodeBuild::Project"

        /// `Ref` is the project name; the `Arn` is under `project/`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#aws-resource-codebuild-project-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("codebuild", prefix: "project/"))
        /// The `Name` property.
        public var physicalName: Value? { name }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "Name"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says
        /// ([VpcConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codebuild-project-vpcconfig.html):
        /// no interruption for each of its properties).
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Name"],
            noInterruption: [
                "Artifacts", "BadgeEnabled", "Cache", "ConcurrentBuildLimit", "Description", "EncryptionKey",
                "Environment", "LogsConfig", "QueuedTimeoutInMinutes", "ServiceRole", "Source", "SourceVersion", "Tags",
                "TimeoutInMinutes", "VpcConfig",
            ])

        /// Build output; `CODEPIPELINE` when run by a pipeline. [Artifacts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-artifacts)
        public var artifacts: Artifacts
        /// A public build badge URL; not for `CODEPIPELINE` sources. [BadgeEnabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-badgeenabled)
        public var badgeEnabled: Bool?
        /// Build cache. [Cache](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-cache)
        public var cache: ProjectCache?
        /// Most builds of this project at once. [ConcurrentBuildLimit](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-concurrentbuildlimit)
        public var concurrentBuildLimit: Int?
        /// [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-description)
        public var description: String?
        /// KMS key (ARN or `alias/...`) for build output; the S3 managed key when nil. [EncryptionKey](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-encryptionkey)
        public var encryptionKey: Value?
        /// Image, compute type and variables. [Environment](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-environment)
        public var environment: Environment
        /// Where build logs go. [LogsConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-logsconfig)
        public var logsConfig: LogsConfig?
        /// A fixed name (2 to 255 characters); generated when nil. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-name)
        public var name: Value?
        /// Minutes (5 to 480) a build may wait in the queue. [QueuedTimeoutInMinutes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-queuedtimeoutinminutes)
        public var queuedTimeoutInMinutes: Int?
        /// ARN of the role builds run as. [ServiceRole](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-servicerole)
        public var serviceRole: Value
        /// Where the source comes from and the buildspec. [Source](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-source)
        public var source: Source
        /// Branch, tag or commit to build when none is given. [SourceVersion](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-sourceversion)
        public var sourceVersion: String?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-tags)
        public var tags: [Tag]
        /// Minutes (5 to 480, default 60) before a build is stopped. [TimeoutInMinutes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-timeoutinminutes)
        public var timeoutInMinutes: Int?
        /// The VPC the builds run in. [VpcConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-vpcconfig)
        public var vpcConfig: VpcConfig?

        public init(
            name: Value? = nil, description: String? = nil, serviceRole: Value, artifacts: Artifacts,
            source: Source, environment: Environment, encryptionKey: Value? = nil, logsConfig: LogsConfig? = nil,
            timeoutInMinutes: Int? = nil, queuedTimeoutInMinutes: Int? = nil, concurrentBuildLimit: Int? = nil,
            cache: ProjectCache? = nil, sourceVersion: String? = nil, badgeEnabled: Bool? = nil, tags: [Tag] = []
        ) {
            self.name = name
            self.description = description
            self.serviceRole = serviceRole
            self.artifacts = artifacts
            self.source = source
            self.environment = environment
            self.encryptionKey = encryptionKey
            self.logsConfig = logsConfig
            self.timeoutInMinutes = timeoutInMinutes
            self.queuedTimeoutInMinutes = queuedTimeoutInMinutes
            self.concurrentBuildLimit = concurrentBuildLimit
            self.cache = cache
            self.sourceVersion = sourceVersion
            self.badgeEnabled = badgeEnabled
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Artifacts", artifacts)
            p.set("BadgeEnabled", badgeEnabled)
            p.set("Cache", cache)
            p.set("ConcurrentBuildLimit", concurrentBuildLimit)
            p.set("Description", description)
            p.set("EncryptionKey", encryptionKey)
            p.set("Environment", environment)
            p.set("LogsConfig", logsConfig)
            p.set("Name", name)
            p.set("QueuedTimeoutInMinutes", queuedTimeoutInMinutes)
            p.set("ServiceRole", serviceRole)
            p.set("Source", source)
            p.set("SourceVersion", sourceVersion)
            p.set("Tags", tags)
            p.set("TimeoutInMinutes", timeoutInMinutes)
            p.set("VpcConfig", vpcConfig)
            return p.fields
        }
    }
}
