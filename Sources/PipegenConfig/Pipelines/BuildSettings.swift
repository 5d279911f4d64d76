import YAMLKit

/// The CodeBuild settings of one build, resolved: pipegen's defaults, then the project's
/// `builds`, the pipeline's `builds` (and its `build-image`, `compute-type`,
/// `timeout-minutes`), then the pipeline's `builds.<build>` (or a step's `build`), each level
/// replacing what the one before set; `variables` merge by name, the later level winning.
public struct BuildSettings: Sendable, Hashable {
    public var image: Located<String>
    public var computeType: Located<String>
    public var timeoutMinutes: Int
    /// The processor the image is built for: it selects CodeBuild's environment type. Where
    /// the config gives it; else the image's, at the image.
    public var architecture: Located<BuildArchitecture>
    /// A buildspec of the repository instead of pipegen's; `{env}`, `{region}` and
    /// `{account}` are replaced where the build runs per environment (or region).
    public var buildspec: Located<NamePattern>?
    /// The VPC the build runs in; nil outside any.
    public var vpc: Located<BuildVPC>?
    /// The user's variables, in the order written (project's first).
    public var variables: [BuildVariable]
    public var cache: Located<BuildCache>

    public init(
        image: String = Keys.image.defaultValue, computeType: String = Keys.computeType.defaultValue,
        timeoutMinutes: Int = Keys.timeoutMinutes.defaultValue
    ) {
        self.image = Located(image)
        self.computeType = Located(computeType)
        self.timeoutMinutes = timeoutMinutes
        architecture = Located(BuildArchitecture.of(image: image))
        variables = []
        cache = Located(.none)
    }

    /// The settings of a build from the levels that set them, first to last; `defaults` are
    /// the build's own (a shorter timeout) under all of them.
    public static func resolve(_ levels: [BuildOverrides], defaults: BuildSettings = BuildSettings()) -> BuildSettings {
        var out = defaults
        var architecture: Located<BuildArchitecture>?
        for level in levels {
            if let v = level.image {
                out.image = v
                architecture = nil
            }
            if let v = level.computeType { out.computeType = v }
            if let v = level.timeoutMinutes { out.timeoutMinutes = v.value }
            if let v = level.architecture { architecture = v }
            if let v = level.buildspec { out.buildspec = v }
            if let v = level.vpc { out.vpc = v.value.map { Located($0, at: v.mark) } }
            if let v = level.cache { out.cache = v }
            for variable in level.variables {
                if let i = out.variables.firstIndex(where: { $0.name == variable.name }) {
                    out.variables[i] = variable
                } else {
                    out.variables.append(variable)
                }
            }
        }
        out.architecture = architecture ?? Located(BuildArchitecture.of(image: out.image.value), at: out.image.mark)
        return out
    }

    /// The image's repository when it is an Amazon ECR image (pulled with the build's role).
    public var registryImage: ECRImage? { ECRImage(uri: image.value) }

