import Glibc
import Testing

@testable import PipegenCLI

/// `pipegen render` when the file system fails under it: every step of the output write failed
/// in turn, a crash before every step (the disk as the step found it), a disk that fills up
/// part way, a read-only file system, an output folder that is a mount point. After each, the
/// run either succeeded with the new templates, or exited 4 with one `error:` line and left the
/// output folder as it was; never a mix of old and new (with or without files pipegen did not
/// write), never a half-written file, and no temporary folder except after a crash, which the
/// next run removes, as `AtomicWriter` documents.
@Suite struct FileSystemFaultTests {
    /// The templates a previous render left: the config below with `stage` where it now has `prod`.
    static let oldConfig = """
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
          - name: stage
            account: "333333333333"
        pipelines:
          infrastructure-deployment: {}

        """
    /// The config rendered now: `tooling.yaml` changes, `dev.yaml` stays, `prod.yaml` is new,
    /// `stage.yaml` is stale.
    static let newConfig = oldConfig.replacing("stage", with: "prod").replacing("333333333333", with: "444444444444")

    /// What the output folder holds before the render.
    enum Start: String, CaseIterable, CustomTestStringConvertible {
        /// No output folder: the temporary folder is renamed into place.
        case noFolder
        /// Only pipegen's files: the folders are swapped in one step.
        case pipegenOnly
        /// A hand-written file too: carried into the new folder, then swapped in one step.
        case besideForeignFile

        var testDescription: String { rawValue }
    }

    /// A root folder holding `pipegen.yaml` (the new config) and the output folder of `start`.
    static func setUp(_ start: Start, in root: String, output: String = "templates") throws {
        if start != .noFolder {
            try write(oldConfig, to: "\(root)/pipegen.yaml")
            let run = pipegen(["render", "--out", output], in: root)
            #expect(run.code == 0, "\(run.stderr)")
            if start == .besideForeignFile { try write("hand-written notes\n", to: "\(root)/\(output)/notes.md") }
        }
        try write(newConfig, to: "\(root)/pipegen.yaml")
    }

    /// The output folder before and after a successful render, and the steps the write takes.
    static func reference(_ start: Start) throws -> (old: [String: String], new: [String: String], steps: [AtomicWriter.Step]) {
        try withTemporaryFolder { root in
            try setUp(start, in: root)
            let old = subtree(try tree(root), "templates/")
            var steps: [AtomicWriter.Step] = []
            let run = pipegen(["render"], in: root) { step throws(SystemError) in steps.append(step) }
            #expect(run.code == 0, "\(run.stderr)")
            return (old, subtree(try tree(root), "templates/"), steps)
        }
    }

    @Test(arguments: Start.allCases)
    func theReferenceRunTakesTheExpectedPath(_ start: Start) throws {
        let (old, new, steps) = try Self.reference(start)
        #expect(old != new)
        #expect(new["tooling.yaml"] != nil && new["prod.yaml"] != nil && new["stage.yaml"] == nil)
        #expect(start != .pipegenOnly || old["dev.yaml"] == new["dev.yaml"], "dev.yaml does not change")
        let writes = steps.filter { if case .write = $0 { true } else { false } }
        #expect(writes == ["tooling.yaml", "dev.yaml", "prod.yaml"].map { .write($0) })
        switch start {
        case .noFolder: #expect(steps.contains(.createFolder) && steps.contains(.makeParent))
        case .pipegenOnly: #expect(steps.contains(.exchange) && !steps.contains(.moveIn))
        case .besideForeignFile: #expect(steps.contains(.carry("notes.md")) && steps.contains(.exchange) && !steps.contains(.moveIn))
        }
        #expect(steps.last == .removeTemporaryFolder)
    }

    /// How the error line names the path a failed step was writing.
    static func reportedPath(_ step: AtomicWriter.Step) -> String {
        switch step {
        case .write(let name), .sync(let name), .carry(let name): "templates/\(name)"
        default: "templates"
        }
    }

