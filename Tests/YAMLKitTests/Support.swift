import Foundation
import Testing
import YAMLKit

/// The marker location tests put where an error is expected.
let marker = "1️⃣"

/// `text` without its `1️⃣` marker, and the marker's position (columns in Unicode scalars).
func locate(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> (text: String, mark: Mark) {
    let (stripped, marks) = locateAll(text, marker: Character(marker))
    guard marks.count == 1 else {
        Issue.record("expected one marker in \(text.debugDescription)", sourceLocation: sourceLocation)
        return (stripped, Mark(line: 0, column: 0))
    }
    return (stripped, marks[0])
}

/// The error `body` throws, or nil (after recording an issue) when it throws none.
func syntaxError<T>(_ body: () throws(SyntaxError) -> T, sourceLocation: SourceLocation = #_sourceLocation)
    -> SyntaxError?
{
    do {
        let value = try body()
        Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// `text` without its `§` markers and the position of each, in order. A node's mark is written
/// as a `§` just before it; two nodes starting at one place (a block mapping and its first key)
/// get `§§`.
func locateAll(_ text: String, marker: Character = "§") -> (text: String, marks: [Mark]) {
    var out = ""
    var marks: [Mark] = []
    var line = 1
    var column = 1
    for c in text {
        if c == marker {
            marks.append(Mark(line: line, column: column))
            continue
        }
        out.append(c)
        // A BOM is not content: readers drop it before counting columns.
        if c == "\u{FEFF}" && out.unicodeScalars.count == 1 { continue }
        if c == "\n" || c == "\r\n" || c == "\r" {
            line += 1
            column = 1
        } else {
            column += c.unicodeScalars.count
        }
    }
    return (out, marks)
}

/// Every mark in `node`'s tree in pre-order: a node, then its items, or each key then its value.
func preorderMarks(_ node: Node) -> [Mark] {
    switch node.kind {
    case .scalar: return [node.mark]
    case .sequence(let items): return [node.mark] + items.flatMap(preorderMarks)
    case .mapping(let pairs): return [node.mark] + pairs.flatMap { preorderMarks($0.key) + preorderMarks($0.value) }
    }
}
