import Foundation
@testable import PipegenFuzzChecks
import Testing
import TestSupport
import YAMLKit

/// Replays the fuzzers' seed corpus and every past finding through the checks the fuzz targets
/// run, so a finding stays fixed and the properties hold on the committed inputs without a
/// fuzzing toolchain.
@Suite struct FuzzRegressionTests {
    static let root = Golden.repositoryRoot(from: #filePath)
    static let findings = Golden.directory(of: #filePath) + "/Findings"

    static func files(in folder: String, suffixes: [String] = [""]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in !name.hasPrefix(".") && suffixes.contains { name.hasSuffix($0) } }.sorted()
            .map { "\(folder)/\($0)" }
    }

    static func examples() -> [String] {
        let folders = files(in: "\(root)/Examples")
        return folders.map { "\($0)/pipegen.yaml" } + folders.flatMap { files(in: "\($0)/templates") }
    }

    /// Every input the fuzzers start from, relative to the repository root.
    static var seeds: [String] {
        (examples() + files(in: "\(root)/Tests/PipegenCLITests/Fixtures/invalid", suffixes: [".yaml"]))
            .map { String($0.dropFirst(root.count + 1)) }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func thereAreSeeds() {
        #expect(Self.seeds.count >= 40)
        #expect(Self.seeds.contains("Examples/route-to-live/pipegen.yaml"))
    }

    @Test(arguments: seeds)
    func seedPassesBothChecks(_ path: String) throws {
        let input = try Self.bytes("\(Self.root)/\(path)")
        #expect(FuzzChecks.yaml(input) == nil)
        #expect(FuzzChecks.config(input) == nil)
    }

    @Test(arguments: files(in: findings + "/yaml"))
    func yamlFindingStaysFixed(_ path: String) throws {
        #expect(FuzzChecks.yaml(try Self.bytes(path)) == nil, "\(path)")
    }

    @Test(arguments: files(in: findings + "/config"))
    func configFindingStaysFixed(_ path: String) throws {
        #expect(FuzzChecks.config(try Self.bytes(path)) == nil, "\(path)")
    }

    /// The checks themselves: they must notice a broken property, or the fuzzers prove nothing.
    @Test func checksReportBrokenProperties() {
        #expect(FuzzChecks.markProblem(Mark(line: 3, column: 1), in: Array("a\nb".utf8)) != nil)
        #expect(FuzzChecks.markProblem(Mark(line: 1, column: 3), in: Array("ab\ncd".utf8)) == nil)
        #expect(FuzzChecks.markProblem(Mark(line: 1, column: 4), in: Array("ab\ncd".utf8)) != nil)
        #expect(FuzzChecks.markProblem(Mark(line: 3, column: 1), in: Array("a\r\nb\rc".utf8)) == nil)
        #expect(FuzzChecks.same(.double(.nan), .double(.nan)))
        #expect(!FuzzChecks.same(["a": 1], ["a": "1"]))
        #expect(!FuzzChecks.same(["a": 1, "b": 2], ["b": 2, "a": 1]))
        #expect(FuzzChecks.withoutHeader(["Metadata": ["pipegen": "x"], "Resources": [:]]) == ["Resources": [:]])
        #expect(FuzzChecks.roundTrip(.double(.infinity), through: .json) == nil)
    }
}
