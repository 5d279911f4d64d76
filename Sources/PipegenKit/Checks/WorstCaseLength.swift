import CloudFormation
import PipegenConfig
import YAMLKit

/// How long a value of a template can be once CloudFormation has resolved it: the resolver's
/// text, with the partition at its longest for the config's partition and every id known only
/// after deployment (a key id, written `<ArtifactKey>` by the resolver) as long as such ids get
/// (a multi-Region key id: `mrk-` and 32 hexadecimal digits). AWS measures what it stores —
/// the resolved values — against its limits, not the template's intrinsics.
struct WorstCaseLength {
    let resolver: Resolver
    let partition: Partition

    static let generatedId = 36

    /// The characters of a text value (an action configuration value); 0 for a value that is
    /// not text.
    func text(_ value: Value) -> Int {
        guard let text = resolver.string(value) else { return 0 }
        return text.count + padding(text)
    }

    /// The length of a value as compact JSON (a policy document), every intrinsic resolved;
    /// one the resolver cannot read counts as written, an over-estimate.
    func json(_ value: Value) -> Int {
        switch value {
        case .string(let s): return JSONWriter.quotedLength(s)
        case .int, .bool: return JSONWriter.compactLength(value)
        case .list(let items): return 2 + max(0, items.count - 1) + items.reduce(0) { $0 + json($1) }
        case .map(let fields):
            return 2 + max(0, fields.count - 1) + fields.reduce(0) { $0 + JSONWriter.quotedLength($1.name) + 1 + json($1.value) }
        default:
            guard let text = resolver.string(value) else { return JSONWriter.compactLength(value) }
            return JSONWriter.quotedLength(text) + padding(text)
        }
    }

    /// What the resolved text lacks at its longest: the partition's length beyond `aws` in
    /// every ARN, and the length of each id known only after deployment beyond its placeholder.
    /// Read as bytes in one pass each: it runs over every policy of every template.
    private func padding(_ text: String) -> Int {
        var text = text
        let perArn = partition.name.utf8.count - "aws".utf8.count
        return text.withUTF8 { b in
            var extra = 0
            var i = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "a") where perArn != 0 && i + Self.arn.count <= b.count && Self.arn.indices.allSatisfy({ b[i + $0] == Self.arn[$0] }):
                    extra += perArn
                    i += Self.arn.count
                case UInt8(ascii: "<"):
                    guard let close = b[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return extra }
                    // The placeholder's characters, `<` and `>` included (continuation bytes
                    // of UTF-8 are not characters of their own).
                    let placeholder = b[i...close].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                    extra += Self.generatedId - placeholder
                    i = close + 1
                default:
                    i += 1
                }
            }
            return extra
        }
    }

    private static let arn = Array("arn:aws:".utf8)
}
