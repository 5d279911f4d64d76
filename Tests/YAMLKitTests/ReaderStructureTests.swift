import Testing
import YAMLKit

/// Block and flow structure: each case is YAML text and the data it must read as.
@Suite struct ReaderStructureTests {
    static let block: [(String, Document)] = [
        ("a: 1\nb: two\n", ["a": 1, "b": "two"]),
        ("a:\n  b:\n    c: d\n", ["a": ["b": ["c": "d"]]]),
        ("a:\n     b: 1\n     c: 2\nd: 3\n", ["a": ["b": 1, "c": 2], "d": 3]),
        ("k:\n  - a\n  - b\n", ["k": ["a", "b"]]),
        ("k:\n- a\n- b\nz: 1\n", ["k": ["a", "b"], "z": 1]),
        ("- a: 1\n  b: 2\n- c: 3\n", [["a": 1, "b": 2], ["c": 3]]),
        ("- a:\n    - x\n  b: 2\n", [["a": ["x"], "b": 2]]),
        ("- a:\n  - x\n  b: 2\n", [["a": ["x"], "b": 2]]),
        ("- - a\n  - b\n- - - c\n", [["a", "b"], [["c"]]]),
        ("-   - a\n    - b\n", [["a", "b"]]),
        ("- key:\n    nested: 1\n  other: 2\n", [["key": ["nested": 1], "other": 2]]),
        ("a:\nb: ~\nc: null\nd:\n", ["a": nil, "b": nil, "c": nil, "d": nil]),
        ("-\n- a\n-\n", [nil, "a", nil]),
        ("a: 1\na: 2\n", .map([.init("a", 1), .init("a", 2)])),
        ("\"a b\": 1\n'c: d': 2\n\"\": 3\n", ["a b": 1, "c: d": 2, "": 3]),
        ("a   : 1\n", ["a": 1]),
        ("a:\tb\n", ["a": "b"]),
        ("a: [1, {b: c}]\nd: {}\ne: []\n", ["a": [1, ["b": "c"]], "d": [:], "e": []]),
        ("hello\n", "hello"),
        ("[a, b]\n", ["a", "b"]),
        ("'x'\n", "x"),
        ("url: http://example.com/a#frag\n", ["url": "http://example.com/a#frag"]),
        ("a: b#c\n", ["a": "b#c"]),
        ("- -1\n- -a\n- ?x\n- :x\n", [-1, "-a", "?x", ":x"]),
        ("a: value with spaces   \n", ["a": "value with spaces"]),
        ("arn: arn:${AWS::Partition}:s3:::b/*\n", ["arn": "arn:${AWS::Partition}:s3:::b/*"]),
        ("a:\n  - b\n  -\n    c: d\n", ["a": ["b", ["c": "d"]]]),
        ("a:\n- b\n-\n  - c\n", ["a": ["b", ["c"]]]),
        ("é: ü\n😀: [✓]\n", ["é": "ü", "😀": ["✓"]]),
        ("a: 1 # one\nb: 2\n", ["a": 1, "b": 2]),
    ]

    @Test(arguments: block)
    func blockStructure(yaml: String, expected: Document) throws {
        #expect(try YAMLReader.parse(yaml)?.document == expected)
    }

    static let flow: [(String, Document)] = [
        ("[a, [b, c], {d: e}]", ["a", ["b", "c"], ["d": "e"]]),
        ("[\n  a,\n  b\n]\n", ["a", "b"]),
        ("{a: 1, b: 2,}", ["a": 1, "b": 2]),
        ("[a, b, ]", ["a", "b"]),
        ("[a: b, c]", [["a": "b"], "c"]),
        ("[\"a\":b]", [["a": "b"]]),
        ("{\"a\":1,\"b\":[true,false,null]}", ["a": 1, "b": [true, false, nil]]),
        ("{a, b: }", ["a": nil, "b": nil]),
        ("{a: , b}", ["a": nil, "b": nil]),
        ("[ 'x', \"y\" ]", ["x", "y"]),
        ("[a\n  b, c]", ["a b", "c"]),
        ("[a, # comment\n b]", ["a", "b"]),
        ("[]", []),
        ("{}", [:]),
        ("[[[]]]", [[[]]]),
        ("{a: [1, 2], b: {c: d}}", ["a": [1, 2], "b": ["c": "d"]]),
        ("[a:b, http://x/y, a-b, -1, ?x, x?]", ["a:b", "http://x/y", "a-b", -1, "?x", "x?"]),
        ("{a: b c, d e: f}", ["a": "b c", "d e": "f"]),
        ("[a #comment ] hides the bracket\n]", ["a"]),
        ("[a#b]", ["a#b"]),
        ("key: [a,\n b]\n", ["key": ["a", "b"]]),
        ("key: [\n  a,\n  b\n]\n", ["key": ["a", "b"]]),
        ("- [a,\n  b]\n- {c: d\n}\n", [["a", "b"], ["c": "d"]]),
        ("[a,\nb]\n", ["a", "b"]),
        ("key: {a: 1,\n  b: 2}\nnext: 3\n", ["key": ["a": 1, "b": 2], "next": 3]),
    ]

    @Test(arguments: flow)
    func flowStructure(yaml: String, expected: Document) throws {
        #expect(try YAMLReader.parse(yaml)?.document == expected)
    }

    static let documents: [(String, Document?)] = [
        ("", nil),
        ("# only a comment\n", nil),
        ("\n\n  \n", nil),
        ("---\n", nil),
        ("---\n...\n", nil),
        ("---\na: 1\n", ["a": 1]),
        ("--- # comment\na: 1\n...\n", ["a": 1]),
        ("a: 1\n...\n# after the end\n", ["a": 1]),
        ("a: 1\n...\n...\n", ["a": 1]),
        ("--- text\n", "text"),
        ("--- [a]\n", ["a"]),
        ("--- |\n  literal\n", "literal\n"),
        ("\u{FEFF}a: 1\n", ["a": 1]),
        ("a: 1\r\nb:\r\n  - x\r\n", ["a": 1, "b": ["x"]]),
        ("a: 1\rb: 2\r", ["a": 1, "b": 2]),
        ("a: |\r\n  x\r\n  y\r\n", ["a": "x\ny\n"]),
        (
            "# head\na: 1 # trailing\n# between\nb:   # after the key\n  - x # item\n  # inside\n  - y\n# end\n",
            ["a": 1, "b": ["x", "y"]]
        ),
    ]

    @Test(arguments: documents)
    func documentMarkersCommentsAndLineBreaks(yaml: String, expected: Document?) throws {
        #expect(try YAMLReader.parse(yaml)?.document == expected)
    }

    @Test func duplicateKeysKeepEveryPairInOrder() throws {
        let node = try #require(try YAMLReader.parse("a: 1\nb: 2\na: 3\n"))
        guard case .mapping(let pairs) = node.kind else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs.map { $0.key.scalar?.text } == ["a", "b", "a"])
        #expect(
            pairs.map(\.key.mark) == [Mark(line: 1, column: 1), Mark(line: 2, column: 1), Mark(line: 3, column: 1)])
    }

    @Test func bytesOverloadReadsTheSameAsText() throws {
        let text = "a: [é, \"\\u00fc\"]\n"
        #expect(try YAMLReader.parse(Array(text.utf8)) == YAMLReader.parse(text))
    }
}
