extension CodePipeline.Action {
    /// A `CodeCommit` source: a branch of a CodeCommit repository.
    /// [CodeCommit configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html#action-reference-CodeCommit-config)
    public struct CodeCommit: CodePipeline.ActionConfiguration {
        public static let provider = "CodeCommit"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .source }

        /// The repository whose changes are detected.
        public var repositoryName: Value
        /// The branch whose changes are detected.
        public var branchName: String
        /// False when an EventBridge rule starts the pipeline instead (CodePipeline polls when nil).
        public var pollForSourceChanges: Bool?
        /// `CODE_ZIP` when nil.
        public var outputArtifactFormat: OutputArtifactFormat?

        public init(
            repositoryName: Value, branchName: String, pollForSourceChanges: Bool? = nil,
            outputArtifactFormat: OutputArtifactFormat? = nil
        ) {
            self.repositoryName = repositoryName
            self.branchName = branchName
            self.pollForSourceChanges = pollForSourceChanges
            self.outputArtifactFormat = outputArtifactFormat
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("RepositoryName", repositoryName)
            p.set("BranchName", branchName)
            p.set("PollForSourceChanges", pollForSourceChanges)
            p.set("OutputArtifactFormat", outputArtifactFormat)
            return p.fields
        }
    }

    /// A `CodeStarSourceConnection` source: a branch of a GitHub, GitLab or Bitbucket
    /// repository, through a CodeConnections connection.
    /// [CodeStarSourceConnection configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html#action-reference-CodestarConnectionSource-config)
    public struct CodeStarSourceConnection: CodePipeline.ActionConfiguration {
        public static let provider = "CodeStarSourceConnection"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .source }

        /// The connection, authorized for the repository's provider.
        public var connectionArn: Value
        /// `owner/name` of the repository.
        public var fullRepositoryId: String
        /// The branch whose changes are detected.
        public var branchName: String
        /// `CODE_ZIP` when nil.
        public var outputArtifactFormat: OutputArtifactFormat?
        /// False when triggers or nothing start the pipeline instead of each push (true when nil).
        public var detectChanges: Bool?

        public init(
            connectionArn: Value, fullRepositoryId: String, branchName: String,
            outputArtifactFormat: OutputArtifactFormat? = nil, detectChanges: Bool? = nil
        ) {
            self.connectionArn = connectionArn
            self.fullRepositoryId = fullRepositoryId
            self.branchName = branchName
            self.outputArtifactFormat = outputArtifactFormat
            self.detectChanges = detectChanges
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("ConnectionArn", connectionArn)
            p.set("FullRepositoryId", fullRepositoryId)
            p.set("BranchName", branchName)
            p.set("OutputArtifactFormat", outputArtifactFormat)
            p.set("DetectChanges", detectChanges)
            return p.fields
        }
    }

    /// An `ECR` source: an image tag pushed to a repository.
    /// [ECR configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECR.html#action-reference-ECR-config)
    /// (which lists `ImageTag` first; pipegen's templates have always named the repository first,
    /// and the keys form a map, so that order is kept).
    public struct ECR: CodePipeline.ActionConfiguration {
        public static let provider = "ECR"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .source }

        /// The repository the image is pushed to.
        public var repositoryName: Value
        /// The tag whose pushes start the pipeline.
        public var imageTag: String

        public init(repositoryName: Value, imageTag: String) {
            self.repositoryName = repositoryName
            self.imageTag = imageTag
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("RepositoryName", repositoryName)
            p.set("ImageTag", imageTag)
            return p.fields
        }
    }

    /// The `OutputArtifactFormat` of a source action.
    public enum OutputArtifactFormat: String, StringEnum {
        /// A zip of the commit (the default).
        case codeZip = "CODE_ZIP"
        /// A reference that CodeBuild actions, and only they, clone with its Git metadata.
        case codeBuildCloneRef = "CODEBUILD_CLONE_REF"
    }
}
