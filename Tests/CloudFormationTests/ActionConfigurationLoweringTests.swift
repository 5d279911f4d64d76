import CloudFormation
import Testing
import YAMLKit

/// Each typed action configuration lowers to its provider's `ActionTypeId` and `Configuration`
/// keys, as pipegen's templates write them.
@Suite struct ActionConfigurationLoweringTests {
    typealias A = CodePipeline.Action

    func actionYAML(_ configuration: any CodePipeline.ActionConfiguration) -> String {
        let action = CodePipeline.Pipeline.ActionDeclaration(name: "A", configuration: configuration)
        return YAMLWriter().write(action.cfnValue.document)
    }

    @Test func codeCommit() {
        expectText(
            actionYAML(
                A.CodeCommit(
                    repositoryName: "app", branchName: "main", pollForSourceChanges: false,
                    outputArtifactFormat: .codeZip)),
            """
            ActionTypeId:
              Category: Source
              Owner: AWS
              Provider: CodeCommit
              Version: '1'
            Configuration:
              RepositoryName: app
              BranchName: main
              PollForSourceChanges: false
              OutputArtifactFormat: CODE_ZIP
            Name: A

            """)
    }

    @Test func codeStarSourceConnection() {
        expectText(
            actionYAML(
                A.CodeStarSourceConnection(
                    connectionArn: .ref("Connection"), fullRepositoryId: "example/app", branchName: "main",
                    outputArtifactFormat: .codeBuildCloneRef, detectChanges: false)),
            """
            ActionTypeId:
              Category: Source
              Owner: AWS
              Provider: CodeStarSourceConnection
              Version: '1'
            Configuration:
              ConnectionArn:
                Ref: Connection
              FullRepositoryId: example/app
              BranchName: main
              OutputArtifactFormat: CODEBUILD_CLONE_REF
              DetectChanges: false
            Name: A

            """)
    }

    @Test func ecr() {
        expectText(
            actionYAML(A.ECR(repositoryName: "shop", imageTag: "release")),
            """
            ActionTypeId:
              Category: Source
              Owner: AWS
              Provider: ECR
              Version: '1'
            Configuration:
              RepositoryName: shop
              ImageTag: release
            Name: A

            """)
    }

