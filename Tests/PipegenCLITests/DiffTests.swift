import Glibc
import Testing
import TestSupport

@testable import PipegenCLI

@Suite struct DiffTests {
    /// The seed for property tests: `PIPEGEN_SEED` to replay a failure, else a fixed one.
    static let seed = TestSupport.seed(default: 0x5EED_CAFE)

    /// Length of a longest common subsequence, by the textbook table: the oracle.
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for j in 1...max(1, b.count) where j <= b.count {
                let up = row[j]
                row[j] = x == b[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
                diagonal = up
            }
        }
        return row[b.count]
    }

    @Test func myersFindsAShortestEditScript() {
        var random = SplitMix64(seed: Self.seed)
        for round in 0..<2000 {
            let alphabet = Int.random(in: 1...4, using: &random)
            let a = (0..<Int.random(in: 0...24, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random)
            }
            let b = (0..<Int.random(in: 0...24, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random)
            }
            let (deleted, inserted) = Myers.diff(a, b)
            let keptA = a.indices.filter { !deleted[$0] }.map { a[$0] }
            let keptB = b.indices.filter { !inserted[$0] }.map { b[$0] }
            let context = "round \(round), replay with PIPEGEN_SEED=\(Self.seed): a=\(a) b=\(b)"
            #expect(keptA == keptB, "kept lines differ; \(context)")
            #expect(keptA.count == Self.lcs(a, b), "not minimal; \(context)")
            if keptA != keptB || keptA.count != Self.lcs(a, b) { return }
        }
    }

    static func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff(oldLabel: "old", newLabel: "new").format(old: Array(old.utf8), new: Array(new.utf8))
    }

    static func lines(_ items: [String]) -> String { items.map { $0 + "\n" }.joined() }

    @Test func equalFilesHaveNoDiff() {
        #expect(Self.diff("a\nb\n", "a\nb\n") == "")
        #expect(Self.diff("", "") == "")
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let old = Self.lines(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        let new = Self.lines(["a", "b", "c", "d", "E", "f", "g", "h", "i", "j"])
        #expect(
            Self.diff(old, new)
                == Self.lines(["--- old", "+++ new", "@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h"])
        )
    }

    @Test func changesCloseTogetherShareAHunkAndFarApartDoNot() {
        let old = (1...20).map(String.init)
        var near = old
        var far = old
        near[3] = "x"
        near[10] = "y"  // 6 unchanged lines between: one hunk.
        far[3] = "x"
        far[11] = "y"  // 7 unchanged lines between: two hunks.
        #expect(
            Self.diff(Self.lines(old), Self.lines(near))
                == Self.lines([
                    "--- old", "+++ new", "@@ -1,14 +1,14 @@", " 1", " 2", " 3", "-4", "+x",
                    " 5", " 6", " 7", " 8", " 9", " 10", "-11", "+y", " 12", " 13", " 14",
                ]))
        #expect(
            Self.diff(Self.lines(old), Self.lines(far))
                == Self.lines([
                    "--- old", "+++ new", "@@ -1,7 +1,7 @@", " 1", " 2", " 3", "-4", "+x", " 5", " 6", " 7",
                    "@@ -9,7 +9,7 @@", " 9", " 10", " 11", "-12", "+y", " 13", " 14", " 15",
                ]))
    }

    @Test func wholeFileAddedOrRemovedAndSingleLineRanges() {
        #expect(Self.diff("", "a\nb\n") == Self.lines(["--- old", "+++ new", "@@ -0,0 +1,2 @@", "+a", "+b"]))
        #expect(Self.diff("a\nb\n", "") == Self.lines(["--- old", "+++ new", "@@ -1,2 +0,0 @@", "-a", "-b"]))
        #expect(Self.diff("a\n", "b\n") == Self.lines(["--- old", "+++ new", "@@ -1 +1 @@", "-a", "+b"]))
        #expect(
            Self.diff("a\nb\nc\n", "a\nc\n") == Self.lines(["--- old", "+++ new", "@@ -1,3 +1,2 @@", " a", "-b", " c"]))
        #expect(
            Self.diff("a\nc\n", "a\nb\nc\n") == Self.lines(["--- old", "+++ new", "@@ -1,2 +1,3 @@", " a", "+b", " c"]))
    }

    @Test func missingFinalLineBreakIsShown() {
        #expect(
            Self.diff("a\nb", "a\nb\n")
                == Self.lines([
                    "--- old", "+++ new", "@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b",
                ]))
        #expect(
            Self.diff("a\n", "a\nb")
                == Self.lines([
                    "--- old", "+++ new", "@@ -1 +1,2 @@", " a", "+b", "\\ No newline at end of file",
                ]))
    }

    @Test func carriageReturnsAndInvalidUTF8AreJustBytes() {
        #expect(
            Self.diff("a\r\nb\n", "a\nb\n")
                == Self.lines(["--- old", "+++ new", "@@ -1,2 +1,2 @@", "-a\r", "+a", " b"]))
        let diff = UnifiedDiff(oldLabel: "o", newLabel: "n").format(old: [0xFF, 0x0A], new: [0x61, 0x0A])
        #expect(diff == "--- o\n+++ n\n@@ -1 +1 @@\n-\u{FFFD}\n+a\n")
    }

    @Test func largeFilesStayFast() {
        // A few thousand lines with scattered edits, and two files with nothing in common.
        let old = (0..<5000).map { "  Key\($0): value-\($0 % 97)" }
        var new = old
        for i in stride(from: 17, to: 5000, by: 250) { new[i] = "  Changed\(i): yes" }
        new.insert("  Added: line", at: 2500)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let text = Self.diff(Self.lines(old), Self.lines(new))
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count == 21)
            let disjoint = Self.diff(Self.lines(old), Self.lines(old.map { $0 + "!" }))
            #expect(disjoint.hasPrefix("--- old\n+++ new\n@@ -1,5000 +1,5000 @@\n"))
        }
        #expect(elapsed < .seconds(5), "diffing took \(elapsed)")
    }
}
