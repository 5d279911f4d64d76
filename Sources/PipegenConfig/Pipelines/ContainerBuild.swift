import YAMLKit

/// Source → image build → push to ECR.
public struct ContainerBuild: PipelineSettings, DecodablePipeline {
    public static let kind = PipelineKind.containerBuild
    public static let usesRegistry = true
    public var source: Source
    public var dockerfile: String
    public var context: String
    /// A buildspec file in the repository instead of the generated inline one.
    public var buildspec: String?
    public var builds: PipelineBuilds
    public var steps: [PipelineStep] = []
    public var mark: Mark?

    public init(
        source: Source, dockerfile: String = Keys.dockerfile.defaultValue, context: String = Keys.context.defaultValue,
        buildspec: String? = nil, builds: PipelineBuilds = PipelineBuilds(), mark: Mark? = nil
    ) {
        self.source = source
        self.dockerfile = dockerfile
        self.context = context
        self.buildspec = buildspec
        self.builds = builds
        self.mark = mark
    }

    /// The builds of container-build: the image build (its buildspec is 'buildspec').
    public enum Builds {
        public static let imageBuild = BuildName(
            "image-build", summary: "builds the container image and pushes it to ECR", takesBuildspec: false, privileged: true)
    }

    public static let buildNames = [Builds.imageBuild]

    public enum Keys {
        public static let defaultRepository = "ECS-Container-Build"
        public static let dockerfile = Key<String>("dockerfile", .string(.path), default: "Dockerfile", "Dockerfile path in the repository")
        public static let context = Key<String>("context", .string(.path), default: ".", "docker build context")
        public static let buildspec = KeySpec(
            "buildspec", .string(.path), "use this buildspec file from the repository instead of the generated one")
    }

    static let summary = "build and push the container image"
    static let spec = ObjectSpec(
        "container-build pipeline", "source → docker build → push to ECR (tags 'latest' and the commit)",
        keys: [Source.key(defaultRepository: Keys.defaultRepository), Keys.dockerfile.spec, Keys.context.spec, Keys.buildspec]
            + BuildSettings.flatKeys + [BuildSettings.buildsKey(buildNames), PipelineStep.key])

    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline {
        var settings = ContainerBuild(
            source: decoder.decodeSource(r, defaultRepository: Keys.defaultRepository),
            dockerfile: decoder.onceRunPath(r, Keys.dockerfile), context: decoder.onceRunPath(r, Keys.context),
            buildspec: decoder.onceRunPath(r, Keys.buildspec.name), builds: decoder.decodePipelineBuilds(r, buildNames), mark: mark)
        settings.steps = decoder.decodeSteps(r)
        return .containerBuild(settings)
    }

    func check(_ config: Config, _ context: DecodeContext) {}
}
