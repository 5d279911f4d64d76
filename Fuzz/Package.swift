// swift-tools-version:6.0
// libFuzzer targets for pipegen. A package of its own so that the main package's `swift build`
// and `swift test` never build an executable that needs libFuzzer to link. Build and run them
// with `scripts/fuzz`; the properties they check live in the main package's
// PipegenFuzzChecks module, where the tests replay every past finding.
import PackageDescription

// SwiftPM names a path dependency after its folder, and a checkout may be called anything.
let parent = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "pipegen").lowercased()
let checks = Target.Dependency.product(name: "PipegenFuzzChecks", package: parent)

let package = Package(
    name: "pipegen-fuzz",
    products: [
        .executable(name: "fuzz-yaml", targets: ["FuzzYAML"]),
        .executable(name: "fuzz-config", targets: ["FuzzConfig"]),
    ],
    dependencies: [.package(path: "..")],
    targets: [
        // Calls libFuzzer's driver; links only in a build with `-sanitize=fuzzer`.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzDriver", checks]),
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzDriver", checks]),
    ],
    swiftLanguageModes: [.v6]
)
