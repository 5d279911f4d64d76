import Testing
import YAMLKit

/// Every refusal and syntax error, with `1️⃣` where the error must point.
@Suite struct ReaderErrorTests {
    static let refusals: [(String, String)] = [
        ("a: 1️⃣&anchor value\n", "anchors ('&name') are not supported"),
        ("- 1️⃣&a\n", "anchors ('&name') are not supported"),
        ("a: 1️⃣*alias\n", "aliases ('*name') are not supported"),
        ("[a, 1️⃣*b]", "aliases ('*name') are not supported"),
        ("a: 1️⃣!!str 1\n", "tags ('!tag') are not supported"),
        ("a: 1️⃣!custom x\n", "tags ('!tag') are not supported"),
        ("1️⃣!tag\n", "tags ('!tag') are not supported"),
        ("1️⃣<<: {a: 1}\n", "merge keys ('<<') are not supported"),
        ("a: 1\n1️⃣<<: {b: 2}\n", "merge keys ('<<') are not supported"),
        ("{1️⃣<<: x}", "merge keys ('<<') are not supported"),
        ("1️⃣%YAML 1.2\n---\na: 1\n", "directives ('%YAML', '%TAG') are not supported"),
        ("# comment\n1️⃣%TAG ! tag:example.com,2000:\n---\n", "directives ('%YAML', '%TAG') are not supported"),
        ("a: 1\n1️⃣---\nb: 2\n", "multiple documents are not supported"),
        ("---\na: 1\n1️⃣---\n", "multiple documents are not supported"),
        ("a: 1\n...\n1️⃣b: 2\n", "multiple documents are not supported"),
        ("a: 1\n...\n1️⃣---\nb: 2\n", "multiple documents are not supported"),
        ("1️⃣? complex\n: value\n", "complex mapping keys ('? ') are not supported"),
        ("- 1️⃣? x\n", "complex mapping keys ('? ') are not supported"),
        ("{1️⃣? x: y}", "complex mapping keys ('? ') are not supported"),
        ("1️⃣[a]: b\n", "collections as mapping keys are not supported"),
        ("1️⃣{a: b}: c\n", "collections as mapping keys are not supported"),
        ("a: 1\n1️⃣[b]: 2\n", "collections as mapping keys are not supported"),
        ("{1️⃣[a]: b}", "collections as mapping keys are not supported"),
        ("[1️⃣{a: b}: c]", "collections as mapping keys are not supported"),
    ]

    static let tabs: [(String, String)] = [
        ("a:\n1️⃣\tb: 1\n", "tabs are not allowed for indentation; use spaces"),
        ("a:\n  1️⃣\tb: 1\n", "tabs are not allowed for indentation; use spaces"),
        ("- a\n1️⃣\t- b\n", "tabs are not allowed for indentation; use spaces"),
        ("a: b\n  1️⃣\tc\n", "tabs are not allowed for indentation; use spaces"),
        ("1️⃣\tkey: value\n", "tabs are not allowed for indentation; use spaces"),
        ("a:\n  - x\n1️⃣\t  - y\n", "tabs are not allowed for indentation; use spaces"),
    ]

