import YAMLKit

// Decoding the CodePipeline types back from their lowered values (see `Decoding.swift`). An
// action's configuration is decoded as the provider its `ActionTypeId` names.

extension CodePipeline.Pipeline: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.optional("Name"), roleArn: try d.required("RoleArn"), pipelineType: try d.optional("PipelineType"),
            executionMode: try d.optional("ExecutionMode"), artifactStore: try d.optional("ArtifactStore"),
            artifactStores: try d.list("ArtifactStores"), stages: try d.required("Stages"),
            triggers: try d.list("Triggers"), variables: try d.list("Variables"),
            disableInboundStageTransitions: try d.list("DisableInboundStageTransitions"),
            restartExecutionOnUpdate: try d.optional("RestartExecutionOnUpdate"), tags: try d.list("Tags"))
    }
}

extension CodePipeline.Pipeline.ArtifactStore: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let type = try d.required("Type", as: String.self)
        guard type == "S3" else { throw d.path.appending("Type").problem("'\(type)' is not an artifact store type: write 'S3'") }
        self.init(location: try d.required("Location"), encryptionKey: try d.optional("EncryptionKey"))
    }
}

extension CodePipeline.Pipeline.EncryptionKey: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let type = try d.required("Type", as: String.self)
        guard type == "KMS" else { throw d.path.appending("Type").problem("'\(type)' is not an encryption key type: write 'KMS'") }
        self.init(kms: try d.required("Id"))
    }
}

extension CodePipeline.Pipeline.ArtifactStoreMap: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(region: try d.required("Region"), artifactStore: try d.required("ArtifactStore"))
    }
}

extension CodePipeline.Pipeline.StageTransition: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(stageName: try d.required("StageName"), reason: try d.required("Reason"))
    }
}

extension CodePipeline.Pipeline.VariableDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.required("Name"), defaultValue: try d.optional("DefaultValue"), description: try d.optional("Description"))
    }
}

extension CodePipeline.Pipeline.StageDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.required("Name"), actions: try d.required("Actions"), beforeEntry: try d.optional("BeforeEntry"),
            onFailure: try d.optional("OnFailure"), onSuccess: try d.optional("OnSuccess"), blockers: try d.list("Blockers"))
    }
}

extension CodePipeline.Pipeline.ActionDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let type = try d.required("ActionTypeId", as: CodePipeline.Pipeline.ActionTypeId.self)
        let configuration = try CodePipeline.decodeConfiguration(
            type, FieldDecoder(try d.map("Configuration"), at: d.path.appending("Configuration")))
        self.init(
            name: try d.required("Name"), configuration: configuration,
            inputArtifacts: try d.list("InputArtifacts", of: CodePipeline.Pipeline.InputArtifact.self).map(\.name),
            roleArn: try d.optional("RoleArn"), region: try d.optional("Region"), runOrder: try d.optional("RunOrder"),
            namespace: try d.optional("Namespace"), timeoutInMinutes: try d.optional("TimeoutInMinutes"),
            commands: try d.list("Commands"))
        outputArtifacts = try d.list("OutputArtifacts")
    }
}

extension CodePipeline.Pipeline.ActionTypeId: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            category: try d.required("Category"), owner: try d.required("Owner"), provider: try d.required("Provider"),
            version: try d.required("Version"))
    }
}

extension CodePipeline.Pipeline.InputArtifact: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Name")) }
}

extension CodePipeline.Pipeline.OutputArtifact: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("Name"), files: try d.list("Files"))
    }
}

extension CodePipeline.Pipeline.BlockerDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let type = try d.required("Type", as: String.self)
        guard type == "Schedule" else { throw d.path.appending("Type").problem("'\(type)' is not a blocker type: write 'Schedule'") }
        self.init(schedule: try d.required("Name"))
    }
}

extension CodePipeline.Pipeline.PipelineTriggerDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let provider = try d.required("ProviderType", as: String.self)
        guard provider == "CodeStarSourceConnection" else {
            throw d.path.appending("ProviderType").problem("'\(provider)' is not a trigger provider: write 'CodeStarSourceConnection'")
        }
        self.init(gitConfiguration: try d.required("GitConfiguration"))
    }
}

extension CodePipeline.Pipeline.GitConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            sourceActionName: try d.required("SourceActionName"), push: try d.list("Push"),
            pullRequest: try d.list("PullRequest"))
    }
}

extension CodePipeline.Pipeline.GitPushFilter: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(branches: try d.optional("Branches"), filePaths: try d.optional("FilePaths"), tags: try d.optional("Tags"))
    }
}

extension CodePipeline.Pipeline.GitPullRequestFilter: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(branches: try d.optional("Branches"), events: try d.list("Events"), filePaths: try d.optional("FilePaths"))
    }
}

