/// Unified diffs in the format of `diff -u` and `git diff`: `---`/`+++` headers, then
/// `@@ -a,b +c,d @@` hunks with `context` lines around each change (a count of one is
/// written `-a`, and an empty range starts at the line before it, as GNU diff does), and
/// `\ No newline at end of file` where a file lacks its final line break.
struct UnifiedDiff {
    var oldLabel: String
    var newLabel: String
    var context = 3

    /// The diff from `old` to `new`; empty when the bytes are equal.
    func format(old: [UInt8], new: [UInt8], style: Style = Style(enabled: false)) -> String {
        guard old != new else { return "" }
        let a = Lines(old)
        let b = Lines(new)
        var table: [LineKey: Int] = [:]
        // Equal ids mean equal bytes; a last line without a line break never equals one with.
        func ids(_ lines: Lines) -> [Int] {
            lines.text.indices.map { i in
                let key = LineKey(bytes: lines.text[i], terminated: !lines.isUnterminated(i))
                if let id = table[key] { return id }
                table[key] = table.count
                return table.count - 1
            }
        }
        let (deleted, inserted) = Myers.diff(ids(a), ids(b))

        // The edit script as one sequence: (old index?, new index?) per line shown.
        var script: [(old: Int?, new: Int?)] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, deleted[i] {
                script.append((i, nil))
                i += 1
            } else if j < b.count, inserted[j] {
                script.append((nil, j))
                j += 1
            } else {
                script.append((i, j))
                (i, j) = (i + 1, j + 1)
            }
        }
        // Lines of each side before each step of the script, for the hunk headers.
        var before: [(old: Int, new: Int)] = [(0, 0)]
        for step in script {
            let last = before[before.count - 1]
            before.append((last.old + (step.old == nil ? 0 : 1), last.new + (step.new == nil ? 0 : 1)))
        }
        var out = style.bold("--- \(oldLabel)") + "\n" + style.bold("+++ \(newLabel)") + "\n"
        for hunk in hunks(script) {
            let (start, end) = (before[hunk.lowerBound], before[hunk.upperBound])
            let header = "@@ -\(range(start.old, end.old - start.old)) +\(range(start.new, end.new - start.new)) @@"
            out += style.paint(header, "36") + "\n"
            for step in script[hunk] {
                switch (step.old, step.new) {
                case (let o?, _?): out += " " + a.string(o) + "\n" + a.marker(o)
                case (let o?, nil): out += style.paint("-" + a.string(o), "31") + "\n" + a.marker(o)
                case (nil, let n?): out += style.paint("+" + b.string(n), "32") + "\n" + b.marker(n)
                case (nil, nil): break
                }
            }
        }
        return out
    }

    /// Ranges of `script` to show: each change with `context` lines around it, merged when
    /// the context of neighbouring changes would touch.
    private func hunks(_ script: [(old: Int?, new: Int?)]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (index, line) in script.enumerated() where line.old == nil || line.new == nil {
            let range = max(0, index - context)..<min(script.count, index + context + 1)
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `start,count` for a range after `before` lines: 1-based, `,1` left out, and an empty
    /// range named by the line before it (`-0,0` for the start of the file), as GNU diff does.
    private func range(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(before),0"
        case 1: return "\(before + 1)"
        default: return "\(before + 1),\(count)"
        }
    }
}

private struct LineKey: Hashable {
    var bytes: ArraySlice<UInt8>
    var terminated: Bool
}

/// A file's bytes split into lines at `\n` (a `\r` stays part of its line).
private struct Lines {
    var text: [ArraySlice<UInt8>]
    var endsWithNewline: Bool

    init(_ bytes: [UInt8]) {
        text = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        endsWithNewline = bytes.last == 0x0A
        // "a\n" splits into ["a", ""]: the empty tail is not a line. An empty file has none.
        if text.last?.isEmpty == true, endsWithNewline || bytes.isEmpty { text.removeLast() }
    }

    var count: Int { text.count }
    func isUnterminated(_ i: Int) -> Bool { i == text.count - 1 && !endsWithNewline }
    func string(_ i: Int) -> String { String(decoding: text[i], as: UTF8.self) }
    func marker(_ i: Int) -> String { isUnterminated(i) ? "\\ No newline at end of file\n" : "" }
}
