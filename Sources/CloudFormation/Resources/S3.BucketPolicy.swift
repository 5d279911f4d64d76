extension S3 {
    /// `AWS::S3::BucketPolicy`: the resource policy of a bucket.
    /// [AWS::S3::BucketPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html)
    public struct BucketPolicy: ResourceModel {
        public static let typeName = "AWS::S3::BucketPolicy"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(replacement: ["Bucket"], noInterruption: ["PolicyDocument"])

        /// Name of the bucket. [Bucket](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html#cfn-s3-bucketpolicy-bucket)
        public var bucket: Value
        /// The policy; statements need a `Principal`. [PolicyDocument](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html#cfn-s3-bucketpolicy-policydocument)
        public var policyDocument: IAM.PolicyDocument

        public init(bucket: Value, policyDocument: IAM.PolicyDocument) {
            self.bucket = bucket
            self.policyDocument = policyDocument
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Bucket", bucket)
            p.set("PolicyDocument", policyDocument)
            return p.fields
        }
    }
}
