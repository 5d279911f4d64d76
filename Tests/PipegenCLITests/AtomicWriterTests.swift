import Foundation
import Glibc
import PipegenKit
import Testing

@testable import PipegenCLI

/// `AtomicWriter`: the output folder replaced as a whole, with or without files pipegen did
/// not write, and the temporary folders of interrupted runs.
@Suite struct AtomicWriterTests {
    static func generated(_ body: String) -> String { "# \(GeneratedHeader.text(configPath: "../p.yaml"))\n\(body)\n" }

    /// New files a (created), b (updated) and c (unchanged) against a folder holding the old b,
    /// c, a stale d and, unless `pipegenOnly`, a foreign notes.txt.
    static func setUp(_ root: String, pipegenOnly: Bool) throws -> (folder: String, files: [RenderedFile]) {
        let folder = "\(root)/templates"
        try FileSystem.makeDirectory(folder)
        try write(generated("b: old"), to: "\(folder)/b.yaml")
        try write(generated("c: same"), to: "\(folder)/c.yaml")
        try write(generated("d: stale"), to: "\(folder)/d.yaml")
        if !pipegenOnly { try write("notes\n", to: "\(folder)/notes.txt") }
        let files = [("a.yaml", "a: new"), ("b.yaml", "b: new"), ("c.yaml", "c: same")].map {
            RenderedFile(name: $0.0, contents: generated($0.1), resourceCount: 1)
        }
        return (folder, files)
    }

    /// Whether this file system swaps folders with RENAME_EXCHANGE.
    static func exchangeWorks() throws -> Bool {
        try withTemporaryFolder { root in
            try FileSystem.makeDirectory("\(root)/x")
            try FileSystem.makeDirectory("\(root)/y")
            return RenameExchange.exchange("\(root)/x", "\(root)/y")
        }
    }

