import YAMLKit

/// The config as a JSON Schema (draft 2020-12), generated from `ConfigSchema`, the same
/// definitions the decoder checks input against, for editors and other tools.
///
/// It is a little stricter than pipegen where YAML tools disagree with it: pipegen reads an
/// unquoted `111111111111` or `1.0` as the text it is written as, while other tools (and this
/// schema) see a number, so values of string keys must be strings. Checks that need more than
/// one value (unique names, derived name lengths, `region` or `regions`) are pipegen's alone.
public enum JSONSchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The whole schema.
    public static var document: Document {
        var entries: [Document.Entry] = [
            .init("$schema", .string(dialect)), .init("title", "pipegen config"),
            .init(
                "description",
                "The config of pipegen (pipegen.yaml): the tooling account, the route to live and the pipelines."),
        ]
        entries += object(ConfigSchema.root)
        // The region list is long and used often: defined once.
        entries.append(
            .init("$defs", .map([.init("region", .map([.init("type", "string"), .init("enum", .list(Region.all.map { .string($0) }))]))])))
        return .map(entries)
    }

    /// The patterns behind the string formats, as ECMA-262 regular expressions matching
    /// exactly what `StringRules` accepts. Regions are an enum instead: the known list.
    public static func pattern(_ format: StringFormat) -> String? {
        switch format {
        case .text, .region: return nil
        case .name: return "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
        case .accountId: return "^[0-9]{12}$"
        case .email: return "^[^@ ]+@[^@ .][^@ ]*\\.[^@ ]*[^@ .]$"
        case .arn: return "^arn:([^:]*:){4}"
        case .path: return "^(?!/)(?!(.*/)?\\.\\.(/|$)).+$"
        case .branch: return "^(?!refs/)(?!.*\\.\\.)[^ ]+$"
        }
    }

    /// The keywords of an object: `properties` in documentation order, `required`, and no other
    /// keys. An object without required keys may also be null, as pipegen reads `key:` with
    /// nothing after it as an empty mapping, except as one shape of several (`approval`), where
    /// the other shape decides.
    static func object(_ spec: ObjectSpec, nullable: Bool = true) -> [Document.Entry] {
        let required = spec.keys.filter(\.required).map { Document.string($0.name) }
        let type: Document = required.isEmpty && nullable ? ["object", "null"] : "object"
        var entries: [Document.Entry] = [.init("type", type)]
        entries.append(.init("properties", .map(spec.keys.map { .init($0.name, property($0)) })))
        if !required.isEmpty { entries.append(.init("required", .list(required))) }
        entries.append(.init("additionalProperties", false))
        return entries
    }

    /// A key's schema: its type's keywords, then what it is for and its default.
    static func property(_ key: KeySpec) -> Document {
        var description = key.summary
        let literal = key.literalDefault
        if let text = key.defaultText, literal == nil { description += " (default: \(text))" }
        var entries: [Document.Entry] = [.init("description", .string(description))]
        entries += keywords(key.type)
        if let literal { entries.append(.init("default", literal)) }
        if let example = key.exampleValue { entries.append(.init("examples", [example])) }
        return .map(entries)
    }

    /// The validation keywords of a value type.
    static func keywords(_ type: ValueType) -> [Document.Entry] {
        switch type {
        case .string(let format):
            if format == .region { return [.init("$ref", "#/$defs/region")] }
            var entries: [Document.Entry] = [.init("type", "string")]
            if let pattern = pattern(format) { entries.append(.init("pattern", .string(pattern))) }
            return entries
        case .integer(let lo, let hi):
            return [.init("type", "integer"), .init("minimum", .int(lo)), .init("maximum", .int(hi))]
        case .integerChoice(let options):
            return [.init("type", "integer"), .init("enum", .list(options.map { .int($0) }))]
        case .boolean:
            return [.init("type", "boolean")]
        case .choice(let options):
            return [.init("type", "string"), .init("enum", .list(options.map { .string($0) }))]
        case .list(let element, let minItems):
            var entries: [Document.Entry] = [.init("type", "array"), .init("items", .map(keywords(element)))]
            if minItems > 0 { entries.append(.init("minItems", .int(minItems))) }
            return entries
        case .object(let spec):
            return object(spec)
        case .either(let types):
            return [
                .init(
                    "anyOf",
                    .list(
                        types.map {
                            if case .object(let spec) = $0 { return .map(object(spec, nullable: false)) }
                            return .map(keywords($0))
                        }))
            ]
        case .map(let value):
            return [.init("type", "object"), .init("additionalProperties", .map(keywords(value)))]
        case .any:
            return []
        }
    }
}
