/// What a part of a printed change report is, so a terminal can colour it (`pipegen diff`
/// maps these to ANSI colours; elsewhere they are plain text).
public enum ChangeEmphasis: Sendable {
    case heading, added, removed, changed, widens, narrows, note
}

extension ChangeReport {
    /// The report as `pipegen diff` prints it by default: one section per account, region and
    /// stack, then the permissions, the data and the deployment order, then a summary line.
    /// `config` and `against` name the two sides; `paint` styles each marked part.
    public func text(
        config: String, against: String, paint: (String, ChangeEmphasis) -> String = { text, _ in text }
    ) -> String {
        guard hasChanges || !unreadable.isEmpty else {
            return "no change: \(config) renders what \(against) holds\n"
        }
        var out = [paint("Changes of \(config) against \(against)", .heading)]
        var account = "", region = ""
        for stack in stacks {
            if stack.place.account != account {
                account = stack.place.account
                region = ""
                out += ["", paint("account \(account) (\(stack.owner))", .heading)]
            }
            if stack.place.region != region {
                region = stack.place.region
                out.append("  \(region)")
            }
            out += stackLines(stack, indent: "    ", paint: paint)
        }
        if !permissions.isEmpty {
            out += ["", paint("Permissions", .heading)]
            for change in permissions { out += permissionLines(change, config: config, indent: "  ", paint: paint) }
        }
        if !data.isEmpty {
            out += ["", paint("Data", .heading)]
            for (stack, resource) in data { out.append("  " + dataLine(stack, resource, paint: paint)) }
        }
        if !reordered.isEmpty {
            out += ["", paint("Deployment order", .heading)]
            for stack in reordered { out.append("  " + orderLine(stack)) }
        }
        if !unreadable.isEmpty {
            out += ["", paint("Not compared", .heading)]
            out += unreadable.map { "  \($0)" }
        }
        out += ["", summary]
        return out.joined(separator: "\n") + "\n"
    }

    /// One line: how many stacks change, are added and removed, what is replaced or
    /// deleted, and what the permissions do.
    public var summary: String {
        func count(_ kind: StackChange.Kind) -> Int { stacks.filter { $0.kind == kind }.count }
        var counts: [String] = []
        for kind in [StackChange.Kind.changed, .added, .removed] where count(kind) > 0 {
            counts.append("\(counts.isEmpty ? counted(count(kind), "stack") : String(count(kind))) \(kind.rawValue)")
        }
        var parts = [counts.isEmpty ? "no stack changed" : counts.joined(separator: ", ")]
        let refused = stacks.flatMap(\.resources).filter { $0.effect == .refused }.count
        if refused > 0 { parts.append("\(counted(refused, "resource")) CloudFormation cannot update") }
        let replaced = stacks.flatMap(\.resources).filter { $0.effect == .replacement }.count
        if replaced > 0 { parts.append("\(counted(replaced, "resource")) replaced") }
        let lost = data.filter { $0.resource.data?.outcome == .deleted && $0.resource.data?.holdsData == true }.count
        if lost > 0 { parts.append("\(counted(lost, "data resource")) deleted") }
        let widened = permissions.filter(\.widens).count, narrowed = permissions.filter { !$0.widens }.count
        switch (widened, narrowed) {
        case (0, 0): parts.append("permissions unchanged")
        case (_, 0): parts.append("\(counted(widened, "permission")) widened")
        case (0, _): parts.append("\(counted(narrowed, "permission")) narrowed")
        default: parts.append("\(counted(widened, "permission")) widened, \(narrowed) narrowed")
        }
        return parts.joined(separator: "; ")
    }

    // MARK: Parts shared by the text and Markdown reports

    static func sign(_ kind: ResourceChange.Kind) -> String {
        switch kind {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        }
    }

    static func emphasis(_ kind: ResourceChange.Kind) -> ChangeEmphasis {
        switch kind {
        case .added: return .added
        case .removed: return .removed
        case .changed: return .changed
        }
    }

