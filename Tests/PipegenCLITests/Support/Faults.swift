import Glibc
import Testing

@testable import PipegenCLI

/// Runs `pipegen arguments` in process with `hook` called before each step of the output write.
func pipegen(
    _ arguments: [String], in folder: String, beforeWriteStep hook: @escaping (AtomicWriter.Step) throws(SystemError) -> Void
) -> Run {
    var io = CLIIO.capturing(workingDirectory: folder)
    io.beforeWriteStep = hook
    let code = PipegenCLI.run(arguments: arguments, io: &io)
    return Run(code: code, stdout: io.stdout.text, stderr: io.stderr.text)
}

/// The entries of a `tree` under `prefix`, with the prefix removed.
func subtree(_ tree: [String: String], _ prefix: String) -> [String: String] {
    Dictionary(uniqueKeysWithValues: tree.compactMap { $0.key.hasPrefix(prefix) ? (String($0.key.dropFirst(prefix.count)), $0.value) : nil })
}

/// Creates the files and folders of a `tree` under `root`, the inverse of `tree(_:)`.
func materialize(_ tree: [String: String], in root: String) throws {
    for folder in tree.keys.filter({ $0.hasSuffix("/") }).sorted(by: { $0.count < $1.count }) {
        try FileSystem.makeDirectories(Paths.join(root, String(folder.dropLast())))
    }
    for (path, contents) in tree where !path.hasSuffix("/") { try write(contents, to: Paths.join(root, path)) }
}

/// Names of temporary folders the writer left beside the output folder.
func temporaryFolders(in tree: [String: String]) -> [String] {
    tree.keys.filter { $0.hasSuffix("/") && !$0.dropLast().contains("/") && $0.contains(".pipegen-tmp-") }.sorted()
}

/// Mounting file systems: possible for root with CAP_SYS_ADMIN (as in CI's container), not
/// for ordinary users. Tests that need a small or read-only file system are skipped without it.
enum Mounts {
    static let available: Bool = {
        var template = Array("/tmp/pipegen-mount-probe-XXXXXX".utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) })
        else { return false }
        defer { rmdir(path) }
        guard mount("tmpfs", path, "tmpfs", 0, "size=16k") == 0 else { return false }
        umount2(path, 0)
        return true
    }()

    /// Mounts a tmpfs of `bytes` (rounded up to pages) at the existing folder `path` for the
    /// duration of `body`.
    static func withTmpfs<T>(at path: String, bytes: Int, _ body: () throws -> T) throws -> T {
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(bytes),mode=0755") == 0 else {
            throw SystemError.last
        }
        defer { umount2(path, Int32(MNT_DETACH)) }
        return try body()
    }

    /// Makes the file system mounted at `path` read-only.
    static func remountReadOnly(_ path: String) throws {
        guard mount(nil, path, nil, UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw SystemError.last
        }
    }

    /// Free bytes on the file system holding `path`.
    static func freeBytes(_ path: String) -> Int {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_bsize)
    }

    /// Fills the file system holding `path` until `leaving` bytes are free, with a file at `path`.
    static func fill(_ path: String, leaving: Int) throws {
        let size = freeBytes(Paths.parent(path)) - leaving
        try FileSystem.writeNew(path, [UInt8](repeating: 0x2E, count: max(0, size)))
    }
}
