import Testing
import TestSupport
import YAMLKit

/// How the writer writes tricky strings: exactly, so that our reader reads them back unchanged,
/// and quoted whenever a YAML 1.1 reader (PyYAML, SnakeYAML) or a YAML 1.2 reader would read
/// the plain text as anything but that string.
@Suite struct WriterQuotingTests {
    /// A string and what follows `k: ` when it is a mapping value.
    static let scalars: [(String, String)] = [
        // Booleans in every case and spelling YAML 1.1 knows.
        ("yes", "'yes'"), ("Yes", "'Yes'"), ("YES", "'YES'"), ("No", "'No'"), ("no", "'no'"),
        ("ON", "'ON'"), ("on", "'on'"), ("off", "'off'"), ("Off", "'Off'"), ("y", "'y'"), ("Y", "'Y'"),
        ("N", "'N'"), ("n", "'n'"), ("True", "'True'"), ("true", "'true'"), ("TRUE", "'TRUE'"),
        ("FALSE", "'FALSE'"), ("false", "'false'"), ("yEs", "'yEs'"),
        // Null.
        ("null", "'null'"), ("Null", "'Null'"), ("NULL", "'NULL'"), ("~", "'~'"), ("", "''"),
        // Integers: decimal, account ids with leading zeros, octal, hex, binary, underscores.
        ("123", "'123'"), ("-17", "'-17'"), ("+5", "'+5'"), ("0", "'0'"), ("012345678901", "'012345678901'"),
        ("0o17", "'0o17'"), ("017", "'017'"), ("0x1F", "'0x1F'"), ("0b101", "'0b101'"), ("1_000", "'1_000'"),
        // Floats.
        ("1.5", "'1.5'"), ("1e3", "'1e3'"), ("6.8523015e+5", "'6.8523015e+5'"), (".5", "'.5'"), ("1.", "'1.'"),
        (".inf", "'.inf'"), ("-.Inf", "'-.Inf'"), ("+.INF", "'+.INF'"), (".NaN", "'.NaN'"), (".", "'.'"),
        ("+", "'+'"), ("+_", "'+_'"), ("1.2.3", "'1.2.3'"),
        // Sexagesimal, dates and timestamps.
        ("190:20:30", "'190:20:30'"), ("1:20", "'1:20'"), ("190:20:30.15", "'190:20:30.15'"),
        ("2001-12-14", "'2001-12-14'"), ("2010-09-09", "'2010-09-09'"),
        ("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
        ("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"), ("2002-1-1", "'2002-1-1'"),
        // Leading indicators.
        ("- a", "'- a'"), ("-a", "'-a'"), ("-", "'-'"), ("? x", "'? x'"), ("?", "'?'"), (": x", "': x'"),
        (":", "':'"), (",", "','"), ("[", "'['"), ("]", "']'"), ("{", "'{'"), ("}", "'}'"), ("[a, b]", "'[a, b]'"),
        ("{a: b}", "'{a: b}'"), ("#c", "'#c'"), ("&a", "'&a'"), ("*a", "'*a'"), ("!t", "'!t'"), ("!!str", "'!!str'"),
        ("|", "'|'"), (">", "'>'"), ("'", "''''"), ("'quoted'", "'''quoted'''"), ("\"", "'\"'"),
        ("\"quoted\"", "'\"quoted\"'"), ("%", "'%'"), ("%YAML", "'%YAML'"), ("@", "'@'"), ("`", "'`'"),
        // Colons and hashes inside.
        ("a: b", "'a: b'"), ("a #b", "'a #b'"), ("a:", "'a:'"), ("key::", "'key::'"), ("a:b", "a:b"),
        ("a#b", "a#b"), ("a,b", "a,b"), ("a[0]", "a[0]"), ("x: y: z", "'x: y: z'"),
        // White space and characters that need escapes.
        (" a", "' a'"), ("a ", "'a '"), ("  ", "'  '"), ("a  b", "a  b"), ("a\tb", "\"a\\tb\""), ("\t", "\"\\t\""),
        ("\u{7}", "\"\\u0007\""), ("\u{1B}[0m", "\"\\u001B[0m\""), ("\0", "\"\\0\""), ("\u{7F}", "\"\\u007F\""),
        ("\u{85}", "\"\\u0085\""), ("\u{2028}", "\"\\u2028\""), ("\u{2029}", "\"\\u2029\""),
        ("\u{FEFF}x", "\"\\uFEFFx\""),
        ("\r", "\"\\r\""), ("a\r\nb", "\"a\\r\\nb\""), ("\u{9F}", "\"\\u009F\""), ("\u{FFFE}", "\"\\uFFFE\""),
        ("quote \" and \\ inside\t", "\"quote \\\" and \\\\ inside\\t\""),
        // YAML 1.1 oddities and document markers.
        ("<<", "'<<'"), ("=", "'='"), ("---", "'---'"), ("...", "'...'"), ("--- a", "'--- a'"), ("... a", "'... a'"),
        // CloudFormation text that stays plain.
        ("${AWS::Region}", "${AWS::Region}"), ("arn:${AWS::Partition}:s3:::b/*", "arn:${AWS::Partition}:s3:::b/*"),
        ("arn:aws:iam::012345678901:role/deploy", "arn:aws:iam::012345678901:role/deploy"),
        ("AWS::IAM::Role", "AWS::IAM::Role"), ("sts:AssumeRole", "sts:AssumeRole"), ("s3:*", "s3:*"),
        ("codepipeline.amazonaws.com", "codepipeline.amazonaws.com"), ("Fn::Sub", "Fn::Sub"), ("Ref", "Ref"),
        ("a.b", "a.b"), ("e", "e"), ("E5", "E5"), ("v1.2", "v1.2"), ("it's", "it's"), ("say \"hi\"", "say \"hi\""),
        // Non-ASCII text.
        ("héllo wörld", "héllo wörld"), ("日本語", "日本語"), ("😀", "😀"), ("a\u{A0}b", "a\u{A0}b"), ("é: x", "'é: x'"),
        // Multi-line text: a literal block when it can be one, each chomping case.
        ("a\nb", "|-\n  a\n  b"), ("a\nb\n", "|\n  a\n  b"), ("a\nb\n\n", "|+\n  a\n  b\n"),
        ("a\nb\n\n\n", "|+\n  a\n  b\n\n"), ("\na", "|-\n\n  a"), ("a\n\nb", "|-\n  a\n\n  b"),
        ("a\n b", "|-\n  a\n   b"),
        ("#!/bin/sh\nset -e\n", "|\n  #!/bin/sh\n  set -e"), ("- a\n- b\n", "|\n  - a\n  - b"),
        ("key: value\n", "|\n  key: value"), ("---\n...\n", "|\n  ---\n  ..."), ("é\n😀", "|-\n  é\n  😀"),
        // ...and double-quoted when a block would change it.
        (" a\nb", "\" a\\nb\""), ("  indented\nline", "\"  indented\\nline\""), ("a \nb", "\"a \\nb\""),
        ("\n", "\"\\n\""), ("\n\n", "\"\\n\\n\""), ("a\n\tb", "\"a\\n\\tb\""), ("a\nb\u{85}", "\"a\\nb\\u0085\""),
        // A space followed by a combining mark is one Character, but still a leading or trailing
        // space to a reader (found by fuzzing).
        (" \u{485}>x\n]0", "\" \u{485}>x\\n]0\""), ("a \u{301}\nb", "|-\n  a \u{301}\n  b"),
    ]

    @Test(arguments: scalars)
    func writesTheExactTextAndReadsItBack(string: String, expected: String) throws {
        let text = YAMLWriter().write(["k": .string(string)])
        #expect(text == "k: \(expected)\n")
        #expect(try YAMLReader.parse(text)?.document == ["k": .string(string)])
    }

    @Test(arguments: scalars)
    func worksAsAKeyAListItemAndTheRoot(string: String, expected: String) throws {
        for document: Document in [
            [string: 1], [.string(string)], .string(string), [[.string(string)]], [["x": .string(string)]],
        ] {
            let text = YAMLWriter().write(document)
            #expect(try YAMLReader.parse(text)?.document == document, "\(text.debugDescription)")
        }
    }

    /// Plain only when every YAML 1.1 and 1.2 reader reads a string; quoted forms are strings to all.
    @Test(arguments: scalars)
    func plainOnlyWhenEveryReaderReadsAString(string: String, expected: String) {
        let plain = expected == string
        if plain {
            #expect(YAML11.tag(ofPlain: string) == "str")
        }
        if YAML11.tag(ofPlain: string) != "str" {
            #expect(!plain)
            #expect(expected.hasPrefix("'") || expected.hasPrefix("\""))
        }
    }

    /// Thousands of number-, date- and keyword-like strings: whenever any reader would resolve
    /// one to something else, the writer quotes it.
    @Test func everyStringAnyReaderResolvesIsQuoted() {
        var rng = SplitMix64(seed: seed(default: 0x0_11))
        let alphabet = Array("0123456789_.:+-eExXoObBaAfFinIN tTzZ")
        let words = ["yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", ".inf", ".nan", "<<", "="]
        var resolved = 0
        for _ in 0..<20_000 {
            var text = String(
                (0..<Int(rng.next() % 8 + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if rng.next() % 4 == 0 {
                text = words[Int(rng.next() % UInt64(words.count))]
                if rng.next() % 2 == 0 { text = text.uppercased() }
                if rng.next() % 2 == 0 { text = text.prefix(1).uppercased() + text.dropFirst() }
            }
            guard YAML11.tag(ofPlain: text) != "str" else { continue }
            resolved += 1
            #expect(
                ScalarStyle.of(text) != .plain,
                "\(text.debugDescription) is \(YAML11.tag(ofPlain: text)) to a YAML 1.1 reader")
        }
        #expect(resolved > 2_000)
    }

    @Test func literalBlocksAreIndentedUnderTheirKeyAndListItem() throws {
        let document: Document = ["outer": ["script": "make\nmake test\n", "list": ["one\ntwo"]]]
        let text = YAMLWriter().write(document)
        #expect(
            text == """
                outer:
                  script: |
                    make
                    make test
                  list:
                    - |-
                      one
                      two

                """)
        #expect(try YAMLReader.parse(text)?.document == document)
    }
}
