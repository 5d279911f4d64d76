import CloudFormation

/// What container-build's image build calls at run time, beyond what every build does
/// (docs/RUNTIME.md): `docker login` through ECR's authorization token, then `docker push`
/// of the image's layers and manifest to the repository its `REPOSITORY` variable names.
extension ContainerBuildPipeline {
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard build.kind == .imageBuild else { return [] }
        let repository =
            "arn:aws:ecr:\(scene.home):\(scene.toolingAccount):repository/\(build.variable("REPOSITORY") ?? "")"
        // ecr:GetAuthorizationToken has no resource type.
        return [
            build.call("ecr:GetAuthorizationToken", on: "*", scene),
            build.call(
                [
                    "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                    "ecr:CompleteLayerUpload", "ecr:PutImage",
                ],
                on: repository, policy: .repository, scene),
        ]
    }
}
