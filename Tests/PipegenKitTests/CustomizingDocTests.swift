import Foundation
import PipegenConfig
import Testing
import TestSupport
import YAMLKit

@testable import PipegenKit

/// docs/CUSTOMIZING.md's YAML examples are configs pipegen accepts, with every check green:
/// the page cannot show an override, a brought key or a pull-from that does not work.
@Suite struct CustomizingDocTests {
    static let doc = (try? String(contentsOfFile: Golden.repositoryRoot(from: #filePath) + "/docs/CUSTOMIZING.md", encoding: .utf8)) ?? ""

    /// The page's ```yaml blocks, in order.
    static var examples: [String] {
        doc.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    static let base = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1], ecs: {cluster: shop-dev, service: shop, listener: {import: shop-dev-Listener}, target-groups: [shop-dev-blue, shop-dev-green]}}
        pipelines:
          container-build: {source: {repository: app}}
          infrastructure-deployment: {source: {repository: infra}, template: template.yaml}
          container-deployment: {source: {repository: deploy}}

        """

    @Test func thePageHasItsExamples() {
        #expect(Self.examples.count == 3, "overrides, artifacts.existing, registry.pull-from")
    }

    @Test(arguments: 0..<3)
    func anExampleIsAValidConfig(_ index: Int) throws {
        let examples = Self.examples
        guard index < examples.count else { return }
        let text = Self.base + examples[index]
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", bytes: Array(text.utf8)))
        #expect(loaded.diagnostics.filter { $0.severity != .note }.map(\.message) == [], "\(examples[index])")
        #expect(loaded.valid != nil)
    }
}
