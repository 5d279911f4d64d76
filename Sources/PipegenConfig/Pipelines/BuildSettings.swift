import YAMLKit

/// CodeBuild settings shared by the builds a pipeline runs.
public struct BuildSettings: Sendable, Hashable {
    public var image: String
    public var computeType: String
    public var timeoutMinutes: Int
    /// Where `compute-type` was written (not every region offers every type).
    public var computeTypeMark: Mark? = nil

    public init(
        image: String = Keys.image.defaultValue, computeType: String = Keys.computeType.defaultValue,
        timeoutMinutes: Int = Keys.timeoutMinutes.defaultValue
    ) {
        self.image = image
        self.computeType = computeType
        self.timeoutMinutes = timeoutMinutes
    }

    public enum Keys {
        public static let image = Key<String>(
            "build-image", .string(.text), default: "aws/codebuild/standard:7.0", "CodeBuild image for this pipeline's builds")
        /// The compute types a config may choose, smallest first.
        public static let computeTypes = [
            "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE",
            "BUILD_GENERAL1_2XLARGE",
        ]
        public static let computeType = Key<String>(
            "compute-type", .choice(computeTypes), default: "BUILD_GENERAL1_SMALL", "CodeBuild compute type")
        // CodeBuild's API takes up to 2160, but CloudFormation's schema (and cfn-lint) up to 480.
        public static let timeoutMinutes = Key<Int>("timeout-minutes", .integer(min: 5, max: 480), default: 30, "build timeout")
    }

    /// The keys of a pipeline object that set its builds.
    static let keys = [Keys.image.spec, Keys.computeType.spec, Keys.timeoutMinutes.spec]

    /// The build settings of pipeline object `r`.
    init(_ r: ObjectReader) {
        self.init(image: r.read(Keys.image), computeType: r.read(Keys.computeType), timeoutMinutes: r.read(Keys.timeoutMinutes))
        computeTypeMark = r.node(Keys.computeType.name)?.mark
    }
}

extension PipelineSettings {
    /// None, unless the kind's settings say otherwise.
    public var buildSettings: BuildSettings? { nil }
}
