import CloudFormation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The image build gives a buildspec from the repository what the usual CodeBuild and ECR
/// samples read, so that one written for them (seed 004's, CodeBuild's "Publish Docker image
/// to Amazon ECR" sample) logs in to the right registry and pushes to the right repository.
@Suite struct ImageBuildTests {
    /// Seed 004's buildspec, as its article gives it, and the docker sample's commands.
    static let conventionalBuildspec = """
        version: 0.2
        phases:
          pre_build:
            commands:
              - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)
              - ECR_IDENTIFIER="$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com"
              - IMAGE_REGISTRY_PATH="$ECR_IDENTIFIER/$IMAGE_REPO_NAME"
              - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $ECR_IDENTIFIER
          build:
            commands:
              - docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG .
              - docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $REPOSITORY_URI:$IMAGE_TAG
              - docker push $REPOSITORY_URI:$IMAGE_TAG
              - printf '{"ImageURI":"%s"}' $REPOSITORY_URI:$IMAGE_TAG > imageDetail.json
        artifacts:
          files: [imageDetail.json]
        """

    /// Variables CodeBuild sets in every build.
    /// https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html
    static let codeBuildVariables: Set<String> = [
        "AWS_DEFAULT_REGION", "AWS_REGION", "CODEBUILD_BUILD_ID", "CODEBUILD_BUILD_NUMBER", "CODEBUILD_RESOLVED_SOURCE_VERSION",
        "CODEBUILD_SRC_DIR",
    ]

    /// `$NAME` references of a script, minus the ones the script assigns itself.
    static func readVariables(_ script: String) -> Set<String> {
        var read: Set<String> = [], assigned: Set<String> = []
        let scalars = Array(script.unicodeScalars)
        var i = 0
        func isName(_ c: Unicode.Scalar) -> Bool { c == "_" || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        while i < scalars.count {
            if scalars[i] == "$", i + 1 < scalars.count, isName(scalars[i + 1]) {
                var j = i + 1
                while j < scalars.count, isName(scalars[j]) { j += 1 }
                read.insert(String(String.UnicodeScalarView(scalars[(i + 1)..<j])))
                i = j
            } else if isName(scalars[i]), i == 0 || scalars[i - 1] == " " {
                var j = i
                while j < scalars.count, isName(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == "=" { assigned.insert(String(String.UnicodeScalarView(scalars[i..<j]))) }
                i = j
            } else {
                i += 1
            }
        }
        return read.subtracting(assigned)
    }

    @Test func aConventionalBuildspecFindsEveryVariableItReads() throws {
        let config = try InsightFixtures.config(
            """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments: [{name: dev, account: "222222222222"}]
            pipelines:
              container-build: {buildspec: buildspec.yml}

            """)
        let tooling = StackSet.build(config).stacks[0].template
        let project = try #require(tooling.resources(of: CodeBuild.Project.self).first { $0.id.hasPrefix("ImageBuild") }?.model)
        let set = Set(project.environment.environmentVariables.map(\.name))
        let missing = Self.readVariables(Self.conventionalBuildspec).subtracting(set).subtracting(Self.codeBuildVariables)
        #expect(missing == [], "the image build does not set \(missing.sorted())")
        #expect(set.isSuperset(of: ["AWS_ACCOUNT_ID", "IMAGE_REPO_NAME", "IMAGE_TAG", "REPOSITORY_URI"]))
    }
}
