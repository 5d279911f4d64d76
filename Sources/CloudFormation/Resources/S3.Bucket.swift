extension S3 {
    /// `AWS::S3::Bucket`. Nested property types are in `S3.Bucket+Properties.swift`.
    /// [AWS::S3::Bucket](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html)
    public struct Bucket: ResourceModel {
        public static let typeName = "AWS::S3::Bucket"

        /// `Ref` is the bucket name; the `Arn` names neither region nor account (bucket names are
        /// unique in the partition).
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#aws-resource-s3-bucket-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("s3", .partition))
        /// The `BucketName` property.
        public var physicalName: Value? { bucketName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "BucketName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["BucketName"],
            noInterruption: [
                "BucketEncryption", "LifecycleConfiguration", "LoggingConfiguration", "NotificationConfiguration",
                "ObjectLockEnabled", "OwnershipControls", "PublicAccessBlockConfiguration", "Tags",
                "VersioningConfiguration",
            ])
        /// Deleting it loses its objects.
        public static let holdsData = true

        /// Default encryption of new objects. [BucketEncryption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-bucketencryption)
        public var bucketEncryption: BucketEncryption?
        /// A fixed, globally unique name; generated when nil. Changing it replaces the bucket. [BucketName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-bucketname)
        public var bucketName: Value?
        /// Expiry of objects, old versions and incomplete uploads. [LifecycleConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-lifecycleconfiguration)
        public var lifecycleConfiguration: LifecycleConfiguration?
        /// Where server access logs go. [LoggingConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-loggingconfiguration)
        public var loggingConfiguration: LoggingConfiguration?
        /// Event notifications; only EventBridge delivery is modelled. [NotificationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-notificationconfiguration)
        public var notificationConfiguration: NotificationConfiguration?
        /// Enable Object Lock; only when the bucket is created. [ObjectLockEnabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-objectlockenabled)
        public var objectLockEnabled: Bool?
        /// Object ownership; `BucketOwnerEnforced` disables ACLs. [OwnershipControls](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-ownershipcontrols)
        public var ownershipControls: OwnershipControls?
        /// Block public ACLs and policies. [PublicAccessBlockConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-publicaccessblockconfiguration)
        public var publicAccessBlockConfiguration: PublicAccessBlockConfiguration?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-tags)
        public var tags: [Tag]
        /// Keep every version of every object. [VersioningConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-versioningconfiguration)
        public var versioningConfiguration: VersioningConfiguration?

        public init(
            bucketName: Value? = nil, bucketEncryption: BucketEncryption? = nil,
            versioningConfiguration: VersioningConfiguration? = nil,
            publicAccessBlockConfiguration: PublicAccessBlockConfiguration? = nil,
            ownershipControls: OwnershipControls? = nil, lifecycleConfiguration: LifecycleConfiguration? = nil,
            loggingConfiguration: LoggingConfiguration? = nil,
            notificationConfiguration: NotificationConfiguration? = nil, objectLockEnabled: Bool? = nil,
            tags: [Tag] = []
        ) {
            self.bucketName = bucketName
            self.bucketEncryption = bucketEncryption
            self.versioningConfiguration = versioningConfiguration
            self.publicAccessBlockConfiguration = publicAccessBlockConfiguration
            self.ownershipControls = ownershipControls
            self.lifecycleConfiguration = lifecycleConfiguration
            self.loggingConfiguration = loggingConfiguration
            self.notificationConfiguration = notificationConfiguration
            self.objectLockEnabled = objectLockEnabled
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("BucketEncryption", bucketEncryption)
            p.set("BucketName", bucketName)
            p.set("LifecycleConfiguration", lifecycleConfiguration)
            p.set("LoggingConfiguration", loggingConfiguration)
            p.set("NotificationConfiguration", notificationConfiguration)
            p.set("ObjectLockEnabled", objectLockEnabled)
            p.set("OwnershipControls", ownershipControls)
            p.set("PublicAccessBlockConfiguration", publicAccessBlockConfiguration)
            p.set("Tags", tags)
            p.set("VersioningConfiguration", versioningConfiguration)
            return p.fields
        }
    }
}
