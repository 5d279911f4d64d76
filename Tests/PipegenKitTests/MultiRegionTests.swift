import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing

/// The cross-region wiring of the global example (seed 002): every region an action runs in
/// has an artifact store, a bucket and a key; each region's key, bucket and repository grant
/// exactly the roles and accounts that act in that region.
@Suite struct MultiRegionTests {
    let config: Config
    let stacks: [StackTemplate]

    init() throws {
        config = try exampleConfig("Examples/global-blue-green/pipegen.yaml")
        stacks = StackSet.build(config).stacks
    }

    func stack(_ name: String) -> StackTemplate { stacks.first { $0.name == name }! }

    @Test func everyFurtherRegionHasAReplicaBucketAndRegistry() {
        #expect(
            stacks.map(\.name) == [
                "tooling", "tooling-eu-central-1-bucket", "tooling-eu-central-1", "tooling-us-east-1-bucket", "tooling-us-east-1",
                "tooling-us-west-2-bucket", "tooling-us-west-2", "test1", "test2", "test3", "test3-us-west-2",
            ])
        for region in ["eu-central-1", "us-east-1", "us-west-2"] {
            let keys = stack("tooling-\(region)"), bucket = stack("tooling-\(region)-bucket")
            #expect(keys.region == region && bucket.region == region)
            #expect(keys.template.resources(of: KMS.ReplicaKey.self).count == 1)
            #expect(keys.template.resources(of: ECR.Repository.self).first?.model.repositoryName == .string("globex"))
            #expect(bucket.template.resources(of: S3.Bucket.self).first?.model.bucketName == .string("globex-artifacts-100000000001-\(region)"))
            #expect(bucket.template.parameters.isEmpty, "the bucket needs nothing from another stack")
        }
    }

    @Test func theKeyIsMultiRegionAndEveryReplicaHasAPolicyOfItsRegion() throws {
        let primary = try #require(stack("tooling").template.resources(of: KMS.Key.self).first?.model)
        #expect(primary.multiRegion == true)
        #expect(primary.enableKeyRotation == true)
        for region in ["eu-central-1", "us-east-1", "us-west-2"] {
            let replica = try #require(stack("tooling-\(region)").template.resources(of: KMS.ReplicaKey.self).first?.model)
            #expect(replica.primaryKeyArn == .ref("PrimaryKeyArn"))
            #expect(replica.keyPolicy.statements.map(\.sid) == ["ToolingAccountAdministersThroughIAM", "BuildLogsEncryption", "EnvironmentRolesDecrypt"])
        }
    }

    /// Issue 12: the key, bucket and repository of each tooling region admit exactly the roles
    /// (and, for the repository, the accounts) of the environments deploying in that region —
    /// test1 in ap-south-1, test2 in eu-central-1, test3 in us-east-1 and us-west-2 — while the
    /// runtime access check still finds every call allowed. On 75e3819 each region admitted all
    /// three accounts.
    @Test func eachRegionsPoliciesAdmitExactlyTheRolesActingThere() throws {
        let acting = [
            "ap-south-1": "200000000002", "eu-central-1": "300000000003", "us-east-1": "400000000004", "us-west-2": "400000000004",
        ]
        let reader = ["200000000002": "test1", "300000000003": "test2", "400000000004": "test3"]
        // Every role of every environment template, by ARN.
        var roles: [String] = []
        for s in stacks where s.owner != .tooling {
            let r = Resolver(template: s.template, account: s.account, region: s.region)
            roles += s.template.resources(of: IAM.Role.self).compactMap { r.arn($0.id) }
        }
        #expect(roles.count == 6)
        for (region, account) in acting.sorted(by: { $0.key < $1.key }) {
            let tooling = stacks.filter { $0.owner == .tooling && $0.region == region }
            var statements: [(String, [ResolvedStatement])] = []
            var repositoryAccounts: [String] = []
            for s in tooling {
                let r = Resolver(template: s.template, account: s.account, region: s.region)
                let key =
                    s.template.resources(of: KMS.Key.self).first?.model.keyPolicy?.statements
                    ?? s.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? []
                if !key.isEmpty { statements.append(("key", key.map { ResolvedStatement($0, r) })) }
                let bucket = s.template.resources(of: S3.BucketPolicy.self).flatMap(\.model.policyDocument.statements)
                if !bucket.isEmpty { statements.append(("bucket", bucket.map { ResolvedStatement($0, r) })) }
                for (_, repo) in s.template.resources(of: ECR.Repository.self) {
                    repositoryAccounts += repo.repositoryPolicyText?.statements.flatMap { PolicyMatch.awsPrincipals($0, r) } ?? []
                }
            }
            #expect(statements.map(\.0).sorted() == ["bucket", "key"], "\(region)")
            for (what, policy) in statements {
                // The environment roles a statement of the policy admits: the account is a
                // principal, and the role matches its aws:PrincipalArn patterns.
                let admitted = roles.filter { role in
                    policy.contains { st in
                        st.effect == .allow && st.principals.contains("arn:aws:iam::\(role.split(separator: ":", omittingEmptySubsequences: false)[4]):root")
                            && st.condition("ArnLike", "aws:PrincipalArn").contains { PolicyMatch.glob($0, role) }
                    }
                }
                #expect(admitted == ["arn:aws:iam::\(account):role/globex-\(reader[account]!)-ecs-deploy"], "\(region) \(what)")
            }
            #expect(repositoryAccounts == ["arn:aws:iam::\(account):root"], "\(region) repository")
        }
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    @Test func everyActionRegionHasAStoreEncryptedWithThatRegionsKey() throws {
        for (_, pipeline) in stack("tooling").template.resources(of: CodePipeline.Pipeline.self) {
            #expect(pipeline.artifactStore == nil, "multi-region pipelines use ArtifactStores")
            let stores = Dictionary(uniqueKeysWithValues: pipeline.artifactStores.map { ($0.region, $0.artifactStore) })
            for action in pipeline.stages.flatMap(\.actions) {
                let region = action.region ?? .string("ap-south-1")
                let store = try #require(stores[region], "no store for \(region)")
                guard case .string(let r) = region, r != "ap-south-1" else { continue }
                #expect(store.encryptionKey?.id == .sub("arn:${AWS::Partition}:kms:\(r):${AWS::AccountId}:key/${ArtifactKey.KeyId}"))
                #expect(store.location == .string("globex-artifacts-100000000001-\(r)"))
            }
        }
    }

    @Test func deploymentsUseTheImageOfTheirRegionsRegistry() throws {
        let pipeline = try #require(
            stack("tooling").template.resource("ContainerDeploymentPipeline")?.model(as: CodePipeline.Pipeline.self))
        #expect(pipeline.stages.map(\.name) == ["Source", "Replicate", "test1", "test2", "test3"])
        for (env, action, image, region) in [
            ("test1", "Deploy", "Image", "ap-south-1"), ("test2", "Deploy", "Image-eu-central-1", "eu-central-1"),
            ("test3", "Deploy-us-east-1", "Image-us-east-1", "us-east-1"), ("test3", "Deploy-us-west-2", "Image-us-west-2", "us-west-2"),
        ] {
            let deploy = try #require(pipeline.stages.first { $0.name == env }?.actions.first { $0.name == action })
            #expect(deploy.configuration(as: CodePipeline.Action.CodeDeployToECS.self)?.images.first?.artifactName == image)
            #expect(deploy.inputArtifacts.map(\.name).contains(image))
            #expect((deploy.region ?? .string("ap-south-1")) == .string(region))
        }
    }

    @Test func theWholeSetIsConsistent() {
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }
}

