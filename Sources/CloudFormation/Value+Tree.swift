import YAMLKit

/// Values are written in place: the writers walk them as they walk a `Document`, each intrinsic
/// function a one-entry map in its long form (`Ref:`, `Fn::Sub:`, ...), exactly as `document`
/// spells it.
extension Value: WritableTree {
    public var shape: TreeShape {
        switch self {
        case .string(let s): .scalar(.string(s))
        case .int(let i): .scalar(.int(i))
        case .bool(let b): .scalar(.bool(b))
        case .list(let items): .list(count: items.count)
        case .map(let fields): .map(count: fields.count)
        default: .map(count: 1)
        }
    }

    public func item(_ index: Int) -> Value {
        guard case .list(let items) = self else { preconditionFailure("item(_:) of a value that is not a list") }
        return items[index]
    }

    public func entry(_ index: Int) -> (key: String, value: Value) {
        if case .map(let fields) = self { return (fields[index].name, fields[index].value) }
        return intrinsic
    }

    /// An intrinsic function as the one entry of its map; see `document`.
    var intrinsic: (key: String, value: Value) {
        switch self {
        case .string, .int, .bool, .list, .map: preconditionFailure("intrinsic of a value that is not a function")
        case .ref(let name): ("Ref", .string(name))
        case .getAtt(let resource, let attribute): ("Fn::GetAtt", .list([.string(resource), .string(attribute)]))
        case .sub(let text, nil): ("Fn::Sub", .string(text))
        case .sub(let text, let variables?): ("Fn::Sub", .list([.string(text), .map(variables)]))
        case .join(let sep, let items): ("Fn::Join", .list([.string(sep), .list(items)]))
        case .importValue(let v): ("Fn::ImportValue", v)
        case .if(let c, let a, let b): ("Fn::If", .list([.string(c), a, b]))
        case .select(let i, let v): ("Fn::Select", .list([.int(i), v]))
        case .split(let sep, let v): ("Fn::Split", .list([.string(sep), v]))
        case .getAZs(let v): ("Fn::GetAZs", v)
        case .base64(let v): ("Fn::Base64", v)
        case .findInMap(let m, let k1, let k2): ("Fn::FindInMap", .list([.string(m), k1, k2]))
        case .equals(let a, let b): ("Fn::Equals", .list([a, b]))
        case .and(let items): ("Fn::And", .list(items))
        case .or(let items): ("Fn::Or", .list(items))
        case .not(let v): ("Fn::Not", .list([v]))
        case .condition(let name): ("Condition", .string(name))
        }
    }
}
