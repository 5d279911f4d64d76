// Caseless enums that namespace the resource models by AWS service, as in `IAM.Role`.

/// AWS Identity and Access Management.
public enum IAM {}
/// AWS Key Management Service.
public enum KMS {}
/// Amazon Simple Storage Service.
public enum S3 {}
/// Amazon Elastic Container Registry.
public enum ECR {}
/// AWS CodeCommit.
public enum CodeCommit {}
/// AWS CodeBuild.
public enum CodeBuild {}
/// AWS CodePipeline.
public enum CodePipeline {}
/// AWS CodeDeploy.
public enum CodeDeploy {}
/// AWS CodeStar Connections (CodeConnections).
public enum CodeStarConnections {}
/// Amazon EventBridge (`AWS::Events::*`).
public enum Events {}
/// Amazon CloudWatch Logs.
public enum Logs {}
/// Amazon Simple Notification Service.
public enum SNS {}
/// AWS Lambda.
public enum Lambda {}
