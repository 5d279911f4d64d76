import PipegenCLI
import PipegenConfig
import PipegenKit
import YAMLKit

/// The properties the fuzz targets check on one input, shared by the libFuzzer entry points in
/// `Fuzz/` and by the tests that replay the seed corpus and every past finding.
///
/// Each check returns nil when the input behaves, or a finding: a short description of the
/// broken property. A crash, a hang or a sanitizer report inside a check is a finding too; the
/// fuzzer catches those itself.
public enum FuzzChecks {
    /// The reader property: bytes that parse as YAML (or JSON) give a document that the
    /// writer writes and the reader reads back as the same document; syntax errors point
    /// inside the input.
    public static func yaml(_ bytes: [UInt8]) -> String? {
        do {
            if let node = try YAMLReader.parse(bytes) {
                if let problem = roundTrip(node.document, through: .yaml) { return problem }
            }
        } catch {
            if let problem = markProblem(error.mark, in: bytes) { return "YAML syntax error \(error): \(problem)" }
        }
        do {
            let node = try JSONReader.parse(bytes)
            if let problem = roundTrip(node.document, through: .json) { return problem }
        } catch {
            if let problem = markProblem(error.mark, in: bytes) { return "JSON syntax error \(error): \(problem)" }
        }
        return nil
    }

    /// The pipeline property: a config either has an error diagnostic or renders in both
    /// formats without an `InternalError`, to safe, unique file names whose YAML and JSON
    /// renderings read back as the same data. Diagnostics must print. Input that starts like
    /// JSON is also loaded as `pipegen.json`.
    public static func config(_ bytes: [UInt8]) -> String? {
        if let problem = load(bytes, path: "pipegen.yaml") { return problem }
        if bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") {
            return load(bytes, path: "pipegen.json")
        }
        return nil
    }

    static func load(_ bytes: [UInt8], path: String) -> String? {
        let loaded = Pipegen.load(SourceFile(path: path, bytes: bytes))
        let (file, diagnostics) = (loaded.file, loaded.diagnostics)
        let printer = DiagnosticPrinter(color: false)
        for diagnostic in diagnostics {
            if let mark = diagnostic.mark, let problem = markProblem(mark, in: bytes) {
                return "\(path): diagnostic '\(diagnostic.message)' at \(mark): \(problem)"
            }
            if printer.format(diagnostic, in: file).isEmpty { return "\(path): diagnostic printed as nothing" }
        }
        _ = printer.summary(diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        guard let valid = loaded.valid else {
            return hasErrors ? nil : "\(path): the loader returned no config and no error"
        }
        if hasErrors { return "\(path): the loader returned a config and an error" }
        var rendered: [OutputFormat: [RenderedFile]] = [:]
        for format in OutputFormat.allCases {
            do {
                rendered[format] = try Renderer.render(valid.stacks, RenderRequest(format: format, configPath: "../\(path)")).files
            } catch {
                return "\(path): internal error rendering \(format.rawValue): \(error.problems.joined(separator: "; "))"
            }
        }
        return compare(yaml: rendered[.yaml] ?? [], json: rendered[.json] ?? [])
    }

    /// The renderings name the same templates, with safe names, and hold the same data.
    static func compare(yaml: [RenderedFile], json: [RenderedFile]) -> String? {
        guard yaml.count == json.count, !yaml.isEmpty else {
            return "\(yaml.count) YAML files but \(json.count) JSON files"
        }
        var seen: Set<String> = []
        for (y, j) in zip(yaml, json) {
            for name in [y.name, j.name] {
                if name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\0") {
                    return "unsafe file name '\(name)'"
                }
                if !seen.insert(name).inserted { return "file name '\(name)' rendered twice" }
            }
            guard y.name.hasSuffix(".yaml"), j.name.hasSuffix(".json"), y.name.dropLast(5) == j.name.dropLast(5) else {
                return "files '\(y.name)' and '\(j.name)' do not pair up"
            }
            let a: Document
            let b: Document
            do {
                guard let node = try YAMLReader.parse(y.contents) else { return "\(y.name) is empty" }
                a = node.document
            } catch {
                return "\(y.name) does not read back: \(error)"
            }
            do {
                b = withoutHeader(try JSONReader.parse(j.contents).document)
            } catch {
                return "\(j.name) does not read back: \(error)"
            }
            if !same(a, b) { return "\(y.name) and \(j.name) hold different data" }
        }
        return nil
    }

    /// `document` without the JSON rendering's `Metadata.pipegen` header note (and without
    /// `Metadata` when that note was all it held), as the YAML rendering has it in a comment.
    static func withoutHeader(_ document: Document) -> Document {
        guard case .map(var entries) = document, let i = entries.firstIndex(where: { $0.key == "Metadata" }),
            case .map(var metadata) = entries[i].value
        else { return document }
        metadata.removeAll { $0.key == "pipegen" }
        if metadata.isEmpty {
            entries.remove(at: i)
        } else {
            entries[i].value = .map(metadata)
        }
        return .map(entries)
    }

    enum Format { case yaml, json }

    /// Writes `document`, reads it back and compares.
    static func roundTrip(_ document: Document, through format: Format) -> String? {
        switch format {
        case .yaml:
            let text = YAMLWriter().write(document)
            do {
                guard let again = try YAMLReader.parse(text) else { return "YAML writer output reads as empty:\n\(text)" }
                if !same(document, again.document) { return "YAML round trip changed the document:\n\(text)" }
            } catch {
                return "YAML writer output does not read back (\(error)):\n\(text)"
            }
        case .json:
            // JSON has no infinity or NaN: the writer writes null for them, by design.
            let expected = finite(document)
            let text = JSONWriter().write(document)
            do {
                let again = try JSONReader.parse(text)
                if !same(expected, again.document) { return "JSON round trip changed the document:\n\(text)" }
            } catch {
                return "JSON writer output does not read back (\(error)):\n\(text)"
            }
        }
        return nil
    }

    /// Structural equality in which NaN equals NaN (`Document`'s `==` follows IEEE 754).
    public static func same(_ a: Document, _ b: Document) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: return a == b
        }
    }

    static func finite(_ d: Document) -> Document {
        switch d {
        case .double(let x) where !x.isFinite: return .null
        case .list(let items): return .list(items.map(finite))
        case .map(let entries): return .map(entries.map { Document.Entry($0.key, finite($0.value)) })
        default: return d
        }
    }

    /// A mark must name a line of the input (or the line just after its last line break) and a
    /// column no further than one past that line's end, counting Unicode scalars; `\r\n` and a
    /// lone `\r` end a line, as in the readers.
    static func markProblem(_ mark: Mark, in bytes: [UInt8]) -> String? {
        var widths = [0]
        var afterCR = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                widths.append(0)
            } else {
                widths[widths.count - 1] += 1
            }
        }
        guard mark.line >= 1, mark.line <= widths.count else { return "line \(mark.line) is outside 1...\(widths.count)" }
        let width = widths[mark.line - 1]
        guard mark.column >= 1, mark.column <= width + 1 else {
            return "column \(mark.column) is outside 1...\(width + 1) on line \(mark.line)"
        }
        return nil
    }
}