    public enum Keys {
        public static let image = Key<String>(
            "image", .string(.text), default: "aws/codebuild/standard:7.0",
            "CodeBuild image: a curated one, a public image, or an Amazon ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), which the build's role pulls")
        public static let computeType = Key<String>(
            "compute-type", .choice(computeTypes), default: "BUILD_GENERAL1_SMALL", "CodeBuild compute type")
        // CodeBuild's API takes up to 2160, but CloudFormation's schema (and cfn-lint) up to 480.
        public static let timeoutMinutes = Key<Int>("timeout-minutes", .integer(min: 5, max: 480), default: 30, "build timeout")
        public static let architecture = KeySpec(
            "architecture", .choice(BuildArchitecture.allCases.map(\.rawValue)),
            documentedDefault: "arm64 for an image whose name has 'aarch64' or 'arm64', else x86_64", example: "x86_64",
            "the image's processor: arm64 runs the build in CodeBuild's ARM_CONTAINER environment, x86_64 in LINUX_CONTAINER")
        public static let vpc = KeySpec(
            "vpc", .either([.boolean, .object(BuildVPC.spec)]), documentedDefault: "none",
            "run the builds in these subnets of a VPC of the tooling account and home region (their role may create network interfaces there); false turns off a VPC set above")
        public static let variables = KeySpec(
            "variables", .map(.either([.string(.text), .object(BuildVariable.spec)])),
            example: "{DEPLOY_ENV: production, API_TOKEN: {secret: shop/api-token}}",
            "environment variables: a plain value, a Parameter Store parameter ({parameter: <name>}) or a Secrets Manager secret ({secret: <name or ARN>}); the role may read exactly those")
        public static let cache = KeySpec(
            "cache", .either([.choice(BuildCache.choices), .list(.choice(LocalCacheMode.allCases.map(\.rawValue)), minItems: 1)]),
            defaultValue: .string("none"),
            "none; s3 (in the artifact bucket, under cache/<build project>); or local modes: [docker-layer] (builds that run Docker: the image build), [custom] (the buildspec's cache paths)")
        public static let buildspec = KeySpec(
            "buildspec", .string(.path), example: "ci/buildspec.yml",
            "a buildspec of the repository instead of pipegen's (it must do what pipegen's does, docs/BUILDS.md); {env}, {account} and, for builds run per region, {region} are replaced")

        /// CodeBuild's general compute types; each is offered by `LINUX_CONTAINER` and
        /// `ARM_CONTAINER`. [Build environment compute modes and types](https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html)
        public static let computeTypes = [
            "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE",
            "BUILD_GENERAL1_2XLARGE",
        ]
    }

    /// The keys every level shares.
    static let commonKeys = [
        Keys.image.spec, Keys.computeType.spec, Keys.timeoutMinutes.spec, Keys.architecture, Keys.vpc, Keys.variables,
        Keys.cache,
    ]

    /// The project's `builds`.
    static let projectSpec = ObjectSpec(
        "builds", "the CodeBuild settings of every build of the project, which each pipeline's 'builds' may replace",
        keys: commonKeys)

    /// A pipeline's `builds`: its own settings, then one object per build it runs.
    static func pipelineSpec(_ builds: [BuildName]) -> ObjectSpec {
        ObjectSpec(
            "pipeline builds",
            "the CodeBuild settings of this pipeline's builds, over the project's 'builds'; one key per build for that build alone",
            keys: commonKeys
                + builds.map {
                    KeySpec(
                        $0.rawValue, .object(buildSpec($0)),
                        example: $0.takesBuildspec ? "{buildspec: ci/\($0.rawValue).yml}" : "{compute-type: BUILD_GENERAL1_MEDIUM}",
                        "the settings of the build that \($0.summary)")
                })
    }

    /// One build's own settings.
    static func buildSpec(_ build: BuildName) -> ObjectSpec {
        ObjectSpec(
            "build settings", "the CodeBuild settings of this build, over the pipeline's",
            keys: (build.takesBuildspec ? [Keys.buildspec] : []) + commonKeys)
    }

    /// The keys a pipeline object has always had for its builds; `builds` says the same.
    public enum PipelineKeys {
        public static let image = Key<String>(
            "build-image", .string(.text), default: Keys.image.defaultValue, "CodeBuild image for this pipeline's builds (as builds.image)")
        public static let computeType = Key<String>(
            "compute-type", .choice(Keys.computeTypes), default: Keys.computeType.defaultValue,
            "CodeBuild compute type (as builds.compute-type)")
        public static let timeoutMinutes = Key<Int>(
            "timeout-minutes", .integer(min: 5, max: 480), default: Keys.timeoutMinutes.defaultValue,
            "build timeout (as builds.timeout-minutes)")
    }

    /// The keys of a pipeline object that have always set its builds, as `builds` does.
    static let flatKeys = [PipelineKeys.image.spec, PipelineKeys.computeType.spec, PipelineKeys.timeoutMinutes.spec]

    /// A pipeline's `builds` key.
    static func buildsKey(_ builds: [BuildName]) -> KeySpec {
        KeySpec(
            "builds", .object(pipelineSpec(builds)),
            "CodeBuild settings of this pipeline's builds, over the project's 'builds': the keys of 'builds', and one key per build (\(builds.map(\.rawValue).joined(separator: ", "))) for that build alone")
    }
}

