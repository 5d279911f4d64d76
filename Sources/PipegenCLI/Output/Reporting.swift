import PipegenConfig

/// How much a command prints besides its errors.
enum Verbosity: Sendable {
    /// `--quiet`: errors only (and what the command exists to print, such as `plan`'s plan).
    case quiet
    case normal
    /// `--verbose`: also what was read, compared and written, and every warning in full.
    case verbose
}

/// How `validate`, `render` and `check` report problems (`--diagnostics-format`).
enum DiagnosticsFormat: String, CaseIterable, Sendable {
    /// Compiler style on stderr, with the line and a caret.
    case text
    /// One JSON document on stdout (docs/COMMANDS.md, "Diagnostics for machines").
    case json
    /// Text, plus GitHub Actions workflow commands on stdout that annotate the pull request.
    case github
    /// One SARIF 2.1.0 log on stdout, for code scanning.
    case sarif

    /// True when stdout holds one document, so everything else goes to stderr.
    var ownsStdout: Bool { self == .json || self == .sarif }
}

/// One problem of a run: a diagnostic, the file it is about (as the user would type it), and
/// what kind of problem it is, for the machine-readable formats.
struct Finding: Sendable {
    enum Kind: String, Sendable {
        /// The config has an error (or a warning).
        case config
        /// A committed template differs from what the config renders (`check`).
        case drift
        /// A template concerns deployment (its size).
        case template
        /// A file could not be read or written.
        case io
        /// A bug in pipegen.
        case `internal`
    }

    var kind: Kind
    var diagnostic: Diagnostic
    /// The file the mark is in; nil for a problem of no file.
    var file: String?
}

/// Everything a run found, kept for the machine-readable formats and written when it ends.
struct DiagnosticReport: Sendable {
    var format = DiagnosticsFormat.text
    /// The subcommand that ran.
    var command = ""
    /// The config file as the user typed it, once known: where SARIF puts problems of no file.
    var configFile: String?
    var findings: [Finding] = []
    /// Errors found but not kept (`LoadedConfig.omittedErrors`).
    var omittedErrors = 0

    mutating func add(_ kind: Finding.Kind, _ diagnostics: [Diagnostic], file: String?) {
        findings += diagnostics.map { Finding(kind: kind, diagnostic: $0, file: file) }
    }

    /// The findings the machine-readable formats hold: as many as `DiagnosticBudget` lets in,
    /// each counted at `size` (the bytes its format writes for it), then one note for the rest.
    func shownFindings(size: (Finding) -> Int) -> [Finding] {
        var budget = DiagnosticBudget()
        var shown: [Finding] = []
        for finding in findings {
            guard budget.take(bytes: size(finding)) else { break }
            shown.append(finding)
        }
        if let rest = DiagnosticBudget.notShown(findings.dropFirst(shown.count).map(\.diagnostic), omittedErrors: omittedErrors) {
            shown.append(Finding(kind: .config, diagnostic: rest, file: nil))
        }
        return shown
    }
}

extension CLIIO {
    /// The command's own report for people (files written, diffs, `ok`): on stdout unless
    /// stdout holds a machine-readable document, and not at all with `--quiet`.
    mutating func output(_ text: String) {
        guard verbosity != .quiet, !text.isEmpty else { return }
        if report.format.ownsStdout { stderr.write(text) } else { stdout.write(text) }
    }

    /// Style for `output`, which may go to either stream.
    var outputStyle: Style { report.format.ownsStdout ? stderrStyle : stdoutStyle }

    /// A line only `--verbose` shows, on stderr.
    mutating func detail(_ line: String) {
        guard verbosity == .verbose else { return }
        stderr.write(stderrStyle.note + line + "\n")
    }

