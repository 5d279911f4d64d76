import PipegenConfig
import Testing
import YAMLKit

/// `tags`, `permissions-boundary`, `roles`, `approvers` and `operations`: what the decoder
/// reads, and each mistake told where it is written.
@Suite struct GovernanceDecoderTests {
    static let twoEnvironments = """
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            tags: {stage: dev, team: web}
          - name: prod
            account: "333333333333"
            approval: true

        """

    @Test func settingsAreReadWithTheirDefaults() throws {
        let (config, diagnostics) = load(minimal)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.tags.isEmpty && c.permissionsBoundary == nil && c.roleStatements.isEmpty && c.approvers == nil)
        #expect(c.operations == Operations(keyAdministrators: [], retainOnDelete: .data, exports: false))
    }

    @Test func tagsKeepTheirOrderAndTheEnvironmentsWin() throws {
        let (config, diagnostics) = load(Self.twoEnvironments + "tags: {team: platform, cost-centre: \"0042\"}\n")
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.tags.map(\.key.value) == ["team", "cost-centre"])
        #expect(c.tags.map(\.value.value) == ["platform", "0042"])
        let dev = TagSetting.merged(c.tags, c.environments[0].tags).map { "\($0.key.value)=\($0.value.value)" }
        #expect(dev == ["team=web", "cost-centre=0042", "stage=dev"])
        let prod = TagSetting.merged(c.tags, c.environments[1].tags).map { "\($0.key.value)=\($0.value.value)" }
        #expect(prod == ["team=platform", "cost-centre=0042"])
    }

    @Test func aBoundaryIsAPolicyOrAMapping() throws {
        func policy(_ line: String) throws -> PermissionsBoundary {
            let (config, diagnostics) = load(minimal + line + "\n")
            #expect(diagnostics.isEmpty, "\(line)")
            return try #require(config?.permissionsBoundary)
        }
        #expect(try policy("permissions-boundary: generated").policy.value == .generated)
        #expect(try policy("permissions-boundary: generated").enforce == false)
        #expect(try policy("permissions-boundary: CompanyBoundary").policy.value == .name("CompanyBoundary"))
        let arn = try policy("permissions-boundary: {policy: \"arn:aws:iam::{account}:policy/b/Boundary\", enforce: true}")
        #expect(arn.policy.value == .arn("arn:aws:iam::{account}:policy/b/Boundary") && arn.enforce)
        #expect(try policy("permissions-boundary: arn:aws:iam::aws:policy/PowerUserAccess").policy.value == .arn("arn:aws:iam::aws:policy/PowerUserAccess"))
    }

    @Test func roleStatementsKeepWhereTheyAreWritten() throws {
        let (text, mark) = marked(
            minimal + """
                roles:
                  cfn-exec:
                    statements:
                      - 1️⃣effect: Deny
                        actions: [s3:DeleteObject]
                        resources: ["arn:${AWS::Partition}:s3:::demo-data/*"]

                """)
        let (config, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        let entry = try #require(config?.roleStatements.first)
        #expect(entry.role.value == "cfn-exec")
        #expect(entry.statements.map(\.effect) == ["Deny"])
        #expect(entry.statements.first?.mark == mark)
        #expect(entry.statements.first?.resources.map(\.value) == ["arn:${AWS::Partition}:s3:::demo-data/*"])
    }

    @Test func approversAreAListOrAMapping() throws {
        let (config, diagnostics) = load(Self.twoEnvironments + "approvers: [prod]\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.approvers?.environments.map(\.value) == ["prod"])
        #expect(config?.approvers?.group == false)
        let (grouped, _) = load(Self.twoEnvironments + "approvers: {environments: [prod], group: true}\n")
        #expect(grouped?.approvers?.group == true)
    }

    @Test(arguments: [
        ("tags: {1️⃣aws:owner: me}", "tag key 'aws:owner' starts with 'aws:', which AWS reserves for its own tags"),
        ("tags: {owner: 1️⃣AWS:me}", "tag value 'AWS:me' starts with 'aws:', which AWS reserves for its own tags"),
        ("tags: {1️⃣cost!centre: x}", "tag key 'cost!centre' holds '!', which AWS does not accept in tags"),
        ("tags: {1️⃣a=b: x}", "tag key 'a=b' holds '=', which 'aws cloudformation deploy --tags Key=Value' reads as the end of the key"),
        ("tags: {team: 1️⃣\"\"}", "a tag value cannot be empty"),
        ("tags: {team: a, 1️⃣team: b}", "duplicate tag 'team'"),
        ("tags: 1️⃣[team]", "expected a mapping of tag keys to values for 'tags', found a list"),
        ("permissions-boundary: 1️⃣Company Boundary", "'Company Boundary' is not a managed policy name"),
        ("permissions-boundary: 1️⃣arn:aws:iam::aws:role/Boundary", "'arn:aws:iam::aws:role/Boundary' is not the ARN of a managed policy"),
        (
            "permissions-boundary: 1️⃣arn:aws:iam::111111111111:policy/Boundary",
            "the permissions boundary 'arn:aws:iam::111111111111:policy/Boundary' is a policy of account 111111111111, but pipegen creates roles in account 222222222222 too"
        ),
        (
            "permissions-boundary: 1️⃣arn:aws-cn:iam::{account}:policy/Boundary",
            "ARN 'arn:aws-cn:iam::{account}:policy/Boundary' is in partition 'aws-cn', but the config's accounts are in 'aws'"
        ),
        ("roles: {cfn-exec: {statements: [{actions: [1️⃣GetObject], resources: [\"*\"]}]}}", "'GetObject' is not an IAM action"),
        ("roles: {cfn-exec: {statements: [{actions: [s3:GetObject], resources: [1️⃣bucket]}]}}", "'bucket' is not an ARN"),
        (
            "roles: {cfn-exec: {statements: [{actions: [1️⃣\"*\"], resources: [\"*\"]}]}}",
            "a statement of role 'cfn-exec' names every action ('*') on every resource ('*')"
        ),
        (
            "roles: {cfn-exec: {statements: [{actions: [s3:GetObject], resources: [1️⃣\"arn:aws-us-gov:s3:::b/*\"]}]}}",
            "ARN 'arn:aws-us-gov:s3:::b/*' is in partition 'aws-us-gov', but the config's accounts are in 'aws'"
        ),
        (
            "roles: {cfn-exec: {statements: [{actions: [s3:GetObject], resources: [1️⃣\"arn:${Bucket}:s3:::b/*\"]}]}}",
            "'${Bucket}' in 'arn:${Bucket}:s3:::b/*' is not a pseudo parameter"
        ),
        ("roles: {cfn-exec: {statements: [{1️⃣action: [s3:GetObject], resources: [\"*\"]}]}}", "unknown key 'action' in a statement of role 'cfn-exec'"),
        ("approvers: [1️⃣prd]", "'approvers' names environment 'prd', which the config does not have"),
        ("approvers: [1️⃣dev]", "'approvers' names environment 'dev', which has no approval to approve"),
        ("approvers: {environments: [prod, 1️⃣prod]}", "environment 'prod' is listed twice in 'approvers'"),
        (
            "operations: {key-administrators: [1️⃣\"arn:aws:iam::111111111111:group/Admins\"]}",
            "'arn:aws:iam::111111111111:group/Admins' is not the ARN of an IAM role, user or account"
        ),
        ("operations: {retain-on-delete: 1️⃣everything}", "'everything' is not valid for 'retain-on-delete' in 'operations'; expected one of 'data', 'data-and-logs', 'none'"),
    ])
    func mistakesPointAtTheValue(_ line: String, _ message: String) throws {
        let (text, mark) = marked(Self.twoEnvironments + line + "\n")
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.mark == mark)
    }

    @Test func aPartOfAWaveCannotBeApprovedAlone() throws {
        let (text, mark) = marked(
            """
            project: demo
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: eu, account: "222222222222", approval: true, wave: prod}
              - {name: us, account: "333333333333", approval: true, wave: prod}
            approvers: [1️⃣eu]

            """)
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["environment 'eu' shares one approval with wave 'prod': approving it approves 'us' too"])
        #expect(diagnostics.first?.mark == mark)
    }

    @Test func tooManyTagsWithTheProjectsAreAnError() throws {
        let project = (1...30).map { "p\($0): x" }.joined(separator: ", ")
        let environment = (1...25).map { "e\($0): y" }.joined(separator: ", ")
        let text = minimal.replacing("account: \"222222222222\"\n", with: "account: \"222222222222\"\n    tags: {\(environment)}\n")
        let (config, diagnostics) = load(text + "tags: {\(project)}\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["environment 'dev' would have 55 tags with the project's; AWS allows 50 on a resource"])
    }

    @Test(arguments: [
        ("s3:GetObject", true), ("*", true), ("s3:Get*", true), ("execute-api:Invoke", true), ("ec2:Describe?pcs", true),
        ("GetObject", false), ("s3:", false), (":GetObject", false), ("s3:Get Object", false), ("s3:a:b", false),
    ])
    func actionFormat(_ action: String, _ valid: Bool) {
        let text = minimal + "roles: {cfn-exec: {statements: [{actions: [\"\(action)\"], resources: [\"arn:aws:s3:::b\"]}]}}\n"
        #expect(load(text).1.isEmpty == valid, "\(action)")
    }
}
