extension SNS {
    /// `AWS::SNS::TopicPolicy`: the resource policy of one or more topics.
    /// [AWS::SNS::TopicPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topicpolicy.html)
    public struct TopicPolicy: ResourceModel {
        public static let typeName = "AWS::SNS::TopicPolicy"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(noInterruption: ["PolicyDocument", "Topics"])

        /// Who may publish or subscribe. [PolicyDocument](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topicpolicy.html#cfn-sns-topicpolicy-policydocument)
        public var policyDocument: IAM.PolicyDocument
        /// ARNs of the topics. [Topics](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topicpolicy.html#cfn-sns-topicpolicy-topics)
        public var topics: [Value]

        public init(topics: [Value], policyDocument: IAM.PolicyDocument) {
            self.topics = topics
            self.policyDocument = policyDocument
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("PolicyDocument", policyDocument)
            p.set("Topics", topics)
            return p.fields
        }
    }
}
