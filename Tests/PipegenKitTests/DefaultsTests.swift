import PipegenConfig
import PipegenKit
import Testing

/// Each default is declared once (`Key`), and the decoder, the model and the schema read that
/// declaration: a config that writes a key's default explicitly renders exactly the same
/// templates as one that leaves the key out.
@Suite struct DefaultsTests {
    /// The starter config's commented-out keys that show their literal default on one line,
    /// each with the line uncommented.
    static var explicitDefaults: [(key: String, text: String)] {
        let lines = StarterConfig.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let defaults = literalDefaults(ConfigSchema.root)
        var out: [(String, String)] = []
        for (i, line) in lines.enumerated() {
            let indent = String(line.prefix { $0 == " " })
            let rest = line.dropFirst(indent.count)
            guard rest.hasPrefix("# "), !rest.hasPrefix("#  ") else { continue }
            let body = rest.dropFirst(2)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = String(body[..<colon]), value = body[body.index(after: colon)...].drop { $0 == " " }
            // One-line units only: the next line must not continue a commented mapping.
            if i + 1 < lines.count, lines[i + 1].hasPrefix(indent + "#   ") { continue }
            guard defaults[key]?.contains(String(value)) == true else { continue }
            var uncommented = lines
            uncommented[i] = indent + body
            out.append((key, uncommented.joined(separator: "\n")))
        }
        return out
    }

    /// Key name → the flow texts of its literal defaults (a name may appear in several objects).
    static func literalDefaults(_ spec: ObjectSpec) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func walk(_ spec: ObjectSpec) {
            for key in spec.keys {
                if let literal = key.literalDefault { out[key.name, default: []].insert(literal.flowText) }
                switch key.type {
                case .object(let inner), .list(.object(let inner), _): walk(inner)
                case .either(let types): for case .object(let inner) in types { walk(inner) }
                default: break
                }
            }
        }
        walk(spec)
        return out
    }

    static func render(_ text: String) throws -> [RenderedFile] {
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: text))
        let valid = try #require(loaded.valid, "\(loaded.diagnostics.map(\.message))")
        return try Renderer.render(valid.stacks, RenderRequest(format: .yaml, configPath: "../pipegen.yaml")).files
    }

    @Test func writingADefaultChangesNothing() throws {
        let cases = Self.explicitDefaults
        #expect(cases.count >= 20, "\(cases.map(\.key))")
        let base = try Self.render(StarterConfig.text)
        for (key, text) in cases {
            #expect(try Self.render(text) == base, "writing the default of '\(key)' changed the templates")
        }
    }
}
