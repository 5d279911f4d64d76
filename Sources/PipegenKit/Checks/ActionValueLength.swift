import CloudFormation
import PipegenConfig

/// How long a value of a pipeline action's configuration can be once CloudFormation has
/// resolved it: the resolver's text, with the partition at its longest for the config's
/// partition and every id known only after deployment (a key id: `<ArtifactKey>`) as long as
/// such ids get (a multi-Region key id, `mrk-` and 32 hexadecimal digits).
enum ActionValueLength {
    static let generatedId = 36

    static func worstCase(_ value: Value, _ resolver: Resolver, partition: Partition) -> Int {
        // Values that are not text (a list of role ARNs is not an action configuration value).
        guard let text = resolver.string(value) else { return 0 }
        var length = text.count
        // The resolver writes ARNs in the commercial partition.
        length += occurrences(of: "arn:aws:", in: text) * (partition.name.count - "aws".count)
        var rest = text[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            length += generatedId - rest.distance(from: open, to: close) - 1
            rest = rest[rest.index(after: close)...]
        }
        return length
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
