import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenCLI

/// Whatever a config holds, what pipegen prints about it cannot drive the terminal of whoever
/// runs it (no control or bidirectional character reaches any output), quotes long values cut
/// short, and stays under 64 KB however many problems there are.
@Suite struct HostileOutputTests {
    /// A config that carries ESC (colours, clearing the screen), a C1 CSI, a BEL, a line
    /// break, a right-to-left override and an isolate in keys and values, in every place a
    /// value reaches a message: an unknown key and its duplicate (and the note of the first),
    /// values of each format, a choice, a region (with a suggestion), the file's raw text.
    static let hostile =
        "project: \"shop\\e[2J\"\n"
        + "tooling:\n  account: \"1111\\u009B31m\"\n  region: \"eu-west-1\\a\"\n"
        + "\"\\e]0;title\\a\": 1\n\"\\e]0;title\\a\": 2\n"
        + "environments:\n"
        + "  - name: dev\n    account: \"222222222222\"\n    deploy: \"direct\\u202E\"\n    wave: \"w\\u2066x\"\n"
        + "    approval: {comment: \"ok\\e[31m\\nred\", notify: [\"a@b.c\\u202E\"]}\n"
        + "  - name: ok\u{202E}raw\n    account: \"333333333333\"\n"

    /// The characters no output may hold (line feed ends lines; nothing else is allowed).
    static func unsafe(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && DisplayText.isUnsafe($0) }
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func noControlOrBidirectionalCharacterReachesAnyOutput(_ format: String) throws {
        try withTemporaryFolder { folder in
            try write(Self.hostile, to: folder + "/pipegen.yaml")
            let run = pipegen(["validate", "--diagnostics-format", format], in: folder, terminal: false)
            #expect(run.code == 1)
            #expect(Self.unsafe(run.stdout) == [], "stdout: \(run.stdout.debugDescription)")
            #expect(Self.unsafe(run.stderr) == [], "stderr: \(run.stderr.debugDescription)")
            let all = run.stdout + run.stderr
            #expect(all.contains(#"'\e]0;title\a'"#), "the key, escaped as YAML would write it")
            #expect(all.contains(#"\u202E"#) && all.contains(#"\x9B"#) && all.contains(#"\u2066"#))
        }
    }

    /// Each kind of unsafe value is refused at its place, saying which character it holds.
    @Test func valuesWithControlCharactersAreRefusedAtTheirPlace() throws {
        let decoded = ConfigReader.read(SourceFile(path: "pipegen.yaml", text: Self.hostile))
        let messages = decoded.diagnostics.map(\.message)
        #expect(messages.contains(#"'project' holds U+001B (a control character): 'shop\e[2J'"#))
        #expect(messages.contains(#"'account' in 'tooling' holds U+009B (a control character): '1111\x9B31m'"#))
        #expect(messages.contains(#"'deploy' in environment 'dev' holds U+202E (a bidirectional text control): 'direct\u202E'"#))
        #expect(messages.contains(#"'comment' in environment 'dev' holds U+001B (a control character): 'ok\e[31m\nred'"#))
        #expect(messages.contains(#"'ok\u202Eraw' is not a valid name"#) == false, "refused for the character, not the format")
        #expect(messages.contains(#"'name' in environment 'ok\u202Eraw' holds U+202E (a bidirectional text control): 'ok\u202Eraw'"#))
    }

    /// A source line with a raw control character (which the reader refuses) or bidirectional
    /// override is shown with it escaped, and the caret still under the column.
    @Test func theSourceLineIsShownEscapedWithTheCaretInPlace() throws {
        try withTemporaryFolder { folder in
            try write("project: shop\n\u{202E}x: \u{1B}[31m\n", to: folder + "/pipegen.yaml")
            let run = pipegen(["validate"], in: folder)
            #expect(
                run.stderr == """
                    pipegen.yaml:2:5: error: invalid character U+001B; write it as an escape in a double-quoted string
                     2 | \\u202Ex: \\e[31m
                       |          ^
                    1 error generated

                    """)
        }
    }

    /// A value of a million characters is quoted short, in the message and in the line shown.
    @Test func longValuesAreQuotedShort() throws {
        try withTemporaryFolder { folder in
            let long = String(repeating: "x", count: 1_000_000)
            try write("project: shop\n\(long): 1\n", to: folder + "/pipegen.yaml")
            let run = pipegen(["validate"], in: folder)
            #expect(run.stderr.contains("error: unknown key '\(String(repeating: "x", count: 80))...'\n"))
            #expect(run.stderr.utf8.count < 2_000)
        }
    }

    /// Thousands of errors: the first ones in full, one line for the rest, the true count, and
    /// under 64 KB in every format.
    @Test(arguments: ["text", "json", "sarif", "github"])
    func manyErrorsStayUnderSixtyFourKilobytes(_ format: String) throws {
        try withTemporaryFolder { folder in
            var text = "project: shop\n"
            for i in 0..<5_000 { text += "\"key-\(i)-\(String(repeating: "\\e", count: 300))\": 1\n" }
            try write(text, to: folder + "/pipegen.yaml")
            let run = pipegen(["validate", "--diagnostics-format", format], in: folder)
            #expect(run.code == 1)
            #expect(run.stdout.utf8.count + run.stderr.utf8.count < 64 * 1024)
            if format == "text" {
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.last == "5002 errors generated", "5,000 keys, 'tooling' and 'environments' missing")
                #expect(lines.dropLast().last?.hasSuffix(" more errors not shown") == true)
            }
            if format == "json" {
                let report = try #require(try? JSONReader.parse(Array(run.stdout.utf8)).document)
                #expect(report["errors"] == .int(5_002))
                let last = report["diagnostics"]?.listValue?.last
                #expect(last?["message"]?.stringValue?.hasSuffix(" more errors not shown") == true)
            }
        }
    }
}
