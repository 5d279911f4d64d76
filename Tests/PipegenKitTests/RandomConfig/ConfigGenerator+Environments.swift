import CloudFormation

/// The route to live: names, accounts, regions, approvals, deploy modes, tests, rollback,
/// ECS targets and waves.
extension ConfigGenerator {
    struct EnvironmentDraft {
        var name: String
        var account: String
        var regions: [String]
        var approval: ConfigTree?
        var deploy: String?
        var rollback: Bool?
        var wave: String?
        var other: [(String, ConfigTree?)] = []
        var regionKey: (String, ConfigTree)?
    }

    static let environmentNames = [
        "dev", "test", "staging", "prod", "qa", "uat", "perf", "sandbox", "preprod", "demo", "int", "load", "prod-eu",
        "prod-us", "canary", "dr",
    ]

    func environments(_ plan: inout Plan) -> [ConfigTree] {
        let count = pick([1, 1, 2, 2, 3, 3, 3, 4, 5, 6, 8, 10, 12])
        // `<project>-<env>-lambda-update` is the longest role name (64).
        let maxName = min(24, 49 - plan.project.count)
        var drafts: [EnvironmentDraft] = []
        var names: [String] = []
        for _ in 0..<count {
            var candidate = chance(0.6) ? pick(Self.environmentNames) : name(max: maxName)
            // Sometimes a look-alike of an earlier name: 'prod-eu' and 'prodeu' must not collide
            // anywhere pipegen turns names into identifiers.
            if let earlier = names.last, chance(0.1) {
                candidate = earlier.contains("-") ? earlier.replacing("-", with: "") : String(earlier.prefix(1)) + "-" + earlier.dropFirst()
            }
            candidate = String(candidate.prefix(maxName))
            while candidate.hasSuffix("-") { candidate.removeLast() }
            var n = 2
            var unique = candidate
            // Names that differ only in a hyphen before a digit ('p-5', 'p5') are refused.
            while names.contains(where: { $0 == unique || Template.logicalId($0) == Template.logicalId(unique) })
                || !StringRulesMirror.isName(unique)
            {
                unique = String(candidate.prefix(maxName - 2)) + String(n)
                n += 1
            }
            names.append(unique)
            drafts.append(environment(unique, &plan))
        }
        assignWaves(&drafts, plan, names: names)
        plan.environments = drafts.map { ($0.name, $0.account, $0.regions) }
        return drafts.map { d in
            var pairs: [(String, ConfigTree?)] = [("name", .string(d.name)), ("account", .digits(d.account))]
            if let r = d.regionKey { pairs.append(r) }
            pairs.append(("approval", d.approval))
            pairs.append(("deploy", d.deploy.map(ConfigTree.string)))
            pairs.append(("rollback", d.rollback.map(ConfigTree.bool)))
            pairs.append(("wave", d.wave.map(ConfigTree.string)))
            return map(pairs + d.other)
        }
    }

