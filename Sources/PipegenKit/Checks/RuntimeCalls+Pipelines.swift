import CloudFormation
import PipegenConfig
import YAMLKit

/// The runtime calls of the pipelines: for each `PipelineSpec`, the pipeline of the tooling
/// template with its role and artifact stores, and for each action the calls of its kind
/// (one `switch` over `ActionSpec.Kind`: a new kind of action adds its arm here), made with
/// the ARNs the templates give. The calls of a build beyond the common ones come from its
/// pipeline declaration (`PipelineDeclaration.runtimeCalls(of:_:)`).
enum RuntimeCalls {
    /// A pipeline of the tooling template as its actions use it.
    struct Pipeline {
        let spec: PipelineSpec
        let declaration: any PipelineDeclaration
        let model: CodePipeline.Pipeline
        let roleArn: String
        /// Bucket and key ARN of each region's artifact store.
        let stores: [String: (bucket: String, key: String)]
        var cause: Mark? { declaration.mark }
    }

    /// The pipeline of `spec` in the tooling template, nil when the template has none.
    static func pipeline(_ spec: PipelineSpec, _ scene: RuntimeScene) -> Pipeline? {
        let r = scene.resolver
        guard
            let model = scene.tooling.template.resources(of: CodePipeline.Pipeline.self).first(where: {
                $0.model.name.flatMap(r.string) == spec.name
            })?.model,
            let declaration = scene.config.declarations.first(where: { $0.kind == spec.kind })
        else { return nil }
        var stores: [String: (bucket: String, key: String)] = [:]
        func add(_ store: CodePipeline.Pipeline.ArtifactStore, _ region: String) {
            stores[region] = (r.string(store.location) ?? "", store.encryptionKey.flatMap { r.string($0.id) } ?? "")
        }
        if let store = model.artifactStore { add(store, scene.home) }
        for map in model.artifactStores { add(map.artifactStore, r.string(map.region) ?? "") }
        return Pipeline(
            spec: spec, declaration: declaration, model: model, roleArn: r.string(model.roleArn) ?? "", stores: stores)
    }

    /// The pipeline's own calls: CodePipeline assumes its role.
    static func calls(of p: Pipeline, _ scene: RuntimeScene) -> [RuntimeCall] {
        [
            scene.serviceAssumes(
                .codepipeline, p.roleArn, cause: p.cause, origin: "pipeline '\(p.spec.name)'")
        ]
    }

    /// The calls of one stage's actions.
    static func calls(of stage: StageSpec, in p: Pipeline, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard let model = p.model.stages.first(where: { $0.name == stage.name }) else {
            return [
                missing(
                    "stage '\(stage.name)' of pipeline '\(p.spec.name)' is not in the tooling template", p.cause,
                    p.spec.name)
            ]
        }
        var out: [RuntimeCall] = []
        var made: Set<String> = []
        for action in stage.actions {
            guard let declared = model.actions.first(where: { $0.name == action.name }) else {
                out.append(
                    missing(
                        "action '\(stage.name)/\(action.name)' is not in the tooling template", p.cause, p.spec.name))
                continue
            }
            out += calls(of: action, declared, stage: stage, in: p, scene, made: &made)
        }
        return out
    }

    private static func missing(_ what: String, _ cause: Mark?, _ pipeline: String) -> RuntimeCall {
        RuntimeCall(
            action: "codepipeline:StartPipelineExecution", caller: .service(AWSService.codepipeline.rawValue), account: "",
            region: "",
            resource: pipeline, policy: .none, cause: cause, origin: "pipeline '\(pipeline)'", missing: what)
    }

