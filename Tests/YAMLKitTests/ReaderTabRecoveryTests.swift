import Foundation
import Testing
import TestSupport
import YAMLKit

/// A tab used for indentation is reported, once for each run of such lines, and read as the
/// indentation that fits, so that the document reads as its writer meant it and the caller can
/// go on to report the document's other problems.
@Suite struct ReaderTabRecoveryTests {
    static let message = "tabs are not allowed for indentation; use spaces"

    /// The document `read` gives for `tabbed` equals the one `spaced` gives, and its problems are
    /// the tab errors at the markers (`§`), in order.
    static func expectSame(_ tabbed: String, as spaced: String, notes: [String?]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (text, marks) = locateAll(tabbed)
        let result = YAMLReader.read(Array(text.utf8))
        let expected = try #require(try YAMLReader.parse(spaced), sourceLocation: sourceLocation)
        #expect(result.root?.document == expected.document, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(result.problems.map(\.message) == marks.map { _ in message }, sourceLocation: sourceLocation)
        #expect(result.problems.map(\.mark) == marks, sourceLocation: sourceLocation)
        if let notes { #expect(result.problems.map(\.note) == notes, sourceLocation: sourceLocation) }
    }

    @Test func aTabForTheFirstKeyOfABlockReadsAsItsSiblings() throws {
        try Self.expectSame("tooling:\n§\taccount: 1\n  region: x\n", as: "tooling:\n  account: 1\n  region: x\n")
        try Self.expectSame("tooling:\n§\taccount: 1\n    region: x\n", as: "tooling:\n    account: 1\n    region: x\n")
    }

    @Test func aTabForASiblingReadsAsThePreviousLine() throws {
        try Self.expectSame(
            "tooling:\n  account: 1\n§\tregion: x\nenvironments: []\n",
            as: "tooling:\n  account: 1\n  region: x\nenvironments: []\n")
        try Self.expectSame(
            "environments:\n  - name: dev\n§\taccount: x\n    region: y\n",
            as: "environments:\n  - name: dev\n    account: x\n    region: y\n")
        try Self.expectSame(
            "environments:\n  - name: dev\n  §\taccount: x\n    region: y\n",
            as: "environments:\n  - name: dev\n    account: x\n    region: y\n")
    }

    @Test func aBlockIndentedWithTabsThroughoutIsOneProblemPerRun() throws {
        try Self.expectSame(
            "tooling:\n§\taccount: 1\n\tregion: x\nenvironments:\n§\t- name: dev\n\t  account: 2\n\t- name: prod\n",
            as: "tooling:\n  account: 1\n  region: x\nenvironments:\n  - name: dev\n    account: 2\n  - name: prod\n",
            notes: ["lines 2 to 3 are indented with tabs", "lines 5 to 7 are indented with tabs"])
        try Self.expectSame(
            "a:\n§\tb:\n\t\tc: 1\n\t\td: 2\n\te: 3\nf: 4\n", as: "a:\n  b:\n    c: 1\n    d: 2\n  e: 3\nf: 4\n",
            notes: ["lines 2 to 5 are indented with tabs"])
    }

    @Test func aTabAtTheRootReadsAsColumnOne() throws {
        try Self.expectSame("§\tproject: x\ntooling: y\n", as: "project: x\ntooling: y\n")
    }

    @Test func aTabInAContinuationLineOfAPlainScalarIsReportedAndFolded() throws {
        try Self.expectSame("a: b\n  §\tc\nd: e\n", as: "a: b c\nd: e\n")
    }

    /// `parse` is strict: the first tab is its error.
    @Test func parseStopsAtTheFirstTab() {
        let (text, mark) = locate("a:\n  b: 1\n1️⃣\tc: 2\n\td: 3\n")
        #expect(
            syntaxError { () throws(SyntaxError) in try YAMLReader.parse(text) }
                == SyntaxError(Self.message, at: mark, note: "lines 3 to 4 are indented with tabs"))
    }

    /// A problem after a tab still stops the reader, and both are reported in order.
    @Test func aLaterSyntaxErrorFollowsTheTab() {
        let result = YAMLReader.read(Array("a:\n\tb: 1\nc: [\n".utf8))
        #expect(result.root == nil)
        #expect(result.problems.map(\.message) == [Self.message, "unclosed '['"])
    }

    /// Every example config, and a few shapes of our own: the indentation of any one line
    /// written with tabs (of width 2, 4 or 8, with the spaces left over after them, or after
    /// spaces) reads with one problem, the tab, and as the line indented with spaces to one of
    /// the widths an editor could show it at (tab stops every 2, 4 or 8 columns); when only one
    /// of those reads at all, as that one.
    @Test func anyOneLineIndentedWithTabsReadsAsAnEditorShowsIt() throws {
        let root = Golden.repositoryRoot(from: #filePath)
        let examples = try FileManager.default.contentsOfDirectory(atPath: root + "/Examples").sorted()
        var documents = try examples.map { try String(contentsOfFile: "\(root)/Examples/\($0)/pipegen.yaml", encoding: .utf8) }
        documents.append(
            "a:\n  b:\n    - c: 1\n      d:\n        - e\n        - f\n    - g\n  h: 2\ni:\n- j\n- k: [1,\n    2]\n  l: 3\n")
        var checked = 0
        var ambiguous = 0
        var failures: [String] = []
        for document in documents {
            let original = try #require(try YAMLReader.parse(document)).document
            let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() {
                let indentation = line.prefix { $0 == " " }.count
                let content = line.dropFirst(indentation)
                guard indentation > 0, !content.isEmpty, !content.hasPrefix("#") else { continue }
                for width in [2, 4, 8] where indentation >= width {
                    let tabsFirst =
                        String(repeating: "\t", count: indentation / width)
                        + String(repeating: " ", count: indentation % width)
                    var forms = [tabsFirst]
                    if indentation % width == 0 { forms.append(String(repeating: " ", count: indentation - width) + "\t") }
                    for form in forms {
                        var edited = lines
                        edited[index] = form + content
                        let result = YAMLReader.read(Array(edited.joined(separator: "\n").utf8))
                        // The documents the line reads as with each tab width, where it reads at all.
                        let shown = Set([2, 4, 8].map { stop in
                            form.reduce(0) { column, c in c == "\t" ? (column / stop + 1) * stop : column + 1 }
                        })
                        let readings = shown.compactMap { column -> Document? in
                            var spaced = lines
                            spaced[index] = String(repeating: " ", count: column) + content
                            return (try? YAMLReader.parse(spaced.joined(separator: "\n")))??.document
                        }
                        checked += 1
                        if Set(readings.map { YAMLWriter().write($0) }).count > 1 { ambiguous += 1 }
                        let tabColumn = form.firstIndex(of: "\t")!.utf16Offset(in: form) + 1
                        // In a flow collection, a tab after the indentation is no indentation at all.
                        let valid = (try? YAMLReader.parse(edited.joined(separator: "\n"))) != nil
                        let problems = valid ? [] : [SyntaxError(Self.message, at: Mark(line: index + 1, column: tabColumn))]
                        guard let read = result.root?.document, result.problems == problems, readings.contains(read) else {
                            failures.append("line \(index + 1) as \(form.debugDescription) (tab width \(width)): \(result.problems)")
                            continue
                        }
                        #expect(readings.count > 1 || read == original)
                    }
                }
            }
        }
        print("\(checked) lines indented with tabs, \(ambiguous) of them ambiguous")
        #expect(checked > 200)
        #expect(failures.isEmpty, "\(failures.count) of \(checked):\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
