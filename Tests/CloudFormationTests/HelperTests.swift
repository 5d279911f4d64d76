import CloudFormation
import Foundation
import Testing

/// The typed helpers around models: ECR lifecycle policy text, log retention, open enums.
@Suite struct HelperTests {
    @Test func keepLastImagesPolicyText() throws {
        let text = ECR.LifecyclePolicyText.keepLast(10).text
        expectText(
            text + "\n",
            """
            {
              "rules": [
                {
                  "rulePriority": 1,
                  "description": "Keep the last 10 images",
                  "selection": {
                    "tagStatus": "any",
                    "countType": "imageCountMoreThan",
                    "countNumber": 10
                  },
                  "action": {
                    "type": "expire"
                  }
                }
              ]
            }

            """)
        // ECR requires at least 100 characters.
        #expect(text.count >= 100)
    }

    @Test func rulesAreSortedByPriorityAndParseAsJSON() throws {
        let policy = ECR.LifecyclePolicyText([
            .init(priority: 2, tagStatus: .tagged, tagPrefixes: ["release-"], count: .imageCountMoreThan(50)),
            ECR.LifecyclePolicyText.expireUntagged(afterDays: 7),
        ])
        let object = try JSONSerialization.jsonObject(with: Data(policy.text.utf8)) as? [String: Any]
        let rules = try #require(object?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rulePriority"] as? Int } == [1, 2])
        let first = try #require(rules[0]["selection"] as? [String: Any])
        #expect(first["tagStatus"] as? String == "untagged")
        #expect(first["countType"] as? String == "sinceImagePushed")
        #expect(first["countUnit"] as? String == "days")
        #expect(first["countNumber"] as? Int == 7)
        let second = try #require(rules[1]["selection"] as? [String: Any])
        #expect(second["tagPrefixList"] as? [String] == ["release-"])
        #expect(policy.text == policy.text, "deterministic")
    }

    @Test func lifecycleRulesECRWouldReject() {
        typealias L = ECR.LifecyclePolicyText
        #expect(L.keepLast(3).problems() == [])
        #expect(L([L.expireUntagged(afterDays: 7), .init(priority: 2, tagStatus: .any, count: .imageCountMoreThan(9))]).problems() == [])
        #expect(
            L([
                .init(priority: 1, tagStatus: .any, count: .imageCountMoreThan(9)),
                .init(priority: 2, tagStatus: .tagged, count: .imageCountMoreThan(9)),
                .init(priority: 2, tagStatus: .untagged, tagPatterns: ["v*"], count: .sinceImagePushed(days: 1)),
            ]).problems() == [
                "lifecycle rule priority 2 is used twice",
                "lifecycle rule 1 selects any image, so it must have the highest priority",
                "lifecycle rule 2 selects tagged images but lists no tag prefixes or patterns",
                "lifecycle rule 2 lists tags but does not select tagged images",
            ])
    }

    @Test func lifecyclePolicyPropertyHoldsTheText() {
        let policy = ECR.Repository.LifecyclePolicy(.keepLast(5), registryId: .ref(.accountId))
        #expect(policy.properties.map(\.name) == ["LifecyclePolicyText", "RegistryId"])
        #expect(policy.lifecyclePolicyText == ECR.LifecyclePolicyText.keepLast(5).text)
    }

    @Test(arguments: Logs.LogGroup.allowedRetentionDays)
    func allowedRetentions(_ days: Int) {
        #expect(Logs.LogGroup.isAllowedRetention(days))
        #expect(Logs.LogGroup.retention(atLeast: days) == days)
    }

    @Test(arguments: [0, 2, 4, 29, 31, 364, 366, 3654, -1])
    func disallowedRetentions(_ days: Int) {
        #expect(!Logs.LogGroup.isAllowedRetention(days))
    }

    @Test func retentionRoundsUp() {
        #expect(Logs.LogGroup.retention(atLeast: 0) == 1)
        #expect(Logs.LogGroup.retention(atLeast: 29) == 30)
        #expect(Logs.LogGroup.retention(atLeast: 366) == 400)
        #expect(Logs.LogGroup.retention(atLeast: 3654) == nil)
        #expect(Logs.LogGroup.allowedRetentionDays == Logs.LogGroup.allowedRetentionDays.sorted())
    }

    @Test func openEnumsAcceptNewValues() {
        let env = CodeBuild.Project.Environment(
            type: "ARM_EC2", computeType: "BUILD_GENERAL1_XLARGE", image: "aws/codebuild/standard:7.0")
        #expect(env.properties.first { $0.name == "ComputeType" }?.value == "BUILD_GENERAL1_XLARGE")
        #expect(env.properties.first { $0.name == "Type" }?.value == "ARM_EC2")
        let runtime: Lambda.Function.Runtime = "nodejs24.x"
        #expect(runtime.cfnValue == "nodejs24.x")
        #expect(KMS.Key.KeySpec.symmetricDefault.rawValue == "SYMMETRIC_DEFAULT")
    }

    @Test func bucketConveniences() {
        #expect(
            S3.Bucket.BucketEncryption.kms("arn:aws:kms:eu-west-1:111111111111:key/k").cfnValue
                == [
                    "ServerSideEncryptionConfiguration": [
                        [
                            "BucketKeyEnabled": true,
                            "ServerSideEncryptionByDefault": [
                                "KMSMasterKeyID": "arn:aws:kms:eu-west-1:111111111111:key/k", "SSEAlgorithm": "aws:kms",
                            ],
                        ]
                    ]
                ])
        #expect(
            S3.Bucket.PublicAccessBlockConfiguration.blockAll.properties.map(\.value) == [true, true, true, true])
    }
}
