import CloudFormation

/// What container-deployment's image-locate build calls at run time, beyond what every
/// build does (docs/RUNTIME.md): `ecr:DescribeImages` on the repository's replica in the
/// account (`TARGET_ACCOUNT`, else the tooling account) and region (`TARGET_REGION`) its
/// variables name, until the image has been replicated there; and the replication it waits
/// for, which ECR makes as its service-linked role of the tooling account: the tooling
/// registry's replication configuration must copy the repository there, and in another account
/// that registry's policy must let the tooling account replicate into it.
/// The deploy actions make the calls of the CodeDeployToECS action kind
/// (`RuntimeCalls+Pipelines.swift`) and those of the files `pipegen ecs-files` writes for the
/// repository: registering the task definition passes the roles it names to ECS tasks and
/// tags it, and CodeDeploy invokes the AppSpec's hook functions.
/// [Service-linked role for replication](https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-replication.html),
/// [Cross-account replication policy requirements](https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html)
extension ContainerDeploymentPipeline {
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard build.kind == .imageLocate, let region = build.variable("TARGET_REGION") else {
            return tests.runtimeCalls(of: build, scene)
        }
        let account = build.variable("TARGET_ACCOUNT") ?? scene.toolingAccount
        let name = scene.registryName ?? ""
        let repository = "arn:aws:ecr:\(region):\(account):repository/\(name)"
        // Within its own registry ECR needs no policy to replicate: the replica must exist.
        var replicate = RuntimeCall(
            action: "ecr:ReplicateImage",
            caller: .external(account: scene.toolingAccount, what: "ECR's replication (service-linked role AWSServiceRoleForECRReplication)"),
            account: account, region: region, resource: repository,
            policy: account == scene.toolingAccount ? .repository : .registry, cause: build.cause, origin: build.origin)
        if !scene.replicates(name, to: account, region: region) {
            replicate.missing = "the tooling registry's replication configuration does not copy '\(name)' to account \(account) in \(region)"
        }
        return [
            build.call("ecr:DescribeImages", on: repository, policy: .repository, account: account, region: region, scene),
            replicate,
        ]
    }

    /// The calls of the task definition and AppSpec of the deploy's environment: the action's
    /// role passes the roles the task definition may name (`task-roles`) to
    /// `ecs-tasks.amazonaws.com` and tags the task definition it registers; the deployment
    /// group's service role passes them again and invokes each hook function of the AppSpec
    /// (those `pipegen ecs-files` writes) in the action's region.
    /// [Task definition parameters: taskRoleArn, executionRoleArn](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html),
    /// [AppSpec hooks for ECS](https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-ecs)
    func runtimeCalls(of action: ActionRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard case .codeDeployToECS = action.spec.kind,
            let deploy = action.declared.configuration(as: CodePipeline.Action.CodeDeployToECS.self),
            let env = scene.config.environments.first(where: { $0.name.value == action.spec.role?.environment })
        else { return [] }
        let account = action.actorAccount, region = action.region
        // The roles the task definitions may name: each entry of `task-roles`, a pattern made
        // a name (the starter files' roles are among them unless the config says otherwise).
        let passed = Self.taskRoles(settings, in: env, scene.names).map {
            String(
                $0.arn(account: account, partition: .aws).flatMap {
                    $0 == "*" ? Array("example") : $0 == "?" ? ["x"] : [$0]
                })
        }
        let toTasks: [RuntimeCall.Fact] = [.init("iam:PassedToService", scene.names.principal(.ecsTasks))]
        var out = passed.map { action.call(["iam:PassRole"], on: $0, context: toTasks) }
        out.append(
            action.call(
                ["ecs:TagResource"],
                on: "arn:aws:ecs:\(region):\(account):task-definition/\(EcsFiles.family(scene.config, env)):1",
                context: [.init("ecs:CreateAction", "RegisterTaskDefinition")]))
        let r = scene.resolver
        if let group = scene.deploymentGroup(
            account: account, region: region, application: r.string(deploy.applicationName) ?? "",
            name: r.string(deploy.deploymentGroupName) ?? "")
        {
            // CodeDeploy creates the task sets, passing the task definition's roles again.
            // [AWSCodeDeployRoleForECSLimited](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECSLimited.html)
            for role in passed {
                out.append(action.call(["iam:PassRole"], on: role, as: .role(group.serviceRoleArn), context: toTasks))
            }
            for (_, function) in EcsFiles.hooks(settings, env: env.name.value, scene.names) {
                out.append(
                    action.call(
                        ["lambda:InvokeFunction"], on: "arn:aws:lambda:\(region):\(account):function:\(function)",
                        as: .role(group.serviceRoleArn)))
            }
        }
        return out
    }
}
