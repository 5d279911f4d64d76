/// A resource type whose reference documents a `Tags` property, so project-wide tags can be
/// set on every resource that takes them without knowing its type. Each type lowers `tags` as
/// its own reference says: every type pipegen creates takes a list of `Key`/`Value` pairs (a
/// type whose reference takes a map, such as `AWS::SSM::Parameter`'s, would write
/// `[Field(key, value)]` in its own `properties`). Types without a `Tags` property
/// (`AWS::IAM::ManagedPolicy`, `AWS::IAM::Group`, `AWS::KMS::Alias`, the policies and
/// permissions) do not conform.
/// [Resource tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html)
public protocol TaggableResource: ResourceModel {
    var tags: [Tag] { get set }
}

extension CodeBuild.Project: TaggableResource {}
extension CodeCommit.Repository: TaggableResource {}
extension CodeDeploy.Application: TaggableResource {}
extension CodeDeploy.DeploymentGroup: TaggableResource {}
extension CodePipeline.Pipeline: TaggableResource {}
extension CodeStarConnections.Connection: TaggableResource {}
extension ECR.Repository: TaggableResource {}
extension Events.Rule: TaggableResource {}
extension IAM.Role: TaggableResource {}
extension KMS.Key: TaggableResource {}
extension KMS.ReplicaKey: TaggableResource {}
extension Lambda.Function: TaggableResource {}
extension Logs.LogGroup: TaggableResource {}
extension S3.Bucket: TaggableResource {}
extension SNS.Topic: TaggableResource {}

extension Resource {
    /// The resource with `model` in place of its own, its attributes (condition, dependencies,
    /// deletion policies, metadata) kept: how a pass over finished templates changes a
    /// property, since `properties` are lowered from the model when the resource is made.
    public func with(model: any ResourceModel) -> Resource {
        Resource(
            model, condition: condition, dependsOn: dependsOn, deletionPolicy: deletionPolicy,
            updateReplacePolicy: updateReplacePolicy, metadata: metadata)
    }
}
