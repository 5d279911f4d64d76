extension CodeDeploy.DeploymentGroup {
    /// [AlarmConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html)
    public struct AlarmConfiguration: PropertyStruct, Hashable {
        /// At most 10 alarms. [Alarms](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html#cfn-codedeploy-deploymentgroup-alarmconfiguration-alarms)
        public var alarms: [Alarm]
        /// [Enabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html#cfn-codedeploy-deploymentgroup-alarmconfiguration-enabled)
        public var enabled: Bool?
        /// Go on when alarm state cannot be read. [IgnorePollAlarmFailure](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarmconfiguration.html#cfn-codedeploy-deploymentgroup-alarmconfiguration-ignorepollalarmfailure)
        public var ignorePollAlarmFailure: Bool?

        public init(enabled: Bool? = true, alarms: [String], ignorePollAlarmFailure: Bool? = nil) {
            self.enabled = enabled
            self.alarms = alarms.map(Alarm.init)
            self.ignorePollAlarmFailure = ignorePollAlarmFailure
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Alarms", alarms)
            p.set("Enabled", enabled)
            p.set("IgnorePollAlarmFailure", ignorePollAlarmFailure)
            return p.fields
        }
    }

    /// [Alarm](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarm.html)
    public struct Alarm: PropertyStruct, Hashable {
        /// CloudWatch alarm name. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-alarm.html#cfn-codedeploy-deploymentgroup-alarm-name)
        public var name: String

        public init(_ name: String) { self.name = name }

        public var properties: [Field] { [Field("Name", .string(name))] }
    }

    /// [AutoRollbackConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-autorollbackconfiguration.html)
    public struct AutoRollbackConfiguration: PropertyStruct, Hashable {
        /// [Enabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-autorollbackconfiguration.html#cfn-codedeploy-deploymentgroup-autorollbackconfiguration-enabled)
        public var enabled: Bool?
        /// [Events](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-autorollbackconfiguration.html#cfn-codedeploy-deploymentgroup-autorollbackconfiguration-events)
        public var events: [Event]

        public init(enabled: Bool? = true, events: [Event]) {
            self.enabled = enabled
            self.events = events
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Enabled", enabled)
            p.set("Events", events)
            return p.fields
        }

        public enum Event: String, StringEnum {
            case deploymentFailure = "DEPLOYMENT_FAILURE"
            case deploymentStopOnAlarm = "DEPLOYMENT_STOP_ON_ALARM"
            case deploymentStopOnRequest = "DEPLOYMENT_STOP_ON_REQUEST"
        }
    }

    /// [BlueGreenDeploymentConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-bluegreendeploymentconfiguration.html)
    public struct BlueGreenDeploymentConfiguration: PropertyStruct, Hashable {
        /// When traffic moves to the green tasks. [DeploymentReadyOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-bluegreendeploymentconfiguration.html#cfn-codedeploy-deploymentgroup-bluegreendeploymentconfiguration-deploymentreadyoption)
        public var deploymentReadyOption: DeploymentReadyOption?
        /// How the green fleet is made (EC2 only). [GreenFleetProvisioningOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-bluegreendeploymentconfiguration.html#cfn-codedeploy-deploymentgroup-bluegreendeploymentconfiguration-greenfleetprovisioningoption)
        public var greenFleetProvisioningOption: GreenFleetProvisioningOption?
        /// What happens to the blue tasks after success. [TerminateBlueInstancesOnDeploymentSuccess](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-bluegreendeploymentconfiguration.html#cfn-codedeploy-deploymentgroup-bluegreendeploymentconfiguration-terminateblueinstancesondeploymentsuccess)
        public var terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption?

        public init(
            deploymentReadyOption: DeploymentReadyOption? = nil,
            terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption? = nil,
            greenFleetProvisioningOption: GreenFleetProvisioningOption? = nil
        ) {
            self.deploymentReadyOption = deploymentReadyOption
            self.terminateBlueInstancesOnDeploymentSuccess = terminateBlueInstancesOnDeploymentSuccess
            self.greenFleetProvisioningOption = greenFleetProvisioningOption
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("DeploymentReadyOption", deploymentReadyOption)
            p.set("GreenFleetProvisioningOption", greenFleetProvisioningOption)
            p.set("TerminateBlueInstancesOnDeploymentSuccess", terminateBlueInstancesOnDeploymentSuccess)
            return p.fields
        }
    }

    /// [DeploymentReadyOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentreadyoption.html)
    public struct DeploymentReadyOption: PropertyStruct, Hashable {
        /// Shift traffic at once, or wait for a manual go-ahead. [ActionOnTimeout](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentreadyoption.html#cfn-codedeploy-deploymentgroup-deploymentreadyoption-actionontimeout)
        public var actionOnTimeout: ActionOnTimeout?
        /// Minutes to wait before `STOP_DEPLOYMENT` stops it. [WaitTimeInMinutes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentreadyoption.html#cfn-codedeploy-deploymentgroup-deploymentreadyoption-waittimeinminutes)
        public var waitTimeInMinutes: Int?

        public init(actionOnTimeout: ActionOnTimeout?, waitTimeInMinutes: Int? = nil) {
            self.actionOnTimeout = actionOnTimeout
            self.waitTimeInMinutes = waitTimeInMinutes
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ActionOnTimeout", actionOnTimeout)
            p.set("WaitTimeInMinutes", waitTimeInMinutes)
            return p.fields
        }

        public enum ActionOnTimeout: String, StringEnum {
            case continueDeployment = "CONTINUE_DEPLOYMENT"
            case stopDeployment = "STOP_DEPLOYMENT"
        }
    }

    /// [BlueInstanceTerminationOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-blueinstanceterminationoption.html)
    public struct BlueInstanceTerminationOption: PropertyStruct, Hashable {
        /// [Action](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-blueinstanceterminationoption.html#cfn-codedeploy-deploymentgroup-blueinstanceterminationoption-action)
        public var action: Action?
        /// Minutes to keep the blue tasks, for rollback (0 to 2880). [TerminationWaitTimeInMinutes](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-blueinstanceterminationoption.html#cfn-codedeploy-deploymentgroup-blueinstanceterminationoption-terminationwaittimeinminutes)
        public var terminationWaitTimeInMinutes: Int?

        public init(action: Action?, terminationWaitTimeInMinutes: Int? = nil) {
            self.action = action
            self.terminationWaitTimeInMinutes = terminationWaitTimeInMinutes
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Action", action)
            p.set("TerminationWaitTimeInMinutes", terminationWaitTimeInMinutes)
            return p.fields
        }

        public enum Action: String, StringEnum {
            case keepAlive = "KEEP_ALIVE"
            case terminate = "TERMINATE"
        }
    }

    /// [GreenFleetProvisioningOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-greenfleetprovisioningoption.html)
    public struct GreenFleetProvisioningOption: PropertyStruct, Hashable {
        /// [Action](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-greenfleetprovisioningoption.html#cfn-codedeploy-deploymentgroup-greenfleetprovisioningoption-action)
        public var action: Action?

        public init(action: Action?) { self.action = action }

        public var properties: [Field] {
            var p = Properties()
            p.set("Action", action)
            return p.fields
        }

        public enum Action: String, StringEnum {
            case copyAutoScalingGroup = "COPY_AUTO_SCALING_GROUP"
            case discoverExisting = "DISCOVER_EXISTING"
        }
    }

    /// [DeploymentStyle](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentstyle.html)
    public struct DeploymentStyle: PropertyStruct, Hashable {
        /// [DeploymentOption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentstyle.html#cfn-codedeploy-deploymentgroup-deploymentstyle-deploymentoption)
        public var deploymentOption: DeploymentOption?
        /// [DeploymentType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-deploymentstyle.html#cfn-codedeploy-deploymentgroup-deploymentstyle-deploymenttype)
        public var deploymentType: DeploymentType?

        public init(deploymentOption: DeploymentOption?, deploymentType: DeploymentType?) {
            self.deploymentOption = deploymentOption
            self.deploymentType = deploymentType
        }

        /// What ECS deployments require: blue/green behind a load balancer.
        public static let ecsBlueGreen = DeploymentStyle(deploymentOption: .withTrafficControl, deploymentType: .blueGreen)

        public var properties: [Field] {
            var p = Properties()
            p.set("DeploymentOption", deploymentOption)
            p.set("DeploymentType", deploymentType)
            return p.fields
        }

        public enum DeploymentOption: String, StringEnum {
            case withTrafficControl = "WITH_TRAFFIC_CONTROL"
            case withoutTrafficControl = "WITHOUT_TRAFFIC_CONTROL"
        }

        public enum DeploymentType: String, StringEnum {
            case blueGreen = "BLUE_GREEN"
            case inPlace = "IN_PLACE"
        }
    }

    /// [ECSService](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-ecsservice.html)
    public struct ECSService: PropertyStruct, Hashable {
        /// [ClusterName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-ecsservice.html#cfn-codedeploy-deploymentgroup-ecsservice-clustername)
        public var clusterName: Value
        /// [ServiceName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-ecsservice.html#cfn-codedeploy-deploymentgroup-ecsservice-servicename)
        public var serviceName: Value

        public init(clusterName: Value, serviceName: Value) {
            self.clusterName = clusterName
            self.serviceName = serviceName
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ClusterName", clusterName)
            p.set("ServiceName", serviceName)
            return p.fields
        }
    }

    /// [LoadBalancerInfo](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-loadbalancerinfo.html)
    public struct LoadBalancerInfo: PropertyStruct, Hashable {
        /// Target groups, for EC2 deployments. [TargetGroupInfoList](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-loadbalancerinfo.html#cfn-codedeploy-deploymentgroup-loadbalancerinfo-targetgroupinfolist)
        public var targetGroupInfoList: [TargetGroupInfo]
        /// Blue and green target groups with their listeners, for ECS blue/green. [TargetGroupPairInfoList](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-loadbalancerinfo.html#cfn-codedeploy-deploymentgroup-loadbalancerinfo-targetgrouppairinfolist)
        public var targetGroupPairInfoList: [TargetGroupPairInfo]

        public init(targetGroupPairInfoList: [TargetGroupPairInfo] = [], targetGroupInfoList: [TargetGroupInfo] = []) {
            self.targetGroupPairInfoList = targetGroupPairInfoList
            self.targetGroupInfoList = targetGroupInfoList
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("TargetGroupInfoList", targetGroupInfoList)
            p.set("TargetGroupPairInfoList", targetGroupPairInfoList)
            return p.fields
        }
    }

    /// [TargetGroupPairInfo](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgrouppairinfo.html)
    public struct TargetGroupPairInfo: PropertyStruct, Hashable {
        /// Listener that serves production traffic. [ProdTrafficRoute](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgrouppairinfo.html#cfn-codedeploy-deploymentgroup-targetgrouppairinfo-prodtrafficroute)
        public var prodTrafficRoute: TrafficRoute?
        /// The blue and green target groups (two). [TargetGroups](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgrouppairinfo.html#cfn-codedeploy-deploymentgroup-targetgrouppairinfo-targetgroups)
        public var targetGroups: [TargetGroupInfo]
        /// Listener for testing the green tasks before the switch. [TestTrafficRoute](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgrouppairinfo.html#cfn-codedeploy-deploymentgroup-targetgrouppairinfo-testtrafficroute)
        public var testTrafficRoute: TrafficRoute?

        public init(prodTrafficRoute: TrafficRoute?, testTrafficRoute: TrafficRoute? = nil, targetGroups: [TargetGroupInfo]) {
            self.prodTrafficRoute = prodTrafficRoute
            self.testTrafficRoute = testTrafficRoute
            self.targetGroups = targetGroups
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ProdTrafficRoute", prodTrafficRoute)
            p.set("TargetGroups", targetGroups)
            p.set("TestTrafficRoute", testTrafficRoute)
            return p.fields
        }
    }

    /// [TrafficRoute](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-trafficroute.html)
    public struct TrafficRoute: PropertyStruct, Hashable {
        /// Listener ARNs (one). [ListenerArns](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-trafficroute.html#cfn-codedeploy-deploymentgroup-trafficroute-listenerarns)
        public var listenerArns: [Value]

        public init(listenerArns: [Value]) { self.listenerArns = listenerArns }

        public var properties: [Field] {
            var p = Properties()
            p.set("ListenerArns", listenerArns)
            return p.fields
        }
    }

    /// [TargetGroupInfo](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgroupinfo.html)
    public struct TargetGroupInfo: PropertyStruct, Hashable {
        /// Target group name (not ARN). [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgroupinfo.html#cfn-codedeploy-deploymentgroup-targetgroupinfo-name)
        public var name: Value

        public init(name: Value) { self.name = name }

        public var properties: [Field] { [Field("Name", name)] }
    }
}
