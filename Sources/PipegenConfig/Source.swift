import YAMLKit

/// Where a pipeline's source lives: a CodeCommit repository the tooling template creates, or a
/// repository on a Git host reached through a CodeConnections connection.
public enum SourceProvider: String, CaseIterable, Sendable, ConfigValue {
    case codeCommit = "codecommit"
    case gitHub = "github"
    case gitHubEnterprise = "github-enterprise"
    case bitbucket
    case gitLab = "gitlab"

    /// True for CodeCommit; every other provider is read through a connection.
    public var isCodeCommit: Bool { self == .codeCommit }

    /// The `ProviderType` of a CodeConnections connection to this host; nil for CodeCommit.
    public var connectionProviderType: String? {
        switch self {
        case .codeCommit: return nil
        case .gitHub: return "GitHub"
        case .gitHubEnterprise: return "GitHubEnterpriseServer"
        case .bitbucket: return "Bitbucket"
        case .gitLab: return "GitLab"
        }
    }

    /// The tooling template can create a connection to this host; GitHub Enterprise Server
    /// needs a host resource first, so its connection must exist (the config gives its ARN).
    public var connectionCanBeCreated: Bool { self != .codeCommit && self != .gitHubEnterprise }

    /// The name people know the host by.
    public var displayName: String {
        switch self {
        case .codeCommit: return "CodeCommit"
        case .gitHub: return "GitHub"
        case .gitHubEnterprise: return "GitHub Enterprise Server"
        case .bitbucket: return "Bitbucket"
        case .gitLab: return "GitLab"
        }
    }
}

/// Where a pipeline's source comes from.
public struct Source: Sendable, Hashable {
    public var provider: Located<SourceProvider>
    /// A CodeCommit repository name, or `owner/name` for a connection provider.
    public var repository: Located<String>
    public var branch: Located<String>
    /// An existing connection's ARN; nil to have the tooling template create one.
    public var connection: Located<String>?
    /// Path globs that must change for a push to start the pipeline (connection providers).
    public var filePaths: [String]
    /// Where `file-paths` was written.
    public var filePathsMark: Mark?
    /// Gitflow: pushes to this branch open a pull request into `branch`; nil when off.
    public var pullRequestFrom: Located<String>? = nil

    public init(
        provider: Located<SourceProvider> = Located(Keys.provider.defaultValue), repository: Located<String>,
        branch: Located<String> = Located(Keys.branch.defaultValue), connection: Located<String>? = nil,
        filePaths: [String] = []
    ) {
        self.provider = provider
        self.repository = repository
        self.branch = branch
        self.connection = connection
        self.filePaths = filePaths
    }

    /// True for a CodeCommit repository created by the tooling template.
    public var isCodeCommit: Bool { provider.value.isCodeCommit }

    public enum Keys {
        public static let provider = Key<SourceProvider>(
            "provider", .choice(SourceProvider.allCases.map(\.rawValue)), default: .codeCommit,
            "codecommit (a repository the tooling template creates) or a CodeConnections provider")
        public static let branch = Key<String>("branch", .string(.branch), default: "main", "branch whose pushes start the pipeline")
        public static let connection = KeySpec(
            "connection", .string(.arn),
            example: "arn:aws:codeconnections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000",
            "existing CodeConnections connection ARN; without it the tooling template creates one (activate it once in the console)")
        public static let filePaths = KeySpec(
            "file-paths", .list(.string(.text), minItems: 1), example: "[src/**, Dockerfile]",
            "connection providers only: start the pipeline only when these paths (glob patterns) change")
        public static let pullRequestFrom = KeySpec(
            "pull-request-from", .string(.branch), example: "develop",
            "gitflow: a push to this branch opens a pull request into 'branch' unless one is open")
    }

    /// The `source` key of a pipeline whose CodeCommit repository is `defaultRepository`
    /// unless the config names one.
    static func key(defaultRepository: String) -> KeySpec {
        KeySpec(
            "source",
            .object(
                ObjectSpec(
                    "source", "where the pipeline's source comes from",
                    keys: [
                        Keys.provider.spec,
                        Key<String>(
                            "repository", .string(.text), default: defaultRepository,
                            "CodeCommit repository name, or 'owner/name' for a connection provider"
                        ).spec,
                        Keys.branch.spec, Keys.connection, Keys.filePaths, Keys.pullRequestFrom,
                    ])), "source repository and branch")
    }
}

extension ConfigDecoder {
    /// The `source` of pipeline object `r`; every missing key takes its default, placed at the
    /// `source` key (or nowhere when the pipeline has none).
    func decodeSource(_ r: ObjectReader, defaultRepository: String) -> Source {
        let s = r.object("source", owner: " in 'source'\(r.owner)")
        let mark = r.node("source")?.mark
        var source = Source(
            provider: s?.choice(Source.Keys.provider) ?? Located(Source.Keys.provider.defaultValue, at: mark),
            repository: s?.string("repository") ?? Located(defaultRepository, at: mark),
            branch: s?.string(Source.Keys.branch.name) ?? Located(Source.Keys.branch.defaultValue, at: mark))
        source.connection = s?.string(Source.Keys.connection.name)
        source.filePaths = s?.strings(Source.Keys.filePaths.name)?.map(\.value) ?? []
        source.filePathsMark = s?.keyMark(Source.Keys.filePaths.name)
        source.pullRequestFrom = s.flatMap { decodePullRequestFrom($0, branch: source.branch) }
        return source
    }
}
