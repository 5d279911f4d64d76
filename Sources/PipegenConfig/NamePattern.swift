import YAMLKit

/// A name or path from the config with placeholders that pipegen fills in: `{project}-{env}`,
/// `{project}-{function}`, `params/{env}.json`. The text is kept as written; the kit's `Names`
/// is the one place that expands patterns, so a derived name is spelled in one place only.
public struct NamePattern: Sendable, Hashable, ConfigValue, ExpressibleByStringLiteral, CustomStringConvertible {
    /// What a placeholder stands for.
    public enum Placeholder: String, CaseIterable, Sendable {
        case project, env, function, region, account

        /// The placeholder as written in a pattern: `{env}`.
        public var token: String { "{\(rawValue)}" }
    }

    /// The pattern as the user wrote it.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public init(stringLiteral text: String) {
        self.text = text
    }

    public var document: Document { .string(text) }
    public var description: String { text }

    /// True when the pattern has `placeholder`.
    public func contains(_ placeholder: Placeholder) -> Bool {
        text.contains(placeholder.token)
    }

    /// The text with each placeholder in `values` replaced (others stay as written). Only the
    /// kit's `Names` calls this.
    package func expanded(_ values: [(Placeholder, String)]) -> String {
        var out = text
        for (placeholder, value) in values where out.contains(placeholder.token) {
            out = out.replacing(placeholder.token, with: value)
        }
        return out
    }
}
