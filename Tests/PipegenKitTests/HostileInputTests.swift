import PipegenConfig
import PipegenKit
import Testing
import YAMLKit

/// Large and hostile configs end in a clear error, quickly, never in a crash or a hang.
@Suite struct HostileInputTests {
    /// A valid YAML file naming 50,000 environments (2.3 MB, under the 4 MiB pipegen reads):
    /// refused by their count, before any environment is decoded.
    @Test func aHugeRouteIsRefusedBeforeAnyWorkPerEnvironment() {
        var text = "project: big\ntooling:\n  account: \"100000000000\"\n  region: eu-west-1\nenvironments:\n"
        for i in 0..<50_000 { text += "  - name: e\(i)\n    account: \"\(200_000_000_000 + i)\"\n" }
        text += "pipelines:\n  infrastructure-deployment: {}\n"
        let (_, config, diagnostics) = loadConfig(path: "big.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["50000 environments; pipegen supports at most 1000"])
        #expect(diagnostics.first?.mark?.line == 6)
    }

    /// Over 4 MiB, a config is refused unread.
    @Test func aFileOverFourMegabytesIsRefusedAsAWhole() {
        let bytes = Array(repeating: UInt8(ascii: "#"), count: ConfigReader.maximumBytes + 1)
        let (_, config, diagnostics) = loadConfig(path: "big.yaml", bytes: bytes)
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["the config is larger than 4194304 bytes (4 MiB), the most pipegen reads"])
        #expect(diagnostics.first?.mark == nil)
        let (_, _, justUnder) = loadConfig(path: "big.yaml", bytes: Array(bytes.dropLast()))
        #expect(justUnder.map(\.message) == ["the config is empty"])
    }

    /// Hundreds of thousands of unknown keys: the first thousand errors are kept, the rest
    /// counted.
    @Test func aFileOfJunkKeysGetsAnErrorLimit() {
        var text = ""
        for i in 0..<150_000 { text += "k\(i): v\n" }
        let loaded = Pipegen.load(SourceFile(path: "junk.yaml", text: text))
        #expect(loaded.config == nil)
        #expect(loaded.diagnostics.count == 1000)
        #expect(loaded.omittedErrors == 149_000 + 3, "and three missing required keys")
        #expect(loaded.diagnostics.first?.message == "unknown key 'k0'")
    }

    /// The readers stop at the 200,001st list item or mapping entry, wherever it is.
    @Test(arguments: ["pipegen.yaml", "pipegen.json"])
    func moreEntriesThanAnyConfigHoldsStopTheReader(_ path: String) {
        let text = path.hasSuffix(".json")
            ? "{\"a\": [" + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]}"
            : "a: [" + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]"
        let (_, config, diagnostics) = loadConfig(path: path, bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["more than 200000 list items and mapping entries; the reader stops here"])
        // "a" is the first entry; the 200,000th item is the 200,001st entry.
        #expect(diagnostics.first?.mark == Mark(line: 1, column: (path.hasSuffix(".json") ? 8 : 5) + 2 * 199_999))
    }

    /// A key of a million characters is one error, said in a line, found as fast as a short one.
    @Test func aMillionCharacterKeyIsOneShortError() {
        let key = String(repeating: "k", count: 1_000_000)
        let (_, _, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array("\(key): 1\nproject: x\n".utf8))
        let unknown = diagnostics.first { $0.message.hasPrefix("unknown key") }
        #expect(unknown?.message == "unknown key '\(String(repeating: "k", count: 80))...'")
        #expect(unknown?.notes.first?.message.hasPrefix("valid keys here: pipegen-version, project, tooling") == true)
    }
}
