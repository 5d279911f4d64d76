import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The key policy of the artifact key in `region` (the key at home, a replica elsewhere):
    /// the tooling account administers it through IAM; CloudWatch Logs may encrypt the build
    /// logs; the pipegen roles of the environments that act in `region` may decrypt (the
    /// environments that deploy there, `AccessModel.acts`), and no others: each replica is a
    /// key of its own with a policy of its own.
    /// [Multi-Region key policies](https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html)
    func keyPolicy(region: String) -> IAM.PolicyDocument {
        var statements: [IAM.Statement] = [
            IAM.Statement(
                sid: "ToolingAccountAdministersThroughIAM", principal: .aws([names.accountRoot(names.toolingAccount)]),
                actions: ["kms:*"], resources: ["*"]),
            IAM.Statement(
                sid: "BuildLogsEncryption", principal: .service([.sub(names.logsPrincipal(region: "${AWS::Region}"))]),
                actions: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                resources: ["*"],
                conditions: [
                    IAM.Condition(
                        "ArnLike", "kms:EncryptionContext:aws:logs:arn",
                        [.arn("logs", region: Value.thisRegion, account: Value.thisAccount, "log-group:/aws/codebuild/\(names.project)-*")]
                            + extraLogGroupArns)
                ]),
        ]
        statements += keyAdministration
        let accounts = model.environmentAccounts(in: region)
        let readers = model.readerKinds(.pipelineArtifacts, in: region) + model.readerKinds(.lambdaZips, in: region)
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
        var key = KMS.Key(keyPolicy: withNotificationGrants(keyPolicy(region: topology.homeRegion)))
        key.description = "Encrypts the pipeline artifacts, images and build logs of project \(names.project)"
        key.enableKeyRotation = true
        if !replicatedKeyRegions.isEmpty { key.multiRegion = true }
        t.add(ID.key, .retained(key))
        t.add(ID.keyAlias, Resource(KMS.Alias(aliasName: .string(names.keyAlias), targetKeyId: .ref(ID.key))))
    }

    /// The bucket policy of `region`'s artifact bucket: TLS only; the pipegen roles of the
    /// environments that act in `region` read what their actions need there (pipeline
    /// artifacts, or only the Lambda zips).
    func bucketPolicy(bucket: String, region: String) -> IAM.PolicyDocument {
        var statements: [IAM.Statement] = [
            IAM.Statement(
                sid: "DenyInsecureTransport", effect: .deny, principal: .everyone, actions: ["s3:*"],
                resources: [Policies.bucketArn(bucket), Policies.objectsArn(bucket)],
                conditions: [IAM.Condition("Bool", "aws:SecureTransport", "false")])
        ]
        for scope in ArtifactScope.allCases {
            let kinds = model.readerKinds(scope, in: region)
            let accounts = model.readerAccounts(scope, in: region)
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
        let brought = names.existingKeyArn(region: region) != nil
        bucket.bucketEncryption = .kms(
            region == topology.homeRegion || brought
                ? keyArn(region: region) : .arn("kms", region: Value.thisRegion, account: Value.thisAccount, names.keyAlias))
        bucket.versioningConfiguration = .enabled
        bucket.publicAccessBlockConfiguration = .blockAll
        bucket.ownershipControls = .bucketOwnerEnforced
        bucket.lifecycleConfiguration = S3.Bucket.LifecycleConfiguration(lifecycleRules)
        t.add(ID.bucket, Resource.retained(bucket).skipping(.artifactBucketAccessLogging))
        t.add(ID.bucketPolicy, Resource(S3.BucketPolicy(bucket: .ref(ID.bucket), policyDocument: bucketPolicy(bucket: name, region: region))))
    }
}

extension ToolingBuilder {
    /// The artifact buckets' lifecycle. CodePipeline writes every artifact under a new key,
    /// so expiring old versions alone never bounds a bucket: each pipeline's artifacts expire
    /// `ArtifactRetention.expireDays` after they are written (an expired object stays as an
    /// old version for `noncurrent-days` more), and delete markers left with no versions go.
    /// The Lambda zips under their own prefix do not expire: they are named by their content,
    /// and a stack that rolls back to older code reads them again.
    /// [Expiring objects](https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html)
    var lifecycleRules: [S3.Bucket.Rule] {
        let days = ArtifactRetention.expireDays(config, specs)
        var rules = [
            S3.Bucket.Rule(
                id: "expire-old-artifact-versions", status: .enabled,
                noncurrentVersionExpiration: S3.Bucket.NoncurrentVersionExpiration(noncurrentDays: config.artifacts.noncurrentDays),
                abortIncompleteMultipartUpload: S3.Bucket.AbortIncompleteMultipartUpload(daysAfterInitiation: 7))
        ]
        // Pipelines whose names begin alike share a folder, and its one rule.
        var folders: [String] = []
        for spec in specs where !folders.contains(ArtifactRetention.folder(of: spec.name)) {
            let folder = ArtifactRetention.folder(of: spec.name)
            folders.append(folder)
            rules.append(S3.Bucket.Rule(id: "expire-artifacts-of-\(spec.name)", prefix: folder, expirationInDays: days))
        }
        if !specs.isEmpty {
            // `ExpiredObjectDeleteMarker` cannot share a rule with `ExpirationInDays`.
            rules.append(S3.Bucket.Rule(id: "remove-expired-delete-markers", expiredObjectDeleteMarker: true))
        }
        return rules
    }
}

/// How long pipeline artifacts are kept: longer than any execution can wait at its
/// approvals, since an execution reads the artifacts its first stages wrote.
enum ArtifactRetention {
    /// CodePipeline fails an approval that nobody answers within 7 days.
    /// [Approve or reject an approval action](https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-approve-or-reject.html)
    static let approvalTimeoutDays = 7

    /// The longest an execution of one of `specs` can wait at its approvals, one after another.
    static func longestWait(_ specs: [PipelineSpec]) -> (days: Int, pipeline: String?) {
        let waits = specs.map { spec -> (Int, String?) in
            let approvals = spec.stages.flatMap(\.actions).filter { if case .approval = $0.kind { true } else { false } }.count
            return (approvals * approvalTimeoutDays, spec.name)
        }
        return waits.max { $0.0 < $1.0 } ?? (0, nil)
    }

    /// The config's `expire-days`, or the default: 90 days, or the longest wait plus 7 days
    /// when that is more.
    static func expireDays(_ config: Config, _ specs: [PipelineSpec]) -> Int {
        config.artifacts.expireDays?.value ?? max(Artifacts.defaultExpireDays, longestWait(specs).days + approvalTimeoutDays)
    }

    /// The folder CodePipeline writes a pipeline's artifacts to: AWS documents it as "based on
    /// the name of the pipeline", and it is the name's first 20 characters. Were it ever
    /// another, the rule would match nothing and the artifacts would be kept, as before.
    /// [ArtifactStore](https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactStore.html)
    static func folder(of pipeline: String) -> String { String(pipeline.prefix(20)) + "/" }
}

extension ToolingBuilder.ID {
    static let replicaKey = "ArtifactReplicaKey"
}
