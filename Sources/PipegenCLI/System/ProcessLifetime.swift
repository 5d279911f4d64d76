/// Values the process keeps until it exits instead of freeing them. A config's templates are
/// trees of many small nodes; once they are rendered the process is about to exit, and
/// freeing them node by node first costs more than the kernel takes to reclaim the memory
/// at exit (about 4 ms of a 100-environment render, see docs/BENCHMARKS.md). Only the real
/// process keeps anything: in-process runs (tests) free as usual.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any, io: CLIIO) {
        if io.exitsAfterRun { kept.append(value) }
    }
}
