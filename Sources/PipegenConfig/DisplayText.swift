/// Text from a config as pipegen shows it in a message: never so long that one value fills the
/// screen, and never able to drive the terminal of whoever reads it. A config value can hold any
/// character through an escape (`"\e[2J"`), and a file can hold bidirectional controls that
/// make a line read differently from what it says; every place a config's text reaches a
/// message, a note or a printed line goes through `quoted` or `escaped`.
package enum DisplayText {
    /// The most characters (Unicode scalars) of one value a message quotes.
    package static let quoteLimit = 80
    /// The most characters of one message or note line.
    package static let lineLimit = 1_000

    /// `'text'`, cut after `quoteLimit` characters (with `...`), its unsafe characters escaped.
    package static func quoted(_ text: String) -> String {
        "'" + escaped(truncated(text, to: quoteLimit)) + "'"
    }

    /// A message or note as printed: cut after `lineLimit` characters, unsafe characters escaped.
    package static func line(_ text: String) -> String {
        escaped(truncated(text, to: lineLimit))
    }

    /// `text` cut after `limit` characters, with `...` where the rest was.
    package static func truncated(_ text: String, to limit: Int) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        var out = String.UnicodeScalarView()
        for _ in 0..<limit {
            guard let scalar = scalars.next() else { return text }
            out.append(scalar)
        }
        return scalars.next() == nil ? text : String(out) + "..."
    }

    /// `text` with each unsafe character written as the escape a YAML double-quoted string
    /// would use for it (`\e`, `\t`, `\x9B`, `\u202E`), so it shows as what it is.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Characters a terminal acts on or that reorder text: C0 controls (tab and line feed
    /// included: a message is one line), DEL, C1 controls (CSI, OSC, ...), the bidirectional
    /// marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case let v where v < 0x100: return "\\x" + hex(v, 2)
        case let v: return "\\u" + hex(v, 4)
        }
    }

    /// `U+001B`: how messages name a character.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String { "U+" + hex(scalar.value, 4) }

    static func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