    /// The calls of one action: its artifacts (and their copies to and from a further
    /// region), the role it assumes, and what its kind does. `made` names the calls the stage
    /// already listed that every run of a build, or every copy of an artifact, repeats: a
    /// wave of a hundred Lambda updates lists the update build's own calls once.
    static func calls(
        of a: ActionSpec, _ d: CodePipeline.Pipeline.ActionDeclaration, stage: StageSpec, in p: Pipeline,
        _ scene: RuntimeScene,
        made: inout Set<String>
    ) -> [RuntimeCall] {
        let r = scene.resolver
        let region = d.region.flatMap(r.string) ?? scene.home
        let origin = "action '\(stage.name)/\(a.name)' of pipeline '\(p.spec.name)'"
        let environment = a.role?.environment ?? a.buildAssumes?.environment
        // The environment it acts in, else what the action carries of the config (a step's
        // line), else the pipeline's key.
        let cause = scene.environmentMark(environment) ?? a.cause ?? p.cause
        let pipelineRole = RuntimeCall.Caller.role(p.roleArn)
        let store = p.stores[region] ?? ("", "")
        func object(_ artifact: String) -> String { "\(p.spec.name)/\(artifact)/example" }
        var out: [RuntimeCall] = []
        // CodePipeline copies the inputs of an action in a further region from the home
        // region's store into that region's, and its outputs back.
        if region != scene.home, let homeStore = p.stores[scene.home] {
            let inputs = d.inputArtifacts.map(\.name).filter { made.insert("copy|\(region)|\($0)").inserted }
            let outputs = d.outputArtifacts.map(\.name).filter { made.insert("copy back|\(region)|\($0)").inserted }
            if !inputs.isEmpty {
                out += scene.readArtifacts(
                    pipelineRole, bucket: homeStore.bucket, objects: inputs.map(object), key: homeStore.key,
                    region: scene.home, cause: cause, origin: origin)
                out += scene.writeArtifacts(
                    pipelineRole, bucket: store.bucket, objects: inputs.map(object), key: store.key, region: region,
                    cause: cause, origin: origin)
            }
            if !outputs.isEmpty {
                out += scene.readArtifacts(
                    pipelineRole, bucket: store.bucket, objects: outputs.map(object), key: store.key, region: region,
                    cause: cause, origin: origin)
                out += scene.writeArtifacts(
                    pipelineRole, bucket: homeStore.bucket, objects: outputs.map(object), key: homeStore.key,
                    region: scene.home, cause: cause, origin: origin)
            }
        }
        // The role the action runs as: the pipeline's, or the cross-account role it assumes.
        var actor = pipelineRole
        var actorAccount = scene.toolingAccount
        if let roleArn = d.roleArn.flatMap(r.string) {
            actor = .role(roleArn)
            actorAccount = RuntimeCall.account(ofArn: roleArn) ?? scene.toolingAccount
            out.append(
                RuntimeCall(
                    action: "sts:AssumeRole", caller: pipelineRole, account: actorAccount, region: region,
                    resource: roleArn, policy: .trust,
                    cause: cause, origin: origin))
        }
        func call(_ actions: String..., on resource: String, policy: RuntimeCall.ResourcePolicy = .none) -> RuntimeCall
        {
            RuntimeCall(
                actions: actions, caller: actor, account: actorAccount, region: region, resource: resource,
                policy: policy,
                cause: cause, origin: origin)
        }
        /// Who reads the inputs and writes the outputs: the action's role, or the build's; nil
        /// when the stage already listed them (another run of the same build).
        var artifactCaller: RuntimeCall.Caller? = actor
        switch a.kind {
        case .codeCommitSource:
            let name =
                d.configuration(as: CodePipeline.Action.CodeCommit.self).flatMap { r.string($0.repositoryName) } ?? ""
            let arn = "arn:aws:codecommit:\(region):\(scene.toolingAccount):\(name)"
            out.append(
                call(
                    "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive",
                    "codecommit:GetUploadArchiveStatus", on: arn))
        case .connectionSource:
            let arn =
                d.configuration(as: CodePipeline.Action.CodeStarSourceConnection.self).flatMap {
                    r.string($0.connectionArn)
                } ?? ""
            // The action is named after the service of the connection's ARN.
            let service =
                arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first.map(String.init)
                ?? "codestar-connections"
            out.append(call("\(service):UseConnection", on: arn))
        case .ecrSource:
            let name = d.configuration(as: CodePipeline.Action.ECR.self).flatMap { r.string($0.repositoryName) } ?? ""
            out.append(
                call(
                    "ecr:DescribeImages", on: "arn:aws:ecr:\(region):\(scene.toolingAccount):repository/\(name)",
                    policy: .repository))
        case .build(let kind, _):
            guard case .ref(let id)? = d.configuration(as: CodePipeline.Action.CodeBuild.self)?.projectName,
                let project = scene.project(id: id)
            else {
                out.append(call("codebuild:StartBuild", on: ""))
                out[out.count - 1].missing = "the action's CodeBuild project is not in the tooling template"
                break
            }
            // Every run of the project starts, assumes its role, logs, reads and writes alike.
            artifactCaller = nil
            let signature =
                "build|\(id)|" + d.inputArtifacts.map(\.name).joined(separator: ",") + "|"
                + d.outputArtifacts.map(\.name).joined(separator: ",")
            if made.insert(signature).inserted {
                out.append(call("codebuild:StartBuild", "codebuild:BatchGetBuilds", on: project.arn))
                out.append(
                    scene.serviceAssumes(.codebuild, project.roleArn, cause: cause, origin: origin))
                if let group = project.logGroup {
                    out += scene.writeLogs(
                        project.roleArn, group: group, key: project.logKey, cause: cause, origin: origin)
                }
                out += settingsCalls(project, cause: cause, origin: origin, scene)
                artifactCaller = .role(project.roleArn)
            }
            let variables = (d.configuration(as: CodePipeline.Action.CodeBuild.self)?.environmentVariables ?? []).map {
                ($0.name, $0.substitutes ? r.string(.sub($0.value)) ?? "" : $0.value)
            }
            let run = BuildRun(
                kind: kind, spec: a, project: project, variables: variables, cause: cause, origin: origin)
            out += p.declaration.runtimeCalls(of: run, scene)
        case .approval:
            guard let topic = d.configuration(as: CodePipeline.Action.Manual.self)?.notificationArn.flatMap(r.string)
            else { break }
            out.append(call("sns:Publish", on: topic, policy: .topic))
            // A topic encrypted with a customer managed key: the publisher needs the key.
            if let key = scene.topicKey(topic) {
                var c = call("kms:GenerateDataKey", "kms:Decrypt", on: key, policy: .key)
                c.context = [
                    .init("kms:ViaService", scene.names.endpoint(.sns, region: region)),
                    .init("kms:EncryptionContext:aws:sns:topicArn", topic),
                ]
                out.append(c)
            }
        case .cloudFormation(let mode, _, _, _, let capabilities, _, _):
            let deploy = d.configuration(as: CodePipeline.Action.CloudFormation.self)
            let stack =
                "arn:aws:cloudformation:\(region):\(actorAccount):stack/\(deploy.flatMap { r.string($0.stackName) } ?? "")/example"
            let actions: [String]
            switch mode {
            case .deploy:
                actions = [
                    "cloudformation:DescribeStacks", "cloudformation:CreateStack", "cloudformation:UpdateStack",
                    "cloudformation:DeleteStack", "cloudformation:DescribeStackEvents",
                ]
            case .createChangeSet:
                actions = [
                    "cloudformation:DescribeStacks", "cloudformation:DescribeChangeSet",
                    "cloudformation:DeleteChangeSet", "cloudformation:CreateChangeSet",
                ]
            case .executeChangeSet:
                actions = [
                    "cloudformation:DescribeStacks", "cloudformation:DescribeChangeSet",
                    "cloudformation:ExecuteChangeSet",
                ]
            }
            var group = call(on: stack)
            group.actions = actions
            out.append(group)
            if mode != .executeChangeSet, let execution = deploy?.roleArn.flatMap(r.string) {
                var pass = call("iam:PassRole", on: execution)
                pass.context = [.init("iam:PassedToService", scene.names.principal(.cloudformation))]
                out.append(pass)
                out.append(
                    scene.serviceAssumes(.cloudformation, execution, cause: cause, origin: origin))
                if capabilities.contains("CAPABILITY_AUTO_EXPAND") {
                    out.append(
                        call(
                            "cloudformation:CreateChangeSet",
                            on: "arn:aws:cloudformation:\(region):aws:transform/Serverless-2016-10-31"))
                }
            }
        case .lambdaInvoke:
            // CodePipeline invokes the function as the pipeline's role; the function reports the
            // job's result as its own execution role, which pipegen does not write.
            // [AWS Lambda invoke action reference](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html)
            let name = d.configuration(as: CodePipeline.Action.Lambda.self).flatMap { r.string($0.functionName) } ?? ""
            out.append(call("lambda:InvokeFunction", on: "arn:aws:lambda:\(region):\(actorAccount):function:\(name)"))
            out.append(
                RuntimeCall(
                    actions: ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"],
                    caller: .external(account: actorAccount, what: "the execution role of function '\(name)'"),
                    account: actorAccount, region: region, resource: "*", policy: .none, cause: cause, origin: origin))
        case .codeDeployToECS:
            out += codeDeployCalls(
                d, in: p, region: region, actor: actor, account: actorAccount, cause: cause, origin: origin, scene)
        }
        out += p.declaration.runtimeCalls(
            of: ActionRun(
                spec: a, declared: d, region: region, actor: actor, actorAccount: actorAccount, store: store, cause: cause,
                origin: origin), scene)
        if let artifactCaller {
            let inputs = d.inputArtifacts.map { object($0.name) }, outputs = d.outputArtifacts.map { object($0.name) }
            if !inputs.isEmpty {
                out += scene.readArtifacts(
                    artifactCaller, bucket: store.bucket, objects: inputs, key: store.key, region: region, cause: cause,
                    origin: origin)
            }
            if !outputs.isEmpty {
                out += scene.writeArtifacts(
                    artifactCaller, bucket: store.bucket, objects: outputs, key: store.key, region: region,
                    cause: cause, origin: origin)
            }
        }
        return out
    }

