import CloudFormation
import Foundation
import PipegenConfig
@testable import PipegenKit
import Testing
import TestSupport
import YAMLKit

/// Examples/serverless-change-sets deploys seed 003's application (Examples/serverless-change-
/// sets/app/template.yaml): SAM functions with local code, an alias whose traffic CodeDeploy
/// shifts (AutoPublishAlias + DeploymentPreference) with a pre-traffic hook, and an alarm. Its
/// execution role must allow what CloudFormation does with it for every resource the
/// Serverless transform makes of that template.
@Suite struct ServerlessExampleTests {
    let config: Config
    let access: ArtifactAccess

    init() throws {
        config = try exampleConfig("Examples/serverless-change-sets/pipegen.yaml")
        access = ArtifactAccess(config)
    }

    /// What the transform makes of app/template.yaml, as the SAM guide lists it ("CloudFormation
    /// resources generated when AWS::Serverless::Function is specified": the function, its role,
    /// a version and an alias for AutoPublishAlias, a CodeDeploy application and deployment group
    /// and the CodeDeploy service role for DeploymentPreference, an API with a deployment, a stage
    /// and a permission per Api event), checked with aws-sam-translator 1.115; with the names
    /// CloudFormation gives them in stack `orders-<env>` ('<stack>-<logical id>-<suffix>'), and
    /// what CloudFormation calls with the execution role for each, in the terms of the Service
    /// Authorization Reference.
    /// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
    static func needs(env: String, account: String, region: String) -> [(what: String, actions: [String], resource: String)] {
        let stack = "orders-\(env)"
        let function = "arn:aws:lambda:\(region):\(account):function:\(stack)-OrdersFunction-1A2B3C4D5E6F"
        let hook = "arn:aws:lambda:\(region):\(account):function:CodeDeployHook_\(stack)-pre-traffic"
        let application = "\(stack)-ServerlessDeploymentApplication-7G8H9I0J1K2L"
        let codedeploy = "arn:aws:codedeploy:\(region):\(account)"
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
        let functionActions = [
            "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig",
            "lambda:GetFunctionConfiguration", "lambda:GetRuntimeManagementConfig", "lambda:ListTags", "lambda:TagResource",
            "lambda:UntagResource", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
        ]
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
        let roleActions = [
            "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:GetRole",
            "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagRole",
            "iam:UntagRole", "iam:UpdateAssumeRolePolicy",
        ]
        var out: [(String, [String], String)] = []
        for role in ["OrdersFunctionRole", "PreTrafficHookRole", "CodeDeployServiceRole"] {
            // The functions' roles are passed to Lambda, CodeDeploy's to CodeDeploy.
            out.append(("AWS::IAM::Role \(role)", roleActions + ["iam:PassRole"], "arn:aws:iam::\(account):role/\(stack)-\(role)-M3N4O5P6Q7R8"))
        }
        out += [
            ("AWS::Lambda::Function OrdersFunction", functionActions, function),
            ("AWS::Lambda::Function PreTrafficHook", functionActions, hook),
            ("AWS::Lambda::Version", ["lambda:GetFunctionConfiguration", "lambda:ListVersionsByFunction", "lambda:PublishVersion"], function),
            ("AWS::Lambda::Alias", ["lambda:CreateAlias", "lambda:DeleteAlias", "lambda:GetAlias", "lambda:UpdateAlias"], function + ":live"),
            ("AWS::Lambda::Permission", ["lambda:AddPermission", "lambda:GetPolicy", "lambda:RemovePermission"], function + ":live"),
            // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodedeploy.html
            (
                "AWS::CodeDeploy::Application",
                ["codedeploy:CreateApplication", "codedeploy:DeleteApplication", "codedeploy:GetApplication", "codedeploy:TagResource"],
                "\(codedeploy):application:\(application)"
            ),
            (
                "AWS::CodeDeploy::DeploymentGroup",
                [
                    "codedeploy:CreateDeploymentGroup", "codedeploy:DeleteDeploymentGroup", "codedeploy:GetDeploymentGroup",
                    "codedeploy:UpdateDeploymentGroup",
                ],
                "\(codedeploy):deploymentgroup:\(application)/\(stack)-OrdersFunctionDeploymentGroup-S9T0U1V2W3X4"
            ),
            // The alias's CodeDeployLambdaAliasUpdate policy: a deployment per new version.
            (
                "UpdatePolicy CodeDeployLambdaAliasUpdate", ["codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:StopDeployment"],
                "\(codedeploy):deploymentgroup:\(application)/\(stack)-OrdersFunctionDeploymentGroup-S9T0U1V2W3X4"
            ),
            (
                "UpdatePolicy CodeDeployLambdaAliasUpdate", ["codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
                "\(codedeploy):application:\(application)"
            ),
            (
                "UpdatePolicy CodeDeployLambdaAliasUpdate", ["codedeploy:GetDeploymentConfig"],
                "\(codedeploy):deploymentconfig:CodeDeployDefault.LambdaLinear10PercentEvery1Minute"
            ),
            // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html
            ("AWS::ApiGateway::RestApi", ["apigateway:POST"], "arn:aws:apigateway:\(region)::/restapis"),
            (
                "AWS::ApiGateway::RestApi, Deployment, Stage",
                ["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"],
                "arn:aws:apigateway:\(region)::/restapis/a1b2c3d4e5/stages/Prod"
            ),
            // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
            (
                "AWS::CloudWatch::Alarm", ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
                "arn:aws:cloudwatch:\(region):\(account):alarm:\(stack)-AliasErrorsAlarm-Y5Z6A7B8C9D0"
            ),
        ]
        return out
    }

    @Test(arguments: [("dev", "222222222222"), ("prod", "333333333333")])
    func theExecutionRoleCoversWhatTheExpandedTemplateNeeds(_ env: String, _ account: String) throws {
        let role = try access.role("CloudFormationExecutionRole", in: env)
        for need in Self.needs(env: env, account: account, region: "us-east-1") {
            for action in need.actions {
                #expect(ResolvedStatement.allows(role.permissions, action, on: need.resource), "\(need.what): \(action) on \(need.resource)")
            }
        }
        // The packaged code, from the artifact bucket and key of the tooling account.
        let problems = try access.problems(
            role: "CloudFormationExecutionRole", in: env, reading: "lambda/packaged/5f0e8d2b9a7c4e61", region: "us-east-1", home: "us-east-1")
        #expect(problems == [])
        // Still no reach into pipegen's own roles.
        #expect(!ResolvedStatement.allows(role.permissions, "iam:PutRolePolicy", on: "arn:aws:iam::\(account):role/orders-\(env)-cfn-deploy"))
    }

    @Test func theApplicationTemplateIsTheSeedsShape() throws {
        let root = Golden.repositoryRoot(from: #filePath)
        let text = try String(contentsOfFile: "\(root)/Examples/serverless-change-sets/app/template.yaml", encoding: .utf8)
        for part in [
            "Transform: AWS::Serverless-2016-10-31", "CodeUri: src/orders", "AutoPublishAlias: live", "DeploymentPreference:",
            "PreTraffic: !Ref PreTrafficHook", "Type: AWS::CloudWatch::Alarm",
        ] {
            #expect(text.contains(part), "\(part)")
        }
    }

    @Test func everyDeployTakesThePackagedTemplateAndTheCallerMayExpandTheTransform() throws {
        let actions = try infrastructureActions(config)
        #expect(actions["Package/PackageTemplate"] != nil)
        #expect(!actions.keys.contains { $0.contains("UpdateLambdas") || $0.contains("PackageLambdas") })
        for name in ["dev/Deploy", "prod/CreateChangeSet"] {
            let deploy = try #require(actions[name]?.configuration(as: CodePipeline.Action.CloudFormation.self))
            #expect(deploy.templatePath == "PackagedTemplates::packaged-us-east-1.yaml")
        }
        // The pipeline's cfn-deploy role creates the change sets: the transform is expanded
        // under its permission.
        let deployRole = try access.role("CloudFormationDeployRole", in: "prod")
        #expect(
            ResolvedStatement.allows(
                deployRole.permissions, "cloudformation:CreateChangeSet", on: "arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31"))
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }
}
