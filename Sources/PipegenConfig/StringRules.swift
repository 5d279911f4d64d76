/// The checks behind each `StringFormat`, with the message and help a user sees.
enum StringRules {
    struct Problem {
        var message: String
        var notes: [Diagnostic.Note] = []
    }

    /// A value pipegen does not read at all, whatever its format: longer than its format's
    /// `maximumLength` (counted before anything else looks at it), or holding a character that
    /// could drive a terminal or reorder text when the value is shown (`DisplayText.isUnsafe`;
    /// tab and line feed are text in free text).
    static func unreadable(_ text: String, _ type: ValueType, what: String) -> Problem? {
        let limit: Int
        var allowed: [Unicode.Scalar] = []
        switch type {
        case .string(let format):
            limit = format.maximumLength
            if format == .text { allowed = ["\t", "\n"] }
        default:
            limit = StringFormat.text.maximumLength
        }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if DisplayText.isUnsafe(scalar), !allowed.contains(scalar) {
                let kind = scalar.value >= 0x0600 ? "a bidirectional text control" : "a control character"
                return Problem(
                    message: "\(what) holds \(DisplayText.codePoint(scalar)) (\(kind)): \(DisplayText.quoted(text))",
                    notes: [.help("remove it: pipegen takes no characters that change how a terminal shows text")])
            }
        }
        guard count > limit else { return nil }
        return Problem(
            message: "\(what) is \(count) characters long; pipegen takes at most \(limit)",
            notes: [.note("it starts \(DisplayText.quoted(text))")])
    }

    static func problem(_ text: String, _ format: StringFormat) -> Problem? {
        switch format {
        case .text:
            return nil
        case .name:
            return isName(text)
                ? nil
                : Problem(
                    message: "\(DisplayText.quoted(text)) is not a valid name",
                    notes: [.help("use lowercase letters, digits and single hyphens, starting with a letter: \(DisplayText.quoted(suggestedName(text)))")])
        case .accountId:
            if text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return nil }
            var notes: [Diagnostic.Note] = [.help("AWS account ids are exactly 12 digits, such as \"012345678901\"")]
            if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.count < 12 {
                notes.append(.note("a leading zero is kept as written; check that no digit is missing"))
            }
            return Problem(message: "account id \(DisplayText.quoted(text)) must be 12 digits", notes: notes)
        case .region:
            if Region.isKnown(text) { return nil }
            var notes: [Diagnostic.Note] = []
            if let guess = Suggest.closest(to: text, in: Region.all) { notes.append(.help("did you mean '\(guess)'?")) }
            return Problem(message: "unknown region \(DisplayText.quoted(text))", notes: notes)
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                !parts[1].hasSuffix("."), !text.contains(" ")
            {
                return nil
            }
            return Problem(message: "\(DisplayText.quoted(text)) is not an e-mail address")
        case .arn:
            if text.hasPrefix("arn:"), text.split(separator: ":", omittingEmptySubsequences: false).count >= 6 {
                return nil
            }
            return Problem(message: "\(DisplayText.quoted(text)) is not an ARN", notes: [.help("ARNs look like arn:aws:iam::aws:policy/ReadOnlyAccess")])
        case .path:
            if text.isEmpty { return Problem(message: "a path cannot be empty") }
            if text.hasPrefix("/") {
                return Problem(message: "path \(DisplayText.quoted(text)) must be relative to the repository root", notes: [.help("remove the leading '/'")])
            }
            if text.split(separator: "/").contains("..") {
                return Problem(message: "path \(DisplayText.quoted(text)) must stay inside the repository")
            }
            return nil
        case .branch:
            if text.isEmpty || text.contains(" ") || text.hasPrefix("refs/") || text.contains("..") {
                return Problem(message: "\(DisplayText.quoted(text)) is not a branch name", notes: [.help("write the short name, such as 'main'")])
            }
            return nil
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: a shell environment variable name.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// Lowercase ASCII letters, digits and single hyphens; starts with a letter; no trailing hyphen.
    static func isName(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard let first = u.first, first >= 0x61, first <= 0x7A, u.last != UInt8(ascii: "-") else { return false }
        for (i, c) in u.enumerated() {
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
            if !ok { return false }
            if c == UInt8(ascii: "-"), i > 0, u[i - 1] == c { return false }
        }
        return true
    }

    /// A close valid name, for the help line.
    static func suggestedName(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            let ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9")
            if ok {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while let f = out.first, !f.isLetter { out.removeFirst() }
        return out.isEmpty ? "app" : out
    }
}
