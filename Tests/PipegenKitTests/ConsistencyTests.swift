import CloudFormation
import Foundation
import PipegenConfig
@testable import PipegenKit
import Testing
import TestSupport

/// Loads a config file of the repository (path relative to its root).
func exampleConfig(_ relativePath: String) throws -> Config {
    let root = Golden.repositoryRoot(from: #filePath)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(root)/\(relativePath)")))
    let (_, config, diagnostics) = loadConfig(path: relativePath, bytes: bytes)
    guard let config else { throw LoadFailure(diagnostics: diagnostics.map(\.message)) }
    return config
}

struct LoadFailure: Error { var diagnostics: [String] }

/// Loads an inline config.
func inlineConfig(_ text: String) throws -> Config {
    let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
    guard let config else { throw LoadFailure(diagnostics: diagnostics.map(\.message)) }
    return config
}

@Suite struct ConsistencyTests {
    @Test func theRouteToLiveExampleIsConsistent() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    /// Replaces the resource `id` of stack `name` with what `change` makes of it.
    func altered(_ stacks: [StackTemplate], _ name: String, _ change: (inout Template) -> Void) -> [StackTemplate] {
        stacks.map { s in
            guard s.name == name else { return s }
            var copy = s
            change(&copy.template)
            return copy
        }
    }

    func role(_ t: Template, named id: String) -> IAM.Role { t.resource(id)!.model(as: IAM.Role.self)! }

    @Test func aMissingEnvironmentRoleIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "test") { t in
            var r = role(t, named: "CloudFormationDeployRole")
            r.roleName = "shop-test-something-else"
            t.replace("CloudFormationDeployRole", with: Resource(r))
        }
        // The runtime access check finds what the pipelines can no longer do.
        let messages = Pipegen.runtimeAccess(config, stacks: stacks).map(\.message)
        #expect(messages.contains { $0.contains("sts:AssumeRole on 'arn:aws:iam::333333333333:role/shop-test-cfn-deploy' in 333333333333 (eu-west-1): no template creates the role") })
    }

    @Test func aTrustThatAdmitsAnotherPrincipalIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "prod") { t in
            var r = role(t, named: "EcsDeployRole")
            r.assumeRolePolicyDocument.statements[0].conditions = [
                IAM.Condition("ArnEquals", "aws:PrincipalArn", .sub("arn:${AWS::Partition}:iam::111111111111:role/someone-else"))
            ]
            t.replace("EcsDeployRole", with: Resource(r))
        }
        let found = Pipegen.runtimeAccess(config, stacks: stacks)
        #expect(found.contains { $0.message.hasSuffix("the trust policy of 'arn:aws:iam::444444444444:role/shop-prod-ecs-deploy' does not allow it") })
        #expect(found.first?.mark == config.environment("prod")?.name.mark, "reported at the environment that caused it")
    }

    @Test func aBucketPolicyThatForgetsAnAccountIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "tooling") { t in
            var policy = t.resource("ArtifactBucketPolicy")!.model(as: S3.BucketPolicy.self)!
            policy.policyDocument.statements[1].principal = .aws([.sub("arn:${AWS::Partition}:iam::222222222222:root")])
            t.replace("ArtifactBucketPolicy", with: Resource(policy))
        }
        let messages = Pipegen.runtimeAccess(config, stacks: stacks).map(\.message)
        #expect(messages.contains { $0.contains("'arn:aws:iam::333333333333:role/shop-test-cfn-deploy' would be denied s3:GetObject") && $0.hasSuffix("the bucket policy of 'shop-artifacts-111111111111-eu-west-1' does not allow it") })
        #expect(messages.contains { $0.contains("'arn:aws:iam::444444444444:role/shop-prod-ecs-deploy' would be denied s3:GetObject") })
    }

    @Test func aKeyPolicyThatGrantsAnUnneededAccountIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "tooling") { t in
            var key = t.resource("ArtifactKey")!.model(as: KMS.Key.self)!
            key.keyPolicy!.statements[2].principal = .aws(
                ["222222222222", "333333333333", "444444444444", "999999999999"].map { .sub("arn:${AWS::Partition}:iam::\($0):root") })
            t.replace("ArtifactKey", with: .retained(key))
        }
        let messages = Pipegen.consistency(config, stacks: stacks).map(\.message)
        #expect(messages == ["tooling: statement 'EnvironmentRolesDecrypt' grants account 999999999999, where no role acting in eu-west-1 needs it"])
    }

    @Test func aRuleWhoseRoleMayStartAnotherPipelineIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "tooling") { t in
            var r = role(t, named: "ContainerBuildEventsRole")
            r.policies[0].policyDocument.statements[0].resources.append(
                .sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${InfrastructureDeploymentPipeline}"))
            t.replace("ContainerBuildEventsRole", with: Resource(r))
        }
        let messages = Pipegen.consistency(config, stacks: stacks).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("rule 'ContainerBuildPushRule': role") == true)
    }

    @Test func aMissingApprovalIsFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "tooling") { t in
            var p = t.resource("InfrastructureDeploymentPipeline")!.model(as: CodePipeline.Pipeline.self)!
            let i = p.stages.firstIndex { $0.name == "prod" }!
            p.stages[i].actions.removeFirst()
            t.replace("InfrastructureDeploymentPipeline", with: Resource(p))
        }
        let found = Pipegen.consistency(config, stacks: stacks)
        #expect(
            found.map(\.message) == [
                "stage 'prod' of pipeline 'shop-infrastructure-deployment' lacks an approval before its deployment",
                // The removed approval announced itself on prod's topic, which the role still may.
                "the role of pipeline 'shop-infrastructure-deployment' may publish to 'arn:aws:sns:eu-west-1:111111111111:shop-prod-approvals', which none of its approvals names",
            ])
        #expect(found.first?.mark == config.environment("prod")?.name.mark)
    }

    @Test func environmentsOutOfRouteOrderAreFound() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let stacks = altered(StackSet.build(config).stacks, "tooling") { t in
            var p = t.resource("ContainerDeploymentPipeline")!.model(as: CodePipeline.Pipeline.self)!
            p.stages.swapAt(1, 2)
            t.replace("ContainerDeploymentPipeline", with: Resource(p))
        }
        let messages = Pipegen.consistency(config, stacks: stacks).map(\.message)
        #expect(messages.contains("pipeline 'shop-container-deployment' deploys [\"test\", \"dev\", \"prod\"] instead of the route [\"dev\", \"test\", \"prod\"]"))
    }
}

