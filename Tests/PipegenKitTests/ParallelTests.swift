import PipegenKit
import Testing

/// `Parallel` runs work on every core and must give exactly what a plain `map` gives.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1000])
    func mapKeepsTheOrderOfItsInput(_ count: Int) {
        let items = Array(0..<count)
        // Uneven work, so that items finish out of order.
        let squares = Parallel.map(items) { n -> Int in
            var x = n
            for _ in 0..<(n % 7) * 1000 { x = (x &* 31) &+ 7 }
            return n * n + (x & 0)
        }
        #expect(squares == items.map { $0 * $0 })
    }

    @Test func mapsNestInsideMaps() {
        let nested = Parallel.map(Array(0..<20)) { n in Parallel.map(Array(0..<n)) { $0 * 2 } }
        #expect(nested == (0..<20).map { n in (0..<n).map { $0 * 2 } })
    }
}
