extension CodeCommit {
    /// `AWS::CodeCommit::Repository`: a Git repository.
    /// [AWS::CodeCommit::Repository](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html)
    public struct Repository: ResourceModel {
        public static let typeName = "AWS::CodeCommit::Repository"

        /// `Ref` is the repository id, which CodeCommit assigns; the `Arn` ends in the repository
        /// name, right after the account.
        /// [Return values](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#aws-resource-codecommit-repository-return-values),
        /// [ARN format](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodecommit.html#awscodecommit-resources-for-iam-policies)
        public static let returnValues = ReturnValues(ref: .generatedId, arn: ArnFormat("codecommit"))
        /// The `RepositoryName` property.
        public var physicalName: Value? { repositoryName }
        /// The name of the property `physicalName` reads.
        public static let physicalNameProperty: String? = "RepositoryName"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            noInterruption: ["Code", "KmsKeyId", "RepositoryDescription", "RepositoryName", "Tags", "Triggers"])
        /// Deleting it loses the code pushed to it.
        public static let holdsData = true

        /// Initial content, from a zip in S3; used only at creation. [Code](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-code)
        public var code: Code?
        /// Key id, alias or ARN that encrypts the repository; the AWS managed key when nil. [KmsKeyId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-kmskeyid)
        public var kmsKeyId: Value?
        /// [RepositoryDescription](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-repositorydescription)
        public var repositoryDescription: String?
        /// Unique in the account and Region; letters, digits, `.`, `_` and `-`. [RepositoryName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-repositoryname)
        public var repositoryName: Value
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-tags)
        public var tags: [Tag]
        /// Notifications to SNS or Lambda on repository events (at most 10). [Triggers](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codecommit-repository.html#cfn-codecommit-repository-triggers)
        public var triggers: [RepositoryTrigger]

        public init(
            repositoryName: Value, repositoryDescription: String? = nil, kmsKeyId: Value? = nil, code: Code? = nil,
            triggers: [RepositoryTrigger] = [], tags: [Tag] = []
        ) {
            self.repositoryName = repositoryName
            self.repositoryDescription = repositoryDescription
            self.kmsKeyId = kmsKeyId
            self.code = code
            self.triggers = triggers
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Code", code)
            p.set("KmsKeyId", kmsKeyId)
            p.set("RepositoryDescription", repositoryDescription)
            p.set("RepositoryName", repositoryName)
            p.set("Tags", tags)
            p.set("Triggers", triggers)
            return p.fields
        }

        /// [Code](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-code.html)
        public struct Code: PropertyStruct, Hashable {
            /// Branch that receives the content; `main` when nil. [BranchName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-code.html#cfn-codecommit-repository-code-branchname)
            public var branchName: String?
            /// The zip file. [S3](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-code.html#cfn-codecommit-repository-code-s3)
            public var s3: S3Location

            public init(s3: S3Location, branchName: String? = nil) {
                self.s3 = s3
                self.branchName = branchName
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("BranchName", branchName)
                p.set("S3", s3)
                return p.fields
            }
        }

        /// [S3](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-s3.html)
        public struct S3Location: PropertyStruct, Hashable {
            /// [Bucket](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-s3.html#cfn-codecommit-repository-s3-bucket)
            public var bucket: Value
            /// [Key](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-s3.html#cfn-codecommit-repository-s3-key)
            public var key: Value
            /// [ObjectVersion](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-s3.html#cfn-codecommit-repository-s3-objectversion)
            public var objectVersion: String?

            public init(bucket: Value, key: Value, objectVersion: String? = nil) {
                self.bucket = bucket
                self.key = key
                self.objectVersion = objectVersion
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Bucket", bucket)
                p.set("Key", key)
                p.set("ObjectVersion", objectVersion)
                return p.fields
            }
        }

        /// [RepositoryTrigger](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html)
        public struct RepositoryTrigger: PropertyStruct, Hashable {
            /// Branches that fire the trigger; all when empty. [Branches](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html#cfn-codecommit-repository-repositorytrigger-branches)
            public var branches: [String]
            /// Text passed along with the event. [CustomData](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html#cfn-codecommit-repository-repositorytrigger-customdata)
            public var customData: String?
            /// ARN of the SNS topic or Lambda function. [DestinationArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html#cfn-codecommit-repository-repositorytrigger-destinationarn)
            public var destinationArn: Value
            /// [Events](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html#cfn-codecommit-repository-repositorytrigger-events)
            public var events: [Event]
            /// Trigger name. [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codecommit-repository-repositorytrigger.html#cfn-codecommit-repository-repositorytrigger-name)
            public var name: String

            public init(
                name: String, destinationArn: Value, events: [Event], branches: [String] = [], customData: String? = nil
            ) {
                self.name = name
                self.destinationArn = destinationArn
                self.events = events
                self.branches = branches
                self.customData = customData
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Branches", branches)
                p.set("CustomData", customData)
                p.set("DestinationArn", destinationArn)
                p.set("Events", events)
                p.set("Name", name)
                return p.fields
            }

            public enum Event: String, StringEnum {
                case all
                case updateReference
                case createReference
                case deleteReference
            }
        }
    }
}