    /// An ECS blue/green deployment: the action's role registers the task definition and
    /// starts the deployment; CodeDeploy, as the deployment group's service role, shifts the
    /// service's task sets and the listeners; the new tasks pull the image from the region's
    /// repository in the tooling account.
    private static func codeDeployCalls(
        _ d: CodePipeline.Pipeline.ActionDeclaration, in p: Pipeline, region: String, actor: RuntimeCall.Caller,
        account: String,
        cause: Mark?, origin: String, _ scene: RuntimeScene
    ) -> [RuntimeCall] {
        let r = scene.resolver
        guard let deploy = d.configuration(as: CodePipeline.Action.CodeDeployToECS.self) else { return [] }
        let app = r.string(deploy.applicationName) ?? "", name = r.string(deploy.deploymentGroupName) ?? ""
        func call(
            _ actions: String..., on resource: String, by caller: RuntimeCall.Caller? = nil,
            policy: RuntimeCall.ResourcePolicy = .none,
            in resourceAccount: String? = nil
        ) -> RuntimeCall {
            RuntimeCall(
                actions: actions, caller: caller ?? actor, account: resourceAccount ?? account, region: region,
                resource: resource,
                policy: policy, cause: cause, origin: origin)
        }
        let prefix = "arn:aws:codedeploy:\(region):\(account):"
        var out = [
            call(
                "codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                "codedeploy:RegisterApplicationRevision",
                on: prefix + "application:\(app)"),
            call(
                "codedeploy:CreateDeployment", "codedeploy:GetDeployment", on: prefix + "deploymentgroup:\(app)/\(name)"
            ),
            // ecs:RegisterTaskDefinition has no resource type.
            call("ecs:RegisterTaskDefinition", on: "*"),
        ]
        guard let group = scene.deploymentGroup(account: account, region: region, application: app, name: name) else {
            var c = call("codedeploy:CreateDeployment", on: prefix + "deploymentgroup:\(app)/\(name)")
            c.missing =
                "no environment template in account \(account) and \(region) creates deployment group '\(app)/\(name)'"
            return out + [c]
        }
        out.append(call("codedeploy:GetDeploymentConfig", on: prefix + "deploymentconfig:\(group.configName)"))
        out.append(scene.serviceAssumes(.codedeploy, group.serviceRoleArn, cause: cause, origin: origin))
        let codeDeploy = RuntimeCall.Caller.role(group.serviceRoleArn)
        let service = "arn:aws:ecs:\(region):\(account):service/\(group.cluster)/\(group.service)"
        out.append(
            call(
                "ecs:DescribeServices", "ecs:CreateTaskSet", "ecs:UpdateServicePrimaryTaskSet", on: service,
                by: codeDeploy))
        out.append(
            call(
                "ecs:DeleteTaskSet",
                on: "arn:aws:ecs:\(region):\(account):task-set/\(group.cluster)/\(group.service)/example",
                by: codeDeploy))
        // Elastic Load Balancing's Describe actions have no resource type.
        out.append(
            call(
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetHealth", on: "*", by: codeDeploy))
        for listener in group.listeners {
            out.append(call("elasticloadbalancing:ModifyListener", on: listener, by: codeDeploy))
        }
        // The alarms that stop a deployment, whose state CodeDeploy polls.
        for alarm in group.alarms {
            out.append(
                call("cloudwatch:DescribeAlarms", on: "arn:aws:cloudwatch:\(region):\(account):alarm:\(alarm)", by: codeDeploy))
        }
        out.append(
            call(
                "elasticloadbalancing:ModifyRule",
                on: "arn:aws:elasticloadbalancing:\(region):\(account):listener-rule/app/example/0/0/0",
                by: codeDeploy))
        // The tasks pull the image from the repository the action's image details point at (the
        // region's repository of the tooling account, or of the account an image-locate build
        // found it in), as task execution roles pipegen does not write: across accounts only
        // the repository policy is pipegen's; in their own account it must exist.
        if let repository = imageRepository(p, r) {
            let from = imageAccount(deploy, in: p, r) ?? scene.toolingAccount
            let arn = "arn:aws:ecr:\(region):\(from):repository/\(repository)"
            out.append(
                call(
                    "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", on: arn,
                    by: .external(account: account, what: "the task execution role"),
                    policy: .repository, in: from))
        }
        return out
    }

    /// The account whose registry the deploy action's image lives in: the `TARGET_ACCOUNT` of
    /// the build that wrote its image details, nil when another action (the ECR source) did.
    private static func imageAccount(
        _ deploy: CodePipeline.Action.CodeDeployToECS, in p: Pipeline, _ r: Resolver
    ) -> String? {
        guard let artifact = deploy.images.first?.artifactName else { return nil }
        let producer = p.model.stages.lazy.flatMap(\.actions).first { $0.outputArtifacts.contains { $0.name == artifact } }
        return producer?.configuration(as: CodePipeline.Action.CodeBuild.self)?.environmentVariables.first {
            $0.name == "TARGET_ACCOUNT"
        }?.value
    }

    /// The repository the pipeline's ECR source reads, nil when it has none.
    private static func imageRepository(_ p: Pipeline, _ r: Resolver) -> String? {
        p.model.stages.lazy.flatMap(\.actions).compactMap { $0.configuration(as: CodePipeline.Action.ECR.self) }.first
            .flatMap {
                r.string($0.repositoryName)
            }
    }
}
