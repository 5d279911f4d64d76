/// A position in source text: 1-based line and column. Columns count Unicode scalars (not
/// bytes, not grapheme clusters), so `é` is one column and a tab is one column.
public struct Mark: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A node read from YAML or JSON source, remembering where it started.
public struct Node: Hashable, Sendable {
    /// A scalar, a sequence of nodes, or a mapping of key/value pairs in source order.
    public enum Kind: Hashable, Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var kind: Kind
    /// Where the node starts (for a quoted scalar, the opening quote; for a block collection,
    /// its first key or dash; for a flow collection, its bracket).
    public var mark: Mark

    public init(_ kind: Kind, at mark: Mark) {
        self.kind = kind
        self.mark = mark
    }

    /// A key and its value, each with its own mark.
    public struct Pair: Hashable, Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// A scalar's text after quotes, escapes and folding, and how it was written. The text is
    /// not resolved: `012` stays the text "012"; whether it is a number is the reader's caller's
    /// decision (`resolved` gives the YAML 1.2 core-schema answer).
    public struct Scalar: Hashable, Sendable {
        /// How the scalar was written: JSON strings are `.doubleQuoted`, JSON numbers and words `.plain`.
        public enum Style: Hashable, Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        public var text: String
        public var style: Style

        public init(_ text: String, style: Style) {
            self.text = text
            self.style = style
        }

        /// True for a plain scalar that YAML 1.2 reads as null (empty, `~`, `null`).
        public var isNull: Bool {
            style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
        }
    }

    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }
}

/// A syntax error in YAML or JSON source, or input the reader refuses (a feature outside the
/// supported subset, nesting too deep, invalid UTF-8).
public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var mark: Mark
    /// More about the problem (which lines a run of tab-indented lines spans), or nil.
    public var note: String?

    public init(_ message: String, at mark: Mark, note: String? = nil) {
        self.message = message
        self.mark = mark
        self.note = note
    }

    public var description: String { "\(mark): \(message)" }
}
