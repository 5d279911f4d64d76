import PipegenConfig

/// Shell completion scripts for bash, zsh and fish, made from the subcommands'
/// `CommandSpec`s: the same options, values and summaries `--help` shows.
enum Completions {
    static func header(_ shell: String) -> String {
        "# \(shell) completion for pipegen \(PipegenVersion.current), made by 'pipegen completion \(shell)'.\n"
    }

    // MARK: bash

    static func bash(_ specs: [CommandSpec]) -> String {
        var out = header("bash")
        out += """
            _pipegen() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
                (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                if (( COMP_CWORD == 1 )); then
                    COMPREPLY=( $(compgen -W "\(specs.map(\.name).joined(separator: " ")) --help --version" -- "$cur") )
                    return
                fi
                case "${COMP_WORDS[1]}" in

            """
        for spec in specs {
            out += "        \(spec.name))\n"
            let valued = spec.allOptions.filter(\.takesValue)
            if !valued.isEmpty {
                out += "            case \"$prev\" in\n"
                for option in valued {
                    let names = ([option.short.map { "-\($0)" }] + ["--\(option.long)"]).compactMap { $0 }
                    out += "                \(names.joined(separator: "|"))) \(bashReply(option.completion)); return ;;\n"
                }
                out += "            esac\n"
            }
            let words = spec.allOptions.flatMap { option in
                [option.short.map { "-\($0)" }, "--\(option.long)"].compactMap { $0 }
            }
            out += "            if [[ \"$cur\" == -* ]]; then\n"
            out += "                COMPREPLY=( $(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\") )\n"
            if let positional = spec.positionals.first {
                out += "            else\n"
                out += "                \(bashReply(positional.completion, specs: specs))\n"
            }
            out += "            fi\n"
            out += "            ;;\n"
        }
        out += """
                esac
            }
            complete -o filenames -F _pipegen pipegen

            """
        return out
    }

    private static func bashReply(_ completion: Completion, specs: [CommandSpec] = []) -> String {
        switch completion {
        case .none: return "COMPREPLY=()"
        case .file: return "COMPREPLY=( $(compgen -f -- \"$cur\") )"
        case .directory: return "COMPREPLY=( $(compgen -d -- \"$cur\") )"
        case .words(let words): return "COMPREPLY=( $(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\") )"
        case .subcommand:
            return "COMPREPLY=( $(compgen -W \"\(specs.map(\.name).joined(separator: " "))\" -- \"$cur\") )"
        }
    }

    // MARK: zsh

    static func zsh(_ specs: [CommandSpec]) -> String {
        var out = "#compdef pipegen\n" + header("zsh")
        out += """
            _pipegen() {
                local -a subcommands
                subcommands=(

            """
        for spec in specs { out += "        \(zshQuote("\(spec.name):\(spec.summary)"))\n" }
        out += """
                )
                if (( CURRENT == 2 )); then
                    _describe -t subcommands 'pipegen subcommand' subcommands
                    return
                fi
                local subcommand=$words[2]
                shift words
                (( CURRENT-- ))
                case $subcommand in

            """
        for spec in specs {
            out += "        \(spec.name))\n            _arguments -s"
            for option in spec.allOptions {
                let description = zshBracket(option.summary)
                let action = option.takesValue ? ":\(option.valueName!):\(zshAction(option.completion, specs))" : ""
                if let short = option.short {
                    out += " \\\n                '(-\(short) --\(option.long))'{-\(short),--\(option.long)}'[\(description)]\(action)'"
                } else {
                    out += " \\\n                '--\(option.long)[\(description)]\(action)'"
                }
            }
            for (index, positional) in spec.positionals.enumerated() {
                out += " \\\n                '\(index + 1)::\(positional.name):\(zshAction(positional.completion, specs))'"
            }
            out += "\n            ;;\n"
        }
        out += """
                esac
            }
            if [[ "$funcstack[1]" == "_pipegen" ]]; then
                _pipegen "$@"
            else
                compdef _pipegen pipegen
            fi

            """
        return out
    }

    private static func zshAction(_ completion: Completion, _ specs: [CommandSpec]) -> String {
        switch completion {
        case .none: return " "
        case .file: return "_files"
        case .directory: return "_files -/"
        case .words(let words): return "(\(words.joined(separator: " ")))"
        case .subcommand: return "(\(specs.map(\.name).joined(separator: " ")))"
        }
    }

    /// Text for inside `'...[text]...'`: no quote, brackets or colons that would end it.
    private static func zshBracket(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "'": out += "'\\''"
            case "[", "]", ":", "\\": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    private static func zshQuote(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    // MARK: fish

    static func fish(_ specs: [CommandSpec]) -> String {
        var out = header("fish")
        out += "complete -c pipegen -f\n"
        out += "complete -c pipegen -n __fish_use_subcommand -l help -s h -d 'Show help'\n"
        out += "complete -c pipegen -n __fish_use_subcommand -l version -d 'Print the version'\n"
        for spec in specs {
            out += "complete -c pipegen -n __fish_use_subcommand -a \(spec.name) -d \(fishQuote(spec.summary))\n"
        }
        for spec in specs {
            let condition = fishQuote("__fish_seen_subcommand_from \(spec.name)")
            for option in spec.allOptions {
                var line = "complete -c pipegen -n \(condition)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.long)"
                if option.takesValue {
                    switch option.completion {
                    case .file: line += " -r -F"
                    case .directory: line += " -r -x -a '(__fish_complete_directories)'"
                    case .words(let words): line += " -x -a \(fishQuote(words.joined(separator: " ")))"
                    case .subcommand: line += " -x -a \(fishQuote(specs.map(\.name).joined(separator: " ")))"
                    case .none: line += " -x"
                    }
                }
                out += line + " -d \(fishQuote(option.summary))\n"
            }
            if let positional = spec.positionals.first {
                switch positional.completion {
                case .file: out += "complete -c pipegen -n \(condition) -F\n"
                case .directory: out += "complete -c pipegen -n \(condition) -a '(__fish_complete_directories)'\n"
                case .words(let words): out += "complete -c pipegen -n \(condition) -a \(fishQuote(words.joined(separator: " ")))\n"
                case .subcommand:
                    out += "complete -c pipegen -n \(condition) -a \(fishQuote(specs.map(\.name).joined(separator: " ")))\n"
                case .none: break
                }
            }
        }
        return out
    }

    private static func fishQuote(_ text: String) -> String {
        var out = "'"
        for character in text {
            if character == "'" || character == "\\" { out += "\\" }
            out.append(character)
        }
        return out + "'"
    }
}
