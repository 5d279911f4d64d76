extension SNS {
    /// `AWS::SNS::Topic`.
    /// [AWS::SNS::Topic](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html)
    public struct Topic: ResourceModel {
        public static let typeName = "AWS::SNS::Topic"

        /// `Ref` is the topic ARN (the attribute is `TopicArn`, not `Arn`): the topic name right
        /// after the account.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#aws-resource-sns-topic-return-values)
        public static let returnValues = ReturnValues(ref: .arn, arn: ArnFormat("sns"))
        /// The `TopicName` property.
        public var physicalName: Value? { topicName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "TopicName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["FifoTopic", "TopicName"],
            noInterruption: ["ContentBasedDeduplication", "DisplayName", "KmsMasterKeyId", "Subscription", "Tags"])

        /// Deduplicate by message body (FIFO topics). [ContentBasedDeduplication](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-contentbaseddeduplication)
        public var contentBasedDeduplication: Bool?
        /// Sender name for SMS. [DisplayName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-displayname)
        public var displayName: String?
        /// A FIFO topic (its name must end in `.fifo`). [FifoTopic](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-fifotopic)
        public var fifoTopic: Bool?
        /// Key id, alias or ARN for encryption at rest; its policy must admit the publishers. [KmsMasterKeyId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-kmsmasterkeyid)
        public var kmsMasterKeyId: Value?
        /// Inline subscriptions. [Subscription](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-subscription)
        public var subscription: [Subscription]
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-tags)
        public var tags: [Tag]
        /// A fixed name; generated when nil. [TopicName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html#cfn-sns-topic-topicname)
        public var topicName: Value?

        public init(
            topicName: Value? = nil, displayName: String? = nil, kmsMasterKeyId: Value? = nil,
            subscription: [Subscription] = [], fifoTopic: Bool? = nil, contentBasedDeduplication: Bool? = nil,
            tags: [Tag] = []
        ) {
            self.topicName = topicName
            self.displayName = displayName
            self.kmsMasterKeyId = kmsMasterKeyId
            self.subscription = subscription
            self.fifoTopic = fifoTopic
            self.contentBasedDeduplication = contentBasedDeduplication
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ContentBasedDeduplication", contentBasedDeduplication)
            p.set("DisplayName", displayName)
            p.set("FifoTopic", fifoTopic)
            p.set("KmsMasterKeyId", kmsMasterKeyId)
            p.set("Subscription", subscription)
            p.set("Tags", tags)
            p.set("TopicName", topicName)
            return p.fields
        }

        /// An inline subscription.
        /// [Subscription](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sns-topic-subscription.html)
        public struct Subscription: PropertyStruct, Hashable {
            /// Address, URL or ARN, by protocol. [Endpoint](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sns-topic-subscription.html#cfn-sns-topic-subscription-endpoint)
            public var endpoint: Value
            /// [Protocol](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sns-topic-subscription.html#cfn-sns-topic-subscription-protocol)
            public var `protocol`: SNS.SubscriptionProtocol

            public init(_ protocol: SNS.SubscriptionProtocol, endpoint: Value) {
                self.protocol = `protocol`
                self.endpoint = endpoint
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Endpoint", endpoint)
                p.set("Protocol", `protocol`)
                return p.fields
            }
        }
    }

    /// How SNS delivers to a subscriber. Open: any other value may be given as a string.
    public struct SubscriptionProtocol: OpenStringEnum {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let http = SubscriptionProtocol(rawValue: "http")
        public static let https = SubscriptionProtocol(rawValue: "https")
        public static let email = SubscriptionProtocol(rawValue: "email")
        public static let emailJSON = SubscriptionProtocol(rawValue: "email-json")
        public static let sms = SubscriptionProtocol(rawValue: "sms")
        public static let sqs = SubscriptionProtocol(rawValue: "sqs")
        public static let application = SubscriptionProtocol(rawValue: "application")
        public static let lambda = SubscriptionProtocol(rawValue: "lambda")
        public static let firehose = SubscriptionProtocol(rawValue: "firehose")
    }
}
