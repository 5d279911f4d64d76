import Testing

@testable import PipegenCLI

/// Limit errors name template files by the output folder the user gave and in the format
/// asked for, not `templates/*.yaml`.
@Suite struct LimitMessageTests {
    /// 400 environment accounts pulling images: more than the repository policy can name.
    static let crowded: String = {
        var text = "project: pg\ntooling: {account: \"100000000000\", region: eu-west-1}\nenvironments:\n"
        for i in 0..<400 {
            text += "  - {name: e\(i), account: \"\(200_000_000_000 + i)\", wave: w\(i / 10), "
            text += "ecs: {cluster: c, service: s, listener: {import: l}, target-groups: [b, g]}}\n"
        }
        return text + "pipelines:\n  container-deployment: {}\n"
    }()

    static func policyLine(_ run: Run) -> String? {
        run.stderr.split(separator: "\n").first { $0.contains("repository policy") }.map(String.init)
    }

    @Test func theOutputFolderAndFormatAreTheUsers() throws {
        try withTemporaryFolder { folder in
            try FileSystem.makeDirectory(folder + "/infra")
            try write(Self.crowded, to: folder + "/infra/pipegen.yaml")
            let rendered = pipegen(["render", "infra/pipegen.yaml", "--out", "infra/cfn/", "--format", "json"], in: folder)
            #expect(rendered.code == 1)
            let line = try #require(Self.policyLine(rendered))
            #expect(line.hasPrefix("infra/pipegen.yaml:3:1: error: the repository policy "))
            #expect(line.contains(" in infra/cfn/tooling.json would be "))
            let validated = pipegen(["validate", "infra/pipegen.yaml"], in: folder)
            #expect(try #require(Self.policyLine(validated)).contains(" in infra/templates/tooling.yaml would be "))
            #expect(!rendered.stderr.contains("templates/") && !validated.stderr.contains(" templates/"))
        }
    }
}
