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

/// A config file's display path (as the user typed it, relative) and text, for printing
/// diagnostics with the offending line and a caret.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
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

/// Prints diagnostics the way compilers do:
///
///     pipegen.yaml:12:5: error: unknown key 'aproval' in environment 'test'
///        12 |     aproval: true
///           |     ^
///     help: did you mean 'approval'?
///
/// Columns count Unicode scalars. Colour (bold, red/yellow) only when asked for (a TTY).
public struct DiagnosticPrinter: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func format(_ d: Diagnostic, in file: SourceFile?) -> String {
        let path = file?.path ?? "pipegen"
        var out = ""
        let location = d.mark.map { "\(path):\($0.line):\($0.column): " } ?? "\(path): "
        out += bold(location) + label(d.severity) + bold(d.message) + "\n"
        if let mark = d.mark, let file { out += excerpt(file, mark) }
        for note in d.notes {
            if let mark = note.mark {
                out += bold("\(path):\(mark.line):\(mark.column): ") + label(note.severity) + note.message + "\n"
                if let file { out += excerpt(file, mark) }
            } else {
                out += label(note.severity) + note.message + "\n"
            }
        }
        return out
    }

    /// `N error(s) and M warning(s) generated` style summary; empty when there is nothing.
    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.isEmpty ? "" : parts.joined(separator: " and ") + " generated\n"
    }

    /// The source line and a caret under the column. A line longer than `maxWidth` is cut
    /// to a window around the column, with `...` where text was left out.
    private func excerpt(_ file: SourceFile, _ mark: Mark) -> String {
        guard let line = file.line(mark.line) else { return "" }
        let number = String(mark.line)
        let gutter = String(repeating: " ", count: number.count)
        var scalars = Array(line.unicodeScalars)
        var caret = max(0, mark.column - 1)
        var prefix = "", suffix = ""
        if scalars.count > Self.maxWidth {
            let start = max(0, min(caret - Self.maxWidth / 2, scalars.count - Self.maxWidth))
            let end = min(scalars.count, start + Self.maxWidth)
            if start > 0 { prefix = "..." }
            if end < scalars.count { suffix = "..." }
            scalars = Array(scalars[start..<end])
            caret = caret - start + prefix.count
        }
        let shown = prefix + String(String.UnicodeScalarView(scalars)) + suffix
        // Keep tabs as tabs under the caret so it lines up in the terminal.
        let lead = (prefix + String(String.UnicodeScalarView(scalars))).unicodeScalars.prefix(caret)
            .map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(number) | \(shown)\n \(gutter) | \(lead)" + paint("^", "32") + "\n"
    }

    static let maxWidth = 100

    private func label(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return paint("error: ", "1;31")
        case .warning: return paint("warning: ", "1;33")
        case .note: return paint("note: ", "1;36")
        case .help: return paint("help: ", "1;36")
        }
    }

    private func bold(_ s: String) -> String { paint(s, "1") }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
