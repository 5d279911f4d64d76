import Glibc
import PipegenConfig
import PipegenKit
import Testing

@testable import PipegenCLI

/// The config every test renders: valid for the real decoder as well as the stub.
let validConfig = """
    project: demo
    tooling:
      account: "111111111111"
      region: eu-west-1
    environments:
      - name: dev
        account: "222222222222"

    """

/// What one in-process run of the CLI did.
struct Run {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// Runs `pipegen arguments` in process with `folder` as the working directory.
func pipegen(
    _ arguments: [String], in folder: String, environment: [String: String] = [:], terminal: Bool = false,
    stdin: String = ""
) -> Run {
    var io = CLIIO.capturing(workingDirectory: folder, environment: environment, terminal: terminal)
    io.standardInput = .bytes(Array(stdin.utf8))
    let code = PipegenCLI.run(arguments: arguments, io: &io)
    return Run(code: code, stdout: io.stdout.text, stderr: io.stderr.text)
}

/// A fresh, empty, uniquely named folder, removed when `body` returns.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array("/tmp/pipegen-cli-tests-XXXXXX".utf8CString)
    let path = try #require(
        template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
    defer {
        chmodTree(path)
        try? FileSystem.removeTree(path)
    }
    return try body(path)
}

/// Makes everything under `path` writable again, so tests that chmod can clean up.
private func chmodTree(_ path: String) {
    guard (try? FileSystem.kind(path)) == .directory else { return }
    chmod(path, 0o755)
    for name in (try? FileSystem.list(path).names) ?? [] { chmodTree(Paths.join(path, name)) }
}

func write(_ text: String, to path: String) throws {
    try? FileSystem.remove(path)
    try FileSystem.writeNew(path, Array(text.utf8))
}

func read(_ path: String) throws -> String {
    String(decoding: try FileSystem.read(path), as: UTF8.self)
}

/// Every file and folder under `path` with its contents (folders as `<dir>`), to assert
/// that a command changed nothing.
func tree(_ path: String) throws -> [String: String] {
    var result: [String: String] = [:]
    func walk(_ folder: String, _ prefix: String) throws {
        for name in try FileSystem.list(folder).names {
            let full = Paths.join(folder, name)
            let key = prefix + name
            if try FileSystem.kind(full) == .directory {
                result[key + "/"] = "<dir>"
                try walk(full, key + "/")
            } else {
                result[key] = try read(full)
            }
        }
    }
    try walk(path, "")
    return result
}

/// The files `Renderer.render` produces for `validConfig`, as `render` would write them
/// into `templates/` next to `pipegen.yaml`: the expectations come from the renderer itself.
func expectedFiles(format: OutputFormat = .yaml, configPath: String = "../pipegen.yaml") throws -> [RenderedFile] {
    let loaded = Pipegen.load(SourceFile(path: "pipegen.yaml", text: validConfig))
    let valid = try #require(loaded.valid)
    return try Renderer.render(valid.stacks, RenderRequest(format: format, configPath: configPath)).files
}

/// The inode of `path`, to tell a file left alone from one rewritten with the same bytes.
func inode(_ path: String) -> UInt {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt(info.st_ino) : 0
}

/// Compares text with an expected snapshot; on a mismatch the issue shows a unified diff
/// and the actual text, ready to paste back into the test.
func expectSnapshot(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let diff = UnifiedDiff(oldLabel: "expected", newLabel: "actual")
        .format(old: Array(expected.utf8), new: Array(actual.utf8))
    Issue.record("snapshot mismatch:\n\(diff)\nactual:\n\(actual)", sourceLocation: sourceLocation)
}
