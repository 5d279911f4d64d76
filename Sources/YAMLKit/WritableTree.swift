/// A tree the writers walk in place. `Document` is one; a model that would otherwise build a
/// `Document` only to have it written (a CloudFormation template's values) can be one too, and
/// is then written without that copy, which in a large render costs as much as the writing.
public protocol WritableTree {
    /// What this node is. A `.scalar` is never a list or a map.
    var shape: TreeShape { get }
    /// The item at `index` of a list.
    func item(_ index: Int) -> Self
    /// The key and value at `index` of a map, in the map's order.
    func entry(_ index: Int) -> (key: String, value: Self)
}

/// The shape of one node of a `WritableTree`.
public enum TreeShape {
    /// A null, boolean, number or string.
    case scalar(Document)
    case list(count: Int)
    case map(count: Int)
}

extension Document: WritableTree {
    @inlinable public var shape: TreeShape {
        switch self {
        case .list(let items): .list(count: items.count)
        case .map(let entries): .map(count: entries.count)
        default: .scalar(self)
        }
    }

    @inlinable public func item(_ index: Int) -> Document {
        guard case .list(let items) = self else { preconditionFailure("item(_:) of a \(self)") }
        return items[index]
    }

    @inlinable public func entry(_ index: Int) -> (key: String, value: Document) {
        guard case .map(let entries) = self else { preconditionFailure("entry(_:) of a \(self)") }
        return (entries[index].key, entries[index].value)
    }
}

extension Document {
    /// `tree` as plain data.
    public init<Tree: WritableTree>(tree: Tree) {
        switch tree.shape {
        case .scalar(let value): self = value
        case .list(let count): self = .list((0..<count).map { Document(tree: tree.item($0)) })
        case .map(let count):
            self = .map(
                (0..<count).map { index in
                    let entry = tree.entry(index)
                    return Entry(entry.key, Document(tree: entry.value))
                })
        }
    }
}
