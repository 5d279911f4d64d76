import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `operations`: key administrators, log retention, what deleted stacks keep, and the outputs
/// and exports other stacks read.
@Suite struct OperationsTests {
    static let admin = "arn:aws:iam::111111111111:role/KeyAdmins"

    /// Every key of the config (primary and replicas) lets the administrators administer it,
    /// and none of them use it.
    @Test(arguments: ["route-to-live", "global-blue-green"])
    func keyAdministratorsAdministerButDoNotUseEveryKey(_ example: String) throws {
        let config = try Governed.config(example, "operations: {key-administrators: [\"\(Self.admin)\"]}")
        var keys = 0
        for stack in StackSet.build(config).stacks {
            let policies = stack.template.resources(of: KMS.Key.self).compactMap(\.model.keyPolicy)
                + stack.template.resources(of: KMS.ReplicaKey.self).map(\.model.keyPolicy)
            for policy in policies {
                keys += 1
                let admins = policy.statements.filter { $0.principal == .aws([.string(Self.admin)]) }
                #expect(admins.map(\.sid) == ["KeyAdministrators"], "\(stack.name)")
                let actions = admins.flatMap(\.actions)
                #expect(actions.contains("kms:ScheduleKeyDeletion") && actions.contains("kms:PutKeyPolicy") && actions.contains("kms:DisableKey"))
                for use in ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:CreateGrant"] {
                    #expect(!admins.contains { s in s.actions.contains { PolicyMatch.glob($0, use, caseInsensitive: true) } }, "\(use)")
                }
            }
        }
        #expect(keys == (example == "global-blue-green" ? 4 : 1))
        #expect(Pipegen.runtimeAccess(config).map(\.message) == [])
    }

    /// Every log group pipegen creates keeps its events `log-retention-days`.
    @Test(arguments: ExampleTests.examples)
    func everyLogGroupHasTheRetention(_ example: String) throws {
        let config = try Governed.config(example, "log-retention-days: 90")
        for stack in StackSet.build(config).stacks {
            for (id, group) in stack.template.resources(of: Logs.LogGroup.self) {
                #expect(group.retentionInDays == 90, "\(stack.name): \(id)")
            }
        }
    }

    @Test func dataAndLogsKeepsTheLogGroupsToo() throws {
        let config = try Governed.config("gitflow-notifications", "operations: {retain-on-delete: data-and-logs}")
        let stacks = StackSet.build(config).stacks
        let groups = stacks.flatMap { $0.template.resources.filter { $0.resource.model is Logs.LogGroup } }
        #expect(!groups.isEmpty)
        for (id, r) in groups { #expect(r.deletionPolicy == .retain && r.updateReplacePolicy == .retain, "\(id)") }
        // The data is kept as by default.
        let defaults = StackSet.build(try exampleConfig("Examples/gitflow-notifications/pipegen.yaml")).stacks
        let retained = { (s: [StackTemplate]) in s.flatMap { $0.template.resources.filter { $0.resource.deletionPolicy == .retain }.map(\.id) } }
        #expect(Set(retained(defaults)).isSubset(of: Set(retained(stacks))))
    }

    @Test(arguments: ExampleTests.examplesWithoutGovernance)
    func noneKeepsNothing(_ example: String) throws {
        let config = try Governed.config(example, "operations: {retain-on-delete: none}")
        for stack in StackSet.build(config).stacks {
            for (id, r) in stack.template.resources {
                #expect(r.deletionPolicy == nil && r.updateReplacePolicy == nil, "\(stack.name): \(id)")
            }
        }
    }

    /// Every output is exported under `<stack>-<output>`: unique in each account and region.
    @Test(arguments: ExampleTests.examplesWithoutGovernance)
    func everyOutputIsExportedUnderAStableName(_ example: String) throws {
        let config = try Governed.config(example, "operations: {exports: true}")
        var seen: Set<String> = []
        for stack in StackSet.build(config).stacks {
            for (id, output) in stack.template.outputs {
                #expect(output.exportName == .string("\(stack.stackName)-\(id)"), "\(stack.name): \(id)")
                #expect(seen.insert("\(stack.account)|\(stack.region)|\(stack.stackName)-\(id)").inserted)
            }
        }
    }

    /// The ARNs and names other stacks want are outputs, each naming a resource of its template.
    @Test func theOutputsOtherStacksWant() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = StackSet.build(config).stacks
        let tooling = try #require(stacks.first { $0.name == "tooling" })
        let outputs = tooling.template.outputs.map(\.id)
        for id in ["ArtifactKeyArn", "ArtifactBucketName", "ArtifactBucketArn", "ImageRepositoryUri", "ContainerBuildPipelineName"] {
            #expect(outputs.contains(id), "\(id)")
        }
        #expect(Governed.resolved(tooling.template.outputs.first { $0.id == "ArtifactBucketArn" }?.output.value, in: tooling)
            == "arn:aws:s3:::shop-artifacts-111111111111-eu-west-1")
        let prod = try #require(stacks.first { $0.name == "prod" })
        let r = Resolver(template: prod.template, account: prod.account, region: prod.region)
        #expect(prod.template.outputs.first { $0.id == "CodeDeployApplicationName" }.flatMap { r.string($0.output.value) } == "shop-prod")
        #expect(prod.template.outputs.first { $0.id == "BlueGreenDeploymentGroupName" }.map(\.output.value) == .ref("BlueGreenDeploymentGroup"))
    }
}
