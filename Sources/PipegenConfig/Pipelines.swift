import YAMLKit

/// The kinds of pipeline pipegen generates, in the order configs list them and templates
/// hold them. A new kind is a case here and in `Pipeline`, a settings file in `Pipelines/`,
/// and its declaration in the kit (CONTRIBUTING.md, "Add a pipeline kind").
public enum PipelineKind: String, CaseIterable, Sendable {
    case containerBuild = "container-build"
    case infrastructure = "infrastructure-deployment"
    case containerDeployment = "container-deployment"

    /// The settings type that reads this kind's config keys.
    var settingsType: any DecodablePipeline.Type {
        switch self {
        case .containerBuild: return ContainerBuild.self
        case .infrastructure: return InfrastructureDeployment.self
        case .containerDeployment: return ContainerDeployment.self
        }
    }
}

/// The settings of one pipeline, as the config gives them.
public protocol PipelineSettings: Sendable {
    static var kind: PipelineKind { get }
    var source: Source { get }
    /// Where the pipeline's key was written, for messages about what it causes.
    var mark: Mark? { get }
    /// True when the pipeline pushes or pulls images of the tooling account's ECR repository.
    static var usesRegistry: Bool { get }
    /// True when an environment's integration tests may follow this pipeline's deployment.
    static var runsTests: Bool { get }
    /// True when the tests it runs may read the outputs of the stack it deployed.
    static var testsReadStackOutputs: Bool { get }
    /// The settings of the builds the config gives this pipeline, nil when it has none.
    var buildSettings: BuildSettings? { get }
}

extension PipelineSettings {
    public static var runsTests: Bool { false }
    public static var testsReadStackOutputs: Bool { false }
}

extension Config {
    /// The pipeline after whose deployment `env`'s integration tests run: the one its
    /// `after` names, else the first of the config's pipelines that runs tests; nil when the
    /// environment has no tests or the config no such pipeline.
    public func testsPipeline(of env: Environment) -> PipelineKind? {
        guard let tests = env.tests else { return nil }
        if let after = tests.after { return pipelines.kinds.contains(after.value) ? after.value : nil }
        return pipelines.all.first { type(of: $0.settings).runsTests }?.kind
    }
}

/// What the config module knows of a pipeline kind: its keys, how they are read, and the
/// checks of its settings against the rest of the config.
protocol DecodablePipeline: PipelineSettings {
    /// The keys of the pipeline's object, in documentation order.
    static var spec: ObjectSpec { get }
    /// One line for the `pipelines` object's key.
    static var summary: String { get }
    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline
    /// Checks that need the rest of the config (an environment setting the kind needs, ...).
    func check(_ config: Config, _ context: DecodeContext)
}

/// One pipeline of the config with its settings. Code that must handle every kind switches
/// over this enum, so a new kind does not compile until each place handles it.
public enum Pipeline: Sendable {
    case containerBuild(ContainerBuild)
    case infrastructure(InfrastructureDeployment)
    case containerDeployment(ContainerDeployment)

    /// The settings, with what the config module knows of their kind.
    var decodable: any DecodablePipeline {
        switch self {
        case .containerBuild(let s): return s
        case .infrastructure(let s): return s
        case .containerDeployment(let s): return s
        }
    }

    public var settings: any PipelineSettings { decodable }

    public var kind: PipelineKind { type(of: settings).kind }
    public var source: Source { settings.source }
    public var mark: Mark? { settings.mark }
}

/// The config's pipelines, in `PipelineKind` order, each kind at most once.
public struct Pipelines: Sendable {
    public let all: [Pipeline]

    public init(_ pipelines: [Pipeline] = []) {
        all = PipelineKind.allCases.compactMap { kind in pipelines.first { $0.kind == kind } }
    }

    public var isEmpty: Bool { all.isEmpty }
    /// True when a pipeline needs the ECR repository.
    public var usesRegistry: Bool { all.contains { type(of: $0.settings).usesRegistry } }
    public var kinds: [PipelineKind] { all.map(\.kind) }

    /// The settings of the pipeline of type `T`, when the config has one.
    public subscript<T: PipelineSettings>(_: T.Type) -> T? {
        all.lazy.compactMap { $0.settings as? T }.first
    }

    /// The `pipelines` object: one key per kind.
    static let spec = ObjectSpec(
        "pipelines", "the pipelines to generate; leave one out to not have it",
        keys: PipelineKind.allCases.map { kind in
            let type = kind.settingsType
            return KeySpec(kind.rawValue, .object(type.spec), type.summary)
        })
}

extension ConfigDecoder {
    func decodePipelines(_ r: ObjectReader) -> Pipelines {
        Pipelines(
            PipelineKind.allCases.compactMap { kind in
                r.object(kind.rawValue, owner: " in '\(kind.rawValue)'").map {
                    kind.settingsType.decode($0, at: r.keyMark(kind.rawValue), self)
                }
            })
    }
}
