// Linux only, like the tool.
import Glibc

/// Folders handled through descriptors and raw entry names (which need not be UTF-8), for
/// carrying the files pipegen did not write from the old output folder into the new one,
/// and for the lock that tells a live run's temporary folder from a dead one's.
enum DirectoryTree {
    /// An entry name as the file system stores it, without the terminating NUL.
    typealias Name = [UInt8]

    /// Opens folder `path` without following a final symlink.
    static func open(_ path: String) throws(SystemError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .last }
        return fd
    }

    /// The entry names of the open folder `fd`, without `.` and `..`, sorted bytewise.
    static func names(_ fd: Int32) throws(SystemError) -> [Name] {
        let copy = dup(fd)
        guard copy >= 0 else { throw .last }
        guard let dir = fdopendir(copy) else {
            let error = SystemError.last
            close(copy)
            throw error
        }
        defer { closedir(dir) }
        rewinddir(dir)
        var out: [Name] = []
        while let entry = readdir(dir) {
            var raw = entry.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: raw)
            let name = withUnsafePointer(to: &raw) {
                $0.withMemoryRebound(to: UInt8.self, capacity: capacity) { pointer in
                    Array(UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name != [UInt8(ascii: ".")], name != [UInt8(ascii: "."), UInt8(ascii: ".")] { out.append(name) }
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `body` with `name` as a C string.
    static func withName<T>(_ name: Name, _ body: (UnsafePointer<CChar>) -> T) -> T {
        (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// `name` for messages (invalid UTF-8 shown as U+FFFD).
    static func display(_ name: Name) -> String { String(decoding: name, as: UTF8.self) }

    /// The entry `name` of folder `fd`, not following a symlink.
    static func stat(_ fd: Int32, _ name: Name) throws(SystemError) -> stat {
        var info = Glibc.stat()
        let result = withName(name) { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }
        guard result == 0 else { throw .last }
        return info
    }

    /// Puts everything in folder `from` whose name `keep` accepts into folder `to`, each file
    /// hard-linked (the same file, no copy), each folder made anew with its permission bits and
    /// filled the same way; a file that cannot be linked is copied. `from`'s subfolders must be
    /// on its file system (a mount point inside it cannot be carried: EXDEV). `onEntry` is
    /// called before each top-level entry (a test hook, and where a failure is reported).
    /// Returns every name `from` held, carried or not.
    @discardableResult
    static func carry(
        from: Int32, to: Int32, keep: (Name) -> Bool, onEntry: (Name) throws(SystemError) -> Void = { _ throws(SystemError) in }
    ) throws(CarryError) -> [Name] {
        let device: UInt
        var folderInfo = Glibc.stat()
        guard fstat(from, &folderInfo) == 0 else { throw CarryError(name: [], error: .last) }
        device = UInt(folderInfo.st_dev)
        let names: [Name]
        do { names = try Self.names(from) } catch { throw CarryError(name: [], error: error) }
        for name in names where keep(name) {
            do {
                try onEntry(name)
                try carryEntry(name, from: from, to: to, device: device)
            } catch {
                throw CarryError(name: name, error: error)
            }
        }
        return names
    }

    private static func carryEntry(_ name: Name, from: Int32, to: Int32, device: UInt) throws(SystemError) {
        let info = try stat(from, name)
        if info.st_mode & S_IFMT == S_IFDIR {
            guard UInt(info.st_dev) == device else { throw SystemError(EXDEV) }
            guard withName(name, { mkdirat(to, $0, info.st_mode & 0o7777) }) == 0 else { throw .last }
            let inner = try openAt(from, name), target = try openAt(to, name)
            defer {
                close(inner)
                close(target)
            }
            // mkdir applies the umask; the folder keeps its own bits.
            _ = fchmod(target, info.st_mode & 0o7777)
            for child in try names(inner) { try carryEntry(child, from: inner, to: target, device: device) }
            guard fsync(target) == 0 || errno == EINVAL else { throw .last }
            return
        }
        // linkat without AT_SYMLINK_FOLLOW links a symlink itself, not its target.
        if withName(name, { linkat(from, $0, to, $0, 0) }) == 0 { return }
        let linkError = SystemError.last
        switch info.st_mode & S_IFMT {
        case S_IFREG: try copyFile(name, from: from, to: to, mode: info.st_mode & 0o7777)
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = withName(name) { readlinkat(from, $0, &buffer, buffer.count - 1) }
            guard n >= 0 else { throw .last }
            guard withName(name, { symlinkat(buffer, to, $0) }) == 0 else { throw .last }
        default: throw linkError
        }
    }

    private static func openAt(_ fd: Int32, _ name: Name) throws(SystemError) -> Int32 {
        let opened = withName(name) { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard opened >= 0 else { throw .last }
        return opened
    }

    private static func copyFile(_ name: Name, from: Int32, to: Int32, mode: mode_t) throws(SystemError) {
        let source = withName(name) { openat(from, $0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard source >= 0 else { throw .last }
        defer { close(source) }
        let bytes = try FileSystem.read(descriptor: source)
        let target = withName(name) { openat(to, $0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
        guard target >= 0 else { throw .last }
        defer { close(target) }
        try FileSystem.writeAll(target, bytes)
        _ = fchmod(target, mode)
    }

    /// Takes the exclusive lock of folder `path` if no live process holds it: the descriptor
    /// that holds the lock, or nil when another process holds it (or the folder is gone).
    /// The kernel releases an flock(2) lock when its holder exits however it ends, `kill -9`
    /// included, so a folder nobody holds belongs to no running pipegen.
    static func tryLock(_ path: String) -> Int32? {
        guard let fd = try? open(path) else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}

/// Carrying an entry of the old output folder failed; `name` is the top-level entry (empty
/// when the folder itself failed).
struct CarryError: Error {
    var name: DirectoryTree.Name
    var error: SystemError
}
