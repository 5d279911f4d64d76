import CloudFormation
import Testing

/// CodeCommit, CodeStar Connections, CodeBuild and Logs models lower to the reference's property names and nesting.
@Suite struct SourceAndBuildLoweringTests {
    @Test func codeCommit() {
        expectText(
            yaml(Samples.codeCommit),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodeCommit::Repository
                Properties:
                  KmsKeyId:
                    Fn::GetAtt:
                      - ArtifactKey
                      - Arn
                  RepositoryDescription: Infrastructure templates
                  RepositoryName: infrastructure
                  Tags:
                    - Key: project
                      Value: pipegen
                  Triggers:
                    - Branches:
                        - main
                      DestinationArn:
                        Ref: Notifications
                      Events:
                        - updateReference
                      Name: notify

            """#)
    }

    @Test func connection() {
        expectText(
            yaml(Samples.connection),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodeStarConnections::Connection
                Properties:
                  ConnectionName: pipegen-github
                  ProviderType: GitHub
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }

    @Test func project() {
        expectText(
            yaml(Samples.project),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::CodeBuild::Project
                Properties:
                  Artifacts:
                    Type: CODEPIPELINE
                  Cache:
                    Modes:
                      - LOCAL_DOCKER_LAYER_CACHE
                    Type: LOCAL
                  ConcurrentBuildLimit: 2
                  Description: Builds and pushes the image
                  EncryptionKey:
                    Fn::GetAtt:
                      - ArtifactKey
                      - Arn
                  Environment:
                    ComputeType: BUILD_GENERAL1_SMALL
                    EnvironmentVariables:
                      - Name: REPOSITORY_URI
                        Value:
                          Fn::GetAtt:
                            - Repository
                            - RepositoryUri
                      - Name: TOKEN
                        Type: PARAMETER_STORE
                        Value: /pipegen/token
                    Image: aws/codebuild/amazonlinux-x86_64-standard:5.0
                    ImagePullCredentialsType: CODEBUILD
                    PrivilegedMode: true
                    Type: LINUX_CONTAINER
                  LogsConfig:
                    CloudWatchLogs:
                      GroupName:
                        Ref: BuildLogs
                      Status: ENABLED
                      StreamName: build
                  Name: pipegen-build
                  QueuedTimeoutInMinutes: 60
                  ServiceRole:
                    Fn::GetAtt:
                      - PipelineRole
                      - Arn
                  Source:
                    BuildSpec: |
                      version: 0.2
                      phases:
                        build:
                          commands:
                            - make
                    Type: CODEPIPELINE
                  Tags:
                    - Key: project
                      Value: pipegen
                  TimeoutInMinutes: 30
                  VpcConfig:
                    SecurityGroupIds:
                      - sg-0a1b2c3d4e5f67890
                    Subnets:
                      - subnet-0a1b2c3d4e5f67890
                    VpcId: vpc-0a1b2c3d4e5f67890

            """#)
    }

    @Test func logGroup() {
        expectText(
            yaml(Samples.logGroup),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::Logs::LogGroup
                Properties:
                  KmsKeyId:
                    Fn::GetAtt:
                      - ArtifactKey
                      - Arn
                  LogGroupClass: STANDARD
                  LogGroupName: /aws/codebuild/pipegen-build
                  RetentionInDays: 30
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }
}
