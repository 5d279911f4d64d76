import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// What CodeDeploy and the pipeline's ECS role do at run time, against the permissions the
/// templates give them: issue 11's container-deployment bullets.
@Suite struct ContainerDeploymentRuntimeTests {
    static let account = "444444444444"

    static func config(ecs: String, pipeline: String = "{}", regions: String = "[eu-west-1, us-east-1]") throws -> Config {
        try inlineConfig(
            """
            project: shop
            tooling:
              account: "111111111111"
              region: eu-west-1
            environments:
              - name: prod
                account: "\(account)"
                regions: \(regions)
                ecs:
            \(ecs.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            pipelines:
              container-deployment: \(pipeline)

            """)
    }

    /// The stacks of `config` by template name.
    static func stacks(_ config: Config) -> [String: StackTemplate] {
        Dictionary(uniqueKeysWithValues: StackSet.build(config).stacks.map { ($0.name, $0) })
    }

    /// The statements of the CodeDeploy service role, resolved in its template's region.
    static func codeDeployRole(_ stacks: [String: StackTemplate]) throws -> (statements: [IAM.Statement], resolver: Resolver) {
        let home = try #require(stacks["prod"])
        let role = try #require(home.template.resource("CodeDeployServiceRole")?.model(as: IAM.Role.self))
        return (role.policies.flatMap(\.policyDocument.statements), Resolver(template: home.template, account: account, region: home.region))
    }

    /// The deployment group of `region`, wherever its template is.
    static func deploymentGroup(_ stacks: [String: StackTemplate], region: String) throws -> CodeDeploy.DeploymentGroup {
        let stack = try #require(stacks.values.first { $0.region == region && $0.template.resource("BlueGreenDeploymentGroup") != nil })
        return try #require(stack.template.resource("BlueGreenDeploymentGroup")?.model(as: CodeDeploy.DeploymentGroup.self))
    }

    static let usListener = "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/app/shop/60dc6c495c0c9188/a2f7dc8efc522ab2"
    static let euListener = "arn:aws:elasticloadbalancing:eu-west-1:444444444444:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2"

    // MARK: 1. Multi-region environments

