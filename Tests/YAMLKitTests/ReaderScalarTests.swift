import Testing
import YAMLKit

/// Scalars: the exact text after quotes, escapes, folding and chomping, and the style recorded.
@Suite struct ReaderScalarTests {
    /// Reads `yaml` as a single scalar document.
    static func scalar(_ yaml: String) throws -> Node.Scalar? {
        try YAMLReader.parse(yaml)?.scalar
    }

    static let plain: [(String, String)] = [
        ("a b  c", "a b  c"),
        ("  leading", "leading"),
        ("trailing   ", "trailing"),
        ("a\n  b\n\n  c\n\n\n  d", "a b\nc\n\nd"),
        ("a   \n   b", "a b"),
        ("012345678901", "012345678901"),
        ("a:b", "a:b"),
        ("-a", "-a"),
        ("a # comment", "a"),
        ("a\t# comment", "a"),
        ("a,b[c]{d}", "a,b[c]{d}"),
        ("it's \"quoted\"", "it's \"quoted\""),
        ("é ü 😀", "é ü 😀"),
        ("first\nsecond # comment", "first second"),
    ]

    @Test(arguments: plain)
    func plainScalars(yaml: String, text: String) throws {
        #expect(try Self.scalar(yaml) == Node.Scalar(text, style: .plain))
    }

    static let singleQuoted: [(String, String)] = [
        ("'a''b'", "a'b"),
        ("''", ""),
        ("''''", "'"),
        ("'  spaced  '", "  spaced  "),
        ("'a\n  b\n\n  c'", "a b\nc"),
        ("'a   \n   b'", "a b"),
        ("'\\n is not an escape'", "\\n is not an escape"),
        ("'# not a comment'", "# not a comment"),
        ("'a: b'", "a: b"),
        ("'tab\there'", "tab\there"),
    ]

    @Test(arguments: singleQuoted)
    func singleQuotedScalars(yaml: String, text: String) throws {
        #expect(try Self.scalar(yaml) == Node.Scalar(text, style: .singleQuoted))
    }

