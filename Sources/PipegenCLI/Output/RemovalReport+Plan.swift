import PipegenConfig
import PipegenKit

extension RemovalReport {
    /// The report for what `plan` finds in the output folder: its stale files, and the files
    /// whose new version deploys elsewhere.
    init(config: Config, plan: OutputPlan) {
        var replaced: [(name: String, old: [UInt8], new: String)] = []
        for (file, action) in plan.files {
            if case .update(let old) = action { replaced.append((file.name, old, file.contents)) }
        }
        self.init(config: config, stale: plan.stale.map { ($0.name, $0.old) }, replaced: replaced)
    }
}
