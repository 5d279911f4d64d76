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
        let declarations = config.declarations
        for region in topology.regions { check(names.artifactBucket(region: region), Self.bucket) }
        check(names.toolingStack, Self.stack)
        for region in topology.furtherRegions { check(names.toolingStack(region: region), Self.stack) }
        for kind in config.pipelines.kinds {
            check(names.pipeline(kind), Self.pipeline)
            check(names.pipelineRole(kind), Self.role)
            check(names.eventsRole(kind), Self.role)
            check(names.pushRule(kind), Self.rule)
        }
        for d in declarations {
            for derived in d.toolingNames(names) { check(derived.name, derived.rule, source: derived.source) }
        }
        if let n = config.notifications {
            check(names.notificationsTopic, Self.topic)
            for event in n.events { check(names.notificationRule(event), Self.rule) }
        }
        // Sources without a connection ARN get a connection the tooling template creates.
        for d in declarations where !d.source.isCodeCommit && d.source.connection == nil {
            check(names.connection(d.source.provider.value.rawValue), Self.connection)
        }
        let gitflow = declarations.filter { $0.source.pullRequestFrom != nil }.map(\.kind)
        for kind in gitflow { check(names.gitflowRule(kind), Self.rule) }
        if !gitflow.isEmpty {
            check(names.gitflowFunction, Self.function)
            check(names.gitflowRole, Self.role)
        }
        let model = AccessModel(config)
        for build in ToolingBuilder(config, model: model, topology: topology).builds {
            check(names.buildProject(build.kind), Self.project)
            for variant in build.variants { check(names.buildProject(build.kind, variant: variant.key), Self.project) }
            check(names.buildRole(build.kind), Self.role)
        }
        out += identifierClashes()
        for env in config.environments {
            let e = env.name.value
            for role in model.roles(in: e) { check(role.name, Self.role, env: env) }
            for d in declarations {
                for kind in d.serviceRoleKinds { check(names.environmentRole(kind, env: e), Self.role, env: env) }
            }
            check(names.environmentStack(e), Self.stack, env: env)
            for region in env.regions.dropFirst() { check(names.environmentStack(e, region: region.value), Self.stack, env: env) }
            for d in declarations {
                for derived in d.environmentNames(env, names) { check(derived.name, derived.rule, env: env, source: derived.source) }
            }
            check(names.approvalTopic(e), Self.topic, env: env)
        }
        for d in declarations { out += d.nameProblems(config, names) }
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

    /// `[A-Za-z][-A-Za-z0-9]*`.
    static func isStackName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}
