import PipegenConfig
import PipegenKit

extension Workspace {
    /// Refuses, before the config is read, to derive an output folder from a config that has
    /// no folder of its own: standard input (`-`), or a special file such as `/dev/stdin` or
    /// a pipe (`<(...)`), whose folder (`/dev`) is no place for templates.
    func checkConfigCanPlaceOutput() throws(CLIError) {
        guard outOption == nil else { return }
        if case .none = output { return }
        if readsStandardInput {
            throw .usage(
                UsageError(
                    "'-' reads the config from standard input, which has no folder to put the output in",
                    help: "give the output folder with --out DIR", command: command))
        }
        if Self.isSpecial(configPath) {
            throw .usage(
                UsageError(
                    "'\(configDisplay)' is a device or special file, so pipegen does not derive an output folder from its path",
                    help: "give the output folder with --out DIR, or read the config from standard input with '-'",
                    command: command))
        }
    }

    /// True when `path` is no ordinary file in an ordinary folder: a device, pipe or socket,
    /// or a path that lies in `/dev` itself or in `/proc`, or leads there through a symlink
    /// (`/dev/stdin`, `/dev/fd/63` from `<(...)`, `/proc/self/fd/0`), whatever file it
    /// reaches. (Folders below `/dev`, such as the `/dev/shm` file system, are ordinary.)
    static func isSpecial(_ path: String) -> Bool {
        func isSystemFolder(_ folder: String) -> Bool {
            folder == "/dev" || folder == "/proc" || folder.hasPrefix("/proc/")
        }
        func inSystemFolder(_ file: String) -> Bool {
            let folder = Paths.parent(file)
            return isSystemFolder(folder) || isSystemFolder(FileSystem.realPath(folder) ?? folder)
        }
        if inSystemFolder(path) { return true }
        var current = path
        for _ in 0..<40 {
            guard (try? FileSystem.kind(current)) == .symlink, let target = try? FileSystem.readLink(current) else { break }
            current = Paths.absolute(target, base: Paths.parent(current))
            if inSystemFolder(current) { return true }
        }
        guard let kind = try? FileSystem.kind(path, followingSymlinks: true) else { return false }
        return kind == .other
    }

    /// Takes the folder and format from the config where no option gave them.
    mutating func settleOutput(_ settings: OutputSettings, io: CLIIO) {
        if formatOption == nil, let format = settings.format { self.format = format.value }
        guard outOption == nil, case .templates = output, let folder = settings.folder else { return }
        outDisplay = Paths.folded(Paths.typedParent(configDisplay).map { Paths.join($0, folder.value) } ?? folder.value)
        outPath = Paths.absolute(outDisplay, base: io.workingDirectory)
        folderMark = folder.mark
    }

    /// Refuses an output folder that `render` could not replace as a whole without taking
    /// more with it: the config's own folder or one above it, and the working folder or one
    /// above it (a shell there would be left in the old, deleted folder).
    func checkReplaceable(io: inout CLIIO) throws(CLIError) {
        let configFolder = readsStandardInput ? nil : Paths.parent(configPath)
        let holds = { (inner: String) in inner == outPath || outPath == "/" || inner.hasPrefix(outPath + "/") }
        let what: String
        if let configFolder, holds(configFolder) {
            what = "holds the config '\(configDisplay)'"
        } else if holds(io.workingDirectory) {
            what = "is the current folder or holds it"
        } else {
            return
        }
        let message = "the output folder '\(outDisplay)' \(what); pipegen replaces the output folder as a whole"
        if let folderMark, outOption == nil {
            io.emit(
                [.error(message, at: folderMark, notes: [.help("set 'folder' to a folder of its own, such as 'templates'")])],
                in: configSource, kind: .config)
            throw .invalidConfig
        }
        throw .usage(UsageError(message, help: "give the templates a folder of their own, such as --out templates", command: command))
    }
}
