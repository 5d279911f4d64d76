import FuzzDriver
import PipegenFuzzChecks

/// Each input through the whole config pipeline: see `FuzzChecks.config`.
@main enum FuzzConfig {
    static func main() {
        FuzzDriver.run { bytes in FuzzChecks.config(bytes) }
    }
}
