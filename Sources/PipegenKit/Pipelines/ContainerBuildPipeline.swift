import CloudFormation
import PipegenConfig
import YAMLKit

/// container-build: source → image build → push to the tooling account's ECR repository,
/// tagged with the commit and `latest`.
struct ContainerBuildPipeline: PipelineDeclaration {
    let settings: ContainerBuild
    var kind: PipelineKind { .containerBuild }
    var source: Source { settings.source }
    var mark: Mark? { settings.mark }
    var deploysToEnvironments: Bool { false }
    /// The generated buildspec always pushes `latest` (a buildspec of the user's may not).
    var imageTagsPushed: [String] { settings.buildspec == nil ? ["latest"] : [] }

    // MARK: Tooling account

    func builds(_ tooling: ToolingBuilder) -> [BuildDeclaration] {
        let home = tooling.topology.homeRegion
        let statements =
            Policies.readWriteArtifacts([tooling.names.artifactBucket(region: home)]) + [
                Policies.useKey([tooling.keyArn(region: home)], write: true),
                // ecr:GetAuthorizationToken has no resource type: AWS accepts only "*".
                IAM.Statement(sid: "RegistryLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"]),
                IAM.Statement(
                    sid: "PushImage",
                    actions: [
                        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                        "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
                    ],
                    resources: [.getAtt(ToolingBuilder.ID.registry, "Arn")]),
            ]
        // The generated buildspec reads the first four; a buildspec of the repository written for
        // CodeBuild's "Publish Docker image to Amazon ECR" sample (and seed 004's) reads the
        // conventional names after them.
        // https://docs.aws.amazon.com/codebuild/latest/userguide/sample-docker.html
        let variables: [(name: String, value: Value)] = [
            ("REGISTRY", .sub("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}")),
            ("REPOSITORY", .ref(ToolingBuilder.ID.registry)),
            ("DOCKERFILE", .string(settings.dockerfile)),
            ("CONTEXT", .string(settings.context)),
            ("AWS_ACCOUNT_ID", .ref(.accountId)),
            ("IMAGE_REPO_NAME", .ref(ToolingBuilder.ID.registry)),
            ("IMAGE_TAG", "latest"),
            ("REPOSITORY_URI", .getAtt(ToolingBuilder.ID.registry, "RepositoryUri")),
        ]
        return [
            BuildDeclaration(
                kind: .imageBuild, settings: tooling.config.buildSettings(settings, ContainerBuild.Builds.imageBuild),
                statements: statements, variables: variables,
                buildspec: settings.buildspec ?? Self.buildspec, privileged: true)
        ]
    }

    func stages(_ planner: StagePlanner) -> [StageSpec] {
        [
            StageSpec(name: "Source", environment: nil, actions: [planner.sourceAction(source)]),
            StageSpec(
                name: "Build", environment: nil,
                actions: [
                    planner.action(
                        "BuildImage", .build(.imageBuild, variables: []), inputs: [Artifact.source], outputs: [Artifact.imageDetail])
                ]),
        ]
    }

    // MARK: Plan

    func repositoryContents(_ steps: ManualSteps) -> String {
        let build = settings.buildspec.map { ", buildspec \($0)" } ?? ""
        return "\(settings.dockerfile) (build context \(settings.context))\(build)"
    }

    /// Builds the image, tags it `latest` and with the commit (or build number), pushes both,
    /// and writes `imageDetail.json` for the deployment pipeline. Pushes run in the build
    /// phase so that a failed build never pushes.
    static let buildspec = Buildspec(
        shell: nil,
        preBuild: [
            #"aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "$REGISTRY""#,
            #"TAG="$(printf '%s' "${CODEBUILD_RESOLVED_SOURCE_VERSION:-build-$CODEBUILD_BUILD_NUMBER}" | cut -c1-12)""#,
        ],
        build: [
            #"docker build --file "$DOCKERFILE" --tag "$REGISTRY/$REPOSITORY:$TAG" --tag "$REGISTRY/$REPOSITORY:latest" "$CONTEXT""#,
            #"docker push "$REGISTRY/$REPOSITORY:$TAG""#,
            #"docker push "$REGISTRY/$REPOSITORY:latest""#,
            #"printf '{"ImageURI":"%s"}\n' "$REGISTRY/$REPOSITORY:$TAG" > imageDetail.json"#,
        ],
        artifacts: ["imageDetail.json"]
    ).text
}

extension BuildKind {
    static let imageBuild = BuildKind(ContainerBuild.Builds.imageBuild)
}