    static let syntax: [(String, String)] = [
        ("a: 1️⃣\"unclosed\nb: 2\n", "unclosed double-quoted string"),
        ("a: 1️⃣'unclosed\n", "unclosed single-quoted string"),
        ("a: 1️⃣\"ends with a backslash\\", "unclosed double-quoted string"),
        ("a: 1️⃣\"x\n---\n\"\n", "unclosed double-quoted string"),
        ("a: 1️⃣[1, 2\nb: 3\n", "unclosed '['"),
        ("1️⃣{a: 1", "unclosed '{'"),
        ("a: [1, 1️⃣{b: 2\nc: 3\n", "unclosed '{'"),
        ("a: 1️⃣[1,\nb: 3\n", "unclosed '['"),
        ("- 1️⃣[1,\n- 2]\n", "unclosed '['"),
        ("a: [1, {b: 21️⃣]\n", "expected ',' or '}' in a flow mapping"),
        ("1️⃣[a,\n---\n", "unclosed '['"),
        ("[\"a\" 1️⃣b]", "expected ',' or ']' in a flow sequence"),
        ("{a: b 1️⃣] }", "expected ',' or '}' in a flow mapping"),
        ("[1️⃣,]", "unexpected ','"),
        ("[a,1️⃣#b]", "'#' cannot start a plain scalar; quote the value, or put a space before a comment"),
        ("[1️⃣#b]", "'#' cannot start a plain scalar; quote the value, or put a space before a comment"),
        ("[a, 1️⃣, b]", "unexpected ','"),
        ("a: 1️⃣]\n", "unexpected ']'"),
        ("{a: }1️⃣}", "unexpected text after the flow collection"),
        ("[1️⃣- a]", "block sequence entries ('- ') are not allowed inside flow collections"),
        ("[1️⃣|]", "block scalars ('|', '>') are not allowed inside flow collections"),
        ("[1️⃣: a]", "missing mapping key before ':'"),
        ("1️⃣: x\n", "missing mapping key before ':'"),
        ("a: 1\n  1️⃣b: 2\n", "bad indentation of a mapping entry"),
        ("a:\n    b: 1\n  1️⃣c: 2\n", "bad indentation of a mapping entry"),
        ("a: |\n    x\n  1️⃣y\n", "bad indentation of a mapping entry"),
        ("  a: 1\n1️⃣b: 2\n", "bad indentation of a mapping entry"),
        ("- - a\n 1️⃣- b\n", "bad indentation of a sequence entry"),
        ("- a\n1️⃣b: c\n", "expected a sequence entry starting with '- '"),
        ("a: 1\n1️⃣- b\n", "expected a mapping key, not a sequence entry"),
        ("a: 1\n1️⃣b\n", "expected ':' after the mapping key 'b'"),
        ("1️⃣project pipegen\nenvironments: []\n", "expected ':' after the mapping key 'project pipegen'"),
        ("pipelines:\n  1️⃣build\n  deploy: x\n", "expected ':' after the mapping key 'build'"),
        ("- item\n  1️⃣k: v\n", "bad indentation of a mapping entry"),
        ("key:\n  text\n    1️⃣more: x\n", "bad indentation of a mapping entry"),
        ("a: 1\n1️⃣\"b\" x\n", "expected ':' after the mapping key 'b'"),
        ("a: 1\n1️⃣[b]\n", "expected a mapping key, not a flow collection"),
        ("a: 1\n1️⃣|\n", "a block scalar cannot be a mapping key"),
        ("key: value1️⃣: x\n", "mapping values are not allowed here; quote the value if it contains ': '"),
        ("key: \"value\"1️⃣: x\n", "mapping values are not allowed here; quote the value if it contains ': '"),
        ("a: 1️⃣- b\n", "a block sequence cannot start on the same line as its key; start it on the next line"),
        ("--- 1️⃣- a\n", "a block sequence cannot start on the same line as its key; start it on the next line"),
        ("\"a\":1️⃣1\n", "missing space after ':'"),
        ("a: 1\n'b':1️⃣2\n", "missing space after ':'"),
        ("a: \"b\"1️⃣#c\n", "unexpected text after the closing quote"),
        ("a: \"b\" 1️⃣c\n", "unexpected text after the closing quote"),
        ("a: [b] 1️⃣c\n", "unexpected text after the flow collection"),
        ("\"a\"\n1️⃣b\n", "unexpected text after the document's root value"),
        ("... 1️⃣x\n", "unexpected text after the document end marker '...'"),
        ("1️⃣\"a\nb\": 1\n", "a mapping key must be on a single line"),
        ("{1️⃣a\n b: 1}", "a mapping key must be on a single line"),
        ("a: 1️⃣@x\n", "'@' is reserved and cannot start a plain scalar; quote the value"),
        ("a: 1️⃣`x`\n", "'`' is reserved and cannot start a plain scalar; quote the value"),
        ("a: 1️⃣%x\n", "'%' cannot start a plain scalar; quote the value"),
        ("a: \"1️⃣\\q\"\n", "invalid escape '\\q'"),
        ("a: \"1️⃣\\'\"\n", "invalid escape '\\''"),
        ("a: \"x1️⃣\\é\"\n", "invalid escape '\\é'"),
        ("a: \"1️⃣\\x4G\"\n", "invalid escape '\\x': expected 2 hexadecimal digits"),
        ("a: \"1️⃣\\u12\"\n", "invalid escape '\\u': expected 4 hexadecimal digits"),
        ("a: \"1️⃣\\U0001F60\"\n", "invalid escape '\\U': expected 8 hexadecimal digits"),
        ("a: \"1️⃣\\uD800\"\n", "invalid escape '\\uD800': not a Unicode scalar value"),
        ("a: \"1️⃣\\uDC00\"\n", "invalid escape '\\uDC00': not a Unicode scalar value"),
        ("a: \"1️⃣\\U00110000\"\n", "invalid escape '\\U00110000': not a Unicode scalar value"),
        ("a: |1️⃣0\n", "a block scalar's indentation indicator must be between 1 and 9"),
        ("a: |1️⃣x\n", "unexpected text after the block scalar header; expected a line break, '-', '+' or a digit"),
        ("a: |-1️⃣-\n", "unexpected text after the block scalar header; expected a line break, '-', '+' or a digit"),
        ("a: >1️⃣#c\n", "unexpected text after the block scalar header; expected a line break, '-', '+' or a digit"),
        (
            "a: |\n      1️⃣\n  x\n",
            "a leading blank line of a block scalar must not have more spaces than its first line"
        ),
        ("a: 1️⃣\u{0}\n", "invalid character U+0000; write it as an escape in a double-quoted string"),
        ("a: \"x1️⃣\u{7}\"\n", "invalid character U+0007; write it as an escape in a double-quoted string"),
        ("a: 1️⃣\u{7F}\n", "invalid character U+007F; write it as an escape in a double-quoted string"),
        ("é: ü1️⃣\u{9F}\n", "invalid character U+009F; write it as an escape in a double-quoted string"),
        ("a: 1️⃣\u{FFFE}\n", "invalid character U+FFFE; write it as an escape in a double-quoted string"),
        ("a: b\n1️⃣\u{1B}[0m\n", "invalid character U+001B; write it as an escape in a double-quoted string"),
        ("a: b\r\nc: é1️⃣\u{1B}\r\n", "invalid character U+001B; write it as an escape in a double-quoted string"),
        ("a: b\rc: \u{85}1️⃣\u{1B}\r", "invalid character U+001B; write it as an escape in a double-quoted string"),
    ]

