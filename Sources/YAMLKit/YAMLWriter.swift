/// Writes a `Document` as block-style YAML: 2-space indentation, `\n` line ends, a trailing
/// newline, keys in the document's order, multi-line strings as literal blocks, and every
/// scalar quoted exactly when a YAML 1.1 or 1.2 reader would otherwise read something else.
///
/// Keys are written as implicit keys, which YAML limits to 1024 characters: a longer key is
/// written all the same, but other readers may refuse it. Documents of any depth are written;
/// `YAMLReader` reads back up to `YAMLReader.maximumDepth` levels.
public struct YAMLWriter: Sendable {
    public init() {}

    /// The YAML text of `document`, after `comments` written as `# ` lines (a line break inside
    /// a comment starts another comment line).
    public func write(_ document: Document, comments: [String] = []) -> String {
        write(tree: document, comments: comments)
    }

    /// `write(_:comments:)` for any tree, walked in place.
    @inlinable public func write<Tree: WritableTree>(tree: Tree, comments: [String] = []) -> String {
        var out = Output(capacity: 1 << 16)
        writeComments(comments, into: &out)
        switch tree.shape {
        case .map(let count) where count > 0:
            writeEntries(tree, count: count, indent: 0, into: &out)
        case .list(let count) where count > 0:
            writeItems(tree, count: count, indent: 0, into: &out)
        case let shape:
            // A root block scalar's lines still need indenting: YAML reads a line at column 1 as
            // the end of the block.
            writeScalar(Self.scalar(shape), indent: 2, into: &out)
            out += "\n"
        }
        return out.text
    }

    @usableFromInline func writeComments(_ comments: [String], into out: inout Output) {
        for comment in comments {
            for line in YAMLWriter.commentLines(comment) {
                if line.isEmpty {
                    out += "#\n"
                } else {
                    out += "# "
                    out += line
                    out += "\n"
                }
            }
        }
    }

    /// The scalar of a `.scalar` shape, or the empty list or map of the others.
    @usableFromInline static func scalar(_ shape: TreeShape) -> Document {
        switch shape {
        case .scalar(let value): value
        case .list: .list([])
        case .map: .map([])
        }
    }

    /// `afterDash`: the first entry goes on the line of the list item's `- `.
    @inlinable func writeEntries<Tree: WritableTree>(
        _ map: Tree, count: Int, indent: Int, afterDash: Bool = false, into out: inout Output
    ) {
        let pad = Output.Pad(indent)
        for index in 0..<count {
            let entry = map.entry(index)
            if index > 0 || !afterDash { out += pad }
            writeKey(entry.key, into: &out)
            out += ":"
            writeValue(entry.value, indent: indent, into: &out)
        }
    }

    @inlinable func writeItems<Tree: WritableTree>(
        _ list: Tree, count: Int, indent: Int, afterDash: Bool = false, into out: inout Output
    ) {
        let pad = Output.Pad(indent)
        for index in 0..<count {
            let item = list.item(index)
            if index > 0 || !afterDash { out += pad }
            out += "- "
            switch item.shape {
            case .map(let n) where n > 0:
                writeEntries(item, count: n, indent: indent + 2, afterDash: true, into: &out)
            case .list(let n) where n > 0:
                writeItems(item, count: n, indent: indent + 2, afterDash: true, into: &out)
            case let shape:
                writeScalar(Self.scalar(shape), indent: indent + 2, into: &out)
                out += "\n"
            }
        }
    }

    /// Writes what follows `key:` — a space and a scalar, or a newline and a nested block.
    @inlinable func writeValue<Tree: WritableTree>(_ value: Tree, indent: Int, into out: inout Output) {
        switch value.shape {
        case .map(let n) where n > 0:
            out += "\n"
            writeEntries(value, count: n, indent: indent + 2, into: &out)
        case .list(let n) where n > 0:
            out += "\n"
            writeItems(value, count: n, indent: indent + 2, into: &out)
        case let shape:
            out += " "
            writeScalar(Self.scalar(shape), indent: indent + 2, into: &out)
            out += "\n"
        }
    }

    /// A scalar or empty collection: inline, or as a literal block indented to `indent`.
    @usableFromInline func writeScalar(_ value: Document, indent: Int, into out: inout Output) {
        if case .string(let s) = value {
            // Strings, the common case, go straight to the output; the style is decided once.
            switch ScalarStyle.of(s) {
            case .plain: out += s
            case .singleQuoted: out += YAMLWriter.singleQuoted(s)
            case .doubleQuoted: out += YAMLWriter.doubleQuoted(s)
            case .literal: out += blockScalar(value, indent: indent)
            }
            return
        }
        out += inline(value) ?? blockScalar(value, indent: indent)
    }

