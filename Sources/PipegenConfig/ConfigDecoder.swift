import YAMLKit

/// Turns the root node of a config into a `Config`, reporting every problem it finds.
struct ConfigDecoder {
    let context: DecodeContext

    /// More environments than any tooling account's key and bucket policies can name.
    static let maxEnvironments = 1000

    func decode(_ root: Node) -> Config? {
        guard let r = ObjectReader(root, spec: ConfigSchema.root, owner: "", context: context, what: "the config")
        else { return nil }
        if let requirement = r.string(ConfigSchema.pipegenVersion.name), !checkVersion(requirement) {
            // Written for a pipegen this is not: its other keys may mean something else here.
            return nil
        }
        let project = r.string("project")
        let tooling = r.object("tooling", owner: " in 'tooling'").flatMap(decodeTooling)
        var environments = DecodedEnvironments()
        if let n = r.node("environments"), case .sequence(let items) = n.kind, items.count > ConfigDecoder.maxEnvironments {
            // Refused before any per-environment work: no AWS account could hold the
            // policies of such a route, and a huge file must not take minutes to say so.
            context.error(
                "\(items.count) environments; pipegen supports at most \(ConfigDecoder.maxEnvironments)", at: n.mark,
                notes: [.help("split the route across several configs; the key and bucket policies of one tooling account cannot name more accounts")])
            context.complete.environments = false
        } else if let items = r.list("environments") {
            environments = decodeEnvironments(items, toolingRegion: tooling?.region)
            context.complete.environments = environments.complete.count == items.count
        } else {
            context.complete.environments = false
        }
        var registry = Registry()
        if let reg = r.object("registry", owner: " in 'registry'") {
            registry = Registry(
                repository: reg.located(Registry.Keys.repository), keepImages: reg.read(Registry.Keys.keepImages),
                scanOnPush: reg.read(Registry.Keys.scanOnPush))
            if let pullFrom = reg.choice(Registry.Keys.pullFrom) { registry.pullFrom = pullFrom }
        }
        var artifacts = Artifacts()
        if let a = r.object("artifacts", owner: " in 'artifacts'") {
            artifacts.noncurrentDays = a.read(Artifacts.Keys.noncurrentDays)
            if let n = a.node(Artifacts.Keys.expireDays.name), let days = a.int(Artifacts.Keys.expireDays.name) {
                artifacts.expireDays = Located(days, at: n.mark)
            }
            if let n = a.node(ExistingArtifactStore.key.name) { artifacts.existing = decodeExistingStores(n, tooling: tooling) }
        }
        let retention = r.read(ConfigSchema.logRetentionDays)
        let builds = r.object("builds", owner: " in 'builds'").map { decodeBuildOverrides($0) } ?? BuildOverrides()
        let pipelines = decodePipelineKey(r)
        let notifications = r.object("notifications", owner: " in 'notifications'").flatMap {
            decodeNotifications($0, at: r.keyMark("notifications"))
        }
        let tags = r.node("tags").map { decodeTags($0, owner: "") } ?? []
        let boundary = r.node("permissions-boundary").flatMap { decodeBoundary($0, at: r.keyMark("permissions-boundary")) }
        let roles = r.node("roles").map(decodeRoles) ?? []
        let approvers = r.node("approvers").flatMap { decodeApprovers($0, at: r.keyMark("approvers")) }
        let operations = r.object("operations", owner: " in 'operations'").map(decodeOperations) ?? Operations()
        let output = r.object("output", owner: " in 'output'").map(decodeOutput) ?? OutputSettings()

        let overrides = r.list("overrides").map(decodeOverrides) ?? []
        // The checks across values run on what decoded, however much that is, so that one run
        // reports every mistake; each leaves out what did not decode (its error is reported).
        let checks = SemanticChecks(context: context)
        checks.checkNames(environments.names)
        guard let tooling else { return nil }
        context.complete.project = project != nil
        var config = Config(
            project: project ?? Located("", at: nil), tooling: tooling, environments: environments.complete,
            registry: registry, artifacts: artifacts, logRetentionDays: retention, pipelines: pipelines)
        config.notifications = notifications
        config.builds = builds
        config.tags = tags
        config.permissionsBoundary = boundary
        config.roleStatements = roles
        config.approvers = approvers
        config.operations = operations
        config.output = output
        config.environmentsMark = r.keyMark("environments")
        config.overrides = overrides
        let runners = config.environments.map(config.testsPipeline(of:))
        for (i, runner) in runners.enumerated() { config.environments[i].tests?.pipeline = runner }
        checks.run(config, decoded: environments.all)
        PartitionChecks(context: context).run(config)
        FeatureChecks(context: context).run(config)
        // Approvers and the boundary's account are checked against every environment.
        if context.complete.environments { GovernanceChecks(context: context).run(config) }
        guard project != nil, !environments.complete.isEmpty, !hasErrors else { return nil }
        return config
    }

