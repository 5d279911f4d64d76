import PipegenConfig
import YAMLKit

/// Prints diagnostics the way compilers do:
///
///     pipegen.yaml:12:5: error: unknown key 'aproval' in environment 'test'
///        12 |     aproval: true
///           |     ^
///     help: did you mean 'approval'?
///
/// Columns count Unicode scalars. Colour (bold, red/yellow) only when asked for (a TTY).
package struct DiagnosticPrinter: Sendable {
    package var color: Bool

    package init(color: Bool = false) {
        self.color = color
    }

    package func format(_ d: Diagnostic, in file: SourceFile?) -> String {
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
    package func summary(_ diagnostics: [Diagnostic]) -> String {
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
