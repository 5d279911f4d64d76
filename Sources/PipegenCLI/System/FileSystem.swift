// Linux only, like the tool: Darwin would need its own module and `renamex_np(RENAME_SWAP)`.
import Glibc

/// Thin, errno-preserving wrappers over the POSIX calls the CLI needs. Plain system calls
/// rather than `FileManager` so error messages are the short C-library ones and every step
/// (fsync, rename) is explicit.
enum FileSystem {
    /// What a path names, without following a final symlink unless asked to.
    enum Kind: Equatable { case regular, directory, symlink, other }

    /// The kind of file at `path`, or nil when nothing is there.
    static func kind(_ path: String, followingSymlinks: Bool = false) throws(SystemError) -> Kind? {
        var info = stat()
        let result = followingSymlinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else {
            if errno == ENOENT { return nil }
            throw .last
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The permission bits of `path`.
    static func permissions(_ path: String) throws(SystemError) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .last }
        return info.st_mode & 0o7777
    }

    static func setPermissions(_ path: String, _ mode: mode_t) throws(SystemError) {
        guard chmod(path, mode) == 0 else { throw .last }
    }

    /// Up to `limit` bytes from the start of the file at `path` (all of it when nil).
    static func read(_ path: String, limit: Int? = nil) throws(SystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .last }
        defer { close(fd) }
        return try read(descriptor: fd, limit: limit)
    }

    /// Up to `limit` bytes (all when nil) read from `fd` until its end: a file, or a pipe
    /// such as standard input.
    static func read(descriptor fd: Int32, limit: Int? = nil) throws(SystemError) -> [UInt8] {
        // Sized by fstat, so the common case is one read of the whole file (and one more that
        // sees its end); the loop reads on until end of file whatever the size said.
        var info = stat()
        let size = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        let maximum = limit ?? Int.max
        var bytes: [UInt8] = []
        var chunk = min(maximum, size + 1)
        while bytes.count < maximum {
            let want = min(max(chunk, 4096), maximum - bytes.count)
            var failure: SystemError?
            let piece = [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
                let n = Glibc.read(fd, buffer.baseAddress, want)
                if n < 0 { failure = .last }
                count = max(n, 0)
            }
            if let failure {
                if failure.code == EINTR { continue }
                throw failure
            }
            if piece.isEmpty { break }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            chunk = 65536
        }
        return bytes
    }

    /// Creates a new file at `path` (failing if one exists), writes `bytes` and (unless
    /// `sync` is false) fsyncs it.
    static func writeNew(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(SystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .last }
        var failure: SystemError?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno != EINTR { failure = .last }
            } else {
                offset += n
            }
        }
        if failure == nil, sync, fsync(fd) != 0 { failure = .last }
        if close(fd) != 0, failure == nil { failure = .last }
        if let failure { throw failure }
    }

    /// Creates the file `path` (failing if one exists) with `bytes`, appearing whole: written
    /// unnamed (O_TMPFILE) and then linked in, so no reader, and no crash, ever finds it empty
    /// or half written. Where the file system has no O_TMPFILE, written in place.
    static func writeWhole(_ path: String, _ bytes: [UInt8]) throws(SystemError) {
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY`; Swift's Glibc does not export it (it needs
        // _GNU_SOURCE). __O_TMPFILE is 0o20000000 on x86-64 and arm64 (asm-generic/fcntl.h).
        let fd = open(Paths.parent(path), 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if [EISDIR, EOPNOTSUPP, EINVAL].contains(errno) { return try writeNew(path, bytes) }
            throw .last
        }
        defer { close(fd) }
        try writeAll(fd, bytes)
        guard fsync(fd) == 0 else { throw .last }
        // linkat(2) names an O_TMPFILE file through /proc without CAP_DAC_READ_SEARCH.
        guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            if errno == ENOENT, (try? kind("/proc/self/fd")) == nil { return try writeNew(path, bytes) }
            throw .last
        }
    }

    /// Writes all of `bytes` to the open file `fd`, retrying short and interrupted writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .last
            }
            offset += n
        }
    }

    /// Flushes the file at `path` to disk (fsync).
    static func sync(_ path: String) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .last }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .last }
    }

    /// The names in folder `path`, sorted bytewise, without `.` and `..`. Names that are not
    /// valid UTF-8 are left out and counted in `unreadable`.
    static func list(_ path: String) throws(SystemError) -> (names: [String], unreadable: Int) {
        guard let dir = opendir(path) else { throw .last }
        defer { closedir(dir) }
        var names: [String] = []
        var unreadable = 0
        while let entry = readdir(dir) {
            var raw = entry.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: raw)
            let name = withUnsafePointer(to: &raw) {
                $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(validatingCString: $0) }
            }
            guard let name else {
                unreadable += 1
                continue
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return (names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, unreadable)
    }

    /// `path` with every symlink resolved (realpath(3)); nil when it cannot be.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The target of the symlink at `path`, as stored.
    static func readLink(_ path: String) throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = Glibc.readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { throw .last }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func makeDirectory(_ path: String) throws(SystemError) {
        guard mkdir(path, 0o777) == 0 else { throw .last }
    }

    /// Creates `path` and any missing parents, like `mkdir -p`.
    static func makeDirectories(_ path: String) throws(SystemError) {
        if try kind(path, followingSymlinks: true) == .directory { return }
        if path != "/" { try makeDirectories(Paths.parent(path)) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw .last }
        guard try kind(path, followingSymlinks: true) == .directory else { throw SystemError(ENOTDIR) }
    }

    static func rename(_ from: String, _ to: String) throws(SystemError) {
        guard Glibc.rename(from, to) == 0 else { throw .last }
    }

    static func link(_ from: String, _ to: String) throws(SystemError) {
        guard Glibc.link(from, to) == 0 else { throw .last }
    }

    static func remove(_ path: String) throws(SystemError) {
        guard unlink(path) == 0 else { throw .last }
    }

    /// Removes a folder and everything under it, without following symlinks. What is
    /// already gone (another run removing the same folder) is not an error.
    /// `last`, when given, names an entry of the folder removed after all the others.
    static func removeTree(_ path: String, last: String? = nil) throws(SystemError) {
        guard let fd = try? DirectoryTree.open(path) else {
            guard unlink(path) == 0 || errno == ENOENT else { throw .last }
            return
        }
        defer { close(fd) }
        try removeContents(fd, skipping: last.map { Array($0.utf8) })
        if let last { try removeTree(Paths.join(path, last)) }
        guard rmdir(path) == 0 || errno == ENOENT else { throw .last }
    }

    /// Removes everything in the open folder `fd` but `skipping`, by raw name (not all names
    /// are UTF-8).
    private static func removeContents(_ fd: Int32, skipping: DirectoryTree.Name? = nil) throws(SystemError) {
        for name in try DirectoryTree.names(fd) where name != skipping {
            let info = try? DirectoryTree.stat(fd, name)
            if let info, info.st_mode & S_IFMT == S_IFDIR {
                let inner = DirectoryTree.withName(name) { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                if inner >= 0 {
                    defer { close(inner) }
                    try removeContents(inner)
                }
                guard DirectoryTree.withName(name, { unlinkat(fd, $0, AT_REMOVEDIR) }) == 0 || errno == ENOENT else { throw .last }
            } else {
                guard DirectoryTree.withName(name, { unlinkat(fd, $0, 0) }) == 0 || errno == ENOENT else { throw .last }
            }
        }
    }

    /// Flushes a folder's entries (new names, renames) to disk. File systems that cannot
    /// fsync a folder (EINVAL) are treated as having nothing to flush.
    static func syncDirectory(_ path: String) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .last }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw .last }
    }
}
