import CloudFormation
import PipegenConfig
import YAMLKit

/// Checks every name pipegen derives against the limits AWS puts on it, and reports a
/// violation at the config value that makes the name too long, with how much to cut.
struct NameChecks {
    let config: Config
    let names: Names

    struct Rule {
        var what: String
        var limit: Int
        var minimum = 1
    }

    static let role = Rule(what: "IAM role name", limit: 64)
    static let bucket = Rule(what: "S3 bucket name", limit: 63, minimum: 3)
    static let pipeline = Rule(what: "pipeline name", limit: 100)
    static let project = Rule(what: "CodeBuild project name", limit: 255, minimum: 2)
    static let rule = Rule(what: "EventBridge rule name", limit: 64)
    static let stack = Rule(what: "stack name", limit: 128)
    static let codeDeploy = Rule(what: "CodeDeploy name", limit: 100)
    static let topic = Rule(what: "SNS topic name", limit: 256)
    static let function = Rule(what: "Lambda function name", limit: 64)
    static let connection = Rule(what: "CodeConnections connection name", limit: 32)
    /// What `function-name` gives before the function's folder name, which adds at least one
    /// character: it may be empty (`function-name: "{function}"`).
    static let functionPrefix = Rule(what: "Lambda function name prefix", limit: 63, minimum: 0)

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported: Set<String> = []
        func check(_ name: String, _ rule: Rule, env: Environment? = nil, source: Located<String>? = nil) {
            guard name.count > rule.limit || name.count < rule.minimum else { return }
            // One message per place and kind of name, not one per derived name.
            let culprit = source ?? env?.name ?? config.project
            let key = "\(rule.what)|\(culprit.mark?.description ?? culprit.value)"
            guard reported.insert(key).inserted else { return }
            var help = "shorten project '\(config.project.value)'"
            if let env { help += " or environment '\(env.name.value)'" }
            if let source, env == nil { help = "shorten '\(source.value)'" }
            out.append(
                .error(
                    "\(rule.what) '\(name)' is \(name.count) characters; AWS allows \(rule.minimum) to \(rule.limit)",
                    at: culprit.mark,
                    notes: [.help(name.count > rule.limit ? "\(help) by at least \(name.count - rule.limit) characters" : help)]))
        }

