import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenConfig

/// The starter config of `pipegen init`: valid as written, and valid with any one optional key
/// uncommented, so every value it shows is one the decoder accepts.
@Suite struct StarterConfigTests {
    static func decode(_ text: String) -> [Diagnostic] {
        ConfigReader.read(SourceFile(path: "pipegen.yaml", text: text)).diagnostics
    }

    @Test func decodesWithoutAnyDiagnostic() {
        #expect(Self.decode(StarterConfig.text).map(\.message) == [])
    }

    /// The optional keys as written: the first line of each (`# key: value`), with the lines of
    /// a commented-out mapping that belong to it.
    static var units: [[Int]] {
        let lines = StarterConfig.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var units: [[Int]] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let indent = String(line.prefix { $0 == " " })
            let rest = line.dropFirst(indent.count)
            let key = rest.dropFirst(2).prefix { $0.isLetter || $0 == "-" }
            guard rest.hasPrefix("# "), keyNames.contains(String(key)), rest.dropFirst(2 + key.count).hasPrefix(":") else {
                i += 1
                continue
            }
            var unit = [i]
            i += 1
            while i < lines.count, lines[i].hasPrefix(indent + "#   ") {
                unit.append(i)
                i += 1
            }
            units.append(unit)
        }
        return units
    }

    /// One commented-out unit per optional key; mappings are always written, their keys counted.
    @Test func thereIsAnOptionalLineForEveryOptionalKey() {
        func optional(_ spec: ObjectSpec) -> Int {
            spec.keys.reduce(0) { count, key in
                switch key.type {
                case .object where !key.required && key.example != nil: return count + 1  // one line, its example
                case .object(let inner): return count + optional(inner)
                case .list(.object(let inner), _) where key.required: return count + optional(inner)
                default: return count + (key.required ? 0 : 1)
                }
            }
        }
        #expect(Self.units.count == optional(ConfigSchema.root))
        #expect(Self.units.count > 30)
    }

    /// Keys that take effect only beside another non-default key, as their comments say.
    static let needsAnotherKey = [
        "connection", "file-paths",  // with a connection 'provider'
        "approvers",  // with an environment that has 'approval'
    ]

    @Test func everyOptionalKeyCanBeUncommented() {
        var lines = StarterConfig.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let original = lines
        for unit in Self.units {
            let key = original[unit[0]].drop { $0 == " " || $0 == "#" || $0 == "-" }.prefix { $0 != ":" }
            if Self.needsAnotherKey.contains(String(key)) { continue }
            lines = original
            for i in unit {
                let indent = String(lines[i].prefix { $0 == " " })
                lines[i] = indent + lines[i].dropFirst(indent.count + 2)
            }
            let diagnostics = Self.decode(lines.joined(separator: "\n"))
            #expect(diagnostics.map(\.message) == [], "uncommenting: \(unit.map { original[$0] }.joined(separator: "\n"))")
        }
    }

    @Test func everySampleNamesAKeyOfTheSchema() {
        #expect(Set(StarterConfig.samples.keys).isSubset(of: Self.keyNames))
    }

    /// Every key name the schema knows, at any depth.
    static var keyNames: Set<String> {
        var names: Set<String> = []
        func collect(_ type: ValueType) {
            switch type {
            case .object(let spec): for key in spec.keys { names.insert(key.name); collect(key.type) }
            case .list(let t, _), .map(let t): collect(t)
            case .either(let ts): ts.forEach(collect)
            default: break
            }
        }
        collect(.object(ConfigSchema.root))
        return names
    }

    @Test func documentsEveryKey() {
        let text = StarterConfig.text
        func check(_ spec: ObjectSpec) {
            for key in spec.keys {
                #expect(text.contains(" \(key.name):") || text.contains("# \(key.name):") || text.contains("\(key.name):"), "\(key.name)")
                #expect(text.contains("# " + key.summary.split(separator: " ").prefix(3).joined(separator: " ")), "\(key.name)")
                switch key.type {
                case .object where !key.required && key.example != nil: break  // shown by its example
                case .object(let inner), .list(.object(let inner), _): check(inner)
                case .either(let ts):
                    for case .object(let inner) in ts where StarterConfig.isBlock(key) { check(inner) }
                default: break
                }
            }
        }
        check(ConfigSchema.root)
    }

    @Test(arguments: [
        (Document.string("latest"), "latest"), (.string("{project}"), "\"{project}\""), (.string("30"), "\"30\""),
        (.string("a, b"), "\"a, b\""), (.string("say \"x\""), "say \"x\""), (.string("#1"), "\"#1\""),
        (.list([.string("a"), .int(1)]), "[a, 1]"), (.bool(false), "false"),
    ])
    func flowValues(_ value: Document, _ text: String) throws {
        #expect(value.flowText == text)
        let parsed = try #require(try YAMLReader.parse("k: " + text))
        #expect(parsed.document == Document.map([.init("k", value)]))
    }
}