    @Test func codeBuildWithLiteralVariables() {
        expectText(
            actionYAML(
                A.CodeBuild(
                    .test, projectName: .ref("Tests"), primarySource: "Source", batchEnabled: true,
                    combineArtifacts: true,
                    environmentVariables: [
                        .init("ENVIRONMENT", "dev"), .init("TOKEN", "/ci/token", type: .parameterStore),
                    ])),
            #"""
            ActionTypeId:
              Category: Test
              Owner: AWS
              Provider: CodeBuild
              Version: '1'
            Configuration:
              ProjectName:
                Ref: Tests
              PrimarySource: Source
              BatchEnabled: true
              CombineArtifacts: true
              EnvironmentVariables: '[{"name":"ENVIRONMENT","value":"dev"},{"name":"TOKEN","value":"/ci/token","type":"PARAMETER_STORE"}]'
            Name: A

            """#)
    }

    /// One substituting value makes the whole JSON `Fn::Sub` text; the literal `${API_URL}` is
    /// then escaped so that it stays literal.
    @Test func codeBuildWithASubstitutingVariable() {
        expectText(
            actionYAML(
                A.CodeBuild(
                    projectName: .ref("Update"),
                    environmentVariables: [
                        .init(
                            "TARGET_ROLE_ARN", "arn:${AWS::Partition}:iam::222222222222:role/update", substitutes: true),
                        .init("TEST_COMMAND", "curl ${API_URL}"),
                    ])),
            #"""
            ActionTypeId:
              Category: Build
              Owner: AWS
              Provider: CodeBuild
              Version: '1'
            Configuration:
              ProjectName:
                Ref: Update
              EnvironmentVariables:
                Fn::Sub: '[{"name":"TARGET_ROLE_ARN","value":"arn:${AWS::Partition}:iam::222222222222:role/update"},{"name":"TEST_COMMAND","value":"curl ${!API_URL}"}]'
            Name: A

            """#)
    }

    @Test func manual() {
        expectText(
            actionYAML(
                A.Manual(
                    notificationArn: .ref("Topic"), customData: "Deploy to prod?",
                    externalEntityLink: "https://example.com")),
            """
            ActionTypeId:
              Category: Approval
              Owner: AWS
              Provider: Manual
              Version: '1'
            Configuration:
              NotificationArn:
                Ref: Topic
              CustomData: Deploy to prod?
              ExternalEntityLink: https://example.com
            Name: A

            """)
    }

    @Test func cloudFormationDeploy() {
        expectText(
            actionYAML(
                A.CloudFormation(
                    .changeSetReplace, stackName: "shop-dev", changeSetName: "pipegen",
                    templatePath: "Source::template.yaml",
                    templateConfiguration: "Source::params/dev.json", capabilities: [.namedIAM, .autoExpand],
                    roleArn: .sub("arn:${AWS::Partition}:iam::222222222222:role/cfn"), outputFileName: "outputs.json",
                    parameterOverrides: #"{"Image":"x"}"#)),
            #"""
            ActionTypeId:
              Category: Deploy
              Owner: AWS
              Provider: CloudFormation
              Version: '1'
            Configuration:
              ActionMode: CHANGE_SET_REPLACE
              StackName: shop-dev
              ChangeSetName: pipegen
              TemplatePath: Source::template.yaml
              TemplateConfiguration: Source::params/dev.json
              Capabilities: CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND
              RoleArn:
                Fn::Sub: arn:${AWS::Partition}:iam::222222222222:role/cfn
              OutputFileName: outputs.json
              ParameterOverrides: '{"Image":"x"}'
            Name: A

            """#)
    }

    @Test func cloudFormationExecute() {
        expectText(
            actionYAML(A.CloudFormation(.changeSetExecute, stackName: "shop-dev", changeSetName: "pipegen")),
            """
            ActionTypeId:
              Category: Deploy
              Owner: AWS
              Provider: CloudFormation
              Version: '1'
            Configuration:
              ActionMode: CHANGE_SET_EXECUTE
              StackName: shop-dev
              ChangeSetName: pipegen
            Name: A

            """)
    }

    @Test func codeDeployToECS() {
        expectText(
            actionYAML(
                A.CodeDeployToECS(
                    applicationName: "shop", deploymentGroupName: "shop-dev", taskDefinitionTemplateArtifact: "Source",
                    taskDefinitionTemplatePath: "taskdef-dev.json", appSpecTemplateArtifact: "Source",
                    appSpecTemplatePath: "appspec.yaml",
                    images: [
                        .init(artifactName: "Image", containerName: "IMAGE1_NAME"),
                        .init(artifactName: "Sidecar", containerName: "IMAGE2_NAME"),
                    ])),
            """
            ActionTypeId:
              Category: Deploy
              Owner: AWS
              Provider: CodeDeployToECS
              Version: '1'
            Configuration:
              ApplicationName: shop
              DeploymentGroupName: shop-dev
              TaskDefinitionTemplateArtifact: Source
              TaskDefinitionTemplatePath: taskdef-dev.json
              AppSpecTemplateArtifact: Source
              AppSpecTemplatePath: appspec.yaml
              Image1ArtifactName: Image
              Image1ContainerName: IMAGE1_NAME
              Image2ArtifactName: Sidecar
              Image2ContainerName: IMAGE2_NAME
            Name: A

            """)
    }

    @Test func commandsWithoutSettingsHasNoConfiguration() {
        expectText(
            actionYAML(A.Commands()),
            """
            ActionTypeId:
              Category: Compute
              Owner: AWS
              Provider: Commands
              Version: '1'
            Name: A

            """)
    }

    /// The declaration keeps its configuration typed, and its `ActionTypeId` follows it.
    @Test func theConfigurationStaysTyped() {
        var action = CodePipeline.Pipeline.ActionDeclaration(name: "A", configuration: A.Manual(customData: "ok?"))
        #expect(action.configuration(as: A.Manual.self)?.customData == "ok?")
        #expect(action.configuration(as: A.CodeBuild.self) == nil)
        let before = action
        action.configuration = A.CodeBuild(.test, projectName: "p")
        #expect(action.actionTypeId == .init(category: .test, provider: "CodeBuild"))
        #expect(action != before)
        #expect(
            action
                == CodePipeline.Pipeline.ActionDeclaration(
                    name: "A", configuration: A.CodeBuild(.test, projectName: "p")))
    }
}
