/// Every ARN the config gives (managed policies, statement resources, connections, task
/// roles, listeners, parameter values: whatever value the decoder read as `arn:...`) names
/// the config's partition, the tooling region's: an account of one partition cannot use a
/// resource of another, and an `arn:aws:` in a China or GovCloud template fails when the
/// stack is created or, worse, when the pipeline first runs.
/// [Identify AWS resources with ARNs](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html),
/// [ARNs for AWS in China](https://docs.amazonaws.cn/en_us/general/latest/gr/ARNs.html)
struct PartitionChecks {
    let context: DecodeContext

    func run(_ config: Config) {
        let partition = config.partition
        for arn in context.arns {
            let fields = arn.value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let written = String(fields[1])
            // `${AWS::Partition}` (in the values CloudFormation substitutes) is the stack's own;
            // whether a `${...}` may stand there is the decoder's check of that key.
            if written.hasPrefix("${") || Self.matches(written, partition.name) { continue }
            let fixed = "arn:\(partition.name):\(fields[2])"
            context.error(
                "ARN '\(arn.value)' is in partition '\(written)', but the config's accounts are in '\(partition.name)'",
                at: arn.mark,
                notes: [
                    .note(
                        "the tooling region '\(config.tooling.region.value)' puts the config in partition '\(partition.name)'",
                        at: config.tooling.region.mark),
                    .help("write '\(fixed)'"),
                ])
        }
    }

    /// `pattern` (an ARN field, where IAM takes `*` and `?`) matches `name`.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        func match(_ p: Substring, _ s: Substring) -> Bool {
            guard let c = p.first else { return s.isEmpty }
            if c == "*" { return match(p.dropFirst(), s) || (!s.isEmpty && match(p, s.dropFirst())) }
            guard let d = s.first, c == "?" || c == d else { return false }
            return match(p.dropFirst(), s.dropFirst())
        }
        return match(pattern[...], name[...])
    }
}
