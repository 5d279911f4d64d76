@testable import PipegenConfig
import Testing
import YAMLKit

/// `pipegen-version`: a config says which pipegen it needs, and any other stops with one
/// located error.
@Suite struct VersionRequirementTests {
    static let config = """
        1️⃣pipegen-version: "REQUIREMENT"
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            newer-key: true

        """

    @Test(arguments: [">= 0.2.0", ">=0.1", "> 0.1.9, < 1.0", "== 0.2.0", "<= 0.2", ">= 0"])
    func accepted(_ requirement: String) {
        let text = Self.config.replacing("REQUIREMENT", with: requirement).replacing("    newer-key: true\n", with: "")
        let (config, diagnostics) = load(marked(text).0)
        #expect(config != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: [
        (">= 99.0", "this config needs pipegen >= 99.0.0; this is pipegen \(PipegenVersion.current)"),
        ("< 0.2", "this config needs pipegen < 0.2.0; this is pipegen \(PipegenVersion.current)"),
        ("0.2.0", "'0.2.0' in 'pipegen-version' has no comparison"),
        (">= two", "'>= two' is not a version requirement"),
        (">= 1.2.3.4", "'>= 1.2.3.4' is not a version requirement"),
        ("", "'' is not a version requirement"),
    ])
    func refused(_ requirement: String, _ message: String) {
        let (text, mark) = marked(Self.config.replacing("REQUIREMENT", with: requirement))
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        // Only the version: the rest of the config was written for another pipegen.
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.mark?.line == mark.line)
    }

    @Test func versionsCompareByParts() {
        #expect(SemanticVersion("0.10")! > SemanticVersion("0.9.9")!)
        #expect(SemanticVersion("1")! == SemanticVersion(1, 0, 0))
        #expect(SemanticVersion("1.") == nil)
        #expect(SemanticVersion("-1") == nil)
    }
}
