import Glibc
import PipegenKit

/// Carries out an `OutputPlan` so that the output folder is replaced as a whole: a reader
/// sees the whole old set of files or the whole new set, never a mix and never a
/// half-written file, whatever else the folder holds.
///
/// 1. A temporary folder is made beside the output folder, `.<name>.pipegen-tmp-<random>`
///    (same file system, so nothing is copied), and locked with flock(2) for as long as the
///    run lives. Its first entry is a `.gitignore` holding `*`, which appears whole (written
///    unnamed with O_TMPFILE, then linked in): git ignores the folder from its first moment
///    (the `*` also covers the `.gitignore`, so `git status` shows nothing), its name starts
///    with a dot, so `cfn-lint **/*.yaml` (globs skip dot folders) and `checkov -d .` (skips
///    dot folders) do not look inside, and nothing ever goes inside the output folder's tree.
/// 2. The new folder is built inside it, `new/`: every rendered file (unchanged ones
///    hard-linked from the old folder), then every entry of the old folder pipegen did not
///    write (a README, `.gitkeep`, subfolders), hard-linked, so they are the same files; the
///    old folder's permission bits. All of it is fsynced.
/// 3. The two folders are swapped in one step with Linux `renameat2(RENAME_EXCHANGE)` (or,
///    with no old folder, the new one renamed into place): the atomic moment. Without
///    RENAME_EXCHANGE (Linux < 3.15, some network file systems) the old folder is renamed into
///    the temporary folder and the new one into place: a reader may then find no folder for a
///    moment, and a run killed in that moment leaves the old folder in the temporary one,
///    which the next run puts back before anything else.
/// 4. Entries that appeared in the old folder while the run built the new one are moved
///    across, and the temporary folder (holding the old set) is deleted.
///
/// Every run first deletes the temporary folders of runs that died (kill -9, power loss):
/// those whose lock no process holds. A live run's folder is left alone. A failure before the
/// swap leaves the output folder as it was and deletes the temporary folder.
///
/// Not covered: an output folder that is a mount point, or holds one (nothing changes: an
/// error); a file replaced by another program in the instant between being linked into the
/// new folder and the swap (the replacement is lost; edits in place are kept); the folder's
/// owner, ACLs and extended attributes (the new folder is the running user's, with the old
/// one's permission bits); a process whose current folder is the output folder keeps the
/// old one (`render` refuses the working folder itself).
struct AtomicWriter {
    /// How the new files got into place.
    enum Method: Equatable { case nothingToDo, createdFolder, swappedFolder, renamedFolders }

    /// The output folder, absolute.
    var folder: String

    /// One step of `commit` that changes the file system, named for tests that fail it or
    /// look at the disk just before it (which is what a crash there would leave).
    enum Step: Hashable, Sendable, CustomStringConvertible {
        /// `mkdir -p` of the output folder's parent (only when the folder does not exist).
        case makeParent
        case makeTemporaryFolder
        /// Writing (or, unchanged, linking) one rendered file into the new folder.
        case write(String)
        /// Flushing one written file to disk.
        case sync(String)
        /// Linking one entry pipegen did not write into the new folder.
        case carry(String)
        case syncTemporaryFolder
        /// Renaming the new folder to the output folder (no folder yet).
        case createFolder
        /// Swapping the new and output folders (`RENAME_EXCHANGE`); a failure here is taken as
        /// a file system without it.
        case exchange
        /// Without `RENAME_EXCHANGE`: the old folder into the temporary folder.
        case moveAway
        /// Without `RENAME_EXCHANGE`: the new folder into place.
        case moveIn
        /// Deleting the temporary folder, on success and on failure.
        case removeTemporaryFolder

        var description: String {
            switch self {
            case .makeParent: "makeParent"
            case .makeTemporaryFolder: "makeTemporaryFolder"
            case .write(let name): "write(\(name))"
            case .sync(let name): "sync(\(name))"
            case .carry(let name): "carry(\(name))"
            case .syncTemporaryFolder: "syncTemporaryFolder"
            case .createFolder: "createFolder"
            case .exchange: "exchange"
            case .moveAway: "moveAway"
            case .moveIn: "moveIn"
            case .removeTemporaryFolder: "removeTemporaryFolder"
            }
        }
    }

    /// Test hook: called before each step; an error thrown here is handled like the step's own
    /// failure. Undoing steps after a failure is not a step.
    var beforeStep: (Step) throws(SystemError) -> Void = { _ throws(SystemError) in }

    init(folder: String) {
        // A symlinked output folder is replaced where it points, so the link stays a link.
        if (try? FileSystem.kind(folder)) == .symlink, let real = FileSystem.realPath(folder) {
            self.folder = real
        } else {
            self.folder = folder
        }
    }

