import PipegenKit
import Testing
import YAMLKit

@testable import PipegenCLI

/// `pipegen plan`, in process: output, warnings and exit codes.
@Suite struct PlanCommandTests {
    static let config = """
        project: demo
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
          - name: prod
            account: "333333333333"
            approval: true
        pipelines:
          infrastructure-deployment:
            lambda: false

        """

    static let expected = """
        Deployment plan for project 'demo': 3 stacks in 1 phase, 1 step by hand.

        Every command names an AWS CLI profile for its account: create profiles with
        these names (aws configure sso) or change the names in the commands.
          demo-tooling  111111111111  tooling
          demo-dev      222222222222  dev
          demo-prod     333333333333  prod

        1. Phase 1: deploy 3 stacks, in parallel
           tooling: stack pipegen-demo-tooling in account 111111111111, eu-west-1
             aws cloudformation deploy \\
               --template-file templates/tooling.yaml \\
               --stack-name pipegen-demo-tooling \\
               --region eu-west-1 \\
               --capabilities CAPABILITY_NAMED_IAM \\
               --no-fail-on-empty-changeset \\
               --profile demo-tooling

           dev: stack pipegen-demo-dev in account 222222222222, eu-west-1
             aws cloudformation deploy \\
               --template-file templates/dev.yaml \\
               --stack-name pipegen-demo-dev \\
               --region eu-west-1 \\
               --capabilities CAPABILITY_NAMED_IAM \\
               --no-fail-on-empty-changeset \\
               --profile demo-dev

           prod: stack pipegen-demo-prod in account 333333333333, eu-west-1
             aws cloudformation deploy \\
               --template-file templates/prod.yaml \\
               --stack-name pipegen-demo-prod \\
               --region eu-west-1 \\
               --capabilities CAPABILITY_NAMED_IAM \\
               --no-fail-on-empty-changeset \\
               --profile demo-prod

        2. By hand: push the source code
           The pipelines start once when they are created and stop at Source while
           their repositories are empty; each push to the branch starts its pipeline.
           These commands push the current branch with git-remote-codecommit (pip
           install git-remote-codecommit), which uses the profile; the clone URLs are
           also outputs of the tooling stack.
           - Infrastructure-Deployment (infrastructure-deployment, branch main):
             template.yaml, params/dev.json, params/prod.json
             git push codecommit::eu-west-1://demo-tooling@Infrastructure-Deployment HEAD:main

        """

    @Test func printsTheStepsOfARenderedConfig() throws {
        try withTemporaryFolder { root in
            try write(Self.config, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render"], in: root).code == 0)
            let run = pipegen(["plan"], in: root)
            #expect(run.code == 0)
            #expect(run.stderr == "")
            expectSnapshot(run.stdout, Self.expected)
        }
    }

    @Test func warnsWhenTheTemplatesAreNotRendered() throws {
        try withTemporaryFolder { root in
            try write(Self.config, to: "\(root)/infra.yaml")
            let run = pipegen(["plan", "infra.yaml", "--out", "cfn"], in: root)
            #expect(run.code == 0)
            #expect(
                run.stderr
                    == "warning: 'cfn' does not hold the templates this config renders; run 'pipegen render' before deploying\n")
            #expect(run.stdout.contains("--template-file cfn/tooling.yaml"))
            #expect(try tree(root).keys.sorted() == ["infra.yaml"], "plan never writes")
        }
    }

    @Test func jsonIsTheKitsDocument() throws {
        try withTemporaryFolder { root in
            try write(Self.config, to: "\(root)/pipegen.yaml")
            #expect(pipegen(["render", "--format", "json"], in: root).code == 0)
            let run = pipegen(["plan", "-f", "json", "--template-format", "json"], in: root)
            #expect(run.code == 0)
            #expect(run.stderr == "")
            let parsed = try JSONReader.parse(run.stdout).document
            #expect(parsed["project"] == "demo")
            let steps = try #require(parsed["steps"]?.listValue)
            let stacks = try #require(steps.first?["stacks"]?.listValue)
            #expect(stacks.map { $0["templateFile"]?.stringValue } == ["templates/tooling.json", "templates/dev.json", "templates/prod.json"])
        }
    }

    @Test func aMultiRegionCycleIsReportedAsPipegensFault() throws {
        try withTemporaryFolder { root in
            let multi = Self.config.replacing("    account: \"222222222222\"\n", with: "    account: \"222222222222\"\n    regions: [eu-west-1, us-east-1]\n")
            try write(multi, to: "\(root)/pipegen.yaml")
            let run = pipegen(["plan"], in: root)
            // Exit 70 while the multi-region templates wait for each other; 0 once they do not.
            if run.code == ExitCode.internalError {
                #expect(run.stdout == "")
                #expect(run.stderr.hasPrefix("internal error: no deployment order exists"))
                #expect(run.stderr.hasSuffix("note: this is a bug in pipegen; please report it with your config\n"))
            } else {
                #expect(run.code == 0)
            }
        }
    }

    @Test(arguments: [
        (["plan", "--format", "yaml"], "'--format' must be one of text, json (got 'yaml')"),
        (["plan", "--template-format", "text"], "'--template-format' must be one of yaml, json (got 'text')"),
        (["plan", "a.yaml", "b.yaml"], "unexpected argument 'b.yaml'"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let run = pipegen(arguments, in: "/")
        #expect(run.code == 2)
        #expect(run.stderr == "error: \(message)\nRun 'pipegen plan --help' for usage.\n")
    }

    @Test func aMissingConfigFails() throws {
        try withTemporaryFolder { root in
            let run = pipegen(["plan"], in: root)
            #expect(run.code == ExitCode.fileError)
            #expect(run.stderr.hasPrefix("error: cannot read 'pipegen.yaml'"))
        }
    }
}