    /// Fails each step in turn (ENOSPC for writes, EIO for the rest): exit 4, one line naming
    /// the path and the reason, and the whole root folder exactly as before. Two steps are
    /// not fatal by design: a failed swap falls back to renaming the two folders, and a
    /// temporary folder that cannot be deleted after a successful write is left behind (exit 0;
    /// the next run deletes it).
    @Test(arguments: Start.allCases)
    func aFailureAtAnyStepChangesNothing(_ start: Start) throws {
        let (_, new, steps) = try Self.reference(start)
        for (index, failing) in steps.enumerated() {
            try withTemporaryFolder { root in
                try Self.setUp(start, in: root)
                let before = try tree(root)
                let errno: Int32 = if case .write = failing { ENOSPC } else { EIO }
                var seen = 0
                let run = pipegen(["render"], in: root) { step throws(SystemError) in
                    defer { seen += 1 }
                    if seen == index { throw SystemError(errno) }
                }
                let after = try tree(root)
                let label = "\(start) failing at step \(index) \(failing)"
                switch failing {
                case .exchange:
                    #expect(run.code == 0, "\(label)")
                    #expect(subtree(after, "templates/") == new, "\(label)")
                    #expect(temporaryFolders(in: after).isEmpty, "\(label)")
                case .removeTemporaryFolder where index == steps.count - 1:
                    #expect(run.code == 0, "\(label)")
                    #expect(subtree(after, "templates/") == new, "\(label)")
                    #expect(temporaryFolders(in: after).count == 1, "\(label)")
                    // The next run deletes it.
                    #expect(pipegen(["render"], in: root).code == 0, "\(label)")
                    #expect(temporaryFolders(in: try tree(root)).isEmpty, "\(label)")
                default:
                    #expect(run.code == ExitCode.fileError, "\(label)")
                    #expect(run.stdout == "", "\(label)")
                    expectSnapshot(
                        run.stderr, "error: cannot write '\(Self.reportedPath(failing))': \(SystemError(errno).message)\n")
                    #expect(after == before, "\(label)")
                }
            }
        }
    }

    /// A crash just before each step leaves the disk as the step found it: always the whole
    /// old set or the whole new set, foreign file included. A temporary folder may be left
    /// beside the output folder; a second render deletes it and writes the new set.
    @Test(arguments: Start.allCases)
    func aCrashBeforeAnyStepLeavesOldOrNew(_ start: Start) throws {
        let (old, new, steps) = try Self.reference(start)
        var mixed: [AtomicWriter.Step] = []
        for (index, crashing) in steps.enumerated() {
            let image: [String: String] = try withTemporaryFolder { root in
                try Self.setUp(start, in: root)
                var seen = 0
                var image: [String: String] = [:]
                _ = pipegen(["render"], in: root) { step throws(SystemError) in
                    defer { seen += 1 }
                    if seen == index { image = (try? tree(root)) ?? [:] }
                }
                return image
            }
            let label = "\(start) crashing before step \(index) \(crashing)"
            let output = subtree(image, "templates/")
            if output != old && output != new { mixed.append(crashing) }
            #expect(temporaryFolders(in: image).count <= 1, "\(label)")
            // Recovery: render again from the crash image.
            try withTemporaryFolder { root in
                try materialize(image, in: root)
                let run = pipegen(["render"], in: root)
                #expect(run.code == 0, "\(label): \(run.stderr)")
                let after = try tree(root)
                #expect(subtree(after, "templates/") == new, "\(label)")
                #expect(temporaryFolders(in: after).isEmpty, "\(label)")
            }
        }
        #expect(mixed.isEmpty, "\(start): \(mixed)")
    }
}

