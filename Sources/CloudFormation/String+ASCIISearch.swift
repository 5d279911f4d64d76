// The standard library's `replacing(_:with:)`, `firstRange(of:)` and `contains(_:)` for a
// string argument come from _StringProcessing and are generic over collections: about 25,000
// instructions a call for `"{env}"` in a short name. Builders and checks call them thousands of
// times for a large config (a third of a 100-environment render, see docs/BENCHMARKS.md).
//
// These overloads take plain `String` arguments, so overload resolution prefers them over the
// generic ones wherever this module is imported. They answer by scanning UTF-8 bytes when the
// text and the pattern are ASCII without a carriage return (there every `Character` is one
// byte: the answer is the same), and hand anything else to the standard library.

extension String {
    /// `replacing(_:with:)` of the standard library, fast for ASCII.
    public func replacing(_ target: String, with replacement: String) -> String {
        guard let matches = ASCIISearch.matches(of: target, in: self, all: true) else {
            return replacing(target, with: replacement, maxReplacements: .max)
        }
        if matches.isEmpty { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + matches.count * max(0, replacement.utf8.count - target.utf8.count))
        var copied = 0
        let bytes = Array(utf8)
        for start in matches {
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: replacement.utf8)
            copied = start + target.utf8.count
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `firstRange(of:)` of the standard library, fast for ASCII.
    public func firstRange(of other: String) -> Range<String.Index>? {
        ASCIISearch.firstRange(of: other, in: self) ?? firstRange(of: other[...])
    }

    /// `contains(_:)` of the standard library for a string, fast for ASCII.
    public func contains(_ other: String) -> Bool {
        ASCIISearch.firstRange(of: other, in: self).map { $0 != nil } ?? (firstRange(of: other[...]) != nil)
    }
}

extension Substring {
    /// `firstRange(of:)` of the standard library, fast for ASCII.
    public func firstRange(of other: String) -> Range<String.Index>? {
        ASCIISearch.firstRange(of: other, in: self) ?? firstRange(of: other[...])
    }

    /// `contains(_:)` of the standard library for a string, fast for ASCII.
    public func contains(_ other: String) -> Bool {
        ASCIISearch.firstRange(of: other, in: self).map { $0 != nil } ?? (firstRange(of: other[...]) != nil)
    }
}

enum ASCIISearch {
    /// The first occurrence of `pattern` in `text`: `.some(nil)` when there is none, nil when
    /// the byte scan cannot answer (see `matches`) and the standard library must.
    static func firstRange<T: StringProtocol>(of pattern: String, in text: T) -> Range<String.Index>?? where T.Index == String.Index {
        guard let matches = matches(of: pattern, in: text, all: false) else { return nil }
        guard let start = matches.first else { return .some(nil) }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        return .some(lower..<text.utf8.index(lower, offsetBy: pattern.utf8.count))
    }

    /// The byte offsets of the non-overlapping occurrences of `pattern` in `text`, left to
    /// right (only the first unless `all`); nil when either is not ASCII without `\r`, or the
    /// pattern is empty, for the standard library to answer.
    static func matches<T: StringProtocol>(of pattern: String, in text: T, all: Bool) -> [Int]? {
        let p = Array(pattern.utf8)
        guard !p.isEmpty, p.allSatisfy(isPlain) else { return nil }
        let answer: [Int]?? = text.utf8.withContiguousStorageIfAvailable { t -> [Int]? in
            var found: [Int] = []
            var i = 0
            let n = t.count
            let first = p[0]
            var clean = 0  // bytes checked to be plain so far
            while i + p.count <= n {
                // Up to the byte after a possible match: a combining mark there would join the
                // match's last character.
                while clean < min(n, i + p.count + 1) {
                    guard isPlain(t[clean]) else { return nil }
                    clean += 1
                }
                if t[i] == first && (1..<p.count).allSatisfy({ t[i + $0] == p[$0] }) {
                    found.append(i)
                    if !all { return found }
                    i += p.count
                } else {
                    i += 1
                }
            }
            while clean < n {
                guard isPlain(t[clean]) else { return nil }
                clean += 1
            }
            return found
        }
        return answer ?? nil
    }

    @inline(__always) static func isPlain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x0D }
}
