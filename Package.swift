// swift-tools-version:6.0
// pipegen: config → CloudFormation templates for cross-account CI/CD pipelines.
// No package dependencies, by design: Foundation and the toolchain's test libraries only.
import PackageDescription

let package = Package(
    name: "pipegen",
    products: [
        .executable(name: "pipegen", targets: ["pipegen"]),
        .library(name: "PipegenKit", targets: ["PipegenKit"]),
        .library(name: "CloudFormation", targets: ["CloudFormation"]),
        // For the libFuzzer entry points in Fuzz/ (a package of its own; see scripts/fuzz).
        .library(name: "PipegenFuzzChecks", targets: ["PipegenFuzzChecks"]),
    ],
    targets: [
        // Leaf: ordered document tree, YAML/JSON writers, YAML/JSON readers with source marks.
        .target(name: "YAMLKit"),
        // CloudFormation model: templates, intrinsics, one type per resource. No I/O, no config.
        .target(name: "CloudFormation", dependencies: ["YAMLKit"]),
        // Config: source text → located nodes → typed, validated Config, with diagnostics.
        .target(name: "PipegenConfig", dependencies: ["YAMLKit"]),
        // Kit: Config → tooling and environment templates, plan, graph, cross-account checks.
        .target(name: "PipegenKit", dependencies: ["PipegenConfig", "CloudFormation", "YAMLKit"]),
        // CLI: argument parsing, subcommands, diagnostics printing, exit codes, atomic writes.
        .target(name: "PipegenCLI", dependencies: ["PipegenKit", "PipegenConfig", "CloudFormation", "YAMLKit"]),
        .executableTarget(name: "pipegen", dependencies: ["PipegenCLI"]),
        // The properties the fuzzers check on one input; tests replay the corpus and findings.
        .target(name: "PipegenFuzzChecks", dependencies: ["PipegenKit", "PipegenConfig", "PipegenCLI", "YAMLKit"]),

        // Test helpers shared by the test targets (golden files, repository paths, seeded randomness).
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "YAMLKitTests", dependencies: ["YAMLKit", "TestSupport"]),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation", "YAMLKit", "TestSupport"]),
        .testTarget(name: "PipegenConfigTests", dependencies: ["PipegenConfig", "YAMLKit", "TestSupport"]),
        .testTarget(
            name: "PipegenKitTests",
            dependencies: ["PipegenKit", "PipegenConfig", "CloudFormation", "YAMLKit", "TestSupport"]),
        .testTarget(
            name: "PipegenFuzzChecksTests", dependencies: ["PipegenFuzzChecks", "YAMLKit", "TestSupport"],
            exclude: ["Findings"]),
        .testTarget(
            name: "PipegenCLITests", dependencies: ["PipegenCLI", "PipegenKit", "YAMLKit", "TestSupport"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
