import Testing
import TestSupport
import YAMLKit

/// Random documents written by a writer and read by the matching reader come back equal.
/// A failure prints the case's seed: run again with `PIPEGEN_SEED=<seed>` to replay it first.
@Suite struct RoundTripPropertyTests {
    static let cases = 5_000

    @Test func yamlWriterThenYAMLReaderIsTheIdentity() {
        Self.check("YAML") { document throws(SyntaxError) in
            let text = YAMLWriter().write(document)
            let node = try YAMLReader.parse(text)
            if let node { Self.expectPlainStringsAreStringsToYAML11(document, node) }
            return (text, node?.document)
        }
    }

    /// Our reader is YAML 1.2; a string the writer left plain must also be a string to YAML 1.1.
    static func expectPlainStringsAreStringsToYAML11(_ document: Document, _ node: Node) {
        switch (document, node.kind) {
        case (.string(let text), .scalar(let scalar)) where scalar.style == .plain:
            #expect(YAML11.tag(ofPlain: text) == "str", "\(text.debugDescription) was written plain")
        case (.list(let items), .sequence(let nodes)):
            for (item, node) in zip(items, nodes) { expectPlainStringsAreStringsToYAML11(item, node) }
        case (.map(let entries), .mapping(let pairs)):
            for (entry, pair) in zip(entries, pairs) {
                expectPlainStringsAreStringsToYAML11(.string(entry.key), pair.key)
                expectPlainStringsAreStringsToYAML11(entry.value, pair.value)
            }
        default: break
        }
    }

    @Test func jsonWriterThenJSONReaderIsTheIdentity() {
        Self.check("JSON") { document throws(SyntaxError) in
            let text = JSONWriter().write(document)
            return (text, try JSONReader.parse(text).document)
        }
    }

    static func check(_ format: String, _ roundTrip: (Document) throws(SyntaxError) -> (String, Document?)) {
        let base = seed(default: 0x5EED_0F_F00D)
        for index in 0..<cases {
            let caseSeed = base &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            var generator = DocumentGenerator(seed: caseSeed)
            let document = generator.document()
            do {
                let (text, back) = try roundTrip(document)
                if back != document {
                    Issue.record(
                        """
                        \(format) round trip changed case \(index); replay with PIPEGEN_SEED=\(caseSeed)
                        document: \(document)
                        text: \(text.debugDescription)
                        read: \(back.map { "\($0)" } ?? "nil")
                        """)
                    return
                }
            } catch {
                Issue.record(
                    """
                    \(format) round trip failed on case \(index); replay with PIPEGEN_SEED=\(caseSeed)
                    document: \(document)
                    error: \(error)
                    """)
                return
            }
        }
    }

    /// The generator itself: keys stay under YAML's 1024-character implicit-key limit, and it
    /// reaches every kind of value.
    @Test func generatorCoversEveryKindAndKeepsKeysShort() {
        var kinds = Set<String>()
        var longestKey = 0
        func visit(_ d: Document) {
            switch d {
            case .null: kinds.insert("null")
            case .bool: kinds.insert("bool")
            case .int: kinds.insert("int")
            case .double: kinds.insert("double")
            case .string(let s): kinds.insert(s.contains("\n") ? "multiline" : "string")
            case .list(let items):
                kinds.insert(items.isEmpty ? "empty list" : "list")
                items.forEach(visit)
            case .map(let entries):
                kinds.insert(entries.isEmpty ? "empty map" : "map")
                for entry in entries {
                    longestKey = max(longestKey, entry.key.count)
                    visit(entry.value)
                }
            }
        }
        for index in 0..<500 {
            var generator = DocumentGenerator(seed: UInt64(index))
            visit(generator.document())
        }
        #expect(
            kinds == ["null", "bool", "int", "double", "string", "multiline", "list", "empty list", "map", "empty map"])
        #expect(longestKey < 1024)
    }
}

/// Random `Document`s with nasty strings: quotes, indicators, colons and hashes, white space and
/// line breaks, control characters, YAML 1.1 keywords and numbers, non-ASCII text and emoji.
struct DocumentGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let pieces: [String] = [
        "a", "key", "Value", "x y", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", ":", ": ", " :", "#", " #", "# ", "'",
        "''", "\"", "\\", "\\n", "-", "- ", "?", "? ", ",", "[", "]", "{", "}", "&a", "*a", "!t", "!!str", "|", ">",
        "%", "@", "`", "<<", "=", "---", "...", "~", "null", "Null", "true", "False", "yes", "NO", "on", "Off", "y",
        "n", "0", "1", "-1", "012", "0o17", "0x1F", "0b1", "1_000", "1.5", ".5", "1e3", ".inf", "-.Inf", ".NaN",
        "190:20:30", "2001-12-14", "${AWS::Region}", "arn:aws:s3:::b/*", "é", "ü", "日本", "😀", "👩‍👩‍👧", "🇫🇷",
        "e\u{301}", "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}",
        "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}",
    ]

    mutating func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    mutating func string() -> String {
        var s = ""
        for _ in 0..<below(below(4) == 0 ? 16 : 5) { s += Self.pieces[below(Self.pieces.count)] }
        return s
    }

    mutating func double() -> Double {
        switch below(4) {
        case 0:
            return [0.0, -0.0, 0.1, 1.5, -2.25, 1e16, 1e-7, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude][
                below(10)]
        case 1: return Double(Int64(truncatingIfNeeded: rng.next()) % 1_000_000) / 1_000
        default:
            let d = Double(bitPattern: rng.next())
            return d.isFinite ? d : 1.0
        }
    }

    mutating func int() -> Int {
        switch below(3) {
        case 0: return [0, 1, -1, .max, .min, 12_345_678_901][below(6)]
        case 1: return below(2_000) - 1_000
        default: return Int(truncatingIfNeeded: rng.next())
        }
    }

    mutating func scalar() -> Document {
        switch below(8) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .int(int())
        case 3: return .double(double())
        default: return .string(string())
        }
    }

    /// Mostly a collection at the root (a scalar one time in ten), then fewer the deeper it goes.
    mutating func document(depth: Int = 5) -> Document {
        let root = depth == 5
        guard depth > 0, root ? below(10) != 0 : below(2) == 0 else { return scalar() }
        let count = below(below(5) == 0 ? 1 : 8)
        if below(2) == 0 {
            return .list((0..<count).map { _ in document(depth: depth - 1) })
        }
        return .map((0..<count).map { _ in Document.Entry(string(), document(depth: depth - 1)) })
    }
}
