import CloudFormation
import PipegenConfig

/// Where one run of a build that runs per environment (or region) happens.
struct BuildPlace: Sendable {
    let env: Environment
    let region: String
}

/// One of the projects of a build whose buildspec differs by environment (or region).
struct BuildVariant: Sendable {
    /// The project's suffix: `dev`, `dev-eu-west-1`.
    let key: String
    /// The buildspec path of that environment (and region).
    let buildspec: String
}

extension Config {
    /// The settings of one of `pipeline`'s builds.
    func buildSettings(_ pipeline: any PipelineSettings, _ build: BuildName) -> BuildSettings {
        pipeline.builds.settings(build, project: builds)
    }
}

extension BuildSettings {
    /// The suffix of the project a run in `env` and `region` uses: nil when every run reads
    /// one buildspec (CodePipeline's CodeBuild action cannot choose one, so each buildspec
    /// needs a project of its own).
    func variant(_ env: Environment, region: String) -> String? {
        guard let path = buildspec?.value else { return nil }
        if path.contains(.region) { return "\(env.name.value)-\(region)" }
        if path.contains(.env) || path.contains(.account) { return env.name.value }
        return nil
    }

    /// The projects of a build run at `places`, one per variant in the order first run; empty
    /// when every run shares one buildspec.
    func variants(_ places: [BuildPlace], _ names: Names) -> [BuildVariant] {
        guard let path = buildspec?.value else { return [] }
        var out: [BuildVariant] = []
        for place in places {
            guard let key = variant(place.env, region: place.region), !out.contains(where: { $0.key == key }) else { continue }
            out.append(
                BuildVariant(
                    key: key,
                    buildspec: names.expand(path, env: place.env.name.value, region: place.region, account: place.env.account.value)))
        }
        return out
    }

    /// The CodeBuild environment type of the image's architecture.
    /// [Build environment compute modes and types](https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html)
    var environmentType: CodeBuild.Project.Environment.EnvironmentType {
        architecture.value == .arm64 ? .armContainer : .linuxContainer
    }

    /// The user's variables as the project sets them.
    /// [EnvironmentVariable](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environmentvariable.html)
    var projectVariables: [CodeBuild.Project.EnvironmentVariable] {
        variables.map { v in
            switch v.source {
            case .plain(let text): return CodeBuild.Project.EnvironmentVariable(v.name, .string(text))
            case .parameter(let name): return CodeBuild.Project.EnvironmentVariable(v.name, .string(name), type: .parameterStore)
            case .secret(let id, let jsonKey, let stage):
                // `secret-id:json-key:version-stage:version-id`, trailing empty parts left out.
                var parts = [id, jsonKey ?? "", stage ?? ""]
                while parts.count > 1, parts.last == "" { parts.removeLast() }
                return CodeBuild.Project.EnvironmentVariable(v.name, .string(parts.joined(separator: ":")), type: .secretsManager)
            }
        }
    }

    /// The parameters the variables read, as IAM names them.
    var parameterArns: [Value] {
        uniqued(variables.compactMap { if case .parameter(let n) = $0.source { n } else { nil } }).map {
            .arn("ssm", region: Value.thisRegion, account: Value.thisAccount, "parameter/" + ($0.hasPrefix("/") ? String($0.dropFirst()) : $0))
        }
    }

    /// The secrets the variables read: a (complete) ARN as given; a name as the ARN of the
    /// secret of that name whatever its suffix (Secrets Manager ends a secret's ARN with `-`
    /// and 6 random characters, `?` each in the pattern), in the tooling account and home
    /// region, where CodeBuild looks a name up.
    /// [Finding a secret from a partial ARN](https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen),
    /// [Permissions reference for Secrets Manager](https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html)
    var secretArns: [Value] {
        uniqued(variables.compactMap { if case .secret(let id, _, _) = $0.source { id } else { nil } }).map {
            $0.hasPrefix("arn:") ? .string($0) : .arn("secretsmanager", region: Value.thisRegion, account: Value.thisAccount, "secret:\($0)-??????")
        }
    }

    /// The keys the variables' parameters and secrets are encrypted with.
    var variableKeys: [String] { uniqued(variables.compactMap(\.kmsKey)) }

    /// The cache of the project: `S3` under `cache/<project>` in the home artifact bucket.
    func projectCache(bucket: String, project: String) -> CodeBuild.Project.ProjectCache? {
        switch cache.value {
        case .none: return nil
        case .s3: return CodeBuild.Project.ProjectCache(type: .s3, location: .string("\(bucket)/\(Self.cachePrefix(project))"))
        case .local(let modes):
            return CodeBuild.Project.ProjectCache(
                type: .local,
                modes: modes.map {
                    switch $0 {
                    case .dockerLayer: return .localDockerLayerCache
                    case .custom: return .localCustomCache
                    }
                })
        }
    }

