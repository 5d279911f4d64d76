import CloudFormation

/// Compares the policies of one stack before and after, grant by grant: statements are paired
/// by `Sid` (or, without one, by effect and actions), then their actions, principals,
/// resources and conditions compared. A change widens when it allows more: a new action,
/// principal, account or resource pattern that nothing old covered, a condition or condition
/// value removed, an Allow added or a Deny removed; the opposite narrows. Wildcards are read as
/// IAM reads them (`PolicyMatch.glob`), so `s3:GetObject` added beside `s3:*` changes nothing.
enum PermissionDiff {
    /// The policies whose grants changed between `old` and `new` (either nil for a stack that
    /// appears or disappears), in the new template's order, then removed ones in the old's.
    static func compare(old: [PolicySite]?, new: [PolicySite]?, place: StackPlace) -> [PermissionChange] {
        let oldSites = old ?? [], newSites = new ?? []
        var byKey: [String: PolicySite] = [:]
        for site in oldSites where byKey[site.key] == nil { byKey[site.key] = site }
        var out: [PermissionChange] = []
        var seen: Set<String> = []
        for site in newSites {
            seen.insert(site.key)
            let before = byKey[site.key]
            let details = before.map { Self.details(old: $0, new: site) } ?? Self.whole(site, added: true)
            guard let kind = Self.kind(details, added: before == nil, removed: false) else { continue }
            out.append(change(kind, site, place, details))
        }
        for site in oldSites where !seen.contains(site.key) {
            let details = Self.whole(site, added: false)
            guard let kind = Self.kind(details, added: false, removed: true) else { continue }
            out.append(change(kind, site, place, details))
        }
        return out
    }

    private static func change(
        _ kind: PermissionChange.Kind, _ site: PolicySite, _ place: StackPlace, _ details: [PermissionDetail]
    ) -> PermissionChange {
        PermissionChange(
            kind: kind, policy: site.policy, place: place, logicalId: site.logicalId, holder: site.holder,
            policyName: site.name, details: details, cause: nil)
    }

    /// The kind of a policy's change; nil when nothing it allows changed.
    static func kind(_ details: [PermissionDetail], added: Bool, removed: Bool) -> PermissionChange.Kind? {
        if added { return .added }
        if removed { return .removed }
        let widens = details.contains { $0.direction == .widens }
        let narrows = details.contains { $0.direction == .narrows }
        switch (widens, narrows) {
        case (true, true): return .changed
        case (true, false): return .widened
        case (false, true): return .narrowed
        case (false, false): return nil
        }
    }

    /// Every grant of a policy that appears or disappears as a whole. A role's policies go
    /// with the role: its Deny statements no longer hold anyone back, as there is no one left.
    static func whole(_ site: PolicySite, added: Bool) -> [PermissionDetail] {
        let roleGone = !added && [.identity, .trust, .managedPolicies].contains(site.policy)
        var out: [PermissionDetail] = site.grants.enumerated().map { i, g in
            PermissionDetail(
                direction: roleGone ? .narrows : Self.direction(more: added, g.effect), added: added, aspect: .statement,
                statement: label(g, i), text: g.summary)
        }
        for arn in site.attachments {
            out.append(
                PermissionDetail(
                    direction: added ? .widens : .narrows, added: added, aspect: .managedPolicy, statement: "",
                    text: arn))
        }
        return out
    }

    static func label(_ g: Grant, _ index: Int) -> String { g.sid ?? "#\(index + 1)" }

    /// Allowing more in an Allow statement widens; in a Deny statement it narrows.
    static func direction(more: Bool, _ effect: IAM.Effect) -> PermissionDetail.Direction {
        (more == (effect == .allow)) ? .widens : .narrows
    }

    /// The grants that differ between two versions of one policy.
    static func details(old: PolicySite, new: PolicySite) -> [PermissionDetail] {
        var out: [PermissionDetail] = []
        for (o, n) in pairs(old.grants, new.grants) {
            switch (o, n) {
            case (nil, let n?):
                out.append(
                    PermissionDetail(
                        direction: direction(more: true, new.grants[n].effect), added: true, aspect: .statement,
                        statement: label(new.grants[n], n), text: new.grants[n].summary))
            case (let o?, nil):
                out.append(
                    PermissionDetail(
                        direction: direction(more: false, old.grants[o].effect), added: false, aspect: .statement,
                        statement: label(old.grants[o], o), text: old.grants[o].summary))
            case (let o?, let n?):
                out += compare(old.grants[o], new.grants[n], label: label(new.grants[n], n))
            case (nil, nil):
                break
            }
        }
        for arn in new.attachments where !old.attachments.contains(arn) {
            out.append(
                PermissionDetail(direction: .widens, added: true, aspect: .managedPolicy, statement: "", text: arn))
        }
        for arn in old.attachments where !new.attachments.contains(arn) {
            out.append(
                PermissionDetail(direction: .narrows, added: false, aspect: .managedPolicy, statement: "", text: arn))
        }
        return out
    }