    /// The `pipelines` object; `context.complete.pipelines` says whether every pipeline it
    /// names decoded to its settings.
    private func decodePipelineKey(_ r: ObjectReader) -> Pipelines {
        guard r.has("pipelines") else { return Pipelines() }
        let (reader, readable) = context.completely { r.object("pipelines", owner: " in 'pipelines'") }
        guard let reader else {
            context.complete.pipelines = false
            return Pipelines()
        }
        let pipelines = decodePipelines(reader)
        let named = PipelineKind.allCases.filter { reader.has($0.rawValue) }.count
        context.complete.pipelines = readable && pipelines.all.count == named
        return pipelines
    }

    /// Whether this pipegen is one the config's `pipegen-version` accepts; reports why not.
    private func checkVersion(_ text: Located<String>) -> Bool {
        switch VersionRequirement.parse(text.value) {
        case .failure(.noOperator(let clause)):
            context.error(
                "'\(clause)' in 'pipegen-version' has no comparison", at: text.mark,
                notes: [.help("write '>= \(clause)' for this version or later")])
            return false
        case .failure(.malformed(let clause)):
            context.error(
                "'\(clause)' is not a version requirement", at: text.mark,
                notes: [.help("write a comparison and a version, such as '>= 0.2.0', or several separated by commas: '>= 0.2, < 1.0'")])
            return false
        case .success(let requirement):
            guard requirement.isSatisfied(by: PipegenVersion.current) else {
                context.error(
                    "this config needs pipegen \(requirement); this is pipegen \(PipegenVersion.current)", at: text.mark,
                    notes: [.help("install a pipegen version that matches (see docs/INSTALL.md), then run it again")])
                return false
            }
            return true
        }
    }

    private var hasErrors: Bool { context.diagnostics.contains { $0.severity == .error } }

    private func decodeTooling(_ r: ObjectReader) -> Tooling? {
        // Both read before either is judged: each reports its own mistake.
        let account = r.string("account")
        let region = r.string("region")
        guard let account, let region else { return nil }
        return Tooling(account: account, region: region)
    }

    private func decodeEnvironments(_ items: [Node], toolingRegion: Located<String>?) -> DecodedEnvironments {
        var out = DecodedEnvironments()
        for item in items {
            let (env, complete) = context.completely { decodeEnvironment(item, toolingRegion: toolingRegion, names: &out.names) }
            guard let env else { continue }
            out.all.append(env)
            if complete { out.complete.append(env) }
        }
        return out
    }

    /// One item of `environments`; its name, when that decoded, is added to `names`. Every key
    /// is read, whatever failed before it, so that each reports its own mistake.
    private func decodeEnvironment(_ item: Node, toolingRegion: Located<String>?, names: inout [Located<String>]) -> Environment? {
        // The name first, so every other message can say which environment it is about.
        let label = environmentName(item).map { " in environment \(DisplayText.quoted($0))" } ?? " in an environment"
        guard
            let r = ObjectReader(item, spec: ConfigSchema.environment, owner: label, context: context, what: "an environment")
        else { return nil }
        let name = r.string("name")
        if let name { names.append(name) }
        let account = r.string("account")
        var regions: [Located<String>] = []
        if r.has("region"), r.has("regions") {
            context.error(
                "use either 'region' or 'regions'\(label), not both", at: r.keyMark("regions"),
                notes: [.note("'region' given here", at: r.keyMark("region"))])
        } else if r.has("region") {
            regions = r.string("region").map { [$0] } ?? []
        } else if r.has("regions") {
            regions = r.strings("regions") ?? []
        } else if let toolingRegion {
            regions = [Located(toolingRegion.value, at: nil)]
        }
        var approval: Approval?
        if let n = r.node("approval") { approval = decodeApproval(n, label: label) }
        let ecs = r.object("ecs", owner: label).flatMap {
            decodeECS($0, environment: name?.value, account: account?.value, regions: regions.map(\.value))
        }
        let parallelRegions = r.read(Environment.Keys.parallelRegions)
        let deployMode = r.read(Environment.Keys.deploy)
        let rollback = r.read(Environment.Keys.rollback)
        let wave = r.string("wave")
        let testsOwner = name.map { " in 'tests' of environment '\($0.value)'" } ?? " in 'tests'\(label)"
        let tests = r.object("tests", owner: testsOwner).flatMap { decodeTests($0, at: r.keyMark("tests")) }
        let tags = r.node("tags").map { decodeTags($0, owner: name.map { " of environment '\($0.value)'" } ?? label) } ?? []
        guard let name, let account, !regions.isEmpty else { return nil }
        var env = Environment(name: name, account: account, regions: regions, approval: approval, ecs: ecs, mark: item.mark)
        env.parallelRegions = parallelRegions
        env.deployMode = deployMode
        env.rollback = rollback
        env.wave = wave
        env.tests = tests
        env.tags = tags
        return env
    }