/// IAM-style wildcard matching, as the consistency check reads policies.
@Suite struct PolicyGlobTests {
    @Test(arguments: [
        ("*", "", true), ("*", "anything", true), ("a*", "abc", true), ("a*c", "abbbc", true), ("a*c", "abcd", false),
        ("a?c", "abc", true), ("a?c", "ac", false), ("arn:aws:iam::*:role/shop-*-cfn-deploy", "arn:aws:iam::222222222222:role/shop-dev-cfn-deploy", true),
        ("arn:aws:iam::*:role/shop-*-cfn-deploy", "arn:aws:iam::222222222222:role/shop-dev-ecs-deploy", false),
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b/lambda/x.zip", true), ("arn:aws:s3:::b/lambda/*", "arn:aws:s3:::b/pipeline/x", false),
        ("kms:Decrypt", "kms:decrypt", false), ("**", "x", true), ("", "", true), ("", "x", false),
    ])
    func matchesLikeIAM(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(PolicyMatch.glob(pattern, text) == expected)
    }

    @Test func actionsMatchWithoutCase() {
        #expect(PolicyMatch.glob("kms:Decrypt*", "KMS:decryptsomething", caseInsensitive: true))
        #expect(PolicyMatch.glob("s3:Get*", "s3:getobject", caseInsensitive: true))
        #expect(!PolicyMatch.glob("s3:Get*", "s3:PutObject", caseInsensitive: true))
    }
}
