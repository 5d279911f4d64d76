extension Events {
    /// `AWS::Events::Rule`: an EventBridge rule matching events (or a schedule) to targets.
    /// [AWS::Events::Rule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html)
    public struct Rule: ResourceModel {
        public static let typeName = "AWS::Events::Rule"

        /// `Ref` is the rule name; the `Arn` is under `rule/` (for a rule on the default bus, the only
        /// kind pipegen makes; a custom bus adds its name).
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#aws-resource-events-rule-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("events", prefix: "rule/"))
        /// The `Name` property.
        public var physicalName: Value? { name }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "Name"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Name"],
            noInterruption: [
                "Description", "EventBusName", "EventPattern", "RoleArn", "ScheduleExpression", "State", "Tags",
                "Targets",
            ])

        /// [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-description)
        public var description: String?
        /// Name or ARN of the event bus; `default` when nil. [EventBusName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-eventbusname)
        public var eventBusName: Value?
        /// The event pattern, as JSON-shaped data. Give this or `scheduleExpression`. [EventPattern](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-eventpattern)
        public var eventPattern: Value?
        /// A fixed name; generated when nil. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-name)
        public var name: Value?
        /// Role for targets that take no per-target role. [RoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-rolearn)
        public var roleArn: Value?
        /// `rate(...)` or `cron(...)`. [ScheduleExpression](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-scheduleexpression)
        public var scheduleExpression: String?
        /// `ENABLED` when nil. [State](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-state)
        public var state: State?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-tags)
        public var tags: [Tag]
        /// At least one target. [Targets](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-targets)
        public var targets: [Target]

        public init(
            name: Value? = nil, description: String? = nil, eventBusName: Value? = nil, eventPattern: Value? = nil,
            scheduleExpression: String? = nil, state: State? = nil, roleArn: Value? = nil, targets: [Target],
            tags: [Tag] = []
        ) {
            self.name = name
            self.description = description
            self.eventBusName = eventBusName
            self.eventPattern = eventPattern
            self.scheduleExpression = scheduleExpression
            self.state = state
            self.roleArn = roleArn
            self.targets = targets
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Description", description)
            p.set("EventBusName", eventBusName)
            p.set("EventPattern", eventPattern)
            p.set("Name", name)
            p.set("RoleArn", roleArn)
            p.set("ScheduleExpression", scheduleExpression)
            p.set("State", state)
            p.set("Tags", tags)
            p.set("Targets", targets)
            return p.fields
        }

        public enum State: String, StringEnum {
            case enabled = "ENABLED"
            case disabled = "DISABLED"
            case enabledWithAllCloudTrailManagementEvents = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
        }

        /// Where matched events go.
        /// [Target](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html)
        public struct Target: PropertyStruct, Hashable {
            /// ARN of the target (pipeline, function, topic, event bus...). [Arn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-arn)
            public var arn: Value
            /// Queue for events that could not be delivered. [DeadLetterConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-deadletterconfig)
            public var deadLetterConfig: DeadLetterConfig?
            /// Unique in the rule; letters, digits, `.`, `-`, `_`. [Id](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-id)
            public var id: String
            /// Fixed JSON text sent instead of the event. [Input](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-input)
            public var input: Value?
            /// JSONPath of the part of the event to send. [InputPath](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-inputpath)
            public var inputPath: String?
            /// Build the input from parts of the event. [InputTransformer](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-inputtransformer)
            public var inputTransformer: InputTransformer?
            /// Delivery retries. [RetryPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-retrypolicy)
            public var retryPolicy: RetryPolicy?
            /// Role EventBridge assumes to reach the target (pipelines, other buses). [RoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html#cfn-events-rule-target-rolearn)
            public var roleArn: Value?

            public init(
                id: String, arn: Value, roleArn: Value? = nil, input: Value? = nil, inputPath: String? = nil,
                inputTransformer: InputTransformer? = nil, deadLetterConfig: DeadLetterConfig? = nil,
                retryPolicy: RetryPolicy? = nil
            ) {
                self.id = id
                self.arn = arn
                self.roleArn = roleArn
                self.input = input
                self.inputPath = inputPath
                self.inputTransformer = inputTransformer
                self.deadLetterConfig = deadLetterConfig
                self.retryPolicy = retryPolicy
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Arn", arn)
                p.set("DeadLetterConfig", deadLetterConfig)
                p.set("Id", id)
                p.set("Input", input)
                p.set("InputPath", inputPath)
                p.set("InputTransformer", inputTransformer)
                p.set("RetryPolicy", retryPolicy)
                p.set("RoleArn", roleArn)
                return p.fields
            }
        }

        /// [InputTransformer](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-inputtransformer.html)
        public struct InputTransformer: PropertyStruct, Hashable {
            /// Names for JSONPaths into the event, such as `pipeline: $.detail.pipeline`. [InputPathsMap](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-inputtransformer.html#cfn-events-rule-inputtransformer-inputpathsmap)
            public var inputPathsMap: [Field]
            /// The input, with `<name>` placeholders. [InputTemplate](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-inputtransformer.html#cfn-events-rule-inputtransformer-inputtemplate)
            public var inputTemplate: String

            public init(inputPathsMap: [Field] = [], inputTemplate: String) {
                self.inputPathsMap = inputPathsMap
                self.inputTemplate = inputTemplate
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("InputPathsMap", fields: inputPathsMap)
                p.set("InputTemplate", inputTemplate)
                return p.fields
            }
        }

        /// [DeadLetterConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-deadletterconfig.html)
        public struct DeadLetterConfig: PropertyStruct, Hashable {
            /// ARN of the SQS queue. [Arn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-deadletterconfig.html#cfn-events-rule-deadletterconfig-arn)
            public var arn: Value?

            public init(arn: Value?) { self.arn = arn }

            public var properties: [Field] {
                var p = Properties()
                p.set("Arn", arn)
                return p.fields
            }
        }

        /// [RetryPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-retrypolicy.html)
        public struct RetryPolicy: PropertyStruct, Hashable {
            /// Give up on an event after this many seconds (60 to 86400). [MaximumEventAgeInSeconds](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-retrypolicy.html#cfn-events-rule-retrypolicy-maximumeventageinseconds)
            public var maximumEventAgeInSeconds: Int?
            /// At most this many retries (0 to 185). [MaximumRetryAttempts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-retrypolicy.html#cfn-events-rule-retrypolicy-maximumretryattempts)
            public var maximumRetryAttempts: Int?

            public init(maximumEventAgeInSeconds: Int? = nil, maximumRetryAttempts: Int? = nil) {
                self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
                self.maximumRetryAttempts = maximumRetryAttempts
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("MaximumEventAgeInSeconds", maximumEventAgeInSeconds)
                p.set("MaximumRetryAttempts", maximumRetryAttempts)
                return p.fields
            }
        }
    }
}
