/// Myers' O((N+M)·D) difference algorithm in its linear-space form ("An O(ND) Difference
/// Algorithm and Its Variations", 1986, section 4b): find the middle snake of an optimal edit
/// path, recurse on both halves. Memory stays O(N+M) however different the inputs are, and
/// time is near-linear when they differ little, as drifted templates usually do.
enum Myers {
    /// A shortest edit script from `a` to `b`, as two masks: `deleted[i]` when `a[i]` is not
    /// kept, `inserted[j]` when `b[j]` is new.
    static func diff(_ a: [Int], _ b: [Int]) -> (deleted: [Bool], inserted: [Bool]) {
        var state = State(a: a, b: b)
        // Nothing in common is Myers' worst case (D = N + M) and needs no search at all.
        if Set(a).isDisjoint(with: b) {
            return (Array(repeating: true, count: a.count), Array(repeating: true, count: b.count))
        }
        state.compare(0, a.count, 0, b.count)
        return (state.deleted, state.inserted)
    }

    private struct State {
        let a: [Int]
        let b: [Int]
        var deleted: [Bool]
        var inserted: [Bool]
        // Furthest x reached on each diagonal, forward from the start and backward from the end.
        var forward: [Int] = []
        var backward: [Int] = []

        init(a: [Int], b: [Int]) {
            self.a = a
            self.b = b
            deleted = Array(repeating: false, count: a.count)
            inserted = Array(repeating: false, count: b.count)
        }

        mutating func compare(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
            var (aLow, aHigh, bLow, bHigh) = (aLow, aHigh, bLow, bHigh)
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] { (aLow, bLow) = (aLow + 1, bLow + 1) }
            while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] { (aHigh, bHigh) = (aHigh - 1, bHigh - 1) }
            if aLow == aHigh {
                for j in bLow..<bHigh { inserted[j] = true }
            } else if bLow == bHigh {
                for i in aLow..<aHigh { deleted[i] = true }
            } else if let (x, y) = middle(aLow, aHigh, bLow, bHigh) {
                // With common ends trimmed, D ≥ 2 here, and the split point has ⌈D/2⌉ edits
                // before it and ⌊D/2⌋ after, so both halves are strictly smaller problems.
                compare(aLow, x, bLow, y)
                compare(x, aHigh, y, bHigh)
            } else {
                for i in aLow..<aHigh { deleted[i] = true }
                for j in bLow..<bHigh { inserted[j] = true }
            }
        }

        /// A point (x, y) on an optimal path through the box, found where the forward and
        /// backward searches first overlap; nil if they never do (nothing in common).
        mutating func middle(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
            let n = aHigh - aLow
            let m = bHigh - bLow
            let maxD = (n + m + 1) / 2
            let offset = maxD + 1
            let size = 2 * maxD + 3
            forward = Array(repeating: -1, count: size)
            backward = Array(repeating: -1, count: size)
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = n - m
            let odd = delta & 1 != 0
            // Diagonals that ran off the box are skipped from then on.
            var (forwardStart, forwardEnd, backwardStart, backwardEnd) = (0, 0, 0, 0)
            for d in 0..<maxD {
                for k in stride(from: -d + forwardStart, through: d - forwardEnd, by: 2) {
                    let i = offset + k
                    var x =
                        (k == -d || (k != d && forward[i - 1] < forward[i + 1])) ? forward[i + 1] : forward[i - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aLow + x] == b[bLow + y] { (x, y) = (x + 1, y + 1) }
                    forward[i] = x
                    if x > n {
                        forwardEnd += 2
                    } else if y > m {
                        forwardStart += 2
                    } else if odd {
                        let j = offset + delta - k
                        if j >= 0, j < size, backward[j] != -1, x >= n - backward[j] { return (aLow + x, bLow + y) }
                    }
                }
                for k in stride(from: -d + backwardStart, through: d - backwardEnd, by: 2) {
                    let i = offset + k
                    var x =
                        (k == -d || (k != d && backward[i - 1] < backward[i + 1]))
                        ? backward[i + 1] : backward[i - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] { (x, y) = (x + 1, y + 1) }
                    backward[i] = x
                    if x > n {
                        backwardEnd += 2
                    } else if y > m {
                        backwardStart += 2
                    } else if !odd {
                        let j = offset + delta - k
                        if j >= 0, j < size, forward[j] != -1 {
                            let forwardX = forward[j]
                            if forwardX >= n - x { return (aLow + forwardX, bLow + forwardX - (j - offset)) }
                        }
                    }
                }
            }
            return nil
        }
    }
}
