import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// Whether a role of an environment account may read an object of the tooling account's
/// artifact bucket in `region` and decrypt it: its own policy, the bucket policy and the key
/// policy must all say yes (a cross-account read needs both sides).
struct ArtifactAccess {
    let stacks: [StackTemplate]

    init(_ config: Config) { stacks = StackSet.build(config).stacks }

    func stack(_ name: String) -> StackTemplate? { stacks.first { $0.name == name } }

    func statements(_ stack: StackTemplate, _ statements: [IAM.Statement]) -> [ResolvedStatement] {
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        return statements.map { ResolvedStatement($0, r) }
    }

    /// The permissions of role `id` in environment template `env`, and the role's ARN.
    func role(_ id: String, in env: String) throws -> (arn: String, permissions: [ResolvedStatement]) {
        let s = try #require(stack(env))
        let role = try #require(s.template.resource(id)?.model(as: IAM.Role.self), "no \(id) in \(env)")
        let name = try #require(role.roleName.flatMap { Resolver(template: s.template, account: s.account, region: s.region).string($0) })
        return ("arn:aws:iam::\(s.account):role/\(name)", statements(s, role.policies.flatMap(\.policyDocument.statements)))
    }

    /// A resource policy lets `roleArn` do `action` on `resource`: an Allow names its account
    /// (or the role) and its `aws:PrincipalArn` patterns, if any, match the role.
    static func grants(_ policy: [ResolvedStatement], _ action: String, on resource: String, to roleArn: String) -> Bool {
        let account = roleArn.split(separator: ":", omittingEmptySubsequences: false)[4]
        return policy.contains { s in
            guard s.effect == .allow, s.principals.contains("arn:aws:iam::\(account):root") || s.principals.contains(roleArn),
                s.matches(action: action), s.matches(resource: resource)
            else { return false }
            let patterns = s.condition("ArnLike", "aws:PrincipalArn")
            return patterns.isEmpty || patterns.contains { PolicyMatch.glob($0, roleArn) }
        }
    }

    /// Problems that keep role `id` of `env` from reading `key` in the artifact bucket of `region`.
    func problems(role id: String, in env: String, reading key: String, region: String, home: String) throws -> [String] {
        let (arn, permissions) = try role(id, in: env)
        let bucketStack = try #require(stack(region == home ? "tooling" : "tooling-\(region)-bucket"))
        let keyStack = try #require(stack(region == home ? "tooling" : "tooling-\(region)"))
        let bucket = try #require(bucketStack.template.resources(of: S3.Bucket.self).first?.model.bucketName.flatMap {
            Resolver(template: bucketStack.template, account: bucketStack.account, region: region).string($0)
        })
        let object = "arn:aws:s3:::\(bucket)/\(key)"
        let keyArn = "arn:aws:kms:\(region):\(bucketStack.account):key/example"
        let bucketPolicy = statements(bucketStack, bucketStack.template.resources(of: S3.BucketPolicy.self).flatMap(\.model.policyDocument.statements))
        let keyPolicy = statements(
            keyStack,
            keyStack.template.resources(of: KMS.Key.self).first?.model.keyPolicy?.statements
                ?? keyStack.template.resources(of: KMS.ReplicaKey.self).first?.model.keyPolicy.statements ?? [])
        var out: [String] = []
        if !ResolvedStatement.allows(permissions, "s3:GetObject", on: object) { out.append("\(arn) may not get \(object)") }
        if !Self.grants(bucketPolicy, "s3:GetObject", on: object, to: arn) { out.append("the bucket policy of \(bucket) does not admit \(arn)") }
        if !ResolvedStatement.allows(permissions, "kms:Decrypt", on: keyArn) { out.append("\(arn) may not decrypt with \(keyArn)") }
        if !Self.grants(keyPolicy, "kms:Decrypt", on: "*", to: arn) { out.append("the key policy of \(region) does not admit \(arn)") }
        return out
    }
}

/// Issue 11, seed 000: CloudFormation must see the Lambda zips. The package build exports each
/// listed function's zip key; every deploy passes the keys (and the region's bucket) to the
/// stack as parameters; the execution role (which CloudFormation uses, and Lambda reads the
/// code with) may read and decrypt them across accounts; the out-of-band update is an option.
@Suite struct LambdaCodeParametersTests {
    static let text = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - name: dev
            account: "222222222222"
            regions: [eu-west-1, eu-central-1]
          - name: prod
            account: "333333333333"
            deploy: change-set
        pipelines:
          infrastructure-deployment:
            parameter-overrides: {Environment: "{env}"}
            lambda:
              functions: [orders, payment-api]

