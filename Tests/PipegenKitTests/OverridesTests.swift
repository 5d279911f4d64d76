import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// Checked overrides: a change reaches the templates the checks read and the renderer writes;
/// a template, logical id or property pipegen's model does not know is an error at the
/// override with a suggestion; a change that breaks what a check proves is reported at the
/// change.
@Suite struct OverridesTests {
    static let base = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222"}
          - {name: prod, account: "333333333333", approval: true}
        pipelines:
          container-build: {source: {repository: app}}
          infrastructure-deployment: {source: {repository: infra}, template: template.yaml}

        """

    static func load(_ overrides: String) -> LoadedConfig {
        Pipegen.load(SourceFile(path: "pipegen.yaml", bytes: Array((base + "overrides:\n" + overrides).utf8)))
    }

    static func errors(_ loaded: LoadedConfig) -> [Diagnostic] { loaded.diagnostics.filter { $0.severity == .error } }

    /// The errors of `overrides`, each reported at the `1️⃣` marker (one change may break
    /// several calls).
    static func errors(_ overrides: String) throws -> [Diagnostic] {
        let (text, mark) = markedConfig(overrides)
        let errors = errors(load(text))
        #expect(!errors.isEmpty)
        let line = mark.line + base.split(separator: "\n", omittingEmptySubsequences: false).count
        for error in errors {
            #expect(error.mark == Mark(line: line, column: mark.column), "\(error.message)")
        }
        return errors
    }

    /// The one error of `overrides`, at the `1️⃣` marker.
    static func error(_ overrides: String) throws -> Diagnostic {
        let errors = try errors(overrides)
        #expect(errors.count == 1, "\(errors.map(\.message))")
        return try #require(errors.first)
    }

    static func resource(_ loaded: LoadedConfig, _ template: String, _ id: String) throws -> Resource {
        try #require(loaded.valid?.stacks.stack(template)?.template.resource(id))
    }

    // MARK: Effect on the templates

    @Test func setsNestedPropertiesAndAttributesAndRemoves() throws {
        let loaded = Self.load(
            """
              - template: tooling
                resource: ImageBuildProject
                set:
                  Properties.Environment.ComputeType: BUILD_GENERAL1_MEDIUM
                  Properties.TimeoutInMinutes: 45
                  Metadata.Owner: platform
                remove: [Properties.Description]
              - template: pipegen-shop-tooling
                resource: ImageBuildLogs
                set: {Properties.RetentionInDays: 90, DeletionPolicy: Retain, UpdateReplacePolicy: Retain}

            """)
        #expect(Self.errors(loaded).isEmpty, "\(loaded.diagnostics.map(\.message))")
        let project = try #require(try Self.resource(loaded, "tooling", "ImageBuildProject").model(as: CodeBuild.Project.self))
        #expect(project.environment.computeType == .medium)
        #expect(project.timeoutInMinutes == 45)
        #expect(project.description == nil)
        #expect(try Self.resource(loaded, "tooling", "ImageBuildProject").metadata == [Field("Owner", "platform")])
        let logs = try Self.resource(loaded, "tooling", "ImageBuildLogs")
        #expect(logs.model(as: Logs.LogGroup.self)?.retentionInDays == 90)
        #expect(logs.deletionPolicy == .retain && logs.updateReplacePolicy == .retain)
        // The renderer writes the overridden model.
        let files = try Renderer.render(loaded.valid!.stacks, RenderRequest(format: .yaml, configPath: "p")).files
        let tooling = try #require(files.first { $0.name == "tooling.yaml" }).contents
        #expect(tooling.contains("ComputeType: BUILD_GENERAL1_MEDIUM"))
        #expect(!tooling.contains("Builds the container image and pushes it to ECR"))
    }

    /// Intrinsic functions in their long form become the model's values.
    @Test func intrinsicFunctions() throws {
        let loaded = Self.load(
            """
              - template: tooling
                resource: ImageBuildProject
                set:
                  Properties.Environment.EnvironmentVariables.0.Value: {Fn::Sub: "${AWS::AccountId}.example"}
                  Properties.Environment.Image: {Fn::Join: ["", [aws/codebuild/, {Ref: AWS::Region}]]}
                  Properties.EncryptionKey: {Fn::GetAtt: ArtifactKey.Arn}

            """)
        #expect(Self.errors(loaded).isEmpty, "\(loaded.diagnostics.map(\.message))")
        let project = try #require(try Self.resource(loaded, "tooling", "ImageBuildProject").model(as: CodeBuild.Project.self))
        #expect(project.environment.environmentVariables[0].value == .sub("${AWS::AccountId}.example"))
        #expect(project.environment.image == .join("", ["aws/codebuild/", .ref("AWS::Region")]))
        #expect(project.encryptionKey == .getAtt("ArtifactKey", "Arn"))
    }

    // MARK: The checks see the result

    /// The environment role no longer trusts the pipeline role: the runtime access check's
    /// denial is reported at the override.
    @Test func breakingATrustIsAnErrorAtTheOverride() throws {
        let error = try Self.error(
            """
              - template: dev
                resource: CloudFormationDeployRole
                set:
                  1️⃣Properties.AssumeRolePolicyDocument.Statement.0.Condition.ArnEquals.aws:PrincipalArn: arn:aws:iam::111111111111:role/other

            """)
        #expect(error.message.contains("would be denied sts:AssumeRole"), "\(error.message)")
        #expect(error.notes.contains { $0.message.contains("without this override") })
        #expect(!error.notes.contains { $0.message.contains("bug in pipegen") })
    }

    /// The bucket policy no longer lets the environment roles read: the runtime check says so.
    @Test func removingAGrantIsAnErrorAtTheOverride() throws {
        let errors = try Self.errors(
            """
              - template: tooling
                resource: ArtifactBucketPolicy
                remove:
                  - 1️⃣Properties.PolicyDocument.Statement.1

