/// The keys of docs/CUSTOMIZING.md: where deployments pull images from, an artifact key or
/// bucket the team brings, and overrides of the generated templates.
extension ConfigGenerator {
    /// `pairs` (the root's keys) with `registry.pull-from`, `artifacts.existing` and
    /// `overrides` added by chance.
    func customize(_ plan: Plan, _ pairs: inout [(String, ConfigTree?)]) {
        if plan.containerDeployment, chance(0.3) {
            let pullFrom = ConfigTree.string(chance(0.7) ? "environment" : "tooling")
            if let i = pairs.firstIndex(where: { $0.0 == "registry" }), case .map(var fields)? = pairs[i].1 {
                fields.append(("pull-from", pullFrom))
                pairs[i].1 = .map(fields)
            } else {
                pairs.append(("registry", .map([("pull-from", pullFrom)])))
            }
        }
        if chance(0.15) {
            // The home region's; its key only when no environment needs a further region's.
            let onlyHome = plan.environments.allSatisfy { $0.regions == [plan.toolingRegion] }
            let key = ConfigTree.string(
                "arn:\(plan.partition):kms:\(plan.toolingRegion):\(plan.tooling):key/1234abcd-12ab-34cd-56ef-1234567890ab")
            let bucket = ConfigTree.string(pick(["\(plan.project)-artifacts", "team-artifacts.\(plan.toolingRegion)", "arn:\(plan.partition):s3:::ci-store"]))
            let store: [(String, ConfigTree?)] = onlyHome && chance(0.5) ? [("key", key), ("bucket", maybe(0.5, bucket))] : [("bucket", bucket)]
            let existing = ConfigTree.map([(plan.toolingRegion, map(store))])
            if let i = pairs.firstIndex(where: { $0.0 == "artifacts" }), case .map(var fields)? = pairs[i].1 {
                fields.append(("existing", existing))
                pairs[i].1 = .map(fields)
            } else {
                pairs.append(("artifacts", .map([("existing", existing)])))
            }
        }
        if plan.containerBuild, chance(0.2) {
            let set = map([
                ("Properties.TimeoutInMinutes", maybe(0.7, .int(pick([5, 60, 480])))),
                ("Metadata.Owner", .string("platform-team")),
            ])
            pairs.append(
                (
                    "overrides",
                    .list([
                        map([
                            ("template", .string("tooling")), ("resource", .string("ImageBuildProject")), ("set", set),
                            ("remove", maybe(0.3, .list([.string("Properties.Description")]))),
                        ])
                    ])
                ))
        }
    }
}
