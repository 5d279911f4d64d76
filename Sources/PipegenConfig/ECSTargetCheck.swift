import YAMLKit

/// Checks of an environment's ECS values that name one region and one account: a listener
/// ARN (`arn:<partition>:elasticloadbalancing:<region>:<account>:listener/...`) serves only the
/// region and account it names, so each region of the environment needs its own, given
/// under `ecs.regions` or as an import that each region's stack resolves to its own export.
/// Cluster, service and target group names are not region-specific: one may serve every region.
struct ECSTargetCheck {
    let context: DecodeContext
    let environment: String
    let account: String
    /// The environment's regions, home first.
    let regions: [String]

    /// `key` (`listener`, `test-listener`) written once for every region (`shared`) and per
    /// region (`overrides`): each literal is used in one region only, the one its ARN names,
    /// in the environment's account.
    func checkOneRegionEach(_ key: String, shared: Node?, overrides: [(region: String, node: Node)]) {
        if let shared {
            let users = regions.filter { region in !overrides.contains { $0.region == region } }
            if !users.isEmpty { check(key, shared, in: users) }
        }
        for (region, node) in overrides { check(key, node, in: [region]) }
    }

    /// One written value of `key`, used in `users` (one region or several).
    private func check(_ key: String, _ node: Node, in users: [String]) {
        // An import (a mapping), or a value reported already.
        guard let text = node.scalar?.text, !(node.scalar?.isNull ?? true) else { return }
        let help = Diagnostic.Note.help(
            "give each region its own \(key) under 'regions', such as 'regions: {\(users.last!): {\(key): <ARN in \(users.last!)>}}', "
                + "or write {import: export-name}, which each region's stack resolves to its own export")
        guard let arn = Self.arnParts(text) else {
            if users.count > 1 {
                context.error(
                    "\(key) '\(text)' is written once for environment '\(environment)', which deploys to \(users.count) regions",
                    at: node.mark, notes: [.note("a \(key) ARN names one region"), help])
            }
            return
        }
        if arn.account != account {
            context.error(
                "\(key) '\(text)' is in account '\(arn.account)', but environment '\(environment)' is in account '\(account)'",
                at: node.mark,
                notes: [.help("CodeDeploy shifts traffic only on listeners of the environment's own account")])
        }
        if let other = users.first(where: { $0 != arn.region }) {
            let message =
                users.contains(arn.region)
                ? "\(key) '\(text)' is in region '\(arn.region)', but environment '\(environment)' deploys in '\(other)' too"
                : "\(key) '\(text)' is in region '\(arn.region)', but environment '\(environment)' uses it in '\(other)'"
            context.error(message, at: node.mark, notes: [help])
        }
    }

    /// The region and account of an ARN (`arn:partition:service:region:account:resource`).
    static func arnParts(_ text: String) -> (region: String, account: String)? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        return (String(parts[3]), String(parts[4]))
    }

    /// `key` (`cluster`, `service`, a target group) names its resource: the deployment group
    /// takes names there, and the CodeDeploy role's ARNs are built from them.
    /// [ECSService](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-ecsservice.html),
    /// [TargetGroupInfo](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentgroup-targetgroupinfo.html)
    func checkName(_ key: String, _ node: Node?) {
        guard let node, let text = node.scalar?.text, text.hasPrefix("arn:") else { return }
        // targetgroup/<name>/<id>, cluster/<name>, service/<cluster>/<name>
        let parts = text.split(separator: "/").map(String.init)
        let name = text.contains(":targetgroup/") && parts.count > 1 ? parts[1] : parts.last ?? text
        context.error(
            "\(key) '\(text)' is an ARN, but CodeDeploy takes the \(key)'s name here", at: node.mark,
            notes: [.help("write its name, such as '\(name)'")])
    }
}
