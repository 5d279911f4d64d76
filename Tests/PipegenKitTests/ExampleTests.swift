import CloudFormation
import Foundation
import PipegenConfig
import PipegenKit
import Testing
import TestSupport
import YAMLKit

/// Every `Examples/<name>/pipegen.yaml` renders to exactly its committed `templates/`.
@Suite struct ExampleTests {
    static let root = Golden.repositoryRoot(from: #filePath)

    static var examples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/Examples")) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(root)/Examples/\($0)/pipegen.yaml") }.sorted()
    }

    /// The examples whose config sets none of the project-wide governance keys, so a test may
    /// add them (`Examples/enterprise` sets them all and is tested as it is).
    static var examplesWithoutGovernance: [String] {
        examples.filter { example in
            let text = (try? String(contentsOfFile: "\(root)/Examples/\(example)/pipegen.yaml", encoding: .utf8)) ?? ""
            return !["tags:", "permissions-boundary:", "operations:", "approvers:"].contains { key in
                text.split(separator: "\n").contains { $0.hasPrefix(key) }
            }
        }
    }

    static func render(_ example: String, _ format: OutputFormat) throws -> [RenderedFile] {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        return try renderFiles(config, configPath: "../pipegen.yaml", format: format)
    }

    /// The renderer writes each template's values in place (`WritableTree`); written through a
    /// `Document` copy instead, every template gives the same bytes, in YAML and in JSON.
    @Test(arguments: examples)
    func writersWalkValuesAsTheyWalkDocuments(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        for stack in StackSet.build(config).stacks {
            let t = stack.template
            #expect(YAMLWriter().write(tree: t.value, comments: ["c"]) == YAMLWriter().write(t.document, comments: ["c"]), "\(stack.name)")
            #expect(JSONWriter().write(tree: t.value) == JSONWriter().write(t.document), "\(stack.name)")
            #expect(Document(tree: t.value) == t.document, "\(stack.name)")
        }
    }

    @Test func thereIsAnExample() {
        #expect(Self.examples.contains("route-to-live"))
    }

    @Test(arguments: examples)
    func matchesCommittedTemplates(_ example: String) throws {
        let folder = "\(Self.root)/Examples/\(example)/templates"
        let files = try Self.render(example, .yaml)
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map(\.name).sorted() == committed)
        for file in files {
            if let problem = Golden.compare(file.contents, toFileAt: "\(folder)/\(file.name)") {
                Issue.record(Comment(rawValue: problem + "\nrun `swift run pipegen render Examples/\(example)/pipegen.yaml`"))
            }
        }
    }

    @Test(arguments: examples)
    func renderingIsDeterministic(_ example: String) throws {
        for format in OutputFormat.allCases {
            #expect(try Self.render(example, format) == Self.render(example, format))
        }
    }

    /// rain's check: read our own output back; it must be the document we meant to write, and
    /// the YAML and JSON renderings must be the same data.
    @Test(arguments: examples)
    func outputReadsBackAsTheModel(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        // The templates as rendered: built, then changed by the config's overrides.
        let stacks = Pipegen.templates(config).stacks
        let yaml = try Self.render(example, .yaml)
        let json = try Self.render(example, .json)
        for (i, stack) in stacks.enumerated() {
            let fromYAML = try #require(try YAMLReader.parse(yaml[i].contents)).document
            #expect(fromYAML == stack.template.document, "\(yaml[i].name)")
            var fromJSON = try JSONReader.parse(json[i].contents).document
            if case .map(var entries) = fromJSON, let m = entries.firstIndex(where: { $0.key == "Metadata" }) {
                #expect(fromJSON["Metadata"]?["pipegen"]?.stringValue?.hasPrefix(GeneratedHeader.marker) == true)
                entries.remove(at: m)
                fromJSON = .map(entries)
            }
            #expect(fromJSON == fromYAML, "\(json[i].name)")
        }
    }

    @Test(arguments: examples)
    func everyTemplateValidates(_ example: String) throws {
        let config = try exampleConfig("Examples/\(example)/pipegen.yaml")
        for stack in StackSet.build(config).stacks {
            #expect(stack.template.validate().map(\.message) == [], "\(stack.name)")
            #expect(!stack.template.description.isEmpty && stack.template.description.utf8.count <= 1024)
        }
    }
}

/// `JSONWriter.compactLength` of a `Value` measures exactly what the JSON writer writes, for every property
/// of every example template and for each intrinsic.
@Suite struct CompactJSONLengthTests {
    @Test func matchesTheWriterOnEveryExampleProperty() throws {
        for example in ExampleTests.examples {
            for stack in StackSet.build(try exampleConfig("Examples/\(example)/pipegen.yaml")).stacks {
                for (_, resource) in stack.template.resources {
                    let value = Value.map(resource.properties)
                    #expect(JSONWriter.compactLength(value) == JSONWriter.compact(value.document).utf8.count)
                }
            }
        }
    }

    @Test(arguments: [
        Value.ref("X"), .getAtt("A", "Arn"), .sub("a${B}"), .sub("x", variables: [Field("B", .ref("C"))]),
        .join(",", ["a", .ref("B")]), .importValue("e\"x"), .if("C", 1, false), .select(2, ["a"]), .split("/", "a/b"),
        .getAZs(""), .base64("é"), .findInMap("M", "a", "b"), .equals("a", "b"), .and([.condition("A")]), .or([.condition("B")]),
        .not(.condition("C")), .list([]), .map([]), "line\nbreak\u{2028}",
    ])
    func matchesTheWriterForEachIntrinsic(_ value: Value) {
        #expect(JSONWriter.compactLength(value) == JSONWriter.compact(value.document).utf8.count)
    }
}