            """)
        #expect(errors.contains { $0.message.contains("would be denied s3:GetObject") }, "\(errors.map(\.message))")
    }

    /// A policy over IAM's size limit: the limits check's error, at the override.
    @Test func breakingALimitIsAnErrorAtTheOverride() throws {
        let resources = (0..<400).map { "arn:aws:s3:::bucket-\($0)-with-a-long-name/objects/*" }.joined(separator: ", ")
        let errors = try Self.errors(
            """
              - template: tooling
                resource: ImageBuildRole
                set:
                  1️⃣Properties.Policies.0.PolicyDocument.Statement.0.Resource: [\(resources)]

            """)
        #expect(errors.contains { $0.message.contains("characters; AWS allows 10240") }, "\(errors.map(\.message))")
    }

    /// Two overrides, the second breaks a check: it, not the first, is blamed.
    @Test func theChangeThatBreaksTheCheckIsBlamed() throws {
        let errors = try Self.errors(
            """
              - template: tooling
                resource: ImageBuildProject
                set: {Properties.TimeoutInMinutes: 45}
              - template: prod
                resource: CloudFormationDeployRole
                set:
                  1️⃣Properties.Policies.0.PolicyDocument.Statement: []

            """)
        #expect(errors.allSatisfy { $0.message.contains("would be denied") }, "\(errors.map(\.message))")
    }

    // MARK: What the model does not know

    @Test func unknownTemplate() throws {
        let error = try Self.error("  - {template: 1️⃣toolin, resource: ImageBuildProject, set: {Properties.TimeoutInMinutes: 5}}\n")
        #expect(error.message == "no template 'toolin'")
        #expect(error.notes.first?.message == "did you mean 'tooling'?")
    }

    @Test func unknownLogicalId() throws {
        let error = try Self.error("  - {template: dev, resource: 1️⃣CloudFormationDeployRol, set: {Properties.Path: /x/}}\n")
        #expect(error.message == "template 'dev' has no resource 'CloudFormationDeployRol'")
        #expect(error.notes.first?.message == "did you mean 'CloudFormationDeployRole'?")
    }

    @Test func unknownProperty() throws {
        let error = try Self.error(
            "  - {template: tooling, resource: ImageBuildProject, set: {1️⃣Properties.Environment.ComputeTyp: BUILD_GENERAL1_LARGE}}\n")
        #expect(
            error.message
                == "unknown property 'ComputeTyp' in 'Environment' of AWS::CodeBuild::Project 'ImageBuildProject' in template 'tooling'")
        #expect(error.notes.first?.message == "did you mean 'ComputeType'?")
    }

    /// A property the model knows but pipegen does not set: removing it removes nothing.
    @Test func removingWhatIsNotSet() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildProject, remove: [1️⃣Properties.BadgeEnabled]}\n")
        #expect(error.message.hasPrefix("'BadgeEnabled' is not set"), "\(error.message)")
    }

    @Test func removingAnUnknownProperty() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildProject, remove: [1️⃣Properties.BadgeEnabld]}\n")
        #expect(error.notes.first?.message == "did you mean 'BadgeEnabled'?")
    }

    @Test func aValueOfTheWrongType() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildLogs, set: {Properties.RetentionInDays: 1️⃣[30]}}\n")
        #expect(error.message.hasPrefix("'RetentionInDays' takes an integer, not a list"), "\(error.message)")
    }

    @Test func aRequiredPropertyCannotBeRemoved() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildProject, remove: [1️⃣Properties.ServiceRole]}\n")
        #expect(error.message.hasPrefix("'ServiceRole' is required and missing"), "\(error.message)")
    }

    @Test func aReferenceToNothing() throws {
        let error = try Self.error(
            "  - {template: tooling, resource: ImageBuildProject, set: {1️⃣Properties.EncryptionKey: {Fn::GetAtt: [NoKey, Arn]}}}\n")
        #expect(error.message.contains("refers to 'NoKey'"), "\(error.message)")
    }

    @Test func anUnknownIntrinsicFunction() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildProject, set: {Properties.EncryptionKey: {1️⃣Fn::GetAt: [A, Arn]}}}\n")
        #expect(error.notes.first?.message == "did you mean 'Fn::GetAtt'?")
    }

    @Test func anIndexOutOfRange() throws {
        let error = try Self.error(
            "  - {template: tooling, resource: ImageBuildRole, set: {1️⃣Properties.Policies.7.PolicyName: x}}\n")
        #expect(error.message.contains("there is no item 7"), "\(error.message)")
    }

    @Test func aPolicyValueTheAttributeDoesNotTake() throws {
        let error = try Self.error("  - {template: tooling, resource: ImageBuildLogs, set: {UpdateReplacePolicy: 1️⃣Snapshot}}\n")
        #expect(error.message.contains("must be one of 'Delete', 'Retain'"), "\(error.message)")
    }
}

/// Decoding gives back what was built: every resource of every template of every example
/// reads its own properties back, so an override changes only what it names.
@Suite struct TemplatesReadBackTests {
    @Test(arguments: ExampleTests.examples)
    func everyResourceOfAnExampleReadsBack(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        for stack in StackSet.build(config).stacks {
            for (id, resource) in stack.template.resources {
                let back = try resource.replacingProperties(resource.properties)
                #expect(back.properties == resource.properties, "\(stack.name) \(id)")
            }
        }
    }
}
