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
