import PipegenConfig
import YAMLKit

/// The stacks to delete when pipegen files in the output folder are stale (an environment,
/// region or pipeline left the config) or now deploy somewhere else, in the order to delete
/// them, with what each leaves behind. Everything is read from the old files themselves,
/// because the config no longer knows them.
public struct RemovalReport: Sendable {
    /// One stack to delete.
    public struct Stack: Sendable {
        /// The old file's name in the output folder.
        public var file: String
        public var stackName: String
        /// Nil when the old file does not say (it was not written by this version of pipegen).
        public var account: String?
        public var region: String?
        public var profile: String
        /// Where the file's new version deploys, when the file is still rendered; nil when the
        /// config no longer has it.
        public var movedTo: String?
        /// Resources with `DeletionPolicy: Retain`, which outlive the stack.
        public var retained: [Retained]
    }

    /// A resource CloudFormation keeps when its stack is deleted.
    public struct Retained: Sendable, Hashable {
        public var logicalId: String
        public var type: String
        /// The physical name, when the template sets one literally (a bucket or repository name,
        /// a key's alias).
        public var name: String?
    }

    /// In deletion order: environments' further regions, environments, the tooling account's
    /// further regions, the tooling account (the reverse of deploying).
    public var stacks: [Stack]

    /// The report for the `stale` files (their names and old bytes) and the `replaced` ones
    /// (old bytes, new text), in a folder rendered from `config`.
    public init(config: Config, stale: [(name: String, bytes: [UInt8])], replaced: [(name: String, old: [UInt8], new: String)]) {
        let profiles = Planner(config: config, stacks: [], files: [], folder: "").profiles()
        var stacks: [Stack] = []
        for (name, bytes) in stale {
            stacks.append(Self.stack(name, bytes, config: config, profiles: profiles, movedTo: nil))
        }
        for (name, old, new) in replaced {
            let before = Self.target(of: Self.read(name, old))
            let after = Self.target(of: Self.read(name, Array(new.utf8)))
            guard let before, let after, before != after else { continue }
            let moved = "stack \(after.stack) in account \(after.account), \(after.region)"
            stacks.append(Self.stack(name, old, config: config, profiles: profiles, movedTo: moved))
        }
        // The YAML and JSON renderings of one template name one stack: report it once.
        var seen: Set<String> = []
        self.stacks = stacks.sorted { (Self.rank($0.file), $0.file) < (Self.rank($1.file), $1.file) }
            .filter { seen.insert("\($0.stackName) \($0.account ?? "") \($0.region ?? "")").inserted }
    }

    static func stack(_ file: String, _ bytes: [UInt8], config: Config, profiles: [Profile], movedTo: String?) -> Stack {
        let document = read(file, bytes)
        let stem = String(file.prefix { $0 != "." })
        let target = document.flatMap(target(of:))
        let account = target?.account
        let envName = stem == "tooling" || stem.hasPrefix("tooling-") ? nil : regionSuffix(stem).map { String(stem.dropLast($0.count + 1)) } ?? stem
        let profile =
            profiles.first { $0.account == account }?.name
            ?? "\(config.project.value)-\(envName ?? account ?? "tooling")"
        return Stack(
            file: file, stackName: target?.stack ?? "pipegen-\(config.project.value)-\(stem)", account: account,
            region: target?.region, profile: profile, movedTo: movedTo, retained: document.map(retained) ?? [])
    }

    /// The template as data, or nil when it cannot be read.
    static func read(_ file: String, _ bytes: [UInt8]) -> Document? {
        let node = try? (file.hasSuffix(".json") ? JSONReader.parse(bytes) : YAMLReader.parse(bytes))
        return node?.document
    }

    /// Where a template says it deploys: every pipegen template's description ends with
    /// "Deploy to account A in R as stack S" (a test holds the builders to it).
    static func target(of template: Document?) -> (account: String, region: String, stack: String)? {
        guard let text = template?["Description"]?.stringValue, let range = text.firstRange(of: "Deploy to account ") else {
            return nil
        }
        let words = text[range.upperBound...].split(separator: " ")
        guard words.count >= 6, words[1] == "in", words[3] == "as", words[4] == "stack" else { return nil }
        let stack = words[5].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return (String(words[0]), String(words[2]), String(stack))
    }

    /// The resources kept by `DeletionPolicy: Retain`, with the names the template gives them.
    static func retained(_ template: Document) -> [Retained] {
        let resources = template["Resources"]?.mapValue ?? []
        var out: [Retained] = []
        for entry in resources where entry.value["DeletionPolicy"]?.stringValue == "Retain" {
            let type = entry.value["Type"]?.stringValue ?? "unknown type"
            let properties = entry.value["Properties"]
            var name = ["BucketName", "RepositoryName", "LogGroupName", "TopicName", "RoleName"].lazy
                .compactMap { properties?[$0]?.stringValue }.first
            if type.hasPrefix("AWS::KMS::") {
                // A key has no name; its alias (deleted with the stack) tells which key it is.
                name = resources.first {
                    $0.value["Type"]?.stringValue == "AWS::KMS::Alias" && $0.value["Properties"]?["TargetKeyId"]?["Ref"]?.stringValue == entry.key
                }?.value["Properties"]?["AliasName"]?.stringValue
            }
            out.append(Retained(logicalId: entry.key, type: type, name: name))
        }
        return out
    }

    /// The region at the end of a file stem (`dev-us-east-1`), if any.
    static func regionSuffix(_ stem: String) -> String? {
        Region.all.first { stem.hasSuffix("-" + $0) }
    }

    /// Deletion order: the reverse of deploying.
    static func rank(_ file: String) -> Int {
        let stem = String(file.prefix { $0 != "." })
        if stem == "tooling" { return 3 }
        if stem.hasPrefix("tooling-"), regionSuffix(stem) != nil { return 2 }
        return regionSuffix(stem) != nil ? 0 : 1
    }
}
