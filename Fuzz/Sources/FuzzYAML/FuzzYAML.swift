import FuzzDriver
import PipegenFuzzChecks

/// The YAML and JSON readers and writers on each input: see `FuzzChecks.yaml`.
@main enum FuzzYAML {
    static func main() {
        FuzzDriver.run { bytes in FuzzChecks.yaml(bytes) }
    }
}
