import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// `registry.pull-from: environment` (seed 002): each environment account holds a replica of
/// the repository in each of its regions, ECR replicates into it from the tooling account,
/// each deployment waits for its replica and deploys from it; the runtime access check covers
/// the replication and the pulls.
@Suite struct WorkloadImagesTests {
    static func ecs(_ env: String) -> String {
        "{cluster: shop-\(env), service: shop, listener: {import: shop-\(env)-Listener}, target-groups: [shop-\(env)-blue, shop-\(env)-green]}"
    }

    /// dev and qa share an account and region; prod has two regions; ops is the tooling account.
    static let text = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: ops, account: "111111111111", ecs: \(ecs("ops"))}
          - {name: dev, account: "222222222222", ecs: \(ecs("dev"))}
          - {name: qa, account: "222222222222", ecs: \(ecs("qa"))}
          - {name: prod, account: "333333333333", regions: [eu-west-1, us-east-1], approval: true, ecs: \(ecs("prod"))}
        registry: {pull-from: environment}
        pipelines:
          container-build: {source: {repository: app}}
          container-deployment: {source: {repository: deploy}}

        """

    static func stacks() throws -> (Config, StackSet) {
        let config = try inlineConfig(text)
        return (config, StackSet.build(config))
    }

    @Test func aReplicaInEachEnvironmentAccountAndRegionOnce() throws {
        let (_, stacks) = try Self.stacks()
        func repositories(_ name: String) -> [ECR.Repository] {
            stacks.stack(name)?.template.resources(of: ECR.Repository.self).map(\.model) ?? []
        }
        #expect(repositories("ops").isEmpty, "the tooling account's home repository is the ops environment's own")
        #expect(repositories("dev").count == 1)
        #expect(repositories("qa").isEmpty, "qa shares dev's account and region, and dev's repository")
        #expect(repositories("prod").count == 1)
        #expect(repositories("prod-us-east-1").count == 1)
        let replica = try #require(stacks.stack("dev")?.template.resource("ImageRepository"))
        #expect(replica.deletionPolicy == .retain && replica.updateReplacePolicy == .retain)
        #expect(replica.model(as: ECR.Repository.self)?.repositoryName == "shop")
        #expect(replica.model(as: ECR.Repository.self)?.encryptionConfiguration?.encryptionType == .kms)
        // No tooling replica and no cross-account pull from the tooling repository.
        #expect(stacks.stack("tooling-us-east-1")?.template.resources(of: ECR.Repository.self).isEmpty ?? true)
        let tooling = try #require(stacks.stack("tooling")?.template.resource("ImageRepository")?.model(as: ECR.Repository.self))
        #expect(tooling.repositoryPolicyText == nil)
    }

    @Test func theToolingRegistryReplicatesToEachReplica() throws {
        let (_, stacks) = try Self.stacks()
        let replication = try #require(stacks.stack("tooling")?.template.resources(of: ECR.ReplicationConfiguration.self).first).model
        let rule = try #require(replication.replicationConfiguration.rules.first)
        #expect(rule.destinations.map { "\($0.registryId)|\($0.region)" } == [
            "\(Value.string("222222222222"))|\(Value.string("eu-west-1"))",
            "\(Value.string("333333333333"))|\(Value.string("eu-west-1"))",
            "\(Value.string("333333333333"))|\(Value.string("us-east-1"))",
        ])
        #expect(rule.repositoryFilters.map(\.filter) == ["shop"])
        // Each other account's registry lets the tooling account replicate into the replica.
        for name in ["dev", "prod", "prod-us-east-1"] {
            let policy = try #require(stacks.stack(name)?.template.resources(of: ECR.RegistryPolicy.self).first, "\(name)").model
            #expect(policy.policyText.statements.map(\.actions) == [["ecr:ReplicateImage"]])
            #expect(policy.policyText.statements.first?.principal == .aws([.arn("iam", account: "111111111111", "root")]))
        }
        #expect(stacks.stack("ops")?.template.resources(of: ECR.RegistryPolicy.self).isEmpty ?? true)
    }

    /// Each environment's stage waits for its replica, then deploys the image details that
    /// point at it; the tooling account's own environment deploys from the source image.
    @Test func eachDeploymentDeploysItsReplica() throws {
        let (config, _) = try Self.stacks()
        let spec = try #require(Pipegen.pipelines(config).first { $0.kind == .containerDeployment })
        #expect(!spec.stages.contains { $0.name == "Replicate" })
        let prod = try #require(spec.stages.first { $0.name == "prod" })
        #expect(prod.actions.map(\.name) == ["Approve", "LocateImage-eu-west-1", "Deploy-eu-west-1", "LocateImage-us-east-1", "Deploy-us-east-1"])
        #expect(prod.actions.map(\.runOrder) == [1, 2, 3, 4, 5])
        let deploy = try #require(prod.actions.first { $0.name == "Deploy-us-east-1" })
        #expect(deploy.inputs.contains("Image-prod-us-east-1"))
        let ops = try #require(spec.stages.first { $0.name == "ops" })
        #expect(ops.actions.map(\.name) == ["Deploy"])
        #expect(ops.actions[0].inputs.contains(Artifact.image))
    }

    @Test func everyCallIsAllowedAndReplicationIsChecked() throws {
        let (config, stacks) = try Self.stacks()
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
        #expect(Pipegen.consistency(config).map(\.message) == [])
        let calls = RuntimeAccess.calls(config: config, specs: Pipegen.pipelines(config), stacks: stacks.stacks)
        let replications = calls.filter { $0.actions == ["ecr:ReplicateImage"] }
        #expect(replications.map { "\($0.account) \($0.region)" } == ["222222222222 eu-west-1", "333333333333 eu-west-1", "333333333333 us-east-1"])
        #expect(replications.allSatisfy { if case .external("111111111111", _) = $0.caller { true } else { false } })
        let pulls = calls.filter { $0.actions.contains("ecr:BatchGetImage") }.map(\.resource)
        #expect(pulls.contains("arn:aws:ecr:us-east-1:333333333333:repository/shop"))
        #expect(pulls.contains("arn:aws:ecr:eu-west-1:111111111111:repository/shop"), "ops pulls from the tooling repository")
    }

    /// Without the registry policy in prod's us-east-1 template, ECR may not replicate there.
    @Test func aRegistryWithoutItsPolicyDeniesTheReplication() throws {
        let (config, stacks) = try Self.stacks()
        let altered = ConsistencyTests().altered(stacks.stacks, "prod-us-east-1") { t in
            var policy = t.resource("ImageReplicationPolicy")!.model(as: ECR.RegistryPolicy.self)!
            policy.policyText.statements[0].principal = .aws([.arn("iam", account: "999999999999", "root")])
            t.replace("ImageReplicationPolicy", with: Resource(policy))
        }
        let found = Pipegen.runtimeAccess(config, stacks: altered)
        #expect(
            found.map(\.message) == [
                "action 'prod/LocateImage-us-east-1' of pipeline 'shop-container-deployment': at run time ECR's replication (service-linked role AWSServiceRoleForECRReplication) of account 111111111111 would be denied ecr:ReplicateImage on 'arn:aws:ecr:us-east-1:333333333333:repository/shop' in 333333333333 (us-east-1): the registry policy of account 333333333333 in us-east-1 does not allow it"
            ])
        // The locate build is the pipeline's: the denial is reported at its key.
        #expect(found.first?.mark == config.pipelines.all.first { $0.kind == .containerDeployment }?.mark)
    }

    /// A replication rule that no longer names a destination: its deployment waits in vain.
    @Test func aDestinationMissingFromTheRulesIsFound() throws {
        let (config, stacks) = try Self.stacks()
        let altered = ConsistencyTests().altered(stacks.stacks, "tooling") { t in
            var replication = t.resource("ImageReplication")!.model(as: ECR.ReplicationConfiguration.self)!
            replication.replicationConfiguration.rules[0].destinations.removeLast()
            t.replace("ImageReplication", with: Resource(replication))
        }
        let found = Pipegen.runtimeAccess(config, stacks: altered).map(\.message)
        #expect(found.count == 1)
        #expect(found.first?.contains("does not copy 'shop' to account 333333333333 in us-east-1") == true, "\(found)")
    }

    /// Without the replica repository in dev's account, the locate build and the tasks fail.
    @Test func aMissingReplicaIsFound() throws {
        let (config, stacks) = try Self.stacks()
        let altered = stacks.stacks.map { stack -> StackTemplate in
            guard stack.name == "dev" else { return stack }
            var copy = stack
            var t = Template(description: stack.template.description)
            for (id, resource) in stack.template.resources where id != "ImageRepository" { t.add(id, resource) }
            copy.template = t
            return copy
        }
        let found = Pipegen.runtimeAccess(config, stacks: altered).map(\.message)
        #expect(found.contains { $0.contains("dev/LocateImage") && $0.contains("ecr:DescribeImages") && $0.contains("no template creates the repository") })
        #expect(found.contains { $0.contains("dev/Deploy") && $0.contains("ecr:BatchGetImage") })
    }

    /// The tooling mode keeps what it did: replicas in the tooling account's further regions.
    @Test func theDefaultStillReplicatesWithinTheToolingAccount() throws {
        let config = try inlineConfig(Self.text.replacing("registry: {pull-from: environment}\n", with: ""))
        let stacks = StackSet.build(config)
        #expect(stacks.stack("tooling-us-east-1")?.template.resource("ImageRepository") != nil)
        #expect(stacks.stack("dev")?.template.resource("ImageRepository") == nil)
        let calls = RuntimeAccess.calls(config: config, specs: Pipegen.pipelines(config), stacks: stacks.stacks)
        #expect(calls.filter { $0.actions == ["ecr:ReplicateImage"] }.map { "\($0.account) \($0.region)" } == ["111111111111 us-east-1"])
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    @Test func tooManyReplicasIsAnError() throws {
        let environments = (0..<130).map { i in
            "  - {name: e\(i), account: \"\(200_000_000_000 + i)\", regions: [eu-west-1, us-east-1], ecs: \(Self.ecs("e\(i)"))}"
        }.joined(separator: "\n")
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
            \(environments)
            registry: {pull-from: environment}
            pipelines:
              container-deployment: {source: {repository: deploy}}

            """
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", bytes: Array(text.utf8)))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["260 registries to replicate images to; one replication configuration copies to at most 250"])
        #expect(errors.first?.mark?.line == 134, "at pull-from")
    }
}
