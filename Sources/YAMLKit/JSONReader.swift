/// Reads strict JSON (RFC 8259) into located `Node`s: strings become `.doubleQuoted` scalars;
/// numbers, `true`, `false` and `null` become `.plain` scalars holding their literal text, so
/// `Node.document` resolves them as YAML would. Duplicate keys are kept in order. A leading BOM
/// is skipped; nesting is limited to `YAMLReader.maximumDepth` levels.
public enum JSONReader {
    /// The value in `text`.
    public static func parse(_ text: String) throws(SyntaxError) -> Node {
        try parse(Array(text.utf8))
    }

    /// The value in UTF-8 `bytes`; invalid UTF-8 is a `SyntaxError` at its line and column.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node {
        var parser = JSONParser(try SourceText(bytes, yamlCharacters: false))
        return try parser.parseDocument()
    }

    /// The value in UTF-8 `bytes`, or the problem that stopped the reader (JSON has nothing
    /// to read past), within `limits`.
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .none) -> ReadResult {
        do {
            var parser = JSONParser(try SourceText(bytes, yamlCharacters: false), limits: limits)
            return ReadResult(root: try parser.parseDocument(), problems: [])
        } catch {
            return ReadResult(root: nil, problems: [error])
        }
    }
}

/// JSON may hold NUL bytes (inside strings they are an error, not the end), so this parser
/// checks `pos < end` instead of relying on the zero padding.
struct JSONParser {
    let b: [UInt8]
    let end: Int
    var lines: LineIndex
    var pos = 0
    var depth = 0
    let limits: ReadLimits
    /// Array items and object members made so far, against `limits.maximumEntries`.
    var entries = 0

    init(_ source: SourceText, limits: ReadLimits = .none) {
        b = source.bytes
        end = source.count
        lines = LineIndex(source)
        self.limits = limits
    }

    mutating func countEntry(at offset: Int) throws(SyntaxError) {
        entries += 1
        if entries > limits.maximumEntries { throw error(limits.message, at: offset) }
    }

    mutating func error(_ message: String, at offset: Int) -> SyntaxError {
        SyntaxError(message, at: lines.mark(at: offset))
    }

    /// The character at `offset` as an error message shows it.
    func describe(_ offset: Int) -> String {
        guard offset < end else { return "the end of the input" }
        let c = b[offset]
        if c == UInt8(ascii: "'") { return "\"'\"" }
        if c >= 0x21 && c <= 0x7E { return "'\(Character(Unicode.Scalar(c)))'" }
        if c < 0x80 { return "U+\(YAMLWriter.hex(UInt32(c), 4))" }
        var i = offset + 1
        while i < end && b[i] & 0xC0 == 0x80 { i += 1 }
        return "'\(String(decoding: b[offset..<i], as: UTF8.self))'"
    }

    mutating func skipWhitespace() {
        while pos < end {
            let c = b[pos]
            guard c == space || c == newline || c == tab else { return }
            pos += 1
        }
    }

    mutating func parseDocument() throws(SyntaxError) -> Node {
        skipWhitespace()
        if pos >= end { throw error("expected a JSON value, found the end of the input", at: pos) }
        let value = try parseValue()
        skipWhitespace()
        if pos < end { throw error("unexpected \(describe(pos)) after the JSON value", at: pos) }
        return value
    }

    mutating func parseValue() throws(SyntaxError) -> Node {
        guard pos < end else { throw error("expected a JSON value, found the end of the input", at: pos) }
        switch b[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true")
        case UInt8(ascii: "f"): return try parseLiteral("false")
        case UInt8(ascii: "n"): return try parseLiteral("null")
        default: throw error("expected a JSON value, found \(describe(pos))", at: pos)
        }
    }

    mutating func enter(at offset: Int) throws(SyntaxError) {
        depth += 1
        if depth > YAMLReader.maximumDepth { throw error(YAMLParser.tooDeep, at: offset) }
    }

