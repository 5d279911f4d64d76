import CloudFormation
import PipegenConfig
import YAMLKit

/// The limits CloudFormation, CodePipeline and IAM put on what pipegen generates, checked on
/// the rendered templates, each violation said in terms of the config and what to change:
/// `pipelineChecks()` once, `check(_:)` for each template (in that template's job).
struct Limits {
    let config: Config
    let pipelines: [PipelineSpec]
    /// How messages name the template files.
    var files = LoadRequest()

    static let maxStages = 50
    static let maxActionsPerStage = 50
    static let maxNameLength = 100
    static let bucketPolicyBytes = 20_480
    static let keyPolicyBytes = 32_768
    static let inlineRolePolicyCharacters = 10_240
    static let managedPolicyCharacters = 6_144
    /// A repository policy is at most 10,240 characters.
    /// [SetRepositoryPolicy](https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_SetRepositoryPolicy.html)
    static let repositoryPolicyCharacters = 10_240

    /// The limits of the pipelines: stages, actions, names, and how long artifacts are kept.
    func pipelineChecks() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let wait = ArtifactRetention.longestWait(pipelines)
        if let expire = config.artifacts.expireDays, expire.value <= wait.days, let pipeline = wait.pipeline {
            out.append(
                .error(
                    "artifacts would expire after \(expire.value) days, but an execution of pipeline '\(pipeline)' can wait \(wait.days) days at its approvals",
                    at: expire.mark,
                    notes: [
                        .note("CodePipeline fails an approval after \(ArtifactRetention.approvalTimeoutDays) days; the later stages read the artifacts the first ones wrote"),
                        .help("set 'expire-days' to more than \(wait.days), or leave it out"),
                    ]))
        }
        for spec in pipelines {
            if spec.stages.count > Self.maxStages {
                // The environments make the stages: the error is at their list, with the first
                // environment past the limit.
                var notes: [Diagnostic.Note] = []
                if let first = environments(of: spec.stages[Self.maxStages]).first {
                    notes.append(.note("stage \(Self.maxStages + 1), the first too many, deploys environment '\(first.name.value)'", at: first.mark))
                }
                notes.append(.help("group environments into waves ('wave: <name>'): a wave's environments deploy in parallel in one stage"))
                out.append(
                    .error(
                        "pipeline '\(spec.name)' would have \(spec.stages.count) stages; CodePipeline allows \(Self.maxStages)",
                        at: routeMark, notes: notes))
            }
            for stage in spec.stages {
                let deployed = environments(of: stage)
                if stage.actions.count > Self.maxActionsPerStage {
                    // A wave's actions come from its environments and their regions.
                    let at = deployed.first.map { $0.wave?.mark ?? $0.mark } ?? routeMark
                    out.append(
                        .error(
                            "stage '\(stage.name)' of pipeline '\(spec.name)' would have \(stage.actions.count) actions; CodePipeline allows \(Self.maxActionsPerStage)",
                            at: at, notes: [.help("split the wave into smaller waves, or deploy fewer regions in it")]))
                }
                for name in [stage.name] + stage.actions.map(\.name) where !Self.isPipelineName(name) {
                    // Stage and action names carry the names of the environment or wave.
                    let at = deployed.first.map { $0.wave?.mark ?? $0.name.mark } ?? config.project.mark
                    out.append(.error("\(DisplayText.quoted(name)) in pipeline '\(spec.name)' is not a valid stage or action name", at: at,
                        notes: [.help("names hold up to 100 letters, digits and '.', '@', '-', '_'")]))
                }
            }
        }
        return out
    }

    /// The environments a stage deploys, in route order.
    private func environments(of stage: StageSpec) -> [Environment] {
        stage.environments.compactMap(config.environment)
    }

    /// Where the route is written: the `environments` key, else its first environment.
    private var routeMark: Mark? {
        config.environmentsMark ?? config.environments.first?.mark ?? config.project.mark
    }

    /// What fills a template: every environment for the tooling account's, the environment
    /// for its own.
    private func cause(_ stack: StackTemplate) -> Mark? {
        switch stack.owner {
        case .tooling: return routeMark
        case .environment(let name): return config.environment(name)?.mark ?? routeMark
        }
    }

    /// The help for a template the config fills too much.
    private func splitHelp(_ stack: StackTemplate) -> Diagnostic.Note {
        switch stack.owner {
        case .tooling: return .help("split environments across several pipelines (several configs)")
        case .environment: return .help("deploy this environment to fewer regions, or split it into several environments")
        }
    }

    /// CodePipeline takes action configuration values of at most 1,000 characters.
    /// [ActionConfiguration](https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfiguration.html)
    static let actionConfigurationValue = 1_000

    /// Every action configuration value of the template's pipelines, as long as CloudFormation
    /// can make it (`ActionValueLength`), within CodePipeline's limit; one that is not is an
    /// error at the config value it carries (`ActionSpec.cause`), else at the pipeline's key.
    func actionValues(_ stack: StackTemplate) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let resolver = Resolver(template: stack.template, account: stack.account, region: stack.region)
        let length = WorstCaseLength(resolver: resolver, partition: config.partition)
        for (_, pipeline) in stack.template.resources(of: CodePipeline.Pipeline.self) {
            let name = pipeline.name.flatMap(resolver.string) ?? "?"
            let spec = pipelines.first { $0.name == name }
            for stage in pipeline.stages {
                for action in stage.actions {
                    for field in action.configuration.fields {
                        let length = length.text(field.value)
                        guard length > Self.actionConfigurationValue else { continue }
                        let actionSpec = spec?.stages.first { $0.name == stage.name }?.actions.first { $0.name == action.name }
                        let declaration = config.pipelines.all.first { $0.kind == spec?.kind }
                        out.append(
                            .error(
                                "\(field.name) of action '\(stage.name)/\(action.name)' in pipeline '\(name)' would be \(length) characters; CodePipeline takes at most \(Self.actionConfigurationValue)",
                                at: actionSpec?.cause ?? declaration?.mark ?? config.project.mark,
                                notes: [.help(actionSpec?.cause == nil ? "shorten the names and paths this value is made of" : "shorten this value")]))
                    }
                }
            }
        }
        return out
    }

    /// The limits of one template: resources, outputs, parameters, policy sizes.
    func check(_ stack: StackTemplate) -> [Diagnostic] {
        var out: [Diagnostic] = actionValues(stack)
        let t = stack.template
        let at = cause(stack)
        let file = files.file(stack.name)
        if t.resources.count > TemplateLimits.maxResources {
            out.append(
                .error(
                    "\(file) would hold \(t.resources.count) resources; CloudFormation allows \(TemplateLimits.maxResources)", at: at,
                    notes: [splitHelp(stack)]))
        }
        if t.outputs.count > TemplateLimits.maxOutputs || t.parameters.count > TemplateLimits.maxParameters {
            out.append(
                .error("\(file) would have more than \(TemplateLimits.maxOutputs) outputs or parameters", at: at, notes: [splitHelp(stack)]))
        }
        let length = WorstCaseLength(
            resolver: Resolver(template: t, account: stack.account, region: stack.region), partition: config.partition)
        for (id, resource) in t.resources {
            // The lowered properties, as the writers write them.
            func property(_ name: String) -> Value? { resource.properties.first { $0.name == name }?.value }
            let policy: (Value?, Int, String)?
            switch resource.typeName {
            case S3.BucketPolicy.typeName: policy = (property("PolicyDocument"), Self.bucketPolicyBytes, "bucket policy")
            case KMS.Key.typeName, KMS.ReplicaKey.typeName: policy = (property("KeyPolicy"), Self.keyPolicyBytes, "key policy")
            case IAM.Role.typeName: policy = (property("Policies"), Self.inlineRolePolicyCharacters, "inline policies of role")
            case IAM.ManagedPolicy.typeName: policy = (property("PolicyDocument"), Self.managedPolicyCharacters, "managed policy")
            case ECR.Repository.typeName:
                policy = (property("RepositoryPolicyText"), Self.repositoryPolicyCharacters, "repository policy")
            default: policy = nil
            }
            if let (value, limit, what) = policy, let value {
                out += size(length.json(value), limit: limit, what: "\(what) \(id) in \(file)", stack: stack)
            }
        }
        return out
    }

    /// Template bodies over CloudFormation's limits: an error above 1 MB, a warning above
    /// the 51,200 bytes it takes inline. Measured on the rendered files, in their format;
    /// `path` names a file as the user knows it.
    static func bodySizes(_ files: [RenderedFile], path: (String) -> String = { RenderRequest.path("templates", $0) }) -> [Diagnostic] {
        files.compactMap { file in
            let size = file.contents.utf8.count
            if size > TemplateLimits.maxBodyBytes {
                return .error(
                    "\(path(file.name)) would be \(size) bytes; CloudFormation accepts at most \(TemplateLimits.maxBodyBytes)", at: nil,
                    notes: [.help("split environments across several pipelines (several configs)")])
            }
            if size > TemplateLimits.maxInlineBodyBytes {
                return .warning(
                    "\(path(file.name)) is \(size) bytes, more than the \(TemplateLimits.maxInlineBodyBytes) CloudFormation takes inline",
                    at: nil, notes: [.note("deploy it through an S3 bucket; 'pipegen plan' shows how")])
            }
            return nil
        }
    }

    /// Policy sizes count the JSON without whitespace, as IAM, KMS, S3 and ECR do, with the
    /// values CloudFormation resolves at their longest (`WorstCaseLength`). What fills a policy
    /// is the environments whose accounts and roles it names: the error is at them.
    private func size(_ length: Int, limit: Int, what: String, stack: StackTemplate) -> [Diagnostic] {
        guard length > limit else { return [] }
        return [
            .error(
                "the \(what) would be \(length) characters; AWS allows \(limit)", at: cause(stack), notes: [splitHelp(stack)])
        ]
    }

    /// `[A-Za-z0-9.@\-_]+`, at most 100 characters.
    static func isPipelineName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= maxNameLength
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".@-_".unicodeScalars.contains($0)) }
    }
}
