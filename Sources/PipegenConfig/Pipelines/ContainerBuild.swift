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
    public var build: BuildSettings
    public var buildSettings: BuildSettings? { build }
    public var mark: Mark?

    public init(
        source: Source, dockerfile: String = Keys.dockerfile.defaultValue, context: String = Keys.context.defaultValue,
        buildspec: String? = nil, build: BuildSettings = BuildSettings(), mark: Mark? = nil
    ) {
        self.source = source
        self.dockerfile = dockerfile
        self.context = context
        self.buildspec = buildspec
        self.build = build
        self.mark = mark
    }

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
            + BuildSettings.keys)

    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline {
        .containerBuild(
            ContainerBuild(
                source: decoder.decodeSource(r, defaultRepository: Keys.defaultRepository), dockerfile: r.read(Keys.dockerfile),
                context: r.read(Keys.context), buildspec: r.string(Keys.buildspec.name)?.value, build: BuildSettings(r),
                mark: mark))
    }

    func check(_ config: Config, _ context: DecodeContext) {}
}
