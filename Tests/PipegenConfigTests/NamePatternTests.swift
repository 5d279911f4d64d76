import PipegenConfig
import TestSupport
import Testing

/// Expanding a name pattern gives what the standard library's `replacing`, one placeholder
/// after another, gives, byte for byte: the byte scan only stands in where it cannot differ.
@Suite struct NamePatternTests {
    static func standard(_ pattern: String, _ values: [(String, String)]) -> String {
        values.reduce(pattern) { $0.replacing($1.0, with: $1.1) }
    }

    @Test(arguments: [
        ("{project}-{env}", "shop", "dev"), ("{env}{env}", "p", "x"), ("{project}", "{env}", "dev"),
        ("params/{env}.json", "p", ""),
        ("é-{env}", "p", "dev"), ("{env}\u{301}", "p", "dev"), ("a\r\n{env}", "p", "dev"), ("{env}", "p", "é"),
        ("", "p", "e"),
    ])
    func sameAnswersAsTheStandardLibrary(_ pattern: String, _ project: String, _ env: String) {
        #expect(
            NamePattern(pattern).expanded([(.project, project), (.env, env)])
                == Self.standard(pattern, [("{project}", project), ("{env}", env)]))
    }

    /// Random patterns over an alphabet of placeholders and their pieces, non-ASCII letters,
    /// combining marks and line breaks; replay a failure with PIPEGEN_SEED.
    @Test func sameAnswersOnRandomPatterns() {
        let seed = TestSupport.seed(default: 0x9A7E_0001)
        var random = SplitMix64(seed: seed)
        let pieces = ["{", "}", "env", "{env}", "{project}", "{function}", "-", "a", "é", "\u{301}", "\r", "\n", "\r\n"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        for _ in 0..<5_000 {
            let pattern = text(Int(random.next() % 10))
            let project = text(Int(random.next() % 3)), env = text(Int(random.next() % 3))
            let expanded = NamePattern(pattern).expanded([(.project, project), (.env, env), (.function, "*")])
            guard expanded == Self.standard(pattern, [("{project}", project), ("{env}", env), ("{function}", "*")]) else {
                Issue.record("differs for \(pattern.debugDescription) (PIPEGEN_SEED=\(seed))")
                return
            }
        }
    }
}