        """

    static func overrides(_ action: CodePipeline.Pipeline.ActionDeclaration?) -> Value? {
        action?.configuration(as: CodePipeline.Action.CloudFormation.self)?.parameterOverrides
    }

    @Test func everyDeployPassesTheZipKeysAndTheRegionsBucket() throws {
        let actions = try infrastructureActions(try inlineConfig(Self.text))
        let package = try #require(actions["Package/PackageLambdas"])
        #expect(package.namespace == "PackageLambdas")
        let keys = ##""OrdersCodeKey":"#{PackageLambdas.OrdersCodeKey}","PaymentApiCodeKey":"#{PackageLambdas.PaymentApiCodeKey}"}"##
        #expect(
            Self.overrides(actions["dev/Deploy-eu-west-1"])
                == .string(#"{"Environment":"dev","LambdaCodeBucket":"shop-artifacts-111111111111-eu-west-1","# + keys))
        #expect(
            Self.overrides(actions["dev/Deploy-eu-central-1"])
                == .string(#"{"Environment":"dev","LambdaCodeBucket":"shop-artifacts-111111111111-eu-central-1","# + keys))
        #expect(
            Self.overrides(actions["prod/CreateChangeSet"])
                == .string(#"{"Environment":"prod","LambdaCodeBucket":"shop-artifacts-111111111111-eu-west-1","# + keys))
    }

    @Test func thePackageBuildExportsTheKeys() throws {
        let config = try inlineConfig(Self.text)
        let tooling = try #require(StackSet.build(config).stacks.first { $0.name == "tooling" })
        let project = try #require(tooling.template.resource("LambdaPackageProject")?.model(as: CodeBuild.Project.self))
        let buildspec = try #require(YAMLReader.parse(project.source.buildSpec ?? "")?.document)
        guard case .map(let top) = buildspec, case .map(let env)? = top.first(where: { $0.key == "env" })?.value else {
            Issue.record("no env in the buildspec")
            return
        }
        #expect(env.first { $0.key == "exported-variables" }?.value == .list([.string("OrdersCodeKey"), .string("PaymentApiCodeKey")]))
        let variables = project.environment.environmentVariables.map { ($0.name, $0.value) }
        #expect(variables.contains { $0.0 == "CODE_KEYS" && $0.1 == .string("orders=OrdersCodeKey payment-api=PaymentApiCodeKey") })
    }

    @Test func theExecutionRoleReadsTheZipsInEveryRegion() throws {
        let access = ArtifactAccess(try inlineConfig(Self.text))
        for (env, region) in [("dev", "eu-west-1"), ("dev", "eu-central-1"), ("prod", "eu-west-1")] {
            let problems = try access.problems(
                role: "CloudFormationExecutionRole", in: env, reading: "lambda/orders/0123456789abcdef.zip", region: region, home: "eu-west-1")
            #expect(problems == [], "\(env) in \(region)")
        }
    }

    @Test func theTemplateOwnsTheCodeSoTheOutOfBandUpdateIsOff() throws {
        let config = try inlineConfig(Self.text)
        let actions = try infrastructureActions(config)
        #expect(!actions.keys.contains { $0.contains("UpdateLambdas") })
        #expect(AccessModel(config).role(.lambdaUpdate, in: "dev") == nil)
    }

    @Test func theOutOfBandUpdateStaysAnOption() throws {
        let config = try inlineConfig(Self.text.replacing("      functions: [orders, payment-api]", with: "      functions: [orders, payment-api]\n      update: true"))
        let actions = try infrastructureActions(config)
        #expect(actions.keys.contains("dev/UpdateLambdas-eu-west-1"))
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    @Test func withoutFunctionsNothingChanges() throws {
        let config = try inlineConfig(Self.text.replacing("    lambda:\n      functions: [orders, payment-api]\n", with: ""))
        let actions = try infrastructureActions(config)
        #expect(actions["Package/PackageLambdas"]?.namespace == nil)
        #expect(Self.overrides(actions["dev/Deploy-eu-west-1"]) == .string(#"{"Environment":"dev"}"#))
        #expect(actions.keys.contains("dev/UpdateLambdas-eu-west-1"))
        let exec = try ArtifactAccess(config).role("CloudFormationExecutionRole", in: "dev")
        #expect(!ResolvedStatement.allows(exec.permissions, "s3:GetObject", on: "arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/lambda/x.zip"))
    }

    @Test func anOverrideMayNotTakeACodeParametersName() throws {
        let (text, mark) = markedConfig(Self.text.replacing("{Environment: \"{env}\"}", with: "{1️⃣LambdaCodeBucket: mine}"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
    }

    @Test func functionsGiveDistinctParameterNames() throws {
        let (text, mark) = markedConfig(Self.text.replacing("[orders, payment-api]", with: "[payment-api, 1️⃣payment_api]"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
        #expect(error.message.contains("PaymentApiCodeKey"), "\(error.message)")
    }
}
