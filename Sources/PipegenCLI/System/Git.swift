import Glibc

/// Runs `git` and reads what it prints, for `diff --against REF`: the committed templates are
/// read with `git show REF:path`, so nothing is checked out and the working tree is untouched.
enum Git {
    /// What a finished `git` printed.
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// A failure to start git or of git itself; `message` follows `error: `.
    struct Failure: Error {
        var message: String
    }

    /// Runs `git -C folder arguments...` with the process's environment and waits for it;
    /// both streams are read as they fill, so neither can block git.
    static func run(_ arguments: [String], in folder: String) throws(Failure) -> Output {
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0, pipe(&err) == 0 else {
            throw Failure(message: "cannot run git: \(SystemError.last.message)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        for fd in out + err { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ["git", "-C", folder] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, &cArguments, environ)
        close(out[1])
        close(err[1])
        defer {
            close(out[0])
            close(err[0])
        }
        guard spawned == 0 else {
            throw Failure(
                message: "cannot run git: \(SystemError(spawned).message); 'diff --against' needs git for a ref")
        }
        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var fds = [
            pollfd(fd: out[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: err[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open > 0 {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    fds[i].fd = -1
                    open -= 1
                } else if i == 0 {
                    stdout += buffer[..<n]
                } else {
                    stderr += buffer[..<n]
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7f == 0
        return Output(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: stdout,
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The files directly in `folder` (a path from the repository's root) at `ref`, with their
    /// bytes: `git ls-tree` lists them with their sizes, and one `git show ref:path ...` prints
    /// them back to back. `from` is any folder inside the repository.
    static func files(at ref: String, folder: String, from: String) throws(Failure) -> [(name: String, bytes: [UInt8])]
    {
        let prefix = folder.isEmpty || folder == "." ? "" : folder + "/"
        let listing = try run(
            ["ls-tree", "-l", "-z", "--full-tree", ref, "--", prefix.isEmpty ? "." : prefix], in: from)
        guard listing.status == 0 else {
            throw Failure(message: "git cannot read '\(ref)': \(firstLine(listing.stderr))")
        }
        var entries: [(name: String, path: String, size: Int)] = []
        for record in listing.stdout.split(separator: 0) {
            // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let fields = record[..<tab].split(separator: 0x20)
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4, fields[1].elementsEqual("blob".utf8),
                let size = Int(String(decoding: fields[3], as: UTF8.self))
            else { continue }
            entries.append((String(path.dropFirst(prefix.count)), path, size))
        }
        guard !entries.isEmpty else { return [] }
        let shown = try run(["show", "--no-textconv"] + entries.map { "\(ref):\($0.path)" }, in: from)
        guard shown.status == 0, shown.stdout.count == entries.reduce(0, { $0 + $1.size }) else {
            throw Failure(message: "git cannot show the templates at '\(ref)': \(firstLine(shown.stderr))")
        }
        var offset = 0
        return entries.map { entry in
            defer { offset += entry.size }
            return (entry.name, Array(shown.stdout[offset..<(offset + entry.size)]))
        }
    }

    /// The path of `folder` (absolute, inside a work tree) from the repository's root, with
    /// symlinks resolved as git resolves them.
    static func pathFromRoot(of folder: String) throws(Failure) -> String {
        let result = try run(["rev-parse", "--show-prefix"], in: folder)
        guard result.status == 0 else {
            throw Failure(message: "'\(folder)' is not in a git repository: \(firstLine(result.stderr))")
        }
        var prefix = String(decoding: result.stdout, as: UTF8.self)
        while prefix.hasSuffix("\n") || prefix.hasSuffix("/") { prefix.removeLast() }
        return prefix
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? "failed"
        return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
    }
}
