import CloudFormation
import Foundation
import Testing
import YAMLKit

@Suite struct CombinedTemplateTests {
    @Test func validates() {
        #expect(Samples.template.validate() == [])
        #expect(Samples.exhaustiveTemplate.validate() == [])
    }

    @Test func everyTypeOnce() {
        let types = Samples.template.resources.map(\.resource.typeName)
        #expect(Set(types).count == types.count)
        #expect(types.count == 23)
    }

    /// JSON output parses with Foundation and keeps every resource with its type.
    @Test func jsonRoundTrip() throws {
        let text = JSONWriter().write(Samples.template.document)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let resources = try #require(object?["Resources"] as? [String: Any])
        for (id, model) in Samples.all {
            let resource = try #require(resources[id] as? [String: Any], "\(id) missing")
            #expect(resource["Type"] as? String == type(of: model).typeName)
        }
    }

    /// The combined template, written as YAML and as JSON, passes cfn-lint with no errors and
    /// no warnings; so does the one with the extras, which sets every modelled property
    /// (skipped when cfn-lint is not installed).
    @Test(.enabled(if: CFNLint.path != nil, "cfn-lint is not on PATH"), arguments: ["yaml", "json", "exhaustive.yaml"])
    func cfnLintFindsNothing(format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipegen-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("all.\(format)")
        let document = format.hasPrefix("exhaustive") ? Samples.exhaustiveTemplate.document : Samples.template.document
        let text = format.hasSuffix("json") ? JSONWriter().write(document) : YAMLWriter().write(document)
        try text.write(to: file, atomically: true, encoding: .utf8)
        if format == "exhaustive.yaml", let keep = ProcessInfo.processInfo.environment["PIPEGEN_KEEP_LINT_INPUT"] {
            try text.write(toFile: keep, atomically: true, encoding: .utf8)
        }
        let (status, output) = try CFNLint.run(file.path)
        // Parseable findings look like `file:line:col:line:col:E3030:message`.
        let errors = output.split(separator: "\n").filter { $0.contains(":E") }
        #expect(errors.isEmpty, "cfn-lint errors:\n\(output)")
        // cfn-lint's exit status has bit 2 for errors and bit 4 for warnings.
        #expect(status == 0, "cfn-lint exit status \(status):\n\(output)")
    }
}

enum CFNLint {
    static let path: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/cfn-lint"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static func run(_ file: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["--format", "parseable", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
