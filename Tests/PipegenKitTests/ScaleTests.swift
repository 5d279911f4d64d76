import CloudFormation
import Foundation
import PipegenConfig
import PipegenKit
import Testing
import YAMLKit

/// A route to live of 100 environments: with waves it renders a set CloudFormation,
/// CodePipeline and IAM accept; without, pipegen says which limit and what to change.
@Suite struct ScaleTests {
    static func config(environments: Int, waveSize: Int?, regions: [String] = ["eu-west-1"]) -> String {
        var text = """
            project: fleet
            tooling:
              account: "100000000000"
              region: eu-west-1
            environments:

            """
        for i in 0..<environments {
            let account = String(200_000_000_000 + i)
            text += "  - name: env\(i)\n    account: \"\(account)\"\n    regions: [\(regions.joined(separator: ", "))]\n"
            if let waveSize { text += "    wave: wave\(i / waveSize)\n" }
            text += "    ecs: { cluster: c, service: s, listener: { import: l }, target-groups: [b, g] }\n"
        }
        text += """
            pipelines:
              container-build: {}
              infrastructure-deployment: {}
              container-deployment: {}

            """
        return text
    }

    static func load(_ text: String) -> (Config?, [Diagnostic]) {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        return (config, diagnostics)
    }

    @Test func aHundredEnvironmentsInWavesFitEveryLimit() throws {
        let (config, diagnostics) = Self.load(Self.config(environments: 100, waveSize: 10))
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors == [])
        let c = try #require(config)
        let stacks = StackSet.build(c).stacks
        #expect(stacks.count == 101)
        for spec in Pipegen.pipelines(c) {
            #expect(spec.stages.count <= 50)
            for stage in spec.stages { #expect(stage.actions.count <= 50, "\(spec.name)/\(stage.name)") }
        }
        for stack in stacks {
            #expect(stack.template.resources.count <= 500)
            let yaml = YAMLWriter().write(stack.template.document)
            #expect(yaml.utf8.count < 1_000_000)
            for (_, role) in stack.template.resources(of: IAM.Role.self) {
                #expect(JSONWriter.compact(Value.list(role.policies.map(\.cfnValue)).document).utf8.count <= 10_240)
            }
            for (_, policy) in stack.template.resources(of: S3.BucketPolicy.self) {
                #expect(JSONWriter.compact(policy.policyDocument.cfnValue.document).utf8.count <= 20_480)
            }
            for (_, key) in stack.template.resources(of: KMS.Key.self) {
                #expect(JSONWriter.compact(key.keyPolicy!.cfnValue.document).utf8.count <= 32_768)
            }
        }
        #expect(Pipegen.consistency(c).map(\.message) == [])
    }

    @Test func aHundredEnvironmentsWithoutWavesAreRefusedWithAHint() throws {
        let (config, diagnostics) = Self.load(Self.config(environments: 100, waveSize: nil))
        #expect(config == nil)
        let stages = diagnostics.filter { $0.message.contains("stages; CodePipeline allows 50") }
        #expect(stages.count == 2, "infrastructure-deployment and container-deployment")
        #expect(stages.first?.notes.last?.message.contains("waves") == true)
        #expect(stages.first?.mark == Mark(line: 5, column: 1), "at 'environments', which makes the stages")
    }

    @Test func aWaveWithTooManyActionsIsRefusedAtTheWave() throws {
        let (_, diagnostics) = Self.load(Self.config(environments: 30, waveSize: 30, regions: ["eu-west-1", "us-east-1"]))
        let tooMany = diagnostics.first { $0.message.contains("actions; CodePipeline allows 50") }
        #expect(tooMany != nil)
        #expect(tooMany?.mark?.line == 9, "reported at the first environment's 'wave'")
    }

    @Test func manyRolesAreGrantedByPatternNotOneByOne() throws {
        let (config, _) = Self.load(Self.config(environments: 100, waveSize: 10))
        let tooling = StackSet.build(try #require(config)).stacks[0].template
        let role = try #require(tooling.resource("InfrastructureDeploymentPipelineRole")?.model(as: IAM.Role.self))
        let assume = role.policies[0].policyDocument.statements.first { $0.sid == "AssumeEnvironmentRoles" }
        #expect(assume?.resources == [.sub("arn:${AWS::Partition}:iam::*:role/fleet-*-cfn-deploy")])
    }
}
