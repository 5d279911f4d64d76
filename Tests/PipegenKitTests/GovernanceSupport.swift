import CloudFormation
import Foundation
import PipegenConfig
import Testing
import TestSupport

@testable import PipegenKit

/// Example configs with governance settings added, for the tests of their effect.
enum Governed {
    static let root = Golden.repositoryRoot(from: #filePath)

    /// `Examples/<example>/pipegen.yaml` with `settings` (top-level keys) appended.
    static func text(_ example: String, _ settings: String) throws -> String {
        let text = try String(contentsOfFile: "\(root)/Examples/\(example)/pipegen.yaml", encoding: .utf8)
        return text + "\n" + settings + "\n"
    }

    static func config(_ example: String, _ settings: String) throws -> Config {
        try inlineConfig(text(example, settings))
    }

    /// Every diagnostic of loading the example with `settings`.
    static func diagnostics(_ example: String, _ settings: String) throws -> [Diagnostic] {
        loadConfig(path: "pipegen.yaml", bytes: Array(try text(example, settings).utf8)).diagnostics
    }

    /// The text an ARN-valued property resolves to in its stack.
    static func resolved(_ value: Value?, in stack: StackTemplate) -> String? {
        value.flatMap(Resolver(template: stack.template, account: stack.account, region: stack.region).string)
    }
}
