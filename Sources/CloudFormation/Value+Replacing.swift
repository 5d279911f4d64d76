extension Value {
    /// `text.replacing(target, with: replacement)`, for the literal text that `Fn::Sub` strings
    /// are built from. The standard library's search is generic over collections, about 25,000
    /// instructions a call: inlining ARNs and escaping build variables paid 6 % of a
    /// 100-environment render with it. This scans bytes when `text` and `target` are ASCII without
    /// `\r` (where each `Character` is one byte, so the answer is the same) and hands anything
    /// else to the standard library.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        literalReplacing(target, with: replacement, in: text) ?? text.replacing(target, with: replacement)
    }

    /// The byte scan of `replacing(_:with:in:)`; nil when it cannot answer.
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
            // No match is the common case (a name without the placeholder): the text as it was.
            if copied == 0 { return original }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
