extension CodePipeline.Pipeline {
    /// One stage.
    /// [StageDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html)
    public struct StageDeclaration: PropertyStruct, Hashable {
        /// At least one action. [Actions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-actions)
        public var actions: [ActionDeclaration]
        /// Gate checked before the stage runs (V2). [BeforeEntry](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-beforeentry)
        public var beforeEntry: Conditions?
        /// Reserved for future use by AWS. [Blockers](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-blockers)
        public var blockers: [BlockerDeclaration]
        /// Unique in the pipeline. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-name)
        public var name: String
        /// What happens when the stage fails (V2). [OnFailure](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-onfailure)
        public var onFailure: FailureConditions?
        /// Checks run after the stage succeeds (V2). [OnSuccess](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagedeclaration.html#cfn-codepipeline-pipeline-stagedeclaration-onsuccess)
        public var onSuccess: Conditions?

        public init(
            name: String, actions: [ActionDeclaration], beforeEntry: Conditions? = nil,
            onFailure: FailureConditions? = nil, onSuccess: Conditions? = nil, blockers: [BlockerDeclaration] = []
        ) {
            self.name = name
            self.actions = actions
            self.beforeEntry = beforeEntry
            self.onFailure = onFailure
            self.onSuccess = onSuccess
            self.blockers = blockers
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Actions", actions)
            p.set("BeforeEntry", beforeEntry)
            p.set("Blockers", blockers)
            p.set("Name", name)
            p.set("OnFailure", onFailure)
            p.set("OnSuccess", onSuccess)
            return p.fields
        }
    }

    /// One action of a stage.
    /// [ActionDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html)
    public struct ActionDeclaration: PropertyStruct, Hashable {
        /// Which action, from its configuration's type. [ActionTypeId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-actiontypeid)
        public var actionTypeId: ActionTypeId { configuration.actionTypeId }
        /// Shell commands, for the `Commands` compute action. [Commands](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-commands)
        public var commands: [String]
        /// The provider's settings, typed per provider. [Configuration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-configuration)
        public var configuration: any CodePipeline.ActionConfiguration {
            get { boxed.base }
            set { boxed = AnyConfiguration(base: newValue) }
        }
        private var boxed: AnyConfiguration
        /// [InputArtifacts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-inputartifacts)
        public var inputArtifacts: [InputArtifact]
        /// Unique in the stage. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-name)
        public var name: String
        /// Prefix of the action's output variables, as in `#{Namespace.Var}`. [Namespace](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-namespace)
        public var namespace: String?
        /// [OutputArtifacts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-outputartifacts)
        public var outputArtifacts: [OutputArtifact]
        /// Region the action runs in (cross-Region actions need `ArtifactStores`). [Region](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-region)
        public var region: Value?
        /// Role the pipeline assumes to run the action, such as one in another account. [RoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-rolearn)
        public var roleArn: Value?
        /// Actions with equal run order run in parallel; 1 when nil. [RunOrder](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-runorder)
        public var runOrder: Int?
        /// Minutes before the action times out (5 to 86400). [TimeoutInMinutes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiondeclaration.html#cfn-codepipeline-pipeline-actiondeclaration-timeoutinminutes)
        public var timeoutInMinutes: Int?

        public init(
            name: String, configuration: any CodePipeline.ActionConfiguration, inputArtifacts: [String] = [],
            outputArtifacts: [String] = [], roleArn: Value? = nil, region: Value? = nil, runOrder: Int? = nil,
            namespace: String? = nil, timeoutInMinutes: Int? = nil, commands: [String] = []
        ) {
            self.name = name
            self.boxed = AnyConfiguration(base: configuration)
            self.inputArtifacts = inputArtifacts.map(InputArtifact.init)
            self.outputArtifacts = outputArtifacts.map { OutputArtifact($0) }
            self.roleArn = roleArn
            self.region = region
            self.runOrder = runOrder
            self.namespace = namespace
            self.timeoutInMinutes = timeoutInMinutes
            self.commands = commands
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ActionTypeId", actionTypeId)
            p.set("Commands", commands)
            p.set("Configuration", fields: configuration.fields)
            p.set("InputArtifacts", inputArtifacts)
            p.set("Name", name)
            p.set("Namespace", namespace)
            p.set("OutputArtifacts", outputArtifacts)
            p.set("Region", region)
            p.set("RoleArn", roleArn)
            p.set("RunOrder", runOrder)
            p.set("TimeoutInMinutes", timeoutInMinutes)
            return p.fields
        }

        /// The configuration as `T`, when the action is of that provider.
        public func configuration<T: CodePipeline.ActionConfiguration>(as _: T.Type) -> T? { configuration as? T }
    }

    /// [ActionTypeId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiontypeid.html)
    public struct ActionTypeId: PropertyStruct, Hashable {
        /// [Category](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiontypeid.html#cfn-codepipeline-pipeline-actiontypeid-category)
        public var category: Category
        /// `AWS`, `ThirdParty` or `Custom`. [Owner](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiontypeid.html#cfn-codepipeline-pipeline-actiontypeid-owner)
        public var owner: Owner
        /// Such as `CodeBuild` or `CloudFormation`. [Provider](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiontypeid.html#cfn-codepipeline-pipeline-actiontypeid-provider)
        public var provider: String
        /// `1` for the AWS providers. [Version](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-actiontypeid.html#cfn-codepipeline-pipeline-actiontypeid-version)
        public var version: String

        public init(category: Category, owner: Owner = .aws, provider: String, version: String = "1") {
            self.category = category
            self.owner = owner
            self.provider = provider
            self.version = version
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Category", category)
            p.set("Owner", owner)
            p.set("Provider", provider)
            p.set("Version", version)
            return p.fields
        }

        public enum Category: String, StringEnum {
            case source = "Source"
            case build = "Build"
            case test = "Test"
            case deploy = "Deploy"
            case invoke = "Invoke"
            case approval = "Approval"
            case compute = "Compute"
        }

        public enum Owner: String, StringEnum {
            case aws = "AWS"
            case thirdParty = "ThirdParty"
            case custom = "Custom"
        }
    }

    /// [InputArtifact](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-inputartifact.html)
    public struct InputArtifact: PropertyStruct, Hashable {
        /// An output artifact of an earlier action. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-inputartifact.html#cfn-codepipeline-pipeline-inputartifact-name)
        public var name: String

        public init(_ name: String) { self.name = name }

        public var properties: [Field] { [Field("Name", .string(name))] }
    }

    /// [OutputArtifact](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-outputartifact.html)
    public struct OutputArtifact: PropertyStruct, Hashable {
        /// Paths to keep, for the `Commands` action. [Files](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-outputartifact.html#cfn-codepipeline-pipeline-outputartifact-files)
        public var files: [String]
        /// Unique in the pipeline. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-outputartifact.html#cfn-codepipeline-pipeline-outputartifact-name)
        public var name: String

        public init(_ name: String, files: [String] = []) {
            self.name = name
            self.files = files
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Files", files)
            p.set("Name", name)
            return p.fields
        }
    }

    /// [BlockerDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-blockerdeclaration.html)
    public struct BlockerDeclaration: PropertyStruct, Hashable {
        /// [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-blockerdeclaration.html#cfn-codepipeline-pipeline-blockerdeclaration-name)
        public var name: String
        /// `Schedule`, the only type. [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-blockerdeclaration.html#cfn-codepipeline-pipeline-blockerdeclaration-type)
        public var type: String

        /// A `Schedule` blocker.
        public init(schedule name: String) {
            self.name = name
            self.type = "Schedule"
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Name", name)
            p.set("Type", type)
            return p.fields
        }
    }
}
