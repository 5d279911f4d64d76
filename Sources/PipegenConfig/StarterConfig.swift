import YAMLKit

/// The commented starter config `pipegen init` writes, generated from `ConfigSchema` so that
/// it lists every key with its one-line summary and default, and cannot drift from what the
/// decoder accepts.
///
/// Layout rules: objects are always written (an object whose keys are all commented out reads
/// as an empty mapping); a required key is set to its example; an optional key is commented
/// out, showing its default or, when the default is prose, an example; a key that takes either
/// a value or a mapping (`approval`, `lambda`) and an optional list of mappings are commented
/// out as a whole block. Lists of mappings that are required get one item.
public enum StarterConfig {
    /// Values for optional keys whose default cannot be written literally and that have no
    /// example in the schema, by key name. A test checks each name exists in the schema.
    static let samples: [String: String] = [
        "region": "eu-west-1", "regions": "[eu-west-1, us-east-1]", "notify": "[release-managers@example.com]",
        "comment": "Check the test environment before approving.", "test-listener": "{import: shop-dev-TestListenerArn}",
        "buildspec": "buildspec.yml", "managed-policies": "[arn:aws:iam::aws:policy/PowerUserAccess]",
        "actions": "[\"s3:GetObject\"]", "resources": "[\"arn:aws:s3:::shop-data/*\"]",
    ]

    static let header = """
        # pipegen.yaml: the config pipegen renders the CloudFormation templates of
        # cross-account CI/CD pipelines from. Written by 'pipegen init'.
        #
        # Every option is listed with a one-line explanation. Keys that are set are
        # required, or examples: replace the values with your own. Commented-out keys
        # are optional and show their default (or an example): remove the '#' to
        # set one. Then:
        #   pipegen validate    check this file
        #   pipegen render      write the templates to templates/
        #   pipegen plan        print the commands that deploy them
        #
        # Editors can check this file as you type: run
        #   pipegen schema > pipegen.schema.json
        # and make this the first line of the file:
        #   # yaml-language-server: $schema=pipegen.schema.json


        """

    /// The whole file.
    public static var text: String {
        var out: [String] = []
        for key in ConfigSchema.root.keys {
            out.append("")
            out += lines(key, indent: "")
        }
        return header + out.dropFirst().joined(separator: "\n") + "\n"
    }

    /// The lines of one key at `indent`: its comment, then the key set, nested, or commented out.
    static func lines(_ key: KeySpec, indent: String, firstPrefix: String? = nil) -> [String] {
        let keyIndent = firstPrefix ?? indent
        // The first key of a list item carries the dash; its comment lines up with the dash.
        var out = comment(describe(key), indent: firstPrefix.map { String($0.prefix { $0 == " " }) } ?? indent)
        switch key.type {
        case .object where !key.required && key.example != nil, .list(.object, _) where !key.required && key.example != nil:
            // An object shown by its example, on one line.
            out.append("\(indent)# \(key.name): \(value(key))")
        case .object(let spec):
            out.append("\(keyIndent)\(key.name):")
            out += children(spec, indent: indent + "  ")
        case .list(.object(let spec), _) where key.required:
            out.append("\(keyIndent)\(key.name):")
            out += comment(spec.summary, indent: indent + "  ")
            precondition(spec.keys.first?.required == true, "the first key of a list item carries its dash")
            for (i, child) in spec.keys.enumerated() {
                out += lines(child, indent: indent + "    ", firstPrefix: i == 0 ? indent + "  - " : nil)
            }
        case .list(.object(let spec), _):
            out += block(key.name, items: spec, list: true, indent: indent)
        case .either(let types):
            let spec = types.lazy.compactMap { if case .object(let s) = $0 { s } else { nil } }.first
            if key.required {
                out.append("\(keyIndent)\(key.name): \(value(key))")
            } else if let spec, isBlock(key) {
                // Shown in its mapping form, which lists the keys; the comment names the other form.
                out += block(key.name, items: spec, list: false, indent: indent)
            } else {
                out.append("\(indent)# \(key.name): \(value(key))")
            }
        default:
            out.append(key.required ? "\(keyIndent)\(key.name): \(value(key))" : "\(indent)# \(key.name): \(value(key))")
        }
        return out
    }

    /// An object's keys, each with its comment.
    static func children(_ spec: ObjectSpec, indent: String) -> [String] {
        spec.keys.flatMap { lines($0, indent: indent) }
    }

    /// A commented-out mapping (or list of one mapping), each key under its own comment, so
    /// that removing one `# ` from each line leaves a commented mapping.
    static func block(_ name: String, items spec: ObjectSpec, list: Bool, indent: String) -> [String] {
        var out = ["\(indent)# \(name):"]
        for (i, child) in spec.keys.enumerated() {
            let lead = list ? (i == 0 ? "  - " : "    ") : "  "
            // Of keys that exclude each other, the first is shown; the others stay commented
            // out when the block is uncommented.
            let other = spec.alternatives.dropFirst().contains(child.name) ? "# " : ""
            out += comment(describe(child), indent: "\(indent)#   ")
            out.append("\(indent)# \(lead)\(other)\(child.name): \(value(child))")
        }
        return out
    }

    /// The summary with `(required)`, or the default when the value shown is not the default.
    static func describe(_ key: KeySpec) -> String {
        if key.required { return "\(key.summary) (required)" }
        guard let text = key.defaultText else { return key.summary }
        if key.literalDefault != nil, !isBlock(key) { return key.summary }
        if isBlock(key) { return "\(key.summary) (default: \(text)); or a mapping:" }
        return "\(key.summary) (default: \(text))"
    }

    /// True for an optional key shown as a commented-out mapping (`approval`, `lambda`).
    static func isBlock(_ key: KeySpec) -> Bool {
        guard !key.required, key.example == nil, samples[key.name] == nil, case .either(let types) = key.type else { return false }
        return types.contains { if case .object = $0 { true } else { false } }
    }

    /// The text after `key:`: the example for required keys, else the literal default, the
    /// example, or a sample.
    static func value(_ key: KeySpec) -> String {
        if key.required, let example = key.example { return example }
        if let literal = key.literalDefault { return literal.flowText }
        if let example = key.example { return example }
        if let sample = samples[key.name] { return sample }
        preconditionFailure("no value to show for '\(key.name)': add an example to ConfigSchema or a sample here")
    }

    /// `text` as comment lines of at most 80 columns.
    static func comment(_ text: String, indent: String) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + 2 + line.count + 1 + word.count > 80 {
                out.append("\(indent)# \(line)")
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        out.append("\(indent)# \(line)")
        return out
    }
}