    /// Records `diagnostics` for the report and prints them to stderr in source order (then
    /// a count), leaving out all but errors with `--quiet`. `print: false` records only (for
    /// findings the text output shows in another form, such as a diff).
    /// `omitted`: errors found but not kept (a decoder's error limit), counted with the rest.
    mutating func emit(
        _ diagnostics: [Diagnostic], in source: SourceFile?, kind: Finding.Kind, print: Bool = true, count: Bool = true,
        omitted: Int = 0
    ) {
        let diagnostics = diagnostics.map(\.shown)
        report.add(kind, diagnostics, file: source?.path)
        report.omittedErrors += omitted
        guard print else { return }
        let shown = verbosity == .quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        let printer = DiagnosticPrinter(color: stderrStyle.enabled)
        let ordered = shown.inSourceOrder()
        let file = source ?? SourceFile(path: "pipegen", text: "")
        var budget = DiagnosticBudget()
        var printed = 0
        for diagnostic in ordered {
            let text = printer.format(diagnostic, in: file)
            guard budget.take(text) else { break }
            stderr.write(text)
            printed += 1
        }
        if let rest = DiagnosticBudget.notShown(ordered.dropFirst(printed), omittedErrors: omitted) {
            stderr.write(printer.format(rest, in: file))
        }
        if count { stderr.write(printer.summary(shown, omittedErrors: omitted)) }
    }

    /// Writes the machine-readable report of the run, if one was asked for.
    mutating func finishReport(exitCode: Int32) {
        switch report.format {
        case .text: return
        case .json: stdout.write(ReportWriter.json(report, exitCode: exitCode))
        case .sarif: stdout.write(ReportWriter.sarif(report, exitCode: exitCode))
        case .github: stdout.write(ReportWriter.github(report))
        }
    }
}

/// How much of a run's diagnostics is printed: like a compiler's error limit, a broken file of
/// a million lines says its first problems clearly and counts the rest, and whatever the
/// config holds, the diagnostics of one run stay under 64 KB (`pipegen` prints at most
/// `maximumCount` of them, within `maximumBytes`, then one line for the rest). Each message
/// and note is at most `DisplayText.lineLimit` characters (`Diagnostic.shown`). The budget is
/// per stream: with `--diagnostics-format json` or `sarif` the text goes to stderr and the
/// document to stdout, and both together (with the document's frame) stay under 64 KB.
struct DiagnosticBudget {
    static let maximumCount = 50
    static let maximumBytes = 28 * 1024
    private(set) var count = 0
    private(set) var bytes = 0

    /// Counts `text` in, unless it would go over the budget.
    mutating func take(_ text: String) -> Bool { take(bytes: text.utf8.count) }

    /// Counts `size` bytes in, unless they would go over the budget.
    mutating func take(bytes size: Int) -> Bool {
        guard count < Self.maximumCount, bytes + size <= Self.maximumBytes else { return false }
        count += 1
        bytes += size
        return true
    }

    /// The note for what was left out: "3 more errors and 1 warning not shown"; nil for nothing.
    static func notShown<C: Collection>(_ rest: C, omittedErrors: Int = 0) -> Diagnostic? where C.Element == Diagnostic {
        guard !rest.isEmpty || omittedErrors > 0 else { return nil }
        let errors = rest.filter { $0.severity == .error }.count + omittedErrors
        let others = rest.count + omittedErrors - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) more error\(errors == 1 ? "" : "s")") }
        if others > 0 { parts.append("\(others) more warning\(others == 1 ? "" : "s") and note\(others == 1 ? "" : "s")") }
        return Diagnostic(.note, parts.joined(separator: " and ") + " not shown", at: nil)
    }
}

extension Diagnostic {
    /// The diagnostic as every output shows it: message and notes cut to
    /// `DisplayText.lineLimit` characters, their control and bidirectional characters escaped,
    /// whatever a config or a path on the command line put in them.
    var shown: Diagnostic {
        var copy = self
        copy.message = DisplayText.line(message)
        copy.notes = notes.map { note in
            var note = note
            note.message = DisplayText.line(note.message)
            return note
        }
        return copy
    }
}
