extension CodePipeline {
    /// The `Configuration` of one action provider, typed: which action it is (so an action's
    /// `ActionTypeId` comes from its configuration and the two cannot disagree) and its keys, in
    /// the order pipegen writes them.
    /// [Action structure reference](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html)
    public protocol ActionConfiguration: Sendable, Hashable {
        /// The `Provider` of the action type, such as `CodeBuild`.
        static var provider: String { get }
        /// The `Owner` of the action type; `AWS` by default.
        static var owner: Pipeline.ActionTypeId.Owner { get }
        /// The `Version` of the action type; `1` by default.
        static var version: String { get }
        /// The `Category`: one per provider, except that a CodeBuild action builds or tests.
        var category: Pipeline.ActionTypeId.Category { get }
        /// The configuration keys and values, absent ones left out.
        var fields: [Field] { get }
    }

    /// One typed `ActionConfiguration` per action provider, named after the provider
    /// (`CodePipeline.Action.CodeBuild`, ...).
    public enum Action {}
}

extension CodePipeline.ActionConfiguration {
    public static var owner: CodePipeline.Pipeline.ActionTypeId.Owner { .aws }
    public static var version: String { "1" }

    /// The `ActionTypeId` of actions with this configuration.
    public var actionTypeId: CodePipeline.Pipeline.ActionTypeId {
        .init(category: category, owner: Self.owner, provider: Self.provider, version: Self.version)
    }
}

extension CodePipeline.Pipeline.ActionDeclaration {
    /// Holds a configuration of any provider so that declarations stay `Hashable`: two are equal
    /// when they are of one provider type with equal keys.
    struct AnyConfiguration: Hashable, Sendable {
        let base: any CodePipeline.ActionConfiguration

        static func == (a: Self, b: Self) -> Bool { AnyHashable(a.base) == AnyHashable(b.base) }
        func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(base)) }
    }
}
