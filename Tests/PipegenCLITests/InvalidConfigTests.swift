import Foundation
import Testing
import TestSupport

@testable import PipegenCLI

/// Every file in Fixtures/invalid is a broken config; its `.expected` file is the full text
/// `pipegen validate` prints for it on stderr (diagnostics and summary, no colour). Re-record
/// with PIPEGEN_RECORD=1.
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
        let run = pipegen(["validate", "\(name).yaml"], in: Self.folder)
        #expect(run.code == 1, "an invalid config must fail validation")
        #expect(run.stdout == "")
        #expect(run.stderr.contains("error: "))
        if let problem = Golden.compare(run.stderr, toFileAt: "\(Self.folder)/\(name).expected") {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
