import CloudFormation
import PipegenConfig
import YAMLKit

extension ToolingBuilder {

    /// One SNS topic per approval that names people to tell (a wave's approval uses its first
    /// environment's topic).
    func addApprovalTopics(to t: inout Template) {
        let used = Set(specs.flatMap { $0.stages.flatMap(\.actions) }.compactMap { a -> String? in
            if case .approval(.environment(let env)?, _, _) = a.kind { return env } else { return nil }
        })
        for env in config.environments where used.contains(env.name.value) {
            guard let approval = env.approval, !approval.notify.isEmpty else { continue }
            var topic = SNS.Topic()
            topic.topicName = .string(names.approvalTopic(env.name.value))
            topic.displayName = "\(names.project) \(env.name.value) approvals"
            topic.kmsMasterKeyId = homeKeyArn
            topic.subscription = approval.notify.map { SNS.Topic.Subscription(.email, endpoint: .string($0)) }
            t.add(ID.approvalTopic(env.name.value), Resource(topic))
        }
    }

    func addPipelines(to t: inout Template) {
        for spec in specs {
            addPipelineRole(spec, to: &t)
            addPipeline(spec, to: &t)
        }
    }

    /// The pipeline's role: artifacts and key in every region, its source, its builds, its
    /// approval topics, and exactly the environment roles its actions assume.
    private func addPipelineRole(_ spec: PipelineSpec, to t: inout Template) {
        var statements = Policies.readWriteArtifacts(buckets) + [Policies.useKey(keyArns, write: true)]
        let actions = spec.stages.flatMap(\.actions)
        for action in actions {
            switch action.kind {
            case .codeCommitSource:
                statements.append(
                    IAM.Statement(
                        sid: "ReadSource",
                        actions: [
                            "codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit",
                            "codecommit:GetRepository", "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive",
                        ],
                        resources: [repositoryArn(spec.kind)]))
            case .connectionSource(let connection, _, _):
                statements.append(
                    IAM.Statement(
                        sid: "UseConnection", actions: ["codeconnections:UseConnection", "codestar-connections:UseConnection"],
                        resources: [connectionArn(connection)]))
            case .ecrSource:
                statements.append(
                    IAM.Statement(sid: "ReadImage", actions: ["ecr:DescribeImages"], resources: [.getAtt(ID.registry, "Arn")]))
            default: break
            }
        }
        let projects = uniqued(actions.compactMap { a -> String? in if case .build(let b, _) = a.kind { return ID.project(b, variant: a.buildVariant) } else { return nil } })
        if !projects.isEmpty {
            statements.append(
                IAM.Statement(
                    sid: "RunBuilds", actions: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], resources: projects.map { .getAtt($0, "Arn") }))
        }
        // The steps' functions, in the home region of the tooling account.
        // [AWS Lambda invoke action reference](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html)
        let functions = uniqued(actions.compactMap { a -> String? in if case .lambdaInvoke(let f, _) = a.kind { return f } else { return nil } })
        if !functions.isEmpty {
            statements.append(
                IAM.Statement(
                    sid: "InvokeStepFunctions", actions: ["lambda:InvokeFunction"],
                    resources: functions.map { .arn("lambda", region: Value.thisRegion, account: Value.thisAccount, "function:\($0)") }))
        }
        let topics = uniqued(actions.compactMap { a -> ApprovalTopic? in if case .approval(let topic?, _, _) = a.kind { return topic } else { return nil } })
        if !topics.isEmpty {
            statements.append(IAM.Statement(sid: "NotifyApprovers", actions: ["sns:Publish"], resources: topics.map(topicArn)))
        }
        let assumed = model.roles(assumedBy: names.pipelineRole(spec.kind))
        if !assumed.isEmpty { statements.append(Policies.assume(assumed, model)) }

