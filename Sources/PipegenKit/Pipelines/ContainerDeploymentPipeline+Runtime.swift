import CloudFormation

/// What container-deployment's image-locate build calls at run time, beyond what every
/// build does (docs/RUNTIME.md): `ecr:DescribeImages` on the repository's replica in the
/// account (`TARGET_ACCOUNT`, else the tooling account) and region (`TARGET_REGION`) its
/// variables name, until the image has been replicated there; and the replication it waits
/// for, which ECR makes as its service-linked role of the tooling account: the tooling
/// registry's replication configuration must copy the repository there, and in another account
/// that registry's policy must let the tooling account replicate into it.
/// (The deploy actions' calls are those of the CodeDeployToECS action kind, in
/// `RuntimeCalls+Pipelines.swift`.)
/// [Service-linked role for replication](https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-replication.html),
/// [Cross-account replication policy requirements](https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html)
extension ContainerDeploymentPipeline {
    func runtimeCalls(of build: BuildRun, _ scene: RuntimeScene) -> [RuntimeCall] {
        guard build.kind == .imageLocate, let region = build.variable("TARGET_REGION") else { return [] }
        let account = build.variable("TARGET_ACCOUNT") ?? scene.toolingAccount
        let name = scene.registryName ?? ""
        let repository = "arn:aws:ecr:\(region):\(account):repository/\(name)"
        // Within its own registry ECR needs no policy to replicate: the replica must exist.
        var replicate = RuntimeCall(
            action: "ecr:ReplicateImage",
            caller: .external(account: scene.toolingAccount, what: "ECR's replication (service-linked role AWSServiceRoleForECRReplication)"),
            account: account, region: region, resource: repository,
            policy: account == scene.toolingAccount ? .repository : .registry, cause: build.cause, origin: build.origin)
        if !scene.replicates(name, to: account, region: region) {
            replicate.missing = "the tooling registry's replication configuration does not copy '\(name)' to account \(account) in \(region)"
        }
        return [
            build.call("ecr:DescribeImages", on: repository, policy: .repository, account: account, region: region, scene),
            replicate,
        ]
    }
}
