import CloudFormation
import PipegenConfig
import YAMLKit

/// What part of the artifact bucket a cross-account role reads.
public enum ArtifactScope: String, Sendable, CaseIterable {
    /// Pipeline artifacts (templates, deployment files, image details): the whole bucket.
    case pipelineArtifacts
    /// Only the code packages (Lambda zips) under the lambda prefix.
    case lambdaZips
}

/// A role of an environment account that reads the artifact buckets: a `CrossAccountRole`,
/// or a service role that AWS uses in the environment (CloudFormation's execution role, with
/// which Lambda reads the code a stack creates functions from). The key and bucket policies
/// admit exactly the readers.
public struct ArtifactReader: Sendable {
    public let kind: EnvironmentRoleKind
    public let environment: String
    public let account: String
    public let reads: ArtifactScope
}

/// A role in an environment account that a tooling principal assumes: the one fact from
/// which the action's `RoleArn`, the role's trust policy, the assumer's `sts:AssumeRole`
/// grant, and the key, bucket and registry policies are all derived.
public struct CrossAccountRole: Sendable {
    public let kind: EnvironmentRoleKind
    /// The pipeline that needs it.
    public let pipeline: PipelineKind
    public let environment: String
    public let account: String
    /// The role's name in the environment account.
    public let name: String
    /// The tooling-account role that assumes it.
    public let assumedBy: String
    /// What it reads of the artifact buckets; nil for nothing.
    public let reads: ArtifactScope?
    /// The config line that makes this role exist (the pipeline's key), for messages.
    public let cause: Mark?
}

/// The cross-account wiring of a config, computed once.
public struct AccessModel: Sendable {
    public let names: Names
    public let roles: [CrossAccountRole]
    /// Every role that reads the artifacts: the cross-account roles, then the service roles
    /// that read, in route order.
    public let readers: [ArtifactReader]
    /// Environment accounts in route order, each once (environments may share an account).
    public let environmentAccounts: [String]
    /// Roles by environment, and by environment and kind: lookups stay constant-time on a
    /// long route.
    private let byEnvironment: [String: [CrossAccountRole]]
    private let byKind: [String: CrossAccountRole]
    /// Each environment's regions, home first; each environment's account, in route order.
    private let regionsByEnvironment: [String: [String]]
    private let accountByEnvironment: [(env: String, account: String)]

    /// Every kind of environment role the config's pipelines declare, in their order.
    let roleKinds: [EnvironmentRoleKind]
    /// The kinds of `roleKinds` some environment has: the assumed roles that exist, and the
    /// service roles (created in every environment).
    let usedRoleKinds: [EnvironmentRoleKind]

    public init(_ config: Config) {
        let names = Names(config)
        self.names = names
        let declarations = config.declarations
        var roles: [CrossAccountRole] = []
        var serviceReaders: [ArtifactReader] = []
        for env in config.environments {
            let e = env.name.value
            for d in declarations {
                for role in d.assumedRoles(in: env, names: names) {
                    roles.append(
                        CrossAccountRole(
                            kind: role.kind, pipeline: d.kind, environment: e, account: env.account.value,
                            name: names.environmentRole(role.kind, env: e), assumedBy: role.assumedBy, reads: role.reads, cause: d.mark))
                }
                for (kind, scope) in d.serviceRoleReads(in: env) {
                    serviceReaders.append(ArtifactReader(kind: kind, environment: e, account: env.account.value, reads: scope))
                }
            }
        }
        self.roles = roles
        readers =
            roles.compactMap { role in
                role.reads.map { ArtifactReader(kind: role.kind, environment: role.environment, account: role.account, reads: $0) }
            } + serviceReaders
        roleKinds = declarations.flatMap(\.roleKinds)
        let used = Set(roles.map(\.kind) + declarations.flatMap(\.serviceRoleKinds))
        usedRoleKinds = roleKinds.filter(used.contains)
        byEnvironment = Dictionary(grouping: roles, by: \.environment)
        byKind = Dictionary(roles.map { ("\($0.kind.rawValue)|\($0.environment)", $0) }, uniquingKeysWith: { a, _ in a })
        var accounts: [String] = []
        for env in config.environments where !accounts.contains(env.account.value) {
            accounts.append(env.account.value)
        }
        environmentAccounts = accounts
        accountByEnvironment = config.environments.map { ($0.name.value, $0.account.value) }
        regionsByEnvironment = Dictionary(
            config.environments.map { ($0.name.value, $0.regions.map(\.value)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The cross-account roles that `assumer` (a tooling role name) assumes.
    public func roles(assumedBy assumer: String) -> [CrossAccountRole] {
        roles.filter { $0.assumedBy == assumer }
    }

    /// The cross-account roles created in environment `env`.
    public func roles(in env: String) -> [CrossAccountRole] {
        byEnvironment[env] ?? []
    }

    /// The role of `kind` in `env`, when the config has one.
    public func role(_ kind: EnvironmentRoleKind, in env: String) -> CrossAccountRole? {
        byKind["\(kind.rawValue)|\(env)"]
    }

    /// Kinds of environment role that read `scope`, in a fixed order.
    public func readerKinds(_ scope: ArtifactScope) -> [EnvironmentRoleKind] {
        roleKinds.filter { kind in readers.contains { $0.kind == kind && $0.reads == scope } }
    }

    /// The account ids whose roles read `scope`.
    public func readerAccounts(_ scope: ArtifactScope) -> [String] {
        environmentAccounts.filter { account in readers.contains { $0.account == account && $0.reads == scope } }
    }

    // MARK: Who acts where

    /// The regions environment `env` deploys to, home first: where its roles act, reading
    /// the artifacts of that region's bucket with that region's key (and, for images, pulling
    /// from that region's repository). The one fact from which the roles' own grants and the
    /// resource policies of each tooling region are both derived.
    public func regions(of env: String) -> [String] { regionsByEnvironment[env] ?? [] }

    /// True when `env`'s roles act in `region`.
    public func acts(_ env: String, in region: String) -> Bool { regions(of: env).contains(region) }

    /// Kinds of environment role that read `scope` in `region`, in a fixed order.
    public func readerKinds(_ scope: ArtifactScope, in region: String) -> [EnvironmentRoleKind] {
        roleKinds.filter { kind in readers.contains { $0.kind == kind && $0.reads == scope && acts($0.environment, in: region) } }
    }

    /// The account ids whose roles read `scope` in `region`.
    public func readerAccounts(_ scope: ArtifactScope, in region: String) -> [String] {
        environmentAccounts.filter { account in
            readers.contains { $0.account == account && $0.reads == scope && acts($0.environment, in: region) }
        }
    }

    /// The accounts of the environments that act in `region`, in route order, each once.
    public func environmentAccounts(in region: String) -> [String] {
        var out: [String] = []
        for (env, account) in accountByEnvironment where acts(env, in: region) && !out.contains(account) {
            out.append(account)
        }
        return out
    }

    /// The ARN of a cross-account role, as every template writes it.
    public func arn(_ role: CrossAccountRole) -> Value {
        names.roleArn(role.name, account: role.account)
    }

    /// The ARN of a tooling-account role.
    public func toolingRoleArn(_ name: String) -> Value {
        names.roleArn(name, account: names.toolingAccount)
    }
}
