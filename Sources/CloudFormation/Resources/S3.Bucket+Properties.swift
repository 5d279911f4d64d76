extension S3.Bucket {
    /// Default encryption of the bucket.
    /// [BucketEncryption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html)
    public struct BucketEncryption: PropertyStruct, Hashable {
        /// The encryption rules (one in practice). [ServerSideEncryptionConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html#cfn-s3-bucket-bucketencryption-serversideencryptionconfiguration)
        public var serverSideEncryptionConfiguration: [ServerSideEncryptionRule]

        public init(_ rules: [ServerSideEncryptionRule]) { self.serverSideEncryptionConfiguration = rules }

        /// SSE-KMS with `key` (an ARN is safest across accounts) and S3 Bucket Keys on.
        public static func kms(_ key: Value) -> BucketEncryption {
            BucketEncryption([
                ServerSideEncryptionRule(
                    bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKMS, kmsMasterKeyID: key))
            ])
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ServerSideEncryptionConfiguration", serverSideEncryptionConfiguration)
            return p.fields
        }
    }

    /// One default-encryption rule.
    /// [ServerSideEncryptionRule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionrule.html)
    public struct ServerSideEncryptionRule: PropertyStruct, Hashable {
        /// Use an S3 Bucket Key, cutting KMS requests. [BucketKeyEnabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionrule.html#cfn-s3-bucket-serversideencryptionrule-bucketkeyenabled)
        public var bucketKeyEnabled: Bool?
        /// Algorithm and key. [ServerSideEncryptionByDefault](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionrule.html#cfn-s3-bucket-serversideencryptionrule-serversideencryptionbydefault)
        public var serverSideEncryptionByDefault: ServerSideEncryptionByDefault?

        public init(bucketKeyEnabled: Bool? = nil, serverSideEncryptionByDefault: ServerSideEncryptionByDefault? = nil) {
            self.bucketKeyEnabled = bucketKeyEnabled
            self.serverSideEncryptionByDefault = serverSideEncryptionByDefault
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("BucketKeyEnabled", bucketKeyEnabled)
            p.set("ServerSideEncryptionByDefault", serverSideEncryptionByDefault)
            return p.fields
        }
    }

    /// The default algorithm and key.
    /// [ServerSideEncryptionByDefault](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html)
    public struct ServerSideEncryptionByDefault: PropertyStruct, Hashable {
        /// Key id, alias or ARN; only with the KMS algorithms. [KMSMasterKeyID](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html#cfn-s3-bucket-serversideencryptionbydefault-kmsmasterkeyid)
        public var kmsMasterKeyID: Value?
        /// [SSEAlgorithm](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html#cfn-s3-bucket-serversideencryptionbydefault-ssealgorithm)
        public var sseAlgorithm: SSEAlgorithm

        public init(sseAlgorithm: SSEAlgorithm, kmsMasterKeyID: Value? = nil) {
            self.sseAlgorithm = sseAlgorithm
            self.kmsMasterKeyID = kmsMasterKeyID
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("KMSMasterKeyID", kmsMasterKeyID)
            p.set("SSEAlgorithm", sseAlgorithm)
            return p.fields
        }

        public enum SSEAlgorithm: String, StringEnum {
            case awsKMS = "aws:kms"
            case aes256 = "AES256"
            case awsKMSDSSE = "aws:kms:dsse"
        }
    }

    /// Versioning state.
    /// [VersioningConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-versioningconfiguration.html)
    public struct VersioningConfiguration: PropertyStruct, Hashable {
        /// [Status](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-versioningconfiguration.html#cfn-s3-bucket-versioningconfiguration-status)
        public var status: Status

        public init(_ status: Status) { self.status = status }

        public static let enabled = VersioningConfiguration(.enabled)

        public var properties: [Field] { [Field("Status", status.cfnValue)] }

        public enum Status: String, StringEnum {
            case enabled = "Enabled"
            case suspended = "Suspended"
        }
    }

    /// The four public-access switches.
    /// [PublicAccessBlockConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html)
    public struct PublicAccessBlockConfiguration: PropertyStruct, Hashable {
        /// Reject requests that add public ACLs. [BlockPublicAcls](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html#cfn-s3-bucket-publicaccessblockconfiguration-blockpublicacls)
        public var blockPublicAcls: Bool?
        /// Reject bucket policies that grant public access. [BlockPublicPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html#cfn-s3-bucket-publicaccessblockconfiguration-blockpublicpolicy)
        public var blockPublicPolicy: Bool?
        /// Ignore public ACLs already present. [IgnorePublicAcls](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html#cfn-s3-bucket-publicaccessblockconfiguration-ignorepublicacls)
        public var ignorePublicAcls: Bool?
        /// Limit a public policy's reach to AWS services and the owner. [RestrictPublicBuckets](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html#cfn-s3-bucket-publicaccessblockconfiguration-restrictpublicbuckets)
        public var restrictPublicBuckets: Bool?

        public init(
            blockPublicAcls: Bool? = nil, blockPublicPolicy: Bool? = nil, ignorePublicAcls: Bool? = nil,
            restrictPublicBuckets: Bool? = nil
        ) {
            self.blockPublicAcls = blockPublicAcls
            self.blockPublicPolicy = blockPublicPolicy
            self.ignorePublicAcls = ignorePublicAcls
            self.restrictPublicBuckets = restrictPublicBuckets
        }

        /// All four on.
        public static let blockAll = PublicAccessBlockConfiguration(
            blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true)

        public var properties: [Field] {
            var p = Properties()
            p.set("BlockPublicAcls", blockPublicAcls)
            p.set("BlockPublicPolicy", blockPublicPolicy)
            p.set("IgnorePublicAcls", ignorePublicAcls)
            p.set("RestrictPublicBuckets", restrictPublicBuckets)
            return p.fields
        }
    }

    /// Object ownership rules.
    /// [OwnershipControls](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-ownershipcontrols.html)
    public struct OwnershipControls: PropertyStruct, Hashable {
        /// [Rules](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-ownershipcontrols.html#cfn-s3-bucket-ownershipcontrols-rules)
        public var rules: [OwnershipControlsRule]

        public init(_ rules: [OwnershipControlsRule]) { self.rules = rules }

        /// The bucket owner owns every object; ACLs are disabled.
        public static let bucketOwnerEnforced = OwnershipControls([OwnershipControlsRule(.bucketOwnerEnforced)])

        public var properties: [Field] { [Field("Rules", rules.cfnValue)] }
    }

    /// [OwnershipControlsRule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-ownershipcontrolsrule.html)
    public struct OwnershipControlsRule: PropertyStruct, Hashable {
        /// [ObjectOwnership](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-ownershipcontrolsrule.html#cfn-s3-bucket-ownershipcontrolsrule-objectownership)
        public var objectOwnership: ObjectOwnership?

        public init(_ objectOwnership: ObjectOwnership?) { self.objectOwnership = objectOwnership }

        public var properties: [Field] {
            var p = Properties()
            p.set("ObjectOwnership", objectOwnership)
            return p.fields
        }

        public enum ObjectOwnership: String, StringEnum {
            case objectWriter = "ObjectWriter"
            case bucketOwnerPreferred = "BucketOwnerPreferred"
            case bucketOwnerEnforced = "BucketOwnerEnforced"
        }
    }

    /// Server access logging.
    /// [LoggingConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-loggingconfiguration.html)
    public struct LoggingConfiguration: PropertyStruct, Hashable {
        /// Bucket that receives the logs; this bucket when nil. [DestinationBucketName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-loggingconfiguration.html#cfn-s3-bucket-loggingconfiguration-destinationbucketname)
        public var destinationBucketName: Value?
        /// Key prefix of the log objects. [LogFilePrefix](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-loggingconfiguration.html#cfn-s3-bucket-loggingconfiguration-logfileprefix)
        public var logFilePrefix: String?

        public init(destinationBucketName: Value? = nil, logFilePrefix: String? = nil) {
            self.destinationBucketName = destinationBucketName
            self.logFilePrefix = logFilePrefix
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("DestinationBucketName", destinationBucketName)
            p.set("LogFilePrefix", logFilePrefix)
            return p.fields
        }
    }

    /// Event notifications. Only the EventBridge switch is modelled (pipelines react to S3
    /// events through EventBridge rules).
    /// [NotificationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-notificationconfiguration.html)
    public struct NotificationConfiguration: PropertyStruct, Hashable {
        /// Send all bucket events to EventBridge. [EventBridgeConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-notificationconfiguration.html#cfn-s3-bucket-notificationconfiguration-eventbridgeconfiguration)
        public var eventBridgeConfiguration: EventBridgeConfiguration?

        public init(eventBridgeConfiguration: EventBridgeConfiguration?) {
            self.eventBridgeConfiguration = eventBridgeConfiguration
        }

        /// EventBridge delivery on.
        public static let eventBridge = NotificationConfiguration(eventBridgeConfiguration: .init(eventBridgeEnabled: true))

        public var properties: [Field] {
            var p = Properties()
            p.set("EventBridgeConfiguration", eventBridgeConfiguration)
            return p.fields
        }
    }

    /// [EventBridgeConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-eventbridgeconfiguration.html)
    public struct EventBridgeConfiguration: PropertyStruct, Hashable {
        /// [EventBridgeEnabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-eventbridgeconfiguration.html#cfn-s3-bucket-eventbridgeconfiguration-eventbridgeenabled)
        public var eventBridgeEnabled: Bool

        public init(eventBridgeEnabled: Bool) { self.eventBridgeEnabled = eventBridgeEnabled }

        public var properties: [Field] { [Field("EventBridgeEnabled", .bool(eventBridgeEnabled))] }
    }
}
