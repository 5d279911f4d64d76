import Glibc
import Testing

@testable import CloudFormation

/// The `String` overloads of `replacing`, `firstRange(of:)` and `contains` give the standard
/// library's answers (which a `Substring` argument still selects).
@Suite struct ASCIISearchTests {
    static func check(_ text: String, _ pattern: String, _ replacement: String) -> String? {
        let standard = text.replacing(pattern[...], with: replacement, maxReplacements: .max)
        if text.replacing(pattern, with: replacement) != standard { return "replacing" }
        if text.firstRange(of: pattern) != text.firstRange(of: pattern[...]) { return "String.firstRange" }
        if text.contains(pattern) != (text.firstRange(of: pattern[...]) != nil) { return "String.contains" }
        let sub = text.dropFirst()
        if sub.firstRange(of: pattern) != sub.firstRange(of: pattern[...]) { return "Substring.firstRange" }
        if sub.contains(pattern) != (sub.firstRange(of: pattern[...]) != nil) { return "Substring.contains" }
        return nil
    }

    @Test(arguments: [
        ("{project}-{env}", "{env}", "dev"), ("{env}{env}", "{env}", "x"), ("aaa", "aa", "b"), ("abc", "", "x"),
        ("no match", "{env}", "x"), ("${AWS::Region}", "::", "-"), ("é{env}", "{env}", "x"), ("{env}\u{301}", "{env}", "x"),
        ("a\r\nb", "\n", "x"), ("a\r\nb", "\r", "x"), ("a\nb", "\n", "\r"), ("{env}", "{env}", "é"), ("", "a", "b"),
        ("xx{env}", "{env}", ""),
    ])
    func sameAnswersAsTheStandardLibrary(_ text: String, _ pattern: String, _ replacement: String) {
        #expect(Self.check(text, pattern, replacement) == nil, "\(text) / \(pattern) / \(replacement)")
    }

    /// Random text over an alphabet with pattern pieces, non-ASCII letters, combining marks and
    /// line breaks; replay a failure with PIPEGEN_SEED.
    @Test func sameAnswersOnRandomText() {
        let seed = getenv("PIPEGEN_SEED").flatMap { UInt64(String(cString: $0)) } ?? 0xA5C1_15EA
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces = ["{", "}", "e", "n", "v", "{env}", "$", "::", ":", "a", "é", "\u{301}", "\r", "\n", "\r\n", "-"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined() }
        for _ in 0..<5_000 {
            let (t, p, r) = (text(Int(next() % 12)), text(Int(next() % 3) + 1), text(Int(next() % 3)))
            if let problem = Self.check(t, p, r) {
                Issue.record("\(problem) differs for \(t.debugDescription) / \(p.debugDescription) (PIPEGEN_SEED=\(seed))")
                return
            }
        }
    }
}
