import Glibc
import Testing
import TestSupport

@testable import YAMLKit

/// `ScalarStyle.of` answers printable ASCII that starts with a letter, `/` or `$` in one pass
/// (`asciiWord`), and other printable ASCII on its bytes (`asciiText`); these tests hold both
/// answers to the general rules, so a change to any path shows up here.
@Suite struct ScalarStyleFastPathTests {
    /// The general path of `ScalarStyle.of`, without the fast path.
    static func general(_ text: String, allowLiteral: Bool = true) -> ScalarStyle {
        if text.isEmpty { return .singleQuoted }
        let scalars = Array(text.unicodeScalars)
        if scalars.contains("\n") { return allowLiteral && ScalarStyle.literalFits(text) ? .literal : .doubleQuoted }
        if scalars.contains(where: ScalarStyle.needsEscape) { return .doubleQuoted }
        return ScalarStyle.plainIsSafe(scalars) ? .plain : .singleQuoted
    }

    static let tricky = [
        "a", "ab", "Allow", "yes", "Yes", "YES", "no", "on", "Off", "y", "N", "~", "null", "Null", "true", "False",
        ".inf", "-.Inf", "+.inf", ".NaN", ".", "+.", "+_", "-", "--", "-a", "a-", "0", "012", "0x1F", "0o17", "1e3",
        "1_000", "12:30", "1.5", "+1", "-1", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1234", "12345",
        "123456", "111111111111", "a: b", "a:b", "a:", "a #b", "a#b", "#a", " a", "a ", "...", "...a", "a...", "<<",
        "<", "=", "==", "?", "?a", "a?", "@a", "`a", "%a", "|", ">", "!a", "&a", "*a", "[a", "{a", "a]", "a,b",
        "'a", "a'b", "\"a", "arn:aws:iam::aws:policy/PowerUserAccess", "${AWS::Region}", "s3:*", "*",
        "Fn::Sub", "logs.${AWS::Region}.amazonaws.com", "demo-artifacts-111111111111-eu-west-1",
        "codepipeline.amazonaws.com", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL", "a\tb", "a\u{7F}",
        "é", "aé", "a\nb", "", " \u{485}x\ny", "x\n \u{301}y", "x \u{301}\ny",
    ]

    @Test(arguments: tricky)
    func fastPathAgreesOnTrickyText(_ text: String) {
        let fast = ScalarStyle.asciiWord(text)
        let first = text.utf8.first ?? 0
        let word = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || first == UInt8(ascii: "/") || first == UInt8(ascii: "$")
        let printable = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        #expect((fast != nil) == (word && printable), "\(text)")
        if let fast { #expect(fast == Self.general(text), "\(text)") }
        if let bytes = ScalarStyle.asciiText(text) { #expect(bytes == Self.general(text), "\(text)") }
        #expect((ScalarStyle.asciiText(text) != nil) == printable, "\(text)")
        #expect(ScalarStyle.of(text) == Self.general(text), "\(text)")
        #expect(ScalarStyle.of(text, allowLiteral: false) == Self.general(text, allowLiteral: false), "\(text)")
    }

    /// SplitMix64-generated strings over an alphabet heavy in indicators, digits and the
    /// letters of the reserved words; replay a failure with PIPEGEN_SEED.
    @Test func fastPathAgreesOnRandomText() {
        let seed = TestSupport.seed(default: 0x5EED_5CA1)
        var random = SplitMix64(seed: seed)
        let alphabet = Array("aeflnorsuxyAEFLNORSTUY0123456789+-._:#' ~<=?[]{},&*!|>%@`\"/$".unicodeScalars)
        let starts = Array("anoytfANOYTF/$".unicodeScalars)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 9) + 1
            // Start like a word half the time, so the fast path is taken often.
            var text = random.next() % 2 == 0 ? String(starts[Int(random.next() % UInt64(starts.count))]) : ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            if ScalarStyle.of(text) != Self.general(text) || ScalarStyle.asciiText(text).map({ $0 != Self.general(text) }) == true {
                Issue.record("'\(text)': fast \(ScalarStyle.of(text)), general \(Self.general(text)) (PIPEGEN_SEED=\(seed))")
                return
            }
        }
    }

}
