extension Lambda.Function {
    /// The deployment package: inline source, a zip in S3, or an image.
    /// [Code](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html)
    public struct Code: PropertyStruct, Hashable {
        /// ECR image URI, for image packages. [ImageUri](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-imageuri)
        public var imageUri: Value?
        /// Bucket of the zip, in the function's Region (may be another account's). [S3Bucket](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-s3bucket)
        public var s3Bucket: Value?
        /// Key of the zip. [S3Key](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-s3key)
        public var s3Key: Value?
        /// Version of the zip, for versioned buckets. [S3ObjectVersion](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-s3objectversion)
        public var s3ObjectVersion: Value?
        /// Inline source (Node.js and Python only, at most 4 MB). [ZipFile](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-zipfile)
        public var zipFile: String?

        public init(
            zipFile: String? = nil, s3Bucket: Value? = nil, s3Key: Value? = nil, s3ObjectVersion: Value? = nil,
            imageUri: Value? = nil
        ) {
            self.zipFile = zipFile
            self.s3Bucket = s3Bucket
            self.s3Key = s3Key
            self.s3ObjectVersion = s3ObjectVersion
            self.imageUri = imageUri
        }

        /// Inline source.
        public static func inline(_ source: String) -> Code { Code(zipFile: source) }

        /// A zip in S3.
        public static func s3(bucket: Value, key: Value, version: Value? = nil) -> Code {
            Code(s3Bucket: bucket, s3Key: key, s3ObjectVersion: version)
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ImageUri", imageUri)
            p.set("S3Bucket", s3Bucket)
            p.set("S3Key", s3Key)
            p.set("S3ObjectVersion", s3ObjectVersion)
            p.set("ZipFile", zipFile)
            return p.fields
        }
    }

    /// [DeadLetterConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-deadletterconfig.html)
    public struct DeadLetterConfig: PropertyStruct, Hashable {
        /// ARN of an SQS queue or SNS topic. [TargetArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-deadletterconfig.html#cfn-lambda-function-deadletterconfig-targetarn)
        public var targetArn: Value?

        public init(targetArn: Value?) { self.targetArn = targetArn }

        public var properties: [Field] {
            var p = Properties()
            p.set("TargetArn", targetArn)
            return p.fields
        }
    }

    /// [Environment](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-environment.html)
    public struct Environment: PropertyStruct, Hashable {
        /// Names and values, in the order given. [Variables](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-environment.html#cfn-lambda-function-environment-variables)
        public var variables: [Field]

        public init(_ variables: [Field]) { self.variables = variables }

        public var properties: [Field] {
            var p = Properties()
            p.set("Variables", fields: variables)
            return p.fields
        }
    }

    /// [LoggingConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html)
    public struct LoggingConfig: PropertyStruct, Hashable {
        /// Lowest application level logged; JSON format only. [ApplicationLogLevel](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html#cfn-lambda-function-loggingconfig-applicationloglevel)
        public var applicationLogLevel: ApplicationLogLevel?
        /// [LogFormat](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html#cfn-lambda-function-loggingconfig-logformat)
        public var logFormat: LogFormat?
        /// Log group name; `/aws/lambda/<function>` when nil. [LogGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html#cfn-lambda-function-loggingconfig-loggroup)
        public var logGroup: Value?
        /// Lowest system level logged; JSON format only. [SystemLogLevel](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html#cfn-lambda-function-loggingconfig-systemloglevel)
        public var systemLogLevel: SystemLogLevel?

        public init(
            logFormat: LogFormat? = nil, logGroup: Value? = nil, applicationLogLevel: ApplicationLogLevel? = nil,
            systemLogLevel: SystemLogLevel? = nil
        ) {
            self.logFormat = logFormat
            self.logGroup = logGroup
            self.applicationLogLevel = applicationLogLevel
            self.systemLogLevel = systemLogLevel
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ApplicationLogLevel", applicationLogLevel)
            p.set("LogFormat", logFormat)
            p.set("LogGroup", logGroup)
            p.set("SystemLogLevel", systemLogLevel)
            return p.fields
        }

        public enum LogFormat: String, StringEnum {
            case text = "Text"
            case json = "JSON"
        }

        public enum ApplicationLogLevel: String, StringEnum {
            case trace = "TRACE"
            case debug = "DEBUG"
            case info = "INFO"
            case warn = "WARN"
            case error = "ERROR"
            case fatal = "FATAL"
        }

        public enum SystemLogLevel: String, StringEnum {
            case debug = "DEBUG"
            case info = "INFO"
            case warn = "WARN"
        }
    }

    /// [TracingConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-tracingconfig.html)
    public struct TracingConfig: PropertyStruct, Hashable {
        /// [Mode](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-tracingconfig.html#cfn-lambda-function-tracingconfig-mode)
        public var mode: Mode?

        public init(mode: Mode?) { self.mode = mode }

        public var properties: [Field] {
            var p = Properties()
            p.set("Mode", mode)
            return p.fields
        }

        public enum Mode: String, StringEnum {
            case active = "Active"
            case passThrough = "PassThrough"
        }
    }
}
