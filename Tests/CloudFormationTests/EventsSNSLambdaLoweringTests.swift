import CloudFormation
import Testing

/// EventBridge, SNS and Lambda models lower to the reference's property names and nesting.
@Suite struct EventsSNSLambdaLoweringTests {
    @Test func rule() {
        expectText(
            yaml(Samples.rule),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::Events::Rule
                Properties:
                  Description: Start the deployment when an image is pushed
                  EventPattern:
                    source:
                      - aws.ecr
                    detail-type:
                      - ECR Image Action
                    detail:
                      action-type:
                        - PUSH
                      result:
                        - SUCCESS
                      repository-name:
                        - Ref: Repository
                  Name: pipegen-on-image-push
                  State: ENABLED
                  Tags:
                    - Key: project
                      Value: pipegen
                  Targets:
                    - Arn:
                        Fn::Sub: arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}
                      Id: pipeline
                      InputTransformer:
                        InputPathsMap:
                          tag: $.detail.image-tag
                        InputTemplate: '{"tag": <tag>}'
                      RetryPolicy:
                        MaximumEventAgeInSeconds: 3600
                        MaximumRetryAttempts: 3
                      RoleArn:
                        Fn::GetAtt:
                          - PipelineRole
                          - Arn

            """#)
    }

    @Test func topic() {
        expectText(
            yaml(Samples.topic),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: pipegen
                  KmsMasterKeyId:
                    Ref: ArtifactKey
                  Subscription:
                    - Endpoint: team@example.com
                      Protocol: email
                  Tags:
                    - Key: project
                      Value: pipegen
                  TopicName: pipegen-notifications

            """#)
    }

    @Test func topicPolicy() {
        expectText(
            yaml(Samples.topicPolicy),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: EventsPublish
                        Effect: Allow
                        Principal:
                          Service: events.amazonaws.com
                        Action: sns:Publish
                        Resource:
                          Ref: Notifications
                  Topics:
                    - Ref: Notifications

            """#)
    }

    @Test func subscription() {
        expectText(
            yaml(Samples.subscription),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::SNS::Subscription
                Properties:
                  Endpoint:
                    Fn::GetAtt:
                      - Updater
                      - Arn
                  FilterPolicy:
                    stage:
                      - Dev
                  FilterPolicyScope: MessageBody
                  Protocol: lambda
                  RawMessageDelivery: false
                  TopicArn:
                    Ref: Notifications

            """#)
    }

    @Test func function() {
        expectText(
            yaml(Samples.function),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::Lambda::Function
                Properties:
                  Architectures:
                    - arm64
                  Code:
                    ZipFile: |
                      def handler(event, context):
                          return event
                  Description: Updates function code
                  Environment:
                    Variables:
                      BUCKET:
                        Ref: ArtifactBucket
                      STAGE: dev
                  FunctionName: pipegen-updater
                  Handler: index.handler
                  KmsKeyArn:
                    Fn::GetAtt:
                      - ArtifactKey
                      - Arn
                  LoggingConfig:
                    ApplicationLogLevel: INFO
                    LogFormat: JSON
                    LogGroup:
                      Ref: BuildLogs
                  MemorySize: 256
                  ReservedConcurrentExecutions: 2
                  Role:
                    Fn::GetAtt:
                      - PipelineRole
                      - Arn
                  Runtime: python3.13
                  Tags:
                    - Key: project
                      Value: pipegen
                  Timeout: 60
                  TracingConfig:
                    Mode: Active

            """#)
    }

    @Test func permission() {
        expectText(
            yaml(Samples.permission),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName:
                    Ref: Updater
                  Principal: sns.amazonaws.com
                  SourceAccount:
                    Ref: AWS::AccountId
                  SourceArn:
                    Ref: Notifications

            """#)
    }
}
