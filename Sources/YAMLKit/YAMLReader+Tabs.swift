/// A tab used for indentation, which YAML forbids, is reported and read past: one problem for
/// each run of consecutive lines indented with tabs, and each such line read as indented to a
/// column that fits the block collections open around it, so that the rest of the document
/// reads as its writer meant it and one mistake gives one error, not a cascade.
///
/// The columns tried for a line, in order: the column an earlier line with the same
/// indentation was read at (a block indented with tabs throughout reads consistently); where a
/// nested block may start (after `key:` or `-` with nothing else on the line), the line's
/// widths with tab stops every 4, 8 or 2 columns (editors' usual widths) that are deeper than
/// the innermost open collection; those widths that are the indentation of an open collection;
/// then the open collections from the innermost out. When the reading stops at a later problem,
/// the reader reads the document again with the next column for the last line it chose one for
/// before that problem (at most `maximumRereads` times), and keeps the first reading otherwise.
/// The document's root starts at column 0.
struct TabRecovery {
    /// The indentation of the block collections open around the parser, outermost first.
    var open: [Int] = []
    /// The line indented with tabs that the parser has reached but not yet asked the column
    /// of: its index, the byte offsets of its start and of its content.
    var pending: (line: Int, start: Int, content: Int)?
    /// For each line read so far that is indented with tabs: its column minus its byte column.
    var lines: [Int: Int] = [:]
    /// The column each indentation (its bytes) was read at.
    var readings: [[UInt8]: Int] = [:]
    /// The choices made, in order: the line, the index of the column taken among its
    /// candidates, and how many there were.
    var choices: [(line: Int, index: Int, count: Int)] = []
    /// Which candidate to take for a line, from an earlier reading that stopped (default 0).
    var overrides: [Int: Int] = [:]
    /// The last line reported or counted in a run, and the problem (an index in `problems`)
    /// that reports the run.
    var runLastLine = -2
    var runProblem = -1
    var runFirstLine = 0

    /// The tab widths tried, in order.
    static let tabWidths = [4, 8, 2]
    /// How many more times a document is read with other columns for its tab-indented lines.
    static let maximumRereads = 8
    /// Documents larger than this (far larger than any config) are read once: rereading them
    /// would cost up to `maximumRereads` more readings of the whole of a large hostile file.
    static let maximumRereadBytes = 1 << 20

    /// The overrides for the next reading after one that stopped at `line`, or nil when no
    /// choice made before that line has another candidate.
    func overridesAfterStop(at line: Int) -> [Int: Int]? {
        guard let last = choices.lastIndex(where: { $0.line <= line && $0.index + 1 < $0.count }) else { return nil }
        var next: [Int: Int] = [:]
        for choice in choices[..<last] { next[choice.line] = choice.index }
        next[choices[last].line] = choices[last].index + 1
        return next
    }
}

extension YAMLParser {
    static let tabMessage = "tabs are not allowed for indentation; use spaces"

    /// Reports the tab at `tab` in the indentation of its line: a new problem, or one more line
    /// of the run the previous line belongs to.
    mutating func recordTab(at tab: Int) {
        let line = lines.lineIndex(of: tab)
        if line == tabs.runLastLine { return }
        if line == tabs.runLastLine + 1 && tabs.runProblem >= 0 {
            tabs.runLastLine = line
            problems[tabs.runProblem].note =
                "lines \(tabs.runFirstLine + 1) to \(line + 1) are indented with tabs"
            return
        }
        tabs.runLastLine = line
        tabs.runFirstLine = line
        tabs.runProblem = problems.count
        problems.append(error(YAMLParser.tabMessage, at: tab))
    }

    /// Reports a line whose indentation holds a tab (the first at `tab`), and remembers it so
    /// that its column is chosen when the parser first asks for it.
    mutating func recordTabIndentation(tab: Int, content: Int) {
        let line = lines.lineIndex(of: content)
        guard tabs.lines[line] == nil, tabs.pending?.line != line else { return }
        recordTab(at: tab)
        tabs.pending = (line, lines.starts[line], content)
    }

    /// The indentation column at `pos`, the first content of a line. `expectNested`: a block
    /// node may start here, nested in the innermost open collection.
    mutating func indentation(expectNested: Bool) -> Int {
        let line = lines.lineIndex(of: pos)
        return pos - lines.starts[line] + tabShift(line: line, expectNested: expectNested)
    }

