import CloudFormation
import PipegenConfig
import YAMLKit

/// Everything the config asks for is offered where it is deployed: each source's service
/// (CodeCommit or CodeConnections) and each build's compute type in the tooling region
/// (`RegionalFeature`), said at the config value with the alternative; and every resource
/// of every template is of a type CloudFormation offers in the template's region
/// (`RegionalAvailability`, from the registry's per-region schemas), reported once per type
/// and region, at the config line that chose the region, with the regions that offer it.
struct RegionChecks {
    let config: Config
    let stacks: [StackTemplate]

    func run() -> [Diagnostic] {
        var out = sources() + computeTypes()
        var reported: Set<String> = []
        for stack in stacks {
            for (_, resource) in stack.template.resources {
                let type = resource.typeName
                // A source's repository or connection is said at the source, above.
                if type == CodeCommit.Repository.typeName || type == CodeStarConnections.Connection.typeName {
                    continue
                }
                guard !RegionalAvailability.offers(type, in: stack.region),
                    reported.insert("\(type)|\(stack.region)").inserted
                else { continue }
                let (mark, help) = cause(region: stack.region)
                let elsewhere = Region.all.filter {
                    Region.partition(of: $0) == config.partition && RegionalAvailability.offers(type, in: $0)
                }
                var notes: [Diagnostic.Note] = [.help(help)]
                if !elsewhere.isEmpty {
                    notes.append(
                        .note(
                            "regions of partition '\(config.partition.name)' that offer it: \(elsewhere.joined(separator: ", "))"
                        ))
                }
                out.append(
                    .error(
                        "CloudFormation does not offer \(type) in \(stack.region), where \(stack.name) deploys it",
                        at: mark, notes: notes))
            }
        }
        return out
    }

    /// Each source's service in the tooling region, where the pipelines run (a connection
    /// given by ARN too: the source action uses CodeConnections either way). Said once per
    /// service, at the first source that needs it, naming the other source kind when the
    /// region offers it.
    private func sources() -> [Diagnostic] {
        let home = config.tooling.region.value
        var out: [Diagnostic] = []
        var reported: [RegionalFeature] = []
        for pipeline in config.pipelines.all {
            let source = pipeline.source
            let feature = RegionalFeature.source(source)
            guard !feature.isOffered(in: home), !reported.contains(feature) else { continue }
            reported.append(feature)
            let other: RegionalFeature = feature == .codeCommit ? .codeConnections : .codeCommit
            let instead =
                other.isOffered(in: home)
                ? (feature == .codeCommit
                    ? "read the source through a connection (provider github, bitbucket or gitlab), which \(home) offers"
                    : "use a CodeCommit source (provider: codecommit), which \(home) offers")
                : "choose a tooling region that offers \(feature.name)"
            var notes: [Diagnostic.Note] = [.help(instead)]
            let elsewhere = feature.regions(of: config.partition)
            notes.append(
                .note(
                    elsewhere.isEmpty
                        ? "no region of partition '\(config.partition.name)' offers it"
                        : "regions of partition '\(config.partition.name)' that offer it: \(elsewhere.joined(separator: ", "))"
                ))
            let users = config.pipelines.all.filter { RegionalFeature.source($0.source) == feature }.map {
                "'\($0.kind.rawValue)'"
            }
            out.append(
                .error(
                    "\(feature.name) is not offered in \(home), where the pipelines run; the source of \(users.joined(separator: ", ")) needs it",
                    at: source.connection?.mark ?? source.provider.mark ?? config.tooling.region.mark, notes: notes))
        }
        return out
    }

    /// Each pipeline's CodeBuild compute type in the tooling region, where its builds run.
    private func computeTypes() -> [Diagnostic] {
        let home = config.tooling.region.value
        return config.pipelines.all.compactMap { pipeline in
            guard let build = pipeline.settings.buildSettings else { return nil }
            let feature = RegionalFeature.computeType(build.computeType)
            guard !feature.isOffered(in: home) else { return nil }
            let offered = BuildSettings.Keys.computeTypes.filter { RegionalFeature.computeType($0).isOffered(in: home) }
            return .error(
                "\(feature.name) is not offered in \(home), where the builds of '\(pipeline.kind.rawValue)' run",
                at: build.computeTypeMark ?? pipeline.mark,
                notes: [.help("choose one of \(offered.joined(separator: ", "))")])
        }
    }

    /// The config line behind a template's region, and what to do instead.
    private func cause(region: String) -> (Mark?, String) {
        if region == config.tooling.region.value {
            return (config.tooling.region.mark, "choose another tooling region")
        }
        let mark = config.environments.flatMap(\.regions).first { $0.value == region }?.mark
        return (mark ?? config.tooling.region.mark, "choose another region")
    }
}
