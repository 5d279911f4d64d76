import Testing
import YAMLKit

/// `Node.document`: the YAML 1.2 core schema for plain scalars, strings for everything else.
@Suite struct ResolveTests {
    static let plain: [(String, Document)] = [
        ("", nil), ("~", nil), ("null", nil), ("Null", nil), ("NULL", nil), ("nULL", "nULL"),
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
        ("tRUE", "tRUE"), ("yes", "yes"), ("No", "No"), ("on", "on"), ("y", "y"),
        ("0", 0), ("-17", -17), ("+5", 5), ("012", 12), ("012345678901", 12_345_678_901), ("0o17", 15), ("0x1F", 31),
        ("0x1f", 31), ("0o", "0o"), ("0x", "0x"), ("0o8", "0o8"), ("0xG", "0xG"), ("-0x1F", "-0x1F"), ("0X1F", "0X1F"),
        ("0b101", "0b101"), ("1_000", "1_000"), ("190:20:30", "190:20:30"),
        ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", "9223372036854775808"),
        ("1.5", 1.5), ("-1.5", -1.5), ("+1.5", 1.5), (".5", 0.5), ("-.5", -0.5), ("1.", 1.0), ("1e3", 1000.0),
        ("1E-3", 0.001), ("1.5e+3", 1500.0), ("-.5e2", -50.0), ("0.1", 0.1), ("1.0e+16", 1e16),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), ("+.INF", .double(.infinity)),
        ("-.inf", .double(-.infinity)), ("-.Inf", .double(-.infinity)),
        ("1e", "1e"), ("e3", "e3"), (".", "."), ("1.2.3", "1.2.3"), ("1__0", "1__0"), ("inf", "inf"), ("nan", "nan"),
        (".infinity", ".infinity"), ("0x1p3", "0x1p3"), ("1e3.5", "1e3.5"), ("+", "+"), ("-", "-"), (" 1", " 1"),
        ("2001-12-14", "2001-12-14"), ("1,000", "1,000"), ("١٢", "١٢"),
    ]

    @Test(arguments: plain)
    func plainScalarsResolveByTheCoreSchema(text: String, expected: Document) {
        #expect(Node.Scalar(text, style: .plain).resolved == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(_ text: String) {
        guard case .double(let value) = Node.Scalar(text, style: .plain).resolved else {
            Issue.record("expected a double")
            return
        }
        #expect(value.isNaN)
    }

    @Test(arguments: [Node.Scalar.Style.singleQuoted, .doubleQuoted, .literal, .folded])
    func everyOtherStyleIsAString(_ style: Node.Scalar.Style) {
        for text in ["", "null", "true", "1", "1.5", ".inf", "~"] {
            #expect(Node.Scalar(text, style: style).resolved == .string(text))
        }
    }

    @Test func documentsResolveEveryScalarAndKeepKeysAsText() throws {
        let yaml = "null: ~\n1: '1'\ntrue: [1, \"2\", 3.0, yes]\nlit: |\n  1\n"
        #expect(
            try YAMLReader.parse(yaml)?.document == [
                "null": nil, "1": "1", "true": [1, "2", 3.0, "yes"], "lit": "1\n",
            ])
    }

    @Test func aNonScalarKeyBuiltByHandBecomesTheEmptyKey() {
        let mark = Mark(line: 1, column: 1)
        let key = Node(.sequence([]), at: mark)
        let node = Node(
            .mapping([Node.Pair(key: key, value: Node(.scalar(.init("v", style: .plain)), at: mark))]), at: mark)
        #expect(node.document == ["": "v"])
    }
}