    /// How far the content of `line` is read from its byte column: 0 unless it is indented with
    /// tabs. Chosen the first time it is asked, then kept.
    mutating func tabShift(line: Int, expectNested: Bool) -> Int {
        if let shift = tabs.lines[line] { return shift }
        guard let pending = tabs.pending, pending.line == line else { return 0 }
        tabs.pending = nil
        let indentation = Array(b[pending.start..<pending.content])
        let column = tabColumn(indentation, line: line, expectNested: expectNested)
        tabs.readings[indentation] = column
        let shift = column - indentation.count
        tabs.lines[line] = shift
        return shift
    }

    /// The column a line indented with `indentation` is read at (TabRecovery's rules).
    private mutating func tabColumn(_ indentation: [UInt8], line: Int, expectNested: Bool) -> Int {
        guard let innermost = tabs.open.last else { return 0 }
        let widths = TabRecovery.tabWidths.map { width in
            indentation.reduce(0) { column, byte in byte == tab ? (column / width + 1) * width : column + 1 }
        }
        var candidates: [Int] = []
        func add(_ column: Int) { if !candidates.contains(column) { candidates.append(column) } }
        if let earlier = tabs.readings[indentation], tabs.open.contains(earlier) || (expectNested && earlier > innermost) {
            add(earlier)
        }
        if expectNested { widths.filter { $0 > innermost }.forEach(add) }
        // Lines next to each other line up: a list or mapping usually goes on.
        if let previous = previousColumn(before: line), widths.contains(previous), tabs.open.contains(previous) {
            add(previous)
        }
        widths.filter { tabs.open.contains($0) }.forEach(add)
        tabs.open.reversed().forEach(add)
        // A line that opens a block (`key:` or `-` with nothing after it) is read above the
        // next line when that one is indented with spaces: it is the block's first line.
        if let next = nextSpaceIndentation(after: line), opensBlock(line), candidates.contains(where: { $0 < next }) {
            candidates.removeAll { $0 >= next }
        }
        let index = min(tabs.overrides[line] ?? 0, candidates.count - 1)
        tabs.choices.append((line, index, candidates.count))
        return candidates[index]
    }

    /// True when `line` ends in a `:` or is a lone `-` (ignoring blanks and a comment): the
    /// value or item it starts is on the lines after it.
    private func opensBlock(_ line: Int) -> Bool {
        var p = lines.starts[line]
        var last: UInt8 = 0
        var previous: UInt8 = space
        while !YAMLParser.isBreakOrEnd(b[p]) {
            let c = b[p]
            if c == UInt8(ascii: "#") && YAMLParser.isBlank(previous) { break }
            if !YAMLParser.isBlank(c) { last = c }
            previous = c
            p += 1
        }
        return last == UInt8(ascii: ":") || last == UInt8(ascii: "-")
    }

    /// The indentation of the next line after `line` that holds content, when it is indented
    /// with spaces only; nil when it holds a tab before its content, or there is none.
    private func nextSpaceIndentation(after line: Int) -> Int? {
        var l = line + 1
        while l < lines.starts.count {
            var p = lines.starts[l]
            while b[p] == space { p += 1 }
            let c = b[p]
            if c == tab || c == 0 { return nil }
            if c != newline && c != UInt8(ascii: "#") { return p - lines.starts[l] }
            l += 1
        }
        return nil
    }

    /// The column the last line before `line` that holds content was read at; nil when there
    /// is none or it is not a line the parser chose a column for (a tab-indented line it
    /// read as part of a scalar).
    private func previousColumn(before line: Int) -> Int? {
        var l = line - 1
        while l >= 0 {
            var p = lines.starts[l]
            while YAMLParser.isBlank(b[p]) { p += 1 }
            let c = b[p]
            if c != newline && c != 0 && c != UInt8(ascii: "#") {
                let byteColumn = p - lines.starts[l]
                if b[lines.starts[l]..<p].contains(tab) { return tabs.lines[l].map { byteColumn + $0 } }
                return byteColumn
            }
            l -= 1
        }
        return nil
    }

    /// Counts one more collection entry against `limits`, stopping at the one past the limit.
    mutating func countEntry(at offset: Int) throws(SyntaxError) {
        entries += 1
        if entries > limits.maximumEntries { throw error(limits.message, at: offset) }
    }
}
