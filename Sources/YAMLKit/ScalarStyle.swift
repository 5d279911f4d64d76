/// How the YAML writer must write one string so that every YAML 1.1 and 1.2 reader reads it
/// back as that same string.
public enum ScalarStyle: Equatable, Sendable {
    /// Unquoted: the text cannot be read as anything else.
    case plain
    /// `'...'`: needs quoting, but holds nothing that needs an escape.
    case singleQuoted
    /// `"..."`: holds a character that must be escaped (a control character, a line break, ...).
    case doubleQuoted
    /// `|`: multi-line text in value position, kept line for line.
    case literal

    /// The style for `text`; `allowLiteral` is false for keys and flow positions.
    public static func of(_ text: String, allowLiteral: Bool = true) -> ScalarStyle {
        if let style = asciiWord(text) ?? asciiText(text) { return style }
        if text.isEmpty { return .singleQuoted }
        let scalars = Array(text.unicodeScalars)
        if scalars.contains(where: { $0 == "\n" }) {
            return allowLiteral && literalFits(text) ? .literal : .doubleQuoted
        }
        if scalars.contains(where: needsEscape) { return .doubleQuoted }
        return plainIsSafe(scalars) ? .plain : .singleQuoted
    }

    /// The common case in one pass over the bytes: printable ASCII starting with a letter, `/`
    /// or `$` (names, ARNs, `${...}` substitutions). Such text cannot read as a number, date,
    /// special float or document marker, so only `: `, ` #`, a trailing space or colon and the
    /// reserved words need quotes. Nil for anything else, which takes the general path.
    static func asciiWord(_ text: String) -> ScalarStyle? {
        text.utf8.withContiguousStorageIfAvailable { u -> ScalarStyle? in
            guard let first = u.first else { return nil }
            let letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
            guard letter || first == UInt8(ascii: "/") || first == UInt8(ascii: "$") else { return nil }
            var previous: UInt8 = 0
            var quote = false
            for b in u {
                guard b >= 0x20, b < 0x7F else { return nil }
                if (previous == UInt8(ascii: ":") && b == 0x20) || (previous == 0x20 && b == UInt8(ascii: "#")) { quote = true }
                previous = b
            }
            if previous == 0x20 || previous == UInt8(ascii: ":") { quote = true }
            if !quote, u.count <= 5, isReservedWord(u) { quote = true }
            return quote ? .singleQuoted : .plain
        } ?? nil
    }

    /// The general rules (`plainIsSafe`) for printable ASCII of any kind (numbers, `*`,
    /// `#{...}`, ...), on the bytes: no scalar array, no lowercased copies. Nil for anything
    /// else, which takes the general path.
    static func asciiText(_ text: String) -> ScalarStyle? {
        text.utf8.withContiguousStorageIfAvailable { u -> ScalarStyle? in
            guard let first = u.first, let last = u.last, u.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            if first == 0x20 || last == 0x20 || last == UInt8(ascii: ":") { return .singleQuoted }
            if indicatorBytes.contains(first) { return .singleQuoted }
            for i in 0..<(u.count - 1) {
                if u[i] == UInt8(ascii: ":") && u[i + 1] == 0x20 { return .singleQuoted }
                if u[i] == 0x20 && u[i + 1] == UInt8(ascii: "#") { return .singleQuoted }
            }
            if u.starts(with: "...".utf8) || u.elementsEqual("<<".utf8) || u.elementsEqual("=".utf8) { return .singleQuoted }
            return resolvesToNonString(ascii: u) ? .singleQuoted : .plain
        } ?? nil
    }

    static let indicatorBytes: [UInt8] = indicators.map { UInt8($0.value) }

    /// `resolvesToNonString` for ASCII bytes.
    static func resolvesToNonString(ascii u: UnsafeBufferPointer<UInt8>) -> Bool {
        if isReservedWord(u) || isLowercased(u, oneOf: specialFloatBytes) { return true }
        if u.count >= 8, u[0..<4].allSatisfy(isDigit), u[4] == UInt8(ascii: "-") { return true }
        guard let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || isDigit(first)
        else { return false }
        return u.allSatisfy { numberCharacterTable[Int($0)] }
    }

