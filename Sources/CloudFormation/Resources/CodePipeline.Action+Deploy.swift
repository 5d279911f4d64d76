extension CodePipeline.Action {
    /// A `CloudFormation` action: deploys a stack, or creates or executes a change set.
    /// [CloudFormation configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html#action-reference-CloudFormation-config)
    /// (which lists the keys alphabetically after `ActionMode` and `StackName`; pipegen's
    /// templates have always had the order below, and the keys form a map, so it is kept).
    public struct CloudFormation: CodePipeline.ActionConfiguration {
        public static let provider = "CloudFormation"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .deploy }

        /// What CloudFormation does with the stack or change set.
        public var actionMode: ActionMode
        /// The stack to create, update or delete.
        public var stackName: Value
        /// Needed by `CHANGE_SET_REPLACE` and `CHANGE_SET_EXECUTE`, ignored by the others.
        public var changeSetName: String?
        /// `Artifact::path` of the template; needed where a template is deployed.
        public var templatePath: String?
        /// `Artifact::path` of a template configuration file (parameters, tags, stack policy).
        public var templateConfiguration: String?
        /// Written comma-separated, as the reference asks.
        public var capabilities: [Capability]
        /// The role CloudFormation assumes for the stack; not used when executing a change set.
        public var roleArn: Value?
        /// A file of the stack's outputs, added to the output artifact.
        public var outputFileName: String?
        /// JSON object of parameter values that override the template configuration's.
        public var parameterOverrides: Value?

        public init(
            _ actionMode: ActionMode, stackName: Value, changeSetName: String? = nil, templatePath: String? = nil,
            templateConfiguration: String? = nil, capabilities: [Capability] = [], roleArn: Value? = nil,
            outputFileName: String? = nil, parameterOverrides: Value? = nil
        ) {
            self.actionMode = actionMode
            self.stackName = stackName
            self.changeSetName = changeSetName
            self.templatePath = templatePath
            self.templateConfiguration = templateConfiguration
            self.capabilities = capabilities
            self.roleArn = roleArn
            self.outputFileName = outputFileName
            self.parameterOverrides = parameterOverrides
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("ActionMode", actionMode)
            p.set("StackName", stackName)
            p.set("ChangeSetName", changeSetName)
            p.set("TemplatePath", templatePath)
            p.set("TemplateConfiguration", templateConfiguration)
            p.set("Capabilities", capabilities.isEmpty ? nil : capabilities.map(\.rawValue).joined(separator: ","))
            p.set("RoleArn", roleArn)
            p.set("OutputFileName", outputFileName)
            p.set("ParameterOverrides", parameterOverrides)
            return p.fields
        }

        /// What the action does.
        public enum ActionMode: String, StringEnum {
            case changeSetExecute = "CHANGE_SET_EXECUTE"
            case changeSetReplace = "CHANGE_SET_REPLACE"
            case createUpdate = "CREATE_UPDATE"
            case deleteOnly = "DELETE_ONLY"
            case replaceOnFailure = "REPLACE_ON_FAILURE"
        }

        /// What the template may do without further acknowledgement.
        public struct Capability: OpenStringEnum {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let iam = Capability(rawValue: "CAPABILITY_IAM")
            public static let namedIAM = Capability(rawValue: "CAPABILITY_NAMED_IAM")
            public static let autoExpand = Capability(rawValue: "CAPABILITY_AUTO_EXPAND")
        }
    }

    /// A `CodeDeployToECS` action: a blue/green deployment of an ECS service through CodeDeploy.
    /// [CodeDeployToECS configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html#action-reference-ECSbluegreen-config)
    /// (which lists both artifacts before both paths; pipegen's templates have always paired each
    /// artifact with its path, and the keys form a map, so that order is kept).
    public struct CodeDeployToECS: CodePipeline.ActionConfiguration {
        public static let provider = "CodeDeployToECS"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .deploy }

        /// The CodeDeploy application.
        public var applicationName: Value
        /// Its deployment group for the ECS service.
        public var deploymentGroupName: Value
        /// The input artifact holding the task definition.
        public var taskDefinitionTemplateArtifact: String
        /// `taskdef.json` when nil.
        public var taskDefinitionTemplatePath: String?
        /// The input artifact holding the AppSpec file.
        public var appSpecTemplateArtifact: String
        /// `appspec.yaml` when nil.
        public var appSpecTemplatePath: String?
        /// Up to four images, written as `Image1...` to `Image4...`.
        public var images: [Image]

        public init(
            applicationName: Value, deploymentGroupName: Value, taskDefinitionTemplateArtifact: String,
            taskDefinitionTemplatePath: String? = nil, appSpecTemplateArtifact: String,
            appSpecTemplatePath: String? = nil, images: [Image] = []
        ) {
            self.applicationName = applicationName
            self.deploymentGroupName = deploymentGroupName
            self.taskDefinitionTemplateArtifact = taskDefinitionTemplateArtifact
            self.taskDefinitionTemplatePath = taskDefinitionTemplatePath
            self.appSpecTemplateArtifact = appSpecTemplateArtifact
            self.appSpecTemplatePath = appSpecTemplatePath
            self.images = images
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("ApplicationName", applicationName)
            p.set("DeploymentGroupName", deploymentGroupName)
            p.set("TaskDefinitionTemplateArtifact", taskDefinitionTemplateArtifact)
            p.set("TaskDefinitionTemplatePath", taskDefinitionTemplatePath)
            p.set("AppSpecTemplateArtifact", appSpecTemplateArtifact)
            p.set("AppSpecTemplatePath", appSpecTemplatePath)
            for (i, image) in images.enumerated() {
                p.set("Image\(i + 1)ArtifactName", image.artifactName)
                p.set("Image\(i + 1)ContainerName", image.containerName)
            }
            return p.fields
        }

        /// An image the deployment puts into the task definition.
        public struct Image: Hashable, Sendable {
            /// The input artifact holding the image's `imageDetail.json` (an ECR source's output).
            public var artifactName: String
            /// The placeholder in the task definition that the image URI replaces.
            public var containerName: String

            public init(artifactName: String, containerName: String) {
                self.artifactName = artifactName
                self.containerName = containerName
            }
        }
    }
}
