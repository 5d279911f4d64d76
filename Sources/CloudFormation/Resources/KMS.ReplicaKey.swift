extension KMS {
    /// `AWS::KMS::ReplicaKey`: a replica, in this stack's Region, of a multi-Region primary key.
    /// [AWS::KMS::ReplicaKey](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html)
    public struct ReplicaKey: ResourceModel {
        public static let typeName = "AWS::KMS::ReplicaKey"

        /// `Ref` is the replica's key id (the primary's `mrk-` id); the `Arn` is under `key/`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#aws-resource-kms-replicakey-return-values)
        public static let returnValues = ReturnValues(ref: .generatedId, arn: ArnFormat("kms", prefix: "key/", identifier: .generatedId))
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["PrimaryKeyArn"],
            noInterruption: ["Description", "Enabled", "KeyPolicy", "PendingWindowInDays", "Tags"])
        /// Deleting it loses everything it encrypted in its Region.
        public static let holdsData = true

        /// What the replica protects. [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-description)
        public var description: String?
        /// False disables the replica. [Enabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-enabled)
        public var enabled: Bool?
        /// The replica's own key policy (not shared with the primary). [KeyPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-keypolicy)
        public var keyPolicy: IAM.PolicyDocument
        /// Days (7 to 30) between stack deletion and key deletion. [PendingWindowInDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-pendingwindowindays)
        public var pendingWindowInDays: Int?
        /// ARN of the multi-Region primary key. [PrimaryKeyArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-primarykeyarn)
        public var primaryKeyArn: Value
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-replicakey.html#cfn-kms-replicakey-tags)
        public var tags: [Tag]

        public init(
            primaryKeyArn: Value, description: String? = nil, keyPolicy: IAM.PolicyDocument, enabled: Bool? = nil,
            pendingWindowInDays: Int? = nil, tags: [Tag] = []
        ) {
            self.primaryKeyArn = primaryKeyArn
            self.description = description
            self.keyPolicy = keyPolicy
            self.enabled = enabled
            self.pendingWindowInDays = pendingWindowInDays
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Description", description)
            p.set("Enabled", enabled)
            p.set("KeyPolicy", keyPolicy)
            p.set("PendingWindowInDays", pendingWindowInDays)
            p.set("PrimaryKeyArn", primaryKeyArn)
            p.set("Tags", tags)
            return p.fields
        }
    }
}