    private func environment(_ name: String, _ plan: inout Plan) -> EnvironmentDraft {
        let account: String
        if chance(0.05) {
            account = plan.tooling
        } else if plan.accounts.count > 1, chance(0.25) {
            account = pick(Array(plan.accounts.dropFirst()))
        } else {
            account = self.account()
            plan.accounts.append(account)
        }
        let regions = sample(plan.regions, int(1...plan.regions.count))
        var d = EnvironmentDraft(name: name, account: account, regions: regions)
        if regions == [plan.toolingRegion], chance(0.4) {
            d.regionKey = nil
        } else if regions.count == 1, chance(0.7) {
            d.regionKey = ("region", .string(regions[0]))
        } else {
            d.regionKey = ("regions", .list(regions.map(ConfigTree.string)))
        }
        d.approval = approval()
        if plan.infra {
            d.deploy = chance(0.3) ? "change-set" : chance(0.1) ? "direct" : nil
        }
        d.rollback = chance(0.25) ? chance(0.6) : nil
        if regions.count > 1, chance(0.5) { d.other.append(("parallel-regions", .bool(chance(0.6)))) }
        if plan.infra || plan.containerDeployment, chance(0.3) {
            let commands = [
                "./run-tests.sh", "make test ENV=$ENVIRONMENT", "npm test -- --reporter=dot", "pytest -q tests/integration",
                "curl -fsS \"${API_URL}/health\"", "bash -c 'echo testing $ENVIRONMENT'",
            ]
            // After container-deployment when asked, or when it is the only pipeline that runs tests.
            let afterContainers = plan.containerDeployment && (!plan.infra || chance(0.3))
            var variables: [(String, ConfigTree?)] = []
            if !afterContainers {
                for (v, output) in sample([("API_URL", "ApiUrl"), ("TABLE_NAME", "TableName"), ("BASE", "Endpoint"), ("_QUEUE1", "QueueUrl")], int(0...3)) {
                    variables.append((v, .string(output)))
                }
            }
            let after: ConfigTree? =
                afterContainers
                ? (plan.infra || chance(0.5) ? .string("container-deployment") : nil)
                : (plan.containerDeployment || chance(0.3) ? maybe(0.5, .string("infrastructure-deployment")) : nil)
            d.other.append(
                (
                    "tests",
                    map([
                        ("command", .string(pick(commands))), ("variables", variables.isEmpty ? nil : map(variables)),
                        ("after", after), ("read-only-role", maybe(0.4, .bool(chance(0.7)))),
                        ("reports", maybe(0.4, .list(sample(["reports/*.xml", "build/test-results/**/*.xml", "junit.xml"], int(1...2)).map(ConfigTree.string)))),
                    ])
                ))
        }
        if plan.containerDeployment { d.other.append(("ecs", ecs(name, account: account, regions: regions, plan))) }
        return d
    }

    private func approval() -> ConfigTree? {
        switch int(0...9) {
        case 0...4: return nil
        case 5: return chance(0.5) ? .bool(true) : nil
        case 6: return .bool(true)
        case 7: return map([("notify", emails(1...3))])
        case 8:
            let comments = [
                "Check the test results first", "Look at the dashboards: 'latest' build", "Zustimmung für prod — bitte prüfen",
                "Approve only during the release window (09:00-17:00 UTC)", "100% sure? \"yes\" means go", "Check ${STAGE} and $HOME first",
            ]
            return map([("comment", .string(pick(comments)))])
        default: return map([("notify", emails(1...2)), ("comment", .string("Release manager approves"))])
        }
    }

