import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The CodeBuild projects the config needs, in a fixed order.
    var builds: [BuildKind] {
        var out: [BuildKind] = []
        if config.pipelines.containerBuild != nil { out.append(.imageBuild) }
        if let infra = config.pipelines.infrastructure {
            if infra.lambda != nil { out.append(.lambdaPackage) }
            if !infra.lint.isEmpty { out.append(.templateLint) }
            if infra.lambda != nil { out.append(.lambdaUpdate) }
            if config.environments.contains(where: { $0.tests != nil }) { out.append(.integrationTests) }
        }
        if config.pipelines.containerDeployment != nil, !replicaRegions.isEmpty { out.append(.imageLocate) }
        return out
    }

    func addBuilds(to t: inout Template) {
        for kind in builds {
            addLogGroup(kind, to: &t)
            addBuildRole(kind, to: &t)
            addProject(kind, to: &t)
        }
    }

    private func addLogGroup(_ kind: BuildKind, to t: inout Template) {
        var group = Logs.LogGroup()
        group.logGroupName = .string(names.buildLogGroup(kind))
        group.retentionInDays = config.logRetentionDays
        group.kmsKeyId = .getAtt(ID.key, "Arn")
        t.add(ID.logs(kind), Resource(group))
    }

    /// What each build may do beyond writing its own logs.
    private func statements(_ kind: BuildKind) -> [IAM.Statement] {
        let home = names.artifactBucket(region: topology.homeRegion)
        let homeKey = keyArn(region: topology.homeRegion)
        switch kind {
        case .imageBuild:
            return Policies.readWriteArtifacts([home]) + [
                Policies.useKey([homeKey], write: true),
                // ecr:GetAuthorizationToken has no resource type: AWS accepts only "*".
                IAM.Statement(sid: "RegistryLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"]),
                IAM.Statement(
                    sid: "PushImage",
                    actions: [
                        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                        "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
                    ],
                    resources: [.getAtt(ID.registry, "Arn")]),
            ]
        case .lambdaPackage:
            return Policies.readWriteArtifacts([home]) + [
                IAM.Statement(
                    sid: "StoreLambdaZips", actions: ["s3:PutObject"],
                    resources: buckets.map { Policies.objectsArn($0, prefix: names.lambdaPrefix) }),
                Policies.useKey(keyArns, write: true),
            ]
        case .templateLint, .integrationTests:
            return [Policies.readArtifacts([home]), Policies.useKey([homeKey], write: false)]
        case .imageLocate:
            return Policies.readWriteArtifacts([home]) + [
                Policies.useKey([homeKey], write: true),
                IAM.Statement(
                    sid: "FindReplicatedImage", actions: ["ecr:DescribeImages"],
                    resources: replicaRegions.map { .arn("ecr", region: $0, account: Value.thisAccount, "repository/\(names.registryName)") }),
            ]
        case .lambdaUpdate:
            return [
                Policies.readArtifacts([home]), Policies.useKey([homeKey], write: false),
                Policies.assume(model.roles(assumedBy: names.buildRole(.lambdaUpdate)), model),
            ]
        }
    }

    private func addBuildRole(_ kind: BuildKind, to t: inout Template) {
        var role = IAM.Role(trust: Policies.trust(service: "codebuild.amazonaws.com"))
        role.roleName = .string(names.buildRole(kind))
        role.description = "Role of the \(names.buildProject(kind)) CodeBuild project"
        role.policies = [
            IAM.Role.Policy(kind.rawValue, [Policies.writeLogs(names.buildLogGroup(kind))] + statements(kind))
        ]
        t.add(ID.buildRole(kind), Resource(role))
    }

    private func variables(_ kind: BuildKind) -> [(String, Value)] {
        switch kind {
        case .imageBuild:
            let build = config.pipelines.containerBuild!
            return [
                ("REGISTRY", .sub("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}")),
                ("REPOSITORY", .ref(ID.registry)),
                ("DOCKERFILE", .string(build.dockerfile)),
                ("CONTEXT", .string(build.context)),
            ]
        case .lambdaPackage:
            let lambda = config.pipelines.infrastructure!.lambda!
            return [
                ("LAMBDA_FOLDER", .string(lambda.folder)),
                ("LAMBDA_PREFIX", .string(names.lambdaPrefix)),
                // region|bucket|key ARN of every region: uploads name each region's key.
                ("ARTIFACT_STORES", .sub(topology.regions.map { "\($0)|\(names.artifactBucket(region: $0))|" + keyArnText(region: $0) }.joined(separator: " "))),
            ]
        case .templateLint:
            return [("TEMPLATE", .string(config.pipelines.infrastructure!.template))]
        case .lambdaUpdate, .integrationTests, .imageLocate:
            return []
        }
    }

    private func settings(_ kind: BuildKind) -> BuildSettings {
        switch kind {
        case .imageBuild: return config.pipelines.containerBuild!.build
        case .imageLocate: return BuildSettings(timeoutMinutes: 20)
        default: return config.pipelines.infrastructure!.build
        }
    }

    private func buildspec(_ kind: BuildKind) -> String {
        switch kind {
        case .imageBuild: return config.pipelines.containerBuild!.buildspec ?? Buildspecs.imageBuild
        case .lambdaPackage: return Buildspecs.lambdaPackage
        case .templateLint: return Buildspecs.templateLint(tools: config.pipelines.infrastructure!.lint)
        case .lambdaUpdate: return Buildspecs.lambdaUpdate
        case .integrationTests: return Buildspecs.integrationTests
        case .imageLocate: return Buildspecs.imageLocate
        }
    }

    private func addProject(_ kind: BuildKind, to t: inout Template) {
        let s = settings(kind)
        let environment = CodeBuild.Project.Environment(
            type: .linuxContainer, computeType: .init(rawValue: s.computeType), image: .string(s.image),
            privilegedMode: kind == .imageBuild ? true : nil,
            environmentVariables: variables(kind).map { CodeBuild.Project.EnvironmentVariable($0.0, $0.1) })
        var project = CodeBuild.Project(
            serviceRole: .getAtt(ID.buildRole(kind), "Arn"), artifacts: .codePipeline,
            source: CodeBuild.Project.Source(type: .codePipeline, buildSpec: buildspec(kind)), environment: environment)
        project.name = .string(names.buildProject(kind))
        project.description = kind.summary.prefix(1).uppercased() + kind.summary.dropFirst()
        project.encryptionKey = .getAtt(ID.key, "Arn")
        project.timeoutInMinutes = s.timeoutMinutes
        project.logsConfig = CodeBuild.Project.LogsConfig(
            cloudWatchLogs: CodeBuild.Project.CloudWatchLogsConfig(status: .enabled, groupName: .ref(ID.logs(kind))))
        t.add(ID.project(kind), Resource(project))
    }

    func projectArn(_ kind: BuildKind) -> Value { .getAtt(ID.project(kind), "Arn") }
}

extension BuildKind {
    var summary: String {
        switch self {
        case .imageBuild: return "builds the container image and pushes it to ECR"
        case .lambdaPackage: return "zips each Lambda folder and stores the zips in the artifact buckets"
        case .templateLint: return "lints and security-scans the CloudFormation template"
        case .lambdaUpdate: return "updates the Lambda functions' code in one environment"
        case .integrationTests: return "runs the integration tests against a deployed environment"
        case .imageLocate: return "waits for the image's replica in another region and points the deployment at it"
        }
    }
}
