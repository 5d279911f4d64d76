import YAMLKit

/// A message about the user's config, compiler-style: where, how bad, what, and what to do.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note, help

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note, .help]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// A follow-up line: `note: 'dev' first defined here`, `help: did you mean 'approval'?`.
    public struct Note: Hashable, Sendable {
        public var severity: Severity
        public var message: String
        public var mark: Mark?

        public init(_ severity: Severity, _ message: String, at mark: Mark? = nil) {
            self.severity = severity
            self.message = message
            self.mark = mark
        }

        public static func help(_ message: String) -> Note { Note(.help, message) }
        public static func note(_ message: String, at mark: Mark? = nil) -> Note { Note(.note, message, at: mark) }
    }

    public var severity: Severity
    /// Lowercase, no trailing period, user values in single quotes.
    public var message: String
    /// Where in the config; nil for problems of the file as a whole.
    public var mark: Mark?
    public var notes: [Note]

    public init(_ severity: Severity, _ message: String, at mark: Mark?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.notes = notes
    }

    public static func error(_ message: String, at mark: Mark?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: mark, notes: notes)
    }

    public static func warning(_ message: String, at mark: Mark?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: mark, notes: notes)
    }
}

extension [Diagnostic] {
    /// The order diagnostics are reported in: problems of the file as a whole (no position)
    /// first, then by position in the file; ties keep the order they were found in.
    public func inSourceOrder() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.mark, b.element.mark) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// True when one of them is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A config file's display path (as the user typed it, relative) and contents, for reading
/// and for printing diagnostics with the offending line and a caret.
public struct SourceFile: Sendable {
    public var path: String
    /// The bytes as read: the readers report invalid UTF-8 at its position.
    public let bytes: [UInt8]
    /// The bytes as text (invalid UTF-8 replaced), for the lines diagnostics show.
    public let text: String

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        text = String(decoding: bytes, as: UTF8.self)
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        bytes = Array(text.utf8)
    }

    /// The text of 1-based line `n`, without its line break (`\n`, `\r\n` or `\r`).
    public func line(_ n: Int) -> Substring? {
        guard n >= 1 else { return nil }
        let u = text.utf8
        var current = 1
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            let b = u[i]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if current == n { return Substring(text[start..<i]) }
                current += 1
                var next = u.index(after: i)
                if b == UInt8(ascii: "\r"), next < u.endIndex, u[next] == UInt8(ascii: "\n") { next = u.index(after: next) }
                start = next
                i = next
                continue
            }
            i = u.index(after: i)
        }
        return current == n && start < u.endIndex ? Substring(text[start..<u.endIndex]) : (current == n ? "" : nil)
    }
}
