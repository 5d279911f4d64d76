/// STUB: the typed, validated config.
public struct Config: Sendable {
    public var project: String
    public init(project: String) { self.project = project }
}
