/// Writes a `Document` as pretty-printed JSON: 2-space indentation, keys in the document's
/// order, `/` not escaped (ARNs stay readable), a trailing newline.
public struct JSONWriter: Sendable {
    public init() {}

    /// The JSON text of `document`, with a trailing newline.
    public func write(_ document: Document) -> String {
        write(tree: document)
    }

    /// `write(_:)` for any tree, walked in place.
    @inlinable public func write<Tree: WritableTree>(tree: Tree) -> String {
        var out = Output()
        write(tree, indent: 0, into: &out)
        out += "\n"
        return out.text
    }

    @inlinable func write<Tree: WritableTree>(_ value: Tree, indent: Int, into out: inout Output) {
        switch value.shape {
        case .scalar(let scalar): JSONWriter.writeScalar(scalar, into: &out)
        case .list(let count):
            if count == 0 {
                out += "[]"
                return
            }
            let pad = Output.Pad(indent + 2)
            out += "[\n"
            for i in 0..<count {
                out += pad
                write(value.item(i), indent: indent + 2, into: &out)
                out += i == count - 1 ? "\n" : ",\n"
            }
            out += Output.Pad(indent)
            out += "]"
        case .map(let count):
            if count == 0 {
                out += "{}"
                return
            }
            let pad = Output.Pad(indent + 2)
            out += "{\n"
            for i in 0..<count {
                let entry = value.entry(i)
                out += pad
                JSONWriter.quote(entry.key, into: &out)
                out += ": "
                write(entry.value, indent: indent + 2, into: &out)
                out += i == count - 1 ? "\n" : ",\n"
            }
            out += Output.Pad(indent)
            out += "}"
        }
    }

    /// A null, boolean, number or string.
    @usableFromInline static func writeScalar(_ value: Document, into out: inout Output) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        // JSON has no infinity or NaN; our templates never hold them, so null is the honest fallback.
        case .double(let d): out += d.isFinite ? YAMLWriter.format(d) : "null"
        case .string(let s): JSONWriter.quote(s, into: &out)
        case .list, .map: preconditionFailure("writeScalar(_:into:) of a collection")
        }
    }

    @usableFromInline static func quote(_ s: String, into out: inout Output) {
        out += "\""
        // Most strings need no escape: copy them whole. 0xE2 leads U+2028 and U+2029 in UTF-8.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                // Controls must be escaped; U+2028/9 too, so the text is also valid JavaScript.
                if c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029 {
                    out += "\\u" + YAMLWriter.hex(c.value, 4)
                } else {
                    out.append(c)
                }
            }
        }
        out += "\""
    }
}
