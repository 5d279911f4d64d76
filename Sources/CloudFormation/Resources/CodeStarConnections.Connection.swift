extension CodeStarConnections {
    /// `AWS::CodeStarConnections::Connection`: a connection to a third-party Git provider. It is
    /// created `PENDING`; someone completes the handshake once in the console.
    /// [AWS::CodeStarConnections::Connection](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codestarconnections-connection.html)
    public struct Connection: ResourceModel {
        public static let typeName = "AWS::CodeStarConnections::Connection"
        /// `Ref` and `ConnectionArn` give the connection's ARN, whose last part is an id
        /// assigned at creation.
        public static let returnValues = ReturnValues(
            ref: .arn, arn: ArnFormat("codestar-connections", prefix: "connection/", identifier: .generatedId))
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["ConnectionName", "HostArn", "ProviderType"],
            noInterruption: ["Tags"])

        /// Unique in the account, at most 32 characters. [ConnectionName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codestarconnections-connection.html#cfn-codestarconnections-connection-connectionname)
        public var connectionName: Value
        /// ARN of the host, for self-managed providers; give this or `providerType`. [HostArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codestarconnections-connection.html#cfn-codestarconnections-connection-hostarn)
        public var hostArn: Value?
        /// The provider, for cloud providers; give this or `hostArn`. [ProviderType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codestarconnections-connection.html#cfn-codestarconnections-connection-providertype)
        public var providerType: ProviderType?
        /// [Tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codestarconnections-connection.html#cfn-codestarconnections-connection-tags)
        public var tags: [Tag]

        public init(connectionName: Value, providerType: ProviderType? = nil, hostArn: Value? = nil, tags: [Tag] = []) {
            self.connectionName = connectionName
            self.providerType = providerType
            self.hostArn = hostArn
            self.tags = tags
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ConnectionName", connectionName)
            p.set("HostArn", hostArn)
            p.set("ProviderType", providerType)
            p.set("Tags", tags)
            return p.fields
        }

        public enum ProviderType: String, StringEnum {
            case bitbucket = "Bitbucket"
            case gitHub = "GitHub"
            case gitHubEnterpriseServer = "GitHubEnterpriseServer"
            case gitLab = "GitLab"
            case gitLabSelfManaged = "GitLabSelfManaged"
        }
    }
}
