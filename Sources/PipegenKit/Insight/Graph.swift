import PipegenConfig

/// A picture of a config: accounts holding regions, the tooling region holding the pipelines,
/// their stages and actions, and the role in which account each cross-account action assumes.
/// Built once, written as Mermaid or DOT (`Graph+Text.swift`); ids are assigned in build order,
/// so the same config always gives the same text.
public struct DeploymentGraph: Sendable {
    public enum NodeKind: Sendable { case action, role, target }
    public enum EdgeKind: Sendable { case flow, assumes, acts }

    public struct Node: Sendable {
        public var id: String
        /// One or more lines, plain text (the writers escape it).
        public var lines: [String]
        public var kind: NodeKind
    }

    /// A box around nodes: an account, a region, a pipeline or a stage.
    public struct Cluster: Sendable {
        public var id: String
        public var label: String
        public var clusters: [Cluster] = []
        public var nodes: [Node] = []

        /// Its first and last node, looking inside nested clusters: where edges to and from
        /// the whole cluster attach in formats that only join nodes.
        var firstNode: Node? { nodes.first ?? clusters.lazy.compactMap(\.firstNode).first }
        var lastNode: Node? { nodes.last ?? clusters.reversed().lazy.compactMap(\.lastNode).first }
    }

    /// An edge between nodes or clusters (stage to stage), by id.
    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var label: String?
        public var kind: EdgeKind
    }

    public var clusters: [Cluster]
    public var edges: [Edge]

    /// The graph of `config`.
    public init(_ config: Config) {
        var builder = GraphBuilder(config: config)
        builder.build()
        clusters = builder.accounts.map(\.cluster)
        // Stage order first, then who assumes what, then what each role acts on: each group
        // reads as one thought.
        let rank: (EdgeKind) -> Int = { [.flow, .assumes, .acts].firstIndex(of: $0)! }
        edges = builder.edges.enumerated().sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }
            .map(\.element)
        renumber()
    }

    /// Ids in reading order (`c1` is the first box of the text, `n1` its first node), so the
    /// text reads top to bottom and a change to the config moves as few ids as possible.
    private mutating func renumber() {
        var map: [String: String] = [:]
        var counts = (clusters: 0, nodes: 0)
        func visit(_ c: inout Cluster) {
            counts.clusters += 1
            map[c.id] = "c\(counts.clusters)"
            c.id = map[c.id]!
            for i in c.nodes.indices {
                counts.nodes += 1
                map[c.nodes[i].id] = "n\(counts.nodes)"
                c.nodes[i].id = map[c.nodes[i].id]!
            }
            for i in c.clusters.indices { visit(&c.clusters[i]) }
        }
        for i in clusters.indices { visit(&clusters[i]) }
        edges = edges.map { Edge(from: map[$0.from] ?? $0.from, to: map[$0.to] ?? $0.to, label: $0.label, kind: $0.kind) }
    }

    /// The cluster with `id`, anywhere in the tree.
    func cluster(_ id: String) -> Cluster? {
        func find(_ list: [Cluster]) -> Cluster? {
            for c in list {
                if c.id == id { return c }
                if let inner = find(c.clusters) { return inner }
            }
            return nil
        }
        return find(clusters)
    }
}

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
                    } else if case .build(.lambdaUpdate, _) = action.kind, let env = stage.environment,
                        let role = model.role(.lambdaUpdate, in: env), let target = roleIds[role.name]
                    {
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

    private func targetLines(_ role: CrossAccountRole, region: String) -> [String] {
        let e = role.environment
        switch role.kind {
        case .cfnDeploy:
            let stack = config.pipelines.infrastructure?.stackName.replacing("{project}", with: names.project)
                .replacing("{env}", with: e) ?? e
            return ["CloudFormation stack", stack]
        case .lambdaUpdate:
            let pattern = config.pipelines.infrastructure?.lambda?.functionName.replacing("{project}", with: names.project)
                .replacing("{env}", with: e).replacing("{function}", with: "*") ?? "*"
            return ["Lambda functions", pattern]
        case .ecsDeploy:
            return ["CodeDeploy blue/green", "\(names.codeDeployApplication(e)) / \(names.deploymentGroup(e))"]
        case .cfnExecution, .codeDeploy:
            return [role.name]
        }
    }

    /// What an action box says: its name and kind, then what it works on.
    static func lines(_ action: ActionSpec, home: String, names: Names) -> [String] {
        var lines: [String]
        switch action.kind {
        case .codeCommitSource(let repository, let branch):
            lines = ["\(action.name): CodeCommit", "\(repository) @ \(branch)"]
        case .ecrSource(let repository, let tag):
            lines = ["\(action.name): ECR", "\(repository):\(tag)"]
        case .build(let kind, _):
            lines = ["\(action.name): CodeBuild", names.buildProject(kind)]
        case .approval(let topic, _):
            lines = ["\(action.name): manual approval"]
            if let topic { lines.append("notifies \(names.approvalTopic(topic))") }
        case .cloudFormationDeploy(let stack, _, _, _, _):
            lines = ["\(action.name): CloudFormation", "stack \(stack)"]
        case .codeDeployToECS(let application, let group, _, _):
            lines = ["\(action.name): CodeDeploy to ECS", "\(application) / \(group)"]
        }
        if action.region != home { lines.append("in \(action.region)") }
        return lines
    }
}
