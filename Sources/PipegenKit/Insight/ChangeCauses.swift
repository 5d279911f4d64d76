import CloudFormation
import PipegenConfig
import YAMLKit

/// Maps a new or widened grant back to the config line that makes it. The old config is gone,
/// so what is new is read from the old templates: an environment whose stack did not deploy
/// before is new, and so is a region it now deploys to. Then, in order:
/// - a grant in an environment's template: its `- name:` line, unless every environment's
///   template changes alike (then a pipeline's setting did: see `ChangeDiffer.shared`);
/// - a grant naming a new environment's roles or account, a new region, or an environment's
///   approval topic: that environment;
/// - a grant of a pipeline's tooling role, build, rule, or naming a role kind only one
///   pipeline creates (`lambda-update`): the pipeline's key;
/// - the image repository: `registry.repository`; the notifications topic: `notifications`;
/// - anything else: the tooling account.
struct ChangeCauses {
    private struct Environment {
        let name: String
        let account: String
        let rolePrefix: String
        /// Its approval topic, which only its `approval` makes.
        let approvalTopic: String
        let isNew: Bool
        let cause: ConfigCause?
    }

    private let environments: [Environment]
    /// Regions some environment deploys to that no old stack did, and that environment.
    private let newRegions: [(region: String, cause: ConfigCause?)]
    /// What names a pipeline's resources and roles, and its cause.
    private let pipelines: [(names: [String], roleKinds: [String], cause: ConfigCause?)]
    private let registry: (name: String, cause: ConfigCause?)?
    private let notifications: (topic: String, cause: ConfigCause?)?
    private let tooling: ConfigCause?

    /// The causes in `valid`'s config, with `oldPlaces` where the old templates deployed.
    init(_ valid: ValidConfig, oldPlaces: Set<StackPlace>) {
        let config = valid.config
        let names = Names(config)
        func cause(_ mark: Mark?, _ what: String) -> ConfigCause? {
            mark.map { ConfigCause(line: $0.line, column: $0.column, what: what) }
        }
        var newRegions: [(region: String, cause: ConfigCause?)] = []
        let oldRegions = Set(oldPlaces.map(\.region))
        environments = config.environments.map { env in
            let e = env.name.value
            let stacks = valid.stacks.stacks.filter { $0.owner == .environment(e) }
            let isNew =
                stacks.first.map {
                    !oldPlaces.contains(StackPlace(account: $0.account, region: $0.region, stackName: $0.stackName))
                } ?? false
            let envCause = cause(env.mark, "environment '\(e)'")
            for region in env.regions.map(\.value)
            where !oldRegions.contains(region) && !newRegions.contains(where: { $0.region == region }) {
                newRegions.append((region, envCause))
            }
            return Environment(
                name: e, account: env.account.value, rolePrefix: "\(names.project)-\(e)-",
                approvalTopic: names.approvalTopic(e), isNew: isNew,
                cause: envCause)
        }
        self.newRegions = newRegions
        let specs = Pipegen.pipelines(config)
        let declarations = config.declarations
        pipelines = config.pipelines.all.map { pipeline in
            let kind = pipeline.kind
            var owned = [
                names.pipelineRole(kind), names.eventsRole(kind), names.pushRule(kind), names.gitflowRule(kind),
            ]
            for spec in specs where spec.kind == kind {
                for action in spec.stages.flatMap(\.actions) {
                    if case .build(let build, _) = action.kind {
                        owned += [names.buildRole(build), names.buildProject(build)]
                    }
                }
            }
            owned.append(names.pipeline(kind))
            // Role kinds no other pipeline of the config also creates.
            let mine = declarations.filter { $0.kind == kind }.flatMap(\.roleKinds).map(\.rawValue)
            let others = declarations.filter { $0.kind != kind }.flatMap(\.roleKinds).map(\.rawValue)
            return (owned, mine.filter { !others.contains($0) }, cause(pipeline.mark, "pipeline '\(kind.rawValue)'"))
        }
        registry = config.registry.repository.map { (names.registryName, cause($0.mark, "registry repository")) }
        notifications = config.notifications.map { (names.notificationsTopic, cause($0.mark, "notifications")) }
        tooling = cause(config.tooling.account.mark, "tooling account")
    }

    /// The cause of a new or widened grant in a stack of `owner`.
    func cause(of change: PermissionChange, owner: StackTemplate.Owner?) -> ConfigCause? {
        if case .environment(let e)? = owner {
            return environments.first { $0.name == e }?.cause
        }
        let added = change.details.filter { $0.added && $0.direction != .narrows }.map(\.text)
        func names(_ fragment: String) -> Bool { added.contains { $0.contains(fragment) } }
        for env in environments where env.isNew && (names(env.rolePrefix) || names(":\(env.account):")) {
            return env.cause
        }
        for env in environments where names(":\(env.approvalTopic)") || Self.ends(change.holder, env.approvalTopic) {
            return env.cause
        }
        for (region, cause) in newRegions
        where change.place.region == region || names(":\(region):") || names("-\(region)") {
            return cause
        }
        let holder = change.holder
        if let registry,
            Self.ends(holder, registry.name) || added.contains(where: { $0.hasSuffix(":repository/\(registry.name)") })
        {
            return registry.cause
        }
        // The longest name first: `shop-container-deployment-role` before `shop-container-deployment`.
        var best: (length: Int, cause: ConfigCause?)?
        for pipeline in pipelines {
            for name in pipeline.names where Self.ends(holder, name) && name.count > (best?.length ?? 0) {
                best = (name.count, pipeline.cause)
            }
        }
        if let best { return best.cause }
        for pipeline in pipelines where pipeline.roleKinds.contains(where: { names("-\($0)") }) {
            return pipeline.cause
        }
        if let notifications, Self.ends(holder, notifications.topic) { return notifications.cause }
        return tooling
    }

    /// The cause of a change that every environment's template makes alike (so a pipeline's
    /// setting, not one environment, causes it): the pipeline that creates the role `holder`
    /// names (`role shop-dev-cfn-exec`); nil when no single pipeline does, or an environment is new.
    func sharedCause(of holder: String, environments names: [String]) -> ConfigCause? {
        guard names.count == environments.count, names.count > 1, !environments.contains(where: \.isNew) else { return nil }
        for env in environments where holder.hasPrefix("role " + env.rolePrefix) {
            let kind = String(holder.dropFirst(5 + env.rolePrefix.count))
            return pipelines.first { $0.roleKinds.contains(kind) }?.cause
        }
        return nil
    }

    /// The environment whose `- name:` line is `cause`, if any.
    func environment(of cause: ConfigCause?) -> String? {
        environments.first { $0.cause == cause && cause != nil }?.name
    }

    /// `text` with an environment's name and account made generic, to compare the same change
    /// across environments.
    func generic(_ text: String, environment name: String) -> String {
        guard let env = environments.first(where: { $0.name == name }) else { return text }
        return text.replacing(env.rolePrefix, with: "{env}-").replacing(env.account, with: "{account}")
    }

    /// Whether `holder` (`role shop-x-role`, `topic arn:...:shop-x`) ends with the name `name`.
    private static func ends(_ holder: String, _ name: String) -> Bool {
        holder.hasSuffix(" \(name)") || holder.hasSuffix(":\(name)") || holder.hasSuffix("/\(name)")
    }
}
