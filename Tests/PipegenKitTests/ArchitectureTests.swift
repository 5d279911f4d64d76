import Foundation
import Testing
import TestSupport

/// Rules of the code's shape that the compiler cannot hold (CONTRIBUTING.md, "The shape"):
/// checked on the sources, so that a change that breaks one fails here with the file named.
@Suite struct ArchitectureTests {
    static let root = Golden.repositoryRoot(from: #filePath)

    /// Every Swift file under `Sources/`, relative path → text.
    static let sources: [(path: String, text: String)] = {
        let base = root + "/Sources"
        let files = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".swift") }.sorted().compactMap { path in
            (try? String(contentsOfFile: base + "/" + path, encoding: .utf8)).map { (path, $0) }
        }
    }()

    /// A pipeline kind lives in its two declaration files; the builders, checks, plan and graph
    /// reach it only through `PipelineDeclaration`. The `ecs-files` command (and its kit part)
    /// is container-deployment's own, and an environment's `ecs` key belongs to that kind.
    @Test func onlyThePipelineDeclarationsNameAKind() {
        let kindSpecific = [
            ".containerBuild", ".infrastructure", ".containerDeployment", "ContainerBuild", "InfrastructureDeployment",
            "ContainerDeployment", ".imageBuild", ".lambdaPackage", ".templateLint", ".lambdaUpdate", ".integrationTests",
            ".imageLocate", ".cfnDeploy", ".cfnExecution", ".ecsDeploy", ".codeDeploy",
        ]
        let allowed = [
            "PipegenConfig/Pipelines.swift", "PipegenConfig/Pipelines/", "PipegenKit/Pipelines/", "PipegenKit/EcsFiles.swift",
            "PipegenCLI/Commands/EcsFilesCommand.swift", "PipegenConfig/SemanticChecks.swift",
        ]
        for (path, text) in Self.sources where !allowed.contains(where: path.hasPrefix) {
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for line in code {
                for word in kindSpecific where Self.containsWord(line, word) {
                    Issue.record("\(path) names '\(word)': \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
    }

    /// `word` occurs in `line` not followed by a letter or digit (`.codeDeploy`, not `.codeDeployToECS`).
    static func containsWord(_ line: Substring, _ word: String) -> Bool {
        var rest = line[...]
        while let range = rest.range(of: word) {
            let next = rest[range.upperBound...].first
            if next.map({ !$0.isLetter && !$0.isNumber }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Patterns with placeholders are expanded by `Names.expand` (through `NamePattern`) only.
    @Test func onlyNamePatternReplacesPlaceholders() {
        for (path, text) in Self.sources where path != "PipegenConfig/NamePattern.swift" {
            for placeholder in ["{project}", "{env}", "{function}", "{region}", "{account}"] {
                #expect(!text.contains("replacing(\"\(placeholder)\""), "\(path) replaces \(placeholder) itself")
            }
        }
    }

    /// No module changes what a standard-library call on a string means in the modules that
    /// import it: no overloads of `String`'s or `Substring`'s own methods, public or package. A
    /// fast path is private to the one type that needs it (`NamePattern`, `Value`).
    @Test func noModuleOverloadsTheStandardLibrarysStringMethods() {
        let methods = ["replacing", "contains", "firstRange", "range", "split", "hasPrefix", "hasSuffix"]
        for (path, text) in Self.sources {
            var inStringExtension = false
            for line in text.split(separator: "\n") {
                if line.hasPrefix("extension ") {
                    inStringExtension = ["String", "Substring", "StringProtocol"].contains { line.hasPrefix("extension \($0)") }
                }
                guard inStringExtension else { continue }
                for method in methods where line.contains("func \(method)(") && !line.contains("private ") {
                    Issue.record("\(path) overloads String.\(method): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
    }

    /// Memory is freed as usual; no process-lifetime tricks reach the interfaces.
    @Test func nothingIsKeptUntilExit() {
        for (path, text) in Self.sources {
            #expect(!text.contains("ProcessLifetime") && !text.contains("workingSet"), "\(path)")
        }
    }

    /// Diagnostics are data in PipegenConfig; colour and terminals are the CLI's.
    @Test func onlyTheCLIPaintsText() {
        for (path, text) in Self.sources where !path.hasPrefix("PipegenCLI/") {
            #expect(!text.contains("\\u{1B}["), "\(path) writes escape sequences")
        }
    }
}
