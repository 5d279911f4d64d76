import CloudFormation
import Testing

/// CodePipeline and CodeDeploy models lower to the reference's property names and nesting.
@Suite struct PipelineLoweringTests {
    @Test func pipeline() {
        expectText(
            yaml(Samples.pipeline),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodePipeline::Pipeline
                Properties:
                  ArtifactStore:
                    EncryptionKey:
                      Id:
                        Fn::GetAtt:
                          - ArtifactKey
                          - Arn
                      Type: KMS
                    Location:
                      Ref: ArtifactBucket
                    Type: S3
                  ExecutionMode: QUEUED
                  Name: pipegen-container-build
                  PipelineType: V2
                  RoleArn:
                    Fn::GetAtt:
                      - PipelineRole
                      - Arn
                  Stages:
                    - Actions:
                        - ActionTypeId:
                            Category: Source
                            Owner: AWS
                            Provider: CodeStarSourceConnection
                            Version: '1'
                          Configuration:
                            ConnectionArn:
                              Ref: Connection
                            FullRepositoryId: example/app
                            BranchName: main
                            DetectChanges: false
                          Name: Checkout
                          Namespace: SourceVariables
                          OutputArtifacts:
                            - Name: Source
                      Name: Source
                    - Actions:
                        - ActionTypeId:
                            Category: Build
                            Owner: AWS
                            Provider: CodeBuild
                            Version: '1'
                          Configuration:
                            ProjectName:
                              Ref: Build
                          InputArtifacts:
                            - Name: Source
                          Name: Image
                          OutputArtifacts:
                            - Name: Image
                          RunOrder: 1
                          TimeoutInMinutes: 60
                      Name: Build
                      OnFailure:
                        Result: ROLLBACK
                    - Actions:
                        - ActionTypeId:
                            Category: Approval
                            Owner: AWS
                            Provider: Manual
                            Version: '1'
                          Configuration:
                            NotificationArn:
                              Ref: Notifications
                          Name: Approve
                          RunOrder: 1
                        - ActionTypeId:
                            Category: Deploy
                            Owner: AWS
                            Provider: CloudFormation
                            Version: '1'
                          Configuration:
                            ActionMode: CREATE_UPDATE
                            StackName: pipegen-dev
                            TemplatePath: Source::template.yaml
                            Capabilities: CAPABILITY_NAMED_IAM
                            RoleArn:
                              Fn::Sub: arn:${AWS::Partition}:iam::222222222222:role/pipegen-cfn
                          InputArtifacts:
                            - Name: Source
                          Name: Deploy
                          RoleArn:
                            Fn::Sub: arn:${AWS::Partition}:iam::222222222222:role/pipegen-action
                          RunOrder: 2
                      BeforeEntry:
                        Conditions:
                          - Result: FAIL
                            Rules:
                              - Configuration:
                                  AlarmName: pipegen-dev-errors
                                Name: NoAlarm
                                RuleTypeId:
                                  Category: Rule
                                  Owner: AWS
                                  Provider: CloudWatchAlarm
                                  Version: '1'
                      Name: Dev
                  Tags:
                    - Key: project
                      Value: pipegen
                  Triggers:
                    - GitConfiguration:
                        Push:
                          - Branches:
                              Excludes:
                                - wip/*
                              Includes:
                                - main
                            FilePaths:
                              Includes:
                                - src/**
                        SourceActionName: Checkout
                      ProviderType: CodeStarSourceConnection
                  Variables:
                    - DefaultValue: dev
                      Description: Target environment
                      Name: Environment

            """#)
    }

    @Test func deployApplication() {
        expectText(
            yaml(Samples.deployApplication),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodeDeploy::Application
                Properties:
                  ApplicationName: pipegen-app
                  ComputePlatform: ECS
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }

    @Test func deploymentGroup() {
        expectText(
            yaml(Samples.deploymentGroup),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodeDeploy::DeploymentGroup
                Properties:
                  AlarmConfiguration:
                    Alarms:
                      - Name: app-5xx
                    Enabled: true
                  ApplicationName:
                    Ref: DeployApplication
                  AutoRollbackConfiguration:
                    Enabled: true
                    Events:
                      - DEPLOYMENT_FAILURE
                      - DEPLOYMENT_STOP_ON_ALARM
                  BlueGreenDeploymentConfiguration:
                    DeploymentReadyOption:
                      ActionOnTimeout: CONTINUE_DEPLOYMENT
                      WaitTimeInMinutes: 0
                    TerminateBlueInstancesOnDeploymentSuccess:
                      Action: TERMINATE
                      TerminationWaitTimeInMinutes: 5
                  DeploymentConfigName: CodeDeployDefault.ECSAllAtOnce
                  DeploymentGroupName: pipegen-app-dev
                  DeploymentStyle:
                    DeploymentOption: WITH_TRAFFIC_CONTROL
                    DeploymentType: BLUE_GREEN
                  ECSServices:
                    - ClusterName: app-cluster
                      ServiceName: app
                  LoadBalancerInfo:
                    TargetGroupPairInfoList:
                      - ProdTrafficRoute:
                          ListenerArns:
                            - Fn::ImportValue: app-prod-listener
                        TargetGroups:
                          - Name: app-blue
                          - Name: app-green
                        TestTrafficRoute:
                          ListenerArns:
                            - Fn::ImportValue: app-test-listener
                  ServiceRoleArn:
                    Fn::GetAtt:
                      - PipelineRole
                      - Arn
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }
}