/// An environment spread over several regions: one IAM template, one regional template per
/// further region, deploy actions in region order (or at once when asked).
@Suite struct EnvironmentRegionsTests {
    static func config(parallel: Bool) throws -> Config {
        try inlineConfig(
            """
            project: multi
            tooling:
              account: "111111111111"
              region: eu-west-1
            environments:
              - name: prod
                account: "222222222222"
                regions: [eu-west-1, us-east-1, ap-southeast-2]
                parallel-regions: \(parallel)
                deploy: change-set
                ecs: { cluster: c, service: s, listener: { import: l }, target-groups: [b, g] }
            pipelines:
              infrastructure-deployment: {}
              container-deployment: {}

            """)
    }

    @Test func regionalTemplatesHoldOnlyRegionalResources() throws {
        let stacks = StackSet.build(try Self.config(parallel: false)).stacks
        #expect(
            stacks.map(\.name) == [
                "tooling", "tooling-us-east-1-bucket", "tooling-us-east-1", "tooling-ap-southeast-2-bucket", "tooling-ap-southeast-2",
                "prod", "prod-us-east-1", "prod-ap-southeast-2",
            ])
        let regional = stacks.first { $0.name == "prod-us-east-1" }!
        #expect(regional.region == "us-east-1" && regional.account == "222222222222")
        #expect(regional.template.resources.map(\.resource.typeName) == ["AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup"])
        #expect(regional.template.resources(of: IAM.Role.self).isEmpty, "IAM stays in the main environment template")
        #expect(Pipegen.consistency(try Self.config(parallel: false)).map(\.message) == [])
    }

    func runOrders(_ parallel: Bool, _ pipeline: String) throws -> [String: Int] {
        let stacks = StackSet.build(try Self.config(parallel: parallel)).stacks
        let p = try #require(stacks[0].template.resource(pipeline)?.model(as: CodePipeline.Pipeline.self))
        let stage = try #require(p.stages.first { $0.name == "prod" })
        return Dictionary(uniqueKeysWithValues: stage.actions.map { ($0.name, $0.runOrder ?? 1) })
    }

    @Test func regionsDeployOneAfterTheOtherByDefault() throws {
        let orders = try runOrders(false, "ContainerDeploymentPipeline")
        #expect(orders == ["Deploy-eu-west-1": 1, "Deploy-us-east-1": 2, "Deploy-ap-southeast-2": 3])
        let infra = try runOrders(false, "InfrastructureDeploymentPipeline")
        #expect(infra["CreateChangeSet-eu-west-1"] == 1 && infra["CreateChangeSet-ap-southeast-2"] == 1, "all change sets first")
        #expect(infra["ApproveChangeSet"] == 2, "one approval")
        #expect(infra["ExecuteChangeSet-eu-west-1"] == 3 && infra["UpdateLambdas-eu-west-1"] == 4)
        #expect(infra["ExecuteChangeSet-us-east-1"] == 5 && infra["ExecuteChangeSet-ap-southeast-2"] == 7)
    }

    @Test func regionsDeployAtOnceWhenAsked() throws {
        let orders = try runOrders(true, "ContainerDeploymentPipeline")
        #expect(Set(orders.values) == [1])
        let infra = try runOrders(true, "InfrastructureDeploymentPipeline")
        #expect(infra["ExecuteChangeSet-us-east-1"] == 3 && infra["ExecuteChangeSet-ap-southeast-2"] == 3)
        #expect(infra["UpdateLambdas-us-east-1"] == 4)
    }
}

