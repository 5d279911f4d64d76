import Foundation
import PipegenConfig
import PipegenKit
import Testing
import TestSupport
import YAMLKit

/// `JSONSchema` against real configs: the examples pass, structurally broken configs fail, and
/// the configs only pipegen can reject (checks across values, derived names) are listed.
@Suite struct InsightSchemaTests {
    static let validator = SchemaValidator(root: JSONSchema.document)
    static let fixtures = Golden.repositoryRoot(from: #filePath) + "/Tests/PipegenCLITests/Fixtures/invalid"

    /// Files the YAML reader refuses: they never become data a schema could look at.
    static let unreadable: Set<String> = [
        "alias-not-supported", "anchor-not-supported", "independent-mistakes", "invalid-utf8", "tab-indentation", "tag-not-supported", "too-deep",
        "two-documents", "unclosed-quote",
        "override-short-form-tag",
    ]

    /// Well-formed data that only pipegen rejects: uniqueness, one key excluding another, a
    /// key required by another one, exact counts, and names derived from several values.
    static let onlyPipegenCatches: Set<String> = [
        "build-arm-architecture-x86-image",  // 'architecture' compared with the image of any level
        "build-buildspec-region-per-environment",  // placeholders allowed by how often the build runs
        "build-docker-layer-cache-not-privileged",  // which build runs Docker is pipegen's
        "build-image-flat-and-nested",  // one key excluding another
        "build-variable-parameter-and-secret",  // one key excluding another
        "build-variable-pipegen-sets",  // the names pipegen sets, per build
        "build-variable-secret-bad-arn",  // a name or an ARN: the ARN's shape is pipegen's check (no schema pattern yet)
        "build-vpc-bad-subnet",  // the id's shape is pipegen's check (no schema pattern yet)
        "placeholder-in-a-once-read-path",  // placeholders allowed by how often the path is read
        "placeholder-unknown",  // placeholders inside free text
        "step-after-deploy-without-environments",  // the point compared with the pipeline kind
        "step-build-and-approval",  // one key excluding another
        "step-duplicate-name",  // uniqueness across pipelines
        "step-function-arn",  // a name, not an ARN: free text in the schema
        "step-input-not-written",  // derived: the artifacts written before the step
        "step-unknown-environment",  // compared with the environments of the route
        "arn-of-another-partition",  // the ARN's partition compared with the tooling region's
        "connection-not-offered",  // what the tooling region offers
        "bad-codecommit-name",  // free text in the schema; the CodeCommit rules are pipegen's
        "bad-ecr-name",  // '{project}' is replaced first, so no pattern can check it
        "bad-stack-name",  // the stack name is derived from 'stack-name' and each environment
        "bucket-name-too-long",  // derived: project, account and region together
        "code-parameter-clash",  // derived: parameter names from folder names, against the overrides
        "duplicate-environment",  // uniqueness of a field across list items
        "duplicate-key",  // JSON data has no duplicate keys to see
        "duplicate-region",  // could be uniqueItems, but the config schema has no such flag
        "ecs-listener-in-two-regions",  // the ARN's region compared with the environment's regions
        "ecs-missing",  // 'ecs' is required only when pipelines.container-deployment is on
        "ecs-region-not-deployed",  // the region compared with the environment's regions
        "ecs-services-without-infrastructure",  // a value that needs another pipeline
        "hooks-differ-but-one-appspec",  // '{env}' in the hooks compared with 'appspec'
        "mixed-partitions",  // regions compared with the tooling region
        "region-and-regions",  // one key excluding another
        "role-name-too-long",  // derived: project and environment together
        "parameter-override-name",  // free keys of a mapping; the parameter-name rule is pipegen's
        "parameter-overrides-too-long",  // derived: the JSON of all values, per environment and region
        "shared-function-names",  // derived: function names of environments in one account and region
        "shared-repository",  // uniqueness across pipelines
        "shared-stack-name",  // derived: stack names of environments in one account and region
        "task-role-arn-of-another-account",  // the ARN's account compared with the environments'
        "three-target-groups",  // exactly two: the config schema states only a minimum
        "connection-in-another-region",  // the ARN's region compared with the tooling region
        "connection-repository-not-owner-name",  // 'owner/name' only for connection providers
        "file-paths-with-codecommit",  // allowed only with some providers
        "github-enterprise-without-connection",  // 'connection' required by one provider
        "gitflow-rule-name-too-long",  // derived: project and pipeline together
        "notifications-duplicates",  // uniqueness of list items
        "pull-request-from-default-branch",  // compared with 'branch' (or its default)
        "pull-request-from-same-branch",  // compared with 'branch'
        "tests-after-a-missing-pipeline",  // 'after' names a pipeline the config must turn on
        "tests-variables-after-containers",  // 'variables' compared with the pipeline 'after' names
        "tests-without-a-pipeline",  // tests need a pipeline that runs them
        "approvers-part-of-wave",  // compared with the environments' waves
        "approvers-without-approval",  // compared with the environments' approvals
        "boundary-not-a-policy",  // free text: 'generated', a policy name or an ARN
        "boundary-other-account",  // the ARN's account compared with the environments'
        "key-administrators-not-a-principal",  // the kind of IAM ARN: pipegen's rule
        "roles-bad-statement",  // action and ARN formats are pipegen's rules
        "roles-deny-breaks-pipeline",  // only the run-time access check sees the calls
        "roles-every-action",  // actions compared with resources
        "roles-unknown-role",  // the roles the templates create
        "tags-bad-character",  // free keys of a mapping; the tag rules are pipegen's
        "tags-reserved-prefix",  // free keys of a mapping; the tag rules are pipegen's
        "output-folder-absolute",  // a path rule ('relative'), free text in the schema
        "output-folder-above-config",  // a path folded lexically ('a/../..'), free text in the schema
        "existing-artifacts-bad-arns",  // the ARN's partition, region and account compared with the tooling account's
        "existing-artifacts-regions",  // the regions compared with those that keep artifacts
        "override-bad-path",  // paths are free keys; a path with nothing set or removed
        "override-bad-value",  // values checked against pipegen's model of the resource type
        "override-breaks-trust",  // the run-time access check of the overridden templates
        "override-unknown-property",  // property names of pipegen's model of the resource type
        "override-unknown-template",  // the templates and logical ids this config renders
    ]

    static var cases: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A config file as the data a JSON Schema tool sees (an empty file is null), or nil when
    /// the reader refuses it.
    static func data(_ path: String) throws -> Document? {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let node = try path.hasSuffix(".json") ? JSONReader.parse(bytes) : YAMLReader.parse(bytes)
            return node?.document ?? .null
        } catch {
            return nil
        }
    }

