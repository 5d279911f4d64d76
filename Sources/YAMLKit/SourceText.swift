/// Source bytes after the checks both readers share: valid UTF-8, no leading BOM, line breaks
/// normalized to `\n`, followed by zero bytes so the parsers can look a few bytes ahead without
/// bounds checks. Normalizing never moves a column: a `\r` only ever ends a line.
struct SourceText {
    /// The normalized bytes, then `padding` zero bytes.
    var bytes: [UInt8]
    /// The number of real bytes (without the padding).
    var count: Int
    /// The offset in `bytes` where each line starts; `lineStarts[0] == 0`.
    var lineStarts: [Int]

    static let padding = 4

    /// Checks and normalizes `input`. With `yamlCharacters`, also refuses the characters YAML
    /// does not allow anywhere in a stream (C0 and C1 controls other than tab and line breaks,
    /// DEL, U+FFFE, U+FFFF); this also guarantees a zero byte in `bytes` means the end.
    init(_ input: [UInt8], yamlCharacters: Bool) throws(SyntaxError) {
        let first = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
        let n = input.count
        // Checking pass. Without a CR (the usual case) the input is already normalized and its
        // line starts are the ones recorded here.
        var starts = [0]
        var lineStart = first
        var sawCR = false
        var i = first
        while i < n {
            let byte = input[i]
            if (byte >= 0x20 && byte < 0x7F) || byte == 0x09 {
                i += 1
            } else if byte == 0x0A || byte == 0x0D {
                sawCR = sawCR || byte == 0x0D
                i += byte == 0x0D && i + 1 < n && input[i + 1] == 0x0A ? 2 : 1
                starts.append(i - first)
                lineStart = i
            } else if byte < 0x80 {
                if yamlCharacters {
                    throw SyntaxError(
                        SourceText.controlMessage(UInt32(byte)),
                        at: SourceText.mark(input, line: starts.count, lineStart: lineStart, offset: i))
                }
                i += 1
            } else {
                guard let (scalar, length) = SourceText.decode(input, at: i) else {
                    throw SyntaxError(
                        "invalid UTF-8 byte 0x\(YAMLWriter.hex(UInt32(byte), 2))",
                        at: SourceText.mark(input, line: starts.count, lineStart: lineStart, offset: i))
                }
                if yamlCharacters && !SourceText.isPrintable(scalar) {
                    throw SyntaxError(
                        SourceText.controlMessage(scalar),
                        at: SourceText.mark(input, line: starts.count, lineStart: lineStart, offset: i))
                }
                i += length
            }
        }
        var out: [UInt8]
        if sawCR {
            // CRLF becomes LF; a lone CR is a line break of its own.
            out = []
            out.reserveCapacity(n - first + SourceText.padding)
            starts = [0]
            var j = first
            while j < n {
                let byte = input[j]
                if byte == 0x0D {
                    out.append(0x0A)
                    j += j + 1 < n && input[j + 1] == 0x0A ? 2 : 1
                    starts.append(out.count)
                } else {
                    out.append(byte)
                    if byte == 0x0A { starts.append(out.count) }
                    j += 1
                }
            }
        } else {
            out = first == 0 ? input : Array(input[first...])
        }
        count = out.count
        out.append(contentsOf: repeatElement(0, count: SourceText.padding))
        bytes = out
        lineStarts = starts
    }

    /// The mark of `offset` in the unnormalized input, on 1-based `line` starting at `lineStart`.
    static func mark(_ input: [UInt8], line: Int, lineStart: Int, offset: Int) -> Mark {
        Mark(line: line, column: input[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
    }

    static func controlMessage(_ value: UInt32) -> String {
        "invalid character U+\(YAMLWriter.hex(value, 4)); write it as an escape in a double-quoted string"
    }

    /// Non-ASCII scalars YAML accepts in a stream (NEL and everything printable).
    static func isPrintable(_ v: UInt32) -> Bool {
        v == 0x85 || (v >= 0xA0 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
    }

    /// The scalar value and length of the multi-byte sequence at `i`, or nil when it is not
    /// well-formed UTF-8 (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
    /// truncated).
    static func decode(_ s: [UInt8], at i: Int) -> (UInt32, Int)? {
        let lead = s[i]
        let length: Int
        var value: UInt32
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0:
            length = 3
            value = 0
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xED:
            length = 3
            value = 0x0D
            high = 0x9F
        case 0xF0:
            length = 4
            value = 0
            low = 0x90
        case 0xF1...0xF3:
            length = 4
            value = UInt32(lead & 0x07)
        case 0xF4:
            length = 4
            value = 4
            high = 0x8F
        default: return nil
        }
        guard i + length <= s.count else { return nil }
        // Only the first continuation byte has a narrowed range.
        for k in 1..<length {
            let c = s[i + k]
            if k == 1 {
                guard c >= low && c <= high else { return nil }
            } else {
                guard c & 0xC0 == 0x80 else { return nil }
            }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (value, length)
    }
}

/// Turns byte offsets into marks (1-based line, column in Unicode scalars). Parsers ask for
/// positions mostly in increasing order, so the last answer is cached and counting resumes
/// from it: a long single line costs linear time overall, not quadratic.
struct LineIndex {
    let bytes: [UInt8]
    let starts: [Int]
    private var line = 0
    private var cachedOffset = 0
    private var cachedColumn = 0

    init(_ source: SourceText) {
        bytes = source.bytes
        starts = source.lineStarts
    }

    /// The 0-based line holding `offset`.
    mutating func lineIndex(of offset: Int) -> Int {
        // The parser mostly stays on a line or moves on by a few: look there before searching.
        if offset >= starts[line] {
            var next = line
            let limit = min(line + 8, starts.count - 1)
            while next < limit && offset >= starts[next + 1] { next += 1 }
            if next == starts.count - 1 || offset < starts[next + 1] {
                return next == line ? line : moveCache(to: next)
            }
        }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return moveCache(to: low)
    }

    private mutating func moveCache(to newLine: Int) -> Int {
        line = newLine
        cachedOffset = starts[newLine]
        cachedColumn = 0
        return newLine
    }

    /// Bytes between the start of the line and `offset`; equals the column - 1 wherever only
    /// ASCII precedes it, which is true of every indentation.
    mutating func byteColumn(of offset: Int) -> Int {
        offset - starts[lineIndex(of: offset)]
    }

    mutating func mark(at offset: Int) -> Mark {
        let l = lineIndex(of: offset)
        var p = starts[l]
        var column = 0
        if offset >= cachedOffset {
            p = cachedOffset
            column = cachedColumn
        }
        while p < offset {
            if bytes[p] & 0xC0 != 0x80 { column += 1 }
            p += 1
        }
        cachedOffset = offset
        cachedColumn = column
        return Mark(line: l + 1, column: column + 1)
    }
}
