import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The user's steps: where each lands in the stages, what it reads and writes, the roles and
/// permissions it gets, and how the graph, the plan and the checks show it.
@Suite struct StepsTests {
    static let head = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1]}
          - {name: prod, account: "333333333333", approval: true, tests: {command: ./smoke.sh}}

        """

    static let infrastructure = """
        pipelines:
          infrastructure-deployment:
            steps:
              - {name: scan, at: after-build, build: {buildspec: ci/scan.yml}, output: true}
              - {name: check, at: after-source, approval: true}
              - {name: ticket, at: before-deploy, environments: [prod], approval: {comment: Link the ticket.}}
              - {name: smoke, at: after-deploy, build: {buildspec: "ci/smoke-{env}.yml"}, inputs: [Source, scan]}
              - {name: notify, at: after-deploy, lambda: {function: "{project}-notify", user-parameters: "{env}"}}

        """

    /// `stage: action@order` for every action of `kind`'s pipeline.
    static func layout(_ config: Config, _ kind: PipelineKind) -> [String] {
        let spec = Pipegen.pipelines(config).first { $0.kind == kind }!
        return spec.stages.flatMap { stage in stage.actions.map { "\(stage.name): \($0.name)@\($0.runOrder)" } }
    }

    @Test func stepsLandAtTheirPointsInStageOrder() throws {
        let config = try inlineConfig(Self.head + Self.infrastructure)
        #expect(
            Self.layout(config, .infrastructure) == [
                "Source: Source@1", "AfterSource: check@1", "Package: PackageLambdas@1", "Lint: LintTemplate@1", "AfterBuild: scan@1",
                "dev: Deploy-eu-west-1@1", "dev: UpdateLambdas-eu-west-1@2", "dev: Deploy-us-east-1@3", "dev: UpdateLambdas-us-east-1@4",
                "dev: smoke@5", "dev: notify@6",
                "prod: Approve@1", "prod: ticket@2", "prod: Deploy@3", "prod: UpdateLambdas@4", "prod: IntegrationTests@5", "prod: smoke@6",
                "prod: notify@7",
            ])
    }

    @Test func withChangeSetsTheStepsBeforeDeployingRunAfterTheReview() throws {
        let config = try inlineConfig(
            Self.head.replacing("approval: true,", with: "approval: true, deploy: change-set,")
                + "pipelines:\n  infrastructure-deployment:\n    lambda: false\n    steps: [{name: migrate, at: before-deploy, environments: [prod], build: {buildspec: ci/migrate.yml}}]\n")
        #expect(
            Self.layout(config, .infrastructure).filter { $0.hasPrefix("prod") } == [
                "prod: CreateChangeSet@1", "prod: ApproveChangeSet@2", "prod: migrate@3", "prod: ExecuteChangeSet@4", "prod: IntegrationTests@5",
            ])
    }

    @Test func inAWaveEachEnvironmentRunsItsOwnStepsSideBySide() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: eu, account: "222222222222", wave: prod}
              - {name: us, account: "333333333333", region: us-east-1, wave: prod}
            pipelines:
              container-deployment:
                steps:
                  - {name: drain, at: before-deploy, environments: [us], build: {buildspec: ci/drain.yml}}
                  - {name: smoke, at: after-deploy, build: {buildspec: ci/smoke.yml}}

            """.replacing(
                "wave: prod}",
                with: "wave: prod, ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [a, b]}}")
        let config = try inlineConfig(text)
        #expect(
            Self.layout(config, .containerDeployment) == [
                "Source: Source@1", "Source: Image@1", "Replicate: LocateImage-us-east-1@1", "prod: us-drain@1", "prod: eu-Deploy@2",
                "prod: us-Deploy@2", "prod: eu-smoke@3", "prod: us-smoke@3",
            ])
    }

    @Test func stepsReadAndWriteTheirArtifacts() throws {
        let config = try inlineConfig(Self.head + Self.infrastructure)
        let spec = Pipegen.pipelines(config).first { $0.kind == .infrastructure }!
        let actions = spec.stages.flatMap(\.actions)
        let scan = try #require(actions.first { $0.name == "scan" })
        #expect(scan.inputs == ["Source"] && scan.outputs == ["scan"])
        let smoke = actions.filter { $0.name == "smoke" }
        #expect(smoke.map(\.inputs) == [["Source", "scan"], ["Source", "scan"]])
        #expect(smoke.map(\.buildVariant) == ["dev", "prod"])
        let notify = actions.filter { $0.name == "notify" }.map(\.kind)
        guard case .lambdaInvoke(let function, let parameters) = notify.first else {
            Issue.record("no invoke")
            return
        }
        #expect(function == "shop-notify" && parameters == "dev")
    }

    @Test func theTemplatesGrantExactlyWhatTheStepsDo() throws {
        let config = try inlineConfig(Self.head + Self.infrastructure)
        let t = StackSet.build(config).stacks[0].template
        func statements(_ role: String) -> [IAM.Statement] {
            t.resource(role)!.model(as: IAM.Role.self)!.policies.flatMap(\.policyDocument.statements)
        }
        let pipeline = statements("InfrastructureDeploymentPipelineRole")
        let invoke = try #require(pipeline.first { $0.sid == "InvokeStepFunctions" })
        #expect(invoke.actions == ["lambda:InvokeFunction"])
        #expect(invoke.resources == [.sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-notify")])
        let runs = try #require(pipeline.first { $0.sid == "RunBuilds" }).resources
        #expect(["StepScanProject", "StepSmokeProjectDev", "StepSmokeProjectProd"].allSatisfy { runs.contains(.getAtt($0, "Arn")) })
        // The scan writes its artifact; the smoke tests only read theirs.
        #expect(statements("StepScanRole").contains { $0.actions.contains("s3:PutObject") })
        #expect(!statements("StepSmokeRole").contains { $0.actions.contains("s3:PutObject") })
        let smoke = try #require(t.resources(of: CodeBuild.Project.self).first { $0.id == "StepSmokeProjectProd" }?.model)
        #expect(smoke.source.buildSpec == "ci/smoke-prod.yml")
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    @Test func theGraphAndThePlanShowTheSteps() throws {
        let config = try inlineConfig(Self.head + Self.infrastructure)
        var graph = GraphBuilder(config: config)
        graph.build()
        let boxes = graph.accounts.flatMap { account in
            account.cluster.clusters.flatMap { region in region.clusters.flatMap { $0.clusters.flatMap(\.nodes) } }
        }.map(\.lines)
        #expect(boxes.contains(["notify: Lambda invoke", "function shop-notify"]))
        #expect(boxes.contains(["smoke: CodeBuild", "shop-step-smoke-prod"]))
        let stacks = StackSet.build(config).stacks
        let manual = ManualSteps(config: config, profiles: [Profile(name: "shop-tooling", account: "111111111111", users: ["tooling"])], deployments: [], phaseOf: [:], stacks: stacks)
        let functions = try #require(manual.stepFunctions())
        #expect(functions.blocks.contains(.item("shop-notify")))
        #expect(manual.ownBuildspecs(config.pipelines.all[0]) == ["ci/scan.yml", "ci/smoke-dev.yml", "ci/smoke-prod.yml"])
    }

    @Test func anApprovalCommentTooLongIsReportedAtItsLine() throws {
        let comment = String(repeating: "x", count: 1001)
        let text = Self.head + "pipelines:\n  infrastructure-deployment:\n    steps: [{name: a, at: after-build, approval: {comment: \(comment)}}]\n"
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message.hasPrefix("CustomData of action 'AfterBuild/a'") })
        #expect(error.mark?.line == 8)
    }

    @Test(arguments: [
        (
            "  infrastructure-deployment:\n    steps: [{name: a, at: after-build, build: {buildspec: a.yml}, inputs: [Source, LambdaPackage]}]\n",
            "step 'a' reads 'LambdaPackage', which no action before it writes in pipeline 'shop-infrastructure-deployment'",
            "did you mean 'LambdaPackages'?"
        ),
        (
            "  infrastructure-deployment:\n    steps: [{name: a, at: after-source, build: {buildspec: a.yml}, inputs: [LambdaPackages]}]\n",
            "step 'a' reads 'LambdaPackages', which no action before it writes in pipeline 'shop-infrastructure-deployment'",
            "the artifacts written before it: 'Source'"
        ),
        (
            "  container-build:\n    steps: [{name: a, at: after-deploy, approval: true}]\n" + "  infrastructure-deployment: {}\n",
            "step 'a' runs after-deploy, but container-build deploys to no environment", "use 'at: after-source' or 'at: after-build'"
        ),
        (
            "  container-build:\n    steps: [{name: a-1, at: after-build, approval: true}, {name: a1, at: after-source, approval: true}]\n" + "  infrastructure-deployment: {}\n",
            "step names 'a-1' and 'a1' give the same identifier 'A1' in the templates", "'a-1' defined here"
        ),
    ])
    func stepsThatCannotRunAreErrors(_ pipelines: String, _ message: String, _ note: String) throws {
        let text = Self.head + "pipelines:\n" + pipelines
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.message == message }, "\(diagnostics.map(\.message))")
        #expect(error.mark != nil)
        #expect(error.notes.map(\.message).contains(note), "\(error.notes.map(\.message))")
    }
}
