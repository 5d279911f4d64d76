import YAMLKit

/// An artifact key or bucket the team already has in one region of the tooling account
/// (`artifacts.existing`): pipegen creates neither there, nor their policies, and `plan`
/// says which statements to add to theirs.
public struct ExistingArtifactStore: Sendable, Hashable {
    /// The region, as the key of `existing` (where it is written).
    public var region: Located<String>
    /// The KMS key's ARN, as written (checked: the region's, the tooling account's, a key).
    public var key: Located<String>?
    /// The bucket's name (written as a name or as its ARN).
    public var bucket: Located<String>?

    public init(region: Located<String>, key: Located<String>? = nil, bucket: Located<String>? = nil) {
        self.region = region
        self.key = key
        self.bucket = bucket
    }

    /// The key id of `key` (what follows `key/`).
    public var keyId: String? {
        key.flatMap { ExistingArtifactStore.arnParts($0.value)?.resource }.map { String($0.dropFirst("key/".count)) }
    }

    static let spec = ObjectSpec(
        "existing store", "the key and bucket of one region that pipegen does not create",
        keys: [
            KeySpec(
                "key", .string(.arn), example: "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "ARN of a symmetric KMS key of the tooling account in this region (a key ARN, not an alias); pipegen creates no key (and no replica) here"),
            KeySpec(
                "bucket", .string(.text), example: "shop-artifacts-eu-west-1",
                "name (or arn:<partition>:s3:::name) of a versioned S3 bucket of the tooling account in this region; pipegen creates no bucket here"),
        ])

    /// `artifacts.existing`.
    static let key = KeySpec(
        "existing", .map(.object(spec)),
        example: "{eu-west-1: {key: \"arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab\", bucket: shop-artifacts}}",
        "an artifact key or bucket you already have, by region: pipegen creates neither there, and 'pipegen plan' prints the key policy and bucket policy statements to add to them (the checks assume they are there)")

    /// The parts of `arn:<partition>:<service>:<region>:<account>:<resource>`, nil when
    /// `text` has not six parts.
    static func arnParts(_ text: String) -> (partition: String, service: String, region: String, account: String, resource: String)? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        return (parts[1], parts[2], parts[3], parts[4], parts[5])
    }

    /// S3's rules for a general purpose bucket name: 3 to 63 lowercase letters, digits, dots
    /// and hyphens, beginning and ending with a letter or digit.
    /// [Bucket naming rules](https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)
    static func isBucketName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        func alnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }
        return u.count >= 3 && u.count <= 63 && alnum(u.first!) && alnum(u.last!)
            && u.allSatisfy { alnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") } && !name.contains("..")
    }
}

extension ConfigDecoder {
    /// `artifacts.existing`: region → key and bucket, each checked against the tooling
    /// account, the region and the partition (which regions hold artifacts is the kit's to
    /// say: `ExistingArtifactChecks`).
    func decodeExistingStores(_ n: Node, tooling: Tooling?) -> [ExistingArtifactStore] {
        guard case .mapping(let pairs) = n.kind else {
            if !(n.scalar?.isNull ?? false) {
                context.error("expected a mapping of region names to a key and a bucket for 'existing' in 'artifacts', found \(n.kindPhrase)", at: n.mark)
            }
            return []
        }
        var out: [ExistingArtifactStore] = []
        for pair in pairs {
            guard let region = context.string(pair.key, .string(.region), what: "a region of 'existing'") else { continue }
            if out.contains(where: { $0.region.value == region.value }) {
                context.error("duplicate region '\(region.value)' in 'existing'", at: pair.key.mark)
                continue
            }
            let owner = " in region '\(region.value)' of 'existing'"
            guard let r = ObjectReader(pair.value, spec: ExistingArtifactStore.spec, owner: owner, context: context, what: "'\(region.value)' of 'existing'")
            else { continue }
            var store = ExistingArtifactStore(region: region)
            if let key = r.string("key"), let tooling, checkKey(key, region: region.value, tooling: tooling) { store.key = key }
            if let bucket = r.string("bucket"), let name = bucketName(bucket, tooling: tooling) { store.bucket = name }
            if !r.has("key"), !r.has("bucket") {
                context.error(
                    "region '\(region.value)' of 'existing' gives neither a key nor a bucket", at: pair.key.mark,
                    notes: [.help("give 'key:', 'bucket:' or both, or remove the region")])
            }
            out.append(store)
        }
        return out
    }

    /// True when `arn` is a KMS key of the tooling account in `region` and its partition.
    private func checkKey(_ arn: Located<String>, region: String, tooling: Tooling) -> Bool {
        let partition = Region.partition(of: tooling.region.value).name
        let example = "arn:\(partition):kms:\(region):\(tooling.account.value):key/1234abcd-12ab-34cd-56ef-1234567890ab"
        guard let parts = ExistingArtifactStore.arnParts(arn.value), parts.service == "kms" else {
            context.error("'\(arn.value)' is not a KMS key ARN", at: arn.mark, notes: [.help("write the key's ARN, such as \(example)")])
            return false
        }
        // Another partition is `PartitionChecks`' error, as for every ARN of the config.
        guard parts.partition == partition else { return false }
        var problem: (String, String)?
        if parts.region != region {
            problem = ("the key is in '\(parts.region)', not in '\(region)'", "give each region the key of that region")
        } else if parts.account != tooling.account.value {
            problem = (
                "the key is in account '\(parts.account)', not in the tooling account '\(tooling.account.value)'",
                "the artifact key must be the tooling account's")
        } else if parts.resource.hasPrefix("alias/") {
            problem = (
                "'\(arn.value)' is an alias ARN",
                "give the key's own ARN: the environment accounts and CodePipeline's artifact store need the key ARN, which an alias does not resolve to across accounts")
        } else if !parts.resource.hasPrefix("key/") || parts.resource.count == 4 {
            problem = ("'\(arn.value)' is not a key ARN", "write the key's ARN, such as \(example)")
        }
        if let (message, help) = problem {
            context.error(message, at: arn.mark, notes: [.help(help)])
            return false
        }
        return true
    }

    /// The bucket's name, from a name or an S3 ARN of the tooling account's partition.
    private func bucketName(_ text: Located<String>, tooling: Tooling?) -> Located<String>? {
        var name = text.value
        if name.hasPrefix("arn:") {
            guard let parts = ExistingArtifactStore.arnParts(name), parts.service == "s3", parts.region.isEmpty,
                parts.account.isEmpty, !parts.resource.contains("/")
            else {
                context.error("'\(name)' is not a bucket ARN", at: text.mark, notes: [.help("write the bucket's name, or arn:aws:s3:::<name>")])
                return nil
            }
            // Another partition is `PartitionChecks`' error, as for every ARN of the config.
            if let tooling, parts.partition != Region.partition(of: tooling.region.value).name { return nil }
            name = parts.resource
        }
        guard ExistingArtifactStore.isBucketName(name) else {
            context.error(
                "'\(name)' is not an S3 bucket name", at: text.mark,
                notes: [.help("3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit")])
            return nil
        }
        return Located(name, at: text.mark)
    }
}
