import Glibc
import PipegenKit

/// The output folder now, compared with what the config renders to: the plan `render`
/// carries out and the drift `check` reports.
struct OutputPlan {
    /// What happens to one rendered file.
    enum Action: Equatable {
        /// Not in the folder yet.
        case create
        /// In the folder with different bytes; `old` holds them.
        case update(old: [UInt8])
        case unchanged
    }

    /// The rendered files in renderer order, each with its action.
    var files: [(file: RenderedFile, action: Action)] = []
    /// Files pipegen wrote before that the config no longer produces, with their bytes.
    var stale: [(name: String, old: [UInt8])] = []
    /// Rendered names already taken by files pipegen did not write (no generated header).
    var foreign: [String] = []
    /// Whether the folder exists (as a folder, possibly through a symlink).
    var folderExists = false

    /// Whether `render` has anything to do.
    var hasChanges: Bool { !stale.isEmpty || files.contains { $0.action != .unchanged } }

    /// Whether `text` is exactly `bytes`, compared in place (no copy of either).
    static func same(_ text: String, _ bytes: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { t in
            bytes.withUnsafeBufferPointer { b in
                t.count == b.count && (t.isEmpty || memcmp(t.baseAddress!, b.baseAddress!, t.count) == 0)
            }
        }
    }

    /// Compares `files` with the folder at `path`. Rendered names and pipegen's own files
    /// are read in full; other files only far enough to see they lack the generated header.
    init(files: [RenderedFile], folder path: String) throws(OutputFolderError) {
        let kind = try Self.attempt(path) { () throws(SystemError) in try FileSystem.kind(path) }
        switch kind {
        case nil:
            self.files = files.map { ($0, .create) }
            return
        case .directory: break
        case .symlink where (try? FileSystem.kind(path, followingSymlinks: true)) == .directory: break
        default: throw OutputFolderError(path: path, error: SystemError(ENOTDIR))
        }
        folderExists = true
        let listing = try Self.attempt(path) { () throws(SystemError) in try FileSystem.list(path) }

        let rendered = Set(files.map(\.name))
        // Each entry is examined on its own (concurrently: a long route has hundreds of
        // files); the results are taken in listing order, so the first error is the one a
        // one-by-one pass would have met.
        let examined = Parallel.map(listing.names) { name in
            Result { () throws(OutputFolderError) in try Self.examine(name, in: path, rendered: rendered.contains(name)) }
        }
        var existing: [String: [UInt8]] = [:]
        for (name, result) in zip(listing.names, examined) {
            let entry = try result.get()
            switch entry.content {
            case .rendered(let bytes, let generated):
                existing[name] = bytes
                if !generated { foreign.append(name) }
            case .stale(let bytes): stale.append((name, bytes))
            case .foreign, .ignored: break
            }
        }
        let old = existing
        self.files = Parallel.map(files) { file -> (file: RenderedFile, action: Action) in
            guard let old = old[file.name] else { return (file, .create) }
            return (file, Self.same(file.contents, old) ? .unchanged : .update(old: old))
        }
    }

    /// What one entry of the output folder holds.
    private struct Entry: Sendable {
        enum Content: Sendable {
            /// A rendered name: its bytes, and whether pipegen wrote them.
            case rendered([UInt8], generated: Bool)
            /// A file pipegen wrote that is no longer rendered.
            case stale([UInt8])
            /// A regular file pipegen did not write.
            case foreign
            /// Anything else (folders, symlinks, devices) under a name that is not rendered.
            case ignored
        }
        var kind: FileSystem.Kind?
        var content: Content
    }

    private static func examine(_ name: String, in path: String, rendered: Bool) throws(OutputFolderError) -> Entry {
        let entry = Paths.join(path, name)
        let kind = try Self.attempt(entry) { () throws(SystemError) in try FileSystem.kind(entry) }
        if rendered {
            guard kind == .regular || kind == .symlink else { throw OutputFolderError(path: entry, error: SystemError(EISDIR)) }
            let bytes = try Self.attempt(entry) { () throws(SystemError) in try FileSystem.read(entry) }
            return Entry(kind: kind, content: .rendered(bytes, generated: Self.isGenerated(bytes)))
        }
        guard kind == .regular else { return Entry(kind: kind, content: .ignored) }
        let head = try Self.attempt(entry) { () throws(SystemError) in try FileSystem.read(entry, limit: 4096) }
        guard Self.isGenerated(head) else { return Entry(kind: kind, content: .foreign) }
        return Entry(kind: kind, content: .stale(try Self.attempt(entry) { () throws(SystemError) in try FileSystem.read(entry) }))
    }

    private static func isGenerated(_ bytes: [UInt8]) -> Bool {
        GeneratedHeader.isGenerated(String(decoding: bytes.prefix(4096), as: UTF8.self))
    }

    private static func attempt<T>(_ path: String, _ body: () throws(SystemError) -> T) throws(OutputFolderError) -> T {
        do {
            return try body()
        } catch {
            throw OutputFolderError(path: path, error: error)
        }
    }
}

/// The output folder, or a file in it, could not be examined.
struct OutputFolderError: Error {
    /// The absolute path that failed.
    var path: String
    var error: SystemError
}