        let topology = Topology(config)
        for region in topology.regions { check(names.artifactBucket(region: region), Self.bucket) }
        check(names.toolingStack, Self.stack)
        for region in topology.furtherRegions { check(names.toolingStack(region: region), Self.stack) }
        let p = config.pipelines
        let pipelines: [(PipelineKind, Bool)] = [
            (.containerBuild, p.containerBuild != nil), (.infrastructure, p.infrastructure != nil),
            (.containerDeployment, p.containerDeployment != nil),
        ]
        for (kind, on) in pipelines where on {
            check(names.pipeline(kind), Self.pipeline)
            check(names.pipelineRole(kind), Self.role)
            check(names.eventsRole(kind), Self.role)
            check(names.pushRule(kind), Self.rule)
        }
        if p.containerDeployment != nil { check(names.imagePushRule, Self.rule) }
        if let n = config.notifications {
            check(names.notificationsTopic, Self.topic)
            for event in n.events { check(names.notificationRule(event), Self.rule) }
        }
        // Sources without a connection ARN get a connection the tooling template creates.
        for (kind, on) in pipelines where on {
            if let s = source(kind, p), !s.isCodeCommit, s.connection == nil { check(names.connection(s.provider.value), Self.connection) }
        }
        let gitflow = pipelines.filter { kind, on in on && source(kind, p)?.pullRequestFrom != nil }.map(\.0)
        for kind in gitflow { check(names.gitflowRule(kind), Self.rule) }
        if !gitflow.isEmpty {
            check(names.gitflowFunction, Self.function)
            check(names.gitflowRole, Self.role)
        }
        for kind in BuildKind.allCases {
            check(names.buildProject(kind), Self.project)
            check(names.buildRole(kind), Self.role)
        }
        out += identifierClashes()
        let model = AccessModel(config)
        for env in config.environments {
            let e = env.name.value
            for role in model.roles(in: e) { check(role.name, Self.role, env: env) }
            if p.infrastructure != nil { check(names.environmentRole(.cfnExecution, env: e), Self.role, env: env) }
            if p.containerDeployment != nil { check(names.environmentRole(.codeDeploy, env: e), Self.role, env: env) }
            check(names.environmentStack(e), Self.stack, env: env)
            for region in env.regions.dropFirst() { check(names.environmentStack(e, region: region.value), Self.stack, env: env) }
            check(names.codeDeployApplication(e), Self.codeDeploy, env: env)
            check(names.approvalTopic(e), Self.topic, env: env)
            if let infra = config.pipelines.infrastructure {
                let stack = infra.stackName.replacing("{project}", with: names.project).replacing("{env}", with: e)
                check(stack, Self.stack, env: env)
                if let lambda = infra.lambda {
                    let prefix = lambda.functionName.replacing("{project}", with: names.project).replacing("{env}", with: e)
                        .replacing("{function}", with: "")
                    check(prefix, Self.functionPrefix, env: env)
                }
            }
        }
        if let infra = config.pipelines.infrastructure {
            let sample = infra.stackName.replacing("{project}", with: names.project).replacing("{env}", with: "x")
            if !Self.isStackName(sample) {
                out.append(
                    .error(
                        "stack-name '\(infra.stackName)' does not give a valid stack name ('\(sample)' for an environment 'x')",
                        at: infra.stackNameMark ?? infra.mark,
                        notes: [.help("stack names start with a letter and hold only letters, digits and hyphens")]))
            }
        }
        return out
    }

    /// Environment names become parts of logical ids and action namespaces (`dev` gives
    /// `DevApprovalTopic`, `DeployDev`), where a hyphen before a digit leaves no trace: 'p-5'
    /// and 'p5' would both give `P5`.
    private func identifierClashes() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: Environment] = [:]
        for env in config.environments {
            let id = Template.logicalId(env.name.value)
            guard let first = seen[id] else {
                seen[id] = env
                continue
            }
            guard first.name.value != env.name.value else { continue }  // a duplicate name, reported by the decoder
            out.append(
                .error(
                    "environment names '\(first.name.value)' and '\(env.name.value)' give the same identifier '\(id)' in the templates",
                    at: env.name.mark,
                    notes: [
                        .note("'\(first.name.value)' defined here", at: first.name.mark),
                        .help("rename one of them: a hyphen before a digit does not show in identifiers"),
                    ]))
        }
        return out
    }

    private func source(_ kind: PipelineKind, _ p: Pipelines) -> Source? {
        switch kind {
        case .containerBuild: return p.containerBuild?.source
        case .infrastructure: return p.infrastructure?.source
        case .containerDeployment: return p.containerDeployment?.source
        }
    }

    /// `[A-Za-z][-A-Za-z0-9]*`.
    static func isStackName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}

/// The kit's entry points for the CLI.
public enum Pipegen {
    /// Reads and validates a config: the decoder's checks, then the checks of everything
    /// pipegen derives from it (names, limits, the cross-account consistency of the
    /// templates). Diagnostics come in source order.
    public static func load(path: String, bytes: [UInt8]) -> (file: SourceFile, config: Config?, diagnostics: [Diagnostic]) {
        let analysis = analyze(path: path, bytes: bytes)
        return (analysis.file, analysis.config, analysis.diagnostics)
    }

    /// `load`, also handing back the templates the checks built, so that rendering them does
    /// not build them again (`Renderer.render(_:configPath:format:)` takes them).
    public static func analyze(path: String, bytes: [UInt8]) -> (
        file: SourceFile, config: Config?, stacks: [StackTemplate], diagnostics: [Diagnostic]
    ) {
        let analysis = analyze(path: path, bytes: bytes, rendering: nil)
        return (analysis.file, analysis.config, analysis.stacks, analysis.diagnostics)
    }

    /// What to render while the checks run: the config's path from the output folder (for
    /// each file's header) and the format.
    public struct RenderRequest: Sendable {
        public var configPath: String
        public var format: OutputFormat
        public init(configPath: String, format: OutputFormat) {
            self.configPath = configPath
            self.format = format
        }
    }

