import PipegenConfig
import PipegenKit
import Testing

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
            let config = try #require(ConfigLoader.load(SourceFile(path: "pipegen.yaml", text: PlanCommandTests.config)).config)
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
