import YAMLKit

/// Which stacks must exist before which, read from the templates themselves rather than
/// assumed, so a builder that starts to reference another stack changes the plan with it.
///
/// Names are derived from the config, so most cross-stack references are plain strings that
/// CloudFormation never checks at deploy time (policies may name roles and buckets that do not
/// exist yet). What does force an order is the short list of things AWS checks when a resource
/// is created, and template parameters:
/// - a CodePipeline pipeline checks that the bucket of every artifact store exists;
/// - a CodeDeploy deployment group checks that its service role exists;
/// - a parameter is filled from another stack's output (see `parameterSources`).
struct StackDependencies {
    /// Where each parameter a pipegen template declares gets its value: an output of the stack
    /// of another template. A parameter missing here is a bug the plan reports.
    static let parameterSources: [String: (template: String, output: String)] = [
        "PrimaryKeyArn": ("tooling", "ArtifactKeyArn")
    ]

    /// What one template creates and what it needs from outside itself.
    struct Facts {
        var buckets: Set<String> = []
        var roles: Set<String> = []
        /// Needs, in template order: a bucket or role name and why it must exist.
        var needs: [(thing: Thing, why: String)] = []
        var parameters: [String] = []
    }

    enum Thing: Hashable {
        case bucket(String)
        case role(String)

        var phrase: String {
            switch self {
            case .bucket(let name): return "bucket \(name)"
            case .role(let name): return "role \(name)"
            }
        }
    }

    /// The dependencies between `stacks`, each template's in template order, and the
    /// parameters no source is known for.
    static func analyse(_ stacks: [StackTemplate]) -> (dependencies: [Dependency], unknownParameters: [String]) {
        analyse(stacks.map { StackDocument(name: $0.name, stackName: $0.stackName, document: $0.template.document) })
    }

    /// A template as data, with its file stem and stack name: what the analysis reads, so it
    /// also orders templates read back from old files.
    struct StackDocument: Sendable {
        let name: String
        let stackName: String
        let document: Document
    }

    /// The dependencies between templates given as documents.
    static func analyse(_ stacks: [StackDocument]) -> (dependencies: [Dependency], unknownParameters: [String]) {
        let all = stacks.map { facts(of: $0.document) }
        var out: [Dependency] = []
        var unknown: [String] = []
        for (i, stack) in stacks.enumerated() {
            var seen: Set<String> = []
            func add(_ on: String, _ reason: String) {
                guard on != stack.name, seen.insert(on + "|" + reason).inserted else { return }
                out.append(Dependency(template: stack.name, on: on, reason: reason))
            }
            for parameter in all[i].parameters {
                guard let source = parameterSources[parameter], let from = stacks.first(where: { $0.name == source.template })
                else {
                    unknown.append("template '\(stack.name)': parameter '\(parameter)'")
                    continue
                }
                add(from.name, "needs parameter \(parameter): output \(source.output) of stack \(from.stackName)")
            }
            for (thing, why) in all[i].needs {
                // Something the template creates itself is CloudFormation's business to order.
                if case .bucket(let b) = thing, all[i].buckets.contains(b) { continue }
                if case .role(let r) = thing, all[i].roles.contains(r) { continue }
                for (j, other) in stacks.enumerated() where j != i {
                    let creates: Bool
                    switch thing {
                    case .bucket(let b): creates = all[j].buckets.contains(b)
                    case .role(let r): creates = all[j].roles.contains(r)
                    }
                    if creates { add(other.name, "uses \(thing.phrase), which stack \(other.stackName) creates (\(why))") }
                }
            }
        }
        return (out, unknown)
    }

    /// Reads one template's document.
    static func facts(of template: Document) -> Facts {
        var f = Facts()
        f.parameters = template["Parameters"]?.mapValue?.map(\.key) ?? []
        for entry in template["Resources"]?.mapValue ?? [] {
            let resource = entry.value
            let properties = resource["Properties"]
            switch resource["Type"]?.stringValue {
            case "AWS::S3::Bucket":
                if let name = properties?["BucketName"]?.stringValue { f.buckets.insert(name) }
            case "AWS::IAM::Role":
                if let name = properties?["RoleName"]?.stringValue { f.roles.insert(name) }
            case "AWS::CodePipeline::Pipeline":
                var stores = (properties?["ArtifactStores"]?.listValue ?? []).compactMap { $0["ArtifactStore"] }
                if let single = properties?["ArtifactStore"] { stores.append(single) }
                for store in stores {
                    if let bucket = store["Location"]?.stringValue {
                        f.needs.append((.bucket(bucket), "CodePipeline checks that every artifact store exists"))
                    }
                }
            case "AWS::CodeDeploy::DeploymentGroup":
                if let role = properties?["ServiceRoleArn"].flatMap(roleName) {
                    f.needs.append((.role(role), "CodeDeploy checks that its service role exists"))
                }
            default:
                break
            }
        }
        return f
    }

    /// The role name in a role ARN written as a string or a one-argument `Fn::Sub`; nil for
    /// `Ref`/`Fn::GetAtt`, which CloudFormation orders itself.
    static func roleName(_ value: Document) -> String? {
        let text = value.stringValue ?? value["Fn::Sub"]?.stringValue
        guard let text, let range = text.firstRange(of: ":role/") else { return nil }
        let name = text[range.upperBound...].split(separator: "/").last.map(String.init)
        return name.flatMap { $0.contains("$") ? nil : $0 }
    }
}
