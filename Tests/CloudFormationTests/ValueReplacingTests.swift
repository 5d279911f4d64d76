import TestSupport
import Testing

@testable import CloudFormation

/// `Value`'s byte-scanning `replacing` gives the standard library's answers: ASCII text takes the
/// scan; non-ASCII letters, combining marks and `\r\n` are handed to the standard library.
@Suite struct ValueReplacingTests {
    @Test(arguments: [
        ("arn:${AWS::Partition}:ecs:${Cluster}", "${Cluster}", "shop"), ("${a}${a}", "${a}", "x"), ("aaa", "aa", "b"),
        ("abc", "", "x"), ("no match", "${", "${!"), ("${!x} ${y}", "${", "${!"), ("é${x}", "${x}", "v"),
        ("${x}\u{301}", "${x}", "v"), ("a\r\nb", "\n", "x"), ("a\r\nb", "\r", "x"), ("a\nb", "\n", "\r"),
        ("${x}", "${x}", "é"),
        ("", "a", "b"), ("xx${x}", "${x}", ""),
    ])
    func sameAnswersAsTheStandardLibrary(_ text: String, _ target: String, _ replacement: String) {
        #expect(Value.replacing(target, with: replacement, in: text) == text.replacing(target, with: replacement))
    }

    /// Random text over an alphabet of pattern pieces, non-ASCII letters, combining marks and
    /// line breaks; replay a failure with PIPEGEN_SEED.
    @Test func sameAnswersOnRandomText() {
        let seed = TestSupport.seed(default: 0xA5C1_15EA)
        var random = SplitMix64(seed: seed)
        let pieces = ["$", "{", "}", "!", "x", "${x}", "::", ":", "a", "é", "\u{301}", "\r", "\n", "\r\n", "-"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        for _ in 0..<5_000 {
            let (t, p, r) = (
                text(Int(random.next() % 12)), text(Int(random.next() % 3) + 1), text(Int(random.next() % 3))
            )
            guard Value.replacing(p, with: r, in: t) == t.replacing(p, with: r) else {
                Issue.record("differs for \(t.debugDescription) / \(p.debugDescription) (PIPEGEN_SEED=\(seed))")
                return
            }
        }
    }
}