    private func decodeTests(_ r: ObjectReader, at mark: Mark?) -> IntegrationTests? {
        let command = r.string("command")
        var variables: [(name: String, output: String)] = []
        if let n = r.node("variables") {
            guard let pairs = context.entries(n, what: "'variables'\(r.owner)", expected: "a mapping of names to stack output names") else {
                return nil
            }
            for pair in pairs {
                guard let name = pair.key.scalar?.text, let output = context.string(pair.value, .string(.text), what: "'\(pair.key.scalar?.text ?? "")'\(r.owner)") else { continue }
                if !StringRules.isVariableName(name) {
                    context.error(
                        "'\(name)' is not an environment variable name", at: pair.key.mark,
                        notes: [.help("use letters, digits and '_', not starting with a digit, such as API_URL")])
                    continue
                }
                variables.append((name, output.value))
            }
        }
        // Every key is read (and reports its mistake) before a missing command ends the tests.
        let after = r.string("after").flatMap { a in PipelineKind(rawValue: a.value).map { Located($0, at: a.mark) } }
        let readOnlyRole = r.read(IntegrationTests.Keys.readOnlyRole)
        let reports = r.read(IntegrationTests.Keys.reports)
        guard let command else { return nil }
        return IntegrationTests(
            command: command.value, variables: variables, after: after, readOnlyRole: readOnlyRole, reports: reports,
            mark: mark, variablesMark: r.keyMark("variables"))
    }

    private func environmentName(_ item: Node) -> String? {
        guard case .mapping(let pairs) = item.kind else { return nil }
        return pairs.first { $0.key.scalar?.text == "name" }?.value.scalar?.text
    }

    private func decodeApproval(_ n: Node, label: String) -> Approval? {
        if case .mapping = n.kind {
            guard
                let a = ObjectReader(n, spec: ConfigSchema.approval, owner: label, context: context, what: "'approval'\(label)")
            else { return nil }
            let comment = a.string("comment")
            return Approval(notify: a.strings("notify")?.map(\.value) ?? [], comment: comment?.value, commentMark: comment?.mark)
        }
        return context.bool(n, what: "'approval'\(label)") == true ? Approval() : nil
    }

    private func decodeECS(_ r: ObjectReader, environment: String?, account: String?, regions: [String]) -> ECSTarget? {
        let cluster = r.node("cluster").flatMap { valueSource($0, "'cluster'\(r.owner)") }
        let service = r.node("service").flatMap { valueSource($0, "'service'\(r.owner)") }
        let listener = r.node("listener").flatMap { valueSource($0, "'listener'\(r.owner)") }
        let testListener = r.node("test-listener").flatMap { valueSource($0, "'test-listener'\(r.owner)") }
        let groups = targetGroups(r)
        let regional = r.node("regions").map { decodeRegionalECS($0, owner: r.owner, environment: environment, regions: regions) } ?? []
        if let environment, let account, !regions.isEmpty {
            let target = ECSTargetCheck(context: context, environment: environment, account: account, regions: regions)
            for key in ["listener", "test-listener"] {
                target.checkOneRegionEach(key, shared: r.node(key), overrides: regional.compactMap { o in o.nodes[key].map { (o.target.region, $0) } })
            }
            for nodes in [Self.nameNodes(r)] + regional.map(\.names) {
                for (key, node) in nodes { target.checkName(key, node) }
            }
        }
        let blueGreen = BlueGreenOverrides.decode(r)
        guard let cluster, let service, let listener, let groups else { return nil }
        return ECSTarget(
            cluster: cluster, service: service, listener: listener, testListener: testListener, targetGroups: groups,
            regions: regional.map(\.target), blueGreen: blueGreen)
    }

