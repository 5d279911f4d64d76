extension ECR {
    /// `AWS::ECR::Repository`: a private image repository.
    /// [AWS::ECR::Repository](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html)
    public struct Repository: ResourceModel {
        public static let typeName = "AWS::ECR::Repository"

        /// `Ref` is the repository name; the `Arn` is under `repository/`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#aws-resource-ecr-repository-return-values)
        public static let returnValues = ReturnValues(ref: .physicalName, arn: ArnFormat("ecr", prefix: "repository/"))
        /// The `RepositoryName` property.
        public var physicalName: Value? { repositoryName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "RepositoryName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["EncryptionConfiguration", "RepositoryName"],
            noInterruption: [
                "EmptyOnDelete", "ImageScanningConfiguration", "ImageTagMutability",
                "ImageTagMutabilityExclusionFilters", "LifecyclePolicy", "RepositoryPolicyText", "Tags",
            ])
        /// Deleting it loses its images.
        public static let holdsData = true

        /// Delete the images when the stack deletes the repository. [EmptyOnDelete](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-emptyondelete)
        public var emptyOnDelete: Bool?
        /// Encryption at rest; set only at creation. [EncryptionConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-encryptionconfiguration)
        public var encryptionConfiguration: EncryptionConfiguration?
        /// Basic scanning on push. [ImageScanningConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-imagescanningconfiguration)
        public var imageScanningConfiguration: ImageScanningConfiguration?
        /// Whether tags may be overwritten. [ImageTagMutability](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-imagetagmutability)
        public var imageTagMutability: ImageTagMutability?
        /// Tags exempt from the mutability setting (1 to 5 filters). [ImageTagMutabilityExclusionFilters](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-imagetagmutabilityexclusionfilters)
        public var imageTagMutabilityExclusionFilters: [ImageTagMutabilityExclusionFilter]
        /// Which images expire. [LifecyclePolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-lifecyclepolicy)
        public var lifecyclePolicy: LifecyclePolicy?
        /// Lowercase name, may contain `/`; generated when nil. [RepositoryName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-repositoryname)
        public var repositoryName: Value?
        /// Resource policy: who may pull or push (statements without `Resource`). [RepositoryPolicyText](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-repositorypolicytext)
        public var repositoryPolicyText: IAM.PolicyDocument?
        /// At most 50 tags. [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-tags)
        public var tags: [Tag]

        public init(
            repositoryName: Value? = nil, encryptionConfiguration: EncryptionConfiguration? = nil,
            imageScanningConfiguration: ImageScanningConfiguration? = nil, imageTagMutability: ImageTagMutability? = nil,
            imageTagMutabilityExclusionFilters: [ImageTagMutabilityExclusionFilter] = [],
            lifecyclePolicy: LifecyclePolicy? = nil, repositoryPolicyText: IAM.PolicyDocument? = nil,
            emptyOnDelete: Bool? = nil, tags: [Tag] = []
        ) {
            self.repositoryName = repositoryName
            self.encryptionConfiguration = encryptionConfiguration
            self.imageScanningConfiguration = imageScanningConfiguration
            self.imageTagMutability = imageTagMutability
            self.imageTagMutabilityExclusionFilters = imageTagMutabilityExclusionFilters
            self.lifecyclePolicy = lifecyclePolicy
            self.repositoryPolicyText = repositoryPolicyText
            self.emptyOnDelete = emptyOnDelete
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("EmptyOnDelete", emptyOnDelete)
            p.set("EncryptionConfiguration", encryptionConfiguration)
            p.set("ImageScanningConfiguration", imageScanningConfiguration)
            p.set("ImageTagMutability", imageTagMutability)
            p.set("ImageTagMutabilityExclusionFilters", imageTagMutabilityExclusionFilters)
            p.set("LifecyclePolicy", lifecyclePolicy)
            p.set("RepositoryName", repositoryName)
            p.set("RepositoryPolicyText", repositoryPolicyText)
            p.set("Tags", tags)
            return p.fields
        }

        /// [ImageTagMutability](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-imagetagmutability)
        public enum ImageTagMutability: String, StringEnum {
            case mutable = "MUTABLE"
            case immutable = "IMMUTABLE"
            case mutableWithExclusion = "MUTABLE_WITH_EXCLUSION"
            case immutableWithExclusion = "IMMUTABLE_WITH_EXCLUSION"
        }

        /// Encryption at rest.
        /// [EncryptionConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-encryptionconfiguration.html)
        public struct EncryptionConfiguration: PropertyStruct, Hashable {
            /// [EncryptionType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-encryptionconfiguration.html#cfn-ecr-repository-encryptionconfiguration-encryptiontype)
            public var encryptionType: EncryptionType
            /// Key ARN, id or alias for the KMS types; the AWS managed key when nil. [KmsKey](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-encryptionconfiguration.html#cfn-ecr-repository-encryptionconfiguration-kmskey)
            public var kmsKey: Value?

            public init(_ encryptionType: EncryptionType, kmsKey: Value? = nil) {
                self.encryptionType = encryptionType
                self.kmsKey = kmsKey
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("EncryptionType", encryptionType)
                p.set("KmsKey", kmsKey)
                return p.fields
            }

            public enum EncryptionType: String, StringEnum {
                case aes256 = "AES256"
                case kms = "KMS"
                case kmsDSSE = "KMS_DSSE"
            }
        }

        /// [ImageScanningConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagescanningconfiguration.html)
        public struct ImageScanningConfiguration: PropertyStruct, Hashable {
            /// Scan each image when it is pushed. [ScanOnPush](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagescanningconfiguration.html#cfn-ecr-repository-imagescanningconfiguration-scanonpush)
            public var scanOnPush: Bool?

            public init(scanOnPush: Bool?) { self.scanOnPush = scanOnPush }

            public var properties: [Field] {
                var p = Properties()
                p.set("ScanOnPush", scanOnPush)
                return p.fields
            }
        }

        /// [ImageTagMutabilityExclusionFilter](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagetagmutabilityexclusionfilter.html)
        public struct ImageTagMutabilityExclusionFilter: PropertyStruct, Hashable {
            /// `WILDCARD`, the only type. [ImageTagMutabilityExclusionFilterType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagetagmutabilityexclusionfilter.html#cfn-ecr-repository-imagetagmutabilityexclusionfilter-imagetagmutabilityexclusionfiltertype)
            public var filterType: String
            /// A tag pattern with `*` wildcards. [ImageTagMutabilityExclusionFilterValue](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagetagmutabilityexclusionfilter.html#cfn-ecr-repository-imagetagmutabilityexclusionfilter-imagetagmutabilityexclusionfiltervalue)
            public var filterValue: String

            /// A wildcard filter such as `latest` or `dev-*`.
            public init(wildcard value: String) {
                self.filterType = "WILDCARD"
                self.filterValue = value
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("ImageTagMutabilityExclusionFilterType", filterType)
                p.set("ImageTagMutabilityExclusionFilterValue", filterValue)
                return p.fields
            }
        }

        /// The repository's lifecycle policy.
        /// [LifecyclePolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-lifecyclepolicy.html)
        public struct LifecyclePolicy: PropertyStruct, Hashable {
            /// The policy as JSON text (100 to 30720 characters). [LifecyclePolicyText](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-lifecyclepolicy.html#cfn-ecr-repository-lifecyclepolicy-lifecyclepolicytext)
            public var lifecyclePolicyText: String
            /// The 12-digit registry (account) id; this account when nil. [RegistryId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-lifecyclepolicy.html#cfn-ecr-repository-lifecyclepolicy-registryid)
            public var registryId: Value?

            public init(text: String, registryId: Value? = nil) {
                self.lifecyclePolicyText = text
                self.registryId = registryId
            }

            /// The policy of `rules`, written as JSON text.
            public init(_ rules: LifecyclePolicyText, registryId: Value? = nil) {
                self.init(text: rules.text, registryId: registryId)
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("LifecyclePolicyText", lifecyclePolicyText)
                p.set("RegistryId", registryId)
                return p.fields
            }
        }
    }
}