    /// An imported listener resolves in the home region's IAM template to the home listener
    /// only; in a further region CodeDeploy shifts that region's listener, which the role must
    /// allow too.
    @Test func theServiceRoleMayShiftTrafficInEveryRegion() throws {
        let config = try Self.config(
            ecs: """
                cluster: shop-prod
                service: shop
                listener: { import: shop-prod-ProdListenerArn }
                test-listener: { import: shop-prod-TestListenerArn }
                target-groups: [shop-blue, shop-green]
                """)
        let (statements, r) = try Self.codeDeployRole(Self.stacks(config))
        #expect(PolicyMatch.allows(statements, "elasticloadbalancing:ModifyListener", on: "import:shop-prod-ProdListenerArn", r))
        #expect(PolicyMatch.allows(statements, "elasticloadbalancing:ModifyListener", on: Self.usListener, r))
        #expect(!PolicyMatch.allows(statements, "elasticloadbalancing:ModifyListener", on: Self.usListener.replacing("us-east-1", with: "us-west-2"), r))
        #expect(PolicyMatch.allows(statements, "ecs:CreateTaskSet", on: "arn:aws:ecs:us-east-1:444444444444:task-set/shop-prod/shop/ecs-svc-1", r))
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    /// A listener ARN names one region: each region's deployment group gets its own, and the
    /// role may shift exactly those.
    @Test func eachRegionDeploysWithItsOwnListener() throws {
        let config = try Self.config(
            ecs: """
                cluster: shop-prod
                service: shop
                listener: \(Self.euListener)
                target-groups: [shop-blue, shop-green]
                regions:
                  us-east-1:
                    listener: \(Self.usListener)
                    cluster: shop-prod-us
                """)
        let stacks = Self.stacks(config)
        for (region, listener, cluster) in [("eu-west-1", Self.euListener, "shop-prod"), ("us-east-1", Self.usListener, "shop-prod-us")] {
            let group = try Self.deploymentGroup(stacks, region: region)
            #expect(group.loadBalancerInfo?.targetGroupPairInfoList.first?.prodTrafficRoute?.listenerArns == [.string(listener)])
            #expect(group.ecsServices.first?.clusterName == .string(cluster))
        }
        let (statements, r) = try Self.codeDeployRole(stacks)
        let modify = statements.first { $0.sid == "ShiftTraffic" }
        #expect(modify?.resources.compactMap(r.string) == [Self.euListener, Self.usListener])
        #expect(PolicyMatch.allows(statements, "ecs:UpdateServicePrimaryTaskSet", on: "arn:aws:ecs:us-east-1:444444444444:service/shop-prod-us/shop", r))
        #expect(!PolicyMatch.allows(statements, "ecs:UpdateServicePrimaryTaskSet", on: "arn:aws:ecs:us-east-1:444444444444:service/shop-prod/shop", r))
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    /// The example where one environment deploys containers to two regions.
    @Test func theGlobalExampleShiftsEveryRegionsListener() throws {
        let config = try exampleConfig("Examples/global-blue-green/pipegen.yaml")
        let stacks = Self.stacks(config)
        for env in config.environments where env.regions.count > 1 {
            let home = try #require(stacks[env.name.value])
            let role = try #require(home.template.resource("CodeDeployServiceRole")?.model(as: IAM.Role.self))
            let r = Resolver(template: home.template, account: env.account.value, region: home.region)
            for region in env.regions.map(\.value).dropFirst() {
                let sample = "arn:aws:elasticloadbalancing:\(region):\(env.account.value):listener/app/globex/1/2"
                #expect(PolicyMatch.allows(role.policies.flatMap(\.policyDocument.statements), "elasticloadbalancing:ModifyListener", on: sample, r))
            }
        }
        #expect(config.environments.contains { $0.regions.count > 1 }, "the global example deploys one environment to two regions")
    }

    // MARK: 2. Blue/green settings and hooks

    static let twoEnvironments = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            ecs:
              cluster: shop-dev
              service: shop
              listener: { import: shop-dev-ProdListenerArn }
              target-groups: [shop-dev-blue, shop-dev-green]
              deployment-config: CodeDeployDefault.ECSAllAtOnce
              alarms: []
          - name: prod
            account: "444444444444"
            regions: [eu-west-1, us-east-1]
            ecs:
              cluster: shop-prod
              service: shop
              listener: { import: shop-prod-ProdListenerArn }
              target-groups: [shop-prod-blue, shop-prod-green]
              termination-wait-minutes: 60
        pipelines:
          container-deployment:
            appspec: appspec-{env}.yaml
            deployment-config: CodeDeployDefault.ECSCanary10Percent5Minutes
            reroute-wait-minutes: 30
            alarms: ["{project}-{env}-5xx", "{project}-{env}-{region}-latency"]
            hooks:
              AfterAllowTestTraffic: "{project}-{env}-smoke-test"
              BeforeAllowTraffic: "{project}-{env}-check"

        """

    /// The deployment config, the wait before traffic moves, the termination wait and the
    /// alarms reach each environment's deployment groups (the pipeline's, or the
    /// environment's own), in every region.
    @Test func blueGreenSettingsReachEachDeploymentGroup() throws {
        let stacks = Self.stacks(try inlineConfig(Self.twoEnvironments))
        typealias Group = CodeDeploy.DeploymentGroup
        let dev = try #require(stacks["dev"]?.template.resource("BlueGreenDeploymentGroup")?.model(as: Group.self))
        #expect(dev.deploymentConfigName == .string("CodeDeployDefault.ECSAllAtOnce"))
        #expect(dev.alarmConfiguration == nil)
        #expect(dev.autoRollbackConfiguration?.events == [.deploymentFailure, .deploymentStopOnRequest])
        #expect(dev.blueGreenDeploymentConfiguration?.deploymentReadyOption == Group.DeploymentReadyOption(actionOnTimeout: .stopDeployment, waitTimeInMinutes: 30))
        for (name, region) in [("prod", "eu-west-1"), ("prod-us-east-1", "us-east-1")] {
            let prod = try #require(stacks[name]?.template.resource("BlueGreenDeploymentGroup")?.model(as: Group.self))
            #expect(prod.deploymentConfigName == .string("CodeDeployDefault.ECSCanary10Percent5Minutes"))
            #expect(prod.alarmConfiguration?.enabled == true)
            #expect(prod.alarmConfiguration?.alarms.map(\.name) == ["shop-prod-5xx", "shop-prod-\(region)-latency"])
            #expect(prod.autoRollbackConfiguration?.events == [.deploymentFailure, .deploymentStopOnAlarm, .deploymentStopOnRequest])
            #expect(prod.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes == 60)
        }
    }

    /// CodeDeploy reads the alarms it watches and invokes the AppSpec's hook functions as its
    /// service role: exactly those, in each region, and nothing when none are configured.
    @Test func theServiceRoleReadsTheAlarmsAndInvokesTheHooks() throws {
        let config = try inlineConfig(Self.twoEnvironments)
        let stacks = Self.stacks(config)
        func role(_ env: String) throws -> ([IAM.Statement], Resolver) {
            let s = try #require(stacks[env])
            let role = try #require(s.template.resource("CodeDeployServiceRole")?.model(as: IAM.Role.self))
            return (role.policies.flatMap(\.policyDocument.statements), Resolver(template: s.template, account: s.account, region: s.region))
        }
        let (prod, r) = try role("prod")
        func allows(_ action: String, _ resource: String) -> Bool { PolicyMatch.allows(prod, action, on: resource, r) }
        for region in ["eu-west-1", "us-east-1"] {
            #expect(allows("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:\(region):444444444444:alarm:shop-prod-5xx"))
            #expect(allows("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:\(region):444444444444:alarm:shop-prod-\(region)-latency"))
            #expect(allows("lambda:InvokeFunction", "arn:aws:lambda:\(region):444444444444:function:shop-prod-smoke-test"))
            #expect(allows("lambda:InvokeFunction", "arn:aws:lambda:\(region):444444444444:function:shop-prod-check:live"))
        }
        #expect(!allows("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:other"))
        #expect(!allows("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:444444444444:function:shop-prod-other"))
        let (dev, _) = try role("dev")
        #expect(!dev.contains { $0.actions.contains("cloudwatch:DescribeAlarms") }, "no alarms, no alarm access")
        #expect(dev.contains { $0.actions.contains("lambda:InvokeFunction") })
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    // MARK: 3. Task roles and tags

    static func roleStatements(_ stacks: [String: StackTemplate], _ id: String) throws -> ([IAM.Statement], Resolver) {
        let home = try #require(stacks["prod"])
        let role = try #require(home.template.resource(id)?.model(as: IAM.Role.self))
        return (role.policies.flatMap(\.policyDocument.statements), Resolver(template: home.template, account: account, region: home.region))
    }

    static let taskRoleTarget = """
        cluster: shop-prod
        service: shop
        listener: { import: shop-prod-ProdListenerArn }
        target-groups: [shop-blue, shop-green]
        """

    /// The console's `ecsTaskExecutionRole`, a role with a path given by ARN, and a pattern:
    /// the pipeline's role and CodeDeploy's may pass each, to ECS tasks only.
    @Test func taskRolesByNameArnOrPatternMayBePassed() throws {
        let config = try Self.config(
            ecs: Self.taskRoleTarget,
            pipeline: "{task-roles: [ecsTaskExecutionRole, \"arn:aws:iam::444444444444:role/service-role/shop-task\", \"{project}-{env}-*\"]}")
        let stacks = Self.stacks(config)
        for id in ["EcsDeployRole", "CodeDeployServiceRole"] {
            let (statements, r) = try Self.roleStatements(stacks, id)
            for role in ["ecsTaskExecutionRole", "service-role/shop-task", "shop-prod-task"] {
                #expect(PolicyMatch.allows(statements, "iam:PassRole", on: "arn:aws:iam::444444444444:role/\(role)", r), "\(id) may not pass \(role)")
            }
            #expect(!PolicyMatch.allows(statements, "iam:PassRole", on: "arn:aws:iam::444444444444:role/admin", r))
            let pass = try #require(statements.first { $0.sid == "PassTaskRoles" })
            #expect(pass.conditions == [IAM.Condition("StringEquals", "iam:PassedToService", .string("ecs-tasks.amazonaws.com"))])
        }
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    /// A task definition with tags is registered with them: AWS then also authorizes
    /// `ecs:TagResource`, which the pipeline's role may do only while registering a task
    /// definition, in the environment's regions.
    @Test func taskDefinitionsMayBeRegisteredWithTags() throws {
        let stacks = Self.stacks(try Self.config(ecs: Self.taskRoleTarget))
        let (statements, r) = try Self.roleStatements(stacks, "EcsDeployRole")
        for region in ["eu-west-1", "us-east-1"] {
            #expect(PolicyMatch.allows(statements, "ecs:TagResource", on: "arn:aws:ecs:\(region):444444444444:task-definition/shop-prod:7", r))
        }
        #expect(!PolicyMatch.allows(statements, "ecs:TagResource", on: "arn:aws:ecs:eu-west-1:444444444444:service/shop-prod/shop", r))
        let tag = try #require(statements.first { $0.actions.contains("ecs:TagResource") })
        #expect(tag.conditions == [IAM.Condition("StringEquals", "ecs:CreateAction", .string("RegisterTaskDefinition"))])
    }

    // MARK: 4. Bootstrap from nothing

    static func fromNothing(_ services: String) throws -> Config {
        try inlineConfig(
            """
            project: shop
            tooling:
              account: "111111111111"
              region: eu-west-1
            environments:
              - name: dev
                account: "222222222222"
                ecs: { cluster: shop-dev, service: shop, listener: { import: shop-dev-ProdListenerArn }, target-groups: [dev-blue, dev-green] }
              - name: prod
                account: "444444444444"
                regions: [eu-west-1, us-east-1]
                approval: true
                ecs: { cluster: shop-prod, service: shop, listener: { import: shop-prod-ProdListenerArn }, target-groups: [prod-blue, prod-green] }
            pipelines:
              container-build: {}
              infrastructure-deployment: {}
              container-deployment: { ecs-services: \(services) }

            """)
    }

    /// True when `document` holds an `Fn::ImportValue` anywhere.
    static func imports(_ document: Document) -> Bool {
        switch document {
        case .map(let entries): return entries.contains { $0.key == "Fn::ImportValue" || imports($0.value) }
        case .list(let items): return items.contains(where: imports)
        default: return false
        }
    }

    static func plan(_ config: Config) throws -> DeploymentPlan {
        let files = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
        return DeploymentPlan(ValidConfig(config: config, stacks: StackSet.build(config)), files: files, templateFolder: "templates")
    }

    /// The steps of `plan` as short labels: `phase: a, b` or the manual step's id.
    static func outline(_ plan: DeploymentPlan) -> [String] {
        plan.steps.map {
            switch $0.kind {
            case .phase(let p): return "phase: " + p.stacks.map(\.name).joined(separator: ", ")
            case .manual(let m): return m.kind.rawValue
            }
        }
    }

    /// When the infrastructure pipeline creates the ECS services, the deployment groups (which
    /// CodeDeploy checks against the services) go to stacks of their own, deployed once its
    /// first run has created them: an order that works from an empty account.
    @Test func servicesCreatedByTheInfrastructurePipelineAreDeployedAfterItsFirstRun() throws {
        let config = try Self.fromNothing("infrastructure-deployment")
        let stacks = Self.stacks(config)
        for env in ["dev", "prod"] {
            let main = try #require(stacks[env]?.template)
            #expect(main.resource("BlueGreenDeploymentGroup") == nil, "the environment's template needs no service")
            // Deployed before the application's stack exists, it may import none of its values.
            #expect(!Self.imports(main.document), "\(env) imports what does not exist yet")
            #expect(stacks["\(env)-deploy"]?.template.resource("CodeDeployServiceRole") != nil)
        }
        #expect(stacks["prod-us-east-1"] == nil, "nothing else is regional")
        for (name, region) in [("dev-deploy", "eu-west-1"), ("prod-deploy", "eu-west-1"), ("prod-deploy-us-east-1", "us-east-1")] {
            let stack = try #require(stacks[name], "no \(name)")
            #expect(stack.region == region)
            #expect(stack.template.resource("BlueGreenDeploymentGroup") != nil && stack.template.resource("CodeDeployApplication") != nil)
        }
        #expect(stacks["prod-deploy"]?.stackName == "pipegen-shop-prod-deploy")
        let plan = try Self.plan(config)
        #expect(plan.problems == [])
        let outline = Self.outline(plan)
        #expect(!outline.contains("create-ecs-resources"))
        let push = try #require(outline.firstIndex(of: "push-source"))
        let wait = try #require(outline.firstIndex(of: "wait-for-pipeline"))
        let deploy = try #require(outline.firstIndex { $0.hasPrefix("phase:") && $0.contains("dev-deploy") })
        let image = try #require(outline.firstIndex(of: "push-image"))
        #expect(push < wait && wait < deploy && deploy + 1 < image, "\(outline)")
        #expect(outline[deploy] == "phase: dev-deploy, prod-deploy")
        #expect(outline[deploy + 1] == "phase: prod-deploy-us-east-1", "after the role it names")
        #expect(plan.text.contains("infrastructure-deployment"))
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    /// Teams whose services exist keep one template per environment and region, and create
    /// the services first.
    @Test func existingServicesKeepTheDeploymentGroupsInTheEnvironmentTemplates() throws {
        let config = try Self.fromNothing("existing")
        let stacks = Self.stacks(config)
        #expect(stacks["dev"]?.template.resource("BlueGreenDeploymentGroup") != nil)
        #expect(stacks["prod-us-east-1"]?.template.resource("BlueGreenDeploymentGroup") != nil)
        #expect(stacks["dev-deploy"] == nil)
        let outline = Self.outline(try Self.plan(config))
        #expect(outline.first == "create-ecs-resources")
        #expect(!outline.contains("wait-for-pipeline"))
    }
}