    /// Statements paired in the new policy's order: by `Sid`; then, among the rest, by effect
    /// and the same actions; then by effect and a shared action. Unpaired ones stand alone,
    /// removed ones last.
    static func pairs(_ old: [Grant], _ new: [Grant]) -> [(Int?, Int?)] {
        var partner: [Int: Int] = [:]
        var used: Set<Int> = []
        for (n, g) in new.enumerated() {
            guard let sid = g.sid, let o = old.indices.first(where: { !used.contains($0) && old[$0].sid == sid }) else {
                continue
            }
            partner[n] = o
            used.insert(o)
        }
        let rules: [(Grant, Grant) -> Bool] = [
            { $0.effect == $1.effect && Set($0.actions) == Set($1.actions) },
            { $0.effect == $1.effect && !Set($0.actions).isDisjoint(with: $1.actions) },
        ]
        for rule in rules {
            for (n, g) in new.enumerated() where partner[n] == nil {
                // A statement with a Sid pairs only with one without, or with the same Sid (above).
                let candidates = old.indices.filter { !used.contains($0) && (old[$0].sid == nil || g.sid == nil) }
                guard let o = candidates.first(where: { rule(old[$0], g) }) else { continue }
                partner[n] = o
                used.insert(o)
            }
        }
        var out: [(Int?, Int?)] = new.indices.map { (partner[$0], $0) }
        out += old.indices.filter { !used.contains($0) }.map { ($0, nil) }
        return out
    }

    /// The differences of two versions of one statement.
    static func compare(_ o: Grant, _ n: Grant, label: String) -> [PermissionDetail] {
        if o.effect != n.effect {
            return [
                PermissionDetail(
                    direction: direction(more: false, o.effect), added: false, aspect: .statement, statement: label,
                    text: o.summary),
                PermissionDetail(
                    direction: direction(more: true, n.effect), added: true, aspect: .statement, statement: label,
                    text: n.summary),
            ]
        }
        var out: [PermissionDetail] = []
        func add(_ aspect: PermissionDetail.Aspect, _ text: String, added: Bool, covered: Bool) {
            let dir: PermissionDetail.Direction = covered ? .neutral : direction(more: added, n.effect)
            out.append(PermissionDetail(direction: dir, added: added, aspect: aspect, statement: label, text: text))
        }
        // Each list: what the new side has that the old lacks, and the reverse. An added item
        // already matched by an old pattern allows nothing new (and a removed one matched by a
        // new pattern takes nothing away).
        func lists(_ aspect: PermissionDetail.Aspect, _ a: [String], _ b: [String], covers: (String, String) -> Bool) {
            for item in b where !a.contains(item) {
                add(aspect, describe(aspect, item), added: true, covered: a.contains { covers($0, item) })
            }
            for item in a where !b.contains(item) {
                add(aspect, describe(aspect, item), added: false, covered: b.contains { covers($0, item) })
            }
        }
        lists(.action, o.actions, n.actions) { PolicyMatch.glob($0, $1, caseInsensitive: true) }
        lists(.principal, o.principals, n.principals, covers: Self.principalCovers)
        lists(.resource, o.resources, n.resources) { PolicyMatch.glob($0, $1) }
        // Conditions, by operator and key: a condition removed or a value added to a positive
        // operator allows more; a negated operator (`StringNotEquals`, ...) the reverse.
        let oldKeys = o.conditions.map { "\($0.op) \($0.key)" }, newKeys = n.conditions.map { "\($0.op) \($0.key)" }
        for (i, c) in n.conditions.enumerated() {
            guard let j = oldKeys.firstIndex(of: newKeys[i]) else {
                add(.condition, "\(newKeys[i]) \(c.values.joined(separator: ", "))", added: true, covered: false)
                // A new condition restricts: it narrows, whatever the statement's effect does.
                out[out.count - 1].direction = direction(more: false, n.effect)
                continue
            }
            let before = o.conditions[j].values
            let negated = c.op.contains("Not")
            for v in c.values where !before.contains(v) {
                add(.condition, "\(newKeys[i]) value \(v)", added: true, covered: false)
                out[out.count - 1].direction = direction(more: !negated, n.effect)
            }
            for v in before where !c.values.contains(v) {
                add(.condition, "\(newKeys[i]) value \(v)", added: false, covered: false)
                out[out.count - 1].direction = direction(more: negated, n.effect)
            }
        }
        for (j, c) in o.conditions.enumerated() where !newKeys.contains(oldKeys[j]) {
            add(.condition, "\(oldKeys[j]) \(c.values.joined(separator: ", "))", added: false, covered: false)
            out[out.count - 1].direction = direction(more: true, n.effect)
        }
        return out
    }

    /// An old principal covers a new one when it is the same, `*`, or the root of the
    /// account the new one is in (an account principal admits that account's roles).
    static func principalCovers(_ old: String, _ new: String) -> Bool {
        if old == "*" || old == new { return true }
        guard let account = accountOfRoot(old) else { return false }
        return accountOf(new) == account
    }

    /// `111111111111` for `arn:aws:iam::111111111111:root` or a bare account id.
    static func accountOfRoot(_ principal: String) -> String? {
        if principal.count == 12, principal.allSatisfy(\.isNumber) { return principal }
        guard principal.hasPrefix("arn:"), principal.hasSuffix(":root") else { return nil }
        return accountOf(principal)
    }

    /// The account field of an ARN (its fifth part), when it is 12 digits.
    static func accountOf(_ arn: String) -> String? {
        if arn.count == 12, arn.allSatisfy(\.isNumber) { return arn }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else { return nil }
        return String(parts[4])
    }

    /// A principal names its account when it is an account's root.
    static func describe(_ aspect: PermissionDetail.Aspect, _ item: String) -> String {
        guard aspect == .principal, let account = accountOfRoot(item), account != item else { return item }
        return "\(item) (account \(account))"
    }
}
