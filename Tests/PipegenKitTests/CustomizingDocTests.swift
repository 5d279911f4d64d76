import Foundation
import PipegenConfig
import Testing
import TestSupport
import YAMLKit

@testable import PipegenKit

/// docs/CUSTOMIZING.md's YAML examples are configs pipegen accepts, with every check green:
/// the page cannot show a setting, an override, a brought key or a pull-from that does not work.
@Suite struct CustomizingDocTests {
    static let doc = (try? String(contentsOfFile: Golden.repositoryRoot(from: #filePath) + "/docs/CUSTOMIZING.md", encoding: .utf8)) ?? ""

    /// The page's ```yaml blocks, in order.
    static var examples: [String] {
        doc.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    /// The page's examples: governance settings, build settings, steps and placeholders,
    /// overrides, artifacts.existing, registry.pull-from.
    static let exampleCount = 6

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

    /// The base with the example after it; a top-level key the example writes (`pipelines:`)
    /// replaces the base's block of that key.
    static func config(_ example: String) -> String {
        func key(_ line: Substring) -> Substring? {
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return line[..<colon]
        }
        let written = Set(example.split(separator: "\n").compactMap(key))
        var kept: [Substring] = []
        var skipping = false
        for line in base.split(separator: "\n", omittingEmptySubsequences: false) {
            if let k = key(line) { skipping = written.contains(k) }
            if !skipping { kept.append(line) }
        }
        return kept.filter { !$0.isEmpty }.joined(separator: "\n") + "\n" + example
    }

    @Test func thePageHasItsExamples() {
        #expect(Self.examples.count == Self.exampleCount)
    }

    @Test(arguments: 0..<CustomizingDocTests.exampleCount)
    func anExampleIsAValidConfig(_ index: Int) throws {
        let examples = Self.examples
        guard index < examples.count else { return }
        let text = Self.config(examples[index])
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", bytes: Array(text.utf8)))
        #expect(loaded.diagnostics.filter { $0.severity != .note }.map(\.message) == [], "\(examples[index])")
        #expect(loaded.valid != nil)
    }
}
