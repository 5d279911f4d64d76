import PipegenConfig
import PipegenKit
import Testing

/// Large and hostile configs end in a clear error, quickly, never in a crash or a hang.
@Suite struct HostileInputTests {
    /// A valid YAML file of about 10 MB naming 200,000 environments.
    @Test func aHugeRouteIsRefusedBeforeAnyWorkPerEnvironment() {
        var text = "project: big\ntooling:\n  account: \"100000000000\"\n  region: eu-west-1\nenvironments:\n"
        for i in 0..<200_000 { text += "  - name: e\(i)\n    account: \"\(200_000_000_000 + i)\"\n" }
        text += "pipelines:\n  infrastructure-deployment: {}\n"
        let (_, config, diagnostics) = loadConfig(path: "big.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["200000 environments; pipegen supports at most 1000"])
        #expect(diagnostics.first?.mark?.line == 6)
    }

    /// Hundreds of thousands of unknown keys: the first thousand errors are kept, the rest
    /// counted.
    @Test func aFileOfJunkKeysGetsAnErrorLimit() {
        var text = ""
        for i in 0..<300_000 { text += "k\(i): v\n" }
        let (_, config, diagnostics) = loadConfig(path: "junk.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.count == 1001)
        #expect(diagnostics.last?.message == "299003 more errors not listed")
        #expect(diagnostics.first?.message == "unknown key 'k0'")
    }
}