        var role = IAM.Role(trust: Policies.trust(service: names.principal(.codepipeline)))
        role.roleName = .string(names.pipelineRole(spec.kind))
        role.description = "Role of the \(spec.name) pipeline"
        role.policies = [IAM.Role.Policy(spec.kind.rawValue, statements)]
        t.add(ID.pipelineRole(spec.kind), Resource(role))
    }

    private func addPipeline(_ spec: PipelineSpec, to t: inout Template) {
        var pipeline = CodePipeline.Pipeline(
            roleArn: .getAtt(ID.pipelineRole(spec.kind), "Arn"),
            stages: spec.stages.map { stage in
                CodePipeline.Pipeline.StageDeclaration(
                    name: stage.name, actions: stage.actions.map(lower), onFailure: stage.rollback ? .rollback : nil)
            })
        pipeline.name = .string(spec.name)
        pipeline.pipelineType = .v2
        pipeline.triggers = spec.triggers.map { trigger in
            CodePipeline.Pipeline.PipelineTriggerDeclaration(
                gitConfiguration: CodePipeline.Pipeline.GitConfiguration(
                    sourceActionName: trigger.sourceAction,
                    push: [
                        CodePipeline.Pipeline.GitPushFilter(
                            branches: CodePipeline.Pipeline.GitFilterCriteria(includes: [trigger.branch]),
                            filePaths: trigger.filePaths.isEmpty ? nil : CodePipeline.Pipeline.GitFilterCriteria(includes: trigger.filePaths))
                    ]))
        }
        if topology.isMultiRegion {
            pipeline.artifactStores = topology.regions.map { region in
                CodePipeline.Pipeline.ArtifactStoreMap(region: .string(region), artifactStore: artifactStore(region: region))
            }
        } else {
            pipeline.artifactStore = artifactStore(region: topology.homeRegion)
        }
        t.add(ID.pipeline(spec.kind), Resource(pipeline))
    }

    /// The artifact store of `region`, encrypted with that region's key by ARN (an alias
    /// would not resolve for the environment accounts).
    private func artifactStore(region: String) -> CodePipeline.Pipeline.ArtifactStore {
        CodePipeline.Pipeline.ArtifactStore(
            location: .string(names.artifactBucket(region: region)),
            encryptionKey: CodePipeline.Pipeline.EncryptionKey(kms: keyArn(region: region)))
    }

    private func lower(_ action: ActionSpec) -> CodePipeline.Pipeline.ActionDeclaration {
        var declaration = CodePipeline.Pipeline.ActionDeclaration(
            name: action.name, configuration: describe(action), inputArtifacts: action.inputs,
            outputArtifacts: action.outputs, runOrder: action.runOrder)
        if let role = action.role { declaration.roleArn = model.arn(role) }
        declaration.namespace = action.namespace
        if action.region != topology.homeRegion { declaration.region = .string(action.region) }
        return declaration
    }

    private func describe(_ action: ActionSpec) -> any CodePipeline.ActionConfiguration {
        typealias A = CodePipeline.Action
        switch action.kind {
        case .codeCommitSource(let repository, let branch):
            return A.CodeCommit(
                repositoryName: .string(repository), branchName: branch, pollForSourceChanges: false,
                outputArtifactFormat: .codeZip)
        case .connectionSource(let connection, let repository, let branch):
            return A.CodeStarSourceConnection(
                connectionArn: connectionArn(connection), fullRepositoryId: repository, branchName: branch,
                outputArtifactFormat: .codeZip)
        case .ecrSource(let repository, let tag):
            return A.ECR(repositoryName: .string(repository), imageTag: tag)
        case .build(let kind, let variables):
            // `Fn::Sub` only for pipegen's own substitutions (a role ARN's partition); a user's
            // `${...}` (in a test command) stays literal. With several inputs, the first holds
            // the buildspec.
            return A.CodeBuild(
                kind.category, projectName: .ref(ID.project(kind, variant: action.buildVariant)),
                primarySource: action.inputs.count > 1 ? action.inputs[0] : nil,
                environmentVariables: variables.map { .init($0.name, $0.value, substitutes: $0.substitution) })
        case .lambdaInvoke(let function, let parameters):
            return A.Lambda(functionName: .string(function), userParameters: parameters)
        case .approval(let topic, let comment, let link):
            return A.Manual(notificationArn: topic.map(topicArn), customData: comment, externalEntityLink: link)
        case .cloudFormation(
            let mode, let stack, let templatePath, let configurationPath, let capabilities, let executionRole, let overrides):
            let actionMode: A.CloudFormation.ActionMode =
                switch mode {
                case .deploy: .createUpdate
                case .createChangeSet: .changeSetReplace
                case .executeChangeSet: .changeSetExecute
                }
            var deploy = A.CloudFormation(actionMode, stackName: .string(stack))
            if mode != .deploy { deploy.changeSetName = changeSetName }
            if mode != .executeChangeSet {
                deploy.templatePath = templatePath
                deploy.templateConfiguration = configurationPath
                deploy.capabilities = capabilities.map(A.CloudFormation.Capability.init(rawValue:))
                deploy.roleArn = names.roleArn(executionRole, account: action.role!.account)
                deploy.parameterOverrides = overrides.map(Value.string)
            }
            return deploy
        case .codeDeployToECS(let application, let group, let appspec, let taskDefinition, let image):
            return A.CodeDeployToECS(
                applicationName: .string(application), deploymentGroupName: .string(group),
                taskDefinitionTemplateArtifact: Artifact.source, taskDefinitionTemplatePath: taskDefinition,
                appSpecTemplateArtifact: Artifact.source, appSpecTemplatePath: appspec,
                images: [.init(artifactName: image, containerName: "IMAGE1_NAME")])
        }
    }
}

extension ToolingBuilder {
    /// The ARN of an approval's topic (`Ref` of an SNS topic is its ARN).
    func topicArn(_ topic: ApprovalTopic) -> Value {
        switch topic {
        case .environment(let env): return .ref(ID.approvalTopic(env))
        case .shared: return .ref(ID.notificationsTopic)
        }
    }
}

/// The elements of `items` in first-seen order, each once.
func uniqued<T: Hashable>(_ items: [T]) -> [T] {
    var seen: Set<T> = []
    return items.filter { seen.insert($0).inserted }
}
