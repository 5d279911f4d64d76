import CloudFormation
import Foundation
import TestSupport
import Testing
import YAMLKit

/// Each resource type's update-behavior table (`ResourceModel.updateBehaviors`): it names
/// exactly the properties the model writes, and agrees with the resource provider schemas
/// cfn-lint ships (create-only means replacement).
@Suite struct UpdateBehaviorTests {
    /// The exhaustive samples set every property the models write.
    static var written: [(type: any ResourceModel.Type, properties: Set<String>)] {
        var byType: [String: (type: any ResourceModel.Type, properties: Set<String>)] = [:]
        for (_, resource) in Samples.exhaustiveTemplate.resources {
            let type = Swift.type(of: resource.model)
            byType[type.typeName, default: (type, [])].properties.formUnion(resource.properties.map(\.name))
        }
        return byType.values.sorted { $0.type.typeName < $1.type.typeName }
    }

    /// Properties a model writes when set that the exhaustive samples leave out (a connection
    /// takes a provider type or a host, not both).
    static let unsampled: Set<String> = ["AWS::CodeStarConnections::Connection.HostArn"]

    @Test func everyWrittenPropertyHasABehaviorAndNoOtherIsListed() {
        for (type, sampled) in Self.written {
            let properties = sampled.union(
                Self.unsampled.compactMap { name in
                    name.hasPrefix(type.typeName + ".") ? String(name.dropFirst(type.typeName.count + 1)) : nil
                })
            let table = Set(type.updateBehaviors.properties)
            #expect(
                properties.subtracting(table).isEmpty,
                "\(type.typeName) writes properties its table lacks: \(properties.subtracting(table).sorted())")
            #expect(
                table.subtracting(properties).isEmpty,
                "\(type.typeName) lists properties no sample writes: \(table.subtracting(properties).sorted())")
            #expect(type.updateBehaviors.properties.count == table.count, "\(type.typeName) lists a property twice")
        }
    }

    /// Every property the examples' templates set, as pipegen renders them, is in its type's table.
    @Test func everyPropertyOfTheExamplesHasABehavior() throws {
        let root = Golden.repositoryRoot(from: #filePath)
        let examples = try FileManager.default.contentsOfDirectory(atPath: "\(root)/Examples")
        var checked = 0
        for example in examples.sorted() {
            let folder = "\(root)/Examples/\(example)/templates"
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where file.hasSuffix(".yaml") {
                let document = try #require(
                    try YAMLReader.parse(Array(FileManager.default.contents(atPath: "\(folder)/\(file)")!))?.document)
                for entry in document["Resources"]?.mapValue ?? [] {
                    let typeName = entry.value["Type"]?.stringValue ?? ""
                    let type = try #require(
                        ResourceTypes.named(typeName), "\(file): \(typeName) is not in ResourceTypes.all")
                    for property in entry.value["Properties"]?.mapValue ?? [] {
                        #expect(type.updateBehaviors.behavior(of: property.key) != nil, "\(typeName).\(property.key)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// `ResourceTypes.all` holds every model: one per file in `Resources/` named after it.
    @Test func theRegistryHoldsEveryModel() throws {
        let root = Golden.repositoryRoot(from: #filePath)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(root)/Sources/CloudFormation/Resources")
        // Files of property types and helpers that are not resource types.
        let notTypes: Set<String> = [
            "CodePipeline.ActionConfiguration", "ECR.LifecyclePolicyText", "IAM.PolicyDocument",
        ]
        let stems = Set(files.filter { $0.hasSuffix(".swift") && !$0.contains("+") }.map { String($0.dropLast(6)) })
            .subtracting(notTypes)
        let registered = Set(
            ResourceTypes.all.map { $0.typeName.replacing("AWS::", with: "").replacing("::", with: ".") })
        #expect(registered == stems)
        #expect(Set(Self.written.map { $0.type.typeName }) == Set(ResourceTypes.all.map { $0.typeName }))
        for model in ResourceTypes.all {
            let found = ResourceTypes.named(model.typeName).map { ObjectIdentifier($0) }
            #expect(found == ObjectIdentifier(model), "\(model.typeName)")
        }
    }

    /// `physicalNameProperty` names the property `physicalName` reads.
    @Test func thePhysicalNamePropertyIsTheOneThatNames() {
        for (id, model) in Samples.all {
            let type = Swift.type(of: model)
            let property = type.physicalNameProperty.flatMap { name in model.properties.first { $0.name == name }?.value
            }
            #expect(property == model.physicalName, "\(id): \(type.typeName)")
            // A type whose `Ref` or ARN is its name says which property that is.
            let namedByProperty =
                type.returnValues.ref == .physicalName || type.returnValues.arn?.identifier == .physicalName
            if namedByProperty { #expect(type.physicalNameProperty != nil, "\(type.typeName)") }
        }
    }

    // MARK: Against cfn-lint's resource provider schemas

    /// Where the test script installs cfn-lint's schemas; nil when it is not installed (the
    /// script runs this suite again once it is).
    static let schemas: CFNLintSchemas? = CFNLintSchemas.find(from: Golden.repositoryRoot(from: #filePath))

    /// Properties whose change CloudFormation refuses on an existing resource, as the reference
    /// says, though the schema does not list them as create-only (see `KMS.Key.updateBehaviors`).
    static let documentedRefusals: Set<String> = [
        "AWS::KMS::Key.KeySpec", "AWS::KMS::Key.KeyUsage", "AWS::KMS::Key.MultiRegion", "AWS::KMS::Key.Origin",
    ]

    @Test(.enabled(if: schemas != nil, "cfn-lint's schemas are not installed in .venv"))
    func createOnlyPropertiesAreReplacementsAndNoOthers() throws {
        let schemas = try #require(Self.schemas)
        for type in ResourceTypes.all {
            let schema = try #require(try schemas.schema(type.typeName), "no schema for \(type.typeName)")
            let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
            let createOnly = Set(
                (schema["createOnlyProperties"] as? [String] ?? []).compactMap { path -> String? in
                    let parts = path.split(separator: "/")
                    return parts.count == 2 && parts[0] == "properties" ? String(parts[1]) : nil
                })
            for (property, behavior) in type.updateBehaviors.entries {
                let name = "\(type.typeName).\(property)"
                #expect(properties.contains(property), "\(name) is not in the schema")
                let refused = Self.documentedRefusals.contains(name)
                #expect((behavior == .refused) == refused, "\(name): \(behavior.phrase)")
                #expect(
                    (behavior == .replacement) == (createOnly.contains(property) && !refused),
                    "\(name): \(behavior.phrase), schema create-only: \(createOnly.contains(property))")
            }
        }
    }

    /// The types cfn-lint counts as stateful hold data in pipegen's model too.
    @Test(.enabled(if: schemas != nil, "cfn-lint's schemas are not installed in .venv"))
    func statefulTypesHoldData() throws {
        let stateful = try #require(try Self.schemas?.statefulTypes())
        for model in ResourceTypes.all where stateful.contains(model.typeName) {
            let holdsData = model.holdsData
            #expect(holdsData, "\(model.typeName) is stateful for cfn-lint")
        }
    }
}

/// cfn-lint's data: the resource provider schema of each type (us-east-1), and the types it
/// counts as stateful.
struct CFNLintSchemas: Sendable {
    /// `.../site-packages/cfnlint/data`.
    let data: String

    /// cfn-lint in the repository's `.venv` (or `PIPEGEN_CFNLINT_DATA`, its `data` folder).
    static func find(from root: String) -> CFNLintSchemas? {
        if let data = ProcessInfo.processInfo.environment["PIPEGEN_CFNLINT_DATA"] { return CFNLintSchemas(data: data) }
        let lib = "\(root)/.venv/lib"
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib))?.sorted() ?? [] {
            let data = "\(lib)/\(python)/site-packages/cfnlint/data"
            if FileManager.default.fileExists(atPath: "\(data)/schemas/providers") { return CFNLintSchemas(data: data) }
        }
        return nil
    }

    /// The schema of `typeName`: `providers/us_east_1/aws-iam-role.json` in older releases; in
    /// 1.x a table in `providers/us_east_1.py` names the file under `resources/`.
    func schema(_ typeName: String) throws -> [String: Any]? {
        let providers = "\(data)/schemas/providers"
        let old = "\(providers)/us_east_1/\(typeName.lowercased().replacing("::", with: "-")).json"
        var path: String? = FileManager.default.fileExists(atPath: old) ? old : nil
        if path == nil, let table = try? String(contentsOfFile: "\(providers)/us_east_1.py", encoding: .utf8),
            let line = table.split(separator: "\n").first(where: { $0.contains("\"\(typeName)\":") })
        {
            let hash = line.split(separator: "\"").dropFirst(3).first.map(String.init) ?? ""
            path = "\(data)/schemas/resources/\(hash).json"
        }
        guard let path, let bytes = FileManager.default.contents(atPath: path) else { return nil }
        return try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
    }

    /// `AdditionalSpecs/StatefulResources.json`.
    func statefulTypes() throws -> Set<String> {
        let bytes = try #require(FileManager.default.contents(atPath: "\(data)/AdditionalSpecs/StatefulResources.json"))
        let object = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        return Set((object?["ResourceTypes"] as? [String: Any] ?? [:]).keys)
    }
}