    /// The ECS target: shared values, and for a further region its own listener ARNs where
    /// the shared ones are literal (an ARN names one region), sometimes other values too.
    private func ecs(_ env: String, account: String, regions: [String], _ plan: Plan) -> ConfigTree {
        let p = plan.project
        func arn(_ kind: String, _ id: String, _ region: String) -> String {
            "arn:\(plan.partition):elasticloadbalancing:\(region):\(account):listener/app/\(kind)/\(id)/0123456789abcdef"
        }
        func listener(_ kind: String, _ region: String, literal: Bool) -> ConfigTree {
            literal ? .string(arn(kind, kind == "prod" ? "50dc6c495c0c9188" : "60dc6c495c0c9189", region)) : .map([("import", .string("\(p)-\(env)-\(kind == "prod" ? "Prod" : "Test")ListenerArn"))])
        }
        let literalProd = chance(0.5), literalTest = chance(0.5), hasTest = chance(0.4)
        var pairs: [(String, ConfigTree?)] = [
            ("cluster", valueSource(String("\(p)-\(env)".prefix(255)), "\(p)-\(env)-Cluster")),
            ("service", valueSource(pick(["web", "api", p]), "\(p)-\(env)-ServiceName")),
            ("listener", listener("prod", regions[0], literal: literalProd)),
        ]
        if hasTest { pairs.append(("test-listener", listener("test", regions[0], literal: literalTest))) }
        pairs.append(
            ("target-groups", .list([valueSource("\(env.prefix(20))-blue", "\(p)-\(env)-Blue"), valueSource("\(env.prefix(20))-green", "\(p)-\(env)-Green")])))
        var overrides: [(String, ConfigTree)] = []
        for region in regions.dropFirst() {
            var own: [(String, ConfigTree?)] = []
            if literalProd || chance(0.2) { own.append(("listener", listener("prod", region, literal: literalProd || chance(0.5)))) }
            if hasTest, literalTest || chance(0.2) { own.append(("test-listener", listener("test", region, literal: true))) }
            if chance(0.2) { own.append(("cluster", valueSource("\(String(p.prefix(20)))-\(region)", "\(p)-\(env)-Cluster"))) }
            if chance(0.1) { own.append(("target-groups", .list([.string("\(region)-blue"), .string("\(region)-green")]))) }
            if !own.isEmpty { overrides.append((region, map(own))) }
        }
        if !overrides.isEmpty { pairs.append(("regions", .map(overrides))) }
        // The environment's own blue/green settings.
        if chance(0.2) { pairs.append(("deployment-config", .string(pick(Self.deploymentConfigs)))) }
        if chance(0.1) { pairs.append(("reroute-wait-minutes", .int(pick([0, 15, 120])))) }
        if chance(0.1) { pairs.append(("termination-wait-minutes", .int(pick([0, 30])))) }
        if chance(0.15) { pairs.append(("alarms", .list(sample(["\(p)-\(env)-5xx", "{project}-{region}-errors"], int(0...2)).map(ConfigTree.string)))) }
        return map(pairs)
    }

    private func valueSource(_ literal: String, _ export: String) -> ConfigTree {
        chance(0.5) ? .string(literal) : .map([("import", .string(export))])
    }

    /// Groups some neighbours into waves. A wave's members share approval, deploy and
    /// rollback (copied from the first), its name is no environment's, and it stays within
    /// CodePipeline's 50 actions per stage.
    private func assignWaves(_ drafts: inout [EnvironmentDraft], _ plan: Plan, names: [String]) {
        var i = 0
        var wave = 0
        while i < drafts.count - 1 {
            guard chance(0.25) else {
                i += 1
                continue
            }
            // Per environment at most a create, an execute and a Lambda update per region,
            // and the tests; per stage two approvals.
            func cost(_ d: EnvironmentDraft) -> Int { 3 * d.regions.count + 1 }
            var size = 1
            var total = 2 + cost(drafts[i])
            let want = int(2...5)
            while size < want, i + size < drafts.count, total + cost(drafts[i + size]) <= 50 {
                total += cost(drafts[i + size])
                size += 1
            }
            guard size > 1 else {
                i += 1
                continue
            }
            wave += 1
            var waveName = pick(["wave-\(wave)", "canary\(wave)", "regional-\(wave)", "batch\(wave)", "fleet-w\(wave)"])
            while names.contains(waveName) { waveName += "w" }
            let lead = drafts[i]
            for j in i..<(i + size) {
                drafts[j].wave = waveName
                drafts[j].approval = lead.approval
                drafts[j].deploy = j == i || chance(0.5) ? lead.deploy : (lead.deploy ?? "direct")
                if lead.deploy == "change-set" { drafts[j].deploy = "change-set" }
                drafts[j].rollback = j == i || chance(0.5) ? lead.rollback : (lead.rollback ?? false)
            }
            i += size
        }
    }
}

/// The config's name rule, restated for the generator: lowercase letters, digits and single
/// hyphens, a letter first, no hyphen last.
enum StringRulesMirror {
    static func isName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let f = u.first, f >= 0x61, f <= 0x7A, u.last != 0x2D else { return false }
        for (i, c) in u.enumerated() {
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D else { return false }
            if c == 0x2D, i > 0, u[i - 1] == 0x2D { return false }
        }
        return true
    }
}