    /// The key prefix of a project's S3 cache in the artifact bucket.
    static func cachePrefix(_ project: String) -> String { "cache/\(project)" }

    /// What the build's role may do for these settings: pull its image, reach its VPC, read
    /// its parameters and secrets, keep its cache. `existing` are the statements the build
    /// has already (a login it has need not be granted twice); `codebuild` is CodeBuild's
    /// service principal in the partition (`ec2:AuthorizedService`).
    func statements(
        existing: [IAM.Statement], bucket: String, key: Value, cacheProjects: [String], codebuild: String
    ) -> [IAM.Statement] {
        var out: [IAM.Statement] = []
        if let image = registryImage {
            // [Amazon ECR sample for CodeBuild](https://docs.aws.amazon.com/codebuild/latest/userguide/sample-ecr.html):
            // with SERVICE_ROLE credentials, the project's role pulls the image.
            if !existing.contains(where: { $0.actions.contains("ecr:GetAuthorizationToken") }) {
                // ecr:GetAuthorizationToken has no resource type: AWS accepts only "*".
                out.append(IAM.Statement(sid: "BuildImageRegistryLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"]))
            }
            out.append(
                IAM.Statement(
                    sid: "PullBuildImage", actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                    resources: [.arn("ecr", region: image.region, account: image.account, "repository/\(image.repository)")]))
        }
        if let vpc = vpc?.value {
            // [Allow CodeBuild access to AWS services required to create a VPC network interface](https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface),
            // narrowed to the resource types of the Service Authorization Reference
            // ([Amazon EC2](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html)):
            // interfaces are created in the configured subnets with the configured security
            // groups; the Describe actions have no resource type; the permission that lets
            // CodeBuild attach an interface is granted only in the configured subnets.
            func ec2(_ resource: String) -> Value { .arn("ec2", region: Value.thisRegion, account: Value.thisAccount, resource) }
            out.append(
                IAM.Statement(
                    sid: "CreateBuildNetworkInterfaces", actions: ["ec2:CreateNetworkInterface"],
                    resources: [ec2("network-interface/*")] + vpc.subnets.map { ec2("subnet/\($0)") }
                        + vpc.securityGroups.map { ec2("security-group/\($0)") }))
            out.append(
                IAM.Statement(
                    sid: "DeleteBuildNetworkInterfaces", actions: ["ec2:DeleteNetworkInterface"], resources: [ec2("network-interface/*")]))
            out.append(
                IAM.Statement(
                    sid: "DescribeBuildNetwork",
                    actions: [
                        "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs",
                    ],
                    resources: ["*"]))
            out.append(
                IAM.Statement(
                    sid: "BuildNetworkInterfacePermission", actions: ["ec2:CreateNetworkInterfacePermission"],
                    resources: [ec2("network-interface/*")],
                    conditions: [
                        IAM.Condition("StringEquals", "ec2:Subnet", vpc.subnets.map { ec2("subnet/\($0)") }),
                        IAM.Condition("StringEquals", "ec2:AuthorizedService", .string(codebuild)),
                    ]))
        }
        // [Parameter Store and Secrets Manager variables](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store)
        let parameters = parameterArns
        if !parameters.isEmpty {
            out.append(IAM.Statement(sid: "ReadBuildParameters", actions: ["ssm:GetParameters"], resources: parameters))
        }
        let secrets = secretArns
        if !secrets.isEmpty {
            out.append(IAM.Statement(sid: "ReadBuildSecrets", actions: ["secretsmanager:GetSecretValue"], resources: secrets))
        }
        let keys = variableKeys
        if !keys.isEmpty {
            out.append(IAM.Statement(sid: "DecryptBuildVariables", actions: ["kms:Decrypt"], resources: keys.map { .string($0) }))
        }
        if case .s3 = cache.value {
            out.append(
                IAM.Statement(
                    sid: "BuildCache", actions: ["s3:GetObject", "s3:PutObject"],
                    resources: cacheProjects.map { Policies.objectsArn(bucket, prefix: Self.cachePrefix($0)) }))
            out.append(IAM.Statement(sid: "BuildCacheKey", actions: ["kms:Decrypt", "kms:GenerateDataKey*"], resources: [key]))
        }
        return out
    }
}
