/// Reads YAML text into located `Node`s.
///
/// The supported subset of YAML 1.2: one document (optional leading `---`, trailing `...`, a
/// leading BOM); block mappings and sequences (compact `- key: v` and `- - a` entries, sequences
/// indented or not under their key); flow `[...]` and `{...}` collections, nested and over several
/// lines; plain, single-quoted and double-quoted scalars (every YAML escape, line folding); literal
/// `|` and folded `>` block scalars with chomping and indentation indicators; comments. Keys are
/// scalars. Line breaks may be `\n`, `\r\n` or `\r`.
///
/// Refused with an error at the exact position: anchors, aliases, tags, merge keys (`<<`),
/// complex keys (`? `), directives, more than one document, tabs in indentation, collections as
/// keys, nesting deeper than `maximumDepth` levels, invalid UTF-8, control characters. Duplicate
/// keys are not an error here: every pair is kept in order for the caller to judge.
///
/// `read` reports a tab used for indentation and reads on (`YAMLReader+Tabs.swift`); every other
/// problem stops it. `parse` stops at the first problem of either kind.
///
/// The reader works on UTF-8 bytes and never recurses deeper than `maximumDepth` collections, so
/// hostile input costs linear time and bounded stack; `ReadLimits` also bounds what it builds.
public enum YAMLReader {
    /// The deepest nesting of collections the readers accept.
    public static let maximumDepth = 200

    /// The root node of `text`, or nil when the document is empty (only comments, blank lines or
    /// document markers).
    public static func parse(_ text: String) throws(SyntaxError) -> Node? {
        try parse(Array(text.utf8))
    }

    /// The root node of UTF-8 `bytes`; invalid UTF-8 is a `SyntaxError` at its line and column.
    /// The first problem in the document, even one `read` reads past, is thrown.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node? {
        let result = read(bytes)
        if let first = result.problems.min(by: { $0.mark < $1.mark }) { throw first }
        return result.root
    }

    /// The root node of UTF-8 `bytes` and every problem found on the way, in source order. A tab
    /// used for indentation is reported (once for a run of such lines) and read as the
    /// indentation around it; any other problem stops the reader: it is then the last problem,
    /// and `root` is nil.
    public static func read(_ bytes: [UInt8], limits: ReadLimits = .none) -> ReadResult {
        let source: SourceText
        do {
            source = try SourceText(bytes, yamlCharacters: true)
        } catch {
            return ReadResult(root: nil, problems: [error])
        }
        var overrides: [Int: Int] = [:]
        var first: ReadResult?
        // Each reading costs the whole document: a large one is read once, whatever its tabs.
        let rereads = bytes.count <= TabRecovery.maximumRereadBytes ? TabRecovery.maximumRereads : 0
        for _ in 0...rereads {
            var parser = YAMLParser(source, limits: limits)
            parser.tabs.overrides = overrides
            do {
                let root = try parser.parseStream()
                return ReadResult(root: root, problems: parser.problems)
            } catch {
                // A stop after a tab-indented line may come from the column it was read at.
                first = first ?? ReadResult(root: nil, problems: parser.problems + [error])
                // A limit stops every reading alike, whatever columns the tabs were read at.
                guard error.message != limits.message, error.message != YAMLParser.tooDeep else { break }
                guard let next = parser.tabs.overridesAfterStop(at: error.mark.line - 1) else { break }
                overrides = next
            }
        }
        return first!
    }
}

// Byte constants for readability in the scanners.
let newline: UInt8 = 0x0A
let space: UInt8 = 0x20
let tab: UInt8 = 0x09

/// A recursive-descent parser over the bytes of a `SourceText`. A zero byte means the end:
/// `SourceText` has refused every NUL in YAML input, and padding follows the text.
struct YAMLParser {
    let b: [UInt8]
    let end: Int
    var lines: LineIndex
    var pos = 0
    var depth = 0
    /// The indentation of the block construct holding the current flow collection.
    var flowIndent = -1
    let limits: ReadLimits
    /// Sequence items and mapping pairs made so far, against `limits.maximumEntries`.
    var entries = 0
    /// Problems read past (tabs in indentation), in the order found.
    var problems: [SyntaxError] = []
    /// How lines indented with tabs are read (`YAMLReader+Tabs.swift`).
    var tabs = TabRecovery()

