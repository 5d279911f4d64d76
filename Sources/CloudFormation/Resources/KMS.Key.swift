extension KMS {
    /// `AWS::KMS::Key`: a customer managed KMS key (symmetric by default).
    /// [AWS::KMS::Key](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html)
    public struct Key: ResourceModel {
        public static let typeName = "AWS::KMS::Key"

        /// `Ref` is the key id, which KMS assigns; the `Arn` is under `key/`.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#aws-resource-kms-key-return-values)
        public static let returnValues = ReturnValues(ref: .generatedId, arn: ArnFormat("kms", prefix: "key/", identifier: .generatedId))
        /// What changing each property does. The reference's "Update requires" says replacement
        /// for the key spec, usage, multi-Region flag and origin, but it also says that "if you
        /// change the value of the KeySpec, KeyUsage, Origin, or MultiRegion properties of an
        /// existing KMS key, the update request fails, regardless of the value of the
        /// UpdateReplacePolicy attribute": so they are `refused`. The resource provider schema
        /// does not list them as create-only.
        /// [AWS::KMS::Key](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html)
        public static let updateBehaviors = UpdateBehaviors(
            refused: ["KeySpec", "KeyUsage", "MultiRegion", "Origin"],
            noInterruption: [
                "BypassPolicyLockoutSafetyCheck", "Description", "EnableKeyRotation", "Enabled", "KeyPolicy",
                "PendingWindowInDays", "RotationPeriodInDays", "Tags",
            ])
        /// Deleting it loses everything it encrypted.
        public static let holdsData = true

        /// Skip the check that the key policy lets the caller manage the key; leave nil. [BypassPolicyLockoutSafetyCheck](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-bypasspolicylockoutsafetycheck)
        public var bypassPolicyLockoutSafetyCheck: Bool?
        /// What the key protects. [Description](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-description)
        public var description: String?
        /// Rotate the key material automatically (symmetric keys only). [EnableKeyRotation](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-enablekeyrotation)
        public var enableKeyRotation: Bool?
        /// False disables the key for cryptographic operations. [Enabled](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-enabled)
        public var enabled: Bool?
        /// Who may administer and use the key; the account default policy when nil. [KeyPolicy](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-keypolicy)
        public var keyPolicy: IAM.PolicyDocument?
        /// Key type; `SYMMETRIC_DEFAULT` when nil. Changing it replaces the key. [KeySpec](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-keyspec)
        public var keySpec: KeySpec?
        /// What the key may be used for; `ENCRYPT_DECRYPT` when nil. [KeyUsage](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-keyusage)
        public var keyUsage: KeyUsage?
        /// A multi-Region primary key, replicable with `KMS.ReplicaKey`. [MultiRegion](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-multiregion)
        public var multiRegion: Bool?
        /// Where the key material comes from; `AWS_KMS` when nil. [Origin](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-origin)
        public var origin: Origin?
        /// Days (7 to 30) between stack deletion and key deletion. [PendingWindowInDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-pendingwindowindays)
        public var pendingWindowInDays: Int?
        /// Days (90 to 2560) between automatic rotations; 365 when nil. [RotationPeriodInDays](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-rotationperiodindays)
        public var rotationPeriodInDays: Int?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html#cfn-kms-key-tags)
        public var tags: [Tag]

        public init(
            description: String? = nil, keyPolicy: IAM.PolicyDocument?, enabled: Bool? = nil,
            enableKeyRotation: Bool? = nil, rotationPeriodInDays: Int? = nil, keySpec: KeySpec? = nil,
            keyUsage: KeyUsage? = nil, multiRegion: Bool? = nil, origin: Origin? = nil,
            pendingWindowInDays: Int? = nil, bypassPolicyLockoutSafetyCheck: Bool? = nil, tags: [Tag] = []
        ) {
            self.description = description
            self.keyPolicy = keyPolicy
            self.enabled = enabled
            self.enableKeyRotation = enableKeyRotation
            self.rotationPeriodInDays = rotationPeriodInDays
            self.keySpec = keySpec
            self.keyUsage = keyUsage
            self.multiRegion = multiRegion
            self.origin = origin
            self.pendingWindowInDays = pendingWindowInDays
            self.bypassPolicyLockoutSafetyCheck = bypassPolicyLockoutSafetyCheck
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("BypassPolicyLockoutSafetyCheck", bypassPolicyLockoutSafetyCheck)
            p.set("Description", description)
            p.set("EnableKeyRotation", enableKeyRotation)
            p.set("Enabled", enabled)
            p.set("KeyPolicy", keyPolicy)
            p.set("KeySpec", keySpec)
            p.set("KeyUsage", keyUsage)
            p.set("MultiRegion", multiRegion)
            p.set("Origin", origin)
            p.set("PendingWindowInDays", pendingWindowInDays)
            p.set("RotationPeriodInDays", rotationPeriodInDays)
            p.set("Tags", tags)
            return p.fields
        }

        /// `KeySpec`; AWS adds key specs over time, so any other value may be given as a string.
        public struct KeySpec: OpenStringEnum {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let symmetricDefault = KeySpec(rawValue: "SYMMETRIC_DEFAULT")
            public static let rsa2048 = KeySpec(rawValue: "RSA_2048")
            public static let rsa3072 = KeySpec(rawValue: "RSA_3072")
            public static let rsa4096 = KeySpec(rawValue: "RSA_4096")
            public static let eccNistP256 = KeySpec(rawValue: "ECC_NIST_P256")
            public static let eccNistP384 = KeySpec(rawValue: "ECC_NIST_P384")
            public static let eccNistP521 = KeySpec(rawValue: "ECC_NIST_P521")
            public static let eccSecgP256k1 = KeySpec(rawValue: "ECC_SECG_P256K1")
            public static let hmac224 = KeySpec(rawValue: "HMAC_224")
            public static let hmac256 = KeySpec(rawValue: "HMAC_256")
            public static let hmac384 = KeySpec(rawValue: "HMAC_384")
            public static let hmac512 = KeySpec(rawValue: "HMAC_512")
            public static let sm2 = KeySpec(rawValue: "SM2")
        }

        /// `KeyUsage`.
        public enum KeyUsage: String, StringEnum {
            case encryptDecrypt = "ENCRYPT_DECRYPT"
            case signVerify = "SIGN_VERIFY"
            case generateVerifyMac = "GENERATE_VERIFY_MAC"
            case keyAgreement = "KEY_AGREEMENT"
        }

        /// `Origin`.
        public enum Origin: String, StringEnum {
            case awsKMS = "AWS_KMS"
            case external = "EXTERNAL"
        }
    }
}