extension CodePipeline.Pipeline.GitFilterCriteria: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(includes: try d.list("Includes"), excludes: try d.list("Excludes"))
    }
}

extension CodePipeline.Pipeline.Conditions: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Conditions")) }
}

extension CodePipeline.Pipeline.FailureConditions: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            result: try d.optional("Result"), retryConfiguration: try d.optional("RetryConfiguration"),
            conditions: try d.list("Conditions"))
    }
}

extension CodePipeline.Pipeline.RetryConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(retryMode: try d.optional("RetryMode")) }
}

extension CodePipeline.Pipeline.Condition: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(result: try d.optional("Result"), rules: try d.required("Rules"))
    }
}

extension CodePipeline.Pipeline.RuleDeclaration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.required("Name"), ruleTypeId: try d.required("RuleTypeId"), configuration: try d.map("Configuration"),
            inputArtifacts: try d.list("InputArtifacts", of: CodePipeline.Pipeline.InputArtifact.self).map(\.name),
            roleArn: try d.optional("RoleArn"), region: try d.optional("Region"), commands: try d.list("Commands"))
    }
}

extension CodePipeline.Pipeline.RuleTypeId: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            provider: try d.required("Provider"), category: try d.required("Category"), owner: try d.required("Owner"),
            version: try d.required("Version"))
    }
}

// MARK: Action configurations

/// `T`'s configuration: opens the provider's existential metatype (calling a typed-throws
/// initializer through `any ....Type` crashes the Swift 6.3 compiler).
private func make<T: DecodableActionConfiguration>(
    _: T.Type, _ d: FieldDecoder, _ category: CodePipeline.Pipeline.ActionTypeId.Category
) throws(DecodingProblem) -> any CodePipeline.ActionConfiguration {
    try T(configuration: d, category: category)
}

/// An action configuration read back from an action's `Configuration`, as the provider of its
/// `ActionTypeId`.
protocol DecodableActionConfiguration: CodePipeline.ActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem)
}

extension CodePipeline {
    /// Every provider pipegen's model knows; a new `ActionConfiguration` joins here.
    static let decodableConfigurations: [any DecodableActionConfiguration.Type] = [
        Action.CodeCommit.self, Action.CodeStarSourceConnection.self, Action.ECR.self, Action.CodeBuild.self,
        Action.Manual.self, Action.Commands.self, Action.CloudFormation.self, Action.CodeDeployToECS.self, Action.Lambda.self,
    ]

    /// The configuration of an action of `type`: decoded as its provider, which must be one
    /// pipegen's model knows, of the owner, version and category that provider has.
    static func decodeConfiguration(_ type: Pipeline.ActionTypeId, _ d: FieldDecoder) throws(DecodingProblem)
        -> any ActionConfiguration
    {
        let typePath: [String] = Array(d.path.segments.dropLast()) + ["ActionTypeId"]
        guard let provider = decodableConfigurations.first(where: { $0.provider == type.provider }) else {
            throw DecodingProblem(
                path: typePath + ["Provider"], message: "'\(type.provider)' is not an action provider pipegen's model knows",
                unknown: type.provider, known: decodableConfigurations.map { $0.provider })
        }
        guard provider.owner == type.owner, provider.version == type.version else {
            throw DecodingProblem(
                path: typePath,
                message: "action provider '\(type.provider)' is owner '\(provider.owner.rawValue)' version '\(provider.version)' in pipegen's model")
        }
        let configuration = try make(provider, d, type.category)
        try d.finish()
        guard configuration.category == type.category else {
            throw DecodingProblem(
                path: typePath + ["Category"],
                message: "action provider '\(type.provider)' is not of category '\(type.category.rawValue)'")
        }
        return configuration
    }
}

extension CodePipeline.Action.CodeCommit: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(
            repositoryName: try d.required("RepositoryName"), branchName: try d.required("BranchName"),
            pollForSourceChanges: try d.optional("PollForSourceChanges"),
            outputArtifactFormat: try d.optional("OutputArtifactFormat"))
    }
}

extension CodePipeline.Action.CodeStarSourceConnection: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(
            connectionArn: try d.required("ConnectionArn"), fullRepositoryId: try d.required("FullRepositoryId"),
            branchName: try d.required("BranchName"), outputArtifactFormat: try d.optional("OutputArtifactFormat"),
            detectChanges: try d.optional("DetectChanges"))
    }
}

extension CodePipeline.Action.ECR: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(repositoryName: try d.required("RepositoryName"), imageTag: try d.required("ImageTag"))
    }
}

