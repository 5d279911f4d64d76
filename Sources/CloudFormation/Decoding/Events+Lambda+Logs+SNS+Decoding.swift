// Decoding the EventBridge, Lambda, CloudWatch Logs and SNS types back from their lowered
// values (see `Decoding.swift`).

extension Events.Rule: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            name: try d.optional("Name"), description: try d.optional("Description"),
            eventBusName: try d.optional("EventBusName"), eventPattern: try d.optional("EventPattern"),
            scheduleExpression: try d.optional("ScheduleExpression"), state: try d.optional("State"),
            roleArn: try d.optional("RoleArn"), targets: try d.list("Targets"), tags: try d.list("Tags"))
    }
}

extension Events.Rule.Target: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            id: try d.required("Id"), arn: try d.required("Arn"), roleArn: try d.optional("RoleArn"),
            input: try d.optional("Input"), inputPath: try d.optional("InputPath"),
            inputTransformer: try d.optional("InputTransformer"), deadLetterConfig: try d.optional("DeadLetterConfig"),
            retryPolicy: try d.optional("RetryPolicy"))
    }
}

extension Events.Rule.InputTransformer: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(inputPathsMap: try d.map("InputPathsMap"), inputTemplate: try d.required("InputTemplate"))
    }
}

extension Events.Rule.DeadLetterConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(arn: try d.optional("Arn")) }
}

extension Events.Rule.RetryPolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            maximumEventAgeInSeconds: try d.optional("MaximumEventAgeInSeconds"),
            maximumRetryAttempts: try d.optional("MaximumRetryAttempts"))
    }
}

extension Lambda.Function: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            functionName: try d.optional("FunctionName"), description: try d.optional("Description"),
            runtime: try d.optional("Runtime"), handler: try d.optional("Handler"), role: try d.required("Role"),
            code: try d.required("Code"), timeout: try d.optional("Timeout"), memorySize: try d.optional("MemorySize"),
            architectures: try d.list("Architectures"), environment: try d.optional("Environment"),
            kmsKeyArn: try d.optional("KmsKeyArn"),
            reservedConcurrentExecutions: try d.optional("ReservedConcurrentExecutions"),
            loggingConfig: try d.optional("LoggingConfig"), deadLetterConfig: try d.optional("DeadLetterConfig"),
            tracingConfig: try d.optional("TracingConfig"), layers: try d.list("Layers"), tags: try d.list("Tags"))
    }
}

extension Lambda.Function.Code: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            zipFile: try d.optional("ZipFile"), s3Bucket: try d.optional("S3Bucket"), s3Key: try d.optional("S3Key"),
            s3ObjectVersion: try d.optional("S3ObjectVersion"), imageUri: try d.optional("ImageUri"))
    }
}

extension Lambda.Function.DeadLetterConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(targetArn: try d.optional("TargetArn")) }
}

extension Lambda.Function.Environment: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.map("Variables")) }
}

extension Lambda.Function.LoggingConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            logFormat: try d.optional("LogFormat"), logGroup: try d.optional("LogGroup"),
            applicationLogLevel: try d.optional("ApplicationLogLevel"), systemLogLevel: try d.optional("SystemLogLevel"))
    }
}

extension Lambda.Function.TracingConfig: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(mode: try d.optional("Mode")) }
}

extension Lambda.Permission: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            action: try d.required("Action"), functionName: try d.required("FunctionName"),
            principal: try d.required("Principal"), sourceArn: try d.optional("SourceArn"),
            sourceAccount: try d.optional("SourceAccount"))
    }
}

extension Logs.LogGroup: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            logGroupName: try d.optional("LogGroupName"), retentionInDays: try d.optional("RetentionInDays"),
            kmsKeyId: try d.optional("KmsKeyId"), logGroupClass: try d.optional("LogGroupClass"),
            deletionProtectionEnabled: try d.optional("DeletionProtectionEnabled"), tags: try d.list("Tags"))
    }
}

extension SNS.Topic: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            topicName: try d.optional("TopicName"), displayName: try d.optional("DisplayName"),
            kmsMasterKeyId: try d.optional("KmsMasterKeyId"), subscription: try d.list("Subscription"),
            fifoTopic: try d.optional("FifoTopic"), contentBasedDeduplication: try d.optional("ContentBasedDeduplication"),
            tags: try d.list("Tags"))
    }
}

extension SNS.Topic.Subscription: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("Protocol"), endpoint: try d.required("Endpoint"))
    }
}

extension SNS.TopicPolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(topics: try d.list("Topics"), policyDocument: try d.required("PolicyDocument"))
    }
}

extension SNS.Subscription: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            topicArn: try d.required("TopicArn"), protocol: try d.required("Protocol"), endpoint: try d.optional("Endpoint"),
            filterPolicy: try d.optional("FilterPolicy"), filterPolicyScope: try d.optional("FilterPolicyScope"),
            rawMessageDelivery: try d.optional("RawMessageDelivery"), redrivePolicy: try d.optional("RedrivePolicy"),
            region: try d.optional("Region"))
    }
}
