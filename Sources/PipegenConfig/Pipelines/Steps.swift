import YAMLKit

/// A step of the user's at a named point of a pipeline: a CodeBuild build with a buildspec of
/// the repository, a manual approval, or the invocation of a Lambda function.
public struct PipelineStep: Sendable {
    /// Where in the pipeline the step runs.
    public enum Point: String, CaseIterable, Sendable, Hashable {
        /// In a stage of its own after the source stage.
        case afterSource = "after-source"
        /// In a stage of its own after the pipeline's build stages, before the first environment.
        case afterBuild = "after-build"
        /// In each environment's stage, after its approval, before its deployment.
        case beforeDeploy = "before-deploy"
        /// In each environment's stage, after its deployment (and its tests).
        case afterDeploy = "after-deploy"

        /// True for the points that repeat in every environment.
        public var perEnvironment: Bool { self == .beforeDeploy || self == .afterDeploy }
    }

    public enum Action: Sendable {
        /// A build whose settings are the pipeline's with these over them (its `buildspec` set).
        case build(BuildOverrides)
        case approval(comment: Located<String>?, url: String?)
        /// The function's name and the text it receives; placeholders are replaced.
        case lambda(function: Located<NamePattern>, userParameters: Located<NamePattern>?)
    }

    /// The action's name; unique in the config (it also names the build's project and role).
    public var name: Located<String>
    public var point: PipelineStep.Point
    /// The environments it runs in (at a per-environment point); empty for all.
    public var environments: [Located<String>]
    public var action: Action
    /// The artifacts it reads, by name: `Source`, a build's output, or an earlier step's.
    public var inputs: [Located<String>]
    /// True when it writes an artifact of its own, named after it.
    public var output: Bool
    /// Where the step was written (its first key).
    public var mark: Mark?

    public init(
        name: Located<String>, point: PipelineStep.Point, environments: [Located<String>] = [], action: Action,
        inputs: [Located<String>] = [], output: Bool = false, mark: Mark? = nil
    ) {
        self.name = name
        self.point = point
        self.environments = environments
        self.action = action
        self.inputs = inputs
        self.output = output
        self.mark = mark
    }

    /// True when it runs in `env` (at a per-environment point).
    public func runs(in env: String) -> Bool { environments.isEmpty || environments.contains { $0.value == env } }

    /// The placeholders its paths and texts may hold.
    public var placeholders: [NamePattern.Placeholder] { point.perEnvironment ? [.project, .env, .account] : [.project] }

    /// The settings of a build step: the pipeline's builds with the step's own over them.
    public func buildSettings(_ pipeline: PipelineBuilds, project: BuildOverrides) -> BuildSettings? {
        guard case .build(let own) = action else { return nil }
        return BuildSettings.resolve([project, pipeline.all, own])
    }

    public enum Keys {
        public static let point = KeySpec(
            "at", .choice(PipelineStep.Point.allCases.map(\.rawValue)), required: true, example: "after-deploy",
            "where it runs: after-source, after-build (before the first environment), before-deploy (in each environment's stage after its approval) or after-deploy")
        public static let output = Key<Bool>(
            "output", .boolean, default: false, "a build or function step writes an artifact named after the step, which later steps may read")
    }

    static let approvalSpec = ObjectSpec(
        "step approval", "a manual approval",
        keys: [
            KeySpec("comment", .string(.text), example: "Check the change ticket first.", "text shown to the approver"),
            KeySpec("url", .string(.text), example: "https://tickets.example.com/shop", "a link for the approver to review"),
        ])

    static let lambdaSpec = ObjectSpec(
        "step function", "a Lambda function of the tooling account and home region, which must report its result (PutJobSuccessResult or PutJobFailureResult)",
        keys: [
            KeySpec(
                "function", .string(.text), required: true, example: "shop-release-notes",
                "the function's name; {project} and, in each environment, {env} and {account} are replaced"),
            KeySpec(
                "user-parameters", .string(.text), example: "\"{env}\"",
                "text the function receives (UserParameters); {project} and, in each environment, {env} and {account} are replaced"),
        ])

