import CloudFormation
import PipegenConfig

/// Builds the tooling account's templates: `tooling` in the home region and one
/// `tooling-<region>` for every further region.
struct ToolingBuilder {
    let config: Config
    let model: AccessModel
    let topology: Topology
    var names: Names { model.names }

    init(_ config: Config, model: AccessModel, topology: Topology) {
        self.config = config
        self.model = model
        self.topology = topology
    }

    /// Logical ids of the tooling template, in one place.
    enum ID {
        static let key = "ArtifactKey"
        static let keyAlias = "ArtifactKeyAlias"
        static let bucket = "ArtifactBucket"
        static let bucketPolicy = "ArtifactBucketPolicy"
        static let registry = "ImageRepository"
        static func repository(_ p: PipelineKind) -> String { p.id + "Repository" }
        static func project(_ b: BuildKind) -> String { b.id + "Project" }
        static func buildRole(_ b: BuildKind) -> String { b.id + "Role" }
        static func logs(_ b: BuildKind) -> String { b.id + "Logs" }
        static func pipeline(_ p: PipelineKind) -> String { p.id + "Pipeline" }
        static func pipelineRole(_ p: PipelineKind) -> String { p.id + "PipelineRole" }
        static func eventsRole(_ p: PipelineKind) -> String { p.id + "EventsRole" }
        static func pushRule(_ p: PipelineKind) -> String { p.id + "PushRule" }
        static let imageRule = "ContainerDeploymentImageRule"
        static func approvalTopic(_ env: String) -> String { Template.logicalId(env, "approval-topic") }
    }

    /// The home-region template.
    func build() -> Template {
        var t = Template(description: description)
        addArtifactKey(to: &t)
        addArtifactBucket(region: topology.homeRegion, to: &t)
        if config.pipelines.needsRegistry { addRegistry(to: &t) }
        addSourceRepositories(to: &t)
        addBuilds(to: &t)
        addApprovalTopics(to: &t)
        addPipelines(to: &t)
        addTriggers(to: &t)
        addOutputs(to: &t)
        return t
    }

    private var description: String {
        let pipelines = PipelineKind.allCases.filter { isOn($0) }.map(\.rawValue)
        let what = pipelines.isEmpty ? "no pipelines yet" : "pipelines " + pipelines.joined(separator: ", ")
        return "pipegen tooling account for project '\(names.project)': artifact key and bucket, "
            + (config.pipelines.needsRegistry ? "image repository, " : "")
            + "\(what). Deploy to account \(names.toolingAccount) in \(topology.homeRegion) as stack \(names.toolingStack)."
    }

    func isOn(_ kind: PipelineKind) -> Bool {
        switch kind {
        case .containerBuild: return config.pipelines.containerBuild != nil
        case .infrastructure: return config.pipelines.infrastructure != nil
        case .containerDeployment: return config.pipelines.containerDeployment != nil
        }
    }

    /// The artifact bucket of every region, home first.
    var buckets: [String] { topology.regions.map { names.artifactBucket(region: $0) } }

    /// The artifact key's ARN in `region`: the key itself at home; elsewhere its replica, which
    /// shares the multi-Region key's id, so the ARN is known without the replica's stack.
    func keyArn(region: String) -> Value {
        region == topology.homeRegion
            ? .getAtt(ID.key, "Arn")
            : .sub("arn:${AWS::Partition}:kms:\(region):${AWS::AccountId}:key/${\(ID.key).KeyId}")
    }

    var keyArns: [Value] { topology.regions.map(keyArn) }
}