extension CodePipeline.Action.CodeBuild: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        var variables: [EnvironmentVariable] = []
        if let value = d.value("EnvironmentVariables") {
            variables = try Self.variables(value, at: d.path.appending("EnvironmentVariables"))
        }
        self.init(
            category == .test ? .test : .build, projectName: try d.required("ProjectName"),
            primarySource: try d.optional("PrimarySource"), batchEnabled: try d.optional("BatchEnabled"),
            combineArtifacts: try d.optional("CombineArtifacts"), environmentVariables: variables)
    }

    /// The variables of the JSON text `environmentVariablesValue` writes: a plain string, or
    /// `Fn::Sub` text in which a value with a `${...}` substitutes and `${!` is a literal `${`.
    static func variables(_ value: Value, at path: DecodingPath) throws(DecodingProblem) -> [EnvironmentVariable] {
        let text: String, sub: Bool
        switch value {
        case .string(let s): (text, sub) = (s, false)
        case .sub(let s, nil): (text, sub) = (s, true)
        default: throw path.wrongType("JSON text (or Fn::Sub of JSON text)", value)
        }
        let document: Document
        do { document = try JSONReader.parse(text).document } catch {
            throw path.problem("'\(path)' is not JSON: \(error.message)")
        }
        guard let items = document.listValue else { throw path.problem("'\(path)' must be a JSON list of variables") }
        var out: [EnvironmentVariable] = []
        for (i, item) in items.enumerated() {
            let at = path.appending(String(i))
            guard let entries = item.mapValue, let name = item["name"]?.stringValue, let raw = item["value"]?.stringValue,
                entries.allSatisfy({ ["name", "value", "type"].contains($0.key) })
            else { throw at.problem("'\(at)' must be an object with 'name', 'value' and optionally 'type'") }
            var type: VariableType?
            if let t = item["type"] {
                guard let text = t.stringValue, let known = VariableType(rawValue: text) else {
                    throw at.problem("'\(at).type' is not PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER")
                }
                type = known
            }
            let substitutes = sub && !Value.placeholders(in: raw).isEmpty
            let literal = sub && !substitutes ? Value.unescapingSubstitutions(raw) : raw
            out.append(EnvironmentVariable(name, literal, type: type, substitutes: substitutes))
        }
        return out
    }
}

extension CodePipeline.Action.Manual: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(
            notificationArn: try d.optional("NotificationArn"), customData: try d.optional("CustomData"),
            externalEntityLink: try d.optional("ExternalEntityLink"))
    }
}

extension CodePipeline.Action.Lambda: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(functionName: try d.required("FunctionName"), userParameters: try d.optional("UserParameters"))
    }
}

extension CodePipeline.Action.Commands: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        self.init(environmentType: try d.optional("EnvironmentType"), computeType: try d.optional("ComputeType"))
    }
}

extension CodePipeline.Action.CloudFormation: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        let capabilities = try d.optional("Capabilities", as: String.self).map {
            $0.split(separator: ",").map { Capability(rawValue: String($0)) }
        }
        self.init(
            try d.required("ActionMode"), stackName: try d.required("StackName"), changeSetName: try d.optional("ChangeSetName"),
            templatePath: try d.optional("TemplatePath"), templateConfiguration: try d.optional("TemplateConfiguration"),
            capabilities: capabilities ?? [], roleArn: try d.optional("RoleArn"), outputFileName: try d.optional("OutputFileName"),
            parameterOverrides: try d.optional("ParameterOverrides"))
    }
}

extension CodePipeline.Action.CodeDeployToECS: DecodableActionConfiguration {
    init(configuration d: FieldDecoder, category: CodePipeline.Pipeline.ActionTypeId.Category) throws(DecodingProblem) {
        // The action takes up to four images, numbered from 1 without gaps.
        var images: [Image] = []
        var gap = false
        for n in 1...4 {
            let artifact = try d.optional("Image\(n)ArtifactName", as: String.self)
            let container = try d.optional("Image\(n)ContainerName", as: String.self)
            switch (artifact, container) {
            case (let artifact?, let container?) where !gap:
                images.append(Image(artifactName: artifact, containerName: container))
            case (nil, nil): gap = true
            default:
                throw d.path.problem(
                    "'Image\(n)ArtifactName' and 'Image\(n)ContainerName' go together, numbered from 1 without gaps")
            }
        }
        self.init(
            applicationName: try d.required("ApplicationName"), deploymentGroupName: try d.required("DeploymentGroupName"),
            taskDefinitionTemplateArtifact: try d.required("TaskDefinitionTemplateArtifact"),
            taskDefinitionTemplatePath: try d.optional("TaskDefinitionTemplatePath"),
            appSpecTemplateArtifact: try d.required("AppSpecTemplateArtifact"),
            appSpecTemplatePath: try d.optional("AppSpecTemplatePath"), images: images)
    }
}
