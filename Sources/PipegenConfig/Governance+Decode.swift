import YAMLKit

extension ConfigDecoder {
    /// `tags:` (the project's or an environment's): a mapping of keys to values, each checked
    /// against what every resource type pipegen tags accepts.
    func decodeTags(_ n: Node, owner: String) -> [TagSetting] {
        guard case .mapping(let pairs) = n.kind else {
            if case .scalar(let s) = n.kind, s.isNull { return [] }
            context.error("expected a mapping of tag keys to values for 'tags'\(owner), found \(n.kindPhrase)", at: n.mark)
            return []
        }
        var out: [TagSetting] = []
        for pair in pairs {
            guard let key = pair.key.scalar.map({ Located($0.text, at: pair.key.mark) }),
                let value = context.string(pair.value, .string(.text), what: "tag '\(pair.key.scalar?.text ?? "")'\(owner)")
            else { continue }
            if let first = out.first(where: { $0.key.value == key.value }) {
                context.error("duplicate tag '\(key.value)'\(owner)", at: key.mark, notes: [.note("'\(key.value)' first defined here", at: first.key.mark)])
                continue
            }
            var valid = true
            for (text, mark, what) in [(key.value, key.mark, "key"), (value.value, value.mark, "value")] {
                if let problem = TagRules.problem(text, what: what) {
                    context.error(problem.message, at: mark, notes: problem.notes)
                    valid = false
                }
            }
            if valid { out.append(TagSetting(key: key, value: value)) }
        }
        if out.count > TagRules.maxTags {
            context.error(
                "\(out.count) tags\(owner); AWS allows \(TagRules.maxTags) on a resource", at: n.mark,
                notes: [.help("keep at most \(TagRules.maxTags) tags (the project's and each environment's together)")])
        }
        return out
    }

    /// `permissions-boundary:` as a policy (`generated`, a name or an ARN), or the mapping.
    func decodeBoundary(_ n: Node, at mark: Mark?) -> PermissionsBoundary? {
        if case .mapping = n.kind {
            guard
                let r = ObjectReader(
                    n, spec: PermissionsBoundary.spec, owner: " in 'permissions-boundary'", context: context, what: "'permissions-boundary'"),
                let text = r.string(PermissionsBoundary.Keys.policy.name), let policy = boundaryPolicy(text)
            else { return nil }
            return PermissionsBoundary(policy: policy, enforce: r.read(PermissionsBoundary.Keys.enforce), mark: mark)
        }
        guard let text = context.string(n, .string(.text), what: "'permissions-boundary'"), let policy = boundaryPolicy(text) else { return nil }
        return PermissionsBoundary(policy: policy, mark: mark)
    }

    private func boundaryPolicy(_ text: Located<String>) -> Located<PermissionsBoundary.Policy>? {
        let value = text.value
        if value == "generated" { return Located(.generated, at: text.mark) }
        if value.hasPrefix("arn:") {
            let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let name = parts.count == 6 ? parts[5].dropFirst("policy/".count) : ""
            guard parts.count == 6, parts[2] == "iam", parts[3].isEmpty, parts[5].hasPrefix("policy/"),
                parts[4] == "aws" || parts[4] == "{account}" || StringRules.problem(String(parts[4]), .accountId) == nil,
                !name.isEmpty, name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(Self.isPolicyName)
            else {
                context.error(
                    "'\(value)' is not the ARN of a managed policy", at: text.mark,
                    notes: [.help("write arn:<partition>:iam::<account, {account} or aws>:policy/<name>, such as arn:aws:iam::{account}:policy/Boundary")])
                return nil
            }
            return Located(.arn(value), at: text.mark)
        }
        guard Self.isPolicyName(value[...]) else {
            context.error(
                "'\(value)' is not a managed policy name", at: text.mark,
                notes: [.help("write 'generated', a policy name (up to 128 letters, digits and + = , . @ _ -), or the policy's ARN")])
            return nil
        }
        return Located(.name(value), at: text.mark)
    }

    /// IAM's policy names: 1 to 128 of letters, digits and `+=,.@_-`.
    static func isPolicyName(_ s: Substring) -> Bool {
        !s.isEmpty && s.utf8.count <= 128
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+=,.@_-".unicodeScalars.contains($0)) }
    }

