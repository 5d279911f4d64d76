/// The scalar scanners of `YAMLParser`: plain (block and flow), quoted, and block scalars.
extension YAMLParser {
    static func plain(_ text: ArraySlice<UInt8>, at mark: Mark) -> Node {
        Node(.scalar(.init(String(decoding: text, as: UTF8.self), style: .plain)), at: mark)
    }

    /// Scans one line of a plain scalar, stopping before `: `, ` #`, the line break and, in flow
    /// context, the flow indicators. Returns the text's byte range without trailing blanks.
    mutating func scanPlainLine(flow: Bool) -> (Int, Int) {
        let s = pos
        while true {
            let c = b[pos]
            if c == newline || c == 0 { break }
            if c == UInt8(ascii: ":") {
                let next = b[pos + 1]
                if YAMLParser.isSpaceOrEnd(next) || (flow && YAMLParser.isFlowIndicator(next)) { break }
            } else if c == UInt8(ascii: "#") {
                if pos > s && YAMLParser.isBlank(b[pos - 1]) { break }
            } else if flow && YAMLParser.isFlowIndicator(c) {
                break
            }
            pos += 1
        }
        var e = pos
        while e > s && YAMLParser.isBlank(b[e - 1]) { e -= 1 }
        return (s, e)
    }

    /// Appends the folded form of `breaks` line breaks: one becomes a space, n become n - 1 newlines.
    static func fold(_ breaks: Int, into text: inout [UInt8]) {
        if breaks == 1 {
            text.append(space)
        } else {
            text.append(contentsOf: repeatElement(newline, count: breaks - 1))
        }
    }

    /// A plain scalar in block context. When its first line ends at `: ` it is a key: returns it
    /// with `true`, `pos` on the `:`. Otherwise it continues on following lines indented more
    /// than `parentIndent`, until a comment, a less indented line or a document marker.
    mutating func parsePlainInBlock(parentIndent: Int, asKey: Bool) throws(SyntaxError) -> (Node, Bool) {
        let startMark = mark(pos)
        let (s, e) = scanPlainLine(flow: false)
        if isBlockValueIndicator(pos) { return (YAMLParser.plain(b[s..<e], at: startMark), true) }
        var text: [UInt8]? = nil
        while b[pos] == newline {
            var p = pos
            var breaks = 0
            var contentStart = -1
            while true {
                p += 1
                breaks += 1
                var q = p
                while b[q] == space { q += 1 }
                let spaces = q - p
                var tabAt: Int? = nil
                while YAMLParser.isBlank(b[q]) {
                    if b[q] == tab && tabAt == nil { tabAt = q }
                    q += 1
                }
                if b[q] == newline {
                    p = q
                    continue
                }
                if b[q] == 0 || b[q] == UInt8(ascii: "#") || spaces <= parentIndent || isDocumentMarker(p) { break }
                if let t = tabAt { recordTab(at: t) }
                contentStart = q
                break
            }
            if contentStart < 0 { break }
            // Taking the buffer out of `text` keeps it uniquely referenced: no copy per line.
            var folded = text ?? Array(b[s..<e])
            text = nil
            YAMLParser.fold(breaks, into: &folded)
            pos = contentStart
            let (s2, e2) = scanPlainLine(flow: false)
            folded.append(contentsOf: b[s2..<e2])
            text = folded
            if isBlockValueIndicator(pos) { throw misplacedKey(plainStart: s, firstLineEnd: e, keyAt: contentStart) }
        }
        if let text { return (YAMLParser.plain(text[...], at: startMark), false) }
        return (YAMLParser.plain(b[s..<e], at: startMark), false)
    }

    /// The error for a `key:` found on a continuation line of the plain scalar at `plainStart`.
    /// When the scalar has its line to itself and the key lines up with it, the scalar was
    /// meant as a key too and lacks its `:`; otherwise the key is indented too far.
    mutating func misplacedKey(plainStart: Int, firstLineEnd: Int, keyAt: Int) -> SyntaxError {
        let lineStart = plainStart - lines.byteColumn(of: plainStart)
        if b[lineStart..<plainStart].allSatisfy({ $0 == space }) && column(keyAt) == column(plainStart) {
            let text = String(decoding: b[plainStart..<firstLineEnd], as: UTF8.self)
            return error("expected ':' after the mapping key '\(text)'", at: plainStart)
        }
        return error("bad indentation of a mapping entry", at: keyAt)
    }

