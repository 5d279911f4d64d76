/// The `--help` text of a subcommand, made from its `CommandSpec` (as the man page and the
/// shell completions are), so what the parser accepts and what help says cannot drift.
enum HelpText {
    static let width = 80

    static func text(_ spec: CommandSpec) -> String {
        var lines = [(spec.title ?? spec.summary) + ".", "", "USAGE"]
        for usage in spec.usageLines { lines += wrapUsage("pipegen " + usage) }
        let options = spec.allOptions
        let labels = spec.positionals.map(\.name) + options.map(\.label)
        let column = max(16, 2 + (labels.map(\.count).max() ?? 0) + 3)
        if !spec.positionals.isEmpty {
            lines += ["", "ARGUMENTS"]
            for positional in spec.positionals { lines += row(positional.name, positional.summary, column: column) }
        }
        lines += ["", "OPTIONS"]
        for option in options { lines += row(option.label, option.summary, column: column) }
        if !spec.discussion.isEmpty {
            lines += [""] + spec.discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if !spec.examples.isEmpty {
            lines += ["", "EXAMPLES"] + spec.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `  label   summary`, the summary wrapped at `width` and indented to `column`.
    static func row(_ label: String, _ summary: String, column: Int) -> [String] {
        let indent = String(repeating: " ", count: column)
        let wrapped = wrap(summary, width: width - column)
        var lines: [String] = []
        for (i, text) in wrapped.enumerated() {
            if i == 0 {
                let lead = "  " + label
                lines.append(lead + String(repeating: " ", count: max(1, column - lead.count)) + text)
            } else {
                lines.append(indent + text)
            }
        }
        return lines
    }

    /// A usage line broken between arguments when it would pass `width`, continued under
    /// the first argument. A bracketed group (`[--out DIR]`) is never split.
    static func wrapUsage(_ usage: String) -> [String] {
        var groups: [String] = []
        var current = ""
        var depth = 0
        for character in usage {
            if character == " ", depth == 0 {
                if !current.isEmpty { groups.append(current) }
                current = ""
                continue
            }
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            current.append(character)
        }
        if !current.isEmpty { groups.append(current) }
        guard groups.count > 2 else { return ["  " + usage] }
        let indent = String(repeating: " ", count: 2 + groups[0].count + 1 + groups[1].count + 1)
        var lines: [String] = []
        var line = "  " + groups[0] + " " + groups[1]
        for group in groups.dropFirst(2) {
            if line.count + 1 + group.count > width {
                lines.append(line)
                line = indent + group
            } else {
                line += " " + group
            }
        }
        lines.append(line)
        return lines
    }

    /// Words of `text` in lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
