import YAMLKit

/// Checks of the governance settings that need the rest of the config: accounts,
/// environments. Which roles `roles:` may name is the kit's to check: it derives the roles.
struct GovernanceChecks {
    let context: DecodeContext

    func run(_ config: Config) {
        for env in config.environments {
            let count = TagSetting.merged(config.tags, env.tags).count
            if count > TagRules.maxTags {
                context.error(
                    "environment '\(env.name.value)' would have \(count) tags with the project's; AWS allows \(TagRules.maxTags) on a resource",
                    at: env.tags.first?.key.mark ?? env.mark, notes: [.help("keep at most \(TagRules.maxTags) tags, the project's and the environment's together")])
            }
        }
        // Each ARN's partition is `PartitionChecks`' to check, as every ARN of the config.
        checkBoundary(config)
        if let approvers = config.approvers { checkApprovers(approvers, config) }
    }

    /// A boundary ARN names a policy every role's account can attach: AWS's own, or one of that
    /// account (`{account}`); a customer managed policy belongs to one account.
    /// [Permissions boundaries](https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)
    private func checkBoundary(_ config: Config) {
        guard let boundary = config.permissionsBoundary, case .arn(let arn) = boundary.policy.value else { return }
        let account = arn.split(separator: ":", omittingEmptySubsequences: false)[4]
        guard account != "aws", account != "{account}" else { return }
        let accounts = [config.tooling.account.value] + config.environments.map(\.account.value)
        if let other = accounts.first(where: { $0 != account }) {
            context.error(
                "the permissions boundary '\(arn)' is a policy of account \(account), but pipegen creates roles in account \(other) too",
                at: boundary.policy.mark,
                notes: [
                    .note("a role's boundary must be a managed policy of its own account, or an AWS managed policy"),
                    .help("write '{account}' for the account (the same policy in every account), or the policy's name"),
                ])
        }
    }

    /// Each approver environment exists, asks for an approval, is listed once, and brings the
    /// rest of its wave (one approval serves the whole wave).
    private func checkApprovers(_ approvers: Approvers, _ config: Config) {
        var seen: [Located<String>] = []
        let names = config.environments.map(\.name.value)
        for name in approvers.environments {
            if let first = seen.first(where: { $0.value == name.value }) {
                context.error("environment '\(name.value)' is listed twice in 'approvers'", at: name.mark, notes: [.note("first listed here", at: first.mark)])
                continue
            }
            seen.append(name)
            guard let env = config.environment(name.value) else {
                var notes: [Diagnostic.Note] = []
                if let guess = Suggest.closest(to: name.value, in: names) { notes.append(.help("did you mean '\(guess)'?")) }
                notes.append(.note("the environments are \(names.map { "'\($0)'" }.joined(separator: ", "))"))
                context.error("'approvers' names environment '\(name.value)', which the config does not have", at: name.mark, notes: notes)
                continue
            }
            // Change sets are approved even without `approval`.
            guard env.approval != nil || env.deployMode == .changeSet else {
                context.error(
                    "'approvers' names environment '\(name.value)', which has no approval to approve", at: name.mark,
                    notes: [.note("environment '\(name.value)' defined here", at: env.name.mark), .help("add 'approval: true' to environment '\(name.value)', or leave it out of 'approvers'")])
                continue
            }
            if let wave = env.wave {
                let members = config.environments.filter { $0.wave?.value == wave.value }.map(\.name.value)
                let missing = members.filter { m in !approvers.environments.contains { $0.value == m } }
                if !missing.isEmpty, !seen.dropLast().contains(where: { config.environment($0.value)?.wave?.value == wave.value }) {
                    context.error(
                        "environment '\(name.value)' shares one approval with wave '\(wave.value)': approving it approves \(missing.map { "'\($0)'" }.joined(separator: ", ")) too",
                        at: name.mark, notes: [.help("list every environment of wave '\(wave.value)' in 'approvers', or none")])
                }
            }
        }
    }
}