    /// A plain scalar inside a flow collection; it may continue on following lines (at any
    /// indentation) until a flow indicator, a `: `, a comment or a document marker.
    mutating func parsePlainInFlow() throws(SyntaxError) -> Node {
        let startMark = mark(pos)
        let (s, e) = scanPlainLine(flow: true)
        var text: [UInt8]? = nil
        scan: while b[pos] == newline {
            var p = pos
            var breaks = 0
            var lineStart = p
            while b[p] == newline {
                p += 1
                lineStart = p
                breaks += 1
                if isDocumentMarker(p) { break scan }
                while YAMLParser.isBlank(b[p]) { p += 1 }
            }
            let c = b[p]
            if c == 0 || c == UInt8(ascii: "#") || YAMLParser.isFlowIndicator(c) || p - lineStart <= flowIndent {
                break
            }
            if c == UInt8(ascii: ":") && (YAMLParser.isSpaceOrEnd(b[p + 1]) || YAMLParser.isFlowIndicator(b[p + 1])) {
                break
            }
            // Taking the buffer out of `text` keeps it uniquely referenced: no copy per line.
            var folded = text ?? Array(b[s..<e])
            text = nil
            YAMLParser.fold(breaks, into: &folded)
            pos = p
            let (s2, e2) = scanPlainLine(flow: true)
            folded.append(contentsOf: b[s2..<e2])
            text = folded
        }
        if let text { return YAMLParser.plain(text[...], at: startMark) }
        return YAMLParser.plain(b[s..<e], at: startMark)
    }

    // MARK: Quoted scalars

    /// A single- or double-quoted scalar starting at `pos`. Line breaks fold (one break is a
    /// space, n breaks are n - 1 newlines) and white space around them is dropped, as YAML says.
    mutating func parseQuoted() throws(SyntaxError) -> Node {
        let start = pos
        let startMark = mark(start)
        let double = b[pos] == UInt8(ascii: "\"")
        let quote = b[pos]
        pos += 1
        var out: [UInt8] = []
        // Bytes up to `kept` survive a following line break; raw blanks after it are dropped.
        var kept = 0
        while true {
            let c = b[pos]
            if c == quote {
                if !double && b[pos + 1] == quote {
                    out.append(quote)
                    pos += 2
                    kept = out.count
                    continue
                }
                pos += 1
                break
            }
            if c == 0 {
                throw error("unclosed \(double ? "double" : "single")-quoted string", at: start)
            }
            if double && c == UInt8(ascii: "\\") {
                try escape(into: &out, quoteStart: start)
                kept = out.count
                continue
            }
            if c == newline {
                out.removeLast(out.count - kept)
                var breaks = 0
                while b[pos] == newline {
                    pos += 1
                    breaks += 1
                    if isDocumentMarker(pos) {
                        throw error("unclosed \(double ? "double" : "single")-quoted string", at: start)
                    }
                    skipBlanks()
                }
                YAMLParser.fold(breaks, into: &out)
                kept = out.count
                continue
            }
            out.append(c)
            pos += 1
            if !YAMLParser.isBlank(c) { kept = out.count }
        }
        let style: Node.Scalar.Style = double ? .doubleQuoted : .singleQuoted
        return Node(.scalar(.init(String(decoding: out, as: UTF8.self), style: style)), at: startMark)
    }

