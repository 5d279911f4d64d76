/// The config reference for people (docs/CONFIG.md, `pipegen schema --format markdown`),
/// generated from `ConfigSchema` like the JSON Schema and the starter config, so that every
/// key, type, default and example it lists is the one the decoder uses.
public enum ConfigReference {
    /// The whole page.
    public static var markdown: String {
        var sections: [String] = []
        var queue: [(path: String, spec: ObjectSpec)] = [("pipegen.yaml", ConfigSchema.root)]
        while !queue.isEmpty {
            let (path, spec) = queue.removeFirst()
            var rows: [String] = []
            for key in spec.keys {
                let child = childPath(path, key)
                if let object = objectSpec(key.type) { queue.append((child, object)) }
                rows.append(row(key, childPath: child))
            }
            sections.append(
                """
                ## `\(path)`

                \(capitalized(spec.summary)).

                | key | type | default | description | example |
                |---|---|---|---|---|
                \(rows.joined(separator: "\n"))
                """)
        }
        return header + sections.joined(separator: "\n\n") + "\n"
    }

    static let header = """
        # pipegen.yaml reference

        <!-- Generated from the schema's declarations (Sources/PipegenConfig) by
             `pipegen schema --format markdown`; do not edit by hand. `./scripts/record`
             rewrites it, and the tests fail when it is out of date. -->

        Every key of the config, with its type, default and an example. A config is YAML (or JSON
        when its name ends in `.json`); keys are lowercase with hyphens, and unknown keys are
        errors with a suggestion. Optional objects may be left empty (`registry:`) to take every
        default. `pipegen init` writes a starter config with all of these, and `pipegen schema`
        prints them as a JSON Schema for editors. In name patterns, `{project}`, `{env}`,
        `{account}` and `{region}` are replaced where the key's description says so.


        """

    /// `environments[].approval`: the key's place under `path`; lists of objects add `[]`.
    static func childPath(_ path: String, _ key: KeySpec) -> String {
        let base = path == "pipegen.yaml" ? key.name : "\(path).\(key.name)"
        if case .list(.object, _) = key.type { return base + "[]" }
        return base
    }

    /// The object a key holds (directly, as list items or mapping values, or as one of its
    /// shapes).
    static func objectSpec(_ type: ValueType) -> ObjectSpec? {
        switch type {
        case .object(let spec): spec
        case .list(let element, _): objectSpec(element)
        case .map(let value): objectSpec(value)
        case .either(let types): types.lazy.compactMap(objectSpec).first
        default: nil
        }
    }

    static func row(_ key: KeySpec, childPath: String) -> String {
        let type = typeText(key.type, link: anchor(childPath))
        let requirement: String
        if key.required {
            requirement = "required"
        } else if let text = key.defaultText {
            requirement = key.literalDefault != nil ? code(text) : text
        } else {
            requirement = "none"
        }
        return "| `\(key.name)` | \(type) | \(requirement) | \(escape(key.summary)) | \(example(key)) |"
    }

    /// The key as it would be written, from the same values `pipegen init` shows.
    static func example(_ key: KeySpec) -> String {
        if objectSpec(key.type) != nil, !isEither(key.type) { return "see below" }
        let value = key.example ?? key.literalDefault?.flowText ?? StarterConfig.samples[key.name]
        return value.map { code("\(key.name): \($0)") } ?? ""
    }

    static func isEither(_ type: ValueType) -> Bool {
        if case .either = type { return true }
        return false
    }

    static func typeText(_ type: ValueType, link: String) -> String {
        switch type {
        case .string(let format):
            switch format {
            case .text: return "string"
            case .name: return "name (`a-z`, `0-9`, `-`)"
            case .accountId: return "account id (12 digits, quoted)"
            case .region: return "AWS region"
            case .email: return "e-mail address"
            case .arn: return "ARN"
            case .path: return "path in the repository"
            case .branch: return "branch name"
            }
        case .integer(let lo, let hi): return "integer, \(lo) to \(hi)"
        case .integerChoice(let options): return "one of " + options.map(String.init).joined(separator: ", ")
        case .boolean: return "boolean"
        case .choice(let options): return "one of " + options.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element, let minItems):
            let items = typeText(element, link: link)
            return minItems > 0 ? "list of \(items) (at least \(minItems))" : "list of \(items)"
        case .object(let spec): return "[\(spec.name)](#\(link))"
        case .either(let types): return types.map { typeText($0, link: link) }.joined(separator: " or ")
        case .map(let value): return "mapping of names to \(typeText(value, link: link))"
        case .any: return "any value"
        }
    }

    /// The anchor GitHub gives a heading of `` `path` ``: lowercase, punctuation other than
    /// `-` and `_` dropped.
    package static func anchor(_ path: String) -> String {
        String(path.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    static func code(_ text: String) -> String {
        "`" + text.replacingPipes + "`"
    }

    static func escape(_ text: String) -> String { text.replacingPipes }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension String {
    /// `|` escaped for a Markdown table cell.
    fileprivate var replacingPipes: String {
        var out = ""
        for character in self { out += character == "|" ? "\\|" : String(character) }
        return out
    }
}
