import CloudFormation
import PipegenConfig
@testable import PipegenKit
import TestSupport

/// A seeded generator of valid configs over the whole option space: 1–12 environments, 1–4
/// regions, every source kind, each pipeline on or off, change sets, approvals, tests,
/// rollback, waves, notifications, gitflow, and every optional key of the schema with and
/// without its default. It keeps the rules a config must follow (unique names, waves next to
/// each other and agreeing, names within AWS's length limits, one partition, ...), so pipegen
/// must accept whatever it makes and render templates that AWS's own tools accept.
final class ConfigGenerator {
    var rng: SplitMix64
    /// The partition of every config, else one drawn (mostly `aws`).
    let partition: Partition?

    init(seed: UInt64, partition: Partition? = nil) {
        rng = SplitMix64(seed: seed)
        self.partition = partition
    }

    /// The config as text, and whether it is JSON (else YAML).
    func text() -> (text: String, json: Bool) {
        let tree = config()
        var writer = ConfigWriter(rng: SplitMix64(seed: rng.next()))
        if chance(0.15) { return (writer.json(tree), true) }
        return (writer.yaml(tree), false)
    }

    // MARK: Random helpers

    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    func pick<T>(_ xs: [T]) -> T { xs[int(0...xs.count - 1)] }

    /// `count` distinct elements of `xs` in random order.
    func sample<T>(_ xs: [T], _ count: Int) -> [T] {
        var pool = xs
        pool.shuffle(using: &rng)
        return Array(pool.prefix(count))
    }

    /// A map whose keys are sometimes shuffled: key order never matters to the reader.
    func map(_ pairs: [(String, ConfigTree?)]) -> ConfigTree {
        var present = pairs.compactMap { k, v in v.map { (k, $0) } }
        if chance(0.2) { present.shuffle(using: &rng) }
        return .map(present)
    }

    /// `value` or nil (the key left out, so its default applies).
    func maybe(_ p: Double, _ value: @autoclosure () -> ConfigTree) -> ConfigTree? {
        chance(p) ? value() : nil
    }

    // MARK: Names

    static let words = [
        "shop", "api", "web", "orders", "pay", "data", "core", "edge", "ml", "app", "svc", "billing", "search", "fleet",
        "ledger", "x", "a1", "checkout", "identity", "media",
    ]

    /// A name (lowercase letters, digits, single hyphens, a letter first) of at most `max` characters.
    func name(max: Int) -> String {
        var parts: [String] = []
        let target = chance(0.15) ? max : int(1...min(max, 12))
        while parts.joined(separator: "-").count < target {
            parts.append(chance(0.1) ? String(int(0...99)) : pick(Self.words))
            if chance(0.4) { break }
        }
        var s = parts.joined(separator: "-")
        if chance(0.2) { s += String(repeating: "z", count: max) }
        s = String(s.prefix(max))
        while s.hasSuffix("-") { s.removeLast() }
        if s.first?.isLetter != true { s = "p" + s.dropFirst() }
        return s
    }

    func account() -> String {
        let head = chance(0.15) ? "0" : String(int(1...9))
        return head + (0..<11).map { _ in String(int(0...9)) }.joined()
    }

    func email(_ i: Int) -> String {
        pick(["team", "ops", "release+\(i)", "first.last", "oncall-\(i)", "x"]) + "@"
            + pick(["example.com", "corp.example.org", "mail.example.net"])
    }

    func emails(_ range: ClosedRange<Int>) -> ConfigTree {
        var out: [String] = []
        for i in 0..<int(range) {
            let e = email(i)
            if !out.contains(e) { out.append(e) }
        }
        return .list(out.map(ConfigTree.string))
    }

    func branch() -> String {
        pick(["main", "master", "trunk", "release", "release/v2", "prod", "live"])
    }

    // MARK: The config

    /// What the generator decided, for the rules that tie keys together.
    struct Plan {
        var partition = "aws"
        var project = ""
        var tooling = ""
        var toolingRegion = ""
        var regions: [String] = []
        var infra = false
        var containerBuild = false
        var containerDeployment = false
        var accounts: [String] = []
        /// Each environment's name, account and regions, in route order.
        var environments: [(name: String, account: String, regions: [String])] = []
        /// The environments an approval (or a change set's) stands before, with their waves.
        var approved: [(name: String, wave: String?)] = []

        /// Pairs of environments in one account and region: they may share no stack and no
        /// Lambda function.
        var neighbours: [(String, String)] {
            var out: [(String, String)] = []
            for (j, b) in environments.enumerated() {
                for a in environments[..<j] where a.account == b.account && a.regions.contains(where: b.regions.contains) {
                    out.append((a.name, b.name))
                }
            }
            return out
        }
    }

