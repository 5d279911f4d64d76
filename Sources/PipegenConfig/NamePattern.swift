import YAMLKit

/// A name or path from the config with placeholders that pipegen fills in: `{project}-{env}`,
/// `{project}-{function}`, `params/{env}.json`. The text is kept as written; the kit's `Names`
/// is the one place that expands patterns, so a derived name is spelled in one place only.
public struct NamePattern: Sendable, Hashable, ConfigValue, ExpressibleByStringLiteral, CustomStringConvertible {
    /// What a placeholder stands for.
    public enum Placeholder: String, CaseIterable, Sendable {
        case project, env, function, region, account

        /// The placeholder as written in a pattern: `{env}`.
        public var token: String { "{\(rawValue)}" }
    }

    /// The pattern as the user wrote it.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public init(stringLiteral text: String) {
        self.text = text
    }

    public var document: Document { .string(text) }
    public var description: String { text }

    /// True when the pattern has `placeholder`.
    public func contains(_ placeholder: Placeholder) -> Bool {
        text.contains(placeholder.token)
    }

    /// What stands between each `{` and the next `}` when it is a word (letters, digits, `-`,
    /// `_`), in order: the placeholders the pattern means, known or not.
    public var tokens: [String] {
        var out: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let word = after[..<close]
            if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                out.append(String(word))
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return out
    }

    /// The text with each placeholder in `values` replaced, one after another (others stay as
    /// written): `text.replacing(p1, with: v1).replacing(p2, with: v2)...`, byte for byte. Only
    /// the kit's `Names` calls this.
    package func expanded(_ values: [(Placeholder, String)]) -> String {
        var out = text
        for (placeholder, value) in values {
            out = Self.literalReplacing(placeholder.token, with: value, in: out) ?? out.replacing(placeholder.token, with: value)
        }
        return out
    }

    /// The builders and checks expand thousands of patterns on a long route, and the standard
    /// library's `replacing` is generic over collections: about 25,000 instructions a call, a
    /// fifth of a 100-environment render. This scans bytes when `text` and `target` are ASCII
    /// without `\r`, where each `Character` is one byte, so the answer is the same; nil when it
    /// cannot answer.
    private static func literalReplacing(_ target: String, with replacement: String, in text: String) -> String? {
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
        let pattern = Array(target.utf8)
        guard let first = pattern.first, pattern.allSatisfy(plain) else { return nil }
        let original = text
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy(plain) else { return nil }
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while i + pattern.count <= bytes.count {
                if bytes[i] == first && pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + replacement.utf8.count) }
                    out.append(contentsOf: bytes[copied..<i])
                    out.append(contentsOf: replacement.utf8)
                    i += pattern.count
                    copied = i
                } else {
                    i += 1
                }
            }
            // No match is the common case (a pattern without this placeholder).
            if copied == 0 { return original }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
