import PipegenConfig
import YAMLKit

/// Prints diagnostics the way compilers do:
///
///     pipegen.yaml:12:5: error: unknown key 'aproval' in environment 'test'
///        12 |     aproval: true
///           |     ^
///     help: did you mean 'approval'?
///
/// Columns count Unicode scalars. Colour (bold, red/yellow) only when asked for (a TTY). What
/// comes from the config (the path, the source line; messages are `Diagnostic.shown` first)
/// is printed with its control and bidirectional characters escaped (`DisplayText`).
package struct DiagnosticPrinter: Sendable {
    package var color: Bool

    package init(color: Bool = false) {
        self.color = color
    }

    package func format(_ d: Diagnostic, in file: SourceFile?) -> String {
        let path = DisplayText.escaped(file?.path ?? "pipegen")
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
    package func summary(_ diagnostics: [Diagnostic], omittedErrors: Int = 0) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count + omittedErrors
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
        var caret = max(0, mark.column - 1)
        // Only the window around the caret is taken apart: a line of megabytes costs no more.
        let start = max(0, caret - Self.maxWidth / 2)
        var scalars = Array(line.unicodeScalars.dropFirst(start).prefix(Self.maxWidth + 1))
        caret -= start
        var prefix = start > 0 ? "..." : "", suffix = ""
        if start > 0, scalars.count < Self.maxWidth {
            // Near the end of a long line: show a full window ending there.
            let more = min(start, Self.maxWidth - scalars.count)
            scalars = Array(line.unicodeScalars.dropFirst(start - more).prefix(Self.maxWidth))
            caret += more
            if start - more == 0 { prefix = "" }
        }
        if scalars.count > Self.maxWidth {
            scalars.removeLast()
            suffix = "..."
        }
        // Tabs stay tabs, so the caret lines up under them; anything that could drive the
        // terminal is shown as its escape, and the caret moves past it as wide.
        var shown = prefix
        var lead = String(repeating: " ", count: prefix.count)
        for (i, scalar) in scalars.enumerated() {
            let text = scalar == "\t" || !DisplayText.isUnsafe(scalar) ? String(scalar) : DisplayText.escaped(String(scalar))
            shown += text
            if i < caret { lead += scalar == "\t" ? "\t" : String(repeating: " ", count: text.count) }
        }
        shown += suffix
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
