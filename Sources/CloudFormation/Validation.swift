/// A problem in a template that CloudFormation would reject. Builders never produce one on
/// purpose: finding one is a bug in the builder, reported as such and never emitted.
public struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Template-wide limits CloudFormation enforces.
public enum TemplateLimits {
    public static let maxResources = 500
    public static let maxParameters = 200
    public static let maxOutputs = 200
    public static let maxMappings = 200
    public static let maxLogicalIdLength = 255
    /// Largest template body CloudFormation accepts from S3.
    public static let maxBodyBytes = 1_000_000
    /// Largest template body CloudFormation accepts inline (`--template-body`).
    public static let maxInlineBodyBytes = 51_200
}

extension Template {
    /// Logical ids well-formed and unique across sections; every `Ref`, `Fn::GetAtt`,
    /// `Fn::Sub` placeholder, `DependsOn`, condition and mapping name resolves; counts within
    /// CloudFormation's limits.
    public func validate() -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        var seen: Set<String> = []
        // Parameters, mappings, conditions and resources share one namespace; outputs have their own.
        let ids = parameters.map(\.id) + mappings.map(\.id) + conditions.map(\.id) + resources.map(\.id)
        var outputIds: Set<String> = []
        for id in ids + outputs.map(\.id) where !Template.isLogicalId(id) {
            problems.append(.init("logical id '\(id)' must be 1-255 ASCII letters and digits"))
        }
        for id in ids where !seen.insert(id).inserted {
            problems.append(.init("logical id '\(id)' is defined twice"))
        }
        for o in outputs where !outputIds.insert(o.id).inserted {
            problems.append(.init("output '\(o.id)' is defined twice"))
        }

        let refTargets = Set(parameters.map(\.id) + resources.map(\.id) + Pseudo.allCases.map(\.rawValue))
        let conditionNames = Set(conditions.map(\.id))
        let mappingNames = Set(mappings.map(\.id))
        // `place` is only said when something is wrong: built on demand.
        // One buffer for every value's references.
        var references: [Reference] = []
        func check(_ value: Value, in place: @autoclosure () -> String) {
            references.removeAll(keepingCapacity: true)
            value.collectReferences(into: &references)
            for reference in references {
                switch reference {
                case .ref(let name) where !refTargets.contains(name):
                    problems.append(.init("\(place()) refers to '\(name)', which is not a parameter or resource"))
                case .condition(let name) where !conditionNames.contains(name):
                    problems.append(.init("\(place()) uses condition '\(name)', which is not defined"))
                case .mapping(let name) where !mappingNames.contains(name):
                    problems.append(.init("\(place()) uses mapping '\(name)', which is not defined"))
                default: break
                }
            }
        }
        let resourceIds = Set(resources.map(\.id))
        // Lowered once: a model's `properties` builds its whole value tree on every call.
        let properties = resources.map { Value.map($0.resource.properties) }
        for (index, (id, resource)) in resources.enumerated() {
            check(properties[index], in: "resource '\(id)'")
            if !resource.metadata.isEmpty { check(.map(resource.metadata), in: "resource '\(id)' metadata") }
            for dependency in resource.dependsOn where !resourceIds.contains(dependency) {
                problems.append(.init("resource '\(id)' depends on '\(dependency)', which is not a resource"))
            }
            if let c = resource.condition, !conditionNames.contains(c) {
                problems.append(.init("resource '\(id)' uses condition '\(c)', which is not defined"))
            }
        }
        for (id, condition) in conditions { check(condition, in: "condition '\(id)'") }
        for (id, output) in outputs {
            check(output.value, in: "output '\(id)'")
            if let e = output.exportName { check(e, in: "output '\(id)' export") }
            if let c = output.condition, !conditionNames.contains(c) {
                problems.append(.init("output '\(id)' uses condition '\(c)', which is not defined"))
            }
        }
        // `Fn::GetAtt` (and `${Name.Attr}` in `Fn::Sub`) reads resource attributes: a parameter
        // passes the `Ref` check above but is no valid target.
        let parameterIds = Set(parameters.map(\.id))
        for (index, (id, _)) in resources.enumerated() where !parameterIds.isEmpty {
            for target in properties[index].getAttTargets where parameterIds.contains(target) {
                problems.append(.init("resource '\(id)' reads an attribute of '\(target)', which is a parameter, not a resource"))
            }
        }
        for (id, parameter) in parameters {
            if let d = parameter.defaultValue, !d.references.isEmpty {
                problems.append(.init("parameter '\(id)' has a default that is not a literal"))
            }
        }
        if resources.count > TemplateLimits.maxResources {
            problems.append(.init("\(resources.count) resources; CloudFormation accepts at most \(TemplateLimits.maxResources)"))
        }
        if parameters.count > TemplateLimits.maxParameters {
            problems.append(.init("\(parameters.count) parameters; CloudFormation accepts at most \(TemplateLimits.maxParameters)"))
        }
        if mappings.count > TemplateLimits.maxMappings {
            problems.append(.init("\(mappings.count) mappings; CloudFormation accepts at most \(TemplateLimits.maxMappings)"))
        }
        if outputs.count > TemplateLimits.maxOutputs {
            problems.append(.init("\(outputs.count) outputs; CloudFormation accepts at most \(TemplateLimits.maxOutputs)"))
        }
        return problems
    }

    /// Alphanumeric ASCII, 1 to 255 characters.
    public static func isLogicalId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= TemplateLimits.maxLogicalIdLength
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// A logical id made from words of config names: `["dev", "pipeline-role"]` gives
    /// `DevPipelineRole`. Non-alphanumeric characters split words; each word is capitalised.
    public static func logicalId(_ words: String...) -> String {
        logicalId(words)
    }

    public static func logicalId(_ words: [String]) -> String {
        var out = ""
        for word in words {
            for part in word.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                out += part.prefix(1).uppercased() + part.dropFirst()
            }
        }
        return out
    }
}
