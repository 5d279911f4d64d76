import PipegenConfig

/// Which regions the tooling account serves. The home region holds the pipelines and the
/// primary artifact key; every other region an action runs in gets an artifact bucket and a
/// replica of the key, because CodePipeline and Lambda read artifacts from a bucket in the
/// action's own region.
public struct Topology: Sendable {
    public let homeRegion: String
    /// The home region first, then each further region in route order.
    public let regions: [String]

    public init(_ config: Config) {
        homeRegion = config.tooling.region.value
        var regions = [homeRegion]
        if config.declarations.contains(where: \.deploysToEnvironments) {
            for env in config.environments {
                for region in env.regions where !regions.contains(region.value) { regions.append(region.value) }
            }
        }
        self.regions = regions
    }

    /// True when the artifact key must be a multi-Region key with replicas.
    public var isMultiRegion: Bool { regions.count > 1 }

    /// The regions other than home, each with its own `tooling-<region>` template.
    public var furtherRegions: [String] { Array(regions.dropFirst()) }
}
