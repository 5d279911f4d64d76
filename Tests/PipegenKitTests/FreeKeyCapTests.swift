import PipegenConfig
import Testing
import YAMLKit

/// Mappings of free keys (`parameter-overrides`, `package-runtimes`, a test's `variables`, an
/// ECS service's `regions`) are capped like lists, and their keys like values, before any
/// entry is decoded.
@Suite struct FreeKeyCapTests {
    static func config(_ overrides: String) -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - name: dev
            account: "222222222222"
        pipelines:
          infrastructure-deployment:
            template: t.yaml
            parameter-overrides: {\(overrides)}

        """
    }

    @Test func aThousandAndOneOverridesAreOneErrorAtTheMapping() {
        let overrides = (0...1_000).map { "P\($0): x" }.joined(separator: ", ")
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(Self.config(overrides).utf8))
        #expect(config == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages == ["'parameter-overrides' in 'infrastructure-deployment' has 1001 entries; pipegen takes at most 1000"])
        #expect(diagnostics.first?.mark?.line == 9)
        #expect(diagnostics.first?.notes.first?.message == "entry 1001 is here")
    }

    @Test func aLongOrHostileKeyIsRefusedAtItsPlace() {
        let long = String(repeating: "P", count: 5_000)
        let (_, config, diagnostics) = loadConfig(
            path: "pipegen.yaml", bytes: Array(Self.config("\(long): x, \"A\\e[2J\": y, Ok: z").utf8))
        #expect(config == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first == "a key of 'parameter-overrides' in 'infrastructure-deployment' is 5000 characters long; pipegen takes at most 4096")
        #expect(messages.last?.hasPrefix("a key of 'parameter-overrides' in 'infrastructure-deployment' holds U+001B") == true)
    }
}
