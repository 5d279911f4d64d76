extension Node {
    /// The plain data this node stands for: scalars resolved by the YAML 1.2 core schema, keys
    /// as their text (a non-scalar key, which the readers never produce, becomes ""), duplicate
    /// keys kept in order.
    public var document: Document {
        switch kind {
        case .scalar(let scalar): return scalar.resolved
        case .sequence(let items): return .list(items.map(\.document))
        case .mapping(let pairs):
            return .map(pairs.map { Document.Entry($0.key.scalar?.text ?? "", $0.value.document) })
        }
    }
}

extension Node.Scalar {
    /// The YAML 1.2 core-schema value: a plain `null`/`Null`/`NULL`/`~`/empty is null,
    /// `true`/`false` in three spellings a bool, decimal, `0o` octal and `0x` hex digits an int,
    /// decimal floats and `.inf`/`.nan` a double; anything else, and anything quoted or written as
    /// a block, a string. An integer too large for `Int` stays a string, so no digit is lost.
    public var resolved: Document {
        guard style == .plain else { return .string(text) }
        return CoreSchema.resolve(text)
    }
}

/// The YAML 1.2 core schema's tag resolution for plain scalars, on UTF-8 bytes.
enum CoreSchema {
    static func resolve(_ text: String) -> Document {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let u = Array(text.utf8)
        guard let first = u.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || isDigit(first)
        else { return .string(text) }
        if u.count > 2 && u[0] == UInt8(ascii: "0") {
            let digits = String(decoding: u[2...], as: UTF8.self)
            if u[1] == UInt8(ascii: "o") && u[2...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                return Int(digits, radix: 8).map(Document.int) ?? .string(text)
            }
            if u[1] == UInt8(ascii: "x") && u[2...].allSatisfy(isHexDigit) {
                return Int(digits, radix: 16).map(Document.int) ?? .string(text)
            }
        }
        var i = 0
        if u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
        let intStart = i
        while i < u.count && isDigit(u[i]) { i += 1 }
        let intDigits = i - intStart
        if intDigits > 0 && i == u.count {
            // Int() takes a leading "+" and leading zeros, as the core schema's [-+]?[0-9]+ does.
            return Int(text).map(Document.int) ?? .string(text)
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var fractionDigits = 0
        if i < u.count && u[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < u.count && isDigit(u[i]) { i += 1 }
            fractionDigits = i - fractionStart
        }
        guard intDigits > 0 || fractionDigits > 0 else { return .string(text) }
        if i < u.count && (u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E")) {
            i += 1
            if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
            let exponentStart = i
            while i < u.count && isDigit(u[i]) { i += 1 }
            guard i > exponentStart else { return .string(text) }
        }
        guard i == u.count, let value = Double(text) else { return .string(text) }
        return .double(value)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }
}
