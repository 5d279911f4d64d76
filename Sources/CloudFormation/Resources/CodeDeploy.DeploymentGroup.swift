extension CodeDeploy {
    /// `AWS::CodeDeploy::DeploymentGroup`. Nested property types are in
    /// `CodeDeploy.DeploymentGroup+Properties.swift`.
    /// [AWS::CodeDeploy::DeploymentGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html)
    public struct DeploymentGroup: ResourceModel {
        public static let typeName = "AWS::CodeDeploy::DeploymentGroup"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["ApplicationName", "DeploymentGroupName"],
            noInterruption: [
                "AlarmConfiguration", "AutoRollbackConfiguration", "BlueGreenDeploymentConfiguration",
                "DeploymentConfigName", "DeploymentStyle", "ECSServices", "LoadBalancerInfo", "ServiceRoleArn", "Tags",
            ])

        /// CloudWatch alarms that stop a deployment. [AlarmConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-alarmconfiguration)
        public var alarmConfiguration: AlarmConfiguration?
        /// Name of the `CodeDeploy.Application`. [ApplicationName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-applicationname)
        public var applicationName: Value
        /// When to roll back automatically. [AutoRollbackConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-autorollbackconfiguration)
        public var autoRollbackConfiguration: AutoRollbackConfiguration?
        /// Blue/green timing. [BlueGreenDeploymentConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-bluegreendeploymentconfiguration)
        public var blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration?
        /// Such as `CodeDeployDefault.ECSAllAtOnce`. [DeploymentConfigName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-deploymentconfigname)
        public var deploymentConfigName: Value?
        /// A fixed name; generated when nil. [DeploymentGroupName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-deploymentgroupname)
        public var deploymentGroupName: Value?
        /// Blue/green or in place, with or without a load balancer. [DeploymentStyle](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-deploymentstyle)
        public var deploymentStyle: DeploymentStyle?
        /// The ECS service deployed (one). [ECSServices](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-ecsservices)
        public var ecsServices: [ECSService]
        /// Listeners and target groups that shift traffic. [LoadBalancerInfo](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-loadbalancerinfo)
        public var loadBalancerInfo: LoadBalancerInfo?
        /// ARN of the role CodeDeploy acts as. [ServiceRoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-servicerolearn)
        public var serviceRoleArn: Value
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-deploymentgroup.html#cfn-codedeploy-deploymentgroup-tags)
        public var tags: [Tag]

        public init(
            applicationName: Value, deploymentGroupName: Value? = nil, serviceRoleArn: Value,
            deploymentConfigName: Value? = nil, deploymentStyle: DeploymentStyle? = nil,
            blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration? = nil, ecsServices: [ECSService] = [],
            loadBalancerInfo: LoadBalancerInfo? = nil, autoRollbackConfiguration: AutoRollbackConfiguration? = nil,
            alarmConfiguration: AlarmConfiguration? = nil, tags: [Tag] = []
        ) {
            self.applicationName = applicationName
            self.deploymentGroupName = deploymentGroupName
            self.serviceRoleArn = serviceRoleArn
            self.deploymentConfigName = deploymentConfigName
            self.deploymentStyle = deploymentStyle
            self.blueGreenDeploymentConfiguration = blueGreenDeploymentConfiguration
            self.ecsServices = ecsServices
            self.loadBalancerInfo = loadBalancerInfo
            self.autoRollbackConfiguration = autoRollbackConfiguration
            self.alarmConfiguration = alarmConfiguration
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("AlarmConfiguration", alarmConfiguration)
            p.set("ApplicationName", applicationName)
            p.set("AutoRollbackConfiguration", autoRollbackConfiguration)
            p.set("BlueGreenDeploymentConfiguration", blueGreenDeploymentConfiguration)
            p.set("DeploymentConfigName", deploymentConfigName)
            p.set("DeploymentGroupName", deploymentGroupName)
            p.set("DeploymentStyle", deploymentStyle)
            p.set("ECSServices", ecsServices)
            p.set("LoadBalancerInfo", loadBalancerInfo)
            p.set("ServiceRoleArn", serviceRoleArn)
            p.set("Tags", tags)
            return p.fields
        }
    }
}
