import CloudFormation
import PipegenConfig
import YAMLKit

/// Every resource of every template is of a type CloudFormation offers in the template's
/// region (`RegionalAvailability`, from the registry's per-region schemas): a CodeCommit
/// repository in a region without CodeCommit, or a connection in a region without
/// CodeConnections, would fail when the stack is created. Reported once per type and region,
/// at the config line that chose the region or the source, with the regions that offer it.
struct RegionChecks {
    let config: Config
    let stacks: [StackTemplate]

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported: Set<String> = []
        for stack in stacks {
            for (_, resource) in stack.template.resources {
                let type = resource.typeName
                guard !RegionalAvailability.offers(type, in: stack.region), reported.insert("\(type)|\(stack.region)").inserted
                else { continue }
                let (mark, help) = cause(of: type, region: stack.region)
                let elsewhere = Region.all.filter {
                    Region.partition(of: $0) == config.partition && RegionalAvailability.offers(type, in: $0)
                }
                var notes: [Diagnostic.Note] = [.help(help)]
                if !elsewhere.isEmpty {
                    notes.append(.note("regions of partition '\(config.partition.name)' that offer it: \(elsewhere.joined(separator: ", "))"))
                }
                out.append(.error("CloudFormation does not offer \(type) in \(stack.region), where \(stack.name) deploys it", at: mark, notes: notes))
            }
        }
        return out
    }

    /// The config line behind a resource type in a region, and what to do instead.
    private func cause(of type: String, region: String) -> (Mark?, String) {
        let sources = config.pipelines.all.map(\.source)
        switch type {
        case CodeCommit.Repository.typeName:
            let source = sources.first(where: \.isCodeCommit)
            return (
                source?.provider.mark ?? config.tooling.region.mark,
                "read the source through a connection (provider github, bitbucket or gitlab), or choose a tooling region with CodeCommit"
            )
        case CodeStarConnections.Connection.typeName:
            let source = sources.first { !$0.isCodeCommit }
            return (
                source?.provider.mark ?? config.tooling.region.mark,
                "use a CodeCommit source (provider codecommit), or choose a tooling region with CodeConnections"
            )
        default:
            if region == config.tooling.region.value { return (config.tooling.region.mark, "choose another tooling region") }
            let mark = config.environments.flatMap(\.regions).first { $0.value == region }?.mark
            return (mark ?? config.tooling.region.mark, "choose another region")
        }
    }
}