    mutating func parseObject() throws(SyntaxError) -> Node {
        let opener = pos
        let startMark = lines.mark(at: pos)
        try enter(at: pos)
        defer { depth -= 1 }
        pos += 1
        var pairs: [Node.Pair] = []
        skipWhitespace()
        if pos < end && b[pos] == UInt8(ascii: "}") {
            pos += 1
            return Node(.mapping(pairs), at: startMark)
        }
        while true {
            skipWhitespace()
            guard pos < end else { throw error("unclosed '{'", at: opener) }
            guard b[pos] == UInt8(ascii: "\"") else {
                if b[pos] == UInt8(ascii: "}") && !pairs.isEmpty {
                    throw error("trailing commas are not allowed in JSON", at: pos)
                }
                throw error("expected a string key, found \(describe(pos))", at: pos)
            }
            try countEntry(at: pos)
            let key = try parseString()
            skipWhitespace()
            guard pos < end else { throw error("unclosed '{'", at: opener) }
            guard b[pos] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key '\(key.scalar?.text ?? "")', found \(describe(pos))", at: pos)
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            pairs.append(Node.Pair(key: key, value: value))
            skipWhitespace()
            guard pos < end else { throw error("unclosed '{'", at: opener) }
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "}") {
                pos += 1
                return Node(.mapping(pairs), at: startMark)
            }
            throw error("expected ',' or '}', found \(describe(pos))", at: pos)
        }
    }

    mutating func parseArray() throws(SyntaxError) -> Node {
        let opener = pos
        let startMark = lines.mark(at: pos)
        try enter(at: pos)
        defer { depth -= 1 }
        pos += 1
        var items: [Node] = []
        skipWhitespace()
        if pos < end && b[pos] == UInt8(ascii: "]") {
            pos += 1
            return Node(.sequence(items), at: startMark)
        }
        while true {
            skipWhitespace()
            guard pos < end else { throw error("unclosed '['", at: opener) }
            if b[pos] == UInt8(ascii: "]") && !items.isEmpty {
                throw error("trailing commas are not allowed in JSON", at: pos)
            }
            try countEntry(at: pos)
            items.append(try parseValue())
            skipWhitespace()
            guard pos < end else { throw error("unclosed '['", at: opener) }
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "]") {
                pos += 1
                return Node(.sequence(items), at: startMark)
            }
            throw error("expected ',' or ']', found \(describe(pos))", at: pos)
        }
    }

    mutating func parseLiteral(_ word: StaticString) throws(SyntaxError) -> Node {
        let start = pos
        let startMark = lines.mark(at: pos)
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w in
            (0..<count).allSatisfy { k in start + k < end && b[start + k] == w[k] }
        }
        guard matches else { throw error("expected a JSON value, found \(describe(pos))", at: pos) }
        pos += count
        return Node(.scalar(.init(word.description, style: .plain)), at: startMark)
    }

    mutating func parseNumber() throws(SyntaxError) -> Node {
        let start = pos
        let startMark = lines.mark(at: pos)
        func isDigit(_ p: Int) -> Bool { p < end && b[p] >= UInt8(ascii: "0") && b[p] <= UInt8(ascii: "9") }
        if b[pos] == UInt8(ascii: "-") { pos += 1 }
        guard isDigit(pos) else { throw error("invalid number: expected a digit, found \(describe(pos))", at: pos) }
        if b[pos] == UInt8(ascii: "0") {
            pos += 1
            if isDigit(pos) { throw error("invalid number: leading zeros are not allowed", at: start) }
        } else {
            while isDigit(pos) { pos += 1 }
        }
        if pos < end && b[pos] == UInt8(ascii: ".") {
            pos += 1
            guard isDigit(pos) else {
                throw error("invalid number: expected a digit after '.', found \(describe(pos))", at: pos)
            }
            while isDigit(pos) { pos += 1 }
        }
        if pos < end && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < end && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard isDigit(pos) else {
                throw error("invalid number: expected a digit in the exponent, found \(describe(pos))", at: pos)
            }
            while isDigit(pos) { pos += 1 }
        }
        return Node(.scalar(.init(String(decoding: b[start..<pos], as: UTF8.self), style: .plain)), at: startMark)
    }

    mutating func parseString() throws(SyntaxError) -> Node {
        let opener = pos
        let startMark = lines.mark(at: pos)
        pos += 1
        let contentStart = pos
        // Fast path: no escapes, the text is a slice of the input.
        while pos < end && b[pos] != UInt8(ascii: "\"") && b[pos] != UInt8(ascii: "\\") && b[pos] >= 0x20 { pos += 1 }
        var out = Array(b[contentStart..<pos])
        while true {
            guard pos < end else { throw error("unclosed string", at: opener) }
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                break
            }
            if c < 0x20 {
                throw error(
                    "control character U+\(YAMLWriter.hex(UInt32(c), 4)) must be escaped in a JSON string", at: pos)
            }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                pos += 1
                continue
            }
            let escapeStart = pos
            guard pos + 1 < end else { throw error("unclosed string", at: opener) }
            let e = b[pos + 1]
            pos += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex4(escapeAt: escapeStart)
                if value >= 0xD800 && value <= 0xDBFF {
                    guard pos + 1 < end, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") else {
                        throw error(
                            "invalid escape: unpaired surrogate '\\u\(YAMLWriter.hex(value, 4))'", at: escapeStart)
                    }
                    let lowStart = pos
                    pos += 2
                    let low = try hex4(escapeAt: lowStart)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw error(
                            "invalid escape: unpaired surrogate '\\u\(YAMLWriter.hex(value, 4))'", at: escapeStart)
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if value >= 0xDC00 && value <= 0xDFFF {
                    throw error("invalid escape: unpaired surrogate '\\u\(YAMLWriter.hex(value, 4))'", at: escapeStart)
                }
                appendUTF8(value, to: &out)
            default:
                let shown =
                    e >= 0x21 && e <= 0x7E
                    ? "'\\\(Character(Unicode.Scalar(e)))'" : "'\\' followed by \(describe(escapeStart + 1))"
                throw error("invalid escape \(shown) in a JSON string", at: escapeStart)
            }
        }
        return Node(.scalar(.init(String(decoding: out, as: UTF8.self), style: .doubleQuoted)), at: startMark)
    }

    mutating func hex4(escapeAt start: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < end else { throw error("invalid escape '\\u': expected 4 hexadecimal digits", at: start) }
            let c = b[pos]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw error("invalid escape '\\u': expected 4 hexadecimal digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        return value
    }
}