    /// The nodes of the values that name a resource (cluster, service, target groups), in order.
    private static func nameNodes(_ r: ObjectReader) -> [(String, Node)] {
        var out: [(String, Node)] = []
        for key in ["cluster", "service"] { if let n = r.node(key) { out.append((key, n)) } }
        if let n = r.node("target-groups"), case .sequence(let items) = n.kind { out += items.map { ("target group", $0) } }
        return out
    }

    /// The two target groups of `target-groups`; nil when absent or not two.
    private func targetGroups(_ r: ObjectReader) -> [ValueSource]? {
        guard r.has("target-groups") else { return nil }
        let groups = (r.list("target-groups") ?? []).compactMap { valueSource($0, "a target group\(r.owner)") }
        if let n = r.node("target-groups"), case .sequence(let items) = n.kind, items.count > 2 {
            context.error("blue/green needs exactly 2 target groups\(r.owner), found \(items.count)", at: n.mark)
        }
        return groups.count == 2 ? groups : nil
    }

    /// `ecs.regions`: region name → the values that differ there, each region one of the
    /// environment's, with the nodes of what it gives (for messages).
    private func decodeRegionalECS(_ n: Node, owner: String, environment: String?, regions: [String])
        -> [(target: RegionalECSTarget, nodes: [String: Node], names: [(String, Node)])]
    {
        guard let pairs = context.entries(n, what: "'regions'\(owner)", expected: "a mapping of region names to ECS values") else {
            return []
        }
        var out: [(target: RegionalECSTarget, nodes: [String: Node], names: [(String, Node)])] = []
        for pair in pairs {
            guard let region = context.string(pair.key, .string(.region), what: "a region of 'regions'\(owner)") else { continue }
            if let environment, !regions.isEmpty, !regions.contains(region.value) {
                var notes: [Diagnostic.Note] = []
                if let guess = Suggest.closest(to: region.value, in: regions) { notes.append(.help("did you mean '\(guess)'?")) }
                notes.append(.note("environment '\(environment)' deploys to \(regions.map { "'\($0)'" }.joined(separator: ", "))"))
                context.error("environment '\(environment)' does not deploy to '\(region.value)'", at: pair.key.mark, notes: notes)
                continue
            }
            if out.contains(where: { $0.target.region == region.value }) {
                context.error("duplicate region '\(region.value)' in 'regions'\(owner)", at: pair.key.mark)
                continue
            }
            let inRegion = " in region '\(region.value)' of 'ecs'\(owner)"
            guard let r = ObjectReader(pair.value, spec: ConfigSchema.regionalECS, owner: inRegion, context: context, what: "'\(region.value)'\(owner)")
            else { continue }
            var target = RegionalECSTarget(region: region.value)
            target.cluster = r.node("cluster").flatMap { valueSource($0, "'cluster'\(inRegion)") }
            target.service = r.node("service").flatMap { valueSource($0, "'service'\(inRegion)") }
            target.listener = r.node("listener").flatMap { valueSource($0, "'listener'\(inRegion)") }
            target.testListener = r.node("test-listener").flatMap { valueSource($0, "'test-listener'\(inRegion)") }
            target.targetGroups = targetGroups(r)
            var nodes: [String: Node] = [:]
            for key in ["listener", "test-listener"] { nodes[key] = r.node(key) }
            out.append((target, nodes, Self.nameNodes(r)))
        }
        return out
    }

    /// `name` or `{import: export-name}`.
    private func valueSource(_ n: Node, _ what: String) -> ValueSource? {
        if case .mapping = n.kind {
            guard case .either(let options) = ConfigSchema.valueSource, case .object(let spec) = options[1],
                let r = ObjectReader(n, spec: spec, owner: "", context: context, what: what),
                let name = r.string("import")
            else { return nil }
            return .importValue(name.value)
        }
        return context.string(n, .string(.text), what: what).map { .literal($0.value) }
    }
}

/// The items of `environments` as far as they decoded.
struct DecodedEnvironments {
    /// Every environment with a name, an account and a region.
    var all: [Environment] = []
    /// Those that decoded without an error: the checks across values look only at these.
    var complete: [Environment] = []
    /// The name of every item whose name decoded, for the checks of names alone.
    var names: [Located<String>] = []
}

/// Which parts of a config decoded completely, for checks that would otherwise report what an
/// earlier error caused: a missing pipeline reads as no pipeline, an environment that did not
/// decode as no environment.
struct Completeness {
    /// `project` decoded.
    var project = true
    /// Every item of `environments` decoded without an error.
    var environments = true
    /// Every pipeline under `pipelines` decoded to its settings.
    var pipelines = true
}