    static func check(_ source: String, _ message: String) {
        let (text, mark) = locate(source)
        let error = syntaxError { () throws(SyntaxError) in try YAMLReader.parse(text) }
        #expect(error == SyntaxError(message, at: mark))
    }

    @Test(arguments: refusals)
    func unsupportedFeaturesAreRefusedWhereTheyAre(source: String, message: String) {
        Self.check(source, message)
    }

    @Test(arguments: tabs)
    func tabsInIndentationAreRefused(source: String, message: String) {
        Self.check(source, message)
    }

    @Test(arguments: syntax)
    func syntaxErrorsPointAtTheirCause(source: String, message: String) {
        Self.check(source, message)
    }

    /// Tabs are fine where they are not indentation.
    @Test(arguments: [
        "a:\tb\n", "a: b\t# c\n", "\t# comment\na: 1\n", "a: [1,\n\t2]\n", "a: \"x\n\ty\"\n", "a: |\n  \tx\n",
        "- a\t\n",
    ])
    func tabsOutsideIndentationAreAccepted(_ text: String) throws {
        #expect(try YAMLReader.parse(text) != nil)
    }

    static let invalidUTF8: [([UInt8], [UInt8], String)] = [
        (Array("a: ".utf8), [0xFF], "invalid UTF-8 byte 0xFF"),
        (Array("é: ".utf8), [0xC3], "invalid UTF-8 byte 0xC3"),
        (Array("a: b\nc: ".utf8), [0x80, 0x41], "invalid UTF-8 byte 0x80"),
        (Array("😀 ".utf8), [0xC0, 0x80], "invalid UTF-8 byte 0xC0"),
        (Array("a: ".utf8), [0xED, 0xA0, 0x80], "invalid UTF-8 byte 0xED"),
        (Array("a: ".utf8), [0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 byte 0xF4"),
        (Array("a: ".utf8), [0xE2, 0x82], "invalid UTF-8 byte 0xE2"),
        (Array("a: \"x".utf8), [0xFE, 0x22], "invalid UTF-8 byte 0xFE"),
        (Array("a: 1\r\nb: é".utf8), [0xFF], "invalid UTF-8 byte 0xFF"),
        (Array("a: 1\rb: \r\r".utf8), [0xBF], "invalid UTF-8 byte 0xBF"),
        (Array("\u{FEFF}a: ".utf8), [0xF8], "invalid UTF-8 byte 0xF8"),
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8IsReportedWhereItStarts(before: [UInt8], bad: [UInt8], message: String) {
        let prefix = String(decoding: before, as: UTF8.self)
        let (_, mark) = locate(prefix + marker)
        #expect(
            syntaxError { () throws(SyntaxError) in try YAMLReader.parse(before + bad) }
                == SyntaxError(message, at: mark))
        #expect(
            syntaxError { () throws(SyntaxError) in try JSONReader.parse(before + bad) }
                == SyntaxError(message, at: mark))
    }

    @Test func nestingLimitIsExactlyTheMaximum() throws {
        let depth = YAMLReader.maximumDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try YAMLReader.parse(ok) != nil)
        let source = String(repeating: "[", count: depth) + marker + "[" + String(repeating: "]", count: depth + 1)
        Self.check(source, "nesting deeper than \(depth) levels is not supported")
    }

    @Test func blockNestingLimitPointsAtTheFirstTooDeepCollection() {
        let depth = YAMLReader.maximumDepth
        let sequences = String(repeating: "- ", count: depth) + marker + "- a\n"
        Self.check(sequences, "nesting deeper than \(depth) levels is not supported")
        var mappings = ""
        for level in 0...depth {
            mappings += String(repeating: " ", count: level) + (level == depth ? marker : "") + "k:\n"
        }
        Self.check(mappings, "nesting deeper than \(depth) levels is not supported")
    }
}
