/// The text of an `Fn::Sub` as CloudFormation reads it: literal runs, and `${...}` placeholders
/// — `${Name}` (a parameter, resource, pseudo parameter such as `${AWS::Region}`, or a variable
/// of the `Fn::Sub`), `${Resource.Attribute}`, and `${!Literal}`, written as `${Literal}`. The one
/// reader of such text: template validation and the kit's resolver both use it.
/// [Fn::Sub](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html)
public enum Substitution {
    /// One `${...}` of the text.
    public enum Placeholder: Hashable, Sendable {
        /// `${!Literal}`: stays as `${Literal}`.
        case literal(String)
        /// `${Name}`: a parameter, a resource, a variable, or a pseudo parameter (whose `::`
        /// is kept: `AWS::Region`).
        case reference(String)
        /// `${Resource.Attribute}`: the resource is everything before the first dot.
        case attribute(resource: String, attribute: String)
    }

    /// A piece of the text, in order.
    public enum Part: Hashable, Sendable {
        case text(String)
        case placeholder(Placeholder)
    }

    /// The parts of `text`; nil when a `${` is never closed.
    public static func parts(of text: String) -> [Part]? {
        var parts: [Part] = []
        return forEachPart(in: text) { parts.append($0) } ? parts : nil
    }

    /// Calls `body` with each part of `text` in order, without collecting them; false when a
    /// `${` is never closed (the parts before it were given).
    @discardableResult
    public static func forEachPart(in text: String, _ body: (Part) -> Void) -> Bool {
        scan(text, texts: true, body)
    }

    /// Calls `body` with each placeholder of `text` in order (literal runs are skipped: the
    /// checks that only ask which names a string refers to run on every string of a render).
    static func forEachPlaceholder(in text: String, _ body: (Placeholder) -> Void) {
        scan(text, texts: false) { part in
            if case .placeholder(let placeholder) = part { body(placeholder) }
        }
    }

    /// Calls `body` with each part of `text` in order (literal runs only when `texts`); false
    /// when a `${` is never closed (the parts before it were given). Scans the UTF-8 bytes in
    /// place: templates hold thousands of these strings, and `$`, `{`, `}`, `!`, `.` and `:` are
    /// ASCII, so UTF-8 offsets are safe to cut at.
    @discardableResult
    private static func scan(_ text: String, texts: Bool, _ body: (Part) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { u -> Bool in
            var i = u.startIndex
            var start = i
            func flush(_ end: Int) {
                if texts, end > start { body(.text(String(decoding: u[start..<end], as: UTF8.self))) }
            }
            while i + 1 < u.endIndex {
                guard u[i] == UInt8(ascii: "$"), u[i + 1] == UInt8(ascii: "{") else {
                    i += 1
                    continue
                }
                guard let close = u[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                    flush(u.endIndex)
                    return false
                }
                flush(i)
                body(.placeholder(placeholder(u[(i + 2)..<close])))
                i = close + 1
                start = i
            }
            flush(u.endIndex)
            return true
        }
    }

    /// The placeholder whose inside is `inner`.
    private static func placeholder(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> Placeholder {
        if inner.first == UInt8(ascii: "!") { return .literal(String(decoding: inner.dropFirst(), as: UTF8.self)) }
        let pseudo = zip(inner, inner.dropFirst()).contains { $0 == UInt8(ascii: ":") && $1 == UInt8(ascii: ":") }
        if !pseudo, let dot = inner.firstIndex(of: UInt8(ascii: ".")) {
            return .attribute(
                resource: String(decoding: inner[..<dot], as: UTF8.self),
                attribute: String(decoding: inner[(dot + 1)...], as: UTF8.self))
        }
        return .reference(String(decoding: inner, as: UTF8.self))
    }
}
