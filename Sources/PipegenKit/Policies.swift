import CloudFormation

/// Statement builders shared by the templates, so that the same access is always written the
/// same way. Each names the narrowest resource AWS accepts for its actions; the few that must
/// use `"*"` say why.
enum Policies {
    typealias Statement = IAM.Statement

    // MARK: Trust policies

    /// Trust for a service principal such as `codebuild.amazonaws.com`.
    static func trust(service: String) -> IAM.PolicyDocument {
        IAM.PolicyDocument([Statement(principal: .service([.string(service)]), actions: ["sts:AssumeRole"])])
    }

    /// Trust for exactly one role of another account. The principal is that account's root and
    /// a condition names the role, because a role ARN as principal must exist when the policy
    /// is saved; this way either stack can be deployed first.
    static func trust(role roleArn: Value, account: String, names: Names) -> IAM.PolicyDocument {
        IAM.PolicyDocument([
            Statement(
                principal: .aws([names.accountRoot(account)]), actions: ["sts:AssumeRole"],
                conditions: [IAM.Condition("ArnEquals", "aws:PrincipalArn", roleArn)])
        ])
    }

    // MARK: Artifact bucket and key

    static func bucketArn(_ bucket: String) -> Value { .arn("s3", "\(bucket)") }
    static func objectsArn(_ bucket: String, prefix: String? = nil) -> Value {
        .arn("s3", prefix.map { "\(bucket)/\($0)/*" } ?? "\(bucket)/*")
    }

    /// Read pipeline artifacts (or only `prefix`) from the artifact buckets.
    static func readArtifacts(_ buckets: [String], prefix: String? = nil) -> Statement {
        Statement(
            sid: "ReadArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion"],
            resources: buckets.map { objectsArn($0, prefix: prefix) })
    }

    /// Read and write pipeline artifacts: what CodePipeline and the builds do.
    static func readWriteArtifacts(_ buckets: [String]) -> [Statement] {
        [
            Statement(
                sid: "ReadWriteArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                resources: buckets.map { objectsArn($0) }),
            Statement(
                sid: "ArtifactBucket", actions: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
                resources: buckets.map(bucketArn)),
        ]
    }

    /// Use of the artifact key from the tooling account (the key's ARN in the same template).
    static func useKey(_ keyArns: [Value], write: Bool) -> Statement {
        Statement(
            sid: "UseArtifactKey",
            actions: write
                ? ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
                : ["kms:Decrypt", "kms:DescribeKey"],
            resources: keyArns)
    }

    /// Decrypt with the artifact key from another account. The id of a key pipegen creates is
    /// random and only known after the tooling stack exists, so the statement names the
    /// tooling account's keys in each region and narrows them to the one carrying the
    /// artifact alias; a key the config brings is named by its ARN.
    static func decryptArtifactsFromAnotherAccount(regions: [String], names: Names) -> [Statement] {
        let created = regions.filter { names.existingKeyArn(region: $0) == nil }
        let brought = regions.compactMap { names.existingKeyArn(region: $0) }
        var out: [Statement] = []
        if !created.isEmpty {
            out.append(
                Statement(
                    sid: "DecryptArtifacts", actions: ["kms:Decrypt", "kms:DescribeKey"],
                    resources: created.map { .arn("kms", region: $0, account: names.toolingAccount, "key/*") },
                    conditions: [IAM.Condition("ForAnyValue:StringEquals", "kms:ResourceAliases", .string(names.keyAlias))]))
        }
        if !brought.isEmpty {
            out.append(Statement(sid: "DecryptArtifactsWithExistingKeys", actions: ["kms:Decrypt", "kms:DescribeKey"], resources: brought))
        }
        return out
    }

    // MARK: Logs

    /// Write one CodeBuild project's (or function's) logs into its own log group.
    static func writeLogs(_ group: String, sid: String = "WriteBuildLogs") -> Statement {
        Statement(
            sid: sid, actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
            resources: [.arn("logs", region: Value.thisRegion, account: Value.thisAccount, "log-group:\(group):*")])
    }

    // MARK: Roles

    /// Up to this many roles are named one by one; beyond, by name pattern, so the policy
    /// stays under IAM's 10,240-character limit for a route of 100 environments.
    static let exactRoleLimit = 12

    /// Assume `roles` (cross-account roles): by exact ARN, or for a long route by the name
    /// pattern of their kind (the roles' trust policies still admit only this principal).
    static func assume(_ roles: [CrossAccountRole], _ model: AccessModel, sid: String = "AssumeEnvironmentRoles") -> Statement {
        let resources: [Value] =
            roles.count <= exactRoleLimit
            ? roles.map(model.arn)
            : uniqued(roles.map(\.kind)).map { model.names.rolePatternArn(model.names.environmentRolePattern($0)) }
        return Statement(sid: sid, actions: ["sts:AssumeRole"], resources: resources)
    }

    /// Pass `roleArns` only to `service`.
    static func pass(_ roleArns: [Value], to service: String, sid: String = "PassRole") -> Statement {
        Statement(
            sid: sid, actions: ["iam:PassRole"], resources: roleArns,
            conditions: [IAM.Condition("StringEquals", "iam:PassedToService", .string(service))])
    }
}
