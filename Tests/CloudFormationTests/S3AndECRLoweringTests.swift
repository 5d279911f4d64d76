import CloudFormation
import Testing

/// S3 and ECR models lower to the reference's property names and nesting.
@Suite struct S3AndECRLoweringTests {
    @Test func bucket() {
        expectText(
            yaml(Samples.bucket),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - BucketKeyEnabled: true
                        ServerSideEncryptionByDefault:
                          KMSMasterKeyID:
                            Fn::GetAtt:
                              - ArtifactKey
                              - Arn
                          SSEAlgorithm: aws:kms
                  BucketName:
                    Fn::Sub: pipegen-artifacts-${AWS::AccountId}-${AWS::Region}
                  LifecycleConfiguration:
                    Rules:
                      - AbortIncompleteMultipartUpload:
                          DaysAfterInitiation: 7
                        Id: expire-old-versions
                        NoncurrentVersionExpiration:
                          NewerNoncurrentVersions: 3
                          NoncurrentDays: 30
                        Prefix: artifacts/
                        Status: Enabled
                      - ExpirationInDays: 14
                        Id: expire-scratch
                        Prefix: scratch/
                        Status: Enabled
                  LoggingConfiguration:
                    LogFilePrefix: access-logs/
                  NotificationConfiguration:
                    EventBridgeConfiguration:
                      EventBridgeEnabled: true
                  OwnershipControls:
                    Rules:
                      - ObjectOwnership: BucketOwnerEnforced
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
                  Tags:
                    - Key: project
                      Value: pipegen
                  VersioningConfiguration:
                    Status: Enabled

            """#)
    }

    @Test func bucketPolicy() {
        expectText(
            yaml(Samples.bucketPolicy),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket:
                    Ref: ArtifactBucket
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: DenyInsecureTransport
                        Effect: Deny
                        Principal: '*'
                        Action: s3:*
                        Resource:
                          - Fn::GetAtt:
                              - ArtifactBucket
                              - Arn
                          - Fn::Sub: ${ArtifactBucket.Arn}/*
                        Condition:
                          Bool:
                            aws:SecureTransport: 'false'
                      - Sid: DevReadsArtifacts
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::222222222222:root
                        Action: s3:GetObject
                        Resource:
                          Fn::Sub: ${ArtifactBucket.Arn}/*

            """#)
    }

    @Test func repository() {
        expectText(
            yaml(Samples.repository),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::ECR::Repository
                Properties:
                  EmptyOnDelete: false
                  EncryptionConfiguration:
                    EncryptionType: KMS
                    KmsKey:
                      Fn::GetAtt:
                        - ArtifactKey
                        - Arn
                  ImageScanningConfiguration:
                    ScanOnPush: true
                  ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
                  ImageTagMutabilityExclusionFilters:
                    - ImageTagMutabilityExclusionFilterType: WILDCARD
                      ImageTagMutabilityExclusionFilterValue: latest
                  LifecyclePolicy:
                    LifecyclePolicyText: |-
                      {
                        "rules": [
                          {
                            "rulePriority": 1,
                            "description": "Keep the last 20 images",
                            "selection": {
                              "tagStatus": "any",
                              "countType": "imageCountMoreThan",
                              "countNumber": 20
                            },
                            "action": {
                              "type": "expire"
                            }
                          }
                        ]
                      }
                  RepositoryName: pipegen/app
                  RepositoryPolicyText:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: DevPulls
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::222222222222:root
                        Action:
                          - ecr:BatchGetImage
                          - ecr:GetDownloadUrlForLayer
                  Tags:
                    - Key: project
                      Value: pipegen

            """#)
    }

    @Test func replication() {
        expectText(
            yaml(Samples.replication),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::ECR::ReplicationConfiguration
                Properties:
                  ReplicationConfiguration:
                    Rules:
                      - Destinations:
                          - Region: eu-west-1
                            RegistryId:
                              Ref: AWS::AccountId
                        RepositoryFilters:
                          - Filter: pipegen
                            FilterType: PREFIX_MATCH

            """#)
    }

    @Test func registryPolicy() {
        expectText(
            yaml(Samples.registryPolicy),
            #"""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: test
            Resources:
              Resource:
                Type: AWS::ECR::RegistryPolicy
                Properties:
                  PolicyText:
                    Version: '2012-10-17'
                    Statement:
                      - Sid: ToolingReplicates
                        Effect: Allow
                        Principal:
                          AWS:
                            Fn::Sub: arn:${AWS::Partition}:iam::111111111111:root
                        Action: ecr:ReplicateImage
                        Resource:
                          Fn::Sub: arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/pipegen/app

            """#)
    }
}
