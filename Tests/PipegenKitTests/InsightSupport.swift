import Foundation
import PipegenConfig
import PipegenKit
import Testing
import TestSupport

/// Shared inputs of the Insight tests (plan, graph, removal report).
enum InsightFixtures {
    static let root = Golden.repositoryRoot(from: #filePath)
    static var routeToLivePath: String { root + "/Examples/route-to-live/pipegen.yaml" }

    /// The config in `text`, which must be valid.
    static func config(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Config {
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        return try #require(config, "config has errors: \(errors)", sourceLocation: sourceLocation)
    }

    static func routeToLive() throws -> Config {
        try config(String(contentsOfFile: routeToLivePath, encoding: .utf8))
    }

    /// The route-to-live example with dev in two regions.
    static func multiRegion() throws -> Config {
        let text = try String(contentsOfFile: routeToLivePath, encoding: .utf8)
            .replacing("    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    regions: [eu-west-1, us-east-1]\n")
        return try config(text)
    }

    /// A small config: one environment, the infrastructure pipeline only.
    static let small = """
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
        pipelines:
          infrastructure-deployment: {}

        """
}
