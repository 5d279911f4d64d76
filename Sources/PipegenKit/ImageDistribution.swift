import CloudFormation
import PipegenConfig

/// Where the container deployments pull images from, and how the images get there: the one
/// fact from which the tooling registry's replication rules, the repositories (and registry
/// policies) of the other registries, the image-locate actions and each deployment's image
/// are derived. The build pushes once, to the tooling account's repository in the home
/// region; ECR copies each image to every other registry a deployment pulls from.
/// [Private image replication](https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html)
struct ImageDistribution: Sendable {
    /// A registry (account and region) that holds a replica of the tooling repository.
    struct Host: Sendable, Hashable {
        let account: String
        let region: String
        /// The environment whose template creates the repository there (the first in route
        /// order of those in that account and region); nil for the tooling account's own
        /// further regions (`tooling-<region>`).
        let owner: String?
    }

    let source: ImageSource
    let toolingAccount: String
    let home: String
    /// Every replica, in route order: the replication destinations.
    let hosts: [Host]

    init(_ config: Config) {
        source = config.registry.pullFrom.value
        toolingAccount = config.tooling.account.value
        home = config.tooling.region.value
        guard config.declarations.contains(where: \.deploysImages) else {
            hosts = []
            return
        }
        switch source {
        case .tooling:
            hosts = Topology(config).furtherRegions.map { Host(account: config.tooling.account.value, region: $0, owner: nil) }
        case .environment:
            var out: [Host] = []
            for env in config.environments {
                for region in env.regions.map(\.value) {
                    let here = env.account.value == toolingAccount && region == home
                    if here || out.contains(where: { $0.account == env.account.value && $0.region == region }) { continue }
                    out.append(Host(account: env.account.value, region: region, owner: env.name.value))
                }
            }
            hosts = out
        }
    }

    /// The distribution when the environment accounts hold replicas (`pull-from: environment`),
    /// else nil without making it: asked once per environment and region, and making it is a
    /// pass over the route (a thousand environments made it 7 s of a refusal's CPU).
    static func inEnvironmentAccounts(_ config: Config) -> ImageDistribution? {
        config.registry.pullFrom.value == .environment ? ImageDistribution(config) : nil
    }

    /// The registry a deployment of `env` in `region` pulls from; nil for the tooling
    /// account's repository in the home region itself.
    func host(for env: Environment, region: String) -> Host? {
        let account = source == .environment ? env.account.value : toolingAccount
        return hosts.first { $0.account == account && $0.region == region }
    }

    /// The replicas the templates of `env` create in `region`.
    func hostsCreated(by env: String, region: String) -> [Host] {
        hosts.filter { $0.owner == env && $0.region == region }
    }

    /// The tooling account's own further regions that hold a replica (`tooling-<region>`).
    var toolingRegions: [String] { hosts.filter { $0.owner == nil }.map(\.region) }

    /// The replication rules of the tooling registry: every host, at most
    /// `destinationsPerRule` to a rule, each rule for the repository's name.
    func rules(repository: String) -> [ECR.ReplicationConfiguration.ReplicationRule] {
        stride(from: 0, to: hosts.count, by: Self.destinationsPerRule).map { start in
            ECR.ReplicationConfiguration.ReplicationRule(
                destinations: hosts[start..<min(start + Self.destinationsPerRule, hosts.count)].map {
                    ECR.ReplicationConfiguration.ReplicationDestination(
                        region: .string($0.region),
                        registryId: $0.account == toolingAccount ? .ref(.accountId) : .string($0.account))
                },
                repositoryFilters: [ECR.ReplicationConfiguration.RepositoryFilter(prefix: repository)])
        }
    }

    /// Destinations of one replication rule: CloudFormation's reference allows 1 to 25 (the
    /// API reference of some partitions 100: the lower bound holds in all).
    /// [ReplicationRule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationrule.html)
    static let destinationsPerRule = 25
    /// Rules of one replication configuration.
    /// [ReplicationConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-replicationconfiguration-replicationconfiguration.html)
    static let rulesPerConfiguration = 10

    /// More replicas than one replication configuration can name: an error at `pull-from`.
    func problems(_ config: Config) -> [Diagnostic] {
        let limit = Self.destinationsPerRule * Self.rulesPerConfiguration
        guard hosts.count > limit else { return [] }
        return [
            .error(
                "\(hosts.count) registries to replicate images to; one replication configuration copies to at most \(limit)",
                at: config.registry.pullFrom.mark ?? config.project.mark,
                notes: [
                    .note("with 'pull-from: environment', each account and region of the environments holds a replica"),
                    .help("split the route across several configs, or pull from the tooling account"),
                ])
        ]
    }

    /// The registry policy of a replica in another account: the tooling account's registry may
    /// replicate images into the repository pipegen creates there, and nothing else. Not
    /// `ecr:CreateRepository`: the repository exists (the environment's stack creates it, with
    /// its encryption and lifecycle), and the permission is needed only for a repository that
    /// does not.
    /// [Registry permissions for cross-account replication](https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-create-replication.html)
    func registryPolicy(repository: String, names: Names) -> IAM.PolicyDocument {
        IAM.PolicyDocument([
            IAM.Statement(
                sid: "ToolingAccountReplicates", principal: .aws([names.accountRoot(toolingAccount)]),
                actions: ["ecr:ReplicateImage"],
                resources: [.arn("ecr", region: Value.thisRegion, account: Value.thisAccount, "repository/\(repository)")])
        ])
    }
}
