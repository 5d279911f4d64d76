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

    mutating func add(_ kind: Finding.Kind, _ diagnostics: [Diagnostic], file: String?) {
        findings += diagnostics.map { Finding(kind: kind, diagnostic: $0, file: file) }
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
    mutating func emit(
        _ diagnostics: [Diagnostic], in source: SourceFile?, kind: Finding.Kind, print: Bool = true, count: Bool = true
    ) {
        report.add(kind, diagnostics, file: source?.path)
        guard print else { return }
        let shown = verbosity == .quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        let printer = DiagnosticPrinter(color: stderrStyle.enabled)
        let ordered = shown.inSourceOrder()
        let file = source ?? SourceFile(path: "pipegen", text: "")
        for diagnostic in ordered.prefix(Self.diagnosticLimit) { stderr.write(printer.format(diagnostic, in: file)) }
        if ordered.count > Self.diagnosticLimit {
            stderr.write(printer.format(.init(.note, "\(ordered.count - Self.diagnosticLimit) more not shown", at: nil), in: file))
        }
        if count { stderr.write(printer.summary(shown)) }
    }

    /// Like a compiler's error limit: a broken file of a million lines says the first
    /// problems clearly and counts the rest.
    static let diagnosticLimit = 50

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
