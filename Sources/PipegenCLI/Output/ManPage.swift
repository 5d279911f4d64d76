import PipegenConfig

/// The manual page pipegen(1) in roff, made from the subcommands' `CommandSpec`s and the
/// exit code table, as `--help` and the completions are. No date: the same version always
/// gives the same page.
enum ManPage {
    static func text(_ specs: [CommandSpec]) -> String {
        var out = """
            .\\" pipegen(1), made by 'pipegen man' from the same definitions as --help.
            .TH PIPEGEN 1 "" "pipegen \(PipegenVersion.current)" "pipegen manual"
            .SH NAME
            pipegen \\- generate the CloudFormation templates of cross-account CI/CD pipelines
            .SH SYNOPSIS
            .B pipegen
            .I subcommand
            .RI [ options ]
            .SH DESCRIPTION
            pipegen turns a small config file (pipegen.yaml) into the AWS CloudFormation templates
            for cross-account CI/CD pipelines: one tooling account that builds and ships, and an
            ordered route to live of workload accounts. Commit the templates next to the config and
            let CI run
            .B pipegen check
            to catch drift.
            .PP
            Every subcommand takes
            .BR \\-h / \\-\\-help ,
            .BR \\-q / \\-\\-quiet
            (print only errors) and
            .BR \\-v / \\-\\-verbose
            (print more detail). Options and arguments may come in any order; a value follows its
            option
            .RB ( "\\-\\-out DIR" ,
            .BR \\-\\-out=DIR ,
            .BR "\\-o DIR" );
            .B \\-\\-
            ends the options.
            .SH COMMANDS

            """
        for spec in specs { out += command(spec) }
        out += ".SH EXIT STATUS\n"
        for (code, meaning) in ExitCode.documented {
            out += ".TP\n.B \(code)\n\(escape(meaning))\n"
        }
        out += """
            .SH ENVIRONMENT
            .TP
            .B NO_COLOR
            When set to anything non-empty, no colour, even on a terminal.
            .TP
            .B TERM
            When
            .BR dumb ,
            no colour.
            .SH FILES
            .TP
            .B pipegen.yaml
            The config, in the current folder unless given.
            .TP
            .B templates/
            The rendered templates, next to the config unless
            .B \\-\\-out
            says otherwise.
            .SH SEE ALSO
            docs/COMMANDS.md, docs/CONFIG.md, docs/CI.md and docs/INSTALL.md in pipegen's repository.

            """
        return out
    }

    static func command(_ spec: CommandSpec) -> String {
        var out = ".SS \"\(spec.usageLines.map { escape("pipegen " + $0) }.joined(separator: ", "))\"\n"
        out += escape((spec.title ?? spec.summary) + ".") + "\n"
        if !spec.discussion.isEmpty { out += paragraphs(spec.discussion) }
        for positional in spec.positionals {
            out += ".TP\n.I \(positional.name)\n\(escape(positional.summary))\n"
        }
        for option in spec.options {
            var label = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
            label += "\\fB\(escape("--" + option.long))\\fR"
            if let value = option.valueName { label += " \\fI\(value)\\fR" }
            out += ".TP\n\(label)\n\(escape(option.summary))\n"
        }
        if !spec.examples.isEmpty {
            out += ".PP\nExamples:\n.RS\n.nf\n"
            for example in spec.examples { out += escape(example) + "\n" }
            out += ".fi\n.RE\n"
        }
        return out
    }

    /// Hand-wrapped paragraphs as roff: plain lines are filled by roff; a paragraph of
    /// indented lines is shown as is.
    static func paragraphs(_ text: String) -> String {
        var out = ""
        for paragraph in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            let lines = paragraph.split(separator: "\n")
            if lines.allSatisfy({ $0.hasPrefix("  ") }) {
                out += ".PP\n.RS\n.nf\n" + lines.map { escape(String($0.drop { $0 == " " })) + "\n" }.joined() + ".fi\n.RE\n"
            } else {
                out += ".PP\n" + lines.map { escape(String($0)) + "\n" }.joined()
            }
        }
        return out
    }

    /// Text safe on a roff line: backslashes and hyphens escaped, no request at the start.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            default: out.append(character)
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