    static let doubleQuoted: [(String, String)] = [
        (#""\0""#, "\0"),
        (#""\a""#, "\u{07}"),
        (#""\b""#, "\u{08}"),
        (#""\t""#, "\t"),
        ("\"\\\t\"", "\t"),
        (#""\n""#, "\n"),
        (#""\v""#, "\u{0B}"),
        (#""\f""#, "\u{0C}"),
        (#""\r""#, "\r"),
        (#""\e""#, "\u{1B}"),
        (#""\ ""#, " "),
        (#""\"""#, "\""),
        (#""\/""#, "/"),
        (#""\\""#, "\\"),
        (#""\N""#, "\u{85}"),
        (#""\_""#, "\u{A0}"),
        (#""\L""#, "\u{2028}"),
        (#""\P""#, "\u{2029}"),
        (#""\x41\x7e""#, "A~"),
        (#""\xe9""#, "é"),
        (#""\u00E9\u00e9""#, "éé"),
        (#""\U0001F600""#, "😀"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\u2028""#, "\u{2028}"),
        ("\"a\n  b\"", "a b"),
        ("\"a\n\n  b\"", "a\nb"),
        ("\"a  \n  b\"", "a b"),
        ("\"a \\\n  b\"", "a b"),
        ("\"a\\\n\n  b\"", "a\nb"),
        ("\"a\\t\n  b\"", "a\t b"),
        ("\"trailing  \"", "trailing  "),
        ("\" lead\"", " lead"),
        ("\"a\tb\"", "a\tb"),
        ("\"'single' inside\"", "'single' inside"),
        ("\"é😀\"", "é😀"),
    ]

    @Test(arguments: doubleQuoted)
    func doubleQuotedScalarsAndEscapes(yaml: String, text: String) throws {
        #expect(try Self.scalar(yaml) == Node.Scalar(text, style: .doubleQuoted))
    }

    /// Block scalars in every chomping and indentation variant, as a mapping value unless the
    /// text starts with its indicator (then the document root).
    static let blocks: [(String, String, Node.Scalar.Style)] = [
        ("a: |\n  x\n  y\n", "x\ny\n", .literal),
        ("a: |-\n  x\n  y\n", "x\ny", .literal),
        ("a: |+\n  x\n  y\n\n\n", "x\ny\n\n\n", .literal),
        ("a: |\n  x\n\n\n", "x\n", .literal),
        ("a: |-\n  x\n\n", "x", .literal),
        // Without a final line break there is no break to clip or keep.
        ("a: |\n  x", "x", .literal),
        ("a: |-\n  x", "x", .literal),
        ("a: |+\n  x", "x", .literal),
        ("a: |\n  x\n   y\n  z\n", "x\n y\nz\n", .literal),
        ("a: |\n\n\n  x\n", "\n\nx\n", .literal),
        ("a: |\n  x\n\n  y\n", "x\n\ny\n", .literal),
        ("a: |\n    x\n    y\n", "x\ny\n", .literal),
        ("a: |2\n    x\n  y\n", "  x\ny\n", .literal),
        ("a: |1-\n   x\n", "  x", .literal),
        ("a: |-1\n   x\n", "  x", .literal),
        ("a: |+1\n  x\n\n", " x\n\n", .literal),
        ("a: |1+\n  x\n\n", " x\n\n", .literal),
        ("a:\n  b: |2\n      x\n", "  x\n", .literal),
        ("- |1\n  x\n", " x\n", .literal),
        ("|2\n   x\n", " x\n", .literal),
        ("a: |  # a comment\n  text\n", "text\n", .literal),
        ("a: |\n  # not a comment\n", "# not a comment\n", .literal),
        ("a: |\n  \tx\n", "\tx\n", .literal),
        ("a: |\n  x  \n", "x  \n", .literal),
        ("a: |\n  \n  x\n", "\nx\n", .literal),
        ("a: |\n  x\n    \n", "x\n  \n", .literal),
        ("a: |\n", "", .literal),
        ("a: |-\n", "", .literal),
        ("a: |+\n\n", "\n", .literal),
        ("a: |\nb: 1\n", "", .literal),
        ("a: |\n  x\nb: 1\n", "x\n", .literal),
        ("a: |\n  x\n# comment at the key's indentation\nb: 1\n", "x\n", .literal),
        ("a: |\n  ---\n  ...\n", "---\n...\n", .literal),
        ("a: >\n  x\n  y\n\n  z\n", "x y\nz\n", .folded),
        ("a: >-\n  x\n  y\n", "x y", .folded),
        ("a: >+\n  x\n\n", "x\n\n", .folded),
        ("a: >\n  x\n    indented\n  y\n", "x\n  indented\ny\n", .folded),
        ("a: >\n  x\n\n    indented\n\n  y\n", "x\n\n  indented\n\ny\n", .folded),
        ("a: >\n\n  x\n", "\nx\n", .folded),
        ("a: >\n  x\n\n\n  y\n", "x\n\ny\n", .folded),
        ("a: >2\n   x\n  y\n", " x\ny\n", .folded),
        ("- >\n  folded\n  text\n- |\n  literal\n", "folded text\n", .folded),
    ]

    @Test(arguments: blocks)
    func blockScalars(yaml: String, text: String, style: Node.Scalar.Style) throws {
        let root = try #require(try YAMLReader.parse(yaml))
        let node: Node?
        switch root.kind {
        case .scalar: node = root
        case .mapping(let pairs): node = pairs.first.map(\.value)
        case .sequence(let items): node = items.first
        }
        guard let mappingValue = node, case .mapping(let pairs) = mappingValue.kind else {
            #expect(node?.scalar == Node.Scalar(text, style: style))
            return
        }
        // `a:\n  b: |2` nests one level deeper.
        #expect(pairs.first?.value.scalar == Node.Scalar(text, style: style))
    }

    @Test func literalBlockEndsAtTheNextKeyAndKeepsTheRest() throws {
        let doc = try YAMLReader.parse("script: |\n  set -e\n  make test\nnext: true\n")?.document
        #expect(doc == ["script": "set -e\nmake test\n", "next": true])
    }

    @Test func emptyValuesAreEmptyPlainScalars() throws {
        let node = try #require(try YAMLReader.parse("a:\nb: ''\n"))
        guard case .mapping(let pairs) = node.kind else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs[0].value.scalar == Node.Scalar("", style: .plain))
        #expect(pairs[1].value.scalar == Node.Scalar("", style: .singleQuoted))
    }
}
