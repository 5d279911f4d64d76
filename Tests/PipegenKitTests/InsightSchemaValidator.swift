import Foundation
import YAMLKit

/// A JSON Schema validator for exactly the keywords `pipegen schema` emits, so the tests can
/// check configs against the schema without a third-party package. A keyword it does not know
/// is reported as a problem, so the schema cannot grow past what this checks.
struct SchemaValidator {
    let root: Document

    static let annotations: Set<String> = ["$schema", "$defs", "title", "description", "default", "examples"]

    /// Problems with `instance`, each as `path: message`; empty when it is valid.
    func validate(_ instance: Document) -> [String] {
        validate(instance, against: root, at: "")
    }

    func validate(_ value: Document, against schema: Document, at path: String) -> [String] {
        guard let keywords = schema.mapValue else { return ["\(path): schema is not an object"] }
        var problems: [String] = []
        for entry in keywords {
            let here = path.isEmpty ? "/" : path
            switch entry.key {
            case let k where Self.annotations.contains(k):
                continue
            case "$ref":
                guard let ref = entry.value.stringValue, ref.hasPrefix("#/$defs/"),
                    let target = root["$defs"]?[String(ref.dropFirst("#/$defs/".count))]
                else { return ["\(here): unresolvable $ref"] }
                problems += validate(value, against: target, at: path)
            case "type":
                let types = entry.value.listValue?.compactMap(\.stringValue) ?? [entry.value.stringValue ?? ""]
                if !types.contains(where: { Self.has(value, type: $0) }) {
                    problems.append("\(here): expected \(types.joined(separator: " or ")), found \(Self.describe(value))")
                }
            case "enum":
                if !(entry.value.listValue ?? []).contains(value) { problems.append("\(here): not one of the allowed values") }
            case "pattern":
                if case .string(let s) = value, let p = entry.value.stringValue, !Self.matches(s, p) {
                    problems.append("\(here): '\(s)' does not match \(p)")
                }
            case "minimum":
                if case .int(let i) = value, case .int(let m) = entry.value, i < m { problems.append("\(here): below \(m)") }
            case "maximum":
                if case .int(let i) = value, case .int(let m) = entry.value, i > m { problems.append("\(here): above \(m)") }
            case "minItems":
                if case .list(let items) = value, case .int(let m) = entry.value, items.count < m {
                    problems.append("\(here): fewer than \(m) items")
                }
            case "items":
                if case .list(let items) = value {
                    for (i, item) in items.enumerated() { problems += validate(item, against: entry.value, at: "\(path)/\(i)") }
                }
            case "properties":
                if case .map(let pairs) = value {
                    for pair in pairs {
                        if let sub = entry.value[pair.key] { problems += validate(pair.value, against: sub, at: "\(path)/\(pair.key)") }
                    }
                }
            case "required":
                if case .map(let pairs) = value {
                    for key in (entry.value.listValue ?? []).compactMap(\.stringValue) where !pairs.contains(where: { $0.key == key }) {
                        problems.append("\(here): missing '\(key)'")
                    }
                }
            case "additionalProperties":
                guard case .map(let pairs) = value else { continue }
                let known = schema["properties"]?.mapValue?.map(\.key) ?? []
                for pair in pairs where !known.contains(pair.key) {
                    if entry.value == .bool(false) {
                        problems.append("\(here): unknown key '\(pair.key)'")
                    } else {
                        problems += validate(pair.value, against: entry.value, at: "\(path)/\(pair.key)")
                    }
                }
            case "anyOf":
                let options = entry.value.listValue ?? []
                if !options.contains(where: { validate(value, against: $0, at: path).isEmpty }) {
                    problems.append("\(here): matches none of \(options.count) shapes")
                }
            default:
                problems.append("\(here): the validator does not know keyword '\(entry.key)'")
            }
        }
        return problems
    }

    static func has(_ value: Document, type: String) -> Bool {
        switch (type, value) {
        case ("object", .map), ("array", .list), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .int),
            ("number", .int), ("number", .double):
            return true
        case ("integer", .double(let d)):
            return d.rounded() == d
        default:
            return false
        }
    }

    static func describe(_ value: Document) -> String {
        switch value {
        case .map: return "an object"
        case .list: return "an array"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .null: return "null"
        case .int, .double: return "a number"
        }
    }

    /// ECMA-262 `pattern` semantics: a search, anchored only by the pattern's own `^`/`$`.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