    static let buildSpec = ObjectSpec(
        "step build", "a CodeBuild build of the repository's buildspec, with the pipeline's build settings unless given here",
        keys: [
            KeySpec(
                "buildspec", .string(.path), required: true, example: "ci/smoke-test.yml",
                "the buildspec in the repository; in each environment, {env} and {account} are replaced")
        ] + BuildSettings.commonKeys)

    static let spec = ObjectSpec(
        "step", "a step of yours at a named point of the pipeline: exactly one of build, approval and lambda",
        keys: [
            KeySpec("name", .string(.name), required: true, example: "smoke-test", "the step's action name, unique in the config"),
            Keys.point,
            KeySpec(
                "environments", .list(.string(.name), minItems: 1), documentedDefault: "every environment", example: "[dev]",
                "with before-deploy or after-deploy: the environments it runs in"),
            KeySpec("build", .object(buildSpec), example: "{buildspec: ci/smoke-test.yml}", "run a buildspec of the repository in CodeBuild"),
            KeySpec("approval", .either([.boolean, .object(approvalSpec)]), example: "true", "wait for a manual approval"),
            KeySpec("lambda", .object(lambdaSpec), example: "{function: shop-release-notes}", "invoke a Lambda function"),
            KeySpec(
                "inputs", .list(.string(.text), minItems: 1), documentedDefault: "[Source] for a build, none for a function",
                example: "[Source]",
                "the artifacts it reads (up to 5, the first holds a build's buildspec): Source, a build's output (ImageDetail, LambdaPackages, PackagedTemplates, Image) or an earlier step's output (its name)"),
            Keys.output.spec,
        ], alternatives: ["build", "approval", "lambda"])

    /// A pipeline's `steps` key.
    static let key = KeySpec("steps", .list(.object(spec), minItems: 0), defaultValue: .list([]), "steps of yours at named points of the pipeline")
}

extension ConfigDecoder {
    /// A pipeline's `steps`.
    func decodeSteps(_ r: ObjectReader) -> [PipelineStep] {
        (r.list(PipelineStep.key.name) ?? []).compactMap(decodeStep)
    }

