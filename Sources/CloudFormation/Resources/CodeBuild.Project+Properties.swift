extension CodeBuild.Project {
    /// Build output settings.
    /// [Artifacts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html)
    public struct Artifacts: PropertyStruct, Hashable {
        /// Identifies a secondary artifact. [ArtifactIdentifier](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-artifactidentifier)
        public var artifactIdentifier: String?
        /// Leave S3 output unencrypted. [EncryptionDisabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-encryptiondisabled)
        public var encryptionDisabled: Bool?
        /// Output bucket name, for `S3`. [Location](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-location)
        public var location: Value?
        /// Output object or folder name, for `S3`. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-name)
        public var name: String?
        /// Put the build id in the output path (`BUILD_ID`) or not (`NONE`). [NamespaceType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-namespacetype)
        public var namespaceType: NamespaceType?
        /// Let the buildspec override the name. [OverrideArtifactName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-overrideartifactname)
        public var overrideArtifactName: Bool?
        /// `ZIP` or `NONE`, for `S3`. [Packaging](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-packaging)
        public var packaging: Packaging?
        /// Key prefix of the output, for `S3`. [Path](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-path)
        public var path: String?
        /// [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-type)
        public var type: ArtifactsType

        public init(
            type: ArtifactsType, location: Value? = nil, name: String? = nil, path: String? = nil,
            namespaceType: NamespaceType? = nil, packaging: Packaging? = nil, artifactIdentifier: String? = nil,
            encryptionDisabled: Bool? = nil, overrideArtifactName: Bool? = nil
        ) {
            self.type = type
            self.location = location
            self.name = name
            self.path = path
            self.namespaceType = namespaceType
            self.packaging = packaging
            self.artifactIdentifier = artifactIdentifier
            self.encryptionDisabled = encryptionDisabled
            self.overrideArtifactName = overrideArtifactName
        }

        /// Output handled by the calling pipeline.
        public static let codePipeline = Artifacts(type: .codePipeline)
        /// No build output.
        public static let noArtifacts = Artifacts(type: .noArtifacts)

        public var properties: [Field] {
            var p = Properties()
            p.set("ArtifactIdentifier", artifactIdentifier)
            p.set("EncryptionDisabled", encryptionDisabled)
            p.set("Location", location)
            p.set("Name", name)
            p.set("NamespaceType", namespaceType)
            p.set("OverrideArtifactName", overrideArtifactName)
            p.set("Packaging", packaging)
            p.set("Path", path)
            p.set("Type", type)
            return p.fields
        }

        public enum ArtifactsType: String, StringEnum {
            case codePipeline = "CODEPIPELINE"
            case noArtifacts = "NO_ARTIFACTS"
            case s3 = "S3"
        }

        public enum NamespaceType: String, StringEnum {
            case buildId = "BUILD_ID"
            case none = "NONE"
        }

        public enum Packaging: String, StringEnum {
            case none = "NONE"
            case zip = "ZIP"
        }
    }

    /// Source settings.
    /// [Source](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html)
    public struct Source: PropertyStruct, Hashable {
        /// Inline buildspec text, or the path of a buildspec file in the source. [BuildSpec](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-buildspec)
        public var buildSpec: String?
        /// Commits to fetch; full history when nil. [GitCloneDepth](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-gitclonedepth)
        public var gitCloneDepth: Int?
        /// Repository URL or S3 path; not for `CODEPIPELINE` or `NO_SOURCE`. [Location](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-location)
        public var location: Value?
        /// Report build status to the Git provider. [ReportBuildStatus](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-reportbuildstatus)
        public var reportBuildStatus: Bool?
        /// Identifies a secondary source. [SourceIdentifier](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-sourceidentifier)
        public var sourceIdentifier: String?
        /// [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-source.html#cfn-codebuild-project-source-type)
        public var type: SourceType

        public init(
            type: SourceType, buildSpec: String? = nil, location: Value? = nil, gitCloneDepth: Int? = nil,
            reportBuildStatus: Bool? = nil, sourceIdentifier: String? = nil
        ) {
            self.type = type
            self.buildSpec = buildSpec
            self.location = location
            self.gitCloneDepth = gitCloneDepth
            self.reportBuildStatus = reportBuildStatus
            self.sourceIdentifier = sourceIdentifier
        }

        /// Source handed over by the calling pipeline, built with `buildSpec`.
        public static func codePipeline(buildSpec: String? = nil) -> Source {
            Source(type: .codePipeline, buildSpec: buildSpec)
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("BuildSpec", buildSpec)
            p.set("GitCloneDepth", gitCloneDepth)
            p.set("Location", location)
            p.set("ReportBuildStatus", reportBuildStatus)
            p.set("SourceIdentifier", sourceIdentifier)
            p.set("Type", type)
            return p.fields
        }

        public enum SourceType: String, StringEnum {
            case bitbucket = "BITBUCKET"
            case codeCommit = "CODECOMMIT"
            case codePipeline = "CODEPIPELINE"
            case gitHub = "GITHUB"
            case gitHubEnterprise = "GITHUB_ENTERPRISE"
            case gitLab = "GITLAB"
            case gitLabSelfManaged = "GITLAB_SELF_MANAGED"
            case noSource = "NO_SOURCE"
            case s3 = "S3"
        }
    }

    /// Build cache.
    /// [ProjectCache](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projectcache.html)
    public struct ProjectCache: PropertyStruct, Hashable {
        /// `bucket/prefix`, for `S3`. [Location](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projectcache.html#cfn-codebuild-project-projectcache-location)
        public var location: Value?
        /// What to cache locally, for `LOCAL`. [Modes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projectcache.html#cfn-codebuild-project-projectcache-modes)
        public var modes: [Mode]
        /// [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projectcache.html#cfn-codebuild-project-projectcache-type)
        public var type: CacheType

        public init(type: CacheType, location: Value? = nil, modes: [Mode] = []) {
            self.type = type
            self.location = location
            self.modes = modes
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Location", location)
            p.set("Modes", modes)
            p.set("Type", type)
            return p.fields
        }

        public enum CacheType: String, StringEnum {
            case noCache = "NO_CACHE"
            case local = "LOCAL"
            case s3 = "S3"
        }

        public enum Mode: String, StringEnum {
            case localDockerLayerCache = "LOCAL_DOCKER_LAYER_CACHE"
            case localSourceCache = "LOCAL_SOURCE_CACHE"
            case localCustomCache = "LOCAL_CUSTOM_CACHE"
        }
    }

    /// Build log destinations.
    /// [LogsConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-logsconfig.html)
    public struct LogsConfig: PropertyStruct, Hashable {
        /// [CloudWatchLogs](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-logsconfig.html#cfn-codebuild-project-logsconfig-cloudwatchlogs)
        public var cloudWatchLogs: CloudWatchLogsConfig?
        /// [S3Logs](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-logsconfig.html#cfn-codebuild-project-logsconfig-s3logs)
        public var s3Logs: S3LogsConfig?

        public init(cloudWatchLogs: CloudWatchLogsConfig? = nil, s3Logs: S3LogsConfig? = nil) {
            self.cloudWatchLogs = cloudWatchLogs
            self.s3Logs = s3Logs
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("CloudWatchLogs", cloudWatchLogs)
            p.set("S3Logs", s3Logs)
            return p.fields
        }
    }

    /// `ENABLED` or `DISABLED`, for both log destinations.
    public enum LogsStatus: String, StringEnum {
        case enabled = "ENABLED"
        case disabled = "DISABLED"
    }

    /// [CloudWatchLogsConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-cloudwatchlogsconfig.html)
    public struct CloudWatchLogsConfig: PropertyStruct, Hashable {
        /// Log group name. [GroupName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-cloudwatchlogsconfig.html#cfn-codebuild-project-cloudwatchlogsconfig-groupname)
        public var groupName: Value?
        /// [Status](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-cloudwatchlogsconfig.html#cfn-codebuild-project-cloudwatchlogsconfig-status)
        public var status: LogsStatus
        /// Log stream name prefix. [StreamName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-cloudwatchlogsconfig.html#cfn-codebuild-project-cloudwatchlogsconfig-streamname)
        public var streamName: String?

        public init(status: LogsStatus, groupName: Value? = nil, streamName: String? = nil) {
            self.status = status
            self.groupName = groupName
            self.streamName = streamName
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("GroupName", groupName)
            p.set("Status", status)
            p.set("StreamName", streamName)
            return p.fields
        }
    }

    /// [S3LogsConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-s3logsconfig.html)
    public struct S3LogsConfig: PropertyStruct, Hashable {
        /// Leave the S3 logs unencrypted. [EncryptionDisabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-s3logsconfig.html#cfn-codebuild-project-s3logsconfig-encryptiondisabled)
        public var encryptionDisabled: Bool?
        /// `bucket/prefix`. [Location](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-s3logsconfig.html#cfn-codebuild-project-s3logsconfig-location)
        public var location: Value?
        /// [Status](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-s3logsconfig.html#cfn-codebuild-project-s3logsconfig-status)
        public var status: LogsStatus

        public init(status: LogsStatus, location: Value? = nil, encryptionDisabled: Bool? = nil) {
            self.status = status
            self.location = location
            self.encryptionDisabled = encryptionDisabled
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("EncryptionDisabled", encryptionDisabled)
            p.set("Location", location)
            p.set("Status", status)
            return p.fields
        }
    }
}

extension CodeBuild.Project {
    /// The VPC a project's builds run in: CodeBuild creates a network interface in one of the
    /// subnets for each build.
    /// [VpcConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html)
    public struct VpcConfig: PropertyStruct, Hashable {
        /// At most 5. [SecurityGroupIds](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html#cfn-codebuild-project-vpcconfig-securitygroupids)
        public var securityGroupIds: [Value]
        /// At most 16. [Subnets](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html#cfn-codebuild-project-vpcconfig-subnets)
        public var subnets: [Value]
        /// [VpcId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html#cfn-codebuild-project-vpcconfig-vpcid)
        public var vpcId: Value?

        public init(vpcId: Value?, subnets: [Value], securityGroupIds: [Value]) {
            self.vpcId = vpcId
            self.subnets = subnets
            self.securityGroupIds = securityGroupIds
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("SecurityGroupIds", securityGroupIds)
            p.set("Subnets", subnets)
            p.set("VpcId", vpcId)
            return p.fields
        }
    }
}
