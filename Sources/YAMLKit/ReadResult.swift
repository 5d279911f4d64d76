/// What `YAMLReader.read` and `JSONReader.read` made of a document.
public struct ReadResult: Sendable {
    /// The root node; nil when the document is empty or a problem stopped the reader.
    public var root: Node?
    /// Every problem, in the order found: those the reader read past, then the one that
    /// stopped it, if any.
    public var problems: [SyntaxError]

    public init(root: Node?, problems: [SyntaxError]) {
        self.root = root
        self.problems = problems
    }
}

/// Bounds on what a reader builds from input nobody has checked, so that its memory stays in
/// proportion to what the caller can use rather than to the input's size. Going past one stops
/// the reader with a problem at the entry that did.
public struct ReadLimits: Sendable, Hashable {
    /// The most collection entries (sequence items and mapping pairs, at every depth together)
    /// one document may hold.
    public var maximumEntries: Int

    public init(maximumEntries: Int) {
        self.maximumEntries = maximumEntries
    }

    /// No bound beyond the nesting limit (`YAMLReader.maximumDepth`).
    public static let none = ReadLimits(maximumEntries: .max)

    /// The message of the problem that stops a reader at entry `maximumEntries + 1`.
    var message: String {
        "more than \(maximumEntries) list items and mapping entries; the reader stops here"
    }
}