/// Seed 004: a GitHub source through a connection the tooling template creates, started by a
/// V2 trigger with branch and path filters instead of an EventBridge rule.
@Suite struct ConnectionSourceTests {
    @Test func githubSourcesUseAConnectionAndTriggers() throws {
        let config = try exampleConfig("Examples/github-ecs/pipegen.yaml")
        let tooling = StackSet.build(config).stacks[0].template
        let connections = tooling.resources(of: CodeStarConnections.Connection.self)
        #expect(connections.map(\.id) == ["GithubConnection"])
        #expect(connections.first?.model.connectionName == .string("myapp-github"))
        #expect(tooling.resources(of: CodeCommit.Repository.self).isEmpty)
        #expect(tooling.resources(of: Events.Rule.self).map(\.id) == ["ContainerDeploymentImageRule"], "no push rules for connection sources")
        let deploy = try #require(tooling.resource("ContainerDeploymentPipeline")?.model(as: CodePipeline.Pipeline.self))
        let trigger = try #require(deploy.triggers.first?.gitConfiguration)
        #expect(trigger.sourceActionName == "Source")
        #expect(trigger.push.first?.branches?.includes == ["master"])
        #expect(trigger.push.first?.filePaths?.includes == ["deploy/**"])
        let source = try #require(deploy.stages[0].actions.first)
        #expect(source.actionTypeId.provider == "CodeStarSourceConnection")
        #expect(source.configuration(as: CodePipeline.Action.CodeStarSourceConnection.self)?.connectionArn == .ref("GithubConnection"))
        let role = try #require(tooling.resource("ContainerDeploymentPipelineRole")?.model(as: IAM.Role.self))
        let use = role.policies[0].policyDocument.statements.first { $0.sid == "UseConnection" }
        #expect(use?.resources == [.ref("GithubConnection")])
    }

    @Test func anExistingConnectionIsUsedByArn() throws {
        let config = try inlineConfig(
            """
            project: app
            tooling: { account: "111111111111", region: eu-west-1 }
            environments: [{ name: dev, account: "222222222222" }]
            pipelines:
              infrastructure-deployment:
                source:
                  provider: gitlab
                  repository: group/app
                  connection: arn:aws:codeconnections:eu-west-1:111111111111:connection/0123abcd-0000-4000-8000-000000000000

            """)
        let tooling = StackSet.build(config).stacks[0].template
        #expect(tooling.resources(of: CodeStarConnections.Connection.self).isEmpty)
        let pipeline = try #require(tooling.resources(of: CodePipeline.Pipeline.self).first?.model)
        #expect(
            pipeline.stages[0].actions[0].configuration(as: CodePipeline.Action.CodeStarSourceConnection.self)?.connectionArn
                == .string("arn:aws:codeconnections:eu-west-1:111111111111:connection/0123abcd-0000-4000-8000-000000000000"))
    }
}
