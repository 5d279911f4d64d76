import CloudFormation
import PipegenConfig
import YAMLKit

/// An artifact key or bucket the config brings (`artifacts.existing`): no template creates
/// it or its policy. Its policy is the one pipegen would have written, from the same
/// `AccessModel`: `pipegen plan` tells the user to add those statements, and the checks
/// evaluate every call as if they were there.
public struct ExistingResource: Sendable {
    public enum Kind: String, Sendable {
        case key, bucket
    }

    public let kind: Kind
    /// The key's ARN (its partition left to `${AWS::Partition}`, as pipegen writes ARNs) or
    /// the bucket's name.
    public let identifier: Value
    public let account: String
    public let region: String
    /// The statements pipegen would have written in its key policy or bucket policy.
    public let policy: IAM.PolicyDocument
    /// Where the config brings it.
    public let mark: Mark?
}

extension ToolingBuilder {
    /// The keys and buckets the config brings in the regions that keep artifacts, home first,
    /// each with the policy pipegen would have given it.
    var existingResources: [ExistingResource] {
        var out: [ExistingResource] = []
        for region in topology.regions {
            guard let store = config.artifacts.existing(in: region) else { continue }
            if let arn = names.existingKeyArn(region: region) {
                // The home key also carries the notification grants, as pipegen's would.
                let policy = region == topology.homeRegion ? withNotificationGrants(keyPolicy(region: region)) : keyPolicy(region: region)
                out.append(
                    ExistingResource(
                        kind: .key, identifier: arn, account: names.toolingAccount, region: region, policy: policy,
                        mark: store.key?.mark))
            }
            if names.bringsBucket(region: region) {
                let bucket = names.artifactBucket(region: region)
                out.append(
                    ExistingResource(
                        kind: .bucket, identifier: .string(bucket), account: names.toolingAccount, region: region,
                        policy: bucketPolicy(bucket: bucket, region: region), mark: store.bucket?.mark))
            }
        }
        return out
    }
}
