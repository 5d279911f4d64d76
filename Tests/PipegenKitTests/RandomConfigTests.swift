import CloudFormation
import Foundation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// Random valid configs (see `ConfigGenerator`): each loads without errors, renders twice to
/// the same bytes (YAML and JSON), passes the cross-account consistency check and the
/// runtime access check (every call its pipelines make is allowed), and every
/// template passes CloudFormation's own rules; no two resources claim one AWS name.
///
/// Environment:
/// - `PIPEGEN_RANDOM_CONFIGS`: how many configs (default 50);
/// - `PIPEGEN_RANDOM_SEED`: the seed of the first one (the others follow it; default fixed);
/// - `PIPEGEN_SEED`: run exactly the config of this seed (a failure prints it);
/// - `PIPEGEN_RANDOM_OUT`: a folder to write each config and its YAML templates into, as
///   `seed-<hex>/pipegen.yaml` (or `.json`) and `seed-<hex>/templates/`, for `cfn-lint` and
///   `pipegen check` (scripts/random-configs).
@Suite struct RandomConfigTests {
    static let environment = ProcessInfo.processInfo.environment

    static func number(_ text: String?) -> UInt64? {
        guard let text else { return nil }
        return text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    static var seeds: [UInt64] {
        if let one = number(environment["PIPEGEN_SEED"]) { return [one] }
        let count = Int(environment["PIPEGEN_RANDOM_CONFIGS"] ?? "") ?? 50
        let first = number(environment["PIPEGEN_RANDOM_SEED"]) ?? 0x5EED_0000
        return (0..<UInt64(max(count, 0))).map { first &+ $0 }
    }

    static func hex(_ seed: UInt64) -> String { "0x" + String(seed, radix: 16) }

    @Test(arguments: seeds)
    func randomConfigRendersCleanly(seed: UInt64) throws {
        let generator = ConfigGenerator(seed: seed)
        let (text, isJSON) = generator.text()
        let path = isJSON ? "pipegen.json" : "pipegen.yaml"
        func fail(_ what: String) {
            Issue.record(
                Comment(
                    rawValue: "random config seed \(Self.hex(seed)): \(what)\n"
                        + "replay: PIPEGEN_SEED=\(Self.hex(seed)) swift test --filter RandomConfigTests\n--- \(path)\n\(text)"))
        }

        let (_, loaded, diagnostics) = loadConfig(path: path, bytes: Array(text.utf8))
        let problems = diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        guard problems.isEmpty, let config = loaded else {
            fail("pipegen does not accept the config:\n" + diagnostics.map(Self.describe).joined(separator: "\n"))
            return
        }

        for format in OutputFormat.allCases {
            let first: [RenderedFile], second: [RenderedFile]
            do {
                first = try renderFiles(config, configPath: "../\(path)", format: format)
                second = try renderFiles(config, configPath: "../\(path)", format: format)
            } catch {
                fail("internal error: \(error)")
                return
            }
            if first != second { fail("two \(format) renderings differ") }
            let size = Limits.bodySizes(first).filter { $0.severity == .error }
            if !size.isEmpty { fail(size.map(Self.describe).joined(separator: "\n")) }
            if format == .yaml, let out = Self.environment["PIPEGEN_RANDOM_OUT"] {
                try Self.write(text, as: path, templates: first, to: "\(out)/seed-\(String(seed, radix: 16))")
            }
        }
        // The templates as rendered: with the config's overrides, and the keys and buckets it
        // brings counted with the policies `plan` asks for.
        let set = Pipegen.templates(config)
        let stacks = set.stacks
        for stack in stacks {
            for problem in stack.template.validate() { fail("\(stack.name): \(problem)") }
        }
        if set.existing.isEmpty {
            let findings = Pipegen.consistency(config, stacks: stacks)
            if !findings.isEmpty { fail("consistency:\n" + findings.map(Self.describe).joined(separator: "\n")) }
            let denied = Pipegen.runtimeAccess(config, stacks: stacks)
            if !denied.isEmpty { fail("runtime access:\n" + denied.map(Self.describe).joined(separator: "\n")) }
        } else {
            let found = Pipegen.checks(config, Pipegen.pipelines(config), set)
            if !found.isEmpty { fail("checks with brought artifact stores:\n" + found.map(Self.describe).joined(separator: "\n")) }
        }
        for clash in Self.nameClashes(stacks) { fail(clash) }
        for problem in Self.pipelineProblems(stacks) { fail(problem) }
    }

    /// What CodePipeline checks that cfn-lint does not: stage names unique in a pipeline,
    /// action names in a stage, namespaces in a pipeline; configuration values of at most
    /// 1,000 characters.
    static func pipelineProblems(_ stacks: [StackTemplate]) -> [String] {
        var out: [String] = []
        func duplicates(_ xs: [String]) -> [String] {
            var seen: Set<String> = []
            return xs.filter { !seen.insert($0).inserted }
        }
        for stack in stacks {
            for (id, pipeline) in stack.template.resources(of: CodePipeline.Pipeline.self) {
                for name in duplicates(pipeline.stages.map(\.name)) { out.append("\(id): stage '\(name)' twice") }
                for name in duplicates(pipeline.stages.flatMap(\.actions).compactMap(\.namespace)) {
                    out.append("\(id): namespace '\(name)' twice")
                }
                for stage in pipeline.stages {
                    for name in duplicates(stage.actions.map(\.name)) { out.append("\(id)/\(stage.name): action '\(name)' twice") }
                    for action in stage.actions {
                        for field in action.configuration.fields {
                            let text: String
                            switch field.value {
                            case .string(let s), .sub(let s, _): text = s
                            default: continue
                            }
                            if text.count > 1000 {
                                out.append("\(id)/\(stage.name)/\(action.name): \(field.name) is \(text.count) characters; CodePipeline takes 1,000")
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    static func describe(_ d: Diagnostic) -> String {
        let at = d.mark.map { "\($0.line):\($0.column): " } ?? ""
        return "\(at)\(d.severity.rawValue): \(d.message)" + d.notes.map { "\n  \($0.severity.rawValue): \($0.message)" }.joined()
    }

    static func write(_ config: String, as name: String, templates: [RenderedFile], to folder: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(folder)/templates", withIntermediateDirectories: true)
        try config.write(toFile: "\(folder)/\(name)", atomically: false, encoding: .utf8)
        for file in templates {
            try file.contents.write(toFile: "\(folder)/templates/\(file.name)", atomically: false, encoding: .utf8)
        }
    }

    /// The properties that name a resource in its account (and region, but for IAM).
    static let nameProperties = [
        "RoleName", "BucketName", "RepositoryName", "TopicName", "Name", "FunctionName", "LogGroupName", "ApplicationName",
        "AliasName", "ConnectionName",
    ]

    /// Two resources of one type with one literal name in one account and region: the second
    /// could never be created.
    static func nameClashes(_ stacks: [StackTemplate]) -> [String] {
        var seen: [String: String] = [:]
        var out: [String] = []
        for stack in stacks {
            for (id, resource) in stack.template.resources {
                guard let field = resource.model.properties.first(where: { nameProperties.contains($0.name) }),
                    case .string(let name) = field.value
                else { continue }
                let scope = resource.typeName.hasPrefix("AWS::IAM::") ? "" : stack.region
                let key = "\(resource.typeName)|\(stack.account)|\(scope)|\(name)"
                if let other = seen[key] {
                    out.append("\(resource.typeName) '\(name)' is created twice: \(other) and \(stack.name)/\(id)")
                }
                seen[key] = "\(stack.name)/\(id)"
            }
        }
        return out
    }
}
