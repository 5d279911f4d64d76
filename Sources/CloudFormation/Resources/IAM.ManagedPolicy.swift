extension IAM {
    /// `AWS::IAM::ManagedPolicy`: a customer managed policy, attachable to several roles.
    /// [AWS::IAM::ManagedPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html)
    public struct ManagedPolicy: ResourceModel {
        public static let typeName = "AWS::IAM::ManagedPolicy"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Description", "ManagedPolicyName", "Path"],
            noInterruption: ["Groups", "PolicyDocument", "Roles", "Users"])

        /// What the policy is for; cannot change after creation. [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-description)
        public var description: String?
        /// IAM groups (names) to attach the policy to. [Groups](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-groups)
        public var groups: [Value]
        /// A fixed name; generated when nil. [ManagedPolicyName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-managedpolicyname)
        public var managedPolicyName: Value?
        /// IAM path, `/` by default. [Path](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-path)
        public var path: String?
        /// The permissions. [PolicyDocument](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-policydocument)
        public var policyDocument: PolicyDocument
        /// Roles (names, not ARNs) to attach the policy to. [Roles](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-roles)
        public var roles: [Value]
        /// IAM users (names) to attach the policy to. [Users](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html#cfn-iam-managedpolicy-users)
        public var users: [Value]

        public init(
            managedPolicyName: Value? = nil, description: String? = nil, path: String? = nil,
            policyDocument: PolicyDocument, roles: [Value] = [], groups: [Value] = [], users: [Value] = []
        ) {
            self.managedPolicyName = managedPolicyName
            self.description = description
            self.path = path
            self.policyDocument = policyDocument
            self.roles = roles
            self.groups = groups
            self.users = users
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Description", description)
            p.set("Groups", groups)
            p.set("ManagedPolicyName", managedPolicyName)
            p.set("Path", path)
            p.set("PolicyDocument", policyDocument)
            p.set("Roles", roles)
            p.set("Users", users)
            return p.fields
        }
    }
}
