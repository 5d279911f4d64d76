extension ECR {
    /// `AWS::ECR::RegistryPolicy`: the permissions policy of a private registry (one per
    /// account and Region), which lets another account replicate images into it.
    /// [AWS::ECR::RegistryPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-registrypolicy.html)
    public struct RegistryPolicy: ResourceModel {
        public static let typeName = "AWS::ECR::RegistryPolicy"
        /// PolicyText: "Update requires: No interruption" (the resource reference above).
        public static let updateBehaviors = UpdateBehaviors(noInterruption: ["PolicyText"])

        /// The policy; only `ecr:ReplicateImage`, `ecr:CreateRepository` and
        /// `ecr:BatchImportUpstreamImage` may be granted. [PolicyText](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-registrypolicy.html#cfn-ecr-registrypolicy-policytext)
        public var policyText: IAM.PolicyDocument

        public init(policyText: IAM.PolicyDocument) {
            self.policyText = policyText
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("PolicyText", policyText)
            return p.fields
        }
    }
}
