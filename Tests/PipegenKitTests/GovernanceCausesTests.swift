import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `pipegen diff` names the governance setting that makes a new or widened grant: the line of
/// `roles:` that adds a statement, `approvers`, `permissions-boundary`.
@Suite struct GovernanceCausesTests {
    static let settings = """
        approvers: {environments: [prod], group: true}
        permissions-boundary: {policy: generated, enforce: true}
        roles:
          cfn-exec:
            statements:
              - actions: ["dynamodb:DescribeTable"]
                resources: ["arn:aws:dynamodb:*:*:table/shop-*"]
        """

    @Test func eachGrantIsTracedToTheSettingThatMakesIt() throws {
        let before = try exampleConfig("Examples/route-to-live/pipegen.yaml")
        let old = try renderFiles(before, configPath: "../pipegen.yaml", format: .yaml)
            .map { OldTemplate(name: $0.name, bytes: Array($0.contents.utf8)) }
        let config = try Governed.config("route-to-live", Self.settings)
        let valid = ValidConfig(config: config, stacks: StackSet.build(config))
        let files = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
        let report = ChangeDiffer(valid: valid, rendered: files, old: old).report()
        let widened = report.permissions.filter(\.widens)
        func causes(_ match: (PermissionChange) -> Bool) -> [String] {
            widened.filter(match).map { $0.cause?.what ?? "none" }
        }
        #expect(causes { $0.policyName == Governance.statementsPolicy } == ["roles 'cfn-exec'", "roles 'cfn-exec'", "roles 'cfn-exec'"])
        #expect(causes { $0.holder.hasSuffix(" shop-approvers") } == ["approvers"])
        let boundaries = causes { $0.holder.hasSuffix("-boundary") }
        #expect(boundaries.count == 4 && boundaries.allSatisfy { $0 == "permissions-boundary" }, "\(boundaries)")
        // The execution roles' statements conditioned on the boundary.
        #expect(causes { $0.policyName == "application-stack" } == ["permissions-boundary", "permissions-boundary", "permissions-boundary"])
        // Every other widened grant keeps its own cause.
        #expect(widened.allSatisfy { $0.cause != nil })
    }

    /// Every form of every governance setting is one the JSON Schema of `pipegen schema`
    /// accepts, so an editor does not flag a config pipegen takes.
    @Test(arguments: [
        settings, "tags: {cost-centre: \"1234\"}", "permissions-boundary: generated",
        "permissions-boundary: arn:aws:iam::{account}:policy/Boundary", "approvers: [prod]",
        "operations: {key-administrators: [\"arn:aws:iam::111111111111:role/KeyAdmins\"], retain-on-delete: none, exports: true}",
    ])
    func theSchemaAcceptsTheSettings(_ setting: String) throws {
        let text = try Governed.text("route-to-live", setting)
        #expect(loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8)).config != nil)
        let document = try #require(try YAMLReader.parse(text)?.document)
        #expect(InsightSchemaTests.validator.validate(document) == [])
    }
}
