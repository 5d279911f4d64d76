import PipegenKit
import Testing

/// Taking an environment or a pipeline out of the config takes everything that belonged to
/// it out of the output.
@Suite struct RemovalTests {
    static let full = """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            ecs: { cluster: c-dev, service: s, listener: l-dev, target-groups: [dev-blue, dev-green] }
          - name: test
            account: "333333333333"
            approval: { notify: [qa@example.com] }
            ecs: { cluster: c-test, service: s, listener: l-test, target-groups: [test-blue, test-green] }
          - name: prod
            account: "444444444444"
            approval: true
            ecs: { cluster: c-prod, service: s, listener: l-prod, target-groups: [prod-blue, prod-green] }
        pipelines:
          container-build: {}
          infrastructure-deployment: {}
          container-deployment: {}

        """

    static func render(_ text: String) throws -> [String: String] {
        let files = try renderFiles(try inlineConfig(text), configPath: "../pipegen.yaml", format: .yaml)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    @Test func removingAnEnvironmentRemovesItsTemplateAndEveryMention() throws {
        let before = try Self.render(Self.full)
        #expect(before["test.yaml"] != nil)
        #expect(before["tooling.yaml"]!.contains("333333333333"))
        let without = Self.full.replacing(
            """
              - name: test
                account: "333333333333"
                approval: { notify: [qa@example.com] }
                ecs: { cluster: c-test, service: s, listener: l-test, target-groups: [test-blue, test-green] }

            """, with: "")
        let after = try Self.render(without)
        #expect(after["test.yaml"] == nil)
        for (name, text) in after {
            #expect(!text.contains("333333333333"), "\(name) still names the test account")
            #expect(!text.contains("shop-test"), "\(name) still names a test resource")
            #expect(!text.contains("qa@example.com"), "\(name) still notifies test's approvers")
            #expect(!text.contains("Name: test\n"), "\(name) still has a test stage")
        }
        #expect(after.keys.sorted() == ["dev.yaml", "prod.yaml", "tooling.yaml"])
    }

    @Test func removingContainerDeploymentRemovesEverythingOfIt() throws {
        let without = Self.full.replacing("  container-deployment: {}\n", with: "")
            .replacing(#/\n    ecs: \{[^}]*\}/#, with: "")
        let after = try Self.render(without)
        for (name, text) in after {
            for gone in [
                "container-deployment", "CodeDeploy", "ecs-deploy", "codedeploy", "EnvironmentAccountsPull", "ECR Image Action",
                "ecs:", "IMAGE1_NAME",
            ] {
                #expect(!text.contains(gone), "\(name) still contains '\(gone)'")
            }
        }
    }

    @Test func removingInfrastructureDeploymentRemovesEverythingOfIt() throws {
        let after = try Self.render(Self.full.replacing("  infrastructure-deployment: {}\n", with: ""))
        for (name, text) in after {
            for gone in ["infrastructure-deployment", "cfn-deploy", "cfn-exec", "lambda-update", "lambda-package", "template-lint", "LambdaZips", "cloudformation:"] {
                #expect(!text.contains(gone), "\(name) still contains '\(gone)'")
            }
        }
    }

    @Test func removingContainerBuildRemovesItsBuildButKeepsTheRegistryForDeployments() throws {
        let after = try Self.render(Self.full.replacing("  container-build: {}\n", with: ""))
        let tooling = after["tooling.yaml"]!
        for gone in ["container-build", "image-build", "ImageBuild", "ECS-Container-Build"] {
            #expect(!tooling.contains(gone), "tooling.yaml still contains '\(gone)'")
        }
        #expect(tooling.contains("AWS::ECR::Repository"), "container-deployment still deploys images from the registry")
    }

    @Test func withoutPipelinesOnlyTheToolingBaseRemains() throws {
        let after = try Self.render(
            Self.full.replacing(#/pipelines:[\s\S]*/#, with: "").replacing(#/\n    ecs: \{[^}]*\}/#, with: ""))
        #expect(after.keys.sorted() == ["tooling.yaml"], "environment templates hold nothing without pipelines")
        let tooling = after["tooling.yaml"]!
        #expect(tooling.contains("AWS::KMS::Key") && tooling.contains("AWS::S3::Bucket"))
        #expect(!tooling.contains("AWS::CodePipeline::Pipeline") && !tooling.contains("AWS::ECR::Repository"))
    }
}
