import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `roles`: statements added to the roles pipegen generates, by the role's name without the
/// project (and environment) prefix; the checks read them like pipegen's own.
@Suite struct RoleStatementsTests {
    static let settings = """
        roles:
          image-build-role:
            statements:
              - actions: [s3:GetObject]
                resources: ["arn:aws:s3:::shop-data/*"]
          cfn-exec:
            statements:
              - actions: ["dynamodb:DescribeTable"]
                resources: ["arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/shop-*"]
              - effect: Deny
                actions: ["dynamodb:DeleteTable"]
                resources: ["*"]
        """

    @Test func theStatementsLandOnExactlyTheNamedRoles() throws {
        let config = try Governed.config("route-to-live", Self.settings)
        var found: [String] = []
        for stack in StackSet.build(config).stacks {
            for (id, role) in stack.template.resources(of: IAM.Role.self) {
                let added = role.policies.filter { $0.policyName == Governance.statementsPolicy }
                guard let policy = added.first else { continue }
                #expect(added.count == 1)
                found.append("\(stack.name)/\(id)")
                let statements = policy.policyDocument.statements
                #expect(statements.map(\.sid) == statements.indices.map { "ConfigStatement\($0 + 1)" })
                if id == "CloudFormationExecutionRole" {
                    #expect(statements.map(\.effect) == [.allow, .deny])
                    #expect(statements[0].resources == [.sub("arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/shop-*")])
                    #expect(statements[1].resources == ["*"])
                } else {
                    #expect(statements.map(\.actions) == [["s3:GetObject"]])
                }
            }
        }
        #expect(found == ["tooling/ImageBuildRole", "dev/CloudFormationExecutionRole", "test/CloudFormationExecutionRole", "prod/CloudFormationExecutionRole"])
    }

    /// The names `roles` takes are those of the roles the config creates.
    @Test func theRoleNamesAreThoseOfTheTemplates() throws {
        let config = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let names = SettingsChecks.roleAddresses(StackSet.build(config).stacks, Names(config))
        #expect(names.contains("image-build-role") && names.contains("container-build-role") && names.contains("cfn-exec"))
        #expect(names.contains("container-deployment-events") && names.contains("codedeploy") && names.contains("lambda-update-role"))
        #expect(names.contains("lambda-update"))
        #expect(Set(names).count == names.count)
    }

    @Test func anUnknownRoleIsAnErrorWithASuggestion() throws {
        let text = try Governed.text("route-to-live", "roles:\n  image-bild-role:\n    statements: [{actions: [s3:GetObject], resources: [\"*\"]}]")
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == "'roles' names role 'image-bild-role', which this config does not create")
        #expect(error.notes.first?.message == "did you mean 'image-build-role'?")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("image-bild-role:") }! + 1
        #expect(error.mark?.line == line)
    }

    /// A Deny of the config that takes away what a pipeline needs is the runtime check's to
    /// find, told at the statement (the config's to change), not as a bug of pipegen.
    @Test func aDenyThatBreaksAPipelineIsFoundAtTheStatement() throws {
        let text = try Governed.text(
            "route-to-live",
            """
            roles:
              cfn-deploy:
                statements:
                  - effect: Deny
                    actions: [kms:Decrypt]
                    resources: ["*"]
            """)
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3)  // dev, test and prod deploy
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("- effect: Deny") }! + 1
        for error in errors {
            #expect(error.mark?.line == line)
            #expect(error.message.hasPrefix("statement 1 of role 'cfn-deploy' in 'roles' denies kms:Decrypt on 'arn:aws:kms:eu-west-1:111111111111:key/<ArtifactKey>', which action '"))
            #expect(!error.notes.contains { $0.message.contains("bug in pipegen") })
        }
    }

    /// The limits see them: statements beyond IAM's 10,240 characters of inline policy are an
    /// error before anything is written.
    @Test func statementsCountTowardsTheRolesPolicySize() throws {
        let resources = (1...200).map { "\"arn:aws:s3:::shop-data-bucket-with-a-long-name-\($0)/*\"" }.joined(separator: ", ")
        let diagnostics = try Governed.diagnostics(
            "route-to-live", "roles:\n  cfn-exec:\n    statements: [{actions: [s3:GetObject], resources: [\(resources)]}]")
        #expect(diagnostics.contains { $0.message.contains("inline policies of role CloudFormationExecutionRole") && $0.message.contains("AWS allows 10240") })
    }
}