    @Test func everyExampleConfigIsValid() throws {
        let examples = InsightFixtures.root + "/Examples"
        let names = try FileManager.default.contentsOfDirectory(atPath: examples).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let data = try #require(try Self.data("\(examples)/\(name)/pipegen.yaml"))
            #expect(Self.validator.validate(data) == [], "\(name)")
        }
    }

    @Test(arguments: cases)
    func anInvalidFixtureFailsTheSchemaUnlessOnlyPipegenCanTell(_ name: String) throws {
        let path = "\(Self.fixtures)/\(name).yaml"
        let data = try Self.data(path)
        if Self.unreadable.contains(name) {
            #expect(data == nil, "\(name) is readable now: move it to the schema cases")
            return
        }
        let problems = try #require(data.map(Self.validator.validate), "\(name) cannot be read")
        if Self.onlyPipegenCatches.contains(name) {
            #expect(problems == [], "\(name) fails the schema now: remove it from onlyPipegenCatches")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(loadConfig(path: "\(name).yaml", bytes: bytes).config == nil, "pipegen must still reject \(name)")
        } else {
            #expect(!problems.isEmpty, "the schema accepts \(name)")
        }
    }

    @Test func theStarterConfigIsValid() throws {
        let node = try #require(try YAMLReader.parse(StarterConfig.text))
        #expect(Self.validator.validate(node.document) == [])
    }

    @Test func theListsNameRealFixtures() {
        #expect(Self.unreadable.union(Self.onlyPipegenCatches).isSubset(of: Set(Self.cases)))
    }

    /// Every default and example in the schema is a valid value of its own key.
    @Test func defaultsAndExamplesValidate() {
        func walk(_ schema: Document, _ path: String) {
            for key in ["default", "examples"] {
                let values = key == "default" ? [schema["default"]].compactMap { $0 } : schema["examples"]?.listValue ?? []
                for value in values { #expect(Self.validator.validate(value, against: schema, at: path) == [], "\(path) \(key)") }
            }
            for entry in schema.mapValue ?? [] where entry.key != "default" && entry.key != "examples" {
                if case .map = entry.value { walk(entry.value, "\(path)/\(entry.key)") }
                for (i, item) in (entry.value.listValue ?? []).enumerated() { walk(item, "\(path)/\(entry.key)/\(i)") }
            }
        }
        walk(JSONSchema.document, "")
    }

    @Test func everyKeyOfTheConfigIsInTheSchema() {
        func check(_ spec: ObjectSpec, _ schema: Document?, _ path: String) {
            let properties = schema?["properties"]
            #expect(properties?.mapValue?.map(\.key) == spec.keys.map(\.name), "\(path)")
            #expect(schema?["additionalProperties"] == .bool(false), "\(path)")
            for key in spec.keys {
                let sub = properties?[key.name]
                #expect(sub?["description"]?.stringValue?.hasPrefix(key.summary) == true, "\(path)/\(key.name)")
                if case .object(let inner) = key.type { check(inner, sub, "\(path)/\(key.name)") }
            }
        }
        check(ConfigSchema.root, JSONSchema.document, "")
    }

    @Test(arguments: [
        (StringFormat.name, ["dev", "a1-b2", "x"], ["Dev", "-a", "a-", "a--b", "1a", ""]),
        (.accountId, ["012345678901"], ["12345678901", "0123456789012", "01234567890a"]),
        (.email, ["a@b.c", "x.y@ex-ample.com"], ["a@b", "@b.c", "a@.b", "a@b.", "a b@c.d", "a@b@c.d"]),
        (.arn, ["arn:aws:iam::aws:policy/PowerUserAccess"], ["arn:aws:iam:policy", "aws:iam::a:b:c"]),
        (.path, ["a/b.yaml", "..a/b", "a..b"], ["/a", "../a", "a/../b", "a/..", ""]),
        (.branch, ["main", "feature/x"], ["refs/heads/main", "a..b", "a b", ""]),
    ])
    func patternsAgreeWithTheDecoder(_ format: StringFormat, _ good: [String], _ bad: [String]) throws {
        let pattern = try #require(JSONSchema.pattern(format))
        for text in good { #expect(SchemaValidator.matches(text, pattern), "\(text)") }
        for text in bad { #expect(!SchemaValidator.matches(text, pattern), "\(text)") }
    }
}