/// A CodeBuild project of a pipeline kind, as the config names it
/// (`pipelines.<kind>.builds.<name>`); the kit's `BuildKind` of the same name builds it.
public struct BuildName: Sendable, Hashable {
    /// `template-lint`: the project is `<project>-template-lint`.
    public let rawValue: String
    /// What the project does.
    public let summary: String
    /// How often one pipeline run runs it.
    public let runs: BuildRuns
    /// True when a buildspec of the repository may replace pipegen's (`builds.<name>.buildspec`).
    public let takesBuildspec: Bool
    /// True when it runs Docker (privileged mode).
    public let privileged: Bool
    /// Its settings before any level of the config sets them.
    public let defaults: BuildSettings

    public init(
        _ rawValue: String, summary: String, runs: BuildRuns = .once, takesBuildspec: Bool = true, privileged: Bool = false,
        defaults: BuildSettings = BuildSettings()
    ) {
        self.rawValue = rawValue
        self.summary = summary
        self.runs = runs
        self.takesBuildspec = takesBuildspec
        self.privileged = privileged
        self.defaults = defaults
    }
}

/// How often one pipeline run runs a build: what its buildspec path may vary by.
public enum BuildRuns: Sendable, Hashable {
    case once
    case perEnvironment
    case perRegion

    /// The placeholders a buildspec path of such a build may hold.
    public var placeholders: [NamePattern.Placeholder] {
        switch self {
        case .once: return [.project]
        case .perEnvironment: return [.project, .env, .account]
        case .perRegion: return [.project, .env, .region, .account]
        }
    }

    var phrase: String {
        switch self {
        case .once: return "once for every environment"
        case .perEnvironment: return "once per environment, not per region"
        case .perRegion: return "once per region"
        }
    }
}

public enum BuildArchitecture: String, CaseIterable, Sendable, Hashable, ConfigValue {
    case x86_64
    case arm64

    /// The architecture an image's name says: CodeBuild's ARM images are named `aarch64`.
    /// [Docker images provided by CodeBuild](https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html)
    public static func of(image: String) -> BuildArchitecture {
        let lower = image.lowercased()
        return lower.contains("aarch64") || lower.contains("arm64") ? .arm64 : .x86_64
    }
}

/// The subnets and security groups of a VPC a build runs in.
/// [VpcConfig](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-vpcconfig.html)
public struct BuildVPC: Sendable, Hashable {
    public var vpcId: String
    public var subnets: [String]
    public var securityGroups: [String]

    public init(vpcId: String, subnets: [String], securityGroups: [String]) {
        self.vpcId = vpcId
        self.subnets = subnets
        self.securityGroups = securityGroups
    }

    static let spec = ObjectSpec(
        "build vpc", "a VPC of the tooling account in its home region",
        keys: [
            KeySpec("vpc-id", .string(.text), required: true, example: "vpc-0a1b2c3d4e5f67890", "the VPC's id"),
            KeySpec(
                "subnets", .list(.string(.text), minItems: 1), required: true, example: "[subnet-0a1b2c3d4e5f67890]",
                "1 to 16 subnet ids (private subnets with a route to the AWS APIs the builds call)"),
            KeySpec(
                "security-groups", .list(.string(.text), minItems: 1), required: true, example: "[sg-0a1b2c3d4e5f67890]",
                "1 to 5 security group ids"),
        ])
}

