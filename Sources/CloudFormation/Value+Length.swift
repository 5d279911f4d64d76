import YAMLKit

extension Value {
    /// The length of `JSONWriter.compact(document)`, counted without building the document:
    /// how big a policy is for AWS's size limits, asked once per policy on every run.
    public var compactJSONLength: Int {
        func object(_ key: String, _ value: Int) -> Int { 2 + JSONWriter.quotedLength(key) + 1 + value }
        func array(_ items: [Int]) -> Int { 2 + max(0, items.count - 1) + items.reduce(0, +) }
        func string(_ s: String) -> Int { JSONWriter.quotedLength(s) }
        switch self {
        case .string(let s): return string(s)
        case .int(let i): return String(i).utf8.count
        case .bool(let b): return b ? 4 : 5
        case .list(let items): return array(items.map(\.compactJSONLength))
        case .map(let fields): return array(fields.map { string($0.name) + 1 + $0.value.compactJSONLength })
        case .ref(let name): return object("Ref", string(name))
        case .getAtt(let resource, let attribute): return object("Fn::GetAtt", array([string(resource), string(attribute)]))
        case .sub(let text, nil): return object("Fn::Sub", string(text))
        case .sub(let text, let variables?):
            return object("Fn::Sub", array([string(text), Value.map(variables).compactJSONLength]))
        case .join(let separator, let items):
            return object("Fn::Join", array([string(separator), array(items.map(\.compactJSONLength))]))
        case .importValue(let v): return object("Fn::ImportValue", v.compactJSONLength)
        case .if(let c, let a, let b): return object("Fn::If", array([string(c), a.compactJSONLength, b.compactJSONLength]))
        case .select(let i, let v): return object("Fn::Select", array([String(i).utf8.count, v.compactJSONLength]))
        case .split(let separator, let v): return object("Fn::Split", array([string(separator), v.compactJSONLength]))
        case .getAZs(let v): return object("Fn::GetAZs", v.compactJSONLength)
        case .base64(let v): return object("Fn::Base64", v.compactJSONLength)
        case .findInMap(let m, let a, let b):
            return object("Fn::FindInMap", array([string(m), a.compactJSONLength, b.compactJSONLength]))
        case .equals(let a, let b): return object("Fn::Equals", array([a.compactJSONLength, b.compactJSONLength]))
        case .and(let items): return object("Fn::And", array(items.map(\.compactJSONLength)))
        case .or(let items): return object("Fn::Or", array(items.map(\.compactJSONLength)))
        case .not(let v): return object("Fn::Not", array([v.compactJSONLength]))
        case .condition(let name): return object("Condition", string(name))
        }
    }
}
