import Foundation
import PipegenConfig
import Testing

@testable import PipegenKit

/// `DeploymentGraph`: the wiring it shows, and Mermaid and DOT text that tools accept.
@Suite struct InsightGraphTests {
    @Test func everyCrossAccountActionPointsAtTheRoleItAssumes() throws {
        let config = try InsightFixtures.routeToLive()
        let graph = DeploymentGraph(config)
        let nodes = Dictionary(uniqueKeysWithValues: graph.allNodes.map { ($0.id, $0) })
        let assumed = graph.edges.filter { $0.kind == .assumes }.map { nodes[$0.to]!.lines[0] }
        var expected: [String] = []
        for pipeline in Pipegen.pipelines(config) {
            for stage in pipeline.stages {
                for action in stage.actions {
                    if let role = action.role { expected.append("role \(role.name)") }
                    if let role = action.buildAssumes { expected.append("role \(role.name)") }
                }
            }
        }
        #expect(assumed == expected)
        #expect(assumed.count == 10)
        // Each role sits in the cluster of its environment's account.
        for cluster in graph.clusters.dropFirst() {
            let account = String(cluster.label.dropFirst("account ".count).prefix(12))
            let env = try #require(config.environments.first { $0.account.value == account })
            #expect(cluster.nodes.allSatisfy { $0.lines[0].hasPrefix("role shop-\(env.name.value)-") })
            #expect(cluster.clusters.map(\.label) == env.regions.map(\.value))
        }
        #expect(graph.clusters.map(\.label).first == "account 111111111111 (tooling)")
    }

    /// Inside a wave, each member's Lambda update assumes that member's role: one edge each
    /// (the graph once drew them only for stages of a single environment).
    @Test func lambdaUpdatesInAWavePointAtEachMembersRole() throws {
        let graph = DeploymentGraph(
            try InsightFixtures.config(
                """
                project: demo
                tooling: {account: "111111111111", region: eu-west-1}
                environments:
                  - {name: eu, account: "222222222222", wave: prod}
                  - {name: us, account: "333333333333", region: us-east-1, wave: prod}
                pipelines:
                  infrastructure-deployment: {}

                """))
        let nodes = Dictionary(uniqueKeysWithValues: graph.allNodes.map { ($0.id, $0) })
        let builds = graph.edges.filter { $0.label == "build assumes" }.map { "\(nodes[$0.from]!.lines[0]) -> \(nodes[$0.to]!.lines[0])" }
        #expect(builds == ["eu-UpdateLambdas: CodeBuild -> role demo-eu-lambda-update", "us-UpdateLambdas: CodeBuild -> role demo-us-lambda-update"])
    }

    @Test func stagesFollowEachOtherInPipelineOrder() throws {
        let graph = DeploymentGraph(try InsightFixtures.routeToLive())
        let pipelines = graph.clusters[0].clusters[0].clusters
        #expect(pipelines.map(\.label) == ["pipeline shop-container-build", "pipeline shop-infrastructure-deployment", "pipeline shop-container-deployment"])
        let flows = graph.edges.filter { $0.kind == .flow }.map { "\($0.from)>\($0.to)" }
        var expected: [String] = []
        for p in pipelines { expected += zip(p.clusters, p.clusters.dropFirst()).map { "\($0.id)>\($1.id)" } }
        #expect(flows == expected)
    }

    @Test func sharedAccountsAndSeveralRegionsAreOneClusterEach() throws {
        let graph = DeploymentGraph(
            try InsightFixtures.config(
                """
                project: demo
                tooling: {account: "111111111111", region: eu-west-1}
                environments:
                  - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1]}
                  - {name: test, account: "222222222222"}
                pipelines:
                  infrastructure-deployment: {lambda: false}

                """))
        #expect(graph.clusters.map(\.label) == ["account 111111111111 (tooling)", "account 222222222222 (dev, test)"])
        #expect(graph.clusters[1].clusters.map(\.label) == ["eu-west-1", "us-east-1"])
        #expect(graph.clusters[1].clusters.map { $0.nodes.count } == [2, 1])
        #expect(graph.mermaid.contains("[\"Deploy-us-east-1: CloudFormation<br/>stack demo-dev<br/>in us-east-1\"]"))
    }

    @Test func theTextIsDeterministic() throws {
        let a = DeploymentGraph(try InsightFixtures.routeToLive())
        let b = DeploymentGraph(try InsightFixtures.routeToLive())
        #expect(a.mermaid == b.mermaid)
        #expect(a.dot == b.dot)
    }

    @Test(arguments: [
        ("plain", "plain"), ("say \"hi\"", "say #quot;hi#quot;"), ("a#b", "a#35;b"), ("<b>&", "#lt;b#gt;#amp;"),
        ("`x`", "#96;x#96;"), ("two\nlines", "two<br/>lines"),
    ])
    func mermaidEscaping(_ text: String, _ escaped: String) {
        #expect(DeploymentGraph.mermaidEscape(text) == escaped)
    }

    @Test(arguments: [("plain", "\"plain\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("a\\b", "\"a\\\\b\""), ("1\n2", "\"1\\n2\"")])
    func dotQuoting(_ text: String, _ quoted: String) {
        #expect(DeploymentGraph.dotQuote(text) == quoted)
    }

    /// Mermaid's grammar, for the part we write: balanced subgraphs, unique ids that are not
    /// keywords, edges between declared ids, and labels with no raw quote or tag but `<br/>`.
    @Test func mermaidIsWellFormed() throws {
        let text = DeploymentGraph(try InsightFixtures.multiRegion()).mermaid
        var depth = 0
        var declared: Set<String> = []
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        for line in lines.dropFirst() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "end" {
                depth -= 1
                #expect(depth >= 0)
                continue
            }
            if t.hasPrefix("classDef ") { continue }
            if t.hasPrefix("class ") {
                for id in t.split(separator: " ")[1].split(separator: ",") { #expect(declared.contains(String(id))) }
                continue
            }
            let id = String(t.prefix { $0.isLetter || $0.isNumber })
            if t.hasPrefix("subgraph ") {
                depth += 1
                let sid = String(t.dropFirst(9).prefix { $0.isLetter || $0.isNumber })
                #expect(declared.insert(sid).inserted)
                #expect(t.hasSuffix("\"]"))
                continue
            }
            if t.contains(" --> ") || t.contains(" .-> ") {
                let parts = t.split(separator: " ")
                #expect(declared.contains(String(parts.first!)), "\(t)")
                #expect(declared.contains(String(parts.last!)), "\(t)")
                continue
            }
            #expect(declared.insert(id).inserted, "\(t)")
            #expect(!["end", "graph", "subgraph", "flowchart", "style", "class"].contains(id))
            let label = t.drop { $0 != "\"" }.dropFirst().reversed().drop { $0 != "\"" }.dropFirst().reversed()
            let inner = String(label).replacing("<br/>", with: "")
            #expect(!inner.contains("\"") && !inner.contains("<") && !inner.contains(">"), "\(t)")
        }
        #expect(depth == 0)
    }

    /// Graphviz itself, when it is installed (skipped otherwise: pipegen needs no Graphviz).
    @Test func dotAcceptsTheDOT() throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg", "-o", "/dev/null"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(DeploymentGraph(try InsightFixtures.multiRegion()).dot.utf8))
        try input.fileHandleForWriting.close()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(messages == "")
    }
}
