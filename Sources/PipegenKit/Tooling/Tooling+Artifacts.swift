import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The key policy of the artifact key (and of each replica): the tooling account
    /// administers it through IAM; CloudWatch Logs may encrypt the build logs; each
    /// environment account's pipegen roles may decrypt.
    var keyPolicy: IAM.PolicyDocument {
        var statements: [IAM.Statement] = [
            IAM.Statement(
                sid: "ToolingAccountAdministersThroughIAM", principal: .aws([names.accountRoot(names.toolingAccount)]),
                actions: ["kms:*"], resources: ["*"]),
            IAM.Statement(
                sid: "BuildLogsEncryption", principal: .service([.sub("logs.${AWS::Region}.amazonaws.com")]),
                actions: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                resources: ["*"],
                conditions: [
                    IAM.Condition(
                        "ArnLike", "kms:EncryptionContext:aws:logs:arn",
                        [.arn("logs", region: Value.thisRegion, account: Value.thisAccount, "log-group:/aws/codebuild/\(names.project)-*")]
                            + extraLogGroupArns)
                ]),
        ]
        let accounts = model.environmentAccounts
        let readers = model.readerKinds(.pipelineArtifacts) + model.readerKinds(.lambdaZips)
        if !accounts.isEmpty, !readers.isEmpty {
            statements.append(
                IAM.Statement(
                    sid: "EnvironmentRolesDecrypt", principal: .aws(accounts.map(names.accountRoot)),
                    actions: ["kms:Decrypt", "kms:DescribeKey"], resources: ["*"],
                    conditions: [
                        IAM.Condition(
                            "ArnLike", "aws:PrincipalArn",
                            readers.map { names.rolePatternArn(names.environmentRolePattern($0)) })
                    ]))
        }
        return IAM.PolicyDocument(statements)
    }

    func addArtifactKey(to t: inout Template) {
        var key = KMS.Key(keyPolicy: withNotificationGrants(keyPolicy))
        key.description = "Encrypts the pipeline artifacts, images and build logs of project \(names.project)"
        key.enableKeyRotation = true
        if topology.isMultiRegion { key.multiRegion = true }
        t.add(ID.key, .retained(key))
        t.add(ID.keyAlias, Resource(KMS.Alias(aliasName: .string(names.keyAlias), targetKeyId: .ref(ID.key))))
    }

    /// The bucket policy: TLS only; each environment account's pipegen roles read what their
    /// actions need (pipeline artifacts, or only the Lambda zips).
    func bucketPolicy(bucket: String) -> IAM.PolicyDocument {
        var statements: [IAM.Statement] = [
            IAM.Statement(
                sid: "DenyInsecureTransport", effect: .deny, principal: .everyone, actions: ["s3:*"],
                resources: [Policies.bucketArn(bucket), Policies.objectsArn(bucket)],
                conditions: [IAM.Condition("Bool", "aws:SecureTransport", "false")])
        ]
        for scope in ArtifactScope.allCases {
            let kinds = model.readerKinds(scope)
            let accounts = model.readerAccounts(scope)
            guard !kinds.isEmpty, !accounts.isEmpty else { continue }
            statements.append(
                IAM.Statement(
                    sid: scope == .pipelineArtifacts ? "EnvironmentRolesReadArtifacts" : "EnvironmentRolesReadLambdaZips",
                    principal: .aws(accounts.map(names.accountRoot)), actions: ["s3:GetObject", "s3:GetObjectVersion"],
                    resources: [Policies.objectsArn(bucket, prefix: scope == .lambdaZips ? names.lambdaPrefix : nil)],
                    conditions: [
                        IAM.Condition("ArnLike", "aws:PrincipalArn", kinds.map { names.rolePatternArn(names.environmentRolePattern($0)) })
                    ]))
        }
        return IAM.PolicyDocument(statements)
    }

    /// The artifact bucket of `region`, encrypted with that region's artifact key.
    func addArtifactBucket(region: String, to t: inout Template) {
        let name = names.artifactBucket(region: region)
        var bucket = S3.Bucket()
        bucket.bucketName = .string(name)
        bucket.bucketEncryption = .kms(
            region == topology.homeRegion
                ? .getAtt(ID.key, "Arn") : .arn("kms", region: Value.thisRegion, account: Value.thisAccount, names.keyAlias))
        bucket.versioningConfiguration = .enabled
        bucket.publicAccessBlockConfiguration = .blockAll
        bucket.ownershipControls = .bucketOwnerEnforced
        bucket.lifecycleConfiguration = S3.Bucket.LifecycleConfiguration([
            S3.Bucket.Rule(
                id: "expire-old-artifact-versions", status: .enabled,
                noncurrentVersionExpiration: S3.Bucket.NoncurrentVersionExpiration(noncurrentDays: config.artifacts.noncurrentDays),
                abortIncompleteMultipartUpload: S3.Bucket.AbortIncompleteMultipartUpload(daysAfterInitiation: 7))
        ])
        t.add(ID.bucket, Resource.retained(bucket).skipping(.artifactBucketAccessLogging))
        t.add(ID.bucketPolicy, Resource(S3.BucketPolicy(bucket: .ref(ID.bucket), policyDocument: bucketPolicy(bucket: name))))
    }
}

extension ToolingBuilder.ID {
    static let replicaKey = "ArtifactReplicaKey"
}
