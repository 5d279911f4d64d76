import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The template of a further region: a replica of the artifact key (same policy, same
    /// alias) and that region's artifact bucket. The primary key's ARN is a parameter that
    /// `pipegen plan` fills from the home stack's output.
    func build(region: String) -> Template {
        var t = Template(
            description:
                "pipegen tooling account for project '\(names.project)': artifact key replica and bucket in \(region). "
                + "Deploy to account \(names.toolingAccount) in \(region) as stack \(names.toolingStack(region: region)), after \(names.toolingStack).")
        t.parameters.append(
            (
                "PrimaryKeyArn",
                Parameter(
                    description: "ARN of the multi-Region artifact key (output ArtifactKeyArn of stack \(names.toolingStack))",
                    allowedPattern: "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/mrk-[0-9a-f]+$")
            ))
        var replica = KMS.ReplicaKey(primaryKeyArn: .ref("PrimaryKeyArn"), keyPolicy: keyPolicy)
        replica.description = "pipegen \(names.project): replica of the artifact key in \(region)"
        t.add(ID.replicaKey, .retained(replica))
        t.add(ID.keyAlias, Resource(KMS.Alias(aliasName: .string(names.keyAlias), targetKeyId: .ref(ID.replicaKey))))
        addArtifactBucket(region: region, to: &t)
        t.addOutput("ArtifactBucketName", Output(.ref(ID.bucket), description: "Artifact bucket in \(region)"))
        return t
    }
}