    /// A scalar or empty collection on one line, or nil when it must be a literal block.
    private func inline(_ value: Document) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return YAMLWriter.format(d)
        case .list: return "[]"
        case .map: return "{}"
        case .string(let s):
            switch ScalarStyle.of(s) {
            case .plain: return s
            case .singleQuoted: return YAMLWriter.singleQuoted(s)
            case .doubleQuoted: return YAMLWriter.doubleQuoted(s)
            case .literal: return nil
            }
        }
    }

    /// A literal block (`|`, `|-` or `|+` by the number of trailing newlines), its lines
    /// indented to `indent`, without the final newline (the caller adds it).
    private func blockScalar(_ value: Document, indent: Int) -> String {
        guard case .string(let s) = value else { return "" }
        var body = Substring(s)
        var trailing = 0
        while body.hasSuffix("\n") {
            body = body.dropLast()
            trailing += 1
        }
        let chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        let pad = String(repeating: " ", count: indent)
        var out = "|\(chomp)"
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : "\n\(pad)\(line)"
        }
        for _ in 1..<max(trailing, 1) { out += "\n" }
        return out
    }

    /// A comment's lines, split at everything some reader takes for a line break (YAML 1.1 also
    /// breaks at NEL, LS and PS), with characters YAML allows nowhere replaced by U+FFFD.
    static func commentLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var afterCR = false
        for c in text.unicodeScalars {
            defer { afterCR = c == "\r" }
            if c == "\n" && afterCR { continue }
            switch c.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(String(line))
                line = String.UnicodeScalarView()
            case 0x09: line.append(c)
            default: line.append(ScalarStyle.needsEscape(c) ? "\u{FFFD}" : c)
            }
        }
        lines.append(String(line))
        return lines
    }

    @usableFromInline func writeKey(_ k: String, into out: inout Output) {
        switch ScalarStyle.of(k, allowLiteral: false) {
        case .plain: out += k
        case .singleQuoted: out += YAMLWriter.singleQuoted(k)
        case .doubleQuoted, .literal: out += YAMLWriter.doubleQuoted(k)
        }
    }

    /// Quotes are doubled scalar by scalar: an apostrophe followed by a combining mark is one
    /// `Character` that is not `"'"`, but a reader still sees the apostrophe.
    static func singleQuoted(_ s: String) -> String {
        var out = "'"
        out.reserveCapacity(s.utf8.count + 2)
        if s.utf8.contains(UInt8(ascii: "'")) {
            for c in s.unicodeScalars {
                if c == "'" { out += "''" } else { out.unicodeScalars.append(c) }
            }
        } else {
            out += s
        }
        out += "'"
        return out
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if ScalarStyle.needsEscape(c) {
                    out += c.value > 0xFFFF ? "\\U" + hex(c.value, 8) : "\\u" + hex(c.value, 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A double that every reader reads back as a float: always with a `.` in the mantissa,
    /// `.inf`/`.nan` for the non-finite values.
    static func format(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        var text = "\(d)"
        if !text.contains(".") {
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                text.insert(contentsOf: ".0", at: e)
            } else {
                text += ".0"
            }
        }
        return text
    }
}

/// The writer's text as UTF-8 bytes: appending to an array costs a fraction of appending to a
/// `String`, which checks capacity, uniqueness and its ASCII flag on every small piece.
@usableFromInline struct Output {
    @usableFromInline var bytes: [UInt8] = []

    @usableFromInline init(capacity: Int = 1 << 12) { bytes.reserveCapacity(capacity) }

    /// Indentation of `count` spaces.
    @usableFromInline struct Pad {
        @usableFromInline let count: Int
        @usableFromInline init(_ count: Int) { self.count = count }
    }

    @usableFromInline var text: String { String(decoding: bytes, as: UTF8.self) }

    @usableFromInline static func += (out: inout Output, text: String) {
        var text = text
        text.withUTF8 { out.bytes.append(contentsOf: $0) }
    }

    /// Spaces to copy indentation from; deeper indentation takes several copies.
    static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    @usableFromInline static func += (out: inout Output, pad: Pad) {
        var left = pad.count
        while left > 0 {
            let n = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
            left -= n
        }
    }

    /// Appends one scalar's UTF-8 bytes.
    mutating func append(_ scalar: Unicode.Scalar) {
        bytes.append(contentsOf: UTF8.encode(scalar)!)
    }
}
