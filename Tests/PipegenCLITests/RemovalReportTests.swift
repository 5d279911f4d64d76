import Testing

@testable import PipegenCLI

/// The removal report of `render` and `check`: decided on stacks, never on file names, in
/// the order that works.
@Suite struct RemovalReportTests {
    static let withoutProd = PlanCommandTests.config.replacing(
        "  - name: prod\n    account: \"333333333333\"\n    approval: true\n", with: "")

    static let report = """

        The config no longer deploys these stacks; remove them in this order:

        1. Deploy the updated tooling stack first, so that no pipeline deploys to the
           stacks below any more:
             aws cloudformation deploy \\
               --template-file templates/tooling.yaml \\
               --stack-name pipegen-demo-tooling \\
               --region eu-west-1 \\
               --capabilities CAPABILITY_NAMED_IAM \\
               --no-fail-on-empty-changeset \\
               --profile demo-tooling

        2. demo-prod: account 333333333333 (no longer in the config: profile
           demo-prod), eu-west-1, the stack the pipeline
           demo-infrastructure-deployment deployed. Delete it while its execution role
           demo-prod-cfn-exec (in a stack below) exists: CloudFormation deletes a
           stack with its role. What it created goes with it, except retained
           resources.
             aws cloudformation delete-stack --stack-name demo-prod --region eu-west-1 --profile demo-prod
             aws cloudformation wait stack-delete-complete --stack-name demo-prod --region eu-west-1 --profile demo-prod

        3. pipegen-demo-prod: account 333333333333 (no longer in the config: profile
           demo-prod), eu-west-1 (from templates/prod.yaml)
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

    /// The same config in the other format, over a folder holding the first rendering: the
    /// stacks did not change, so nothing is to be deleted; the files are replaced and `render`
    /// says so. `check` in the other format finds drift (the folder holds the other files)
    /// but no stack to delete either.
    @Test(arguments: [("yaml", "json"), ("json", "yaml")])
    func aFormatChangeReplacesFilesAndDeletesNoStack(_ first: String, _ second: String) throws {
        try withTemporaryFolder { root in
            try write(PlanCommandTests.config, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render", "--format", first], in: root).code == 0)
            #expect(pipegen(["check", "--format", first], in: root).code == 0)
            let check = pipegen(["check", "--format", second], in: root)
            #expect(check.code == ExitCode.drift)
            #expect(!check.stdout.contains("delete") && !check.stdout.contains("no longer deploys"), "\(check.stdout)")
            #expect(check.stdout.hasSuffix("3 files to replace; run 'pipegen render' to update\n"))
            #expect(
                check.stderr.contains(
                    "error: 'templates/dev.\(first)' is to be replaced by 'templates/dev.\(second)', the same stack in another format"))
            let render = pipegen(["render", "--format", second], in: root)
            #expect(render.code == 0)
            #expect(!render.stdout.contains("delete") && !render.stdout.contains("no longer"), "\(render.stdout)")
            for stem in ["tooling", "dev", "prod"] {
                #expect(
                    render.stdout.contains(
                        "removed templates/\(stem).\(first) (replaced by templates/\(stem).\(second): the same stack)\n"))
            }
            #expect(try FileSystem.list("\(root)/templates").names == ["dev.\(second)", "prod.\(second)", "tooling.\(second)"])
            #expect(pipegen(["check", "--format", second], in: root).code == 0)
        }
    }
}
