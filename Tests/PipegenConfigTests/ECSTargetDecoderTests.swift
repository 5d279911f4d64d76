import PipegenConfig
import Testing
import YAMLKit

/// An environment's `ecs` settings across its regions: one value for every region, replaced
/// per region under `ecs.regions`; values that name one region (listener ARNs) must not be
/// shared by several.
@Suite struct ECSTargetDecoderTests {
    static let base = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: prod
            account: "444444444444"
            regions: [eu-west-1, us-east-1]
            ecs:
              cluster: shop-prod
              service: shop
              listener: LISTENER
              target-groups: [shop-blue, shop-green]
        REGIONS
        pipelines:
          container-deployment: {}

        """

    static func config(listener: String, regions: String = "") -> String {
        base.replacing("LISTENER", with: listener).replacing("REGIONS\n", with: regions)
    }

    static let euListener = "arn:aws:elasticloadbalancing:eu-west-1:444444444444:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2"
    static let usListener = "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/app/shop/60dc6c495c0c9188/a2f7dc8efc522ab2"

    @Test func eachRegionGetsItsOwnValuesOrTheShared() throws {
        let text = Self.config(
            listener: Self.euListener,
            regions: """
                      regions:
                        us-east-1:
                          listener: \(Self.usListener)
                          cluster: { import: shop-prod-cluster }

