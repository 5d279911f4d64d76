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
            topic.kmsMasterKeyId = .getAtt(ID.key, "Arn")
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
        let projects = uniqued(actions.compactMap { a -> BuildKind? in if case .build(let b, _) = a.kind { return b } else { return nil } })
        if !projects.isEmpty {
            statements.append(
                IAM.Statement(sid: "RunBuilds", actions: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], resources: projects.map(projectArn)))
        }
        let topics = uniqued(actions.compactMap { a -> ApprovalTopic? in if case .approval(let topic?, _, _) = a.kind { return topic } else { return nil } })
        if !topics.isEmpty {
            statements.append(IAM.Statement(sid: "NotifyApprovers", actions: ["sns:Publish"], resources: topics.map(topicArn)))
        }
        let assumed = model.roles(assumedBy: names.pipelineRole(spec.kind))
        if !assumed.isEmpty { statements.append(Policies.assume(assumed, model)) }

        var role = IAM.Role(trust: Policies.trust(service: "codepipeline.amazonaws.com"))
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
        let (category, provider, configuration) = describe(action)
        var declaration = CodePipeline.Pipeline.ActionDeclaration(
            name: action.name,
            actionTypeId: CodePipeline.Pipeline.ActionTypeId(category: category, owner: .aws, provider: provider, version: "1"),
            configuration: configuration, inputArtifacts: action.inputs, outputArtifacts: action.outputs, runOrder: action.runOrder)
        if let role = action.role { declaration.roleArn = model.arn(role) }
        declaration.namespace = action.namespace
        if action.region != topology.homeRegion { declaration.region = .string(action.region) }
        return declaration
    }

    private func describe(_ action: ActionSpec) -> (CodePipeline.Pipeline.ActionTypeId.Category, String, [Field]) {
        switch action.kind {
        case .codeCommitSource(let repository, let branch):
            return (
                .source, "CodeCommit",
                [
                    Field("RepositoryName", .string(repository)), Field("BranchName", .string(branch)),
                    Field("PollForSourceChanges", false), Field("OutputArtifactFormat", "CODE_ZIP"),
                ]
            )
        case .connectionSource(let connection, let repository, let branch):
            return (
                .source, "CodeStarSourceConnection",
                [
                    Field("ConnectionArn", connectionArn(connection)), Field("FullRepositoryId", .string(repository)),
                    Field("BranchName", .string(branch)), Field("OutputArtifactFormat", "CODE_ZIP"),
                ]
            )
        case .ecrSource(let repository, let tag):
            return (.source, "ECR", [Field("RepositoryName", .string(repository)), Field("ImageTag", .string(tag))])
        case .build(let kind, let variables):
            var fields: [Field] = [Field("ProjectName", .ref(ID.project(kind)))]
            if !variables.isEmpty {
                // `Fn::Sub` only for pipegen's own substitutions (a role ARN's partition); a
                // user's `${...}` (in a test command) stays literal: escaped inside `Fn::Sub`,
                // as written in a plain string.
                let sub = variables.contains(where: \.substitution)
                let json = JSONWriter.compact(
                    .list(
                        variables.map { v in
                            let value = sub && !v.substitution ? Value.escapingSubstitutions(v.value) : v.value
                            return ["name": .string(v.name), "value": .string(value)]
                        }))
                fields.append(Field("EnvironmentVariables", sub ? .sub(json) : .string(json)))
            }
            return (.build, "CodeBuild", fields)
        case .approval(let topic, let comment, let link):
            var fields: [Field] = []
            if let topic { fields.append(Field("NotificationArn", topicArn(topic))) }
            fields.append(Field("CustomData", .string(comment)))
            if let link { fields.append(Field("ExternalEntityLink", .string(link))) }
            return (.approval, "Manual", fields)
        case .cloudFormation(let mode, let stack, let templatePath, let configurationPath, let capabilities, let executionRole):
            var fields: [Field] = [Field("ActionMode", .string(mode.rawValue)), Field("StackName", .string(stack))]
            if mode != .deploy { fields.append(Field("ChangeSetName", .string(changeSetName))) }
            if mode != .executeChangeSet {
                fields.append(Field("TemplatePath", .string(templatePath)))
                fields.append(Field("TemplateConfiguration", .string(configurationPath)))
                if !capabilities.isEmpty { fields.append(Field("Capabilities", .string(capabilities.joined(separator: ",")))) }
                fields.append(Field("RoleArn", names.roleArn(executionRole, account: action.role!.account)))
            }
            return (.deploy, "CloudFormation", fields)
        case .codeDeployToECS(let application, let group, let appspec, let taskDefinition, let image):
            return (
                .deploy, "CodeDeployToECS",
                [
                    Field("ApplicationName", .string(application)), Field("DeploymentGroupName", .string(group)),
                    Field("TaskDefinitionTemplateArtifact", .string(Artifact.source)),
                    Field("TaskDefinitionTemplatePath", .string(taskDefinition)),
                    Field("AppSpecTemplateArtifact", .string(Artifact.source)), Field("AppSpecTemplatePath", .string(appspec)),
                    Field("Image1ArtifactName", .string(image)), Field("Image1ContainerName", "IMAGE1_NAME"),
                ]
            )
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
