import PipegenConfig
import PipegenKit
import Testing
import YAMLKit

@testable import PipegenCLI

/// `pipegen graph`, in process.
@Suite struct GraphCommandTests {
    @Test(arguments: [([String](), "mermaid"), (["--format", "mermaid"], "mermaid"), (["-f", "dot"], "dot")])
    func printsTheKitsGraph(_ options: [String], _ format: String) throws {
        try withTemporaryFolder { root in
            try write(PlanCommandTests.config, to: "\(root)/pipegen.yaml")
            let run = pipegen(["graph"] + options, in: root)
            #expect(run.code == 0)
            #expect(run.stderr == "")
            let config = try #require(Pipegen.load(SourceFile(path: "pipegen.yaml", text: PlanCommandTests.config)).config)
            let graph = DeploymentGraph(config)
            #expect(run.stdout == (format == "dot" ? graph.dot : graph.mermaid))
            #expect(try tree(root).keys.sorted() == ["pipegen.yaml"], "graph never writes")
        }
    }

    @Test func anInvalidConfigFailsWithItsDiagnostics() throws {
        try withTemporaryFolder { root in
            try write("project: Demo\n", to: "\(root)/pipegen.yaml")
            let run = pipegen(["graph"], in: root)
            #expect(run.code == 1)
            #expect(run.stdout == "")
            #expect(run.stderr.contains("pipegen.yaml:1:10: error: 'Demo' is not a valid name"))
        }
    }

    @Test func anUnknownFormatIsAUsageError() {
        let run = pipegen(["graph", "--format", "svg"], in: "/")
        #expect(run.code == 2)
        #expect(run.stderr == "error: '--format' must be one of mermaid, dot (got 'svg')\nRun 'pipegen graph --help' for usage.\n")
    }
}

/// `pipegen schema`, in process.
@Suite struct SchemaCommandTests {
    @Test func printsTheSchema() throws {
        let run = pipegen(["schema"], in: "/")
        #expect(run.code == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == JSONWriter().write(JSONSchema.document))
        let parsed = try JSONReader.parse(run.stdout).document
        #expect(parsed["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(parsed["required"] == ["project", "tooling", "environments"])
    }

    @Test func takesNoArguments() {
        let run = pipegen(["schema", "pipegen.yaml"], in: "/")
        #expect(run.code == 2)
        #expect(run.stderr == "error: unexpected argument 'pipegen.yaml'\nRun 'pipegen schema --help' for usage.\n")
    }
}
