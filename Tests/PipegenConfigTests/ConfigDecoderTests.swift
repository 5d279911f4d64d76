import PipegenConfig
import Testing
import YAMLKit

/// Decodes `text` (YAML unless `path` ends in .json).
func load(_ text: String, path: String = "pipegen.yaml") -> (Config?, [Diagnostic]) {
    let decoded = ConfigReader.read(SourceFile(path: path, text: text))
    return (decoded.config, decoded.diagnostics)
}

/// Strips the marker `1️⃣` from `text` and returns the text and the marker's position
/// (columns in Unicode scalars, as diagnostics count them).
func marked(_ text: String) -> (String, Mark) {
    var line = 1, column = 1
    for (i, scalar) in text.unicodeScalars.enumerated() {
        if scalar == "1" && text.unicodeScalars.dropFirst(i + 1).first == "\u{FE0F}" {
            return (text.replacing("1️⃣", with: ""), Mark(line: line, column: column))
        }
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
    preconditionFailure("no marker in text")
}

let minimal = """
    project: demo
    tooling:
      account: "111111111111"
      region: eu-west-1
    environments:
      - name: dev
        account: "222222222222"

    """

@Suite struct ConfigDecoderTests {
    @Test func minimalConfigGetsDefaults() throws {
        let (config, diagnostics) = load(minimal)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.project.value == "demo")
        #expect(c.tooling.account.value == "111111111111")
        #expect(c.environments.map(\.name.value) == ["dev"])
        #expect(c.environments[0].regions.map(\.value) == ["eu-west-1"], "an environment defaults to the tooling region")
        #expect(c.environments[0].approval == nil)
        #expect(c.logRetentionDays == 30)
        #expect(c.artifacts.noncurrentDays == 30)
        #expect(c.registry.keepImages == 30)
        #expect(c.pipelines.isEmpty)
        #expect(c.partition == .aws)
    }

    @Test func accountIdsKeepTheirLeadingZero() throws {
        let text = minimal.replacing("\"222222222222\"", with: "012345678901")
        let (config, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).environments[0].account.value == "012345678901")
    }

    @Test func jsonConfigsDecodeTheSame() throws {
        let json = """
            {"project": "demo", "tooling": {"account": "111111111111", "region": "eu-west-1"},
             "environments": [{"name": "dev", "account": "222222222222", "approval": true}]}
            """
        let (config, diagnostics) = load(json, path: "pipegen.json")
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.environments[0].approval == Approval())
    }

    @Test func pipelinesWithEmptyValuesGetDefaults() throws {
        let (config, diagnostics) = load(
            minimal + """
                pipelines:
                  container-build:
                  infrastructure-deployment: {}

                """)
        #expect(diagnostics.isEmpty)
        let p = try #require(config).pipelines
        #expect(p[ContainerBuild.self]?.source.repository.value == "ECS-Container-Build")
        #expect(p[ContainerBuild.self]?.source.branch.value == "main")
        #expect(p[InfrastructureDeployment.self]?.source.repository.value == "Infrastructure-Deployment")
        #expect(p[InfrastructureDeployment.self]?.lint == ["cfn-lint", "cfn-nag"])
        #expect(p[InfrastructureDeployment.self]?.lambda == LambdaSettings())
        #expect(p[InfrastructureDeployment.self]?.parameters == "params/{env}.json")
    }

    @Test func lambdaCanBeTurnedOff() throws {
        let (config, _) = load(minimal + "pipelines:\n  infrastructure-deployment:\n    lambda: false\n")
        #expect(try #require(config).pipelines[InfrastructureDeployment.self]?.lambda == nil)
    }

    @Test func lambdaSettingsAreRead() throws {
        let (config, diagnostics) = load(
            minimal + "pipelines:\n  infrastructure-deployment:\n    lambda:\n      folder: src/functions\n      function-name: \"x-{function}\"\n")
        #expect(diagnostics.isEmpty)
        let lambda = try #require(config?.pipelines[InfrastructureDeployment.self]?.lambda)
        #expect(lambda.folder == "src/functions")
        #expect(lambda.functionName.value == "x-{function}")
    }

    @Test func approvalWithNotify() throws {
        let text = minimal + """
              - name: prod
                account: "333333333333"
                approval:
                  notify: [a@example.com, b@example.com]
                  comment: Look at test first

            """
        let (config, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        let prod = try #require(config?.environment("prod"))
        #expect(prod.approval == Approval(notify: ["a@example.com", "b@example.com"], comment: "Look at test first"))
    }

    @Test func ecsValuesAreLiteralOrImported() throws {
        let text = minimal + """
                ecs:
                  cluster: c1
                  service: { import: svc-export }
                  listener: arn:aws:elasticloadbalancing:eu-west-1:222222222222:listener/app/a/1/2
                  target-groups: [blue, { import: green-export }]
            pipelines:
              container-deployment: {}

            """
        let (config, diagnostics) = load(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let ecs = try #require(config?.environments[0].ecs)
        #expect(ecs.cluster == .literal("c1"))
        #expect(ecs.service == .importValue("svc-export"))
        #expect(ecs.targetGroups == [.literal("blue"), .importValue("green-export")])
    }

    /// Each case: a config with a marker where the first error must point, and the start of
    /// its message.
    static let locatedErrors: [(String, String)] = [
        (minimal.replacing("  region: eu-west-1", with: "  region: 1️⃣eu-wst-1"), "unknown region 'eu-wst-1'"),
        (minimal.replacing("    account: \"222222222222\"", with: "    1️⃣acount: \"222222222222\""), "unknown key 'acount'"),
        (minimal.replacing("project: demo", with: "project: 1️⃣Demo"), "'Demo' is not a valid name"),
        (minimal.replacing("\"222222222222\"", with: "1️⃣\"2222\""), "account id '2222' must be 12 digits"),
        (minimal + "log-retention-days: 7\n1️⃣log-retention-days: 14\n", "duplicate key"),
        (minimal.replacing("environments:\n", with: "environments: 1️⃣dev\n").replacing("  - name: dev\n    account: \"222222222222\"\n", with: ""), "expected a list"),
        (minimal + "  - name: 1️⃣dev\n    account: \"333333333333\"\n", "duplicate environment name 'dev'"),
        (minimal + "pipelines:\n  container-build:\n    compute-type: 1️⃣BUILD_GENERAL1_SMAL\n", "'BUILD_GENERAL1_SMAL' is not valid"),
        (minimal + "pipelines:\n  infrastructure-deployment:\n    lint: [cfn-lint, 1️⃣cfn-nagg]\n", "'cfn-nagg' is not valid"),
        (minimal + "registry:\n  keep-images: 1️⃣\"5\"\n", "expected an integer"),
    ]

    @Test(arguments: 0..<locatedErrors.count)
    func errorsPointAtTheirValue(_ index: Int) {
        let (text, mark) = marked(Self.locatedErrors[index].0)
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        let expected = Self.locatedErrors[index].1
        let found = diagnostics.first { $0.severity == .error && $0.message.hasPrefix(expected) }
        #expect(found != nil, "no error starting \(expected) in \(diagnostics.map(\.message))")
        #expect(found?.mark == mark)
    }

    @Test func allErrorsAreReportedInSourceOrder() {
        let text = """
            project: Demo
            tooling:
              account: "1"
              region: nowhere-1
            environments:
              - name: dev
                acount: "222222222222"

            """
        let (_, diagnostics) = load(text)
        let lines = diagnostics.compactMap { $0.mark?.line }
        #expect(lines.count >= 3)
        #expect(lines == lines.sorted())
    }

    @Test func unknownKeyGetsSuggestion() {
        let (_, diagnostics) = load(minimal.replacing("project:", with: "projet:"))
        let unknown = diagnostics.first { $0.message.hasPrefix("unknown key 'projet'") }
        #expect(unknown?.notes.first?.message == "did you mean 'project'?")
    }

    @Test func yamlBooleansOfOtherSpellingsAreRefused() {
        let (_, diagnostics) = load(minimal + "    approval: yes\n")
        #expect(diagnostics.contains { $0.message == "'yes' is not a boolean in pipegen configs" })
    }

    @Test func regionsOfAnotherPartitionAreRefused() {
        let (_, diagnostics) = load(minimal + "    region: cn-north-1\n")
        #expect(diagnostics.contains { $0.message.contains("is in partition 'aws-cn'") })
    }

    @Test func chinaAndGovCloudConfigsHaveTheirPartition() throws {
        let cn = minimal.replacing("eu-west-1", with: "cn-northwest-1")
        #expect(try #require(load(cn).0).partition == .awsCn)
        let gov = minimal.replacing("eu-west-1", with: "us-gov-west-1")
        #expect(try #require(load(gov).0).partition == .awsUsGov)
    }
}