    var parent: String { Paths.parent(folder) }

    /// The prefix of this folder's temporary folders: `.templates.pipegen-tmp-`.
    var temporaryPrefix: String { ".\(Paths.name(folder)).pipegen-tmp-" }

    /// Deletes the temporary folders of runs that died, first putting back an output folder
    /// that such a run had moved away (step 3 without RENAME_EXCHANGE). Runs before the
    /// folder is read; failures are ignored (the next run tries again).
    func recover() {
        guard let names = try? FileSystem.list(parent).names else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            let path = Paths.join(parent, name)
            guard let lock = DirectoryTree.tryLock(path) else { continue }  // A live run's, or not a folder.
            defer { close(lock) }
            let old = Paths.join(path, "old")
            if (try? FileSystem.kind(folder)) == nil, (try? FileSystem.kind(old)) == .directory {
                try? FileSystem.rename(old, folder)
                try? FileSystem.syncDirectory(parent)
            }
            Self.removeTemporaryFolder(path)
        }
    }

    /// Deletes a temporary folder with its `.gitignore` last, so that git never sees what is
    /// left of it if the deletion stops part way.
    static func removeTemporaryFolder(_ path: String) {
        try? FileSystem.removeTree(path, last: ".gitignore")
    }

    /// Writes `plan`; on failure the output folder is as it was and the temporary folder is gone.
    func commit(_ plan: OutputPlan) throws(WriteError) -> Method {
        guard plan.hasChanges else { return .nothingToDo }
        if !plan.folderExists {
            do {
                try beforeStep(.makeParent)
                try FileSystem.makeDirectories(parent)
            } catch {
                throw WriteError(path: folder, error: error)
            }
        } else {
            try checkNotAMountPoint()
        }
        let (temp, lock) = try makeTemporaryFolder()
        defer { close(lock) }
        let new = Paths.join(temp, "new")
        do throws(WriteError) {
            let known = try build(plan, in: new)
            let method = try move(plan, new: new, temp: temp, known: known)
            removeTemporaryFolder(temp)
            return method
        } catch {
            removeTemporaryFolder(temp)
            throw error
        }
    }

    /// Step 2: the new folder, complete and on disk; the names the old folder held when its
    /// entries were carried.
    private func build(_ plan: OutputPlan, in new: String) throws(WriteError) -> Set<DirectoryTree.Name> {
        do {
            try FileSystem.makeDirectory(new)
            if plan.folderExists { try FileSystem.setPermissions(new, try FileSystem.permissions(folder)) }
        } catch {
            throw WriteError(path: folder, error: error)
        }
        // All files are written first and fsynced after: the first fsync commits the file
        // system's journal with every file's data, and the others find little left to do.
        var written: [String] = []
        for (file, action) in plan.files {
            let path = Paths.join(new, file.name)
            do {
                try beforeStep(.write(file.name))
                if action == .unchanged, (try? FileSystem.link(Paths.join(folder, file.name), path)) != nil { continue }
                try FileSystem.writeNew(path, Array(file.contents.utf8), sync: false)
                written.append(file.name)
            } catch {
                throw WriteError(path: Paths.join(folder, file.name), error: error)
            }
        }
        // The fsyncs wait on the disk, so they run concurrently; a failure is reported for
        // the first file in order. (The test hook sees each step before any runs.)
        for (file, _) in plan.files {
            do {
                try beforeStep(.sync(file.name))
            } catch {
                throw WriteError(path: Paths.join(folder, file.name), error: error)
            }
        }
        let synced = Parallel.map(written) { name in
            Result { () throws(SystemError) in try FileSystem.sync(Paths.join(new, name)) }
        }
        for (name, result) in zip(written, synced) {
            if case .failure(let error) = result { throw WriteError(path: Paths.join(folder, name), error: error) }
        }
        let known = plan.folderExists ? try carry(plan, into: new) : []
        do {
            try beforeStep(.syncTemporaryFolder)
            try FileSystem.syncDirectory(new)
        } catch {
            // Named after the output folder: the temporary one is gone when the user reads this.
            throw WriteError(path: folder, error: error)
        }
        return known
    }

    /// The names pipegen owns in the output folder: what it renders now and its stale files.
    private func owned(_ plan: OutputPlan) -> Set<DirectoryTree.Name> {
        Set(plan.files.map { Array($0.file.name.utf8) } + plan.stale.map { Array($0.name.utf8) })
    }

    /// Links every entry of the old folder that pipegen does not own into the new one; the
    /// names the old folder held then.
    private func carry(_ plan: OutputPlan, into new: String) throws(WriteError) -> Set<DirectoryTree.Name> {
        let owned = owned(plan)
        let from: Int32, to: Int32
        do { from = try DirectoryTree.open(folder) } catch { throw WriteError(path: folder, error: error) }
        defer { close(from) }
        do { to = try DirectoryTree.open(new) } catch { throw WriteError(path: folder, error: error) }
        defer { close(to) }
        do {
            return Set(
                try DirectoryTree.carry(from: from, to: to, keep: { !owned.contains($0) }) { name throws(SystemError) in
                    try beforeStep(.carry(DirectoryTree.display(name)))
                })
        } catch {
            let path = error.name.isEmpty ? folder : Paths.join(folder, DirectoryTree.display(error.name))
            throw WriteError(path: path, error: error.error)
        }
    }

    /// Step 3: the new folder into place.
    private func move(_ plan: OutputPlan, new: String, temp: String, known: Set<DirectoryTree.Name>) throws(WriteError) -> Method {
        if !plan.folderExists {
            do {
                try beforeStep(.createFolder)
                try FileSystem.rename(new, folder)
            } catch {
                throw WriteError(path: folder, error: error)
            }
            try? FileSystem.syncDirectory(parent)
            return .createdFolder
        }
        if (try? beforeStep(.exchange)) != nil, RenameExchange.exchange(new, folder) {
            try? FileSystem.syncDirectory(parent)
            takeLateArrivals(from: new, known: known)
            return .swappedFolder
        }
        let old = Paths.join(temp, "old")
        do {
            try beforeStep(.moveAway)
            try FileSystem.rename(folder, old)
        } catch {
            throw WriteError(path: folder, error: error)
        }
        do {
            try beforeStep(.moveIn)
            try FileSystem.rename(new, folder)
        } catch {
            try? FileSystem.rename(old, folder)
            throw WriteError(path: folder, error: error)
        }
        try? FileSystem.syncDirectory(parent)
        takeLateArrivals(from: old, known: known)
        return .renamedFolders
    }

    /// Step 4: entries another program put into the old folder after it was carried.
    private func takeLateArrivals(from old: String, known: Set<DirectoryTree.Name>) {
        guard let from = try? DirectoryTree.open(old) else { return }
        defer { close(from) }
        guard let to = try? DirectoryTree.open(folder), let names = try? DirectoryTree.names(from) else { return }
        defer { close(to) }
        for name in names where !known.contains(name) {
            guard (try? DirectoryTree.stat(to, name)) == nil else { continue }
            _ = DirectoryTree.withName(name) { renameat(from, $0, to, $0) }
        }
    }

    private func removeTemporaryFolder(_ temp: String) {
        guard (try? beforeStep(.removeTemporaryFolder)) != nil else { return }
        Self.removeTemporaryFolder(temp)
        try? FileSystem.syncDirectory(parent)
    }

    /// A folder on a file system of its own cannot be swapped or renamed (EXDEV, EBUSY).
    private func checkNotAMountPoint() throws(WriteError) {
        var inside = stat(), above = stat()
        guard stat(folder, &inside) == 0, stat(parent, &above) == 0 else { return }
        if inside.st_dev != above.st_dev { throw WriteError(path: folder, error: SystemError(EXDEV), mountPoint: true) }
    }

    /// Step 1: a fresh, locked temporary folder that git ignores from its first moment.
    private func makeTemporaryFolder() throws(WriteError) -> (path: String, lock: Int32) {
        var lastError = SystemError(0)
        for _ in 0..<8 {
            let random = String(UInt64.random(in: .min ... .max), radix: 16)
            let path = Paths.join(parent, "\(temporaryPrefix)\(random)")
            do {
                try beforeStep(.makeTemporaryFolder)
                try FileSystem.makeDirectory(path)
            } catch {
                lastError = error
                if error.code == EEXIST { continue }
                break
            }
            // Another run's clean-up may take a folder between its mkdir and its lock: then
            // this one is not ours any more, and a new name is tried.
            guard let lock = DirectoryTree.tryLock(path) else {
                lastError = SystemError(EAGAIN)
                continue
            }
            do {
                try FileSystem.writeWhole(Paths.join(path, ".gitignore"), Array("*\n".utf8))
            } catch {
                close(lock)
                try? FileSystem.removeTree(path)
                throw WriteError(path: folder, error: error)
            }
            return (path, lock)
        }
        throw WriteError(path: folder, error: lastError)
    }
}

/// A write into the output folder failed; `path` is absolute.
struct WriteError: Error {
    var path: String
    var error: SystemError
    /// The output folder is a mount point, so it cannot be replaced as a whole.
    var mountPoint = false
}
