import Glibc
import PipegenKit

/// Carries out an `OutputPlan` so that the output folder never holds a half-written file and,
/// as far as the file system allows, never a mix of old and new files.
///
/// Every rendered file is first written (then fsynced) into a fresh folder beside the output
/// folder (`.templates.pipegen-tmp-<random>`, on the same file system, so renames cannot
/// copy). Nothing in the output folder changes until all of them are on disk. Then:
///
/// - **No folder yet:** the temporary folder is renamed into place. Atomic: the folder appears
///   complete or not at all.
/// - **A real folder holding only pipegen's files:** the two folders are swapped with Linux
///   `renameat2(RENAME_EXCHANGE)` and the old one deleted. Atomic: readers see the whole old set
///   or the whole new set, including removals. The folder's permission bits are carried over,
///   its owner is not, and a process whose current folder was the old one keeps the old one.
/// - **Otherwise** (foreign files present, a symlinked folder, or no `RENAME_EXCHANGE`): each
///   changed file is moved in with rename(2) and each stale file moved out. Each *file* is
///   atomically old or new, but a reader may see a mix while the renames run. If one of them
///   fails, those already done are undone (replaced files come back from hard links, or from
///   copies where links are not supported) before the error is reported, so a failed render
///   leaves the folder's contents as they were.
///
/// Not covered: a crash or power loss in the middle of the per-file renames (the folder may
/// hold a mix); a `.pipegen-tmp-` folder left beside the output folder by a crash at any step,
/// or by a failure to delete it after a successful write (rerunning `render` repairs the folder
/// but does not delete the leftover); two renders racing on the same folder; and an output
/// folder that is itself a mount point (renames fail with EXDEV; nothing changes).
/// `FileSystemFaultTests` fails, and crashes before, every step in turn.
struct AtomicWriter {
    /// How the new files got into place.
    enum Method: Equatable { case nothingToDo, createdFolder, swappedFolder, renamedFiles }

    /// The output folder, absolute.
    var folder: String
    /// One step of `commit` that changes the file system, named for tests that fail it or
    /// look at the disk just before it (which is what a crash there would leave).
    enum Step: Hashable, Sendable, CustomStringConvertible {
        /// `mkdir -p` of the output folder's parent (only when the folder does not exist).
        case makeParent
        case makeTemporaryFolder
        /// Writing one file into the temporary folder.
        case write(String)
        /// Flushing one written file to disk.
        case sync(String)
        case syncTemporaryFolder
        /// Renaming the temporary folder to the output folder (no folder yet).
        case createFolder
        /// Swapping the temporary and output folders (`RENAME_EXCHANGE`).
        case exchange
        /// Keeping a file the per-file path replaces, for rollback.
        case backUp(String)
        /// Renaming a new or changed file into the output folder.
        case moveIn(String)
        /// Renaming a stale file out of the output folder.
        case moveOut(String)
        /// Deleting the temporary folder, on success and on failure.
        case removeTemporaryFolder

        var description: String {
            switch self {
            case .makeParent: "makeParent"
            case .makeTemporaryFolder: "makeTemporaryFolder"
            case .write(let name): "write(\(name))"
            case .sync(let name): "sync(\(name))"
            case .syncTemporaryFolder: "syncTemporaryFolder"
            case .createFolder: "createFolder"
            case .exchange: "exchange"
            case .backUp(let name): "backUp(\(name))"
            case .moveIn(let name): "moveIn(\(name))"
            case .moveOut(let name): "moveOut(\(name))"
            case .removeTemporaryFolder: "removeTemporaryFolder"
            }
        }
    }

    /// Test hook: called before each step; an error thrown here is handled like the step's own
    /// failure (for `exchange`, like a file system without `RENAME_EXCHANGE`). Undoing steps
    /// after a failure is not a step.
    var beforeStep: (Step) throws(SystemError) -> Void = { _ throws(SystemError) in }