                """)
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        let ecs = try #require(config?.environments[0].ecs)
        let eu = ecs.target(in: "eu-west-1"), us = ecs.target(in: "us-east-1")
        #expect(eu.listener == .literal(Self.euListener) && eu.cluster == .literal("shop-prod"))
        #expect(us.listener == .literal(Self.usListener) && us.cluster == .importValue("shop-prod-cluster"))
        #expect(us.service == .literal("shop") && us.targetGroups == eu.targetGroups, "what a region does not replace is shared")
    }

    @Test func anImportedListenerServesEveryRegion() {
        let (config, diagnostics) = load(Self.config(listener: "{ import: shop-prod-ProdListenerArn }"))
        #expect(diagnostics.map(\.message) == [])
        #expect(config?.environments[0].ecs?.target(in: "us-east-1").listener == .importValue("shop-prod-ProdListenerArn"))
    }

    /// Each case: a config with a marker where the error must point, and the start of its message.
    static let locatedErrors: [(String, String)] = [
        (
            config(listener: "1️⃣" + euListener),
            "listener '\(euListener)' is in region 'eu-west-1', but environment 'prod' deploys in 'us-east-1' too"
        ),
        (
            config(listener: "1️⃣" + usListener, regions: "      regions:\n        us-east-1: { listener: \(usListener) }\n"),
            "listener '\(usListener)' is in region 'us-east-1', but environment 'prod' uses it in 'eu-west-1'"
        ),
        (
            config(
                listener: euListener,
                regions: "      regions:\n        us-east-1: { listener: 1️⃣\(euListener.replacing("444444444444", with: "555555555555")) }\n"),
            "listener '\(euListener.replacing("444444444444", with: "555555555555"))' is in account '555555555555'"
        ),
        (
            config(listener: euListener, regions: "      regions:\n        1️⃣us-east-2: { listener: \(usListener) }\n"),
            "environment 'prod' does not deploy to 'us-east-2'"
        ),
        (
            config(listener: "{ import: shop-prod-ProdListenerArn }").replacing(
                "[shop-blue, shop-green]", with: "[1️⃣arn:aws:elasticloadbalancing:eu-west-1:444444444444:targetgroup/shop-blue/73e2d6bc24d8a067, shop-green]"),
            "target group 'arn:aws:elasticloadbalancing:eu-west-1:444444444444:targetgroup/shop-blue/73e2d6bc24d8a067' is an ARN, but CodeDeploy takes the target group's name here"
        ),
        (
            config(listener: "1️⃣shop-listener"),
            "listener 'shop-listener' is written once for environment 'prod', which deploys to 2 regions"
        ),
    ]

    @Test(arguments: 0..<locatedErrors.count)
    func errorsPointAtTheirValue(_ index: Int) {
        let (text, mark) = marked(Self.locatedErrors[index].0)
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        let expected = Self.locatedErrors[index].1
        let found = diagnostics.first { $0.severity == .error && $0.message.hasPrefix(expected) }
        #expect(found != nil, "no error starting with \(expected): \(diagnostics.map(\.message))")
        #expect(found?.mark == mark, "\(String(describing: found?.mark)) != \(mark)")
    }

    static func pipeline(_ block: String, ecs: String = "") -> String {
        config(listener: "{ import: shop-prod-ProdListenerArn }")
            .replacing("      target-groups: [shop-blue, shop-green]\n", with: "      target-groups: [shop-blue, shop-green]\n" + ecs)
            .replacing("  container-deployment: {}\n", with: "  container-deployment:\n" + block)
    }

    /// The blue/green keys of the pipeline and of an environment's `ecs`.
    static let settingsErrors: [(String, String)] = [
        (pipeline("    hooks:\n      1️⃣AfterAllowTestTrafic: shop-smoke\n"), "unknown key 'AfterAllowTestTrafic' in 'hooks' in 'container-deployment'"),
        (
            pipeline("    hooks:\n      BeforeInstall: 1️⃣arn:aws:lambda:eu-west-1:444444444444:function:shop-check\n"),
            "hook 'BeforeInstall' names a function by ARN"
        ),
        (pipeline("    alarms: 1️⃣[a, b, c, d, e, f, g, h, i, j, k]\n"), "11 alarms in 'container-deployment'; a CodeDeploy deployment group watches at most 10"),
        (
            pipeline("    image-tag: latest\n", ecs: "      deployment-config: 1️⃣CodeDeployDefault.ECSCanary10Percent5Minute\n"),
            "'CodeDeployDefault.ECSCanary10Percent5Minute' is not valid"
        ),
        (pipeline("    reroute-wait-minutes: 1️⃣2881\n"), "'reroute-wait-minutes' in 'container-deployment' must be from 0 to 2880"),
        (
            pipeline("    task-roles: [ecsTaskExecutionRole, 1️⃣\"arn:aws:iam::555555555555:role/ecsTaskExecutionRole\"]\n"),
            "task role 'arn:aws:iam::555555555555:role/ecsTaskExecutionRole' is in account '555555555555', where no environment deploys"
        ),
        (
            pipeline("    task-roles: [1️⃣\"arn:aws:iam::444444444444:user/deployer\"]\n"),
            "task role 'arn:aws:iam::444444444444:user/deployer' is not a role ARN"
        ),
        (
            pipeline("    task-roles: [1️⃣\"arn:aws-cn:iam::444444444444:role/x\"]\n"),
            "ARN 'arn:aws-cn:iam::444444444444:role/x' is in partition 'aws-cn', but the config's accounts are in 'aws'"
        ),
    ]

    @Test(arguments: 0..<settingsErrors.count)
    func settingsErrorsPointAtTheirValue(_ index: Int) {
        let (text, mark) = marked(Self.settingsErrors[index].0)
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        let expected = Self.settingsErrors[index].1
        let found = diagnostics.first { $0.severity == .error && $0.message.hasPrefix(expected) }
        #expect(found != nil, "no error starting with \(expected): \(diagnostics.map(\.message))")
        #expect(found?.mark == mark, "\(String(describing: found?.mark)) != \(mark)")
    }

    @Test func anEnvironmentReplacesThePipelinesBlueGreenSettings() throws {
        let text = Self.pipeline(
            "    deployment-config: CodeDeployDefault.ECSLinear10PercentEvery3Minutes\n    alarms: [a]\n    reroute-wait-minutes: 10\n",
            ecs: "      deployment-config: CodeDeployDefault.ECSAllAtOnce\n      alarms: []\n")
        let (config, diagnostics) = load(text)
        #expect(diagnostics.map(\.message) == [])
        let c = try #require(config)
        let cd = try #require(c.pipelines[ContainerDeployment.self])
        #expect(
            cd.blueGreen(in: c.environments[0])
                == BlueGreen(deploymentConfig: .allAtOnce, rerouteWaitMinutes: 10, terminationWaitMinutes: 5, alarms: []))
    }
}
