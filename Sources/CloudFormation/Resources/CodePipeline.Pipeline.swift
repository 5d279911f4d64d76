extension CodePipeline {
    /// `AWS::CodePipeline::Pipeline`. Stages and actions are in `CodePipeline.Pipeline+Stages.swift`,
    /// triggers in `CodePipeline.Pipeline+Triggers.swift`.
    /// [AWS::CodePipeline::Pipeline](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html)
    public struct Pipeline: ResourceModel {
        public static let typeName = "AWS::CodePipeline::Pipeline"

        /// `Ref` is the pipeline name; there is no `Arn` attribute (only `Version`).
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#aws-resource-codepipeline-pipeline-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName)
        /// The `Name` property.
        public var physicalName: Value? { name }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "Name"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Name"],
            noInterruption: [
                "ArtifactStore", "ArtifactStores", "DisableInboundStageTransitions", "ExecutionMode", "PipelineType",
                "RestartExecutionOnUpdate", "RoleArn", "Stages", "Tags", "Triggers", "Variables",
            ])

        /// The artifact bucket, for a single-Region pipeline; give this or `artifactStores`. [ArtifactStore](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-artifactstore)
        public var artifactStore: ArtifactStore?
        /// One artifact bucket per Region, for a cross-Region pipeline. [ArtifactStores](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-artifactstores)
        public var artifactStores: [ArtifactStoreMap]
        /// Transitions into these stages start disabled. [DisableInboundStageTransitions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-disableinboundstagetransitions)
        public var disableInboundStageTransitions: [StageTransition]
        /// How overlapping executions run; `SUPERSEDED` when nil. `QUEUED` and `PARALLEL` need V2. [ExecutionMode](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-executionmode)
        public var executionMode: ExecutionMode?
        /// A fixed name; generated when nil. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-name)
        public var name: Value?
        /// `V2` for triggers, variables and the newer execution modes. [PipelineType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-pipelinetype)
        public var pipelineType: PipelineType?
        /// Start an execution when the pipeline is updated. [RestartExecutionOnUpdate](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-restartexecutiononupdate)
        public var restartExecutionOnUpdate: Bool?
        /// ARN of the pipeline's service role. [RoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-rolearn)
        public var roleArn: Value
        /// At least two stages; the first holds only source actions. [Stages](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-stages)
        public var stages: [StageDeclaration]
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-tags)
        public var tags: [Tag]
        /// Git push / pull request filters for connection sources (V2). [Triggers](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-triggers)
        public var triggers: [PipelineTriggerDeclaration]
        /// Pipeline-level variables (V2). [Variables](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html#cfn-codepipeline-pipeline-variables)
        public var variables: [VariableDeclaration]

        public init(
            name: Value? = nil, roleArn: Value, pipelineType: PipelineType? = nil, executionMode: ExecutionMode? = nil,
            artifactStore: ArtifactStore? = nil, artifactStores: [ArtifactStoreMap] = [], stages: [StageDeclaration],
            triggers: [PipelineTriggerDeclaration] = [], variables: [VariableDeclaration] = [],
            disableInboundStageTransitions: [StageTransition] = [], restartExecutionOnUpdate: Bool? = nil,
            tags: [Tag] = []
        ) {
            self.name = name
            self.roleArn = roleArn
            self.pipelineType = pipelineType
            self.executionMode = executionMode
            self.artifactStore = artifactStore
            self.artifactStores = artifactStores
            self.stages = stages
            self.triggers = triggers
            self.variables = variables
            self.disableInboundStageTransitions = disableInboundStageTransitions
            self.restartExecutionOnUpdate = restartExecutionOnUpdate
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ArtifactStore", artifactStore)
            p.set("ArtifactStores", artifactStores)
            p.set("DisableInboundStageTransitions", disableInboundStageTransitions)
            p.set("ExecutionMode", executionMode)
            p.set("Name", name)
            p.set("PipelineType", pipelineType)
            p.set("RestartExecutionOnUpdate", restartExecutionOnUpdate)
            p.set("RoleArn", roleArn)
            p.set("Stages", stages)
            p.set("Tags", tags)
            p.set("Triggers", triggers)
            p.set("Variables", variables)
            return p.fields
        }

        public enum PipelineType: String, StringEnum {
            case v1 = "V1"
            case v2 = "V2"
        }

        public enum ExecutionMode: String, StringEnum {
            case queued = "QUEUED"
            case superseded = "SUPERSEDED"
            case parallel = "PARALLEL"
        }

        /// Where artifacts are kept.
        /// [ArtifactStore](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstore.html)
        public struct ArtifactStore: PropertyStruct, Hashable {
            /// The customer managed key; the AWS managed S3 key when nil (which other accounts cannot use). [EncryptionKey](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstore.html#cfn-codepipeline-pipeline-artifactstore-encryptionkey)
            public var encryptionKey: EncryptionKey?
            /// Bucket name, in the pipeline's Region (or the map entry's). [Location](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstore.html#cfn-codepipeline-pipeline-artifactstore-location)
            public var location: Value
            /// `S3`, the only type. [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstore.html#cfn-codepipeline-pipeline-artifactstore-type)
            public var type: String

            /// An S3 artifact store.
            public init(location: Value, encryptionKey: EncryptionKey? = nil) {
                self.location = location
                self.encryptionKey = encryptionKey
                self.type = "S3"
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("EncryptionKey", encryptionKey)
                p.set("Location", location)
                p.set("Type", type)
                return p.fields
            }
        }

        /// [EncryptionKey](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-encryptionkey.html)
        public struct EncryptionKey: PropertyStruct, Hashable {
            /// Key ARN (required for cross-account use), id or alias ARN. [Id](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-encryptionkey.html#cfn-codepipeline-pipeline-encryptionkey-id)
            public var id: Value
            /// `KMS`, the only type. [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-encryptionkey.html#cfn-codepipeline-pipeline-encryptionkey-type)
            public var type: String

            /// A KMS key.
            public init(kms id: Value) {
                self.id = id
                self.type = "KMS"
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Id", id)
                p.set("Type", type)
                return p.fields
            }
        }

        /// [ArtifactStoreMap](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstoremap.html)
        public struct ArtifactStoreMap: PropertyStruct, Hashable {
            /// [ArtifactStore](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstoremap.html#cfn-codepipeline-pipeline-artifactstoremap-artifactstore)
            public var artifactStore: ArtifactStore
            /// The Region of the bucket and of the actions that use it. [Region](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-artifactstoremap.html#cfn-codepipeline-pipeline-artifactstoremap-region)
            public var region: Value

            public init(region: Value, artifactStore: ArtifactStore) {
                self.region = region
                self.artifactStore = artifactStore
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("ArtifactStore", artifactStore)
                p.set("Region", region)
                return p.fields
            }
        }

        /// [StageTransition](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagetransition.html)
        public struct StageTransition: PropertyStruct, Hashable {
            /// Why the transition is disabled. [Reason](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagetransition.html#cfn-codepipeline-pipeline-stagetransition-reason)
            public var reason: String
            /// [StageName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagetransition.html#cfn-codepipeline-pipeline-stagetransition-stagename)
            public var stageName: String

            public init(stageName: String, reason: String) {
                self.stageName = stageName
                self.reason = reason
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Reason", reason)
                p.set("StageName", stageName)
                return p.fields
            }
        }

        /// [VariableDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-variabledeclaration.html)
        public struct VariableDeclaration: PropertyStruct, Hashable {
            /// [DefaultValue](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-variabledeclaration.html#cfn-codepipeline-pipeline-variabledeclaration-defaultvalue)
            public var defaultValue: String?
            /// [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-variabledeclaration.html#cfn-codepipeline-pipeline-variabledeclaration-description)
            public var description: String?
            /// Used as `#{variables.Name}`. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-variabledeclaration.html#cfn-codepipeline-pipeline-variabledeclaration-name)
            public var name: String

            public init(name: String, defaultValue: String? = nil, description: String? = nil) {
                self.name = name
                self.defaultValue = defaultValue
                self.description = description
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("DefaultValue", defaultValue)
                p.set("Description", description)
                p.set("Name", name)
                return p.fields
            }
        }
    }
}