/// An environment variable of the user's, set on the build project.
public struct BuildVariable: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case plain(String)
        /// A Parameter Store parameter's name (`/shop/api-url`).
        case parameter(String)
        /// A Secrets Manager secret: its name or full ARN, and which part of it.
        case secret(id: String, jsonKey: String?, versionStage: String?)
    }

    public var name: String
    public var source: Source
    /// The KMS key (ARN) the parameter or secret is encrypted with, when it is not the
    /// service's AWS managed key: the build's role may decrypt with it.
    public var kmsKey: String?
    public var mark: Mark?

    public init(name: String, source: Source, kmsKey: String? = nil, mark: Mark? = nil) {
        self.name = name
        self.source = source
        self.kmsKey = kmsKey
        self.mark = mark
    }

    public static func == (a: BuildVariable, b: BuildVariable) -> Bool {
        a.name == b.name && a.source == b.source && a.kmsKey == b.kmsKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(source)
        hasher.combine(kmsKey)
    }

    static let spec = ObjectSpec(
        "variable source", "a parameter or a secret the build reads when it starts",
        keys: [
            KeySpec(
                "parameter", .string(.text), example: "/shop/api-url",
                "a Parameter Store parameter of the tooling account and home region, by name"),
            KeySpec(
                "secret", .string(.text), example: "shop/api-token",
                "a Secrets Manager secret: its name (of the tooling account and home region; the role may read any version of it, '<name>-??????'), or its full ARN with the 6-character suffix"),
            KeySpec("json-key", .string(.text), example: "password", "with 'secret': the key of the JSON secret to read"),
            KeySpec("version-stage", .string(.text), example: "AWSCURRENT", "with 'secret': the version stage to read"),
            KeySpec(
                "kms-key", .string(.arn), example: "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "the customer managed KMS key the parameter or secret is encrypted with (the role may decrypt with it)"),
        ])
}

/// Where a build keeps what it caches between runs.
/// [Build caching](https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html)
public enum BuildCache: Sendable, Hashable {
    case none
    /// In the home region's artifact bucket, under `cache/<build project>`.
    case s3
    /// On the build host.
    case local([LocalCacheMode])

    static let choices = ["none", "s3"]
}

/// A local cache mode. (Source caching only applies to Git sources; a pipeline's builds
/// read theirs from CodePipeline.)
public enum LocalCacheMode: String, CaseIterable, Sendable, Hashable {
    /// Docker layers; the build must run Docker (privileged mode).
    case dockerLayer = "docker-layer"
    /// The directories of the buildspec's `cache.paths`.
    case custom
}

/// An image URI of Amazon ECR: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag|@digest]`.
public struct ECRImage: Sendable, Hashable {
    public let account: String
    public let region: String
    public let repository: String

    public init?(uri image: String) {
        guard let slash = image.firstIndex(of: "/") else { return nil }
        let host = image[..<slash].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard host.count >= 6, host[1] == "dkr", host[2] == "ecr", host[4] == "amazonaws", host[0].count == 12,
            host[0].allSatisfy(\.isNumber)
        else { return nil }
        var path = String(image[image.index(after: slash)...])
        if let at = path.firstIndex(of: "@") { path = String(path[..<at]) }
        if let colon = path.lastIndex(of: ":") { path = String(path[..<colon]) }
        guard !path.isEmpty else { return nil }
        account = host[0]
        region = host[3]
        repository = path
    }
}

/// The settings one level of the config gives (the project's `builds`, a pipeline's, one
/// build's); nil where it says nothing.
public struct BuildOverrides: Sendable, Hashable {
    public var image: Located<String>?
    public var computeType: Located<String>?
    public var timeoutMinutes: Located<Int>?
    public var architecture: Located<BuildArchitecture>?
    public var buildspec: Located<NamePattern>?
    /// `vpc: false` is a VPC of nil.
    public var vpc: Located<BuildVPC?>?
    public var variables: [BuildVariable] = []
    public var cache: Located<BuildCache>?

    public init() {}
}

/// A pipeline's `builds`: its own settings, and each build's.
public struct PipelineBuilds: Sendable, Hashable {
    public var all = BuildOverrides()
    /// By build name (looked up only).
    public var builds: [String: BuildOverrides] = [:]

    public init() {}

    /// The settings of `build`: pipegen's defaults, then the project's, this pipeline's and
    /// the build's own.
    public func settings(_ build: BuildName, project: BuildOverrides) -> BuildSettings {
        BuildSettings.resolve([project, all, builds[build.rawValue] ?? BuildOverrides()], defaults: build.defaults)
    }
}
