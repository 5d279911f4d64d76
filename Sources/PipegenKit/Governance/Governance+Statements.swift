import CloudFormation
import PipegenConfig
import YAMLKit

extension Governance {
    /// The `roles:` entry and statement that `sid` (`ConfigStatement2`) of the role `roleArn`
    /// came from. The role is found by its name in each owner of its account (the tooling
    /// account, the environments in it), since `roles:` names it without them.
    static func statement(_ sid: String, ofRole roleArn: String, _ config: Config) -> (entry: RoleStatements, index: Int)? {
        guard sid.hasPrefix(statementSid), let n = Int(sid.dropFirst(statementSid.count)),
            let (account, name) = Consistency.roleArnParts(roleArn)
        else { return nil }
        let names = Names(config)
        var owners: [StackTemplate.Owner] = account == config.tooling.account.value ? [.tooling] : []
        owners += config.environments.filter { $0.account.value == account }.map { .environment($0.name.value) }
        for owner in owners {
            guard let address = names.roleAddress(.string(name), owner: owner),
                let entry = config.roleStatements.first(where: { $0.role.value == address }), n >= 1, n <= entry.statements.count
            else { continue }
            return (entry, n - 1)
        }
        return nil
    }
}

extension RuntimeAccess {
    /// A call that a statement of the config's `roles:` denies: the config's to change, told at
    /// that statement rather than as a bug of pipegen.
    static func configDenial(_ call: RuntimeCall, _ action: String, _ sid: String, _ config: Config) -> Diagnostic? {
        guard case .role(let arn) = call.caller, let (entry, index) = Governance.statement(sid, ofRole: arn, config) else { return nil }
        return .error(
            "statement \(index + 1) of role '\(entry.role.value)' in 'roles' denies \(action) on '\(call.resource)', which \(call.origin) needs at run time",
            at: entry.statements[index].mark ?? entry.role.mark,
            notes: [
                .note("role '\(entry.role.value)' is '\(arn)' in \(call.account) (\(call.region))"),
                .help("narrow the statement's actions or resources so that it leaves this call alone"),
            ])
    }
}
