extension CodeDeploy {
    /// `AWS::CodeDeploy::Application`.
    /// [AWS::CodeDeploy::Application](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-application.html)
    public struct Application: ResourceModel {
        public static let typeName = "AWS::CodeDeploy::Application"

        /// `Ref` is the application name; there is no `Arn` attribute.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-application.html#aws-resource-codedeploy-application-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName)
        /// The `ApplicationName` property.
        public var physicalName: Value? { applicationName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "ApplicationName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["ApplicationName", "ComputePlatform"],
            noInterruption: ["Tags"])

        /// A fixed name; generated when nil. [ApplicationName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-application.html#cfn-codedeploy-application-applicationname)
        public var applicationName: Value?
        /// What the application deploys to; `Server` when nil. [ComputePlatform](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-application.html#cfn-codedeploy-application-computeplatform)
        public var computePlatform: ComputePlatform?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codedeploy-application.html#cfn-codedeploy-application-tags)
        public var tags: [Tag]

        public init(applicationName: Value? = nil, computePlatform: ComputePlatform? = nil, tags: [Tag] = []) {
            self.applicationName = applicationName
            self.computePlatform = computePlatform
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ApplicationName", applicationName)
            p.set("ComputePlatform", computePlatform)
            p.set("Tags", tags)
            return p.fields
        }

        public enum ComputePlatform: String, StringEnum {
            case ecs = "ECS"
            case lambda = "Lambda"
            case server = "Server"
        }
    }
}
