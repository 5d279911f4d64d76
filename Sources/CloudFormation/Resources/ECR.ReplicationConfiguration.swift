extension ECR {
    /// `AWS::ECR::ReplicationConfiguration`: the registry-wide (one per account and Region)
    /// rules that copy pushed images to other Regions or accounts.
    /// [AWS::ECR::ReplicationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-replicationconfiguration.html)
    public struct ReplicationConfiguration: ResourceModel {
        public static let typeName = "AWS::ECR::ReplicationConfiguration"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(noInterruption: ["ReplicationConfiguration"])

        /// The rules. [ReplicationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-replicationconfiguration.html#cfn-ecr-replicationconfiguration-replicationconfiguration)
        public var replicationConfiguration: Configuration

        public init(rules: [ReplicationRule]) {
            self.replicationConfiguration = Configuration(rules: rules)
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ReplicationConfiguration", replicationConfiguration)
            return p.fields
        }

        /// [ReplicationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationconfiguration.html)
        public struct Configuration: PropertyStruct, Hashable {
            /// At most 10 rules. [Rules](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationconfiguration.html#cfn-ecr-replicationconfiguration-replicationconfiguration-rules)
            public var rules: [ReplicationRule]

            public init(rules: [ReplicationRule]) { self.rules = rules }

            public var properties: [Field] { [Field("Rules", rules.cfnValue)] }
        }

        /// [ReplicationRule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationrule.html)
        public struct ReplicationRule: PropertyStruct, Hashable {
            /// Where images go (1 to 100). [Destinations](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationrule.html#cfn-ecr-replicationconfiguration-replicationrule-destinations)
            public var destinations: [ReplicationDestination]
            /// Which repositories; all when empty. [RepositoryFilters](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationrule.html#cfn-ecr-replicationconfiguration-replicationrule-repositoryfilters)
            public var repositoryFilters: [RepositoryFilter]

            public init(destinations: [ReplicationDestination], repositoryFilters: [RepositoryFilter] = []) {
                self.destinations = destinations
                self.repositoryFilters = repositoryFilters
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Destinations", destinations)
                p.set("RepositoryFilters", repositoryFilters)
                return p.fields
            }
        }

        /// [ReplicationDestination](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationdestination.html)
        public struct ReplicationDestination: PropertyStruct, Hashable {
            /// Destination Region, such as `eu-west-1`. [Region](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationdestination.html#cfn-ecr-replicationconfiguration-replicationdestination-region)
            public var region: Value
            /// Destination account id (12 digits). [RegistryId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationdestination.html#cfn-ecr-replicationconfiguration-replicationdestination-registryid)
            public var registryId: Value

            public init(region: Value, registryId: Value) {
                self.region = region
                self.registryId = registryId
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Region", region)
                p.set("RegistryId", registryId)
                return p.fields
            }
        }

        /// [RepositoryFilter](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-repositoryfilter.html)
        public struct RepositoryFilter: PropertyStruct, Hashable {
            /// A repository name prefix. [Filter](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-repositoryfilter.html#cfn-ecr-replicationconfiguration-repositoryfilter-filter)
            public var filter: String
            /// `PREFIX_MATCH`, the only type. [FilterType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-repositoryfilter.html#cfn-ecr-replicationconfiguration-repositoryfilter-filtertype)
            public var filterType: String

            /// Repositories whose name begins with `prefix`.
            public init(prefix: String) {
                self.filter = prefix
                self.filterType = "PREFIX_MATCH"
            }

            public var properties: [Field] {
                var p = Properties()
                p.set("Filter", filter)
                p.set("FilterType", filterType)
                return p.fields
            }
        }
    }
}
