import PipegenConfig
import PipegenKit

extension RemovalReport {
    /// The report for what `plan` finds in the output folder: its stale files and the old
    /// bytes of its changed ones, against what `valid` renders. `folder` is the output folder
    /// as the user typed it.
    init(_ valid: ValidConfig, plan: OutputPlan, folder: String) {
        var old: [(name: String, bytes: [UInt8])] = []
        var unchanged: Set<String> = []
        for (file, action) in plan.files {
            switch action {
            case .update(let bytes): old.append((file.name, bytes))
            case .unchanged: unchanged.insert(file.name)
            case .create: break
            }
        }
        old += plan.stale.map { ($0.name, $0.old) }
        self.init(valid, rendered: plan.files.map(\.file), old: old, unchanged: unchanged, folder: folder)
    }

    /// The file `stale` is replaced by (the same stack under another name or format), if any.
    func replacement(of stale: String) -> String? {
        replacements.first { $0.old == stale }?.new
    }
}
