extension ChangeReport {
    /// The report as a pull-request comment (GitHub-flavoured Markdown): a summary line and a
    /// table of the stacks, a table of the permission changes, then the details of each
    /// stack, the permissions, the data and the deployment order in collapsible sections.
    public func markdown(config: String, against: String) -> String {
        var out = ["### pipegen diff", ""]
        guard hasChanges || !unreadable.isEmpty else {
            out.append("No change: `\(config)` renders what `\(against)` holds.")
            return out.joined(separator: "\n") + "\n"
        }
        out += ["`\(config)` against `\(against)`: \(summary).", ""]
        if !stacks.isEmpty {
            out += [
                "| Account | Region | Stack | Change | Resources | Replaced | Phase |", "|---|---|---|---|---|---|---|",
            ]
            for stack in stacks {
                let counts = [ResourceChange.Kind.added, .changed, .removed].compactMap { kind -> String? in
                    let n = stack.resources.filter { $0.kind == kind }.count
                    return n > 0 ? "\(Self.sign(kind))\(n)" : nil
                }
                let replaced = stack.resources.filter { $0.effect == .replacement }.count
                let refused = stack.resources.contains { $0.effect == .refused }
                let phase: String
                switch (stack.phase.old, stack.phase.new) {
                case (let a?, let b?) where a != b: phase = "\(a) → \(b)"
                case (_, let b?): phase = "\(b)"
                case (let a?, nil): phase = "\(a)"
                case (nil, nil): phase = ""
                }
                out.append(
                    "| \(stack.place.account) (\(stack.owner)) | \(stack.place.region) | `\(stack.place.stackName)` | "
                        + "\(stack.kind.rawValue)\(refused ? ", **update fails**" : "") | \(counts.joined(separator: " ")) | \(replaced > 0 ? "**\(replaced)**" : "0") | \(phase) |"
                )
            }
            out.append("")
        }
        if !permissions.isEmpty {
            let widened = permissions.filter(\.widens).count
            out += [
                widened > 0
                    ? "**Permissions widen** (\(widened) of \(permissions.count) changes):" : "Permissions narrow:", "",
                "| Change | Policy | Of | Stack | Caused by |", "|---|---|---|---|---|",
            ]
            for c in permissions {
                let policy = c.policy.rawValue + (c.policyName.map { " `\($0)`" } ?? "")
                let cause = c.cause.map { "`\(config):\($0.line)`: \($0.what)" } ?? ""
                let kind = c.widens ? "**\(c.kind.phrase)**" : c.kind.phrase
                out.append(
                    "| \(kind) | \(policy) | \(c.holder) | `\(c.place.stackName)` (\(c.place.account)) | \(cause) |")
            }
            out.append("")
        }
        let plain: (String, ChangeEmphasis) -> String = { text, _ in text }
        for stack in stacks {
            let lines = stackLines(stack, indent: "", paint: plain)
            let title = "\(lines[0].dropFirst(2)), account \(stack.place.account), \(stack.place.region)"
            out += ["<details><summary>\(Self.escape(title))</summary>", "", "```diff"]
            out += lines.dropFirst().map { Self.outdent($0) } + ["```", "", "</details>", ""]
        }
        if !permissions.isEmpty {
            out += ["<details><summary>Permission details</summary>", "", "```diff"]
            for c in permissions {
                out += permissionLines(c, config: config, indent: "", paint: plain).map { Self.outdent($0) }
            }
            out += ["```", "", "</details>", ""]
        }
        if !data.isEmpty {
            out += ["<details><summary>Data kept or deleted</summary>", ""]
            out += data.map { "- " + dataLine($0.stack, $0.resource, paint: plain) }
            out += ["", "</details>", ""]
        }
        if !reordered.isEmpty {
            out += ["<details><summary>Deployment order</summary>", ""]
            out += reordered.map { "- " + orderLine($0) }
            out += ["", "</details>", ""]
        }
        if !unreadable.isEmpty {
            out += ["Not compared:", ""] + unreadable.map { "- \($0)" } + [""]
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A resource or grant line without its first level of indentation, so its `+`/`-` starts
    /// the line and GitHub colours it.
    static func outdent(_ line: String) -> String {
        line.hasPrefix("    ") ? String(line.dropFirst(4)) : line
    }

    /// Text for HTML (a `<summary>`): `&`, `<` and `>` escaped.
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}
