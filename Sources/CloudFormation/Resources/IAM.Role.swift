extension IAM {
    /// `AWS::IAM::Role`.
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html
    public struct Role: ResourceModel {
        public static let typeName = "AWS::IAM::Role"

        /// The trust policy: who may assume the role. (`AssumeRolePolicyDocument`)
        public var assumeRolePolicyDocument: PolicyDocument
        /// (`Description`)
        public var description: String?
        /// Managed policies attached to the role. (`ManagedPolicyArns`)
        public var managedPolicyArns: [Value]
        /// Longest session, in seconds (3600 to 43200). (`MaxSessionDuration`)
        public var maxSessionDuration: Int?
        /// (`Path`)
        public var path: String?
        /// (`PermissionsBoundary`)
        public var permissionsBoundary: Value?
        /// Inline policies. (`Policies`)
        public var policies: [Policy]
        /// A fixed name, so other accounts can name the role before it exists. (`RoleName`)
        public var roleName: Value?
        /// (`Tags`)
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
            p.set("RoleName", roleName)
            p.set("Description", description)
            p.set("Path", path)
            p.set("AssumeRolePolicyDocument", assumeRolePolicyDocument)
            p.set("ManagedPolicyArns", managedPolicyArns)
            p.set("PermissionsBoundary", permissionsBoundary)
            p.set("MaxSessionDuration", maxSessionDuration)
            p.set("Policies", policies)
            p.set("Tags", tags)
            return p.fields
        }

        /// An inline policy of a role. (`AWS::IAM::Role Policy`)
        /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-role-policy.html
        public struct Policy: PropertyStruct, Hashable {
            public var policyName: String
            public var policyDocument: PolicyDocument

            public init(_ name: String, _ document: PolicyDocument) {
                self.policyName = name
                self.policyDocument = document
            }

            public init(_ name: String, _ statements: [Statement]) {
                self.init(name, PolicyDocument(statements))
            }

            public var properties: [Field] {
                [Field("PolicyName", .string(policyName)), Field("PolicyDocument", policyDocument.cfnValue)]
            }
        }
    }
}
