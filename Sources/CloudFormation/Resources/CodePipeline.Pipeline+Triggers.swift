extension CodePipeline.Pipeline {
    /// What starts the pipeline from a connection source action (V2 pipelines).
    /// [PipelineTriggerDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-pipelinetriggerdeclaration.html)
    public struct PipelineTriggerDeclaration: PropertyStruct, Hashable {
        /// [GitConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-pipelinetriggerdeclaration.html#cfn-codepipeline-pipeline-pipelinetriggerdeclaration-gitconfiguration)
        public var gitConfiguration: GitConfiguration?
        /// `CodeStarSourceConnection`, the only type. [ProviderType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-pipelinetriggerdeclaration.html#cfn-codepipeline-pipeline-pipelinetriggerdeclaration-providertype)
        public var providerType: String

        /// A trigger on a `CodeStarSourceConnection` source action.
        public init(gitConfiguration: GitConfiguration) {
            self.gitConfiguration = gitConfiguration
            self.providerType = "CodeStarSourceConnection"
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("GitConfiguration", gitConfiguration)
            p.set("ProviderType", providerType)
            return p.fields
        }
    }

    /// [GitConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitconfiguration.html)
    public struct GitConfiguration: PropertyStruct, Hashable {
        /// Pull request filters (at most 3). [PullRequest](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitconfiguration.html#cfn-codepipeline-pipeline-gitconfiguration-pullrequest)
        public var pullRequest: [GitPullRequestFilter]
        /// Push filters (at most 3). [Push](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitconfiguration.html#cfn-codepipeline-pipeline-gitconfiguration-push)
        public var push: [GitPushFilter]
        /// The source action the trigger starts. [SourceActionName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitconfiguration.html#cfn-codepipeline-pipeline-gitconfiguration-sourceactionname)
        public var sourceActionName: String

        public init(sourceActionName: String, push: [GitPushFilter] = [], pullRequest: [GitPullRequestFilter] = []) {
            self.sourceActionName = sourceActionName
            self.push = push
            self.pullRequest = pullRequest
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("PullRequest", pullRequest)
            p.set("Push", push)
            p.set("SourceActionName", sourceActionName)
            return p.fields
        }
    }

    /// [GitPushFilter](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpushfilter.html)
    public struct GitPushFilter: PropertyStruct, Hashable {
        /// [Branches](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpushfilter.html#cfn-codepipeline-pipeline-gitpushfilter-branches)
        public var branches: GitFilterCriteria?
        /// [FilePaths](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpushfilter.html#cfn-codepipeline-pipeline-gitpushfilter-filepaths)
        public var filePaths: GitFilterCriteria?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpushfilter.html#cfn-codepipeline-pipeline-gitpushfilter-tags)
        public var tags: GitFilterCriteria?

        public init(branches: GitFilterCriteria? = nil, filePaths: GitFilterCriteria? = nil, tags: GitFilterCriteria? = nil) {
            self.branches = branches
            self.filePaths = filePaths
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Branches", branches)
            p.set("FilePaths", filePaths)
            p.set("Tags", tags)
            return p.fields
        }
    }

    /// [GitPullRequestFilter](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpullrequestfilter.html)
    public struct GitPullRequestFilter: PropertyStruct, Hashable {
        /// Target branches. [Branches](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpullrequestfilter.html#cfn-codepipeline-pipeline-gitpullrequestfilter-branches)
        public var branches: GitFilterCriteria?
        /// Which pull request events; all when empty. [Events](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpullrequestfilter.html#cfn-codepipeline-pipeline-gitpullrequestfilter-events)
        public var events: [Event]
        /// [FilePaths](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitpullrequestfilter.html#cfn-codepipeline-pipeline-gitpullrequestfilter-filepaths)
        public var filePaths: GitFilterCriteria?

        public init(branches: GitFilterCriteria? = nil, events: [Event] = [], filePaths: GitFilterCriteria? = nil) {
            self.branches = branches
            self.events = events
            self.filePaths = filePaths
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Branches", branches)
            p.set("Events", events)
            p.set("FilePaths", filePaths)
            return p.fields
        }

        public enum Event: String, StringEnum {
            case open = "OPEN"
            case updated = "UPDATED"
            case closed = "CLOSED"
        }
    }

    /// Glob patterns to include and exclude: branches, file paths or tags (three property
    /// types of one shape).
    /// [GitBranchFilterCriteria](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitbranchfiltercriteria.html)
    ///   also [GitFilePathFilterCriteria](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitfilepathfiltercriteria.html)
    ///   also [GitTagFilterCriteria](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gittagfiltercriteria.html)
    public struct GitFilterCriteria: PropertyStruct, Hashable {
        /// Patterns that exclude (at most 8). [Excludes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitbranchfiltercriteria.html#cfn-codepipeline-pipeline-gitbranchfiltercriteria-excludes)
        public var excludes: [String]
        /// Patterns that include (at most 8). [Includes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-gitbranchfiltercriteria.html#cfn-codepipeline-pipeline-gitbranchfiltercriteria-includes)
        public var includes: [String]

        public init(includes: [String] = [], excludes: [String] = []) {
            self.includes = includes
            self.excludes = excludes
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Excludes", excludes)
            p.set("Includes", includes)
            return p.fields
        }
    }
}
