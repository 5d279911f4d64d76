import Testing
import TestSupport
import YAMLKit

/// Input nobody should write: the readers answer with a node or a `SyntaxError`, in linear time
/// and bounded stack, and never crash.
@Suite struct HostileInputTests {
    @Test(arguments: ["", " ", "   \n  \n", "\n\n\n", "\r\n\r\n", "\t", " \t \n", "#", "# a\n#b\n   # c"])
    func emptyAndWhitespaceOnlyDocumentsAreNil(_ text: String) throws {
        #expect(try YAMLReader.parse(text) == nil)
        #expect(try YAMLReader.parse(Array(text.utf8)) == nil)
    }

    @Test(arguments: ["", " ", "\n\t\r\n "])
    func emptyJSONIsAnError(_ text: String) {
        #expect(
            syntaxError { () throws(SyntaxError) in try JSONReader.parse(text) }?.message
                == "expected a JSON value, found the end of the input")
    }

    @Test func nulBytesAreErrorsNotTheEnd() {
        #expect(
            syntaxError { () throws(SyntaxError) in try YAMLReader.parse([0]) }
                == SyntaxError(
                    "invalid character U+0000; write it as an escape in a double-quoted string",
                    at: Mark(line: 1, column: 1)))
        #expect(
            syntaxError { () throws(SyntaxError) in try YAMLReader.parse(Array("a: b\n\0c".utf8)) }?.mark
                == Mark(line: 2, column: 1))
        #expect(
            syntaxError { () throws(SyntaxError) in try JSONReader.parse(Array("[\"a\0\"]".utf8)) }
                == SyntaxError(
                    "control character U+0000 must be escaped in a JSON string", at: Mark(line: 1, column: 4)))
        #expect(
            syntaxError { () throws(SyntaxError) in try JSONReader.parse(Array("[1]\0".utf8)) }
                == SyntaxError("unexpected U+0000 after the JSON value", at: Mark(line: 1, column: 4)))
    }

    /// Random bytes, and random bytes biased towards YAML's syntax characters: any answer but a crash.
    @Test func randomBinaryNeverCrashes() {
        var rng = SplitMix64(seed: seed(default: 0xB1_0B))
        let syntax = Array("-:?,[]{}#&*!|>'\"%@` \t\n\r\\.0123456789abc".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0xE2, 0x80]
        for round in 0..<3_000 {
            let count = Int(rng.next() % 300)
            let biased = round % 2 == 0
            let bytes = (0..<count).map { _ in
                biased ? syntax[Int(rng.next() % UInt64(syntax.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            _ = try? YAMLReader.parse(bytes)
            _ = try? JSONReader.parse(bytes)
        }
    }

    /// Token soup: whatever the reader accepts, the writer must write so that it reads back the same.
    @Test func tokenSoupThatParsesRoundTripsThroughTheWriter() throws {
        let start = seed(default: 0x50_0B)
        var rng = SplitMix64(seed: start)
        let tokens = [
            "- ", ": ", "\n", "\n", "  ", " ", "[", "]", "{", "}", ", ", "'", "\"", "|", ">", "|-", ">+", "|2", " #c",
            "a", "key", "1", "1.5", "\\n", "\\", "---", "...", "é", "x y", "''", "\"\"", "null", "~", "0x1F", "true",
            "\n  text", "\"a\\\n b\"", "'x\n\n y'", "\\x41", "😀", "\t",
        ]
        var parsed = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(rng.next() % 25 + 1)).map { _ in tokens[Int(rng.next() % UInt64(tokens.count))] }
                .joined()
            guard let node = try? YAMLReader.parse(text) else { continue }
            parsed += 1
            let written = YAMLWriter().write(node.document)
            do {
                let reread = try YAMLReader.parse(written)
                #expect(
                    YAMLWriter().write(reread?.document ?? .null) == written, "seed \(start): \(text.debugDescription)")
            } catch {
                Issue.record(
                    "seed \(start): \(text.debugDescription) was written as \(written.debugDescription): \(error)")
            }
        }
        #expect(parsed > 500)
    }

    @Test func tenThousandLevelsOfFlowNestingIsAnErrorNotACrash() {
        let limit = "nesting deeper than \(YAMLReader.maximumDepth) levels is not supported"
        for text in [
            String(repeating: "[", count: 10_000),
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            String(repeating: "{a: ", count: 10_000),
            String(repeating: "[{a: ", count: 5_000),
            "key: " + String(repeating: "[", count: 10_000),
        ] {
            #expect(syntaxError { () throws(SyntaxError) in try YAMLReader.parse(text) }?.message == limit)
        }
        for text in [String(repeating: "[", count: 10_000), String(repeating: "{\"a\":", count: 10_000)] {
            #expect(syntaxError { () throws(SyntaxError) in try JSONReader.parse(text) }?.message == limit)
        }
    }

    @Test func deepBlockNestingIsAnErrorNotACrash() {
        let limit = "nesting deeper than \(YAMLReader.maximumDepth) levels is not supported"
        let sequences = String(repeating: "- ", count: 10_000) + "x"
        #expect(syntaxError { () throws(SyntaxError) in try YAMLReader.parse(sequences) }?.message == limit)
        let compact =
            String(repeating: "- a:\n", count: 1)
            + (1..<2_000).map { String(repeating: " ", count: 2 * $0) + "- a:\n" }.joined()
        #expect(syntaxError { () throws(SyntaxError) in try YAMLReader.parse(compact) }?.message == limit)
        let mappings = (0..<1_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(syntaxError { () throws(SyntaxError) in try YAMLReader.parse(mappings) }?.message == limit)
    }

    /// The deepest accepted documents parse, resolve and compare without exhausting the stack,
    /// even in a debug build on a test thread.
    @Test func theMaximumDepthParsesInEveryForm() throws {
        let depth = YAMLReader.maximumDepth
        let mappings = (0..<depth).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let sequences = String(repeating: "- ", count: depth) + "x\n"
        let mixed =
            String(repeating: "- k:\n", count: 1)
            + (1..<depth / 2).map { String(repeating: " ", count: 4 * $0) + "- k:\n" }.joined()
        let flow = String(repeating: "[{a: ", count: depth / 2) + String(repeating: "}]", count: depth / 2)
        for text in [mappings, sequences, mixed, flow] {
            let node = try #require(try YAMLReader.parse(text))
            let document = node.document
            #expect(node == node)
            #expect(document == document)
            let written = YAMLWriter().write(document)
            #expect(try YAMLReader.parse(written)?.document == document)
            let json = JSONWriter().write(document)
            #expect(try JSONReader.parse(json).document == document)
        }
    }

    /// A 10 MB template-like document. Parsing must be linear; in a release build it takes a small
    /// fraction of a second, so the bound here is loose enough for debug builds and slow machines.
    @Test func tenMegabytesParse() throws {
        var text = "Resources:\n"
        var count = 0
        while text.utf8.count < 10_000_000 {
            text += """
                  Role\(count):
                    Type: "AWS::IAM::Role"
                    Properties:
                      RoleName: 'pipeline-role-\(count)'
                      Path: /service/
                      AssumeRolePolicyDocument:
                        Version: 2012-10-17
                        Statement:
                          - Effect: Allow
                            Principal: {Service: [codepipeline.amazonaws.com, codebuild.amazonaws.com]}
                            Action: sts:AssumeRole  # trust
                      Description: |
                        Role number \(count) for the pipeline.
                        Second line.
                      Arn: arn:${AWS::Partition}:iam::012345678901:role/r\(count)

                """
            count += 1
        }
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var node: Node?
        let elapsed = try clock.measure { node = try YAMLReader.parse(bytes) }
        let resources = try #require(node?.document["Resources"]?.mapValue)
        #expect(resources.count == count)
        #expect(
            resources.last?.value["Properties"]?["Description"]
                == .string("Role number \(count - 1) for the pipeline.\nSecond line.\n"))
        print("10 MB (\(bytes.count) bytes, \(count) resources) parsed in \(elapsed)")
        #if DEBUG
            #expect(elapsed < .seconds(60))
        #else
            #expect(elapsed < .seconds(1))
        #endif
    }
}
