import Glibc
import Testing
import TestSupport

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
        let seed = TestSupport.seed(default: 0xA5C1_15EA)
        var random = SplitMix64(seed: seed)
        func next() -> UInt64 { random.next() }
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