    /// One escape sequence in a double-quoted scalar, `pos` on its backslash.
    mutating func escape(into out: inout [UInt8], quoteStart: Int) throws(SyntaxError) {
        let start = pos
        let c = b[pos + 1]
        pos += 2
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "0"): simple = 0
        case UInt8(ascii: "a"): simple = 0x07
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"), tab: simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "v"): simple = 0x0B
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "e"): simple = 0x1B
        case space, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): simple = c
        case UInt8(ascii: "N"):
            appendUTF8(0x85, to: &out)
            return
        case UInt8(ascii: "_"):
            appendUTF8(0xA0, to: &out)
            return
        case UInt8(ascii: "L"):
            appendUTF8(0x2028, to: &out)
            return
        case UInt8(ascii: "P"):
            appendUTF8(0x2029, to: &out)
            return
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let width = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            var value = try hexDigits(width, escapeAt: start)
            // A UTF-16 surrogate pair written as two `\u` escapes, as JSON does, is one scalar.
            if value >= 0xD800 && value <= 0xDBFF && b[pos] == UInt8(ascii: "\\") && b[pos + 1] == UInt8(ascii: "u") {
                let save = pos
                pos += 2
                let low = try hexDigits(4, escapeAt: save)
                if low >= 0xDC00 && low <= 0xDFFF {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    pos = save
                }
            }
            guard Unicode.Scalar(value) != nil else {
                let text = String(decoding: b[start..<pos], as: UTF8.self)
                throw error("invalid escape '\(text)': not a Unicode scalar value", at: start)
            }
            appendUTF8(value, to: &out)
            return
        case newline:
            // An escaped line break joins the lines without a space; empty lines after it are kept.
            while true {
                skipBlanks()
                guard b[pos] == newline else { break }
                out.append(newline)
                pos += 1
            }
            return
        case 0:
            throw error("unclosed double-quoted string", at: quoteStart)
        default:
            simple = nil
        }
        guard let simple else {
            let scalarEnd = start + 1 + utf8Length(b[start + 1])
            throw error("invalid escape '\(String(decoding: b[start..<scalarEnd], as: UTF8.self))'", at: start)
        }
        out.append(simple)
    }

    func utf8Length(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    mutating func hexDigits(_ count: Int, escapeAt start: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            let c = b[pos]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default:
                let letter = Character(Unicode.Scalar(b[start + 1]))
                throw error("invalid escape '\\\(letter)': expected \(count) hexadecimal digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        return value
    }

    // MARK: Block scalars

    /// A literal (`|`) or folded (`>`) block scalar, `pos` on its indicator. Content lines are
    /// indented more than `parentIndent` (at least one space); the first non-empty line sets the
    /// indentation unless the header gives it.
    mutating func parseBlockScalar(parentIndent: Int) throws(SyntaxError) -> Node {
        let startMark = mark(pos)
        let folded = b[pos] == UInt8(ascii: ">")
        pos += 1
        enum Chomping { case clip, strip, keep }
        var chomping: Chomping? = nil
        var increment: Int? = nil
        for _ in 0..<2 {
            let c = b[pos]
            if chomping == nil && (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) {
                chomping = c == UInt8(ascii: "-") ? .strip : .keep
            } else if increment == nil && c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") {
                increment = Int(c - UInt8(ascii: "0"))
            } else if increment == nil && c == UInt8(ascii: "0") {
                throw error("a block scalar's indentation indicator must be between 1 and 9", at: pos)
            } else {
                break
            }
            pos += 1
        }
        let headerEnd = pos
        skipBlanks()
        if b[pos] == UInt8(ascii: "#") && pos > headerEnd {
            skipComment()
        } else if !YAMLParser.isBreakOrEnd(b[pos]) {
            throw error(
                "unexpected text after the block scalar header; expected a line break, '-', '+' or a digit", at: pos)
        }
        if b[pos] == newline { pos += 1 }

        let minimum = max(parentIndent + 1, 1)
        var indent: Int
        if let increment {
            indent = max(parentIndent, 0) + increment
        } else {
            var p = pos
            var widestBlank = 0
            var widestBlankAt = 0
            while true {
                var q = p
                while b[q] == space { q += 1 }
                if b[q] == newline {
                    if q - p > widestBlank {
                        widestBlank = q - p
                        widestBlankAt = q
                    }
                    p = q + 1
                    continue
                }
                if b[q] == 0 {
                    // Only white space until the end: libyaml counts a last unterminated line too.
                    indent = max(minimum, widestBlank, q - p)
                } else {
                    indent = max(minimum, q - p)
                    if widestBlank > indent {
                        throw error(
                            "a leading blank line of a block scalar must not have more spaces than its first line",
                            at: widestBlankAt)
                    }
                }
                break
            }
        }

        // Line by line, as libyaml does: a break between two lines that do not start with white
        // space folds to a space (`>` only); empty lines are kept as newlines.
        var out: [UInt8] = []
        var leadingBreak = false
        var trailingBreaks = 0
        var leadingBlank = false
        while pos < end {
            let lineStart = pos
            var spaces = 0
            while spaces < indent && b[pos] == space {
                pos += 1
                spaces += 1
            }
            if b[pos] == newline {
                trailingBreaks += 1
                pos += 1
                continue
            }
            if spaces < indent || b[pos] == 0 {
                pos = lineStart
                break
            }
            let trailingBlank = YAMLParser.isBlank(b[pos])
            if folded && leadingBreak && !leadingBlank && !trailingBlank {
                if trailingBreaks == 0 { out.append(space) }
            } else if leadingBreak {
                out.append(newline)
            }
            leadingBreak = false
            out.append(contentsOf: repeatElement(newline, count: trailingBreaks))
            trailingBreaks = 0
            leadingBlank = trailingBlank
            let contentStart = pos
            while !YAMLParser.isBreakOrEnd(b[pos]) { pos += 1 }
            out.append(contentsOf: b[contentStart..<pos])
            if b[pos] == newline {
                leadingBreak = true
                pos += 1
            }
        }
        switch chomping ?? .clip {
        case .strip: break
        case .clip: if leadingBreak { out.append(newline) }
        case .keep:
            if leadingBreak { out.append(newline) }
            out.append(contentsOf: repeatElement(newline, count: trailingBreaks))
        }
        let style: Node.Scalar.Style = folded ? .folded : .literal
        return Node(.scalar(.init(String(decoding: out, as: UTF8.self), style: style)), at: startMark)
    }
}

/// Appends the UTF-8 encoding of scalar value `v` (already checked to be a scalar value, or a
/// value from a fixed escape).
func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80:
        out.append(UInt8(v))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | v >> 6))
        out.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | v >> 12))
        out.append(UInt8(0x80 | v >> 6 & 0x3F))
        out.append(UInt8(0x80 | v & 0x3F))
    default:
        out.append(UInt8(0xF0 | v >> 18))
        out.append(UInt8(0x80 | v >> 12 & 0x3F))
        out.append(UInt8(0x80 | v >> 6 & 0x3F))
        out.append(UInt8(0x80 | v & 0x3F))
    }
}
