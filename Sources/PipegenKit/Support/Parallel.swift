import Dispatch

/// Work spread over the machine's cores. The templates of a config are independent of each
/// other (each builds, validates and writes alone), so a render of many environments uses
/// every core rather than one; results come back in the order of the input, so the output
/// is the same bytes whatever the scheduling.
package enum Parallel {
    /// `items.map(transform)`, the calls run concurrently; the order of the result is the
    /// order of `items`. Small inputs run on the calling thread.
    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot, and `concurrentPerform` returns after all
        // of them: no slot is shared between threads.
        nonisolated(unsafe) let slots = results
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: input.count) { i in
                slots[i] = transform(input[i])
            }
        }
        return results.map { $0! }
    }
}
