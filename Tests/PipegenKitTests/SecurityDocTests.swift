import CloudFormation
import Foundation
import PipegenKit
import Testing
import TestSupport

/// docs/SECURITY.md lists every checkov suppression the builders write, with the same reason.
@Suite struct SecurityDocTests {
    static let root = Golden.repositoryRoot(from: #filePath)

    @Test(arguments: CheckovSuppression.allCases)
    func suppressionIsDocumentedWithItsReason(_ suppression: CheckovSuppression) throws {
        let doc = try String(contentsOfFile: "\(Self.root)/docs/SECURITY.md", encoding: .utf8)
        let row = doc.split(separator: "\n").first { $0.hasPrefix("| \(suppression.id) ") }
        #expect(row != nil, "no row for \(suppression.id) in docs/SECURITY.md")
        #expect(row?.contains(suppression.reason) == true, "docs/SECURITY.md gives another reason for \(suppression.id)")
    }
}

/// The execution role of an environment can change no pipegen role of its account: neither
/// another environment's (accounts may be shared) nor the tooling account's.
@Suite struct ExecutionRoleProtectionTests {
    @Test func sharedAccountsProtectEveryPipegenRole() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "111111111111"}
              - {name: test, account: "222222222222"}
              - {name: prod, account: "222222222222"}
            pipelines:
              infrastructure-deployment: {lambda: false}

            """
        let (_, loaded, _) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        let config = try #require(loaded)
        func denied(_ stack: String) throws -> [String] {
            let t = try #require(StackSet.build(config).stacks.first { $0.name == stack }).template
            let role = try #require(t.resources(of: IAM.Role.self).first { $0.0 == "CloudFormationExecutionRole" }?.1)
            let deny = try #require(role.policies[0].policyDocument.statements.first { $0.sid == "ProtectPipegenRoles" })
            return deny.resources.map { if case .sub(let s, _) = $0 { return s } else { return "\($0)" } }
        }
        let own = ["shop-*-cfn-deploy", "shop-*-cfn-exec"].map { "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/\($0)" }
        #expect(try denied("test") == own)
        let tooling = ["shop-infrastructure-deployment-role", "shop-infrastructure-deployment-events", "shop-template-lint-role"]
        #expect(try denied("dev") == own + tooling.map { "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/\($0)" })
    }
}
