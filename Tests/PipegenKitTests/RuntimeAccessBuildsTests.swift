import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The calls that build settings and steps make at run time are checked like the others:
/// taking one grant away from the templates is found as exactly that call, denied, at the
/// config line that causes it.
@Suite struct RuntimeAccessBuildsTests {
    static let text = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: prod, account: "222222222222"}
        pipelines:
          infrastructure-deployment:
            source: {repository: infra}
            lambda: false
            lint: [cfn-lint]
            builds:
              template-lint:
                image: "333333333333.dkr.ecr.eu-west-1.amazonaws.com/linters:1"
                vpc: {vpc-id: vpc-0a1b2c3d, subnets: [subnet-0000aa01], security-groups: [sg-0000aa01]}
                variables: {URL: {parameter: /shop/url}, TOKEN: {secret: shop/token}}
                cache: s3
            steps:
              - {name: notify, at: after-deploy, lambda: {function: shop-notify}}

        """

    func altered(_ role: String, removing sid: String) throws -> (Config, [Diagnostic]) {
        let config = try inlineConfig(Self.text)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "tooling") { t in
            var r = t.resource(role)!.model(as: IAM.Role.self)!
            r.policies[0].policyDocument.statements.removeAll { $0.sid == sid }
            t.replace(role, with: Resource(r))
        }
        return (config, Pipegen.runtimeAccess(config, stacks: stacks))
    }

    @Test func everySettingsCallIsAllowed() throws {
        #expect(Pipegen.runtimeAccess(try inlineConfig(Self.text)).map(\.message) == [])
    }

    static let lint = "action 'Lint/LintTemplate' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::111111111111:role/shop-template-lint-role' would be denied "
    static let notAllowed = " in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::111111111111:role/shop-template-lint-role' does not allow it"

    @Test(arguments: [
        ("ReadBuildSecrets", ["secretsmanager:GetSecretValue on 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:shop/token-AbCdEf'"]),
        ("ReadBuildParameters", ["ssm:GetParameters on 'arn:aws:ssm:eu-west-1:111111111111:parameter/shop/url'"]),
        (
            "BuildNetworkInterfacePermission",
            ["ec2:CreateNetworkInterfacePermission on 'arn:aws:ec2:eu-west-1:111111111111:network-interface/eni-example'"]
        ),
        // The lint build reads every artifact already; it writes only its cache.
        ("BuildCache", ["s3:PutObject on 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/cache/shop-template-lint/example'"]),
    ])
    func aSettingWithoutItsGrantIsDenied(_ sid: String, _ denied: [String]) throws {
        let (config, found) = try altered("TemplateLintRole", removing: sid)
        #expect(found.map(\.message) == denied.map { Self.lint + $0 + Self.notAllowed })
        #expect(found.allSatisfy { $0.mark == config.pipelines.all[0].mark })
    }

    @Test func anImageOfAnotherAccountIsPulledWithTheRolesGrant() throws {
        let (_, found) = try altered("TemplateLintRole", removing: "PullBuildImage")
        #expect(
            found.map(\.message)
                == ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"].map {
                    Self.lint + "\($0) on 'arn:aws:ecr:eu-west-1:333333333333:repository/linters' in 333333333333 (eu-west-1): "
                        + "the identity policy of 'arn:aws:iam::111111111111:role/shop-template-lint-role' does not allow it"
                })
    }

    /// A VPC build may attach interfaces only in its own subnets.
    @Test func anInterfacePermissionForOtherSubnetsIsDenied() throws {
        let config = try inlineConfig(Self.text)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "tooling") { t in
            var r = t.resource("TemplateLintRole")!.model(as: IAM.Role.self)!
            let i = r.policies[0].policyDocument.statements.firstIndex { $0.sid == "BuildNetworkInterfacePermission" }!
            r.policies[0].policyDocument.statements[i].conditions[0].values = [
                .sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/subnet-0000aa99")
            ]
            t.replace("TemplateLintRole", with: Resource(r))
        }
        #expect(
            Pipegen.runtimeAccess(config, stacks: stacks).map(\.message) == [
                Self.lint + "ec2:CreateNetworkInterfacePermission on 'arn:aws:ec2:eu-west-1:111111111111:network-interface/eni-example'" + Self.notAllowed
            ])
    }

    @Test func aStepFunctionThePipelineMayNotInvokeIsDeniedAtTheStep() throws {
        let config = try inlineConfig(Self.text)
        let stacks = ConsistencyTests().altered(StackSet.build(config).stacks, "tooling") { t in
            var r = t.resource("InfrastructureDeploymentPipelineRole")!.model(as: IAM.Role.self)!
            r.policies[0].policyDocument.statements.removeAll { $0.sid == "InvokeStepFunctions" }
            t.replace("InfrastructureDeploymentPipelineRole", with: Resource(r))
        }
        let found = Pipegen.runtimeAccess(config, stacks: stacks)
        #expect(
            found.map(\.message) == [
                "action 'prod/notify' of pipeline 'shop-infrastructure-deployment': at run time 'arn:aws:iam::111111111111:role/shop-infrastructure-deployment-role' would be denied lambda:InvokeFunction on 'arn:aws:lambda:eu-west-1:111111111111:function:shop-notify' in 111111111111 (eu-west-1): the identity policy of 'arn:aws:iam::111111111111:role/shop-infrastructure-deployment-role' does not allow it"
            ])
        let step = try #require(config.pipelines.all[0].settings.steps.first)
        #expect(found.first?.mark == step.mark)
    }

    /// The function reports its result as its own role, which pipegen lists but does not write.
    @Test func theFunctionsResultIsReportedAsItsOwnRole() throws {
        let config = try inlineConfig(Self.text)
        let calls = RuntimeAccess.calls(config: config, specs: Pipegen.pipelines(config), stacks: StackSet.build(config).stacks)
        let report = try #require(calls.first { $0.actions.contains("codepipeline:PutJobSuccessResult") })
        #expect(report.caller == .external(account: "111111111111", what: "the execution role of function 'shop-notify'"))
    }
}
