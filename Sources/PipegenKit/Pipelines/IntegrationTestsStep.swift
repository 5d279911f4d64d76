import CloudFormation
import PipegenConfig

/// Integration tests after an environment's deployment, as the pipelines that run them
/// (`PipelineSettings.runsTests`) declare them: one CodeBuild project per pipeline (its own
/// `build` kind, so each project's role reaches only its own environments' roles), and per
/// environment whose tests follow that pipeline (`IntegrationTests.pipeline`) one action of
/// category Test after the deployment. The tests may run as a read-only role of the
/// environment's account (`role`, carrying AWS's `ReadOnlyAccess`), and publish the JUnit XML
/// files they write as a CodeBuild test report.
struct IntegrationTestsStep: Sendable {
    /// The pipeline that runs these tests.
    let pipeline: PipelineKind
    let build: BuildKind
    /// The read-only role of an environment whose tests ask for it.
    let role: EnvironmentRoleKind

    /// The report group the buildspec names: CodeBuild creates `<project name>-tests` for the
    /// project's first report, and adds each later report to it.
    /// [Report group naming](https://docs.aws.amazon.com/codebuild/latest/userguide/test-report-group-naming.html)
    static let reportGroup = "tests"
    /// Where the build gathers the report files before CodeBuild reads them.
    static let reportFolder = ".pipegen-reports"
    /// [AWS managed policy ReadOnlyAccess](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ReadOnlyAccess.html)
    static let readOnlyPolicy = "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"

    /// What the read-only role acts on, for the graph.
    static let graphTarget = ["read-only access", "ReadOnlyAccess"]

    /// The environments whose tests this pipeline runs, in route order.
    func environments(_ config: Config) -> [Environment] {
        config.environments.filter { $0.tests?.pipeline == pipeline }
    }

    /// The tests project, when an environment's tests follow this pipeline: it reads the
    /// source, assumes the environments' read-only roles, and writes its report.
    func declaration(_ tooling: ToolingBuilder, settings: BuildSettings) -> BuildDeclaration? {
        let envs = environments(tooling.config)
        guard !envs.isEmpty else { return nil }
        let names = tooling.names, home = tooling.topology.homeRegion
        var statements = [
            Policies.readArtifacts([names.artifactBucket(region: home)]),
            Policies.useKey([tooling.keyArn(region: home)], write: false),
        ]
        let assumed = tooling.model.roles(assumedBy: names.buildRole(build))
        if !assumed.isEmpty { statements.append(Policies.assume(assumed, tooling.model, sid: "AssumeReadOnlyRoles")) }
        let reports = envs.contains { !($0.tests?.reports.isEmpty ?? true) }
        if reports {
            // [Test report permissions](https://docs.aws.amazon.com/codebuild/latest/userguide/test-permissions.html)
            statements.append(
                IAM.Statement(
                    sid: "WriteTestReports",
                    actions: [
                        "codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases", "codebuild:CreateReport",
                        "codebuild:CreateReportGroup", "codebuild:UpdateReport",
                    ],
                    resources: [
                        .arn(
                            "codebuild", region: Value.thisRegion, account: Value.thisAccount,
                            "report-group/\(names.buildProject(build))-\(Self.reportGroup)")
                    ]))
        }
        return BuildDeclaration(
            kind: build, settings: settings, statements: statements, variables: [], buildspec: Self.buildspec(reports: reports))
    }

    /// The read-only role of `env`, when its tests follow this pipeline and ask for one.
    func assumedRoles(in env: Environment, names: Names) -> [AssumedRole] {
        guard let tests = env.tests, tests.pipeline == pipeline, tests.readOnlyRole else { return [] }
        return [AssumedRole(kind: role, assumedBy: names.buildRole(build), reads: nil)]
    }

    /// The tests of `env` in its stage, after the deployment actions (`order`); nil when its
    /// tests do not follow this pipeline. `variables` are the action's own (stack outputs).
    func action(
        _ planner: StagePlanner, _ env: Environment, _ group: [Environment], order: Int,
        variables: [ActionSpec.Variable] = []
    ) -> ActionSpec? {
        guard let tests = env.tests, tests.pipeline == pipeline else { return nil }
        var all = [ActionSpec.Variable(name: "ENVIRONMENT", value: env.name.value), .init(name: "TEST_COMMAND", value: tests.command)]
        var assumes: CrossAccountRole?
        if tests.readOnlyRole, let role = planner.model.role(role, in: env.name.value) {
            all.append(
                .init(name: "TARGET_ROLE_ARN", value: "arn:${AWS::Partition}:iam::\(role.account):role/\(role.name)", substitution: true))
            all.append(.init(name: "TARGET_REGION", value: env.homeRegion))
            assumes = role
        }
        if !tests.reports.isEmpty { all.append(.init(name: "REPORT_FILES", value: tests.reports.joined(separator: " "))) }
        var action = planner.action(
            planner.named("IntegrationTests", env, group), .build(build, variables: all + variables), order: order,
            inputs: [Artifact.source])
        action.buildAssumes = assumes
        action.cause = tests.mark
        return action
    }

    /// Assumes `TARGET_ROLE_ARN` when set (its credentials, and `TARGET_REGION`, are what the
    /// command sees), runs the test command in the source checkout, and, also when it failed,
    /// gathers the files `REPORT_FILES` names for the test report.
    static func buildspec(reports: Bool) -> String {
        var spec = Buildspec(
            build: [
                #"""
                set -euo pipefail
                echo "integration tests of $ENVIRONMENT"
                if [ -n "${TARGET_ROLE_ARN:-}" ]; then
                  read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<< "$(aws sts assume-role --role-arn "$TARGET_ROLE_ARN" --role-session-name "pipegen-tests-$ENVIRONMENT" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
                  export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_REGION="$TARGET_REGION" AWS_DEFAULT_REGION="$TARGET_REGION"
                fi
                bash -euo pipefail -c "$TEST_COMMAND"

                """#
            ])
        if reports {
            spec.postBuild = [
                #"""
                mkdir -p \#(reportFolder)
                shopt -s globstar nullglob
                for file in ${REPORT_FILES:-}; do cp "$file" \#(reportFolder)/; done

                """#
            ]
            spec.reports = [(reportGroup, reportFolder, "JUNITXML")]
        }
        return spec.text
    }

    /// What the tests build calls beyond every build: it assumes the environment's read-only
    /// role, and writes its report.
    func runtimeCalls(of run: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard run.kind == build else { return [] }
        var out: [RuntimeCall] = []
        if let roleArn = run.variable("TARGET_ROLE_ARN") {
            out.append(
                run.call("sts:AssumeRole", on: roleArn, policy: .trust, account: RuntimeCall.account(ofArn: roleArn), scene))
        }
        if run.variable("REPORT_FILES") != nil {
            out.append(
                run.call(
                    ["codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"],
                    on: "arn:aws:codebuild:\(scene.home):\(scene.toolingAccount):report-group/\(run.project.name)-\(Self.reportGroup)",
                    scene))
        }
        return out
    }
}
