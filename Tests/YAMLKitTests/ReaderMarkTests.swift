import Testing
import YAMLKit

/// Every node's mark is where it starts: a `§` in the source stands before each node, in the
/// tree's pre-order.
@Suite struct ReaderMarkTests {
    static let documents = [
        """
        §§a: §1
        §"b": §'x'
        §c:
          §- §d
          - §§e: §f
            §g: §[§h, §{§i: §j}]
        §k: §|
          text
        §é: §ü
        §😀: §{§ü: §"v"}
        """,
        "§§a:§\n§b: §[§§k: §v, §w]\n§c:§ \n",
        "§-§\n- §x\n",
        "§- §- §a\n  - §b\n- §- §c\n",
        "§§key:\n§- §a\n§other: §>\n  folded\n",
        "# comment\n\n   §§x: §y\n   §z:   §\"multi\n  line\"\n",
        "--- §[§a,\n  §b]\n",
        "§[\n  §{§\"k\":§1},\n  §'é'\n]\n",
        "\u{FEFF}§§a: §b\n",
        "§§a: §b\r\n§c: §d\r\n",
    ]

    @Test(arguments: documents)
    func marksAreWhereNodesStart(_ source: String) throws {
        let (text, marks) = locateAll(source)
        let node = try #require(try YAMLReader.parse(text))
        #expect(preorderMarks(node) == marks)
    }

    @Test func columnsCountUnicodeScalarsNotBytesOrCharacters() throws {
        // "e\u{301}" is one Character but two scalars; 😀 is four bytes but one scalar.
        let node = try #require(try YAMLReader.parse("[e\u{301}, 😀, x]"))
        guard case .sequence(let items) = node.kind else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items.map(\.mark.column) == [2, 6, 9])
    }
}