    /// Writes `plan`; on failure the output folder is as it was and the temporary folder is gone.
    func commit(_ plan: OutputPlan) throws(WriteError) -> Method {
        guard plan.hasChanges else { return .nothingToDo }
        let parent = Paths.parent(folder)
        if !plan.folderExists {
            do {
                try beforeStep(.makeParent)
                try FileSystem.makeDirectories(parent)
            } catch {
                throw WriteError(path: folder, error: error)
            }
        }
        let temp = try makeTemporaryFolder(in: parent)
        do throws(WriteError) {
            // All files are written first and fsynced after: the first fsync commits the file
            // system's journal with every file's data, and the others find little left to do.
            // (An fsync after each write waits for one journal commit per file.)
            for (file, _) in plan.files {
                let path = Paths.join(temp, file.name)
                do {
                    try beforeStep(.write(file.name))
                    try FileSystem.writeNew(path, Array(file.contents.utf8), sync: false)
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
            let synced = Parallel.map(plan.files.map(\.file.name)) { name in
                Result { () throws(SystemError) in try FileSystem.sync(Paths.join(temp, name)) }
            }
            for ((file, _), result) in zip(plan.files, synced) {
                if case .failure(let error) = result { throw WriteError(path: Paths.join(folder, file.name), error: error) }
            }
            do {
                try beforeStep(.syncTemporaryFolder)
                try FileSystem.syncDirectory(temp)
            } catch {
                // Named after the output folder: the temporary one is gone when the user reads this.
                throw WriteError(path: folder, error: error)
            }
            let method = try move(plan, from: temp, parent: parent)
            removeTemporaryFolder(temp)  // After a swap it holds the old files; else leftovers.
            return method
        } catch {
            removeTemporaryFolder(temp)
            throw error
        }
    }

    private func removeTemporaryFolder(_ temp: String) {
        do {
            try beforeStep(.removeTemporaryFolder)
            try FileSystem.removeTree(temp)
        } catch {}
    }

    private func move(_ plan: OutputPlan, from temp: String, parent: String) throws(WriteError) -> Method {
        if !plan.folderExists {
            do {
                try beforeStep(.createFolder)
                try FileSystem.rename(temp, folder)
            } catch {
                throw WriteError(path: folder, error: error)
            }
            try? FileSystem.syncDirectory(parent)
            return .createdFolder
        }
        if plan.folderIsPipegenOnly, let mode = try? FileSystem.permissions(folder),
            (try? FileSystem.setPermissions(temp, mode)) != nil, (try? beforeStep(.exchange)) != nil,
            RenameExchange.exchange(temp, folder)
        {
            try? FileSystem.syncDirectory(parent)
            return .swappedFolder
        }
        try renameFiles(plan, from: temp)
        return .renamedFiles
    }

    /// One reversible step of the per-file path.
    private enum Undo {
        case delete(String)
        case restore(String)
    }

    private func renameFiles(_ plan: OutputPlan, from temp: String) throws(WriteError) {
        let backups = Paths.join(temp, ".old")
        var done: [Undo] = []
        do throws(WriteError) {
            try attempt(backups) { () throws(SystemError) in try FileSystem.makeDirectory(backups) }
            for (file, action) in plan.files where action != .unchanged {
                let target = Paths.join(folder, file.name)
                if case .update(let old) = action {
                    try backUp(target, old, to: Paths.join(backups, file.name))
                }
                try attempt(target) { () throws(SystemError) in
                    try beforeStep(.moveIn(file.name))
                    try FileSystem.rename(Paths.join(temp, file.name), target)
                }
                done.append(action == .create ? .delete(file.name) : .restore(file.name))
            }
            for (name, _) in plan.stale {
                let target = Paths.join(folder, name)
                try attempt(target) { () throws(SystemError) in
                    try beforeStep(.moveOut(name))
                    try FileSystem.rename(target, Paths.join(backups, name))
                }
                done.append(.restore(name))
            }
            try? FileSystem.syncDirectory(folder)
        } catch {
            for step in done.reversed() {
                switch step {
                case .delete(let name): try? FileSystem.remove(Paths.join(folder, name))
                case .restore(let name): try? FileSystem.rename(Paths.join(backups, name), Paths.join(folder, name))
                }
            }
            try? FileSystem.syncDirectory(folder)
            throw error
        }
    }

    /// Keeps the current `target` at `backup`: a hard link where possible, else a copy of `old`.
    private func backUp(_ target: String, _ old: [UInt8], to backup: String) throws(WriteError) {
        try attempt(target) { () throws(SystemError) in try beforeStep(.backUp(Paths.name(target))) }
        do {
            try FileSystem.link(target, backup)
        } catch {
            try attempt(target) { () throws(SystemError) in try FileSystem.writeNew(backup, old) }
        }
    }

    private func makeTemporaryFolder(in parent: String) throws(WriteError) -> String {
        var lastError = SystemError(0)
        for _ in 0..<8 {
            let random = String(UInt64.random(in: .min ... .max), radix: 16)
            let path = Paths.join(parent, ".\(Paths.name(folder)).pipegen-tmp-\(random)")
            do {
                try beforeStep(.makeTemporaryFolder)
                try FileSystem.makeDirectory(path)
                return path
            } catch {
                lastError = error
                if error.code != EEXIST { break }
            }
        }
        throw WriteError(path: folder, error: lastError)
    }

    private func attempt(_ path: String, _ body: () throws(SystemError) -> Void) throws(WriteError) {
        do { try body() } catch { throw WriteError(path: path, error: error) }
    }
}

/// A write into the output folder failed; `path` is absolute.
struct WriteError: Error {
    var path: String
    var error: SystemError
}
