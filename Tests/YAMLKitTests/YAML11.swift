import Foundation

/// What a YAML 1.1 reader (PyYAML, SnakeYAML, the YAML 1.1 spec's own regular expressions) or a
/// YAML 1.2 core-schema reader makes of a plain scalar: the writer must quote every text for
/// which this is not "str".
enum YAML11 {
    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants; a typo is a bug in this file.
        try! NSRegularExpression(pattern: "^(?:" + pattern + ")$")
    }

    private static let rules: [(tag: String, firstCharacters: String?, regex: NSRegularExpression)] = [
        // YAML 1.1 spec and PyYAML (PyYAML leaves out y/Y/n/N; the spec has them).
        ("bool", nil, regex("y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")),
        ("null", nil, regex("~|null|Null|NULL|")),
        (
            "int", nil,
            regex(
                "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
            )
        ),
        // PyYAML's float.
        (
            "float", nil,
            regex(
                "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)")
        ),
        // The YAML 1.1 spec's float, which also takes "." and "1..2".
        ("float", nil, regex("[-+]?(?:[0-9][0-9_]*)?\\.[0-9.]*(?:[eE][-+][0-9]+)?")),
        // SnakeYAML's float, tried only on text starting with one of "-+0123456789.".
        (
            "float", "-+0123456789.",
            regex(
                "[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            )
        ),
        (
            "timestamp", nil,
            regex(
                "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                    + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?")
        ),
        ("merge", nil, regex("<<")),
        ("value", nil, regex("=")),
        // YAML 1.2 core schema.
        ("int", nil, regex("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
        (
            "float", nil,
            regex(
                "[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
            )
        ),
    ]

    /// The tag a plain scalar with this text resolves to: "str" unless some rule matches.
    static func tag(ofPlain text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        for rule in rules {
            if let first = rule.firstCharacters, !(text.first.map(first.contains) ?? false) { continue }
            if rule.regex.firstMatch(in: text, range: range) != nil { return rule.tag }
        }
        return "str"
    }
}