    /// The lines of one stack: its header, then each resource and its changed properties.
    func stackLines(_ stack: StackChange, indent: String, paint: (String, ChangeEmphasis) -> String) -> [String] {
        let kind = ResourceChange.Kind(rawValue: stack.kind.rawValue) ?? .changed
        var header = "\(Self.sign(kind)) stack \(stack.place.stackName) (\(stack.file))"
        switch stack.kind {
        case .added:
            header += ": new, \(counted(stack.resources.count, "resource")), deploys in phase \(stack.phase.new ?? 1)"
        case .removed:
            header +=
                ": no longer rendered; delete the stack to remove its \(counted(stack.resources.count, "resource"))"
                + " ('pipegen render' prints the commands)"
        case .changed:
            var counts: [String] = []
            for k in [ResourceChange.Kind.added, .changed, .removed] {
                let n = stack.resources.filter { $0.kind == k }.count
                if n > 0 { counts.append("\(counts.isEmpty ? counted(n, "resource") : String(n)) \(k.rawValue)") }
            }
            if !stack.outputs.isEmpty { counts.append("\(counted(stack.outputs.count, "output")) changed") }
            if !stack.sections.isEmpty { counts.append(stack.sections.joined(separator: ", ") + " changed") }
            if let old = stack.phase.old, let new = stack.phase.new, old != new {
                counts.append("phase \(old) -> \(new)")
            }
            if !counts.isEmpty { header += ": " + counts.joined(separator: ", ") }
        }
        var out = [indent + paint(header, Self.emphasis(kind))]
        for resource in stack.resources {
            out += resourceLines(resource, indent: indent + "    ", paint: paint)
        }
        if !stack.outputs.isEmpty {
            out.append(
                indent + "    outputs: "
                    + stack.outputs.map { "\(Self.sign($0.kind)) \($0.name)" }.joined(separator: ", "))
        }
        return out
    }

    func resourceLines(_ r: ResourceChange, indent: String, paint: (String, ChangeEmphasis) -> String) -> [String] {
        var line = "\(Self.sign(r.kind)) \(r.logicalId) (\(r.type)\(r.name.map { " \($0)" } ?? ""))"
        if let effect = r.effect { line += ": \(effect.phrase)" }
        if r.kind == .removed, let data = r.data {
            line += data.outcome == .retained ? ": retained (\(data.policy))" : ": deleted (\(data.policy))"
        }
        var out = [indent + paint(line, Self.emphasis(r.kind))]
        for p in r.properties {
            let what = p.isAttribute ? "attribute, no update" : p.behavior?.phrase ?? "update behavior unknown"
            out.append(indent + "    \(p.name): \(what)")
        }
        if r.kind == .changed, let data = r.data {
            let fate =
                data.outcome == .retained
                ? "stays in the account" : data.holdsData ? "is deleted with its data" : "is deleted"
            out.append(
                indent + "    "
                    + paint("the old resource \(fate) (\(data.policy))", data.outcome == .deleted ? .widens : .note))
        }
        if let note = r.note { out.append(indent + "    " + paint("note: \(note)", .widens)) }
        return out
    }

    /// The lines of one policy's change: a header naming it, each grant, and its cause.
    func permissionLines(
        _ c: PermissionChange, config: String, indent: String, paint: (String, ChangeEmphasis) -> String
    ) -> [String] {
        let name = c.policyName.map { " '\($0)'" } ?? ""
        let header =
            "\(c.kind.phrase): \(c.policy.rawValue)\(name) of \(c.holder), stack \(c.place.stackName) (\(c.place.account), \(c.place.region))"
        var out = [indent + paint(header, c.widens ? .widens : .narrows)]
        for d in c.details {
            out.append(
                indent + "    "
                    + paint(
                        Self.detailText(d),
                        d.direction == .widens ? .widens : d.direction == .narrows ? .narrows : .note))
        }
        if let cause = c.cause {
            out.append(
                indent + "    " + paint("caused by \(config):\(cause.line):\(cause.column): \(cause.what)", .note))
        }
        return out
    }

    /// `+ ReadArtifacts: action s3:ListBucket (widens)`.
    static func detailText(_ d: PermissionDetail) -> String {
        let statement = d.statement.isEmpty ? "" : "\(d.statement): "
        let aspect = d.aspect == .statement ? "" : "\(d.aspect.rawValue) "
        let direction = d.direction == .neutral ? "no effect: another entry covers it" : d.direction.rawValue
        return "\(d.added ? "+" : "-") \(statement)\(aspect)\(d.text) (\(direction))"
    }

    func dataLine(_ stack: StackChange, _ r: ResourceChange, paint: (String, ChangeEmphasis) -> String) -> String {
        guard let data = r.data else { return "" }
        let what = "\(r.logicalId) (\(r.type)\(r.name.map { " \($0)" } ?? "")) in stack \(stack.place.stackName)"
        let how = data.replaced ? "replaced" : "removed"
        let fate =
            data.outcome == .retained
            ? "the old resource stays in account \(stack.place.account); delete it by hand when it is no longer needed"
            : data.holdsData ? "its data is deleted" : "it is deleted"
        return paint(
            "\(data.outcome.rawValue): \(what) is \(how); \(fate) (\(data.policy))",
            data.outcome == .deleted ? .widens : .note)
    }

    func orderLine(_ stack: StackChange) -> String {
        "\(stack.place.stackName) (\(stack.place.account), \(stack.place.region)): phase \(stack.phase.old ?? 0) -> \(stack.phase.new ?? 0)"
    }
}
