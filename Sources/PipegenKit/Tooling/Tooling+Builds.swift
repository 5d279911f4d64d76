import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The CodeBuild projects of the config's pipelines, in pipeline order, each pipeline's
    /// steps after its own builds.
    var builds: [BuildDeclaration] {
        config.pipelines.all.flatMap { pipeline in pipeline.declaration.builds(self) + stepBuilds(pipeline) }
    }

    /// Each build's log group, role and project (or projects).
    func addBuilds(to t: inout Template) {
        for build in builds {
            addLogGroup(build.kind, to: &t)
            addBuildRole(build, to: &t)
            if build.variants.isEmpty {
                addProject(build, variant: nil, to: &t)
            } else {
                for variant in build.variants { addProject(build, variant: variant, to: &t) }
            }
        }
    }

    private func addLogGroup(_ kind: BuildKind, to t: inout Template) {
        var group = Logs.LogGroup()
        group.logGroupName = .string(names.buildLogGroup(kind))
        group.retentionInDays = config.logRetentionDays
        group.kmsKeyId = homeKeyArn
        t.add(ID.logs(kind), Resource(group))
    }

    /// The names of a build's projects.
    func projectNames(_ build: BuildDeclaration) -> [String] {
        build.variants.isEmpty
            ? [names.buildProject(build.kind)] : build.variants.map { names.buildProject(build.kind, variant: $0.key) }
    }

    /// The build's role: its own logs, what its declaration says it does, and what its
    /// settings need.
    private func addBuildRole(_ build: BuildDeclaration, to t: inout Template) {
        let kind = build.kind
        let home = topology.homeRegion
        var role = IAM.Role(trust: Policies.trust(service: names.principal(.codebuild)))
        role.roleName = .string(names.buildRole(kind))
        role.description = "Role of the \(names.buildProject(kind)) CodeBuild project"
        let settings = build.settings.statements(
            existing: build.statements, bucket: names.artifactBucket(region: home), key: keyArn(region: home),
            cacheProjects: projectNames(build), codebuild: names.principal(.codebuild))
        role.policies = [IAM.Role.Policy(kind.rawValue, [Policies.writeLogs(names.buildLogGroup(kind))] + build.statements + settings)]
        t.add(ID.buildRole(kind), Resource(role))
    }

    private func addProject(_ build: BuildDeclaration, variant: BuildVariant?, to t: inout Template) {
        let kind = build.kind, s = build.settings
        let name = names.buildProject(kind, variant: variant?.key)
        let buildspec = variant?.buildspec ?? s.buildspec.map { names.expand($0.value) } ?? build.buildspec
        let environment = CodeBuild.Project.Environment(
            type: s.environmentType, computeType: .init(rawValue: s.computeType.value), image: .string(s.image.value),
            privilegedMode: build.privileged ? true : nil,
            // An image of a registry of the user's is pulled with the project's role.
            imagePullCredentialsType: s.registryImage == nil ? nil : .serviceRole,
            environmentVariables: build.variables.map { CodeBuild.Project.EnvironmentVariable($0.name, $0.value) } + s.projectVariables)
        var project = CodeBuild.Project(
            serviceRole: .getAtt(ID.buildRole(kind), "Arn"), artifacts: .codePipeline,
            source: CodeBuild.Project.Source(type: .codePipeline, buildSpec: buildspec), environment: environment)
        project.name = .string(name)
        project.description = kind.summary.prefix(1).uppercased() + kind.summary.dropFirst()
        if let variant { project.description! += " (\(variant.key))" }
        project.encryptionKey = homeKeyArn
        project.timeoutInMinutes = s.timeoutMinutes
        project.cache = s.projectCache(bucket: names.artifactBucket(region: topology.homeRegion), project: name)
        project.logsConfig = CodeBuild.Project.LogsConfig(
            cloudWatchLogs: CodeBuild.Project.CloudWatchLogsConfig(status: .enabled, groupName: .ref(ID.logs(kind))))
        if let vpc = s.vpc?.value {
            project.vpcConfig = CodeBuild.Project.VpcConfig(
                vpcId: .string(vpc.vpcId), subnets: vpc.subnets.map(Value.string), securityGroupIds: vpc.securityGroups.map(Value.string))
        }
        t.add(ID.project(kind, variant: variant?.key), Resource(project))
    }

    func projectArn(_ kind: BuildKind, variant: String? = nil) -> Value { .getAtt(ID.project(kind, variant: variant), "Arn") }
}
