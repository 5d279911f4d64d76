// Decoding the S3 and ECR types back from their lowered values (see `Decoding.swift`).

extension S3.Bucket: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            bucketName: try d.optional("BucketName"), bucketEncryption: try d.optional("BucketEncryption"),
            versioningConfiguration: try d.optional("VersioningConfiguration"),
            publicAccessBlockConfiguration: try d.optional("PublicAccessBlockConfiguration"),
            ownershipControls: try d.optional("OwnershipControls"),
            lifecycleConfiguration: try d.optional("LifecycleConfiguration"),
            loggingConfiguration: try d.optional("LoggingConfiguration"),
            notificationConfiguration: try d.optional("NotificationConfiguration"),
            objectLockEnabled: try d.optional("ObjectLockEnabled"), tags: try d.list("Tags"))
    }
}

extension S3.Bucket.BucketEncryption: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("ServerSideEncryptionConfiguration"))
    }
}

extension S3.Bucket.ServerSideEncryptionRule: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            bucketKeyEnabled: try d.optional("BucketKeyEnabled"),
            serverSideEncryptionByDefault: try d.optional("ServerSideEncryptionByDefault"))
    }
}

extension S3.Bucket.ServerSideEncryptionByDefault: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(sseAlgorithm: try d.required("SSEAlgorithm"), kmsMasterKeyID: try d.optional("KMSMasterKeyID"))
    }
}

extension S3.Bucket.VersioningConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Status")) }
}

extension S3.Bucket.PublicAccessBlockConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            blockPublicAcls: try d.optional("BlockPublicAcls"), blockPublicPolicy: try d.optional("BlockPublicPolicy"),
            ignorePublicAcls: try d.optional("IgnorePublicAcls"),
            restrictPublicBuckets: try d.optional("RestrictPublicBuckets"))
    }
}

extension S3.Bucket.OwnershipControls: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Rules")) }
}

extension S3.Bucket.OwnershipControlsRule: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.optional("ObjectOwnership")) }
}

extension S3.Bucket.LoggingConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            destinationBucketName: try d.optional("DestinationBucketName"), logFilePrefix: try d.optional("LogFilePrefix"))
    }
}

extension S3.Bucket.NotificationConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(eventBridgeConfiguration: try d.optional("EventBridgeConfiguration"))
    }
}

extension S3.Bucket.EventBridgeConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(eventBridgeEnabled: try d.required("EventBridgeEnabled"))
    }
}

extension S3.Bucket.LifecycleConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(try d.required("Rules")) }
}

extension S3.Bucket.Rule: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            id: try d.optional("Id"), status: try d.required("Status"), prefix: try d.optional("Prefix"),
            expirationInDays: try d.optional("ExpirationInDays"),
            expiredObjectDeleteMarker: try d.optional("ExpiredObjectDeleteMarker"),
            noncurrentVersionExpiration: try d.optional("NoncurrentVersionExpiration"),
            abortIncompleteMultipartUpload: try d.optional("AbortIncompleteMultipartUpload"))
    }
}

extension S3.Bucket.NoncurrentVersionExpiration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            noncurrentDays: try d.required("NoncurrentDays"), newerNoncurrentVersions: try d.optional("NewerNoncurrentVersions"))
    }
}

extension S3.Bucket.AbortIncompleteMultipartUpload: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(daysAfterInitiation: try d.required("DaysAfterInitiation"))
    }
}

extension S3.BucketPolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(bucket: try d.required("Bucket"), policyDocument: try d.required("PolicyDocument"))
    }
}

extension ECR.Repository: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            repositoryName: try d.optional("RepositoryName"),
            encryptionConfiguration: try d.optional("EncryptionConfiguration"),
            imageScanningConfiguration: try d.optional("ImageScanningConfiguration"),
            imageTagMutability: try d.optional("ImageTagMutability"),
            imageTagMutabilityExclusionFilters: try d.list("ImageTagMutabilityExclusionFilters"),
            lifecyclePolicy: try d.optional("LifecyclePolicy"), repositoryPolicyText: try d.optional("RepositoryPolicyText"),
            emptyOnDelete: try d.optional("EmptyOnDelete"), tags: try d.list("Tags"))
    }
}

extension ECR.Repository.EncryptionConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("EncryptionType"), kmsKey: try d.optional("KmsKey"))
    }
}

extension ECR.Repository.ImageScanningConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(scanOnPush: try d.optional("ScanOnPush")) }
}

extension ECR.Repository.ImageTagMutabilityExclusionFilter: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let type = try d.required("ImageTagMutabilityExclusionFilterType", as: String.self)
        guard type == "WILDCARD" else {
            throw d.path.appending("ImageTagMutabilityExclusionFilterType").problem(
                "'\(type)' is not a filter type pipegen's model knows: write 'WILDCARD'")
        }
        self.init(wildcard: try d.required("ImageTagMutabilityExclusionFilterValue"))
    }
}

extension ECR.Repository.LifecyclePolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(text: try d.required("LifecyclePolicyText"), registryId: try d.optional("RegistryId"))
    }
}

extension ECR.ReplicationConfiguration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(rules: try d.required("ReplicationConfiguration", as: Configuration.self).rules)
    }
}

extension ECR.ReplicationConfiguration.Configuration: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(rules: try d.required("Rules")) }
}

extension ECR.ReplicationConfiguration.ReplicationRule: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(destinations: try d.required("Destinations"), repositoryFilters: try d.list("RepositoryFilters"))
    }
}

extension ECR.ReplicationConfiguration.ReplicationDestination: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(region: try d.required("Region"), registryId: try d.required("RegistryId"))
    }
}

extension ECR.ReplicationConfiguration.RepositoryFilter: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(prefix: try d.required("Filter"))
        filterType = try d.required("FilterType")
    }
}

extension ECR.RegistryPolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) { self.init(policyText: try d.required("PolicyText")) }
}