    /// Characters that single quotes cannot carry: outside YAML's printable set, tab, and the
    /// characters YAML 1.1 treats as line breaks (NEL, LS, PS) or that confuse readers (BOM).
    static func needsEscape(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20...0x7E: return false
        case 0x85, 0x2028, 0x2029, 0xFEFF: return true
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return false
        default: return true  // C0 and C1 controls, tab, DEL, U+FFFE, U+FFFF
        }
    }

    /// Literal blocks keep text exactly only when each line is printable, has no trailing space,
    /// and the first content line does not begin with a space (the reader would take it for
    /// indentation). Text with no visible character is never written as a block.
    static func literalFits(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Scalars, not Characters: a space followed by a combining mark is one Character that
        // is not " ", but a reader still sees the space as indentation.
        guard let first = lines.first(where: { !$0.isEmpty }), first.unicodeScalars.first != " " else { return false }
        for line in lines {
            if line.unicodeScalars.last == " " { return false }
            if line.unicodeScalars.contains(where: needsEscape) { return false }
        }
        return true
    }

    static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    static func plainIsSafe(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if indicators.contains(first) { return false }
        for i in s.indices.dropLast() {
            if s[i] == ":" && s[i + 1] == " " { return false }
            if s[i] == " " && s[i + 1] == "#" { return false }
        }
        let text = String(String.UnicodeScalarView(s))
        if text.hasPrefix("...") || text == "<<" || text == "=" { return false }
        return !resolvesToNonString(text)
    }

    /// `reservedWords.contains(text.lowercased())` for ASCII bytes, without making a string.
    static func isReservedWord(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        u.count <= 5 && isLowercased(u, oneOf: reservedWordBytes)
    }

    /// Whether the ASCII bytes `u`, lowercased, are one of `words`.
    static func isLowercased(_ u: UnsafeBufferPointer<UInt8>, oneOf words: [[UInt8]]) -> Bool {
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        return words.contains { w in w.count == u.count && zip(w, u).allSatisfy { $0 == lower($1) } }
    }

    static let reservedWordBytes: [[UInt8]] = reservedWords.sorted().map { Array($0.utf8) }
    static let specialFloatBytes: [[UInt8]] = [".inf", "+.inf", "-.inf", ".nan"].map { Array($0.utf8) }
    static let numberCharacterTable: [Bool] = (0..<256).map { numberCharacters.contains(UInt8($0)) }

    static let reservedWords: Set<String> = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    /// True when a YAML 1.1 or 1.2 reader would read the plain text as null, a boolean, a
    /// number (any base, sexagesimal, `.inf`, `.nan`) or a timestamp. Deliberately broad:
    /// quoting a string that did not need it is harmless; the reverse changes its meaning.
    public static func resolvesToNonString(_ text: String) -> Bool {
        if reservedWords.contains(text.lowercased()) { return true }
        let lower = text.lowercased()
        for special in [".inf", "+.inf", "-.inf", ".nan"] where lower == special { return true }
        let u = Array(text.utf8)
        // Timestamps: YYYY-M-D at the start.
        if u.count >= 8, u[0..<4].allSatisfy(isDigit), u[4] == UInt8(ascii: "-") { return true }
        // Numbers in any YAML 1.1 / 1.2 form: starting like a number and made only of number
        // characters. No digit is required: the YAML 1.1 spec's float pattern takes "." and "+.",
        // and SnakeYAML's takes "+_" (and then fails to convert it).
        guard let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".") || isDigit(first)
        else { return false }
        return u.allSatisfy { numberCharacters.contains($0) }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static let numberCharacters: Set<UInt8> = Set("0123456789abcdefABCDEFxXoObB_.+-:".utf8)
}
