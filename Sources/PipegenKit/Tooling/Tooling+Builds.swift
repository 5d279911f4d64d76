import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The CodeBuild projects of the config's pipelines, in pipeline order.
    var builds: [BuildDeclaration] { declarations.flatMap { $0.builds(self) } }

    /// Each build's log group, role and project.
    func addBuilds(to t: inout Template) {
        for build in builds {
            addLogGroup(build.kind, to: &t)
            addBuildRole(build, to: &t)
            addProject(build, to: &t)
        }
    }

    private func addLogGroup(_ kind: BuildKind, to t: inout Template) {
        var group = Logs.LogGroup()
        group.logGroupName = .string(names.buildLogGroup(kind))
        group.retentionInDays = config.logRetentionDays
        group.kmsKeyId = homeKeyArn
        t.add(ID.logs(kind), Resource(group))
    }

    /// The build's role: its own logs, and what its declaration says it does.
    private func addBuildRole(_ build: BuildDeclaration, to t: inout Template) {
        let kind = build.kind
        var role = IAM.Role(trust: Policies.trust(service: names.principal(.codebuild)))
        role.roleName = .string(names.buildRole(kind))
        role.description = "Role of the \(names.buildProject(kind)) CodeBuild project"
        role.policies = [IAM.Role.Policy(kind.rawValue, [Policies.writeLogs(names.buildLogGroup(kind))] + build.statements)]
        t.add(ID.buildRole(kind), Resource(role))
    }

    private func addProject(_ build: BuildDeclaration, to t: inout Template) {
        let kind = build.kind, s = build.settings
        let environment = CodeBuild.Project.Environment(
            type: .linuxContainer, computeType: .init(rawValue: s.computeType), image: .string(s.image),
            privilegedMode: build.privileged ? true : nil,
            environmentVariables: build.variables.map { CodeBuild.Project.EnvironmentVariable($0.name, $0.value) })
        var project = CodeBuild.Project(
            serviceRole: .getAtt(ID.buildRole(kind), "Arn"), artifacts: .codePipeline,
            source: CodeBuild.Project.Source(type: .codePipeline, buildSpec: build.buildspec), environment: environment)
        project.name = .string(names.buildProject(kind))
        project.description = kind.summary.prefix(1).uppercased() + kind.summary.dropFirst()
        project.encryptionKey = homeKeyArn
        project.timeoutInMinutes = s.timeoutMinutes
        project.logsConfig = CodeBuild.Project.LogsConfig(
            cloudWatchLogs: CodeBuild.Project.CloudWatchLogsConfig(status: .enabled, groupName: .ref(ID.logs(kind))))
        t.add(ID.project(kind), Resource(project))
    }

    func projectArn(_ kind: BuildKind) -> Value { .getAtt(ID.project(kind), "Arn") }
}

