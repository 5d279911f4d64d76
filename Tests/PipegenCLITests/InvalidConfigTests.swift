import Foundation
import PipegenConfig
import PipegenKit
import Testing
import TestSupport

/// Every file in Fixtures/invalid is a broken config; its `.expected` file is the full text
/// pipegen prints for it (diagnostics and summary, no colour). Re-record with PIPEGEN_RECORD=1.
@Suite struct InvalidConfigTests {
    static let folder = Golden.directory(of: #filePath) + "/Fixtures/invalid"

    static var cases: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func reportsExpectedDiagnostics(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name).yaml")))
        let (file, config, diagnostics) = Pipegen.load(path: "\(name).yaml", bytes: bytes)
        #expect(config == nil, "an invalid config must not decode")
        #expect(diagnostics.contains { $0.severity == .error })
        let printer = DiagnosticPrinter(color: false)
        let text = diagnostics.map { printer.format($0, in: file) }.joined() + printer.summary(diagnostics)
        if let problem = Golden.compare(text, toFileAt: "\(Self.folder)/\(name).expected") {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
