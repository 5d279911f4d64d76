import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The ECR repository of `region`: encrypted with the artifact key, scanned on push, old
    /// images expired, and pullable by the environment accounts container-deployment deploys
    /// to in `region` (each region's tasks pull from their own region's repository; their ECS
    /// task execution roles are not pipegen's to name, so the grant is to the account). In a
    /// multi-region setup the same repository exists in every further region
    /// (`tooling-<region>`), filled by registry replication.
    func registry(keyArn: Value, region: String) -> ECR.Repository {
        var repo = ECR.Repository()
        repo.repositoryName = .string(names.registryName)
        repo.encryptionConfiguration = ECR.Repository.EncryptionConfiguration(.kms, kmsKey: keyArn)
        repo.imageScanningConfiguration = ECR.Repository.ImageScanningConfiguration(scanOnPush: config.registry.scanOnPush)
        repo.lifecyclePolicy = ECR.Repository.LifecyclePolicy(.keepLast(config.registry.keepImages))
        // With a replica in each environment account, the environments pull their own.
        let pullers = model.environmentAccounts(in: region)
        if !pullers.isEmpty, declarations.contains(where: \.deploysImages), config.registry.pullFrom.value == .tooling {
            repo.repositoryPolicyText = IAM.PolicyDocument([
                IAM.Statement(
                    sid: "EnvironmentAccountsPull", principal: .aws(pullers.map(names.accountRoot)),
                    actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"])
            ])
        }
        return repo
    }

    func addRegistry(to t: inout Template) {
        t.add(ID.registry, Resource.retained(registry(keyArn: homeKeyArn, region: topology.homeRegion)).skipping(.mutableImageTags))
        let images = self.images
        guard !images.hosts.isEmpty else { return }
        // One build pushes once; ECR copies each image to the other registries' repositories.
        t.add(ID.registryReplication, Resource(ECR.ReplicationConfiguration(rules: images.rules(repository: names.registryName))))
    }

    /// The pipelines that are on, with their sources.
    var sources: [(PipelineKind, Source)] { config.pipelines.all.map { ($0.kind, $0.source) } }

    /// One CodeCommit repository per repository name the CodeCommit sources use, kept when
    /// the stack goes. Pipelines that build different branches of one repository share it:
    /// it is created once, under the first such pipeline's logical id.
    func addSourceRepositories(to t: inout Template) {
        for (kind, source) in sources where source.isCodeCommit && repositoryOwner(kind) == kind {
            let users = sources.filter { $0.1.isCodeCommit && repositoryOwner($0.0) == kind }.map { names.pipeline($0.0) }
            var repo = CodeCommit.Repository(repositoryName: .string(source.repository.value))
            repo.repositoryDescription =
                users.count == 1 ? "Source of the \(users[0]) pipeline" : "Source of the \(users.joined(separator: " and ")) pipelines"
            t.add(ID.repository(kind), .retained(repo))
        }
        for provider in createdConnections {
            var connection = CodeStarConnections.Connection(connectionName: .string(names.connection(provider.rawValue)))
            connection.providerType = provider.connectionProviderType.flatMap { CodeStarConnections.Connection.ProviderType(rawValue: $0) }
            t.add(ID.connection(provider), Resource(connection))
            t.addOutput(
                ID.connection(provider) + "Arn",
                Output(.ref(ID.connection(provider)), description: "Activate this connection once in the console (Developer Tools > Settings > Connections)"))
        }
    }

    /// Providers whose connection the tooling template creates (sources without an ARN).
    var createdConnections: [SourceProvider] {
        uniqued(sources.map(\.1).filter { !$0.isCodeCommit && $0.connection == nil }.map(\.provider.value))
    }

    func connectionArn(_ connection: ConnectionRef) -> Value {
        switch connection {
        case .arn(let arn): return .string(arn)
        case .created(let provider): return .ref(ID.connection(provider))
        }
    }

    /// The pipeline under whose logical id the CodeCommit repository of `kind`'s source is
    /// created: the first pipeline with a CodeCommit source of that name.
    func repositoryOwner(_ kind: PipelineKind) -> PipelineKind {
        guard let name = sources.first(where: { $0.0 == kind })?.1.repository.value else { return kind }
        return sources.first { $0.1.isCodeCommit && $0.1.repository.value == name }?.0 ?? kind
    }

    func repositoryArn(_ kind: PipelineKind) -> Value { .getAtt(ID.repository(repositoryOwner(kind)), "Arn") }
}
