/// "did you mean" suggestions for misspelled keys and names.
public enum Suggest {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a
    /// plausible typo (at most a third of the word's length, minimum 1, maximum 3 edits).
    /// Words of very different lengths are never close, so a long word costs no more than
    /// counting its characters.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let length = word.count
        let limit = min(3, max(1, length / 3))
        let lowered = candidates.contains { abs($0.count - length) <= limit } ? word.lowercased() : ""
        var best: (String, Int)?
        for c in candidates where abs(c.count - length) <= limit {
            let d = distance(lowered, c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of neighbours is one edit.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