    func config() -> ConfigTree {
        var plan = Plan()
        let partitions: [(String, [String])] = [
            ("aws", Self.commercial), ("aws-cn", Region.china), ("aws-us-gov", Region.govCloud),
        ]
        let (partition, available) =
            self.partition.flatMap { p in partitions.first { $0.0 == p.name } }
            ?? (chance(0.9) ? partitions[0] : pick(Array(partitions.dropFirst())))
        plan.partition = partition
        plan.regions = sample(available, min(available.count, pick([1, 1, 1, 2, 2, 3, 4])))
        // The tooling region must offer the builds, the pipelines and a source: CodeCommit or
        // CodeConnections (RegionalAvailability); environments may be anywhere.
        let toolingRegions = available.filter { region in
            ["AWS::CodeBuild::Project", "AWS::CodePipeline::Pipeline"].allSatisfy { RegionalAvailability.offers($0, in: region) }
                && (Self.offersCodeCommit(region) || Self.offersConnections(region))
        }
        plan.toolingRegion = chance(0.8) && toolingRegions.contains(plan.regions[0]) ? plan.regions[0] : pick(toolingRegions)
        let longestRegion = (plan.regions + [plan.toolingRegion]).map(\.count).max()!
        // The artifact bucket `<project>-artifacts-<account>-<region>` (63) and the rule
        // `<project>-infrastructure-deployment-gitflow-pr` (64) bound the project's length.
        plan.project = name(max: min(27, 39 - longestRegion))
        plan.tooling = account()
        plan.accounts = [plan.tooling]
        let anyPipeline: Bool
        if chance(0.04) {
            anyPipeline = false
        } else {
            repeat {
                plan.containerBuild = chance(0.6)
                plan.infra = chance(0.75)
                plan.containerDeployment = chance(0.5)
            } while !(plan.containerBuild || plan.infra || plan.containerDeployment)
            anyPipeline = true
        }

        var pairs: [(String, ConfigTree?)] = [
            ("project", .string(plan.project)),
            ("tooling", map([("account", .digits(plan.tooling)), ("region", .string(plan.toolingRegion))])),
            ("environments", .list(environments(&plan))),
        ]
        // ECR repository names have 2 characters or more: a one-letter project needs its own.
        let shortProject = plan.project.count < 2
        let needsRegistryName = shortProject && (plan.containerBuild || plan.containerDeployment)
        if needsRegistryName || chance(0.3) {
            let repositories = ["{project}/app", "team/\(plan.project)-images", "images", "{project}.svc"] + (shortProject ? [] : ["{project}"])
            pairs.append(
                (
                    "registry",
                    map([
                        ("repository", needsRegistryName ? .string(pick(repositories)) : maybe(0.6, .string(pick(repositories)))),
                        ("keep-images", maybe(0.5, .int(pick([1, 5, 30, 100, 10000])))),
                        ("scan-on-push", maybe(0.5, .bool(chance(0.5)))),
                    ])
                ))
        }
        if chance(0.2) { pairs.append(("artifacts", map([("noncurrent-days", maybe(0.9, .int(pick([1, 7, 30, 90, 3650]))))]))) }
        if chance(0.3) { pairs.append(("log-retention-days", .int(pick([1, 3, 7, 14, 30, 90, 365, 3653])))) }
        // Every build runs the project's settings: a Docker layer cache is for the image build alone.
        if chance(0.25) { pairs.append(("builds", map(buildSettings(plan, privileged: false, p: 0.4)))) }
        if anyPipeline {
            var used: Set<String> = []
            var pipelines: [(String, ConfigTree?)] = []
            if plan.containerBuild { pipelines.append(("container-build", containerBuild(plan, &used))) }
            if plan.infra { pipelines.append(("infrastructure-deployment", infrastructure(plan, &used))) }
            if plan.containerDeployment { pipelines.append(("container-deployment", containerDeployment(plan, &used))) }
            pairs.append(("pipelines", map(pipelines)))
            if chance(0.35) {
                let events = pick([nil, ["failed"], ["succeeded"], ["failed", "succeeded"], ["succeeded", "failed"]])
                pairs.append(
                    ("notifications", map([("emails", emails(1...3)), ("events", events.map { .list($0.map(ConfigTree.string)) })])))
            }
        } else if chance(0.5) {
            pairs.append(("pipelines", .map([])))
        }
        pairs += governance(plan)
        customize(plan, &pairs)
        return map(pairs)
    }

    static let commercial = Region.commercial

    // What a region offers, as pipegen's own checks see it (`RegionalFeature`).
    static func offersCodeCommit(_ region: String) -> Bool { RegionalFeature.codeCommit.isOffered(in: region) }
    static func offersConnections(_ region: String) -> Bool { RegionalFeature.codeConnections.isOffered(in: region) }
}
