import CloudFormation
import PipegenConfig
import YAMLKit

/// The limits CloudFormation, CodePipeline and IAM put on what pipegen generates, checked on
/// the rendered templates, each violation said in terms of the config and what to change:
/// `pipelineChecks()` once, `check(_:)` for each template (in that template's job).
struct Limits {
    let config: Config
    let pipelines: [PipelineSpec]

    static let maxStages = 50
    static let maxActionsPerStage = 50
    static let maxNameLength = 100
    static let bucketPolicyBytes = 20_480
    static let keyPolicyBytes = 32_768
    static let inlineRolePolicyCharacters = 10_240
    static let managedPolicyCharacters = 6_144

    /// The limits of the pipelines: stages, actions, names.
    func pipelineChecks() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = config.project.mark
        for spec in pipelines {
            if spec.stages.count > Self.maxStages {
                out.append(
                    .error(
                        "pipeline '\(spec.name)' would have \(spec.stages.count) stages; CodePipeline allows \(Self.maxStages)", at: at,
                        notes: [.help("group environments into waves ('wave: <name>'): a wave's environments deploy in parallel in one stage")]))
            }
            for stage in spec.stages {
                if stage.actions.count > Self.maxActionsPerStage {
                    let wave = config.environments.first { $0.wave?.value == stage.name }?.wave
                    out.append(
                        .error(
                            "stage '\(stage.name)' of pipeline '\(spec.name)' would have \(stage.actions.count) actions; CodePipeline allows \(Self.maxActionsPerStage)",
                            at: wave?.mark ?? at, notes: [.help("split the wave into smaller waves, or deploy fewer regions in it")]))
                }
                for name in [stage.name] + stage.actions.map(\.name) where !Self.isPipelineName(name) {
                    out.append(.error("'\(name)' in pipeline '\(spec.name)' is not a valid stage or action name", at: at,
                        notes: [.help("names hold up to 100 letters, digits and '.', '@', '-', '_'")]))
                }
            }
        }
        return out
    }

    /// The limits of one template: resources, outputs, parameters, policy sizes.
    func check(_ stack: StackTemplate) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let t = stack.template
        let at = config.project.mark
        let file = "templates/\(stack.name).yaml"
        if t.resources.count > TemplateLimits.maxResources {
            out.append(.error("\(file) would hold \(t.resources.count) resources; CloudFormation allows \(TemplateLimits.maxResources)", at: at))
        }
        if t.outputs.count > TemplateLimits.maxOutputs || t.parameters.count > TemplateLimits.maxParameters {
            out.append(.error("\(file) would have more than \(TemplateLimits.maxOutputs) outputs or parameters", at: at))
        }
        for (id, resource) in t.resources {
            // The lowered properties, as the writers write them.
            func property(_ name: String) -> Value? { resource.properties.first { $0.name == name }?.value }
            switch resource.typeName {
            case S3.BucketPolicy.typeName:
                out += size(of: property("PolicyDocument"), limit: Self.bucketPolicyBytes, what: "bucket policy \(id) in \(file)")
            case KMS.Key.typeName:
                out += size(of: property("KeyPolicy"), limit: Self.keyPolicyBytes, what: "key policy \(id) in \(file)")
            case IAM.Role.typeName:
                out += size(of: property("Policies"), limit: Self.inlineRolePolicyCharacters, what: "inline policies of role \(id) in \(file)")
            case IAM.ManagedPolicy.typeName:
                out += size(of: property("PolicyDocument"), limit: Self.managedPolicyCharacters, what: "managed policy \(id) in \(file)")
            case CodePipeline.Pipeline.typeName:
                if let pipeline = resource.model as? CodePipeline.Pipeline { out += configurationValues(pipeline, stack) }
            default: break
            }
        }
        return out
    }

    /// CodePipeline keeps at most 1,000 characters in each value of an action's configuration.
    /// [ActionDeclaration](https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html)
    static let actionConfigurationValueCharacters = 1000

    /// Configuration values over the limit, measured as CloudFormation resolves them. A
    /// declaration reports its own values at the config line that makes them; this is the
    /// check of last resort for every other value.
    private func configurationValues(_ pipeline: CodePipeline.Pipeline, _ stack: StackTemplate) -> [Diagnostic] {
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        var out: [Diagnostic] = []
        for stage in pipeline.stages {
            for action in stage.actions {
                for field in action.configuration.fields {
                    let text: String?
                    switch field.value {
                    case .string(let s): text = s
                    case .sub(let s, _): text = r.string(field.value) ?? s
                    default: text = r.string(field.value)
                    }
                    guard let length = text?.utf16.count, length > Self.actionConfigurationValueCharacters else { continue }
                    out.append(
                        .error(
                            "\(field.name) of action '\(stage.name)/\(action.name)' would be \(length) characters; CodePipeline keeps at most \(Self.actionConfigurationValueCharacters)",
                            at: config.project.mark, notes: [.help("shorten the config values that make it (commands, comments, names)")]))
                }
            }
        }
        return out
    }

    /// Template bodies over CloudFormation's limits: an error above 1 MB, a warning above
    /// the 51,200 bytes it takes inline. Measured on the rendered files, in their format.
    static func bodySizes(_ files: [RenderedFile]) -> [Diagnostic] {
        files.compactMap { file in
            let size = file.contents.utf8.count
            if size > TemplateLimits.maxBodyBytes {
                return .error(
                    "templates/\(file.name) would be \(size) bytes; CloudFormation accepts at most \(TemplateLimits.maxBodyBytes)", at: nil,
                    notes: [.help("split environments across several pipelines (several configs)")])
            }
            if size > TemplateLimits.maxInlineBodyBytes {
                return .warning(
                    "templates/\(file.name) is \(size) bytes, more than the \(TemplateLimits.maxInlineBodyBytes) CloudFormation takes inline",
                    at: nil, notes: [.note("deploy it through an S3 bucket; 'pipegen plan' shows how")])
            }
            return nil
        }
    }

    /// Policy sizes count the JSON without whitespace, as IAM, KMS and S3 do.
    private func size(of policy: Value?, limit: Int, what: String) -> [Diagnostic] {
        guard let policy else { return [] }
        let length = JSONWriter.compactLength(policy)
        guard length > limit else { return [] }
        return [
            .error(
                "the \(what) would be \(length) characters; AWS allows \(limit)", at: config.project.mark,
                notes: [.help("split environments across several pipelines (several configs)")])
        ]
    }

    /// `[A-Za-z0-9.@\-_]+`, at most 100 characters.
    static func isPipelineName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= maxNameLength
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".@-_".unicodeScalars.contains($0)) }
    }
}