    init(_ source: SourceText, limits: ReadLimits = .none) {
        b = source.bytes
        end = source.count
        lines = LineIndex(source)
        self.limits = limits
    }

    // MARK: Character classes

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }
    @inline(__always) static func isBreakOrEnd(_ c: UInt8) -> Bool { c == newline || c == 0 }
    @inline(__always) static func isSpaceOrEnd(_ c: UInt8) -> Bool { isBlank(c) || isBreakOrEnd(c) }
    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
            || c == UInt8(ascii: "}")
    }

    // MARK: Positions and errors

    mutating func mark(_ offset: Int) -> Mark { lines.mark(at: offset) }
    /// The indentation column of `offset`: its byte column, or on a line indented with tabs
    /// the column those tabs are read as (`YAMLReader+Tabs.swift`).
    mutating func column(_ offset: Int) -> Int {
        let line = lines.lineIndex(of: offset)
        let byteColumn = offset - lines.starts[line]
        guard !tabs.lines.isEmpty || tabs.pending != nil else { return byteColumn }
        return byteColumn + tabShift(line: line, expectNested: false)
    }
    mutating func error(_ message: String, at offset: Int) -> SyntaxError {
        SyntaxError(message, at: lines.mark(at: offset))
    }

    /// True when a `---` or `...` marker starts at `p`: column 1, followed by white space or the end.
    func isDocumentMarker(_ p: Int) -> Bool {
        guard p == 0 || b[p - 1] == newline else { return false }
        let c = b[p]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return b[p + 1] == c && b[p + 2] == c && YAMLParser.isSpaceOrEnd(b[p + 3])
    }

    var atEnd: Bool { pos >= end }

    /// Counts one more level of nesting, refusing to go beyond the limit before any recursion.
    mutating func enter(at offset: Int) throws(SyntaxError) {
        depth += 1
        if depth > YAMLReader.maximumDepth { throw error(YAMLParser.tooDeep, at: offset) }
    }

    static let tooDeep = "nesting deeper than \(YAMLReader.maximumDepth) levels is not supported"

    mutating func skipBlanks() {
        while YAMLParser.isBlank(b[pos]) { pos += 1 }
    }

    mutating func skipComment() {
        while !YAMLParser.isBreakOrEnd(b[pos]) { pos += 1 }
    }

    /// Moves to the next content character across blank lines and comments (or to the end).
    /// In block context a tab before content on its line is indentation, which YAML forbids.
    mutating func skipToContent() throws(SyntaxError) {
        var lineStart = pos == 0 || b[pos - 1] == newline
        var tabAt: Int? = nil
        while true {
            let c = b[pos]
            if c == space {
                pos += 1
            } else if c == tab {
                if lineStart && tabAt == nil { tabAt = pos }
                pos += 1
            } else if c == newline {
                pos += 1
                lineStart = true
                tabAt = nil
            } else if c == UInt8(ascii: "#") && (pos == 0 || YAMLParser.isSpaceOrEnd(b[pos - 1])) {
                skipComment()
                tabAt = nil
            } else if c == 0 {
                return
            } else {
                if let t = tabAt { recordTabIndentation(tab: t, content: pos) }
                return
            }
        }
    }

    /// After a complete value in block context, only white space and a comment may follow on its line.
    mutating func expectLineEnd(after what: String) throws(SyntaxError) {
        let start = pos
        skipBlanks()
        if b[pos] == UInt8(ascii: "#") && pos > start {
            skipComment()
        } else if !YAMLParser.isBreakOrEnd(b[pos]) {
            throw error("unexpected text after \(what)", at: pos)
        }
    }

    /// True at a `:` that separates a key from its value in block context.
    func isBlockValueIndicator(_ p: Int) -> Bool {
        b[p] == UInt8(ascii: ":") && YAMLParser.isSpaceOrEnd(b[p + 1])
    }

    func isSequenceEntry(_ p: Int) -> Bool {
        b[p] == UInt8(ascii: "-") && YAMLParser.isSpaceOrEnd(b[p + 1])
    }

    static func null(at mark: Mark) -> Node { Node(.scalar(.init("", style: .plain)), at: mark) }

    // MARK: Document

    mutating func parseStream() throws(SyntaxError) -> Node? {
        try skipToContent()
        if b[pos] == UInt8(ascii: "%") {
            throw error("directives ('%YAML', '%TAG') are not supported", at: pos)
        }
        var root: Node? = nil
        if isDocumentMarker(pos) && b[pos] == UInt8(ascii: "-") {
            pos += 3
            skipBlanks()
            if b[pos] == UInt8(ascii: "#") || YAMLParser.isBreakOrEnd(b[pos]) {
                try skipToContent()
                if !atEnd && !isDocumentMarker(pos) { root = try parseBlockNode(parentIndent: -1) }
            } else {
                root = try parseInlineValue(parentIndent: -1)
            }
        } else if !atEnd && !isDocumentMarker(pos) {
            root = try parseBlockNode(parentIndent: -1)
        }
        try skipToContent()
        if isDocumentMarker(pos) && b[pos] == UInt8(ascii: ".") {
            // Repeated end markers are no new document.
            while isDocumentMarker(pos) && b[pos] == UInt8(ascii: ".") {
                pos += 3
                try expectLineEnd(after: "the document end marker '...'")
                try skipToContent()
            }
            if !atEnd { throw error("multiple documents are not supported", at: pos) }
        } else if isDocumentMarker(pos) {
            throw error("multiple documents are not supported", at: pos)
        } else if !atEnd {
            switch root?.kind {
            case .mapping?: throw error("bad indentation of a mapping entry", at: pos)
            case .sequence?: throw error("bad indentation of a sequence entry", at: pos)
            default: throw error("unexpected text after the document's root value", at: pos)
            }
        }
        return root
    }

    // MARK: Block structure

    /// A node starting at `pos`, where a block collection may begin: at the start of a line or
    /// after a `- ` entry indicator. Its continuation lines must be indented more than `parentIndent`.
    mutating func parseBlockNode(parentIndent: Int) throws(SyntaxError) -> Node {
        let start = pos
        let c = b[pos]
        if isSequenceEntry(pos) { return try parseBlockSequence(indent: column(pos), indentless: false) }
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let node = try parseFlowCollection(blockIndent: parentIndent)
            let after = pos
            skipBlanks()
            if isBlockValueIndicator(pos) { throw error("collections as mapping keys are not supported", at: start) }
            pos = after
            try expectLineEnd(after: "the flow collection")
            return node
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let startLine = lines.lineIndex(of: start)
            let node = try parseQuoted()
            let after = pos
            skipBlanks()
            if isBlockValueIndicator(pos) {
                if lines.lineIndex(of: pos) != startLine {
                    throw error("a mapping key must be on a single line", at: start)
                }
                return try parseBlockMapping(indent: column(start), firstKey: node)
            }
            if b[pos] == UInt8(ascii: ":") && pos == after {
                throw error("missing space after ':'", at: pos + 1)
            }
            pos = after
            try expectLineEnd(after: "the closing quote")
            return node
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(parentIndent: parentIndent)
        default:
            try refuseIndicator(at: pos, flow: false)
            let (node, isKey) = try parsePlainInBlock(parentIndent: parentIndent, asKey: true)
            guard isKey else { return node }
            if node.scalar?.text == "<<" { throw error("merge keys ('<<') are not supported", at: start) }
            return try parseBlockMapping(indent: column(start), firstKey: node)
        }
    }

    /// A value on the same line as its key's `:` (or the `---` marker): anything but a block
    /// collection, which must start on a line of its own.
    mutating func parseInlineValue(parentIndent: Int) throws(SyntaxError) -> Node {
        let c = b[pos]
        if isSequenceEntry(pos) {
            throw error("a block sequence cannot start on the same line as its key; start it on the next line", at: pos)
        }
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            let node =
                c == UInt8(ascii: "[") || c == UInt8(ascii: "{")
                ? try parseFlowCollection(blockIndent: parentIndent) : try parseQuoted()
            let after = pos
            skipBlanks()
            if isBlockValueIndicator(pos) { throw mappingValueNotAllowed(at: pos) }
            pos = after
            try expectLineEnd(after: node.scalar == nil ? "the flow collection" : "the closing quote")
            return node
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(parentIndent: parentIndent)
        default:
            try refuseIndicator(at: pos, flow: false)
            let (node, isKey) = try parsePlainInBlock(parentIndent: parentIndent, asKey: false)
            if isKey { throw mappingValueNotAllowed(at: pos) }
            return node
        }
    }

    mutating func mappingValueNotAllowed(at p: Int) -> SyntaxError {
        error("mapping values are not allowed here; quote the value if it contains ': '", at: p)
    }

    /// Refuses the characters that cannot start a plain scalar, naming the unsupported feature.
    mutating func refuseIndicator(at p: Int, flow: Bool) throws(SyntaxError) {
        let next = b[p + 1]
        switch b[p] {
        case UInt8(ascii: "&"): throw error("anchors ('&name') are not supported", at: p)
        case UInt8(ascii: "*"): throw error("aliases ('*name') are not supported", at: p)
        case UInt8(ascii: "!"): throw error("tags ('!tag') are not supported", at: p)
        case UInt8(ascii: "%"):
            if column(p) == 0 { throw error("directives ('%YAML', '%TAG') are not supported", at: p) }
            throw error("'%' cannot start a plain scalar; quote the value", at: p)
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw error(
                "'\(Character(Unicode.Scalar(b[p])))' is reserved and cannot start a plain scalar; quote the value",
                at: p)
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            throw error("unexpected '\(Character(Unicode.Scalar(b[p])))'", at: p)
        case UInt8(ascii: "#"):
            // Only reachable where no white space precedes it, so it cannot start a comment.
            throw error("'#' cannot start a plain scalar; quote the value, or put a space before a comment", at: p)
        case UInt8(ascii: "?") where YAMLParser.isSpaceOrEnd(next) || (flow && YAMLParser.isFlowIndicator(next)):
            throw error("complex mapping keys ('? ') are not supported", at: p)
        case UInt8(ascii: ":") where YAMLParser.isSpaceOrEnd(next) || (flow && YAMLParser.isFlowIndicator(next)):
            throw error("missing mapping key before ':'", at: p)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw error(
                flow
                    ? "block scalars ('|', '>') are not allowed inside flow collections"
                    : "a block scalar cannot be a mapping key", at: p)
        case UInt8(ascii: "-") where flow && YAMLParser.isSpaceOrEnd(next):
            throw error("block sequence entries ('- ') are not allowed inside flow collections", at: p)
        default: return
        }
    }

    mutating func parseBlockMapping(indent: Int, firstKey: Node) throws(SyntaxError) -> Node {
        depth += 1
        if depth > YAMLReader.maximumDepth { throw SyntaxError(YAMLParser.tooDeep, at: firstKey.mark) }
        tabs.open.append(indent)
        defer {
            depth -= 1
            tabs.open.removeLast()
        }
        var pairs: [Node.Pair] = []
        var key = firstKey
        while true {
            let colon = pos
            pos += 1
            try countEntry(at: colon)
            pairs.append(Node.Pair(key: key, value: try parseMappingValue(indent: indent, colon: colon)))
            try skipToContent()
            if atEnd || isDocumentMarker(pos) { break }
            let m = column(pos)
            if m < indent { break }
            if m > indent { throw error("bad indentation of a mapping entry", at: pos) }
            key = try parseBlockKey()
        }
        return Node(.mapping(pairs), at: firstKey.mark)
    }

    /// A key at the start of a line inside a block mapping; leaves `pos` on its `:`.
    mutating func parseBlockKey() throws(SyntaxError) -> Node {
        let start = pos
        let c = b[pos]
        if isSequenceEntry(pos) { throw error("expected a mapping key, not a sequence entry", at: pos) }
        let key: Node
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            _ = try parseFlowCollection(blockIndent: column(start) - 1)
            skipBlanks()
            if isBlockValueIndicator(pos) { throw error("collections as mapping keys are not supported", at: start) }
            throw error("expected a mapping key, not a flow collection", at: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let startLine = lines.lineIndex(of: start)
            key = try parseQuoted()
            if lines.lineIndex(of: pos) != startLine {
                throw error("a mapping key must be on a single line", at: start)
            }
            if b[pos] == UInt8(ascii: ":") && !isBlockValueIndicator(pos) {
                throw error("missing space after ':'", at: pos + 1)
            }
            skipBlanks()
        default:
            try refuseIndicator(at: pos, flow: false)
            let (s, e) = scanPlainLine(flow: false)
            key = Node(.scalar(.init(String(decoding: b[s..<e], as: UTF8.self), style: .plain)), at: mark(start))
            if key.scalar?.text == "<<" && isBlockValueIndicator(pos) {
                throw error("merge keys ('<<') are not supported", at: start)
            }
        }
        guard isBlockValueIndicator(pos) else {
            throw error("expected ':' after the mapping key '\(key.scalar?.text ?? "")'", at: start)
        }
        return key
    }

    /// What follows `key:` — a value on the same line, a block node on the next lines (a sequence
    /// may sit at the key's own indentation), or nothing (null).
    mutating func parseMappingValue(indent: Int, colon: Int) throws(SyntaxError) -> Node {
        skipBlanks()
        if YAMLParser.isBreakOrEnd(b[pos]) || b[pos] == UInt8(ascii: "#") {
            let emptyMark = mark(colon + 1)
            try skipToContent()
            if !atEnd && !isDocumentMarker(pos) {
                let m = indentation(expectNested: true)
                if m > indent { return try parseBlockNode(parentIndent: indent) }
                if m == indent && isSequenceEntry(pos) {
                    return try parseBlockSequence(indent: indent, indentless: true)
                }
            }
            return YAMLParser.null(at: emptyMark)
        }
        return try parseInlineValue(parentIndent: indent)
    }

    /// `indentless`: the sequence is a mapping value at its key's indentation, so a line at that
    /// indentation that is not an entry ends it instead of being an error.
    mutating func parseBlockSequence(indent: Int, indentless: Bool) throws(SyntaxError) -> Node {
        let startMark = mark(pos)
        try enter(at: pos)
        tabs.open.append(indent)
        defer {
            depth -= 1
            tabs.open.removeLast()
        }
        var items: [Node] = []
        while true {
            let dash = pos
            pos += 1
            try countEntry(at: dash)
            skipBlanks()
            if YAMLParser.isBreakOrEnd(b[pos]) || b[pos] == UInt8(ascii: "#") {
                let emptyMark = mark(dash + 1)
                try skipToContent()
                if !atEnd && !isDocumentMarker(pos) && indentation(expectNested: true) > indent {
                    items.append(try parseBlockNode(parentIndent: indent))
                } else {
                    items.append(YAMLParser.null(at: emptyMark))
                }
            } else {
                items.append(try parseBlockNode(parentIndent: indent))
            }
            try skipToContent()
            if atEnd || isDocumentMarker(pos) { break }
            let m = column(pos)
            if m < indent { break }
            if m > indent { throw error("bad indentation of a sequence entry", at: pos) }
            if !isSequenceEntry(pos) {
                if indentless { break }
                throw error("expected a sequence entry starting with '- '", at: pos)
            }
        }
        return Node(.sequence(items), at: startMark)
    }

    // MARK: Flow collections

    /// A flow collection in block context. Its lines after the first must be indented more than
    /// `blockIndent`, as YAML requires (a closing bracket may sit at any indentation): a line that
    /// is not is taken for the next block entry, and the bracket for one left unclosed.
    mutating func parseFlowCollection(blockIndent: Int) throws(SyntaxError) -> Node {
        flowIndent = blockIndent
        return try parseFlowCollection()
    }

    mutating func parseFlowCollection() throws(SyntaxError) -> Node {
        b[pos] == UInt8(ascii: "[") ? try parseFlowSequence() : try parseFlowMapping()
    }

    /// Skips white space, line breaks and comments inside a flow collection; the end of the input
    /// or a document marker means the collection opened at `opener` was never closed.
    mutating func skipFlowSpace(opener: Int) throws(SyntaxError) {
        var newLine = false
        while true {
            let c = b[pos]
            if c == space || c == tab {
                pos += 1
            } else if c == newline {
                pos += 1
                newLine = true
                if isDocumentMarker(pos) { throw unclosed(opener) }
            } else if c == UInt8(ascii: "#") && YAMLParser.isSpaceOrEnd(b[pos - 1]) {
                skipComment()
            } else if c == 0 {
                throw unclosed(opener)
            } else {
                if newLine && c != UInt8(ascii: "]") && c != UInt8(ascii: "}") && column(pos) <= flowIndent {
                    // Indented with a tab, the line goes on the collection: report the tab.
                    let lineStart = pos - lines.byteColumn(of: pos)
                    guard let t = b[lineStart..<pos].firstIndex(of: tab) else { throw unclosed(opener) }
                    recordTab(at: t)
                }
                return
            }
        }
    }

    mutating func unclosed(_ opener: Int) -> SyntaxError {
        error("unclosed '\(b[opener] == UInt8(ascii: "[") ? "[" : "{")'", at: opener)
    }

    /// True at a `:` that separates a key from its value in a flow collection. After a quoted
    /// key or a collection (JSON style) the `:` needs no space after it.
    func isFlowValueIndicator(adjacent: Bool) -> Bool {
        guard b[pos] == UInt8(ascii: ":") else { return false }
        let next = b[pos + 1]
        return adjacent || YAMLParser.isSpaceOrEnd(next) || YAMLParser.isFlowIndicator(next)
    }

    mutating func parseFlowSequence() throws(SyntaxError) -> Node {
        let opener = pos
        let startMark = mark(pos)
        try enter(at: pos)
        defer { depth -= 1 }
        pos += 1
        var items: [Node] = []
        while true {
            try skipFlowSpace(opener: opener)
            if b[pos] == UInt8(ascii: "]") { break }
            let entryStart = pos
            try countEntry(at: entryStart)
            let entry = try parseFlowNode()
            let entryEnd = pos
            try skipFlowSpace(opener: opener)
            if isFlowValueIndicator(adjacent: entry.scalar?.style != .plain) {
                // `[a: b]` is a sequence holding a one-pair mapping.
                try refuseCollectionKey(entry)
                try requireSingleLine(entryStart, entryEnd)
                let colon = pos
                pos += 1
                try skipFlowSpace(opener: opener)
                let value: Node
                if b[pos] == UInt8(ascii: ",") || b[pos] == UInt8(ascii: "]") {
                    value = YAMLParser.null(at: mark(colon + 1))
                } else {
                    value = try parseFlowNode()
                    try skipFlowSpace(opener: opener)
                }
                items.append(Node(.mapping([Node.Pair(key: entry, value: value)]), at: entry.mark))
            } else {
                items.append(entry)
            }
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "]") { break }
            throw error("expected ',' or ']' in a flow sequence", at: pos)
        }
        pos += 1
        return Node(.sequence(items), at: startMark)
    }

    mutating func parseFlowMapping() throws(SyntaxError) -> Node {
        let opener = pos
        let startMark = mark(pos)
        try enter(at: pos)
        defer { depth -= 1 }
        pos += 1
        var pairs: [Node.Pair] = []
        while true {
            try skipFlowSpace(opener: opener)
            if b[pos] == UInt8(ascii: "}") { break }
            let keyStart = pos
            try countEntry(at: keyStart)
            let key = try parseFlowNode()
            let keyEnd = pos
            try refuseCollectionKey(key)
            if key.scalar == Node.Scalar("<<", style: .plain) {
                throw error("merge keys ('<<') are not supported", at: keyStart)
            }
            try skipFlowSpace(opener: opener)
            let value: Node
            if isFlowValueIndicator(adjacent: key.scalar?.style != .plain) {
                try requireSingleLine(keyStart, keyEnd)
                let colon = pos
                pos += 1
                try skipFlowSpace(opener: opener)
                if b[pos] == UInt8(ascii: ",") || b[pos] == UInt8(ascii: "}") {
                    value = YAMLParser.null(at: mark(colon + 1))
                } else {
                    value = try parseFlowNode()
                    try skipFlowSpace(opener: opener)
                }
            } else {
                value = YAMLParser.null(at: mark(pos))
            }
            pairs.append(Node.Pair(key: key, value: value))
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "}") { break }
            throw error("expected ',' or '}' in a flow mapping", at: pos)
        }
        pos += 1
        return Node(.mapping(pairs), at: startMark)
    }

    /// YAML limits implicit keys to one line, in flow context as in block context.
    mutating func requireSingleLine(_ keyStart: Int, _ keyEnd: Int) throws(SyntaxError) {
        if lines.lineIndex(of: keyStart) != lines.lineIndex(of: keyEnd) {
            throw error("a mapping key must be on a single line", at: keyStart)
        }
    }

    mutating func refuseCollectionKey(_ key: Node) throws(SyntaxError) {
        if key.scalar == nil {
            throw SyntaxError("collections as mapping keys are not supported", at: key.mark)
        }
    }

    /// One node inside a flow collection.
    mutating func parseFlowNode() throws(SyntaxError) -> Node {
        switch b[pos] {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return try parseFlowCollection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try parseQuoted()
        default:
            try refuseIndicator(at: pos, flow: true)
            return try parsePlainInFlow()
        }
    }
}
