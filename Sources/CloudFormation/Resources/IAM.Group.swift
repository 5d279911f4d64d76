extension IAM {
    /// `AWS::IAM::Group`: a set of IAM users that share managed policies.
    /// [AWS::IAM::Group](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html)
    public struct Group: ResourceModel {
        public static let typeName = "AWS::IAM::Group"

        /// `Ref` is the group name; the `Arn` is global in the account, under `group/` (after the
        /// `Path`, which pipegen never sets).
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html#aws-resource-iam-group-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("iam", .global, prefix: "group/"))
        /// The `GroupName` property.
        public var physicalName: Value? { groupName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "GroupName"
        /// What changing each property does: `replacement` for the create-only property of the
        /// resource provider schema (`GroupName`), the others without interruption.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["GroupName"], noInterruption: ["ManagedPolicyArns", "Path", "Policies"])

        /// A fixed name (up to 128 characters). [GroupName](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html#cfn-iam-group-groupname)
        public var groupName: Value?
        /// Managed policies attached to the group, at most 20. [ManagedPolicyArns](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html#cfn-iam-group-managedpolicyarns)
        public var managedPolicyArns: [Value]
        /// IAM path, `/` by default. [Path](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html#cfn-iam-group-path)
        public var path: String?
        /// Inline policies. [Policies](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-group.html#cfn-iam-group-policies)
        public var policies: [Role.Policy]

        public init(groupName: Value? = nil, managedPolicyArns: [Value] = [], path: String? = nil, policies: [Role.Policy] = []) {
            self.groupName = groupName
            self.managedPolicyArns = managedPolicyArns
            self.path = path
            self.policies = policies
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("GroupName", groupName)
            p.set("ManagedPolicyArns", managedPolicyArns)
            p.set("Path", path)
            p.set("Policies", policies)
            return p.fields
        }
    }
}
