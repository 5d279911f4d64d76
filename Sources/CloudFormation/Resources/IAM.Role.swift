extension IAM {
    /// `AWS::IAM::Role`: an identity that services and other accounts assume.
    /// [AWS::IAM::Role](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html)
    public struct Role: ResourceModel {
        public static let typeName = "AWS::IAM::Role"

        /// `Ref` is the role name; the `Arn` is global in the account, under `role/` (after the
        /// `Path`, which pipegen never sets).
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#aws-resource-iam-role-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("iam", .global, prefix: "role/"))
        /// The `RoleName` property.
        public var physicalName: Value? { roleName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "RoleName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Path", "RoleName"],
            noInterruption: [
                "AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration",
                "PermissionsBoundary", "Policies", "Tags",
            ])

        /// The trust policy: who may assume the role. [AssumeRolePolicyDocument](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-assumerolepolicydocument)
        public var assumeRolePolicyDocument: PolicyDocument
        /// What the role is for, up to 1000 characters. [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-description)
        public var description: String?
        /// Managed policies attached to the role, at most 20. [ManagedPolicyArns](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-managedpolicyarns)
        public var managedPolicyArns: [Value]
        /// Longest session, in seconds (3600 to 43200). [MaxSessionDuration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-maxsessionduration)
        public var maxSessionDuration: Int?
        /// IAM path, `/` by default; changing it replaces the role. [Path](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-path)
        public var path: String?
        /// ARN of the managed policy that bounds the role's permissions. [PermissionsBoundary](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-permissionsboundary)
        public var permissionsBoundary: Value?
        /// Inline policies. [Policies](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-policies)
        public var policies: [Policy]
        /// A fixed name, so other accounts can name the role before it exists. [RoleName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-rolename)
        public var roleName: Value?
        /// At most 50 tags. [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#cfn-iam-role-tags)
        public var tags: [Tag]

        public init(
            roleName: Value? = nil, description: String? = nil, trust: PolicyDocument,
            managedPolicyArns: [Value] = [], policies: [Policy] = [], maxSessionDuration: Int? = nil,
            path: String? = nil, permissionsBoundary: Value? = nil, tags: [Tag] = []
        ) {
            self.roleName = roleName
            self.description = description
            self.assumeRolePolicyDocument = trust
            self.managedPolicyArns = managedPolicyArns
            self.policies = policies
            self.maxSessionDuration = maxSessionDuration
            self.path = path
            self.permissionsBoundary = permissionsBoundary
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("AssumeRolePolicyDocument", assumeRolePolicyDocument)
            p.set("Description", description)
            p.set("ManagedPolicyArns", managedPolicyArns)
            p.set("MaxSessionDuration", maxSessionDuration)
            p.set("Path", path)
            p.set("PermissionsBoundary", permissionsBoundary)
            p.set("Policies", policies)
            p.set("RoleName", roleName)
            p.set("Tags", tags)
            return p.fields
        }

        /// An inline policy of a role.
        /// [AWS::IAM::Role Policy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-role-policy.html)
        public struct Policy: PropertyStruct, Hashable {
            /// The policy document. [PolicyDocument](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-role-policy.html#cfn-iam-role-policy-policydocument)
            public var policyDocument: PolicyDocument
            /// Unique among the role's inline policies. [PolicyName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-role-policy.html#cfn-iam-role-policy-policyname)
            public var policyName: String

            public init(_ name: String, _ document: PolicyDocument) {
                self.policyName = name
                self.policyDocument = document
            }

            public init(_ name: String, _ statements: [Statement]) {
                self.init(name, PolicyDocument(statements))
            }

            public var properties: [Field] {
                [Field("PolicyDocument", policyDocument.cfnValue), Field("PolicyName", .string(policyName))]
            }
        }
    }
}
