import CloudFormation
import Testing

@testable import PipegenKit

/// The resolver reads `Ref` and `Fn::GetAtt … Arn` from each resource type's return values:
/// names where the template gives them, `<LogicalId>` for ids assigned at creation.
@Suite struct ResolverTests {
    static let trust = IAM.PolicyDocument([
        .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
    ])

    static var resolver: Resolver {
        var t = Template(description: "test")
        t.add("Role", IAM.Role(roleName: .sub("${AWS::Region}-deploy"), trust: trust))
        t.add("Topic", SNS.Topic(topicName: "approvals"))
        t.add("Key", KMS.Key(keyPolicy: nil))
        t.add("Repo", CodeCommit.Repository(repositoryName: "app"))
        t.add("Bucket", S3.Bucket(bucketName: "artifacts"))
        t.add("Rule", Events.Rule(name: "on-push", targets: []))
        t.add("Pipeline", CodePipeline.Pipeline(name: "release", roleArn: .getAtt("Role", "Arn"), stages: []))
        t.add("Unnamed", ECR.Repository())
        t.add("Policy", SNS.TopicPolicy(topics: [.ref("Topic")], policyDocument: trust))
        return Resolver(template: t, account: "111111111111", region: "eu-west-1")
    }

    @Test(
        arguments: [
            ("Role", "eu-west-1-deploy", "arn:aws:iam::111111111111:role/eu-west-1-deploy"),
            ("Topic", "arn:aws:sns:eu-west-1:111111111111:approvals", "arn:aws:sns:eu-west-1:111111111111:approvals"),
            ("Key", "<Key>", "arn:aws:kms:eu-west-1:111111111111:key/<Key>"),
            ("Repo", "<Repo>", "arn:aws:codecommit:eu-west-1:111111111111:app"),
            ("Bucket", "artifacts", "arn:aws:s3:::artifacts"),
            ("Rule", "on-push", "arn:aws:events:eu-west-1:111111111111:rule/on-push"),
            ("Pipeline", "release", nil),
            ("Unnamed", nil, nil),
            ("Policy", nil, nil),
            ("Missing", nil, nil),
        ] as [(String, String?, String?)])
    func refAndArn(_ id: String, _ ref: String?, _ arn: String?) {
        let r = Self.resolver
        #expect(r.string(.ref(id)) == ref)
        #expect(r.string(.getAtt(id, "Arn")) == arn)
    }

    @Test func substitutionsReadTheSameFacts() {
        #expect(
            Self.resolver.string(.sub("${Topic}|${Role.Arn}|${Key}"))
                == "arn:aws:sns:eu-west-1:111111111111:approvals|arn:aws:iam::111111111111:role/eu-west-1-deploy|<Key>")
    }
}
