import CloudFormation
import PipegenConfig
import YAMLKit

/// One template and where it goes: which account and region, under which stack name.
public struct StackTemplate: Sendable {
    public enum Owner: Sendable, Hashable {
        case tooling
        case environment(String)
    }

    /// File name without extension: `tooling`, `tooling-us-east-1`, `dev`, `dev-us-east-1`.
    public var name: String
    public var owner: Owner
    public var account: String
    public var region: String
    public var stackName: String
    public var template: Template
    /// Set when the stack needs what a pipeline's first run creates: it is deployed after
    /// that run, not with the stacks the pipelines need.
    public var gate: StackGate? = nil
    /// The stack's own tags (`--tags` of its deploy command), the same as its resources'.
    public var tags: [StackTag] = []
}

/// A tag of a stack: the config's, in the order the config gives them.
public struct StackTag: Sendable, Hashable {
    public var key: String
    public var value: String
}

/// What a stack needs that the first run of a pipeline creates (an environment's ECS service,
/// made by the application's own template), so `pipegen plan` deploys it after that run.
public struct StackGate: Sendable, Hashable {
    /// The pipeline whose first run creates it.
    public var pipeline: PipelineKind
    /// What the stack needs, for the plan: "the ECS service ...".
    public var needs: String

    public init(pipeline: PipelineKind, needs: String) {
        self.pipeline = pipeline
        self.needs = needs
    }
}

/// Every template of a config, with its account, region and stack name, in a fixed order:
/// tooling first, then the environments in route-to-live order, home region before further
/// regions. The third stage's result, made by `build`.
public struct StackSet: Sendable {
    public let stacks: [StackTemplate]
    /// The artifact keys and buckets the config brings: in no template, but the checks and
    /// the plan read their policies.
    public let existing: [ExistingResource]

    init(stacks: [StackTemplate], existing: [ExistingResource] = []) {
        self.stacks = stacks
        self.existing = existing
    }

    /// Builds the templates, one job per account (the tooling account's, the largest, first)
    /// on every core; joined in job order, so the result never depends on scheduling.
    public static func build(_ config: Config) -> StackSet {
        let model = AccessModel(config)
        let topology = Topology(config)
        let jobs = Array(0...config.environments.count)
        let built = Parallel.map(jobs) { job in
            job == 0
                ? tooling(config, model: model, topology: topology)
                : environment(config.environments[job - 1], config, model: model)
        }
        // Only a config that brings a key or bucket pays for a second look at the tooling account.
        let existing =
            config.artifacts.existing.isEmpty ? [] : ToolingBuilder(config, model: model, topology: topology).existingResources
        return StackSet(stacks: Governance.apply(config, model.names, to: built.flatMap { $0 }), existing: existing)
    }

    /// The stack of the template named `name` (`tooling`, `dev-us-east-1`).
    public func stack(_ name: String) -> StackTemplate? { stacks.first { $0.name == name } }

    static func tooling(_ config: Config, model: AccessModel, topology: Topology) -> [StackTemplate] {
        let names = model.names
        let tooling = ToolingBuilder(config, model: model, topology: topology)
        var out = [
            StackTemplate(
                name: "tooling", owner: .tooling, account: names.toolingAccount, region: topology.homeRegion,
                stackName: names.toolingStack, template: tooling.build())
        ]
        for region in topology.furtherRegions {
            if let bucket = tooling.buildBucket(region: region) {
                out.append(
                    StackTemplate(
                        name: "tooling-\(region)-bucket", owner: .tooling, account: names.toolingAccount, region: region,
                        stackName: names.toolingBucketStack(region: region), template: bucket))
            }
            if let key = tooling.build(region: region) {
                out.append(
                    StackTemplate(
                        name: "tooling-\(region)", owner: .tooling, account: names.toolingAccount, region: region,
                        stackName: names.toolingStack(region: region), template: key))
            }
        }
        return out
    }

    static func environment(_ env: Environment, _ config: Config, model: AccessModel) -> [StackTemplate] {
        let names = model.names
        let builder = EnvironmentBuilder(config: config, env: env, model: model)
        let e = env.name.value
        var out: [StackTemplate] = []
        if let t = builder.build() {
            out.append(
                StackTemplate(
                    name: e, owner: .environment(e), account: env.account.value, region: env.homeRegion,
                    stackName: names.environmentStack(e), template: t))
        }
        for region in env.regions.dropFirst().map(\.value) {
            if let t = builder.build(region: region) {
                out.append(
                    StackTemplate(
                        name: "\(e)-\(region)", owner: .environment(e), account: env.account.value, region: region,
                        stackName: names.environmentStack(e, region: region), template: t))
            }
        }
        for declaration in builder.declarations {
            for own in declaration.environmentStacks(builder) {
                let further = own.region == env.homeRegion ? nil : own.region
                out.append(
                    StackTemplate(
                        name: [e, own.part, further].compactMap { $0 }.joined(separator: "-"), owner: .environment(e),
                        account: env.account.value, region: own.region,
                        stackName: names.environmentStack(e, part: own.part, region: further), template: own.template, gate: own.gate))
            }
        }
        return out
    }
}
