import CloudFormation
import Testing
import YAMLKit

/// A model built with only its required values lowers to only the required properties:
/// nil optionals and empty lists and maps are left out.
@Suite struct OmissionTests {
    static let trust = IAM.PolicyDocument([
        .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
    ])

    static let minimal: [(model: any ResourceModel, keys: [String])] = [
        (IAM.Role(trust: trust), ["AssumeRolePolicyDocument"]),
        (IAM.ManagedPolicy(policyDocument: trust), ["PolicyDocument"]),
        (KMS.Key(keyPolicy: nil), []),
        (KMS.Alias(aliasName: "alias/a", targetKeyId: .ref("Key")), ["AliasName", "TargetKeyId"]),
        (KMS.ReplicaKey(primaryKeyArn: "arn", keyPolicy: trust), ["KeyPolicy", "PrimaryKeyArn"]),
        (S3.Bucket(), []),
        (S3.BucketPolicy(bucket: "b", policyDocument: trust), ["Bucket", "PolicyDocument"]),
        (ECR.Repository(), []),
        (ECR.ReplicationConfiguration(rules: []), ["ReplicationConfiguration"]),
        (CodeCommit.Repository(repositoryName: "r"), ["RepositoryName"]),
        (
            CodeBuild.Project(
                serviceRole: "arn", artifacts: .noArtifacts, source: .init(type: .noSource, buildSpec: "x"),
                environment: .init(image: "aws/codebuild/standard:7.0")),
            ["Artifacts", "Environment", "ServiceRole", "Source"]
        ),
        (Logs.LogGroup(), []),
        (
            CodePipeline.Pipeline(roleArn: "arn", stages: []),
            ["RoleArn"]
        ),
        (CodeDeploy.Application(), []),
        (CodeDeploy.DeploymentGroup(applicationName: "a", serviceRoleArn: "arn"), ["ApplicationName", "ServiceRoleArn"]),
        (CodeStarConnections.Connection(connectionName: "c"), ["ConnectionName"]),
        (Events.Rule(targets: []), []),
        (SNS.Topic(), []),
        (SNS.TopicPolicy(topics: ["t"], policyDocument: trust), ["PolicyDocument", "Topics"]),
        (SNS.Subscription(topicArn: "t", protocol: .sqs), ["Protocol", "TopicArn"]),
        (
            Lambda.Function(runtime: nil, handler: nil, role: "arn", code: .inline("x")),
            ["Code", "Role"]
        ),
        (Lambda.Permission(functionName: "f", principal: "events.amazonaws.com"), ["Action", "FunctionName", "Principal"]),
    ]

    @Test(arguments: minimal.indices)
    func onlyRequiredPropertiesAppear(index: Int) {
        let (model, keys) = Self.minimal[index]
        #expect(model.properties.map(\.name) == keys, "\(type(of: model).typeName)")
    }

    @Test func resourceWithoutPropertiesHasNoPropertiesKey() {
        #expect(yaml(S3.Bucket()) == "AWSTemplateFormatVersion: '2010-09-09'\nDescription: test\nResources:\n  Resource:\n    Type: AWS::S3::Bucket\n")
    }

    @Test func emptyNestedListsAndMapsAreLeftOut() {
        let action = CodePipeline.Pipeline.ActionDeclaration(name: "A", configuration: CodePipeline.Action.Manual())
        #expect(action.properties.map(\.name) == ["ActionTypeId", "Name"])
        let env = Lambda.Function.Environment([])
        #expect(env.properties.isEmpty)
        let transformer = Events.Rule.InputTransformer(inputTemplate: "x")
        #expect(transformer.properties.map(\.name) == ["InputTemplate"])
    }

    @Test func everyModelHasItsAWSTypeName() {
        let names = Self.minimal.map { type(of: $0.model).typeName }
        #expect(names.allSatisfy { $0.hasPrefix("AWS::") && $0.split(separator: ":").count == 3 })
        #expect(Set(names).count == names.count)
    }
}
