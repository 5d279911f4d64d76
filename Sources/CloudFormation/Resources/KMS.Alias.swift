extension KMS {
    /// `AWS::KMS::Alias`: a friendly name (`alias/...`) for a KMS key.
    /// [AWS::KMS::Alias](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-alias.html)
    public struct Alias: ResourceModel {
        public static let typeName = "AWS::KMS::Alias"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(replacement: ["AliasName"], noInterruption: ["TargetKeyId"])

        /// The alias, beginning with `alias/` and not with `alias/aws/`. [AliasName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-alias.html#cfn-kms-alias-aliasname)
        public var aliasName: Value
        /// Id or ARN of the key the alias names (in the same account and Region). [TargetKeyId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-alias.html#cfn-kms-alias-targetkeyid)
        public var targetKeyId: Value

        public init(aliasName: Value, targetKeyId: Value) {
            self.aliasName = aliasName
            self.targetKeyId = targetKeyId
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("AliasName", aliasName)
            p.set("TargetKeyId", targetKeyId)
            return p.fields
        }
    }
}
