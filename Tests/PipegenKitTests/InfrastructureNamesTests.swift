import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// Strips the marker `1️⃣` from `text` and returns the text and the marker's line and column
/// (columns in Unicode scalars, as diagnostics count them).
func markedConfig(_ text: String) -> (String, Mark) {
    var line = 1, column = 1
    for (i, scalar) in text.unicodeScalars.enumerated() {
        if scalar == "1" && text.unicodeScalars.dropFirst(i + 1).first == "\u{FE0F}" {
            return (text.replacing("1️⃣", with: ""), Mark(line: line, column: column))
        }
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
    preconditionFailure("no marker in text")
}

/// Issue 11: two environments in one account and region must not share the application stack
/// or the Lambda functions the update step changes (nor may one's update role reach the
/// other's functions).
@Suite struct SharedAccountNamesTests {
    static func config(_ environments: String, pipeline: String = "{}") -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
        \(environments)
        pipelines:
          infrastructure-deployment: \(pipeline)

        """
    }

    static let sameAccount = """
          - {name: dev, account: "222222222222"}
          - {name: qa, account: "222222222222"}
        """

    /// The resource patterns of the `UpdateFunctionCode` statement of `env`'s update role.
    static func updatableFunctions(_ config: Config, _ env: String) throws -> [String] {
        let stack = try #require(StackSet.build(config).stacks.first { $0.name == env })
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        let role = try #require(stack.template.resources(of: IAM.Role.self).first { $0.id == "LambdaUpdateRole" }?.model)
        let statement = try #require(role.policies.flatMap(\.policyDocument.statements).first { $0.sid == "UpdateFunctionCode" })
        return statement.resources.compactMap(r.string)
    }

    @Test func theDefaultFunctionNamesDifferPerEnvironment() throws {
        #expect(LambdaSettings.Keys.functionName.defaultValue.contains(.env))
        let config = try inlineConfig(Self.config(Self.sameAccount))
        let dev = try Self.updatableFunctions(config, "dev"), qa = try Self.updatableFunctions(config, "qa")
        #expect(dev == ["arn:aws:lambda:eu-west-1:222222222222:function:shop-dev-*"])
        // dev's update role reaches none of qa's functions, and the other way round.
        for pattern in dev { #expect(!PolicyMatch.glob(pattern, "arn:aws:lambda:eu-west-1:222222222222:function:shop-qa-orders")) }
        for pattern in qa { #expect(!PolicyMatch.glob(pattern, "arn:aws:lambda:eu-west-1:222222222222:function:shop-dev-orders")) }
    }

    @Test func sharedFunctionNamesAreALocatedError() throws {
        let (text, mark) = markedConfig(Self.config(Self.sameAccount, pipeline: "{lambda: {function-name: 1️⃣\"{project}-{function}\"}}"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
        #expect(error.message.contains("'dev'") && error.message.contains("'qa'") && error.message.contains("222222222222"))
        #expect(error.notes.contains { $0.message.contains("{env}") }, "\(error.notes.map(\.message))")
    }

    @Test func sharedStackNamesAreALocatedError() throws {
        let (text, mark) = markedConfig(Self.config(Self.sameAccount, pipeline: "{lambda: false, stack-name: 1️⃣\"{project}-app\"}"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
        #expect(error.message.contains("'shop-app'"), "\(error.message)")
    }

    @Test func oneEnvironmentsFunctionsMayNotStartWithAnothersName() throws {
        let envs = """
              - {name: dev, account: "222222222222"}
              - {name: dev-blue, account: "222222222222"}
            """
        // 'shop-dev-*' also matches 'shop-dev-blue-orders'.
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(Self.config(envs).utf8))
        #expect(config == nil ? true : false, "expected an error")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("'dev-blue'") })
        // With the environment last, neither name pattern reaches the other's functions.
        _ = try inlineConfig(Self.config(envs, pipeline: "{lambda: {function-name: \"{project}-{function}-{env}\"}}"))
    }

    @Test func otherAccountsAndRegionsMayShareNames() throws {
        let apart = """
              - {name: dev, account: "222222222222"}
              - {name: qa, account: "333333333333"}
              - {name: eu, account: "222222222222", region: eu-central-1}
            """
        _ = try inlineConfig(Self.config(apart, pipeline: "{stack-name: app, lambda: {function-name: \"{function}\"}}"))
    }

    @Test func withoutTheUpdateStepFunctionNamesAreNotUsed() throws {
        _ = try inlineConfig(Self.config(Self.sameAccount, pipeline: "{lambda: false}"))
    }
}

/// The execution role's statements and managed policy ARNs may use `${AWS::Partition}`,
/// `${AWS::Region}`, `${AWS::AccountId}` and `${AWS::URLSuffix}` (they become `Fn::Sub`);
/// any other reference is the user's mistake, reported where it was written, never a template
/// CloudFormation would refuse (found by the config fuzzer on the serverless example).
@Suite struct ExecutionRoleSubstitutionTests {
    static func config(_ resource: String, policy: String = "arn:aws:iam::aws:policy/ReadOnlyAccess") -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222"}
        pipelines:
          infrastructure-deployment:
            lambda: false
            execution-role:
              managed-policies: ["\(policy)"]
              statements:
                - actions: [s3:GetObject]
                  resources: ["\(resource)"]

        """
    }

    @Test func anUnknownReferenceIsALocatedError() throws {
        let (text, mark) = markedConfig(Self.config("1️⃣arn:${AWS::Pserviceartition}:s3:::shop-*/*"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark?.line == mark.line)
        #expect(error.message.contains("${AWS::Pserviceartition}"), "\(error.message)")
    }

    @Test func aManagedPolicyReferenceIsCheckedToo() throws {
        let (_, config, diagnostics) = loadConfig(
            path: "pipegen.yaml", bytes: Array(Self.config("*", policy: "arn:${Partition}:iam::aws:policy/ReadOnlyAccess").utf8))
        #expect(config == nil ? true : false, "expected an error")
        #expect(diagnostics.contains { $0.message.contains("${Partition}") })
    }

    @Test func pseudoParametersAndEscapesAreFine() throws {
        let config = try inlineConfig(
            Self.config("arn:${AWS::Partition}:s3:::shop-${AWS::AccountId}-${AWS::Region}-${!Literal}/*", policy: "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"))
        _ = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
    }
}
