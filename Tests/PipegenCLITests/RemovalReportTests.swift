import Testing

@testable import PipegenCLI

/// The removal report of `render` and `check` when an environment leaves the config.
@Suite struct RemovalReportTests {
    static let withoutProd = PlanCommandTests.config.replacing(
        "  - name: prod\n    account: \"333333333333\"\n    approval: true\n", with: "")

    static let report = """

        The config no longer deploys this stack; delete it:

        1. pipegen-demo-prod: account 333333333333, eu-west-1 (from
           templates/prod.yaml)
             aws cloudformation delete-stack --stack-name pipegen-demo-prod --region eu-west-1 --profile demo-prod
             aws cloudformation wait stack-delete-complete --stack-name pipegen-demo-prod --region eu-west-1 --profile demo-prod

        """

    @Test func checkThenRenderReportTheStackOfARemovedEnvironment() throws {
        try withTemporaryFolder { root in
            try write(PlanCommandTests.config, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render"], in: root).code == 0)
            try write(Self.withoutProd, to: "\(root)/pipegen.yaml")
            let check = pipegen(["check"], in: root)
            #expect(check.code == ExitCode.drift)
            #expect(check.stdout.hasSuffix(Self.report + "\n1 file differs, 1 stale; run 'pipegen render' to update\n"))
            let render = pipegen(["render"], in: root)
            #expect(render.code == 0)
            #expect(render.stdout.hasSuffix("removed templates/prod.yaml (no longer produced by the config)\n" + Self.report))
            // Said once: the file is gone, so the next run has nothing to report.
            #expect(!pipegen(["render"], in: root).stdout.contains("delete"))
        }
    }
}