    /// `roles:`: role name → the statements added to it.
    func decodeRoles(_ n: Node) -> [RoleStatements] {
        guard case .mapping(let pairs) = n.kind else {
            context.error("expected a mapping of role names to their statements for 'roles', found \(n.kindPhrase)", at: n.mark)
            return []
        }
        var out: [RoleStatements] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            if let first = out.first(where: { $0.role.value == name }) {
                context.error("duplicate role '\(name)' in 'roles'", at: pair.key.mark, notes: [.note("'\(name)' first defined here", at: first.role.mark)])
                continue
            }
            let owner = " of role '\(name)'"
            guard let r = ObjectReader(pair.value, spec: RoleStatements.spec, owner: owner, context: context, what: "role '\(name)' in 'roles'"),
                let items = r.list("statements")
            else { continue }
            let statements = items.compactMap { decodeExtraStatement($0, owner: owner) }
            if statements.count == items.count, !statements.isEmpty {
                out.append(RoleStatements(role: Located(name, at: pair.key.mark), statements: statements))
            }
        }
        return out
    }

    private func decodeExtraStatement(_ n: Node, owner: String) -> ExtraStatement? {
        guard let r = ObjectReader(n, spec: PolicyStatement.spec, owner: " in a statement\(owner)", context: context, what: "a statement\(owner)"),
            let actions = r.strings("actions"), let resources = r.strings("resources")
        else { return nil }
        var valid = true
        for action in actions where !StatementRules.isAction(action.value) {
            context.error(
                "'\(action.value)' is not an IAM action", at: action.mark,
                notes: [.help("write service:Action, such as s3:GetObject (wildcards * and ? may stand in the action's name)")])
            valid = false
        }
        for resource in resources {
            if let problem = StatementRules.resourceProblem(resource.value, references: Self.executionRoleReferences) {
                context.error(problem.message, at: resource.mark, notes: problem.notes)
                valid = false
            }
        }
        if let every = actions.first(where: { $0.value == "*" }), let anywhere = resources.first(where: { $0.value == "*" }) {
            context.error(
                "a statement\(owner) names every action ('*') on every resource ('*')", at: every.mark,
                notes: [
                    .note("'*' resource here", at: anywhere.mark),
                    .help("name the actions (s3:GetObject) and the resources (their ARNs) the role needs"),
                ])
            valid = false
        }
        return valid ? ExtraStatement(effect: r.read(PolicyStatement.Keys.effect), actions: actions, resources: resources, mark: n.mark) : nil
    }

    /// `approvers:` as a list of environments, or the mapping.
    func decodeApprovers(_ n: Node, at mark: Mark?) -> Approvers? {
        if case .mapping = n.kind {
            guard let r = ObjectReader(n, spec: Approvers.spec, owner: " in 'approvers'", context: context, what: "'approvers'"),
                let environments = r.strings(Approvers.Keys.environments.name)
            else { return nil }
            return Approvers(environments: environments, group: r.read(Approvers.Keys.group), mark: mark)
        }
        guard let items = context.list(n, minItems: 1, what: "'approvers'") else { return nil }
        let environments = items.compactMap { context.string($0, .string(.name), what: "an item of 'approvers'") }
        return environments.isEmpty ? nil : Approvers(environments: environments, mark: mark)
    }

    /// `operations:`.
    func decodeOperations(_ r: ObjectReader) -> Operations {
        var administrators: [Located<String>] = []
        for arn in r.strings(Operations.Keys.keyAdministrators.name) ?? [] {
            guard StatementRules.isPrincipalArn(arn.value) else {
                context.error(
                    "'\(arn.value)' is not the ARN of an IAM role, user or account", at: arn.mark,
                    notes: [.help("write arn:<partition>:iam::<account>:role/<name> (or user/<name>, or root)")])
                continue
            }
            if let first = administrators.first(where: { $0.value == arn.value }) {
                context.error("'\(arn.value)' is listed twice in 'key-administrators'", at: arn.mark, notes: [.note("first listed here", at: first.mark)])
                continue
            }
            administrators.append(arn)
        }
        return Operations(
            keyAdministrators: administrators, retainOnDelete: r.read(Operations.Keys.retainOnDelete), exports: r.read(Operations.Keys.exports))
    }
}

/// What AWS accepts in tags, for every resource type pipegen tags.
/// [Resource tags](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html)
enum TagRules {
    /// Tags on one resource (the `aws:` ones CloudFormation adds do not count).
    static let maxTags = 50
    /// ECR repositories take the shortest keys and values of the types pipegen tags, and no
    /// empty value (cfn-lint 1.51's schema of `AWS::ECR::Repository`: keys 1–127, values
    /// 1–255); the others take 128 and 0–256.
    static let maxKey = 127
    static let maxValue = 255

