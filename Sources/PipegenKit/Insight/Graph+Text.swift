extension DeploymentGraph {
    /// Mermaid flowchart text (GitHub renders it in a ```mermaid block).
    public var mermaid: String {
        var out = ["flowchart LR"]
        func write(_ c: Cluster, depth: Int) {
            let pad = String(repeating: "  ", count: depth)
            out.append("\(pad)subgraph \(c.id)[\"\(Self.mermaidEscape(c.label))\"]")
            for n in c.nodes {
                let label = n.lines.map(Self.mermaidEscape).joined(separator: "<br/>")
                switch n.kind {
                case .action: out.append("\(pad)  \(n.id)[\"\(label)\"]")
                case .role: out.append("\(pad)  \(n.id)([\"\(label)\"])")
                case .target: out.append("\(pad)  \(n.id)(\"\(label)\")")
                }
            }
            for inner in c.clusters { write(inner, depth: depth + 1) }
            out.append("\(pad)end")
        }
        for c in clusters { write(c, depth: 1) }
        for e in edges {
            switch e.kind {
            case .flow, .acts: out.append("  \(e.from) --> \(e.to)")
            case .assumes: out.append("  \(e.from) -. \(Self.mermaidEscape(e.label ?? "")) .-> \(e.to)")
            }
        }
        let roles = allNodes.filter { $0.kind == .role }.map(\.id)
        let targets = allNodes.filter { $0.kind == .target }.map(\.id)
        out.append("  classDef role fill:#fff4d6,stroke:#b7791f")
        out.append("  classDef target fill:#e6f4ea,stroke:#2f855a")
        if !roles.isEmpty { out.append("  class \(roles.joined(separator: ",")) role") }
        if !targets.isEmpty { out.append("  class \(targets.joined(separator: ",")) target") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Graphviz DOT text (`dot -Tsvg`).
    public var dot: String {
        var out = [
            "digraph pipegen {", "  rankdir=LR;", "  compound=true;",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        func write(_ c: Cluster, depth: Int) {
            let pad = String(repeating: "  ", count: depth)
            out.append("\(pad)subgraph cluster_\(c.id) {")
            out.append("\(pad)  label=\(Self.dotQuote(c.label));")
            for n in c.nodes {
                let label = Self.dotQuote(n.lines.joined(separator: "\n"))
                switch n.kind {
                case .action: out.append("\(pad)  \(n.id) [label=\(label)];")
                case .role: out.append("\(pad)  \(n.id) [label=\(label), style=\"rounded,filled\", fillcolor=\"#fff4d6\"];")
                case .target: out.append("\(pad)  \(n.id) [label=\(label), style=\"rounded,filled\", fillcolor=\"#e6f4ea\"];")
                }
            }
            for inner in c.clusters { write(inner, depth: depth + 1) }
            out.append("\(pad)}")
        }
        for c in clusters { write(c, depth: 1) }
        for e in edges {
            switch e.kind {
            case .flow:
                // DOT joins nodes only: attach to the stages' first and last actions, clipped
                // at the cluster borders so the arrow reads as stage to stage.
                guard let from = cluster(e.from)?.lastNode, let to = cluster(e.to)?.firstNode else { continue }
                out.append("  \(from.id) -> \(to.id) [ltail=cluster_\(e.from), lhead=cluster_\(e.to)];")
            case .assumes:
                out.append("  \(e.from) -> \(e.to) [style=dashed, label=\(Self.dotQuote(e.label ?? ""))];")
            case .acts:
                out.append("  \(e.from) -> \(e.to);")
            }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Every node, depth first.
    var allNodes: [Node] {
        func collect(_ c: Cluster) -> [Node] { c.nodes + c.clusters.flatMap(collect) }
        return clusters.flatMap(collect)
    }

    /// Text safe inside a quoted Mermaid label: the characters Mermaid reads as syntax or HTML
    /// become its `#code;` entities.
    static func mermaidEscape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "`": out += "#96;"
            case "\n": out += "<br/>"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A DOT double-quoted string; a line break becomes DOT's `\n` (a centred line).
    static func dotQuote(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
