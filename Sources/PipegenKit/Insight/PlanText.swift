import YAMLKit

extension DeploymentPlan {
    /// The plan as `pipegen plan` prints it: prose wrapped at 78 columns, commands whole (long
    /// ones continued with `\` one option per line) so they paste into a shell as they are.
    public var text: String {
        var out: [String] = []
        let stackCount = phases.reduce(0) { $0 + $1.stacks.count }
        let manual = manualSteps.count
        out.append(
            "Deployment plan for project '\(project)': \(counted(stackCount, "stack")) in "
                + "\(counted(phases.count, "phase")), \(counted(manual, "step")) by hand.")
        out.append("")
        out += Wrap.lines(
            "Every command names an AWS CLI profile for its account: create profiles with these names "
                + "(aws configure sso) or change the names in the commands.", indent: "")
        let width = profiles.map(\.name.count).max() ?? 0
        for p in profiles {
            let pad = String(repeating: " ", count: width - p.name.count)
            out.append("  \(p.name)\(pad)  \(p.account)  \(p.users.joined(separator: ", "))")
        }
        for step in steps {
            out.append("")
            switch step.kind {
            case .phase(let phase): out += Self.lines(phase, number: step.number)
            case .manual(let m): out += Self.lines(m, number: step.number)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(_ phase: Phase, number: Int) -> [String] {
        let what = phase.stacks.count == 1 ? "deploy 1 stack" : "deploy \(phase.stacks.count) stacks, in parallel"
        var out = ["\(number). Phase \(phase.number): \(what)"]
        for (i, stack) in phase.stacks.enumerated() {
            if i > 0 { out.append("") }
            out.append("   \(stack.name): stack \(stack.stackName) in account \(stack.account), \(stack.region)")
            for d in stack.dependsOn {
                out += Wrap.lines("after \(d.on): \(d.reason)", indent: "   ", hanging: "     ")
            }
            for p in stack.parameters {
                out += Wrap.lines(
                    "parameter \(p.name): output \(p.output) of stack \(p.stackName), fetched by the command",
                    indent: "   ", hanging: "     ")
            }
            out.append("     " + stack.command.joined(separator: " \\\n       "))
        }
        return out
    }

    static func lines(_ step: ManualStep, number: Int) -> [String] {
        var out = ["\(number). By hand: \(step.title.prefix(1).lowercased() + step.title.dropFirst())"]
        var previous: ManualStep.Block?
        for block in step.blocks {
            switch block {
            case .text(let text): out += Wrap.lines(text, indent: "   ")
            case .item(let item): out += Wrap.lines(item, indent: "   - ", hanging: "     ")
            case .command(let command):
                // Commands right after prose stand apart, so they are easy to find and copy.
                if case .text = previous { out.append("") }
                out.append("     " + command)
            case .code(let code):
                if case .text = previous { out.append("") }
                out += code.split(separator: "\n", omittingEmptySubsequences: false).map { "     " + $0 }
            }
            previous = block
        }
        return out
    }
}

/// `1 stack`, `2 stacks`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Greedy word wrapping for the prose of plans and reports.
enum Wrap {
    static let width = 78

    /// `text` broken at spaces into lines of at most `width` columns (a longer word stands
    /// alone), the first starting with `indent`, the rest with `hanging` (default: as many spaces).
    static func lines(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let rest = hanging ?? String(repeating: " ", count: indent.count)
        var out: [String] = []
        var line = indent
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                out.append(line)
                line = rest
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        out.append(line)
        return out
    }
}
