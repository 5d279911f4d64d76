import PipegenConfig
import YAMLKit

/// The machine-readable forms of a run's findings: pipegen's own JSON, SARIF 2.1.0, and
/// GitHub Actions workflow commands. docs/COMMANDS.md describes each.
enum ReportWriter {
    /// The version of the JSON shape; raised when a field changes meaning or goes away
    /// (new fields may appear without it).
    static let jsonVersion = 1

    /// What the exit code means, as a word for the JSON report.
    static func outcome(_ exitCode: Int32) -> String {
        switch exitCode {
        case ExitCode.success: "ok"
        case ExitCode.invalidConfig: "invalid-config"
        case ExitCode.drift: "drift"
        case ExitCode.usage: "usage"
        case ExitCode.fileError: "file-error"
        default: "internal-error"
        }
    }

    static func json(_ report: DiagnosticReport, exitCode: Int32) -> String {
        let findings = report.findings
        let document: Document = .map([
            .init("version", .int(jsonVersion)),
            .init(
                "tool",
                .map([
                    .init("name", "pipegen"), .init("version", .string(PipegenVersion.current.description)),
                    .init("commit", .string(PipegenVersion.commit)),
                ])),
            .init("command", .string(report.command)),
            .init("exitCode", .int(Int(exitCode))),
            .init("outcome", .string(outcome(exitCode))),
            .init("errors", .int(findings.filter { $0.diagnostic.severity == .error }.count + report.omittedErrors)),
            .init("warnings", .int(findings.filter { $0.diagnostic.severity == .warning }.count)),
            .init("diagnostics", .list(report.shownFindings { size(json($0), depth: 4) }.map(json))),
        ])
        return JSONWriter().write(document)
    }

    /// The bytes `document` takes written `depth` spaces in (with the comma and line break after it).
    private static func size(_ document: Document, depth: Int) -> Int {
        let text = JSONWriter().write(document)
        return text.utf8.count + (text.utf8.count { $0 == UInt8(ascii: "\n") } + 1) * depth + 2
    }

    private static func json(_ finding: Finding) -> Document {
        let d = finding.diagnostic
        var entries: [Document.Entry] = [
            .init("kind", .string(finding.kind.rawValue)),
            .init("severity", .string(d.severity.rawValue)),
        ]
        entries += location(file: finding.file, mark: d.mark)
        entries.append(.init("message", .string(d.message)))
        entries.append(.init("help", .list(d.notes.filter { $0.severity == .help }.map { .string($0.message) })))
        let notes = d.notes.filter { $0.severity != .help }.map { note -> Document in
            .map([.init("message", .string(note.message))] + location(file: note.mark == nil ? nil : finding.file, mark: note.mark))
        }
        entries.append(.init("notes", .list(notes)))
        return .map(entries)
    }

    /// `file`, `line` and `column` (1-based, columns counting Unicode scalars), null when unknown.
    private static func location(file: String?, mark: Mark?) -> [Document.Entry] {
        [
            .init("file", file.map { .string($0) } ?? .null),
            .init("line", mark.map { .int($0.line) } ?? .null),
            .init("column", mark.map { .int($0.column) } ?? .null),
        ]
    }
}

extension ReportWriter {
    static let sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The rules of the SARIF log: one per kind of finding.
    static let rules: [(kind: Finding.Kind, text: String)] = [
        (.config, "The config has a problem"),
        (.drift, "A committed template differs from what the config renders"),
        (.template, "A generated template needs attention when it is deployed"),
        (.io, "A file could not be read or written"),
        (.internal, "A bug in pipegen"),
    ]

    static func sarif(_ report: DiagnosticReport, exitCode: Int32) -> String {
        let driver: Document = .map([
            .init("name", "pipegen"),
            .init("version", .string(PipegenVersion.description)),
            .init("semanticVersion", .string(PipegenVersion.current.description)),
            .init(
                "rules",
                .list(
                    rules.map {
                        .map([
                            .init("id", .string($0.kind.rawValue)),
                            .init("shortDescription", .map([.init("text", .string($0.text))])),
                        ])
                    })),
        ])
        // executionSuccessful: pipegen did its job, whatever it found.
        let ran = [ExitCode.success, ExitCode.invalidConfig, ExitCode.drift].contains(exitCode)
        let run: Document = .map([
            .init("tool", .map([.init("driver", driver)])),
            .init(
                "invocations",
                .list([.map([.init("executionSuccessful", .bool(ran)), .init("exitCode", .int(Int(exitCode)))])])),
            .init("columnKind", "unicodeCodePoints"),
            .init(
                "results",
                .list(
                    report.shownFindings { size(sarif($0, fallbackFile: report.configFile), depth: 8) }
                        .map { sarif($0, fallbackFile: report.configFile) })),
        ])
        return JSONWriter().write(
            .map([.init("$schema", .string(sarifSchema)), .init("version", "2.1.0"), .init("runs", .list([run]))]))
    }

