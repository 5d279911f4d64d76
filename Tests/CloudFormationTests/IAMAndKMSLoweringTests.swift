import CloudFormation
import Testing

/// IAM and KMS models lower to the reference's property names and nesting.
@Suite struct IAMAndKMSLoweringTests {
    @Test func pipelineRole() {
        expectText(
            yaml(Samples.pipelineRole),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: codepipeline.amazonaws.com
                        Action: sts:AssumeRole
                  Description: Runs the pipeline
                  MaxSessionDuration: 3600
                  Policies:
                    - PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action:
                              - s3:GetObject
                              - s3:PutObject
                            Resource:
                              Fn::Sub: ${ArtifactBucket.Arn}/*
                      PolicyName: artifacts
                  RoleName: pipegen-pipeline
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }

    @Test func group() {
        expectText(
            yaml(Samples.group),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: pipegen-approvers
                  ManagedPolicyArns:
                    - Fn::Sub: arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess
                  Path: /pipegen/
                  Policies:
                    - PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action: codepipeline:PutApprovalResult
                            Resource:
                              Fn::Sub: arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:p/prod/Approve
                      PolicyName: approve

            """#)
    }

    /// `NotAction` replaces `Action` when a statement names the actions it leaves out.
    @Test func notAction() {
        expectText(
            yaml(Samples.boundary),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  ManagedPolicyName: pipegen-boundary
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: AllButIAM
                        Effect: Allow
                        NotAction:
                          - iam:*
                          - organizations:*
                        Resource: '*'
                      - Sid: PassProjectRoles
                        Effect: Allow
                        Action: iam:PassRole
                        Resource:
                          Fn::Sub: arn:${AWS::Partition}:iam::${AWS::AccountId}:role/pipegen-*

            """#)
    }

    @Test func managedPolicy() {
        expectText(
            yaml(Samples.managedPolicy),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Description: Lets builds read artifacts
                  ManagedPolicyName: pipegen-build
                  Path: /pipegen/
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: ReadArtifacts
                        Effect: Allow
                        Action: s3:GetObject
                        Resource:
                          Fn::Sub: ${ArtifactBucket.Arn}/*
                        Condition:
                          Bool:
                            aws:SecureTransport: 'true'
                  Roles:
                    - Ref: PipelineRole

            """#)
    }

    @Test func key() {
        expectText(
            yaml(Samples.key),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::KMS::Key
                Properties:
                  Description: Pipeline artifacts
                  EnableKeyRotation: true
                  Enabled: true
                  KeyPolicy:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: Administer
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::${AWS::AccountId}:root
                        Action: kms:*
                        Resource: '*'
                      - Sid: UseFromDev
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::222222222222:root
                        Action:
                          - kms:Decrypt
                          - kms:DescribeKey
                        Resource: '*'
                  KeySpec: SYMMETRIC_DEFAULT
                  KeyUsage: ENCRYPT_DECRYPT
                  MultiRegion: true
                  PendingWindowInDays: 30
                  RotationPeriodInDays: 365
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }

    @Test func alias() {
        expectText(
            yaml(Samples.alias),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::KMS::Alias
                Properties:
                  AliasName: alias/pipegen/artifacts
                  TargetKeyId:
                    Ref: ArtifactKey

            """#)
    }

    @Test func replicaKey() {
        expectText(
            yaml(Samples.replicaKey),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::KMS::ReplicaKey
                Properties:
                  Description: Pipeline artifacts (replica)
                  Enabled: true
                  KeyPolicy:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: Administer
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::${AWS::AccountId}:root
                        Action: kms:*
                        Resource: '*'
                      - Sid: UseFromDev
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::222222222222:root
                        Action:
                          - kms:Decrypt
                          - kms:DescribeKey
                        Resource: '*'
                  PendingWindowInDays: 7
                  PrimaryKeyArn:
                    Fn::GetAtt:
                      - ArtifactKey
                      - Arn
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }
}
