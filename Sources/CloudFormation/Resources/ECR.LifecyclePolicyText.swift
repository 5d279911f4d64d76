import YAMLKit

extension ECR {
    /// A typed ECR lifecycle policy, written as the JSON text `LifecyclePolicyText` expects.
    /// The text is deterministic: keys in the documented order, rules sorted by priority.
    /// [Lifecycle policy properties](https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html)
    public struct LifecyclePolicyText: Hashable, Sendable {
        public var rules: [Rule]

        public init(_ rules: [Rule]) { self.rules = rules }

        /// Keep the `count` most recently pushed images, whatever their tags; expire the rest.
        public static func keepLast(_ count: Int) -> LifecyclePolicyText {
            LifecyclePolicyText([
                Rule(priority: 1, description: "Keep the last \(count) images", tagStatus: .any, count: .imageCountMoreThan(count))
            ])
        }

        /// Expire untagged images `days` days after they were pushed.
        public static func expireUntagged(afterDays days: Int, priority: Int = 1) -> Rule {
            Rule(
                priority: priority, description: "Expire untagged images after \(days) days", tagStatus: .untagged,
                count: .sinceImagePushed(days: days))
        }

        /// One rule: which images (`selection`) and the action, always `expire`.
        public struct Rule: Hashable, Sendable {
            /// Unique; lower numbers are applied first.
            public var priority: Int
            public var description: String?
            public var tagStatus: TagStatus
            /// For `tagged` rules: tag prefixes (`tagPrefixList`), or wildcard patterns (`tagPatternList`).
            public var tagPrefixes: [String]
            public var tagPatterns: [String]
            public var count: Count

            public init(
                priority: Int, description: String? = nil, tagStatus: TagStatus, tagPrefixes: [String] = [],
                tagPatterns: [String] = [], count: Count
            ) {
                self.priority = priority
                self.description = description
                self.tagStatus = tagStatus
                self.tagPrefixes = tagPrefixes
                self.tagPatterns = tagPatterns
                self.count = count
            }

            var document: Document {
                var selection: [Document.Entry] = [.init("tagStatus", .string(tagStatus.rawValue))]
                if !tagPatterns.isEmpty { selection.append(.init("tagPatternList", .list(tagPatterns.map { .string($0) }))) }
                if !tagPrefixes.isEmpty { selection.append(.init("tagPrefixList", .list(tagPrefixes.map { .string($0) }))) }
                switch count {
                case .imageCountMoreThan(let n):
                    selection.append(.init("countType", "imageCountMoreThan"))
                    selection.append(.init("countNumber", .int(n)))
                case .sinceImagePushed(let days):
                    selection.append(.init("countType", "sinceImagePushed"))
                    selection.append(.init("countUnit", "days"))
                    selection.append(.init("countNumber", .int(days)))
                }
                var entries: [Document.Entry] = [.init("rulePriority", .int(priority))]
                if let description { entries.append(.init("description", .string(description))) }
                entries.append(.init("selection", .map(selection)))
                entries.append(.init("action", ["type": "expire"]))
                return .map(entries)
            }
        }

        /// `selection.tagStatus`.
        public enum TagStatus: String, Sendable, Hashable {
            case tagged, untagged, any
        }

        /// `selection.countType` with its number (and unit).
        public enum Count: Hashable, Sendable {
            /// Expire images beyond the newest `n`.
            case imageCountMoreThan(Int)
            /// Expire images pushed more than `days` days ago.
            case sinceImagePushed(days: Int)
        }

        /// What ECR would reject: repeated priorities, an `any` rule that is not applied last,
        /// a `tagged` rule without tag prefixes or patterns, an `untagged` rule with them.
        public func problems() -> [String] {
            var out: [String] = []
            var seen: Set<Int> = []
            for rule in rules where !seen.insert(rule.priority).inserted {
                out.append("lifecycle rule priority \(rule.priority) is used twice")
            }
            let highest = rules.map(\.priority).max()
            for rule in rules {
                let hasTags = !rule.tagPrefixes.isEmpty || !rule.tagPatterns.isEmpty
                switch rule.tagStatus {
                case .any where rule.priority != highest:
                    out.append("lifecycle rule \(rule.priority) selects any image, so it must have the highest priority")
                case .tagged where !hasTags:
                    out.append("lifecycle rule \(rule.priority) selects tagged images but lists no tag prefixes or patterns")
                case .untagged where hasTags, .any where hasTags:
                    out.append("lifecycle rule \(rule.priority) lists tags but does not select tagged images")
                default: break
                }
            }
            return out
        }

        /// The JSON text, without a trailing newline.
        public var text: String {
            let sorted = rules.sorted { $0.priority < $1.priority }
            var json = JSONWriter().write(["rules": .list(sorted.map(\.document))])
            if json.hasSuffix("\n") { json.removeLast() }
            return json
        }
    }
}
