import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The ECR repository: encrypted with the artifact key, scanned on push, old images
    /// expired, and pullable by every environment account (whose ECS task execution roles are
    /// not pipegen's to name, so the grant is to the account).
    func addRegistry(to t: inout Template) {
        var repo = ECR.Repository()
        repo.repositoryName = .string(names.registryName)
        repo.encryptionConfiguration = ECR.Repository.EncryptionConfiguration(.kms, kmsKey: .getAtt(ID.key, "Arn"))
        repo.imageScanningConfiguration = ECR.Repository.ImageScanningConfiguration(scanOnPush: config.registry.scanOnPush)
        repo.lifecyclePolicy = ECR.Repository.LifecyclePolicy(.keepLast(config.registry.keepImages))
        if !model.environmentAccounts.isEmpty, config.pipelines.containerDeployment != nil {
            repo.repositoryPolicyText = IAM.PolicyDocument([
                IAM.Statement(
                    sid: "EnvironmentAccountsPull", principal: .aws(model.environmentAccounts.map(names.accountRoot)),
                    actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])
            ])
        }
        t.add(ID.registry, .retained(repo))
    }

    /// The pipelines that are on, with their sources.
    var sources: [(PipelineKind, Source)] {
        var out: [(PipelineKind, Source)] = []
        if let p = config.pipelines.containerBuild { out.append((.containerBuild, p.source)) }
        if let p = config.pipelines.infrastructure { out.append((.infrastructure, p.source)) }
        if let p = config.pipelines.containerDeployment { out.append((.containerDeployment, p.source)) }
        return out
    }

    /// One CodeCommit repository per pipeline, kept when the stack goes.
    func addSourceRepositories(to t: inout Template) {
        for (kind, source) in sources {
            var repo = CodeCommit.Repository(repositoryName: .string(source.repository.value))
            repo.repositoryDescription = "Source of the \(names.pipeline(kind)) pipeline"
            t.add(ID.repository(kind), .retained(repo))
        }
    }

    func repositoryArn(_ kind: PipelineKind) -> Value { .getAtt(ID.repository(kind), "Arn") }
}
