extension Lambda {
    /// `AWS::Lambda::Function`. Nested property types are in `Lambda.Function+Properties.swift`.
    /// [AWS::Lambda::Function](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html)
    public struct Function: ResourceModel {
        public static let typeName = "AWS::Lambda::Function"

        /// `Ref` is the function name; the `Arn` is under `function:`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#aws-resource-lambda-function-return-values),
        /// [ARN format](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html#awslambda-resources-for-iam-policies)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("lambda", prefix: "function:"))
        /// The `FunctionName` property.
        public var physicalName: Value? { functionName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "FunctionName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["FunctionName"],
            noInterruption: [
                "Architectures", "Code", "DeadLetterConfig", "Description", "Environment", "Handler", "KmsKeyArn",
                "Layers", "LoggingConfig", "MemorySize", "ReservedConcurrentExecutions", "Role", "Runtime", "Tags",
                "Timeout", "TracingConfig",
            ])

        /// `x86_64` (default) or `arm64`; one value. [Architectures](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-architectures)
        public var architectures: [Architecture]
        /// The deployment package. [Code](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-code)
        public var code: Code
        /// Where failed asynchronous events go. [DeadLetterConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-deadletterconfig)
        public var deadLetterConfig: DeadLetterConfig?
        /// [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-description)
        public var description: String?
        /// Environment variables. [Environment](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-environment)
        public var environment: Environment?
        /// A fixed name (at most 64 characters); generated when nil. [FunctionName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-functionname)
        public var functionName: Value?
        /// Entry point, such as `index.handler`; not for images. [Handler](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-handler)
        public var handler: String?
        /// Key ARN that encrypts the environment variables. [KmsKeyArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-kmskeyarn)
        public var kmsKeyArn: Value?
        /// Layer version ARNs (at most 5). [Layers](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-layers)
        public var layers: [Value]
        /// Log format, levels and group. [LoggingConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-loggingconfig)
        public var loggingConfig: LoggingConfig?
        /// MiB (128 to 32768); 128 when nil. [MemorySize](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-memorysize)
        public var memorySize: Int?
        /// Concurrency reserved for (and capping) the function. [ReservedConcurrentExecutions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-reservedconcurrentexecutions)
        public var reservedConcurrentExecutions: Int?
        /// ARN of the execution role. [Role](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-role)
        public var role: Value
        /// Runtime identifier, for zip packages. [Runtime](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-runtime)
        public var runtime: Runtime?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-tags)
        public var tags: [Tag]
        /// Seconds (1 to 900); 3 when nil. [Timeout](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-timeout)
        public var timeout: Int?
        /// X-Ray tracing. [TracingConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-tracingconfig)
        public var tracingConfig: TracingConfig?

        public init(
            functionName: Value? = nil, description: String? = nil, runtime: Runtime?, handler: String?, role: Value,
            code: Code, timeout: Int? = nil, memorySize: Int? = nil, architectures: [Architecture] = [],
            environment: Environment? = nil, kmsKeyArn: Value? = nil, reservedConcurrentExecutions: Int? = nil,
            loggingConfig: LoggingConfig? = nil, deadLetterConfig: DeadLetterConfig? = nil,
            tracingConfig: TracingConfig? = nil, layers: [Value] = [], tags: [Tag] = []
        ) {
            self.functionName = functionName
            self.description = description
            self.runtime = runtime
            self.handler = handler
            self.role = role
            self.code = code
            self.timeout = timeout
            self.memorySize = memorySize
            self.architectures = architectures
            self.environment = environment
            self.kmsKeyArn = kmsKeyArn
            self.reservedConcurrentExecutions = reservedConcurrentExecutions
            self.loggingConfig = loggingConfig
            self.deadLetterConfig = deadLetterConfig
            self.tracingConfig = tracingConfig
            self.layers = layers
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Architectures", architectures)
            p.set("Code", code)
            p.set("DeadLetterConfig", deadLetterConfig)
            p.set("Description", description)
            p.set("Environment", environment)
            p.set("FunctionName", functionName)
            p.set("Handler", handler)
            p.set("KmsKeyArn", kmsKeyArn)
            p.set("Layers", layers)
            p.set("LoggingConfig", loggingConfig)
            p.set("MemorySize", memorySize)
            p.set("ReservedConcurrentExecutions", reservedConcurrentExecutions)
            p.set("Role", role)
            p.set("Runtime", runtime)
            p.set("Tags", tags)
            p.set("Timeout", timeout)
            p.set("TracingConfig", tracingConfig)
            return p.fields
        }

        public enum Architecture: String, StringEnum {
            case x86_64
            case arm64
        }

        /// `Runtime`; AWS adds runtimes every year, so any other value may be given as a string.
        public struct Runtime: OpenStringEnum {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let nodejs22 = Runtime(rawValue: "nodejs22.x")
            public static let nodejs24 = Runtime(rawValue: "nodejs24.x")
            public static let python312 = Runtime(rawValue: "python3.12")
            public static let python313 = Runtime(rawValue: "python3.13")
            public static let python314 = Runtime(rawValue: "python3.14")
            public static let java21 = Runtime(rawValue: "java21")
            public static let java25 = Runtime(rawValue: "java25")
            public static let dotnet8 = Runtime(rawValue: "dotnet8")
            public static let dotnet10 = Runtime(rawValue: "dotnet10")
            public static let ruby34 = Runtime(rawValue: "ruby3.4")
            public static let providedAL2023 = Runtime(rawValue: "provided.al2023")
        }
    }
}
