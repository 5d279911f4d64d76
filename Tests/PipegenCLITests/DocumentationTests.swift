import Glibc
import PipegenConfig
import Testing
import TestSupport

@testable import PipegenCLI

/// `--help`, the man page, the shell completions and the docs describe the same commands:
/// help, man page and completions are made from each command's `CommandSpec`, and these tests
/// hold the generated and the written documentation to it.
@Suite struct DocumentationTests {
    static let root = Golden.repositoryRoot(from: #filePath)
    static let specs = Subcommands.all.map { $0.spec }

    @Test(arguments: specs.map(\.name))
    func manPageHasEveryCommandAndOption(_ name: String) throws {
        let spec = try #require(Subcommands.named(name)?.spec)
        let page = ManPage.text(Self.specs)
        #expect(page.contains(".SS \"pipegen \(ManPage.escape(spec.usageLines[0]))"))
        for option in spec.options { #expect(page.contains("\\fB\\-\\-\(ManPage.escape(option.long))\\fR"), "\(option.long)") }
        for (code, _) in ExitCode.documented { #expect(page.contains(".B \(code)\n")) }
    }

    @Test(arguments: specs.map(\.name))
    func completionsHaveEveryCommandAndOption(_ name: String) throws {
        let spec = try #require(Subcommands.named(name)?.spec)
        let bash = Completions.bash(Self.specs)
        let zsh = Completions.zsh(Self.specs)
        let fish = Completions.fish(Self.specs)
        #expect(bash.contains("        \(name))\n"))
        #expect(zsh.contains("        \(name))\n"))
        #expect(fish.contains("-a \(name) -d "))
        for option in spec.allOptions {
            let bashCase = try #require(bash.components(after: "        \(name))\n"))
            #expect(bashCase.contains("--\(option.long)"), "bash \(name) --\(option.long)")
            let zshSpelling = option.short.map { "{-\($0),--\(option.long)}'[" } ?? "'--\(option.long)["
            #expect(zsh.contains(zshSpelling), "zsh --\(option.long)")
            #expect(fish.contains("'__fish_seen_subcommand_from \(name)'\(option.short.map { " -s \($0)" } ?? "") -l \(option.long)"))
            for choice in option.choices { #expect(bash.contains(choice) && zsh.contains(choice) && fish.contains(choice)) }
        }
    }

    @Test func completionCommandPrintsEachShell() {
        for shell in CompletionCommand.shells {
            let run = pipegen(["completion", shell], in: "/")
            #expect(run.code == 0)
            #expect(run.stdout.contains("completion for pipegen"))
        }
        let bad = pipegen(["completion", "tcsh"], in: "/")
        #expect(bad.code == ExitCode.usage)
        #expect(bad.stderr.hasPrefix("error: unknown shell 'tcsh'; expected one of bash, zsh, fish"))
    }

    /// docs/COMMANDS.md has a section for every subcommand and names each of its options.
    @Test(arguments: specs.map(\.name))
    func commandsDocumentHasEveryCommandAndOption(_ name: String) throws {
        let spec = try #require(Subcommands.named(name)?.spec)
        let text = try read("\(Self.root)/docs/COMMANDS.md")
        let heading = text.components(separatedBy: "\n## ").first { $0.hasPrefix(name) || $0.hasPrefix("help and version") && ["help", "version"].contains(name) }
        let section = try #require(heading, "docs/COMMANDS.md has no '## \(name)' section")
        for option in spec.options { #expect(section.contains("--\(option.long)"), "docs/COMMANDS.md, \(name): --\(option.long)") }
        for code in ExitCode.documented.map(\.code) { #expect(text.contains("| \(code) |")) }
    }

    /// docs/CONFIG.md is generated from the schema; `./scripts/record` rewrites it.
    @Test func configReferenceIsUpToDate() {
        if let problem = Golden.compare(ConfigReference.markdown, toFileAt: "\(Self.root)/docs/CONFIG.md") {
            Issue.record("\(problem)")
        }
    }

    /// Every type link of the reference (`[statement](#rolesstatements)`) leads to a section:
    /// objects under lists, shapes and mapping values get one too.
    @Test func everyLinkOfTheConfigReferenceHasItsSection() {
        let text = ConfigReference.markdown
        let anchors = Set(
            text.split(separator: "\n").filter { $0.hasPrefix("## `") }.map {
                ConfigReference.anchor(String($0.dropFirst(4).dropLast()))
            })
        var links: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "](#") {
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
            links.insert(String(rest[open.upperBound..<close]))
            rest = rest[close...]
        }
        #expect(!links.isEmpty)
        #expect(links.subtracting(anchors).isEmpty, "links without a section: \(links.subtracting(anchors).sorted())")
    }

    @Test func schemaCommandPrintsTheReference() {
        let run = pipegen(["schema", "--format", "markdown"], in: "/")
        #expect(run.code == 0)
        #expect(run.stdout == ConfigReference.markdown)
    }
}

extension String {
    /// The text after the first `marker`, if any.
    fileprivate func components(after marker: String) -> Substring? {
        guard let range = range(of: marker) else { return nil }
        let rest = self[range.upperBound...]
        // Up to the next case arm: a line of eight spaces, a name and `)`.
        if let end = rest.range(of: "            ;;\n") { return rest[..<end.lowerBound] }
        return rest
    }
}
