import Glibc

/// Where the CLI writes and what it knows of its surroundings, passed in so tests can run
/// the whole CLI in process and read back exactly what a terminal would have shown.
public struct CLIIO {
    /// Normal output: rendered file lines, diffs, help.
    public var stdout: OutputSink
    /// Diagnostics and errors.
    public var stderr: OutputSink
    /// The absolute folder relative paths are resolved against (never `chdir`ed).
    public var workingDirectory: String
    /// Environment variables the CLI consults (`NO_COLOR`, `TERM`).
    public var environment: [String: String]
    /// Whether stdout is a terminal (colours diffs).
    public var stdoutIsTerminal: Bool
    /// Whether stderr is a terminal (colours diagnostics).
    public var stderrIsTerminal: Bool
    /// Where a config given as `-` is read from.
    public var standardInput = InputSource.descriptor(0)
    /// Test hook passed to `render`'s `AtomicWriter`, to fail or observe each write step.
    var beforeWriteStep: ((AtomicWriter.Step) throws(SystemError) -> Void)?
    /// How much to print (`--quiet`, `--verbose`).
    var verbosity = Verbosity.normal
    /// The problems of this run, for the machine-readable formats (`--diagnostics-format`).
    var report = DiagnosticReport()

    /// An IO value with the given parts.
    public init(
        stdout: OutputSink, stderr: OutputSink, workingDirectory: String, environment: [String: String],
        stdoutIsTerminal: Bool, stderrIsTerminal: Bool
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// Captures both streams in memory; not a terminal unless told otherwise.
    public static func capturing(
        workingDirectory: String, environment: [String: String] = [:], terminal: Bool = false
    ) -> CLIIO {
        CLIIO(
            stdout: .capture, stderr: .capture, workingDirectory: workingDirectory, environment: environment,
            stdoutIsTerminal: terminal, stderrIsTerminal: terminal)
    }

    /// The real process: file descriptors 1 and 2, `getcwd`, `environ`; nil when the
    /// working directory cannot be determined (it was deleted, say).
    public static func process() -> CLIIO? {
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let eq = pair.firstIndex(of: "=") {
                environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            entry += 1
        }
        let io = CLIIO(
            stdout: .descriptor(1), stderr: .descriptor(2), workingDirectory: String(cString: cwd),
            environment: environment, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1)
        return io
    }

    /// Colour is used on a terminal unless `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or the terminal is `dumb`.
    func wantsColor(terminal: Bool) -> Bool {
        terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    var stderrStyle: Style { Style(enabled: wantsColor(terminal: stderrIsTerminal)) }
    var stdoutStyle: Style { Style(enabled: wantsColor(terminal: stdoutIsTerminal)) }
}

/// Where input comes from: a file descriptor (standard input), or bytes given by a test.
public enum InputSource: Sendable {
    case descriptor(Int32)
    case bytes([UInt8])

    /// Everything until the end of the input.
    func readAll() throws(SystemError) -> [UInt8] {
        switch self {
        case .descriptor(let fd): return try FileSystem.read(descriptor: fd)
        case .bytes(let bytes): return bytes
        }
    }
}

/// A destination for text: a file descriptor, or an in-memory capture for tests.
public struct OutputSink: Sendable {
    private enum Target: Sendable {
        case descriptor(Int32)
        case capture
    }

    private let target: Target
    /// Everything written so far, when capturing; empty for a descriptor.
    public private(set) var text = ""

    /// Text written straight to `fd`, unbuffered.
    public static func descriptor(_ fd: Int32) -> OutputSink { OutputSink(target: .descriptor(fd)) }

    /// Text kept in `text`.
    public static var capture: OutputSink { OutputSink(target: .capture) }

    /// Writes `string` as is (callers include the line breaks).
    public mutating func write(_ string: String) {
        switch target {
        case .capture:
            text += string
        case .descriptor(let fd):
            var bytes = Array(string.utf8)[...]
            while !bytes.isEmpty {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                // A closed pipe or full disk on our own output: nothing useful left to say.
                if n <= 0 { return }
                bytes = bytes.dropFirst(n)
            }
        }
    }
}

/// ANSI styling that collapses to plain text when colour is off.
struct Style {
    var enabled: Bool

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    /// `error: ` in bold red, as `DiagnosticPrinter` does.
    var error: String { paint("error: ", "1;31") }
    var warning: String { paint("warning: ", "1;33") }
    var note: String { paint("note: ", "1;36") }
    var help: String { paint("help: ", "1;36") }
}