    /// `analyze`, rendering the templates as `rendering` asks at the same time as the
    /// cross-account and limit checks run (the two share nothing but the templates). `files`
    /// is nil when nothing was asked or the config has errors. `workingSet` holds what the
    /// checks built (every policy statement resolved): a process that exits next can keep it
    /// rather than spend time freeing it; anyone else just drops it.
    public static func analyze(path: String, bytes: [UInt8], rendering: RenderRequest?) -> (
        file: SourceFile, config: Config?, stacks: [StackTemplate], diagnostics: [Diagnostic],
        files: Result<[RenderedFile], InternalError>?, workingSet: (any Sendable)?
    ) {
        var (file, config, diagnostics) = ConfigLoader.load(path: path, bytes: bytes)
        var built: [StackTemplate] = []
        var files: Result<[RenderedFile], InternalError>?
        var workingSet: (any Sendable)?
        if let c = config {
            var more = check(c)
            // Only a config whose names are valid renders; then its templates must agree and
            // fit the services' limits.
            if !more.contains(where: { $0.severity == .error }) {
                let (stacks, found, rendered, working) = buildAndCheck(c, rendering: rendering)
                workingSet = working
                built = stacks
                more += found
                files = rendered
            }
            diagnostics = ConfigLoader.sorted(diagnostics + more)
            if more.contains(where: { $0.severity == .error }) {
                config = nil
                built = []
                files = nil
            }
        }
        return (file, config, built, diagnostics, files, workingSet)
    }

    /// Builds the templates and runs the checks that read them (cross-account consistency,
    /// limits), rendering them too when asked. Everything that concerns one template alone
    /// (building it, resolving its policies for the consistency check, its limits, its file)
    /// is one job, and the jobs run on every core; the checks across templates follow.
    private static func buildAndCheck(_ config: Config, rendering: RenderRequest?) -> (
        stacks: [StackTemplate], diagnostics: [Diagnostic], files: Result<[RenderedFile], InternalError>?, workingSet: any Sendable
    ) {
        struct Part: Sendable {
            var stack: StackTemplate
            var resolved: Consistency.ResolvedStack
            var limits: [Diagnostic]
            var file: (file: RenderedFile, problems: [String])?
        }
        let jobs = TemplateSet.Jobs(config)
        let limits = Limits(config: config, pipelines: pipelines(config))
        let output = rendering.map { (format: $0.format, header: GeneratedHeader.text(configPath: $0.configPath)) }
        let parts = Parallel.map(jobs.indices) { job in
            jobs.build(job).map { stack in
                Part(
                    stack: stack, resolved: Consistency.resolve(stack), limits: limits.check(stack),
                    file: output.map { Renderer.file(stack, header: $0.header, format: $0.format) })
            }
        }.flatMap { $0 }
        let stacks = parts.map(\.stack)
        let consistency = Consistency(config: config, stacks: stacks, resolved: parts.map(\.resolved))
        let diagnostics = consistency.run() + limits.pipelineChecks() + parts.flatMap(\.limits)
        var files: Result<[RenderedFile], InternalError>?
        if rendering != nil {
            var rendered: [RenderedFile] = []
            var problems: [String] = []
            rendered.reserveCapacity(parts.count)
            for part in parts {
                guard let file = part.file else { continue }
                rendered.append(file.file)
                problems += file.problems
            }
            files = problems.isEmpty ? .success(rendered) : .failure(InternalError(problems))
        }
        return (stacks, diagnostics, files, consistency)
    }

    /// The checks of derived names and limits for a decoded config.
    public static func check(_ config: Config) -> [Diagnostic] {
        NameChecks(config: config, names: Names(config)).run()
    }

    /// Every template of the config with its account, region and stack name, in deployment
    /// listing order (tooling first, then environments in route order).
    public static func stacks(_ config: Config) -> [StackTemplate] {
        TemplateSet.build(config)
    }

    /// Size problems of rendered template files (the one limit that depends on the format).
    public static func sizeDiagnostics(_ files: [RenderedFile]) -> [Diagnostic] {
        Limits.bodySizes(files)
    }

    /// The pipelines of the config: stages and actions, and which role each action assumes.
    public static func pipelines(_ config: Config) -> [PipelineSpec] {
        PipelinePlanner(config: config, model: AccessModel(config)).pipelines()
    }
}
