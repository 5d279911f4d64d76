import CloudFormation
import PipegenConfig

extension EnvironmentBuilder {
    /// A config value as CloudFormation: the literal, or `Fn::ImportValue` of the export.
    func value(_ source: ValueSource) -> Value {
        switch source {
        case .literal(let s): return .string(s)
        case .importValue(let name): return .importValue(.string(name))
        }
    }

    /// CodeDeploy's service role: only what an ECS blue/green deployment does, on this
    /// environment's service, listeners and target groups.
    func addCodeDeployRole(to t: inout Template) {
        let ecs = env.ecs!
        var role = IAM.Role(trust: Policies.trust(service: "codedeploy.amazonaws.com"))
        role.roleName = .string(names.environmentRole(.codeDeploy, env: e))
        role.description = "Service role of CodeDeploy for the \(e) blue/green deployment"
        func arn(_ resource: String, region: String) -> Value {
            Value.subInlining("arn:${AWS::Partition}:ecs:\(region):${AWS::AccountId}:\(resource)", ["Cluster": ecs.cluster, "Service": ecs.service].map { ($0.key, value($0.value)) }.sorted { $0.0 < $1.0 })
        }
        var listeners = [value(ecs.listener)]
        if let test = ecs.testListener { listeners.append(value(test)) }
        role.policies = [
            IAM.Role.Policy(
                "ecs-blue-green",
                [
                    IAM.Statement(
                        sid: "ShiftTaskSets",
                        actions: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet", "ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"],
                        resources: regions.flatMap { r -> [Value] in
                            [arn("service/${Cluster}/${Service}", region: r), arn("task-set/${Cluster}/${Service}/*", region: r)]
                        }),
                    // Elastic Load Balancing's Describe actions have no resource type: AWS accepts only "*".
                    IAM.Statement(
                        sid: "ReadLoadBalancing",
                        actions: [
                            "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules",
                            "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
                        ],
                        resources: ["*"]),
                    IAM.Statement(sid: "ShiftTraffic", actions: ["elasticloadbalancing:ModifyListener"], resources: listeners),
                    IAM.Statement(
                        sid: "ShiftRuleTraffic", actions: ["elasticloadbalancing:ModifyRule"],
                        resources: regions.map { .arn("elasticloadbalancing", region: $0, account: Value.thisAccount, "listener-rule/*") }),
                    Policies.pass(taskRoleArns, to: "ecs-tasks.amazonaws.com", sid: "PassTaskRoles"),
                ])
        ]
        t.add(ID.role(.codeDeploy), Resource(role))
    }

    /// The CodeDeploy application and ECS blue/green deployment group of one region.
    func addBlueGreen(region: String, to t: inout Template) {
        let ecs = env.ecs!
        let cd = config.pipelines.containerDeployment!
        let app = names.codeDeployApplication(e)
        t.add(ID.application, Resource(CodeDeploy.Application(applicationName: .string(app), computePlatform: .ecs)))
        let serviceRole: Value =
            region == env.homeRegion
            ? .getAtt(ID.role(.codeDeploy), "Arn")
            : names.roleArn(names.environmentRole(.codeDeploy, env: e), account: Value.thisAccount)
        var group = CodeDeploy.DeploymentGroup(applicationName: .ref(ID.application), serviceRoleArn: serviceRole)
        group.deploymentGroupName = .string(names.deploymentGroup(e))
        group.deploymentConfigName = "CodeDeployDefault.ECSAllAtOnce"
        group.deploymentStyle = CodeDeploy.DeploymentGroup.DeploymentStyle(deploymentOption: .withTrafficControl, deploymentType: .blueGreen)
        group.blueGreenDeploymentConfiguration = CodeDeploy.DeploymentGroup.BlueGreenDeploymentConfiguration(
            deploymentReadyOption: CodeDeploy.DeploymentGroup.DeploymentReadyOption(actionOnTimeout: .continueDeployment),
            terminateBlueInstancesOnDeploymentSuccess: CodeDeploy.DeploymentGroup.BlueInstanceTerminationOption(
                action: .terminate, terminationWaitTimeInMinutes: cd.terminationWaitMinutes))
        group.ecsServices = [CodeDeploy.DeploymentGroup.ECSService(clusterName: value(ecs.cluster), serviceName: value(ecs.service))]
        var pair = CodeDeploy.DeploymentGroup.TargetGroupPairInfo(
            prodTrafficRoute: CodeDeploy.DeploymentGroup.TrafficRoute(listenerArns: [value(ecs.listener)]),
            targetGroups: ecs.targetGroups.map { CodeDeploy.DeploymentGroup.TargetGroupInfo(name: value($0)) })
        if let test = ecs.testListener {
            pair.testTrafficRoute = CodeDeploy.DeploymentGroup.TrafficRoute(listenerArns: [value(test)])
        }
        group.loadBalancerInfo = CodeDeploy.DeploymentGroup.LoadBalancerInfo(targetGroupPairInfoList: [pair])
        group.autoRollbackConfiguration = CodeDeploy.DeploymentGroup.AutoRollbackConfiguration(
            enabled: true, events: [.deploymentFailure, .deploymentStopOnRequest])
        t.add(ID.deploymentGroup, Resource(group))
    }
}
