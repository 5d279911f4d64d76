import Glibc
import PipegenKit
import Testing

@testable import PipegenCLI

/// The write strategies of `AtomicWriter`, and that a failure at any step changes nothing.
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
            #expect(plan.folderIsPipegenOnly)
            let method = try AtomicWriter(folder: folder).commit(plan)
            #expect(method == (try Self.exchangeWorks() ? .swappedFolder : .renamedFiles))
            #expect(try tree(folder) == Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }))
            #expect(try FileSystem.permissions(folder) == 0o750)
            try Self.expectNoTemporaryFolders(root)
        }
    }

    @Test func renamesFileByFileBesideForeignFiles() throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            let unchanged = inode("\(folder)/c.yaml")
            let plan = try OutputPlan(files: files, folder: folder)
            #expect(!plan.folderIsPipegenOnly)
            #expect(try AtomicWriter(folder: folder).commit(plan) == .renamedFiles)
            var expected = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
            expected["notes.txt"] = "notes\n"
            #expect(try tree(folder) == expected)
            #expect(inode("\(folder)/c.yaml") == unchanged)
            try Self.expectNoTemporaryFolders(root)
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

    /// Fails the per-file path at each of its renames in turn (create a, update b, remove d).
    @Test(arguments: ["a.yaml", "b.yaml", "d.yaml"])
    func aFailedRenameIsRolledBack(_ failing: String) throws {
        try withTemporaryFolder { root in
            let (folder, files) = try Self.setUp(root, pipegenOnly: false)
            let before = try tree(root)
            var writer = AtomicWriter(folder: folder)
            writer.beforeStep = { step throws(SystemError) in
                if step == .moveIn(failing) || step == .moveOut(failing) { throw SystemError(EIO) }
            }
            #expect(throws: WriteError.self) { try writer.commit(try OutputPlan(files: files, folder: folder)) }
            #expect(try tree(root) == before)
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