    private static func sarif(_ finding: Finding, fallbackFile: String?) -> Document {
        let d = finding.diagnostic
        let level: String =
            switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .note, .help: "note"
            }
        var text = d.message
        for note in d.notes { text += "\n\(note.severity.rawValue): \(note.message)" }
        var entries: [Document.Entry] = [
            .init("ruleId", .string(finding.kind.rawValue)),
            .init("ruleIndex", .int(rules.firstIndex { $0.kind == finding.kind } ?? 0)),
            .init("level", .string(level)),
            .init("message", .map([.init("text", .string(text))])),
        ]
        // Code scanning takes only results with a location: a problem of no file is put on the config.
        if let file = finding.file ?? fallbackFile {
            entries.append(.init("locations", .list([physicalLocation(file, d.mark)])))
            let related = d.notes.enumerated().compactMap { index, note -> Document? in
                guard let mark = note.mark, finding.file != nil else { return nil }
                guard case .map(let location) = physicalLocation(file, mark) else { return nil }
                return .map(
                    [.init("id", .int(index))] + location + [.init("message", .map([.init("text", .string(note.message))]))])
            }
            if !related.isEmpty { entries.append(.init("relatedLocations", .list(related))) }
        }
        return .map(entries)
    }

    private static func physicalLocation(_ file: String, _ mark: Mark?) -> Document {
        var location: [Document.Entry] = [.init("artifactLocation", .map([.init("uri", .string(uri(file)))]))]
        if let mark {
            location.append(
                .init("region", .map([.init("startLine", .int(mark.line)), .init("startColumn", .int(mark.column))])))
        }
        return .map([.init("physicalLocation", .map(location))])
    }

    /// A path as a URI reference: relative paths stay relative (to the folder pipegen ran in),
    /// absolute ones become `file://` URIs; bytes other than unreserved ones and `/` are
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        let encoded = String(decoding: out, as: UTF8.self)
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

extension ReportWriter {
    /// GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`), one
    /// per finding, which annotate the pull request at that line.
    static func github(_ report: DiagnosticReport) -> String {
        var out = ""
        for finding in report.shownFindings(size: { github($0, command: report.command).utf8.count }) {
            out += github(finding, command: report.command)
        }
        return out
    }

    /// One finding's workflow command line.
    private static func github(_ finding: Finding, command name: String) -> String {
        let d = finding.diagnostic
        let command: String =
            switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .note, .help: "notice"
            }
        var properties: [String] = []
        if let file = finding.file {
            properties.append("file=" + escapeProperty(DisplayText.escaped(file)))
            if let mark = d.mark { properties += ["line=\(mark.line)", "col=\(mark.column)"] }
        }
        properties.append("title=" + escapeProperty("pipegen \(name)"))
        var message = d.message
        for note in d.notes { message += "\n\(note.severity.rawValue): \(note.message)" }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// A message as the runner reads it back: `%`, CR and LF encoded.
    static func escapeData(_ text: String) -> String { escape(text, ["%", "\r", "\n"]) }

    /// A property value: also `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String { escape(text, ["%", "\r", "\n", ":", ","]) }

    /// Scalar by scalar: `\r\n` is one `Character` and would escape a search by characters.
    private static func escape(_ text: String, _ special: [Unicode.Scalar]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if special.contains(scalar) {
                let value = Int(scalar.value)
                out += "%" + String("0123456789ABCDEF".utf8.map { Character(Unicode.Scalar($0)) }[value >> 4])
                    + String("0123456789ABCDEF".utf8.map { Character(Unicode.Scalar($0)) }[value & 15])
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
