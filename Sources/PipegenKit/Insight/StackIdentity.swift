import PipegenConfig
import YAMLKit

/// Which stack a template deploys: its name, account and region. Two files with the same
/// identity (`dev.yaml` and `dev.json`) are one stack; removal is decided on identities, never
/// on file names.
public struct StackIdentity: Sendable, Hashable, CustomStringConvertible {
    public var stackName: String
    public var account: String
    public var region: String

    public init(stackName: String, account: String, region: String) {
        self.stackName = stackName
        self.account = account
        self.region = region
    }

    /// `stack pipegen-shop-dev in account 222222222222, eu-west-1`.
    public var description: String { "stack \(stackName) in account \(account), \(region)" }
}

extension StackTemplate {
    /// The stack this template deploys.
    public var identity: StackIdentity { StackIdentity(stackName: stackName, account: account, region: region) }
}

extension StackIdentity {
    /// Where a template written by pipegen says it deploys. Every pipegen template's
    /// description says "Deploy to account A in R as stack S" (`InsightRemovalTests` holds
    /// every builder to it), so the files pipegen wrote are their own record of their stacks,
    /// in whatever format and under whatever name, with no second record to keep in step.
    /// Nil when the description does not say.
    public init?(template: Document?) {
        guard let text = template?["Description"]?.stringValue,
            let range = text.ranges(of: "Deploy to account ").last
        else { return nil }
        let words = text[range.upperBound...].split(separator: " ")
        guard words.count >= 6, words[1] == "in", words[3] == "as", words[4] == "stack" else { return nil }
        let stack = words[5].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        let account = String(words[0])
        guard !stack.isEmpty, account.count == 12, account.allSatisfy(\.isASCII), account.allSatisfy(\.isNumber) else {
            return nil
        }
        self.init(stackName: String(stack), account: account, region: String(words[2]))
    }

    /// A template file's text as data, or nil when it cannot be read. JSON or YAML by its
    /// first character (a JSON template is an object), not by its name.
    public static func read(_ bytes: [UInt8]) -> Document? {
        let first = bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
        let node = try? (first == UInt8(ascii: "{") ? JSONReader.parse(bytes) : YAMLReader.parse(bytes))
        return node?.document
    }
}
