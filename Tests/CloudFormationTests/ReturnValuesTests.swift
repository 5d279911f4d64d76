import CloudFormation
import Testing

/// Each resource type's `Ref` and ARN, as its "Return values" reference documents them, for a
/// resource named (or identified) `x` in account 111111111111 and Region eu-west-1.
@Suite struct ReturnValuesTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let type: any ResourceModel.Type
        let ref: RefValue
        let arn: String?
        var testDescription: String { type.typeName }
    }

    static let rows: [Row] = [
        Row(type: IAM.Role.self, ref: .physicalName, arn: "arn:aws:iam::111111111111:role/x"),
        Row(type: CodePipeline.Pipeline.self, ref: .physicalName, arn: nil),
        Row(type: S3.Bucket.self, ref: .physicalName, arn: "arn:aws:s3:::x"),
        Row(
            type: CodeBuild.Project.self, ref: .physicalName, arn: "arn:aws:codebuild:eu-west-1:111111111111:project/x"),
        Row(type: ECR.Repository.self, ref: .physicalName, arn: "arn:aws:ecr:eu-west-1:111111111111:repository/x"),
        Row(type: Logs.LogGroup.self, ref: .physicalName, arn: "arn:aws:logs:eu-west-1:111111111111:log-group:x:*"),
        Row(type: CodeDeploy.Application.self, ref: .physicalName, arn: nil),
        Row(type: SNS.Topic.self, ref: .arn, arn: "arn:aws:sns:eu-west-1:111111111111:x"),
        Row(type: Lambda.Function.self, ref: .physicalName, arn: "arn:aws:lambda:eu-west-1:111111111111:function:x"),
        Row(type: Events.Rule.self, ref: .physicalName, arn: "arn:aws:events:eu-west-1:111111111111:rule/x"),
        Row(type: KMS.Key.self, ref: .generatedId, arn: "arn:aws:kms:eu-west-1:111111111111:key/x"),
        Row(type: KMS.ReplicaKey.self, ref: .generatedId, arn: "arn:aws:kms:eu-west-1:111111111111:key/x"),
        Row(type: CodeCommit.Repository.self, ref: .generatedId, arn: "arn:aws:codecommit:eu-west-1:111111111111:x"),
        Row(
            type: CodeStarConnections.Connection.self, ref: .arn,
            arn: "arn:aws:codestar-connections:eu-west-1:111111111111:connection/x"),
        Row(type: IAM.ManagedPolicy.self, ref: .arn, arn: "arn:aws:iam::111111111111:policy/x"),
        Row(type: IAM.Group.self, ref: .physicalName, arn: "arn:aws:iam::111111111111:group/x"),
    ]

    @Test(arguments: rows)
    func refAndArn(_ row: Row) {
        let facts = row.type.returnValues
        #expect(facts.ref == row.ref)
        #expect(
            facts.arn?.arn(partition: "aws", region: "eu-west-1", account: "111111111111", resource: "x") == row.arn)
    }

    static let trust = IAM.PolicyDocument([
        .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
    ])

    /// The property each type is named by, as its model holds it.
    static let named: [(model: any ResourceModel, name: Value?)] = [
        (IAM.Role(roleName: "x", trust: trust), "x"),
        (CodePipeline.Pipeline(name: "x", roleArn: "arn", stages: []), "x"),
        (S3.Bucket(bucketName: "x"), "x"),
        (ECR.Repository(repositoryName: "x"), "x"),
        (Logs.LogGroup(logGroupName: "x"), "x"),
        (CodeDeploy.Application(applicationName: "x"), "x"),
        (SNS.Topic(topicName: .sub("${AWS::StackName}-x")), .sub("${AWS::StackName}-x")),
        (Events.Rule(name: "x", targets: []), "x"),
        (CodeCommit.Repository(repositoryName: "x"), "x"),
        (
            {
                var p = CodeBuild.Project(
                    serviceRole: "arn", artifacts: .noArtifacts, source: .init(type: .noSource, buildSpec: "b"),
                    environment: .init(image: "aws/codebuild/standard:7.0"))
                p.name = "x"
                return p
            }(), "x"
        ),
        (
            {
                var f = Lambda.Function(runtime: nil, handler: nil, role: "arn", code: .inline("c"))
                f.functionName = "x"
                return f
            }(), "x"
        ),
        (SNS.Topic(), nil),
        (KMS.Key(keyPolicy: nil), nil),
        (IAM.ManagedPolicy(managedPolicyName: "x", policyDocument: trust), "x"),
        (IAM.Group(groupName: "x"), "x"),
    ]

    @Test(arguments: named.indices)
    func physicalName(_ index: Int) {
        let (model, name) = Self.named[index]
        #expect(model.physicalName == name, "\(type(of: model).typeName)")
    }

    /// Types pipegen does not resolve describe nothing, and need no code to say so.
    @Test func undescribedTypesAreUnknown() {
        #expect(SNS.TopicPolicy.returnValues == .unknown)
        #expect(SNS.TopicPolicy(topics: ["t"], policyDocument: Self.trust).physicalName == nil)
    }

    @Test func theScopeDecidesWhichOfRegionAndAccountAppear() {
        func arn(_ format: ArnFormat, _ resource: String) -> String {
            format.arn(partition: "aws-cn", region: "cn-north-1", account: "222222222222", resource: resource)
        }
        #expect(arn(ArnFormat("sqs"), "q") == "arn:aws-cn:sqs:cn-north-1:222222222222:q")
        #expect(arn(ArnFormat("iam", .global, prefix: "user/"), "u") == "arn:aws-cn:iam::222222222222:user/u")
        #expect(arn(ArnFormat("s3", .partition), "b") == "arn:aws-cn:s3:::b")
    }
}
