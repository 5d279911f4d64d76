extension Logs {
    /// `AWS::Logs::LogGroup`.
    /// [AWS::Logs::LogGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html)
    public struct LogGroup: ResourceModel {
        public static let typeName = "AWS::Logs::LogGroup"

        /// `Ref` is the log group name; the `Arn` is under `log-group:` and ends in `:*`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#aws-resource-logs-loggroup-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("logs", prefix: "log-group:", suffix: ":*"))
        /// The `LogGroupName` property.
        public var physicalName: Value? { logGroupName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "LogGroupName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["LogGroupName"],
            noInterruption: ["DeletionProtectionEnabled", "KmsKeyId", "LogGroupClass", "RetentionInDays", "Tags"])
        /// Deleting it loses its log events.
        public static let holdsData = true

        /// Refuse deletion of the log group while on. [DeletionProtectionEnabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-deletionprotectionenabled)
        public var deletionProtectionEnabled: Bool?
        /// ARN of the KMS key that encrypts the logs (its policy must admit CloudWatch Logs). [KmsKeyId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-kmskeyid)
        public var kmsKeyId: Value?
        /// Storage class; `STANDARD` when nil. [LogGroupClass](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-loggroupclass)
        public var logGroupClass: LogGroupClass?
        /// Name such as `/aws/codebuild/build`; generated when nil. [LogGroupName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-loggroupname)
        public var logGroupName: Value?
        /// Days events are kept, one of `allowedRetentionDays`; forever when nil. [RetentionInDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-retentionindays)
        public var retentionInDays: Int?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-tags)
        public var tags: [Tag]

        public init(
            logGroupName: Value? = nil, retentionInDays: Int? = nil, kmsKeyId: Value? = nil,
            logGroupClass: LogGroupClass? = nil, deletionProtectionEnabled: Bool? = nil, tags: [Tag] = []
        ) {
            self.logGroupName = logGroupName
            self.retentionInDays = retentionInDays
            self.kmsKeyId = kmsKeyId
            self.logGroupClass = logGroupClass
            self.deletionProtectionEnabled = deletionProtectionEnabled
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("DeletionProtectionEnabled", deletionProtectionEnabled)
            p.set("KmsKeyId", kmsKeyId)
            p.set("LogGroupClass", logGroupClass)
            p.set("LogGroupName", logGroupName)
            p.set("RetentionInDays", retentionInDays)
            p.set("Tags", tags)
            return p.fields
        }

        /// The only values `RetentionInDays` accepts, ascending.
        public static let allowedRetentionDays: [Int] = [
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
        ]

        /// True when CloudFormation accepts `days` as `RetentionInDays`.
        public static func isAllowedRetention(_ days: Int) -> Bool {
            allowedRetentionDays.contains(days)
        }

        /// The shortest allowed retention that keeps events at least `days` days, or nil when
        /// `days` is beyond the longest (3653, ten years).
        public static func retention(atLeast days: Int) -> Int? {
            allowedRetentionDays.first { $0 >= days }
        }

        public enum LogGroupClass: String, StringEnum {
            case standard = "STANDARD"
            case infrequentAccess = "INFREQUENT_ACCESS"
            case delivery = "DELIVERY"
        }
    }
}
