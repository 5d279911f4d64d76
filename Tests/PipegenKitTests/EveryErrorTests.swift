import PipegenConfig
import PipegenKit
import Testing
import YAMLKit

/// One config with several independent mistakes reports each of them, in file order, at its
/// line and column, and nothing that one of them caused.
@Suite struct EveryErrorTests {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// `text` without its numbered markers, and the position of each (columns in Unicode
    /// scalars, as diagnostics count them), by number.
    static func locate(_ text: String) -> (text: String, marks: [Mark]) {
        var out = ""
        var found: [(Int, Mark)] = []
        var line = 1
        var column = 1
        for c in text {
            if let n = markers.firstIndex(of: String(c)) {
                found.append((n, Mark(line: line, column: column)))
                continue
            }
            out.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += c.unicodeScalars.count
            }
        }
        return (out, found.sorted { $0.0 < $1.0 }.map(\.1))
    }

    /// Nine mistakes of nine kinds: a reader error (a tab), unknown key, account id, region,
    /// duplicate name (a check across values), wrong type, value not among the choices,
    /// missing key, and a reference that a pattern cannot hold.
    static let config = """
        project: shop
        1️⃣pipegen-versoin: ">= 0.1"
        tooling:
          account: 2️⃣"1111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
        3️⃣\tdeploy: direct
          - name: 4️⃣dev
            account: "333333333333"
            region: 5️⃣eu-wst-1
            rollback: 6️⃣maybe
          - name: prod
            account: "444444444444"
            deploy: 7️⃣changeset
          - 8️⃣account: "555555555555"
        pipelines:
          infrastructure-deployment:
            execution-role:
              statements:
                - actions: [s3:GetObject]
                  resources: [9️⃣"arn:${AWS::Partition}:s3:::${Bucket}/*"]

        """

    static let messages = [
        "unknown key 'pipegen-versoin'",
        "account id '1111' must be 12 digits",
        "tabs are not allowed for indentation; use spaces",
        "duplicate environment name 'dev'",
        "unknown region 'eu-wst-1'",
        "expected true or false for 'rollback' in environment 'dev', found 'maybe'",
        "'changeset' is not valid for 'deploy' in environment 'prod'; expected one of 'direct', 'change-set'",
        "missing required key 'name' in an environment",
        "'${Bucket}' in a statement's resource of 'execution-role' is not a pseudo parameter",
    ]

    @Test func nineIndependentMistakesAreNineErrorsInFileOrderAtTheirPlaces() {
        let (text, marks) = Self.locate(Self.config)
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: text))
        #expect(loaded.valid == nil)
        #expect(loaded.diagnostics.map(\.severity) == Array(repeating: .error, count: 9))
        #expect(loaded.diagnostics.map(\.message) == Self.messages)
        #expect(loaded.diagnostics.map(\.mark) == marks)
        #expect(loaded.diagnostics[0].notes.map(\.message) == ["did you mean 'pipegen-version'?"])
        #expect(loaded.diagnostics[6].notes.map(\.message) == ["did you mean 'change-set'?"])
    }

    /// Each mistake alone is that one error: none hides another, none causes another.
    @Test(arguments: 0..<9)
    func eachMistakeAloneIsItsOneError(_ index: Int) throws {
        let fixes = [
            ("pipegen-versoin", "pipegen-version"), ("\"1111\"", "\"111111111111\""), ("\t", "    "),
            ("- name: dev\n    account: \"222222222222\"", "- name: qa\n    account: \"222222222222\""), ("eu-wst-1", "eu-west-1"), ("maybe", "true"),
            ("changeset", "change-set"), ("- 8️⃣account: \"555555555555\"", "- 8️⃣account: \"555555555555\"\n    name: uat"),
            ("${Bucket}", "${!Bucket}"),
        ]
        var text = Self.config
        for (i, fix) in fixes.enumerated() where i != index {
            #expect(text.contains(fix.0))
            text = text.replacing(fix.0, with: fix.1)
        }
        let (stripped, marks) = Self.locate(text)
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: stripped))
        #expect(loaded.diagnostics.map(\.message) == [Self.messages[index]])
        #expect(loaded.diagnostics.map(\.mark) == [marks[index]])
    }

    /// Before: a decoding error kept the checks across values from running at all.
    @Test func aDuplicateNameIsReportedBesideAnErrorInItsEnvironment() {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "222222222222", deploy: sideways}
              - {name: dev, account: "333333333333"}

            """
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: text))
        #expect(
            loaded.diagnostics.map(\.message) == [
                "'sideways' is not valid for 'deploy' in environment 'dev'; expected one of 'direct', 'change-set'",
                "duplicate environment name 'dev'",
            ])
    }

    /// Checks that need every environment or pipeline stay quiet when one did not decode:
    /// its error is the only one.
    @Test func closedWorldChecksWaitForEverythingToDecode() {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - {name: dev, account: "2222", ecs: {cluster: c, service: s, listener: l, target-groups: [a, b]}}
            pipelines:
              container-deployment: 5
            notifications: {emails: [team@example.com]}

            """
        let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: text))
        #expect(
            loaded.diagnostics.map(\.message) == [
                "account id '2222' must be 12 digits",
                "expected a mapping (container-deployment pipeline) for 'container-deployment' in 'pipelines', found '5'",
            ])
    }
}
