import CloudFormation
import PipegenConfig

/// What infrastructure-deployment's builds call at run time, beyond what every build does
/// (docs/RUNTIME.md). The Lambda package build stores each zip in the artifact bucket of
/// every region, encrypted with that region's key (`ARTIFACT_STORES`); the Lambda update
/// build assumes the environment's role (`TARGET_ROLE_ARN`) and, as that role, points each
/// function of `TARGET_REGION` at its zip in `ARTIFACT_BUCKET`, which Lambda reads with the
/// caller's permissions and only from a bucket of the function's own region. The template
/// package build stores the packaged code the same way (`PACKAGE_PREFIX`). The lint and
/// test builds only read their source. A deploy of a stack whose code lives in the artifact
/// bucket (a packaged template, or code keys passed as parameters) has its execution role
/// read that code: CloudFormation creates the functions with the role's credentials.
extension InfrastructurePipeline {
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        switch build.kind {
        case .lambdaPackage: return packageCalls(build, prefix: build.variable("LAMBDA_PREFIX"), scene)
        case .templatePackage: return packageCalls(build, prefix: build.variable("PACKAGE_PREFIX"), scene)
        case .lambdaUpdate: return updateCalls(build, scene)
        default: return tests.runtimeCalls(of: build, scene)
        }
    }

    /// Region, bucket and key ARN of each store the package build uploads to (split on the
    /// bytes: a long route asks it once per environment).
    private static func stores(_ text: String?) -> [(region: String, bucket: String, key: String)] {
        (text ?? "").utf8.split(separator: UInt8(ascii: " ")).compactMap { store in
            let parts = store.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).compactMap {
                String($0)
            }
            return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
        }
    }

    /// The object key of a packaged zip (`<prefix>/<function>/<hash>.zip`).
    private static func zip(_ prefix: String?) -> String { "\(prefix ?? "")/example/0123456789abcdef.zip" }

    private func packageCalls(_ build: BuildRun, prefix: String?, _ scene: RuntimeScene) -> [RuntimeCall] {
        var out: [RuntimeCall] = []
        for store in Self.stores(build.variable("ARTIFACT_STORES")) {
            let via: [RuntimeCall.Fact] = [.init("kms:ViaService", scene.names.endpoint(.s3, region: store.region))]
            out.append(
                build.call(
                    "s3:PutObject", on: "arn:aws:s3:::\(store.bucket)/\(Self.zip(prefix))",
                    policy: .bucket,
                    region: store.region, scene))
            // A multipart upload (the CLI's for zips over 8 MB) also decrypts the data key.
            out.append(
                build.call(
                    ["kms:GenerateDataKey", "kms:Decrypt"], on: store.key, policy: .key, region: store.region,
                    context: via, scene))
        }
        return out
    }

    private func updateCalls(_ build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard let roleArn = build.variable("TARGET_ROLE_ARN"), let region = build.variable("TARGET_REGION"),
            let bucket = build.variable("ARTIFACT_BUCKET"), let pattern = build.variable("FUNCTION_NAME")
        else { return [] }
        let account = RuntimeCall.account(ofArn: roleArn) ?? ""
        let package = scene.project(.lambdaPackage)
        let key = Self.stores(package?.variable("ARTIFACT_STORES")).first { $0.bucket == bucket }?.key ?? ""
        let role = RuntimeCall.Caller.role(roleArn)
        let function =
            "arn:aws:lambda:\(region):\(account):function:" + NamePattern(pattern).expanded([(.function, "example")])
        return [
            build.call("sts:AssumeRole", on: roleArn, policy: .trust, account: account, scene),
            // `aws lambda wait function-updated` polls GetFunctionConfiguration.
            build.call(
                ["lambda:UpdateFunctionCode", "lambda:GetFunctionConfiguration"], on: function, as: role,
                account: account, region: region, scene),
            build.call(
                "s3:GetObject", on: "arn:aws:s3:::\(bucket)/\(Self.zip(package?.variable("LAMBDA_PREFIX")))",
                policy: .bucket, as: role,
                account: scene.toolingAccount, region: region, scene),
            build.call(
                "kms:Decrypt", on: key, policy: .key, as: role, account: scene.toolingAccount, region: region,
                context: [.init("kms:ViaService", scene.names.endpoint(.s3, region: region))], scene),
        ]
    }

    /// The code the execution role of a deploy (or change set) reads from the artifact bucket
    /// of the action's region: the packaged template's (`PackagedTemplates::`) and the zips
    /// whose keys the parameter overrides pass (`#{PackageLambdas.…}`).
    /// [FunctionCode](https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html)
    func runtimeCalls(of action: ActionRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard case .cloudFormation = action.spec.kind,
            let deploy = action.declared.configuration(as: CodePipeline.Action.CloudFormation.self),
            let execution = deploy.roleArn.flatMap(scene.resolver.string)
        else { return [] }
        var prefixes: [String?] = []
        if deploy.templatePath?.hasPrefix(Artifact.packagedTemplates + "::") == true {
            prefixes.append(scene.project(.templatePackage)?.variable("PACKAGE_PREFIX"))
        }
        if let overrides = deploy.parameterOverrides.flatMap(scene.resolver.string),
            overrides.contains("#{\(Self.packageNamespace).")
        {
            prefixes.append(scene.project(.lambdaPackage)?.variable("LAMBDA_PREFIX"))
        }
        let role = RuntimeCall.Caller.role(execution)
        return prefixes.flatMap { prefix in
            [
                action.call(
                    ["s3:GetObject"], on: "arn:aws:s3:::\(action.store.bucket)/\(Self.zip(prefix))", policy: .bucket,
                    as: role, account: scene.toolingAccount),
                action.call(
                    ["kms:Decrypt"], on: action.store.key, policy: .key, as: role, account: scene.toolingAccount,
                    context: [.init("kms:ViaService", scene.names.endpoint(.s3, region: action.region))]),
            ]
        }
    }
}
