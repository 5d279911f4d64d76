import Testing
import YAMLKit

@Suite struct JSONReaderTests {
    static let values: [(String, Document)] = [
        (
            "{\"a\": 1, \"b\": [true, false, null], \"c\": \"x\\u00e9\\n\", \"d\": -1.5e3, \"e\": {}, \"f\": []}",
            ["a": 1, "b": [true, false, nil], "c": "xé\n", "d": -1500.0, "e": [:], "f": []]
        ),
        ("[]", []),
        ("{}", [:]),
        ("\"text\"", "text"),
        ("0", 0),
        ("-0", 0),
        ("1.0", 1.0),
        ("1E+2", 100.0),
        ("123456789012", 123_456_789_012),
        ("\"012345678901\"", "012345678901"),
        ("\"true\"", "true"),
        ("\"null\"", "null"),
        (" \n\t\r\n[1 ,2\n,3 ] \n", [1, 2, 3]),
        ("{\"a\": 1, \"a\": 2}", .map([.init("a", 1), .init("a", 2)])),
        ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\ud83d\\ude00\"", "\"\\/\u{8}\u{C}\n\r\tA😀"),
        ("\"raw é 😀 \u{7F} \u{2028}\"", "raw é 😀 \u{7F} \u{2028}"),
        ("\u{FEFF}{\"a\": [1]}", ["a": [1]]),
        ("[[[[\"deep\"]]]]", [[[["deep"]]]]),
    ]

    @Test(arguments: values)
    func readsValues(json: String, expected: Document) throws {
        #expect(try JSONReader.parse(json).document == expected)
        #expect(try JSONReader.parse(Array(json.utf8)).document == expected)
    }

    @Test func scalarsKeepTheirLiteralTextAndStyle() throws {
        let node = try JSONReader.parse("[\"s\", 1.50, -0, 1e5, true, false, null]")
        guard case .sequence(let items) = node.kind else {
            Issue.record("expected a sequence")
            return
        }
        #expect(
            items.compactMap(\.scalar) == [
                Node.Scalar("s", style: .doubleQuoted), Node.Scalar("1.50", style: .plain),
                Node.Scalar("-0", style: .plain),
                Node.Scalar("1e5", style: .plain), Node.Scalar("true", style: .plain),
                Node.Scalar("false", style: .plain),
                Node.Scalar("null", style: .plain),
            ])
    }

    @Test(arguments: [
        "§{\n  §\"a\": §1,\n  §\"b\": §[§true, §null, §\"é\"],\n  §\"😀\": §{§\"k\": §-2.5}\n}\n",
        "§[§{}, §[], §\"x\"]",
        "  §\"top\"",
        "§{\r\n§\"a\": §1\r\n}",
    ])
    func marksAreWhereValuesStart(_ source: String) throws {
        let (text, marks) = locateAll(source)
        #expect(preorderMarks(try JSONReader.parse(text)) == marks)
    }

    static let errors: [(String, String)] = [
        ("1️⃣", "expected a JSON value, found the end of the input"),
        ("  \n1️⃣", "expected a JSON value, found the end of the input"),
        ("[1, 1️⃣]", "trailing commas are not allowed in JSON"),
        ("{\"a\": 1, 1️⃣}", "trailing commas are not allowed in JSON"),
        ("1️⃣{\"a\": 1", "unclosed '{'"),
        ("1️⃣{\"a\"", "unclosed '{'"),
        ("1️⃣[1, 2", "unclosed '['"),
        ("[1️⃣\"abc", "unclosed string"),
        ("[1️⃣\"abc\\", "unclosed string"),
        ("{\"a\": 1️⃣", "expected a JSON value, found the end of the input"),
        ("{1️⃣a: 1}", "expected a string key, found 'a'"),
        ("{1️⃣'a': 1}", "expected a string key, found \"'\""),
        ("{\"a\" 1️⃣1}", "expected ':' after the key 'a', found '1'"),
        ("[1 1️⃣2]", "expected ',' or ']', found '2'"),
        ("{\"a\": 1 1️⃣\"b\": 2}", "expected ',' or '}', found '\"'"),
        ("1️⃣01", "invalid number: leading zeros are not allowed"),
        ("[-1️⃣a]", "invalid number: expected a digit, found 'a'"),
        ("1.1️⃣e", "invalid number: expected a digit after '.', found 'e'"),
        ("1e+1️⃣", "invalid number: expected a digit in the exponent, found the end of the input"),
        ("1️⃣tru", "expected a JSON value, found 't'"),
        ("[1️⃣True]", "expected a JSON value, found 'T'"),
        ("[1️⃣NaN]", "expected a JSON value, found 'N'"),
        ("[1️⃣+1]", "expected a JSON value, found '+'"),
        ("[1️⃣.5]", "expected a JSON value, found '.'"),
        ("1️⃣// comment\n1", "expected a JSON value, found '/'"),
        ("[1️⃣é]", "expected a JSON value, found 'é'"),
        ("[1, 2]1️⃣x", "unexpected 'x' after the JSON value"),
        ("{} 1️⃣{}", "unexpected '{' after the JSON value"),
        ("true1️⃣x", "unexpected 'x' after the JSON value"),
        ("\"a1️⃣\u{1}\"", "control character U+0001 must be escaped in a JSON string"),
        ("\"a1️⃣\n\"", "control character U+000A must be escaped in a JSON string"),
        ("\"a1️⃣\t\"", "control character U+0009 must be escaped in a JSON string"),
        ("\"1️⃣\\x41\"", "invalid escape '\\x' in a JSON string"),
        ("\"1️⃣\\'\"", "invalid escape '\\'' in a JSON string"),
        ("\"1️⃣\\uD800\"", "invalid escape: unpaired surrogate '\\uD800'"),
        ("\"1️⃣\\uD800\\u0041\"", "invalid escape: unpaired surrogate '\\uD800'"),
        ("\"1️⃣\\uDC00\"", "invalid escape: unpaired surrogate '\\uDC00'"),
        ("\"1️⃣\\u12G4\"", "invalid escape '\\u': expected 4 hexadecimal digits"),
        ("{\r\n\"a\": 1️⃣x}", "expected a JSON value, found 'x'"),
    ]

    @Test(arguments: errors)
    func errorsPointAtTheirCause(source: String, message: String) {
        let (text, mark) = locate(source)
        #expect(syntaxError { () throws(SyntaxError) in try JSONReader.parse(text) } == SyntaxError(message, at: mark))
    }

    @Test func nestingLimitIsTheReadersLimit() throws {
        let depth = YAMLReader.maximumDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONReader.parse(ok).document != .null)
        let (text, mark) = locate(
            String(repeating: "{\"a\": ", count: depth) + marker + "[]" + String(repeating: "}", count: depth))
        #expect(
            syntaxError { () throws(SyntaxError) in try JSONReader.parse(text) }
                == SyntaxError("nesting deeper than \(depth) levels is not supported", at: mark))
    }

    @Test func everyJSONDocumentIsAlsoReadTheSameByTheYAMLReader() throws {
        for (json, expected) in Self.values where !json.contains("\\/") && !json.contains("\u{7F}") {
            #expect(try YAMLReader.parse(json)?.document == expected, "\(json.debugDescription)")
        }
    }
}
