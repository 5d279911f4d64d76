import PipegenConfig

/// Fills a `DeploymentGraph`: the tooling account first, then each environment account in
/// route order, each region in the order the config names it.
struct GraphBuilder {
    let config: Config
    let model: AccessModel
    var accounts: [(account: String, users: [String], cluster: DeploymentGraph.Cluster)] = []
    var edges: [DeploymentGraph.Edge] = []
    private var counter = 0

    init(config: Config) {
        self.config = config
        model = AccessModel(config)
    }

    var names: Names { model.names }

    private mutating func id(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    mutating func build() {
        let home = config.tooling.region.value
        var region = DeploymentGraph.Cluster(id: id("c"), label: home)
        var roleIds: [String: String] = [:]
        // Roles first, so actions can point at them; they are placed after the pipelines.
        var envClusters: [DeploymentGraph.Cluster] = []
        for env in config.environments { envClusters.append(environment(env, roleIds: &roleIds)) }
        for pipeline in Pipegen.pipelines(config) {
            var p = DeploymentGraph.Cluster(id: id("c"), label: "pipeline \(pipeline.name)")
            var previous: String?
            for stage in pipeline.stages {
                var s = DeploymentGraph.Cluster(id: id("c"), label: stage.name)
                for action in stage.actions {
                    let node = DeploymentGraph.Node(id: id("n"), lines: Self.lines(action, home: home, names: names), kind: .action)
                    s.nodes.append(node)
                    if let role = action.role, let target = roleIds[role.name] {
                        edges.append(.init(from: node.id, to: target, label: "assumes", kind: .assumes))
                    } else if let role = action.buildAssumes, let target = roleIds[role.name] {
                        edges.append(.init(from: node.id, to: target, label: "build assumes", kind: .assumes))
                    }
                }
                if let previous { edges.append(.init(from: previous, to: s.id, label: nil, kind: .flow)) }
                previous = s.id
                p.clusters.append(s)
            }
            region.clusters.append(p)
        }
        add(config.tooling.account.value, who: "tooling", region)
        for (env, cluster) in zip(config.environments, envClusters) {
            add(env.account.value, who: env.name.value, nil)
            for region in cluster.clusters { add(env.account.value, who: env.name.value, region) }
            if let i = accounts.firstIndex(where: { $0.account == env.account.value }) {
                accounts[i].cluster.nodes += cluster.nodes
            }
        }
    }

    /// Puts `region` (a cluster labelled with a region) into `account`'s cluster, merging it
    /// with the same region already there; `who` (tooling or an environment) joins the label.
    private mutating func add(_ account: String, who: String, _ region: DeploymentGraph.Cluster?) {
        if !accounts.contains(where: { $0.account == account }) {
            accounts.append((account, [], DeploymentGraph.Cluster(id: id("c"), label: "")))
        }
        let i = accounts.firstIndex { $0.account == account }!
        if !accounts[i].users.contains(who) { accounts[i].users.append(who) }
        accounts[i].cluster.label = "account \(account) (\(accounts[i].users.joined(separator: ", ")))"
        guard let region else { return }
        if let j = accounts[i].cluster.clusters.firstIndex(where: { $0.label == region.label }) {
            accounts[i].cluster.clusters[j].nodes += region.nodes
            accounts[i].cluster.clusters[j].clusters += region.clusters
        } else {
            accounts[i].cluster.clusters.append(region)
        }
    }

    /// The environment's roles (as nodes of a pseudo-cluster) and one region cluster per region
    /// holding what the roles act on.
    private mutating func environment(_ env: Environment, roleIds: inout [String: String]) -> DeploymentGraph.Cluster {
        let e = env.name.value
        var out = DeploymentGraph.Cluster(id: "", label: e)
        var regions = env.regions.map { DeploymentGraph.Cluster(id: id("c"), label: $0.value) }
        for role in model.roles(in: e) {
            let node = DeploymentGraph.Node(id: id("n"), lines: ["role \(role.name)"], kind: .role)
            roleIds[role.name] = node.id
            out.nodes.append(node)
            for (i, region) in env.regions.enumerated() {
                let target = DeploymentGraph.Node(id: id("n"), lines: targetLines(role, region: region.value), kind: .target)
                regions[i].nodes.append(target)
                edges.append(.init(from: node.id, to: target.id, label: nil, kind: .acts))
            }
        }
        out.clusters = regions.filter { !$0.nodes.isEmpty }
        return out
    }

    /// What a role acts on, as its pipeline's declaration says.
    private func targetLines(_ role: CrossAccountRole, region: String) -> [String] {
        config.declarations.first { $0.kind == role.pipeline }?.graphTarget(of: role, names) ?? [role.name]
    }

    /// What an action box says: its name and kind, then what it works on.
    static func lines(_ action: ActionSpec, home: String, names: Names) -> [String] {
        var lines: [String]
        switch action.kind {
        case .codeCommitSource(let repository, let branch):
            lines = ["\(action.name): CodeCommit", "\(repository) @ \(branch)"]
        case .connectionSource(_, let repository, let branch):
            lines = ["\(action.name): CodeConnections", "\(repository) @ \(branch)"]
        case .ecrSource(let repository, let tag):
            lines = ["\(action.name): ECR", "\(repository):\(tag)"]
        case .build(let kind, _):
            lines = ["\(action.name): CodeBuild", names.buildProject(kind, variant: action.buildVariant)]
        case .lambdaInvoke(let function, _):
            lines = ["\(action.name): Lambda invoke", "function \(function)"]
        case .approval(let topic, _, _):
            lines = ["\(action.name): manual approval"]
            switch topic {
            case .environment(let env)?: lines.append("notifies \(names.approvalTopic(env))")
            case .shared?: lines.append("notifies \(names.notificationsTopic)")
            case nil: break
            }
        case .cloudFormation(let mode, let stack, _, _, _, _, _):
            let what = mode == .deploy ? "CloudFormation" : mode == .createChangeSet ? "CloudFormation change set" : "CloudFormation execute"
            lines = ["\(action.name): \(what)", "stack \(stack)"]
        case .codeDeployToECS(let application, let group, _, _, _):
            lines = ["\(action.name): CodeDeploy to ECS", "\(application) / \(group)"]
        }
        if action.region != home { lines.append("in \(action.region)") }
        return lines
    }
}
