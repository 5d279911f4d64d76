import TestSupport

/// A config before it becomes text: the generator builds one, the writer prints it as YAML
/// (in varied but valid styles) or as JSON, so the reader and decoder are exercised too.
indirect enum ConfigTree {
    case string(String)
    /// A string of digits (an account id): YAML may leave it unquoted, JSON always quotes it.
    case digits(String)
    case int(Int)
    case bool(Bool)
    case list([ConfigTree])
    case map([(String, ConfigTree)])

    var isScalar: Bool {
        switch self {
        case .list, .map: return false
        default: return true
        }
    }
}

/// Writes a `ConfigTree` as text, choosing styles with the generator's own random numbers:
/// block or flow collections, plain or quoted scalars, indentation, compact sequences,
/// comments, key order. Every choice gives text any YAML 1.2 reader reads as the same data.
struct ConfigWriter {
    var rng: SplitMix64
    let step: Int
    let compactLists: Bool

    init(rng: SplitMix64) {
        self.rng = rng
        step = Int.random(in: 2...4, using: &self.rng)
        compactLists = Bool.random(using: &self.rng)
    }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    // MARK: YAML

    mutating func yaml(_ root: ConfigTree) -> String {
        var lines: [String] = []
        if chance(0.1) { lines.append("# yaml-language-server: $schema=pipegen.schema.json") }
        if case .map(let pairs) = root { lines += mapBody(pairs, indent: 0) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func mapBody(_ pairs: [(String, ConfigTree)], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (key, value) in pairs {
            if chance(0.02) { lines.append(pad + "# " + key) }
            if chance(0.02) { lines.append("") }
            switch value {
            case .list(let items) where items.isEmpty:
                lines.append("\(pad)\(key): []")
            case .map(let p) where p.isEmpty:
                lines.append("\(pad)\(key): {}")
            case .list(let items):
                if flowable(value), chance(0.3) {
                    lines.append("\(pad)\(key): \(flow(value))")
                } else {
                    lines.append("\(pad)\(key):")
                    lines += listBody(items, indent: compactLists ? indent : indent + step)
                }
            case .map(let p):
                if flowable(value), chance(0.2) {
                    lines.append("\(pad)\(key): \(flow(value))")
                } else {
                    lines.append("\(pad)\(key):")
                    lines += mapBody(p, indent: indent + step)
                }
            default:
                lines.append("\(pad)\(key): \(scalar(value, inFlow: false))" + (chance(0.04) ? "  # \(key)" : ""))
            }
        }
        return lines
    }

    private mutating func listBody(_ items: [ConfigTree], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for item in items {
            switch item {
            case .map(let p) where !p.isEmpty && !(flowable(item) && chance(0.15)):
                // The first key goes on the dash line; the others line up under it.
                var body = mapBody(p, indent: indent + 2)
                let first = body.firstIndex { $0.hasPrefix(String(repeating: " ", count: indent + 2)) && !$0.drop(while: { $0 == " " }).hasPrefix("#") } ?? 0
                body[first] = pad + "- " + body[first].dropFirst(indent + 2)
                lines += body[first...]
            case .map, .list:
                lines.append("\(pad)- \(flow(item))")
            default:
                lines.append("\(pad)- \(scalar(item, inFlow: false))")
            }
        }
        return lines
    }

    /// Small collections of scalars (or of such collections) may be written in flow style.
    private func flowable(_ value: ConfigTree) -> Bool {
        switch value {
        case .list(let items): return items.count <= 6 && items.allSatisfy { $0.isScalar || flowable($0) }
        case .map(let pairs): return pairs.count <= 6 && pairs.allSatisfy { $0.1.isScalar || flowable($0.1) }
        default: return true
        }
    }

    private mutating func flow(_ value: ConfigTree) -> String {
        switch value {
        case .list(let items):
            var parts: [String] = []
            for item in items { parts.append(flow(item)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let pairs):
            var parts: [String] = []
            for (k, v) in pairs { parts.append("\(k): \(flow(v))") }
            return pairs.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
        default:
            return scalar(value, inFlow: true)
        }
    }

    private mutating func scalar(_ value: ConfigTree, inFlow: Bool) -> String {
        switch value {
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .digits(let d): return chance(0.3) ? d : quoted(d)
        case .string(let s): return Self.isSafePlain(s, inFlow: inFlow) && chance(0.75) ? s : quoted(s)
        case .list, .map: return flow(value)
        }
    }

    private mutating func quoted(_ s: String) -> String {
        if chance(0.5), !s.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return "'" + s.replacing("'", with: "''") + "'"
        }
        return "\"" + Self.escaped(s) + "\""
    }

    /// Text a YAML reader takes as this very string when written without quotes, in block and
    /// (without ':') in flow context: no indicator first, no ': ' or ' #', no word YAML 1.1
    /// reads as a boolean or null, nothing that looks like a number.
    static func isSafePlain(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./@+- " + (inFlow ? "" : ":"))
        guard s.allSatisfy(allowed.contains), !s.hasSuffix(" "), !s.hasSuffix(":"), !s.contains("  "), !s.contains(": ") else {
            return false
        }
        let words = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return !words.contains(s.lowercased())
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    // MARK: JSON

    mutating func json(_ root: ConfigTree) -> String {
        let pretty = chance(0.7)
        return json(root, indent: 0, pretty: pretty) + "\n"
    }

    private mutating func json(_ value: ConfigTree, indent: Int, pretty: Bool) -> String {
        let nl = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: " ", count: indent + step) : ""
        let end = pretty ? String(repeating: " ", count: indent) : ""
        switch value {
        case .string(let s), .digits(let s): return "\"" + Self.escaped(s) + "\""
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items):
            if items.isEmpty { return "[]" }
            var parts: [String] = []
            for item in items { parts.append(pad + json(item, indent: indent + step, pretty: pretty)) }
            return "[" + nl + parts.joined(separator: "," + nl) + nl + end + "]"
        case .map(let pairs):
            if pairs.isEmpty { return "{}" }
            var parts: [String] = []
            for (k, v) in pairs { parts.append(pad + "\"\(k)\": " + json(v, indent: indent + step, pretty: pretty)) }
            return "{" + nl + parts.joined(separator: "," + nl) + nl + end + "}"
        }
    }
}
