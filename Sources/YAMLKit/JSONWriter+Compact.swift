extension JSONWriter {
    /// The length in bytes of `compact(tree)`, counted without writing it: what AWS measures
    /// policies by. One count for every tree (a `Document`, a template's values).
    public static func compactLength<Tree: WritableTree>(_ tree: Tree) -> Int {
        switch tree.shape {
        case .scalar(let scalar):
            switch scalar {
            case .null: return 4
            case .bool(let b): return b ? 4 : 5
            case .int(let i): return String(i).utf8.count
            case .double(let d): return d.isFinite ? YAMLWriter.format(d).utf8.count : 4
            case .string(let s): return quotedLength(s)
            case .list, .map: preconditionFailure("a scalar shape holds no list or map")
            }
        case .list(let count):
            return 2 + max(0, count - 1) + (0..<count).reduce(0) { $0 + compactLength(tree.item($1)) }
        case .map(let count):
            return 2 + max(0, count - 1)
                + (0..<count).reduce(0) { total, index in
                    let entry = tree.entry(index)
                    return total + quotedLength(entry.key) + 1 + compactLength(entry.value)
                }
        }
    }

    /// The length of `s` as a JSON string with its quotes and escapes.
    public static func quotedLength(_ s: String) -> Int {
        // The common case, a string with nothing to escape, in one tight pass over the bytes.
        let plain = s.utf8.withContiguousStorageIfAvailable { u in
            u.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 } ? u.count + 2 : nil
        }
        if let plain = plain ?? nil { return plain }
        var n = 2
        var utf8 = s.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let b = utf8.next() {
            switch b {
            case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C: n += 2  // " \ and the short escapes
            case ..<0x20: n += 6  // \u00XX
            // U+2028 and U+2029 (E2 80 A8/A9) are escaped as \u2028: 6 bytes instead of 3.
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80): n += 4
            default: n += 1
            }
            previous = (previous.1, b)
        }
        return n
    }

    /// `document` as JSON on one line with no spaces: for JSON embedded in a string value,
    /// such as a CodeBuild action's `EnvironmentVariables`.
    public static func compact(_ document: Document) -> String {
        var out = Output()
        writeCompact(document, into: &out)
        return out.text
    }

    private static func writeCompact(_ value: Document, into out: inout Output) {
        switch value {
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeCompact(item, into: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                quote(entry.key, into: &out)
                out += ":"
                writeCompact(entry.value, into: &out)
            }
            out += "}"
        case .string(let s): quote(s, into: &out)
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? YAMLWriter.format(d) : "null"
        }
    }
}