    private func decodeStep(_ n: Node) -> PipelineStep? {
        let label = (n.mapping?.first { $0.key.scalar?.text == "name" }?.value.scalar?.text).map { " in step '\($0)'" } ?? " in a step"
        guard let r = ObjectReader(n, spec: PipelineStep.spec, owner: label, context: context, what: "a step") else { return nil }
        let name = r.string("name")
        guard let point = r.string(PipelineStep.Keys.point.name).flatMap({ PipelineStep.Point(rawValue: $0.value) }) else { return nil }
        let placeholders: [NamePattern.Placeholder] = point.perEnvironment ? [.project, .env, .account] : [.project]
        let why = point.perEnvironment ? "it runs in each environment's stage" : "it runs once for every environment"
        let given = ["build", "approval", "lambda"].filter(r.has)
        if given.count != 1 {
            let step = name.map { "step '\($0.value)'" } ?? "a step"
            context.error(
                given.isEmpty ? "\(step) has none of 'build', 'approval' and 'lambda'" : "\(step) has both '\(given[0])' and '\(given[1])'",
                at: given.count > 1 ? r.keyMark(given[1]) : n.mark, notes: [.help("give a step exactly one of 'build', 'approval' and 'lambda'")])
            return nil
        }
        var action: PipelineStep.Action?
        switch given[0] {
        case "build":
            if let b = r.object("build", owner: label) {
                let overrides = decodeBuildOverrides(b, runs: point.perEnvironment ? .perEnvironment : .once)
                if overrides.buildspec == nil { return nil }
                action = .build(overrides)
            }
        case "approval":
            let node = r.node("approval")!
            if case .mapping = node.kind {
                guard let a = ObjectReader(node, spec: PipelineStep.approvalSpec, owner: label, context: context, what: "'approval'\(label)") else { return nil }
                let url = a.string("url")
                if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
                    context.error("'\(url.value)' is not a URL", at: url.mark, notes: [.help("write an http:// or https:// link")])
                    return nil
                }
                action = .approval(comment: a.string("comment"), url: url?.value)
            } else if context.bool(node, what: "'approval'\(label)") == true {
                action = .approval(comment: nil, url: nil)
            } else {
                context.error("'approval: false'\(label) makes a step that does nothing", at: node.mark, notes: [.help("remove the step")])
                return nil
            }
        default:
            guard let l = r.object("lambda", owner: label), let function = l.string("function") else { return nil }
            guard context.checkPlaceholders(function, allowed: placeholders, in: "'function'\(label)", because: why) else { return nil }
            if function.value.hasPrefix("arn:") {
                context.error(
                    "'function'\(label) is an ARN", at: function.mark,
                    notes: [.help("write the function's name: CodePipeline invokes the function of that name in the tooling account and home region")])
                return nil
            }
            let parameters = l.string("user-parameters")
            if let parameters, !context.checkPlaceholders(parameters, allowed: placeholders, in: "'user-parameters'\(label)", because: why) {
                return nil
            }
            action = .lambda(
                function: Located(NamePattern(function.value), at: function.mark),
                userParameters: parameters.map { Located(NamePattern($0.value), at: $0.mark) })
        }
        var environments: [Located<String>] = []
        if let listed = r.strings("environments") {
            if !point.perEnvironment {
                context.error(
                    "'environments'\(label) needs 'at: before-deploy' or 'at: after-deploy'", at: r.keyMark("environments"),
                    notes: [.note("a step \(point.rawValue) runs once for every environment")])
            }
            environments = listed
        }
        let inputs = r.strings("inputs") ?? []
        if let n = r.node("inputs"), inputs.count > 5 {
            context.error("\(inputs.count) inputs\(label); CodePipeline gives an action at most 5", at: n.mark)
        }
        let output = r.read(PipelineStep.Keys.output)
        if case .approval? = action {
            for key in ["inputs", "output"] where r.has(key) {
                context.error("an approval step reads and writes no artifacts; remove '\(key)'\(label)", at: r.keyMark(key))
            }
        }
        guard let name, let action else { return nil }
        return PipelineStep(
            name: name, point: point, environments: environments, action: action, inputs: inputs, output: output,
            mark: r.keyMark("name"))
    }
}

extension Node {
    /// The pairs of a mapping node, nil for any other.
    var mapping: [Node.Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }
}

/// The steps of every pipeline together: each name once in the config (it names the step's
/// build project and role), and each environment a step names one of the route's.
struct StepChecks {
    let context: DecodeContext

    func run(_ config: Config) {
        var seen: [String: Located<String>] = [:]
        let environments = config.environments.map(\.name.value)
        for pipeline in config.pipelines.all {
            for step in pipeline.settings.steps {
                if let first = seen[step.name.value] {
                    context.error(
                        "duplicate step name '\(step.name.value)'", at: step.name.mark,
                        notes: [.note("'\(step.name.value)' first defined here", at: first.mark), .help("give each step of the config its own name")])
                }
                seen[step.name.value] = seen[step.name.value] ?? step.name
                var listed: [String: Located<String>] = [:]
                for env in step.environments {
                    if let first = listed[env.value] {
                        context.error(
                            "environment '\(env.value)' is listed twice in step '\(step.name.value)'", at: env.mark,
                            notes: [.note("first listed here", at: first.mark)])
                    } else if !environments.contains(env.value) {
                        var notes: [Diagnostic.Note] = []
                        if let guess = Suggest.closest(to: env.value, in: environments) { notes.append(.help("did you mean '\(guess)'?")) }
                        notes.append(.note("the environments are \(environments.map { "'\($0)'" }.joined(separator: ", "))"))
                        context.error("step '\(step.name.value)' names environment '\(env.value)', which is not on the route", at: env.mark, notes: notes)
                    }
                    listed[env.value] = listed[env.value] ?? env
                }
            }
        }
    }
}
