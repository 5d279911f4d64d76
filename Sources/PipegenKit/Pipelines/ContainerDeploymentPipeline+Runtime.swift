import CloudFormation

/// What container-deployment's image-locate build calls at run time, beyond what every
/// build does (docs/RUNTIME.md): `ecr:DescribeImages` on the repository's replica in the
/// region its `TARGET_REGION` variable names, until the image has been replicated there.
/// (The deploy actions' calls are those of the CodeDeployToECS action kind, in
/// `RuntimeCalls+Pipelines.swift`.)
extension ContainerDeploymentPipeline {
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard build.kind == .imageLocate, let region = build.variable("TARGET_REGION") else { return [] }
        let repository = "arn:aws:ecr:\(region):\(scene.toolingAccount):repository/\(scene.registryName ?? "")"
        return [build.call("ecr:DescribeImages", on: repository, policy: .repository, region: region, scene)]
    }
}
