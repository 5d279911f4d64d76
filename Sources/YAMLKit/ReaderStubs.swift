// TEMPORARY: replaced by the real readers when the `yaml` branch lands.
public enum YAMLReader {
    public static func parse(_ text: String) throws(SyntaxError) -> Node? { throw SyntaxError("reader not built", at: Mark(line: 1, column: 1)) }
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node? { throw SyntaxError("reader not built", at: Mark(line: 1, column: 1)) }
}
public enum JSONReader {
    public static func parse(_ text: String) throws(SyntaxError) -> Node? { throw SyntaxError("reader not built", at: Mark(line: 1, column: 1)) }
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node? { throw SyntaxError("reader not built", at: Mark(line: 1, column: 1)) }
}
