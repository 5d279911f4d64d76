import PipegenConfig
import YAMLKit

/// `artifacts.existing` against the regions the tooling account keeps artifacts in
/// (`Topology`): each region it names is one of them, and when the home region's key is
/// brought every further region brings its own, since pipegen replicates only a multi-Region
/// key it creates.
struct ExistingArtifactChecks {
    let config: Config

    func run() -> [Diagnostic] {
        let stores = config.artifacts.existing
        guard !stores.isEmpty else { return [] }
        let topology = Topology(config)
        var out: [Diagnostic] = []
        let listed = topology.regions.map { "'\($0)'" }.joined(separator: ", ")
        for store in stores where !topology.regions.contains(store.region.value) {
            var notes: [Diagnostic.Note] = []
            if let guess = Suggest.closest(to: store.region.value, in: topology.regions) { notes.append(.help("did you mean '\(guess)'?")) }
            notes.append(.note("this config keeps artifacts in \(listed)"))
            out.append(.error("this config keeps no artifacts in '\(store.region.value)'", at: store.region.mark, notes: notes))
        }
        if let home = config.artifacts.existing(in: topology.homeRegion), let key = home.key {
            let missing = topology.furtherRegions.filter { config.artifacts.existing(in: $0)?.key == nil }
            if !missing.isEmpty {
                out.append(
                    .error(
                        "with the home region's key brought, every region that keeps artifacts needs its own key: \(missing.map { "'\($0)'" }.joined(separator: ", ")) has none",
                        at: key.mark,
                        notes: [
                            .note("pipegen replicates only the multi-Region key it creates"),
                            .help("give a 'key' for each of those regions under 'existing', or let pipegen create the home region's key"),
                        ]))
            }
        }
        return out
    }
}
