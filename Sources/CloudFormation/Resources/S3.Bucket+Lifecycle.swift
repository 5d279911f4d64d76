extension S3.Bucket {
    /// Lifecycle rules of a bucket.
    /// [LifecycleConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-lifecycleconfiguration.html)
    public struct LifecycleConfiguration: PropertyStruct, Hashable {
        /// [Rules](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-lifecycleconfiguration.html#cfn-s3-bucket-lifecycleconfiguration-rules)
        public var rules: [Rule]

        public init(_ rules: [Rule]) { self.rules = rules }

        public var properties: [Field] { [Field("Rules", rules.cfnValue)] }
    }

    /// One lifecycle rule. AWS requires at least one action (an expiration, a transition or
    /// `AbortIncompleteMultipartUpload`).
    /// [Rule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html)
    public struct Rule: PropertyStruct, Hashable {
        /// Delete the parts of uploads left unfinished. [AbortIncompleteMultipartUpload](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-abortincompletemultipartupload)
        public var abortIncompleteMultipartUpload: AbortIncompleteMultipartUpload?
        /// Delete current objects this many days after creation. [ExpirationInDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-expirationindays)
        public var expirationInDays: Int?
        /// Remove delete markers that have no noncurrent versions left. [ExpiredObjectDeleteMarker](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-expiredobjectdeletemarker)
        public var expiredObjectDeleteMarker: Bool?
        /// Rule name, up to 255 characters. [Id](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-id)
        public var id: String?
        /// When noncurrent versions are deleted. [NoncurrentVersionExpiration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-noncurrentversionexpiration)
        public var noncurrentVersionExpiration: NoncurrentVersionExpiration?
        /// Only keys with this prefix. [Prefix](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-prefix)
        public var prefix: String?
        /// [Status](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-rule.html#cfn-s3-bucket-rule-status)
        public var status: Status

        public init(
            id: String? = nil, status: Status = .enabled, prefix: String? = nil, expirationInDays: Int? = nil,
            expiredObjectDeleteMarker: Bool? = nil, noncurrentVersionExpiration: NoncurrentVersionExpiration? = nil,
            abortIncompleteMultipartUpload: AbortIncompleteMultipartUpload? = nil
        ) {
            self.id = id
            self.status = status
            self.prefix = prefix
            self.expirationInDays = expirationInDays
            self.expiredObjectDeleteMarker = expiredObjectDeleteMarker
            self.noncurrentVersionExpiration = noncurrentVersionExpiration
            self.abortIncompleteMultipartUpload = abortIncompleteMultipartUpload
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("AbortIncompleteMultipartUpload", abortIncompleteMultipartUpload)
            p.set("ExpirationInDays", expirationInDays)
            p.set("ExpiredObjectDeleteMarker", expiredObjectDeleteMarker)
            p.set("Id", id)
            p.set("NoncurrentVersionExpiration", noncurrentVersionExpiration)
            p.set("Prefix", prefix)
            p.set("Status", status)
            return p.fields
        }

        public enum Status: String, StringEnum {
            case enabled = "Enabled"
            case disabled = "Disabled"
        }
    }

    /// [NoncurrentVersionExpiration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-noncurrentversionexpiration.html)
    public struct NoncurrentVersionExpiration: PropertyStruct, Hashable {
        /// Keep this many newest noncurrent versions regardless of age. [NewerNoncurrentVersions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-noncurrentversionexpiration.html#cfn-s3-bucket-noncurrentversionexpiration-newernoncurrentversions)
        public var newerNoncurrentVersions: Int?
        /// Days after an object becomes noncurrent before it is deleted. [NoncurrentDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-noncurrentversionexpiration.html#cfn-s3-bucket-noncurrentversionexpiration-noncurrentdays)
        public var noncurrentDays: Int

        public init(noncurrentDays: Int, newerNoncurrentVersions: Int? = nil) {
            self.noncurrentDays = noncurrentDays
            self.newerNoncurrentVersions = newerNoncurrentVersions
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("NewerNoncurrentVersions", newerNoncurrentVersions)
            p.set("NoncurrentDays", noncurrentDays)
            return p.fields
        }
    }

    /// [AbortIncompleteMultipartUpload](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-abortincompletemultipartupload.html)
    public struct AbortIncompleteMultipartUpload: PropertyStruct, Hashable {
        /// Days after an upload starts before its parts are deleted. [DaysAfterInitiation](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-abortincompletemultipartupload.html#cfn-s3-bucket-abortincompletemultipartupload-daysafterinitiation)
        public var daysAfterInitiation: Int

        public init(daysAfterInitiation: Int) { self.daysAfterInitiation = daysAfterInitiation }

        public var properties: [Field] { [Field("DaysAfterInitiation", .int(daysAfterInitiation))] }
    }
}