/// Real file-system faults on small tmpfs mounts (root with CAP_SYS_ADMIN only).
@Suite(.enabled(if: Mounts.available, "needs permission to mount a tmpfs"))
struct MountedFileSystemFaultTests {
    /// Fills a 256 KB file system to leave 0, 4, 8, ... KB free and renders into it, from each
    /// start: either all the new files fit and the render succeeds, or it fails with one
    /// `no space left on device` line and the folder stays old, with nothing left behind.
    @Test(arguments: FileSystemFaultTests.Start.allCases)
    func diskFullPartWay(_ start: FileSystemFaultTests.Start) throws {
        var outcomes: [String] = []
        for pages in 0...24 {
            try withTemporaryFolder { root in
                try FileSystem.makeDirectory("\(root)/disk")
                try Mounts.withTmpfs(at: "\(root)/disk", bytes: 256 * 1024) {
                    try FileSystemFaultTests.setUp(start, in: root, output: "disk/templates")
                    try Mounts.fill("\(root)/disk/ballast", leaving: pages * 4096)
                    let before = try tree(root)
                    let run = pipegen(["render", "--out", "disk/templates"], in: root)
                    let after = try tree(root)
                    let label = "\(start) with \(pages) pages free"
                    if run.code == 0 {
                        #expect(run.stderr == "", "\(label)")
                        outcomes.append("\(pages): ok")
                    } else {
                        #expect(run.code == ExitCode.fileError, "\(label)")
                        #expect(run.stdout == "", "\(label)")
                        #expect(
                            run.stderr.hasPrefix("error: cannot write 'disk/templates")
                                && run.stderr.hasSuffix("': no space left on device\n")
                                && run.stderr.filter { $0 == "\n" }.count == 1,
                            "\(label): \(run.stderr)")
                        #expect(after == before, "\(label)")
                        outcomes.append("\(pages): full")
                    }
                    #expect(temporaryFolders(in: subtree(after, "disk/")).isEmpty, "\(label)")
                }
            }
        }
        // Both outcomes happen: small enough to fail at first, big enough to succeed at last.
        #expect(outcomes.first == "0: full" && outcomes.last == "24: ok", "\(outcomes)")
    }

    /// A read-only file system stops the write before anything changes, even for root.
    @Test(arguments: FileSystemFaultTests.Start.allCases)
    func readOnlyFileSystem(_ start: FileSystemFaultTests.Start) throws {
        try withTemporaryFolder { root in
            try FileSystem.makeDirectory("\(root)/disk")
            try Mounts.withTmpfs(at: "\(root)/disk", bytes: 1024 * 1024) {
                try FileSystemFaultTests.setUp(start, in: root, output: "disk/templates")
                if start == .noFolder { try FileSystem.makeDirectory("\(root)/disk/out") }
                try Mounts.remountReadOnly("\(root)/disk")
                let before = try tree(root)
                let out = start == .noFolder ? "disk/out/templates" : "disk/templates"
                let run = pipegen(["render", "--out", out], in: root)
                #expect(run.code == ExitCode.fileError)
                expectSnapshot(run.stderr, "error: cannot write '\(out)': read-only file system\n")
                #expect(try tree(root) == before)
            }
        }
    }

    /// An output folder that is itself a mount point cannot be swapped or renamed: the render
    /// says so and changes nothing, as `AtomicWriter` documents.
    @Test func outputFolderIsAMountPoint() throws {
        try withTemporaryFolder { root in
            try FileSystemFaultTests.setUp(.pipegenOnly, in: root)
            let old = try tree("\(root)/templates")
            try Mounts.withTmpfs(at: "\(root)/templates", bytes: 1024 * 1024) {
                try materialize(old, in: "\(root)/templates")
                let before = try tree(root)
                let run = pipegen(["render"], in: root)
                #expect(run.code == ExitCode.fileError)
                expectSnapshot(
                    run.stderr,
                    "error: cannot replace 'templates' as a whole: it is a mount point; write to a folder inside it, "
                        + "or mount the folder above it\n")
                #expect(try tree(root) == before)
            }
        }
    }
}