    /// Letters, digits, white space and `_ . : / = + - @`: the characters every service
    /// accepts (IAM's pattern, `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`).
    static func isTagCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spaceSeparator, .lineSeparator, .paragraphSeparator, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(c)
        }
    }

    static func problem(_ text: String, what: String) -> StringRules.Problem? {
        let length = text.unicodeScalars.count
        let most = what == "key" ? maxKey : maxValue
        if length == 0 {
            return StringRules.Problem(
                message: "a tag \(what) cannot be empty",
                notes: [.help(what == "key" ? "name the tag" : "give the tag a value (ECR repositories refuse empty values)")])
        }
        if length > most {
            return StringRules.Problem(message: "tag \(what) '\(text.prefix(40))...' is \(length) characters; tags take at most \(most)")
        }
        if text.lowercased().hasPrefix("aws:") {
            return StringRules.Problem(
                message: "tag \(what) '\(text)' starts with 'aws:', which AWS reserves for its own tags", notes: [.help("remove the 'aws:' prefix")])
        }
        if what == "key", text.contains("=") {
            return StringRules.Problem(
                message: "tag key '\(text)' holds '=', which 'aws cloudformation deploy --tags Key=Value' reads as the end of the key",
                notes: [.help("use letters, digits, spaces and _ . : / + - @ in keys")])
        }
        if let bad = text.unicodeScalars.first(where: { !isTagCharacter($0) }) {
            return StringRules.Problem(
                message: "tag \(what) '\(text)' holds '\(bad)', which AWS does not accept in tags",
                notes: [.help("use letters, digits, spaces and _ . : / = + - @")])
        }
        return nil
    }
}

/// What the IAM statements of the config must look like.
enum StatementRules {
    /// `service:Action` (its name may hold the wildcards `*` and `?`), or `*`.
    /// [Action](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html)
    static func isAction(_ s: String) -> Bool {
        if s == "*" { return true }
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let service = parts[0].unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        let action = parts[1].unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "*" || $0 == "?") }
        return service && action
    }

    /// Why `s` is not `*` or an ARN whose `${...}` are only `references`; nil when it is.
    static func resourceProblem(_ s: String, references: [String]) -> StringRules.Problem? {
        if s == "*" { return nil }
        let parts = fields(s)
        guard s.hasPrefix("arn:"), parts.count == 6, !parts[1].isEmpty, !parts[2].isEmpty else {
            return StringRules.Problem(
                message: "'\(s)' is not an ARN", notes: [.help("write '*' or an ARN such as arn:aws:s3:::shop-data/*")])
        }
        var rest = s[...]
        while let start = rest.firstRange(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let name = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            if name.hasPrefix("!") || references.contains(String(name)) { continue }
            return StringRules.Problem(
                message: "'${\(name)}' in '\(s)' is not a pseudo parameter",
                notes: [.help("use \(references.map { "${\($0)}" }.joined(separator: ", ")), or write '${!\(name)}' for the literal text")])
        }
        return nil
    }

    /// The six fields of an ARN (`arn`, partition, service, region, account, resource): split
    /// at the first five colons outside `${...}`, so `${AWS::Partition}` is one field.
    static func fields(_ s: String) -> [Substring] {
        var out: [Substring] = []
        var start = s.startIndex
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex, out.count < 5 {
            let c = s[i]
            if c == "$", s[s.index(after: i)...].hasPrefix("{") { depth += 1 }
            if c == "}", depth > 0 { depth -= 1 }
            if c == ":", depth == 0 {
                out.append(s[start..<i])
                start = s.index(after: i)
            }
            i = s.index(after: i)
        }
        out.append(s[start...])
        return out
    }

    /// `arn:<partition>:iam::<account>:(root|role/...|user/...)`.
    static func isPrincipalArn(_ s: String) -> Bool {
        let parts = s.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "iam", parts[3].isEmpty,
            StringRules.problem(String(parts[4]), .accountId) == nil
        else { return false }
        let resource = parts[5]
        return resource == "root" || (resource.hasPrefix("role/") && resource.count > 5) || (resource.hasPrefix("user/") && resource.count > 5)
    }
}