    static func expectNoTemporaryFolders(_ root: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let leftovers = try FileSystem.list(root).names.filter { $0.contains(".pipegen-tmp-") }
        #expect(leftovers.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func swapsAFolderThatHoldsOnlyPipegenFiles() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: true)
            chmod(folder, 0o750)
            let plan = try OutputPlan(files: files, folder: folder)
            let method = try AtomicWriter(folder: folder).commit(plan)
            #expect(method == (try Self.exchangeWorks() ? .swappedFolder : .renamedFolders))
            #expect(try tree(folder) == Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }))
            #expect(try FileSystem.permissions(folder) == 0o750)
            try Self.expectNoTemporaryFolders(root)
        }
    }

    /// The folder is replaced as a whole beside files pipegen did not write: they are carried
    /// into the new folder as the same files (hard links), subfolders and symlinks included.
    @Test func swapsAFolderBesideForeignFilesAndKeepsThem() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            try FileSystem.makeDirectories("\(folder)/docs/img")
            try write("diagram\n", to: "\(folder)/docs/img/a.txt")
            chmod("\(folder)/docs", 0o700)
            try write("", to: "\(folder)/.gitkeep")
            #expect(symlink("notes.txt", "\(folder)/README") == 0)
            let notes = inode("\(folder)/notes.txt"), deep = inode("\(folder)/docs/img/a.txt"), unchanged = inode("\(folder)/c.yaml")
            let plan = try OutputPlan(files: files, folder: folder)
            #expect(try AtomicWriter(folder: folder).commit(plan) == (try Self.exchangeWorks() ? .swappedFolder : .renamedFolders))
            var expected = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
            expected["notes.txt"] = "notes\n"
            expected[".gitkeep"] = ""
            expected["README"] = "notes\n"
            expected["docs/"] = "<dir>"
            expected["docs/img/"] = "<dir>"
            expected["docs/img/a.txt"] = "diagram\n"
            #expect(try tree(folder) == expected)
            #expect(inode("\(folder)/notes.txt") == notes && inode("\(folder)/docs/img/a.txt") == deep)
            #expect(inode("\(folder)/c.yaml") == unchanged, "an unchanged file is linked, not rewritten")
            #expect(try FileSystem.kind("\(folder)/README") == .symlink)
            #expect(try FileSystem.permissions("\(folder)/docs") == 0o700)
            try Self.expectNoTemporaryFolders(root)
        }
    }

    /// A symlinked output folder stays a symlink; the folder it points to is replaced.
    @Test func aSymlinkedFolderIsReplacedWhereItPoints() throws {
        try withTemporaryFolder { root in
            try FileSystem.makeDirectory("\(root)/real")
            let (_, files) = try Self.setUp("\(root)/real", pipegenOnly: false)
            #expect(symlink("real/templates", "\(root)/templates") == 0)
            let plan = try OutputPlan(files: files, folder: "\(root)/templates")
            _ = try AtomicWriter(folder: "\(root)/templates").commit(plan)
            #expect(try FileSystem.kind("\(root)/templates") == .symlink)
            #expect(try read("\(root)/templates/a.yaml") == Self.generated("a: new"))
            #expect(try read("\(root)/templates/notes.txt") == "notes\n")
            try Self.expectNoTemporaryFolders("\(root)/real")
        }
    }

    @Test func createsAMissingFolderInOneRename() throws {
        try withTemporaryFolder { root in
            let folder = "\(root)/a/b/templates"
            let files = [RenderedFile(name: "t.yaml", contents: Self.generated("t: 1"), resourceCount: 1)]
            #expect(
                try AtomicWriter(folder: folder).commit(try OutputPlan(files: files, folder: folder)) == .createdFolder)
            #expect(try tree(folder) == ["t.yaml": Self.generated("t: 1")])
            try Self.expectNoTemporaryFolders("\(root)/a/b")
        }
    }

    @Test func doesNothingWhenNothingChanged() throws {
        try withTemporaryFolder { root in
            let folder = "\(root)/templates"
            try FileSystem.makeDirectory(folder)
            try write(Self.generated("t: 1"), to: "\(folder)/t.yaml")
            let files = [RenderedFile(name: "t.yaml", contents: Self.generated("t: 1"), resourceCount: 1)]
            #expect(
                try AtomicWriter(folder: folder).commit(try OutputPlan(files: files, folder: folder)) == .nothingToDo)
        }
    }

    /// Without RENAME_EXCHANGE the old folder is moved away and the new one in; a failure of
    /// the second rename puts the old folder back.
    @Test func withoutExchangeTheFoldersAreRenamed() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            var writer = AtomicWriter(folder: folder)
            writer.beforeStep = { step throws(SystemError) in if step == .exchange { throw SystemError(EINVAL) } }
            #expect(try writer.commit(try OutputPlan(files: files, folder: folder)) == .renamedFolders)
            #expect(try read("\(folder)/a.yaml") == Self.generated("a: new") && (try read("\(folder)/notes.txt")) == "notes\n")
            try Self.expectNoTemporaryFolders(root)
        }
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            let before = try tree(root)
            var writer = AtomicWriter(folder: folder)
            writer.beforeStep = { step throws(SystemError) in
                if step == .exchange { throw SystemError(EINVAL) }
                if step == .moveIn { throw SystemError(EIO) }
            }
            #expect(throws: WriteError.self) { try writer.commit(try OutputPlan(files: files, folder: folder)) }
            #expect(try tree(root) == before)
        }
    }

    /// A run killed between the two renames left no output folder and the old one in its
    /// temporary folder: the next run puts it back before it reads the folder.
    @Test func recoveryPutsBackAFolderLeftMovedAway() throws {
        try withTemporaryFolder { root in
            let (folder, _) = try Self.setUp(root, pipegenOnly: false)
            let old = try tree(folder)
            let temp = "\(root)/.templates.pipegen-tmp-dead"
            try FileSystem.makeDirectory(temp)
            try write("*\n", to: "\(temp)/.gitignore")
            try FileSystem.rename(folder, "\(temp)/old")
            AtomicWriter(folder: folder).recover()
            #expect(try tree(folder) == old)
            try Self.expectNoTemporaryFolders(root)
        }
    }

    /// A temporary folder whose lock a live process holds is another run's: left alone.
    /// Once its holder is gone (the lock dies with it), the next run deletes it.
    @Test func aLiveRunsTemporaryFolderIsLeftAlone() throws {
        try withTemporaryFolder { root in
            let folder = "\(root)/templates"
            let temp = "\(root)/.templates.pipegen-tmp-live"
            try FileSystem.makeDirectories("\(temp)/new")
            let lock = try #require(DirectoryTree.tryLock(temp))
            AtomicWriter(folder: folder).recover()
            #expect(try FileSystem.kind(temp) == .directory)
            close(lock)
            AtomicWriter(folder: folder).recover()
            #expect(try FileSystem.kind(temp) == nil)
        }
    }

    /// A file another program creates in the old folder while the new one is built is moved
    /// across after the swap, not lost with the old folder.
    @Test func aFileThatAppearsDuringTheWriteIsKept() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            var writer = AtomicWriter(folder: folder)
            writer.beforeStep = { step throws(SystemError) in
                if step == .exchange { try? write("late\n", to: "\(folder)/late.txt") }
            }
            _ = try writer.commit(try OutputPlan(files: files, folder: folder))
            #expect(try read("\(folder)/late.txt") == "late\n")
            #expect(try read("\(folder)/a.yaml") == Self.generated("a: new"))
        }
    }

    /// At every step of a write, in a git repository, `git status` (untracked files listed one
    /// by one) shows nothing of the temporary folder, and every path in it starts with a dot
    /// folder, which `cfn-lint **/*.yaml` globs and `checkov -d .` skip.
    @Test(.enabled(if: (try? FileSystem.kind("/usr/bin/git")) != nil, "needs git"))
    func gitStatusNeverShowsTheTemporaryFolder() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            let initialize = try Process.run(URL(fileURLWithPath: "/usr/bin/git"), arguments: ["init", "-q", root])
            initialize.waitUntilExit()
            var writer = AtomicWriter(folder: folder)
            var steps = 0
            writer.beforeStep = { step throws(SystemError) in
                steps += 1
                let status = (try? RenderKillTests.gitStatus(root)) ?? "git failed"
                #expect(!status.contains(".pipegen-tmp-"), "before \(step): \(status)")
                for name in (try? FileSystem.list(root).names) ?? [] where name.contains(".pipegen-tmp-") {
                    #expect(name.hasPrefix("."))
                }
            }
            _ = try writer.commit(try OutputPlan(files: files, folder: folder))
            #expect(steps >= 8)
        }
    }

    @Test func aFailedFolderCreationLeavesNothing() throws {
        try withTemporaryFolder { root in
            let folder = "\(root)/templates"
            let files = [RenderedFile(name: "t.yaml", contents: Self.generated("t: 1"), resourceCount: 1)]
            var writer = AtomicWriter(folder: folder)
            writer.beforeStep = { step throws(SystemError) in if step == .createFolder { throw SystemError(ENOSPC) } }
            #expect(throws: WriteError.self) { try writer.commit(try OutputPlan(files: files, folder: folder)) }
            let left = try tree(root)
            #expect(left.isEmpty)
        }
    }

    @Test func rendererFileNamesAreChecked() {
        func names(_ names: String...) -> [RenderedFile] {
            names.map { RenderedFile(name: $0, contents: "", resourceCount: 0) }
        }
        #expect(throws: Never.self) { try Workspace.checkNames(names("tooling.yaml", "dev.yaml")) }
        for bad in [names("../x.yaml"), names("a/b.yaml"), names(".hidden"), names(""), names("t.yaml", "t.yaml")] {
            #expect(throws: CLIError.self) { try Workspace.checkNames(bad) }
        }
    }

    @Test func internalErrorsSayTheyAreBugs() {
        var io = CLIIO.capturing(workingDirectory: "/")
        #expect(io.report(.internalError(["resource 'Topic' has no type", "second problem"])) == 70)
        #expect(
            io.stderr.text == """
                internal error: resource 'Topic' has no type
                internal error: second problem
                note: this is a bug in pipegen; please report it with your config

                """)
        #expect(io.stdout.text == "")
    }

    @Test(arguments: [
        ("/p/templates", "/p/pipegen.yaml", "../pipegen.yaml"),
        ("/p/infra/templates", "/p/infra/pipegen.yaml", "../pipegen.yaml"),
        ("/p/build/cfn", "/p/infra/pipegen.yaml", "../../infra/pipegen.yaml"),
        ("/p", "/p/pipegen.yaml", "pipegen.yaml"),
        ("/", "/pipegen.yaml", "pipegen.yaml"),
    ])
    func relativePaths(_ from: String, _ to: String, _ expected: String) {
        #expect(Paths.relative(from: from, to: to) == expected)
    }

    @Test func absolutePathsAreNormalisedLexically() {
        #expect(Paths.absolute("./a//b/../c/", base: "/w") == "/w/a/c")
        #expect(Paths.absolute("/x/./y", base: "/w") == "/x/y")
        #expect(Paths.absolute("../../..", base: "/w") == "/")
    }
}
