#if canImport(Glibc)
    import Glibc
#endif

/// Hands the process to libFuzzer with a check to run on every input.
///
/// SwiftPM links an executable's `main` to the module's renamed Swift entry point, so the
/// fuzz targets cannot rely on libFuzzer's own `main`; they have a Swift `main` that calls
/// `LLVMFuzzerRunDriver` (libFuzzer's documented entry for programs with their own `main`),
/// which takes the usual libFuzzer flags from the command line.
public enum FuzzDriver {
    /// The check of the running fuzzer: nil for a good input, else a description of the finding.
    nonisolated(unsafe) static var check: ([UInt8]) -> String? = { _ in nil }

    public static func run(_ check: @escaping ([UInt8]) -> String?) -> Never {
        Self.check = check
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}

/// A broken property aborts, which libFuzzer reports and saves like any crash.
private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let finding = FuzzDriver.check(bytes) {
        let line = Array("==pipegen-fuzz== finding: \(finding)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
