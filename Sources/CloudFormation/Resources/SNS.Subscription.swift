extension SNS {
    /// `AWS::SNS::Subscription`: a subscription with its own settings (filter policy, raw
    /// delivery), or in another Region or account than the topic.
    /// [AWS::SNS::Subscription](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html)
    public struct Subscription: ResourceModel {
        public static let typeName = "AWS::SNS::Subscription"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Endpoint", "Protocol", "TopicArn"],
            noInterruption: ["FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "Region"])

        /// Address, URL or ARN, by protocol. [Endpoint](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-endpoint)
        public var endpoint: Value?
        /// Which messages the subscriber gets, as JSON-shaped data. [FilterPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-filterpolicy)
        public var filterPolicy: Value?
        /// What the filter policy reads; `MessageAttributes` when nil. [FilterPolicyScope](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-filterpolicyscope)
        public var filterPolicyScope: FilterPolicyScope?
        /// [Protocol](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-protocol)
        public var `protocol`: SubscriptionProtocol
        /// Deliver the message without the SNS envelope. [RawMessageDelivery](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-rawmessagedelivery)
        public var rawMessageDelivery: Bool?
        /// Dead-letter queue settings, as JSON-shaped data. [RedrivePolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-redrivepolicy)
        public var redrivePolicy: Value?
        /// The topic's Region, when it differs from the stack's. [Region](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-region)
        public var region: Value?
        /// [TopicArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html#cfn-sns-subscription-topicarn)
        public var topicArn: Value

        public init(
            topicArn: Value, protocol: SubscriptionProtocol, endpoint: Value? = nil, filterPolicy: Value? = nil,
            filterPolicyScope: FilterPolicyScope? = nil, rawMessageDelivery: Bool? = nil, redrivePolicy: Value? = nil,
            region: Value? = nil
        ) {
            self.topicArn = topicArn
            self.protocol = `protocol`
            self.endpoint = endpoint
            self.filterPolicy = filterPolicy
            self.filterPolicyScope = filterPolicyScope
            self.rawMessageDelivery = rawMessageDelivery
            self.redrivePolicy = redrivePolicy
            self.region = region
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Endpoint", endpoint)
            p.set("FilterPolicy", filterPolicy)
            p.set("FilterPolicyScope", filterPolicyScope)
            p.set("Protocol", `protocol`)
            p.set("RawMessageDelivery", rawMessageDelivery)
            p.set("RedrivePolicy", redrivePolicy)
            p.set("Region", region)
            p.set("TopicArn", topicArn)
            return p.fields
        }

        public enum FilterPolicyScope: String, StringEnum {
            case messageAttributes = "MessageAttributes"
            case messageBody = "MessageBody"
        }
    }
}
