import Testing

@testable import PipegenCLI

/// The exact help text of every subcommand: what users read is reviewed like code.
/// On a mismatch the issue shows a diff and the new text to paste here.
@Suite struct HelpTests {
    static let overview = """
        pipegen 0.1.0
        Generates the CloudFormation templates for cross-account CI/CD pipelines
        from a small config file (pipegen.yaml).

        USAGE
          pipegen <subcommand> [options]

        SUBCOMMANDS
          render      Write the CloudFormation templates for a config
          check       Fail when the templates on disk differ from the config
          validate    Check a config for errors without writing anything
          plan        Print the ordered commands that deploy the templates
          graph       Print a diagram of the accounts, pipelines and roles
          init        Write a commented starter config
          diff        Show what a config change does in each account
          schema      Print the JSON Schema of the config file
          ecs-files   Write starter AppSpec and task definition files
          help        Show help for pipegen or one of its subcommands
          version     Print the version of pipegen

        OPTIONS
          -h, --help    Show this help
          --version     Print the version

        EXAMPLES
          pipegen render                 Write templates/ from pipegen.yaml
          pipegen check                  In CI: fail when templates/ is out of date
          pipegen help render            Show the options of 'render'

        Run 'pipegen help <subcommand>' for the options of a subcommand.

        """

    static let renderHelp = """
        Write the CloudFormation templates for a config.

        USAGE
          pipegen render [CONFIG] [--out DIR] [--format yaml|json]

        ARGUMENTS
          CONFIG                The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR         The folder to write to (default: templates/ next to
                                the config)
          -f, --format FORMAT   yaml or json (default: yaml)
          -h, --help            Show this help

        Writes one template for the tooling account and one for each environment,
        and prints a line per file. Nothing is written when the config has errors.
        The files are written to a temporary folder first and then moved into
        place, so the output folder never holds a half-written file. Files that
        pipegen wrote earlier but the config no longer produces are removed; any
        other file in the folder is left alone. For each stack such a file (or a
        file whose stack moved) deployed, prints the commands that delete it, in
        order, and the retained buckets, keys and repositories to delete by hand.

        EXAMPLES
          pipegen render
          pipegen render infra/pipegen.yaml --out infra/cloudformation
          pipegen render --format json

        """

    static let checkHelp = """
        Fail when the templates on disk differ from what the config renders.

        USAGE
          pipegen check [CONFIG] [--out DIR] [--format yaml|json]

        ARGUMENTS
          CONFIG                The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR         The folder the templates were written to (default:
                                templates/ next to the config)
          -f, --format FORMAT   yaml or json (default: yaml)
          -h, --help            Show this help

        Renders the config in memory and compares the result, byte for byte, with
        the files in the output folder. Exits with 0 when they are identical, and
        with 1 when a file differs, is missing, or is an old pipegen file that
        'pipegen render' would remove, printing a unified diff for each and the
        commands that delete the stacks of removed files. Never writes anything,
        so it is safe to run in CI.

        EXAMPLES
          pipegen check
          pipegen check infra/pipegen.yaml --out infra/cloudformation

        """

    static let diffHelp = """
        Show what a config change does in each account, before it is merged.

        USAGE
          pipegen diff [CONFIG] --against REF|DIR [--out DIR]
                       [--format text|markdown|json] [--fail-on change|widen|never]

        ARGUMENTS
          CONFIG                  The config file (default: pipegen.yaml)

        OPTIONS
          -a, --against REF|DIR   The templates to compare with: a folder, or a
                                  git ref (HEAD, main, origin/main, a commit)
                                  whose output folder is read with 'git show'
          -o, --out DIR           The output folder, as in 'pipegen render': where
                                  the templates are at the ref (default:
                                  templates/ next to the config)
          -f, --format FORMAT     text, markdown (a pull-request comment) or json
                                  (default: text)
          --fail-on WHAT          change: exit 10 on any change, 11 when a
                                  permission widens (default); widen: exit 11
                                  when a permission widens, else 0; never: 0
          -h, --help              Show this help

        Renders the config in memory and compares it with the old templates, read
        from their text. For each account, region and stack: the resources added,
        removed and changed, and for each changed property whether CloudFormation
        updates it without interruption, with some interruptions, or replaces the
        resource. Then every IAM permission, trust, key, bucket, repository and
        topic policy grant that is added, widened, narrowed or removed, each new
        or wider one with the config line that causes it; the data kept or
        deleted with a removed or replaced resource; and the stacks whose
        deployment phase changes. Never writes anything.

        A value of --against that names an existing folder is a folder; any other
        is a git ref of the repository that holds the config.

        EXIT STATUS
          0      no change (or nothing --fail-on counts)
          10     the templates change; no permission widens
          11     a permission is added or widened
          1, 2   the config has errors, a file or git error; a usage error

        EXAMPLES
          pipegen diff --against HEAD
          pipegen diff infra/pipegen.yaml --against origin/main --format markdown
          pipegen diff --against old-templates/ --fail-on widen

        """

    static let validateHelp = """
        Check a config for errors without writing anything.

        USAGE
          pipegen validate [CONFIG]

        ARGUMENTS
          CONFIG        The config file (default: pipegen.yaml)

        OPTIONS
          -h, --help    Show this help

        Reads the config, reports every problem it finds (file:line:column, in the
        order they appear), and renders the templates in memory so that problems
        in the generated CloudFormation surface too. Exits with 0 when the config
        is valid and with 1 when it is not.

        EXAMPLES
          pipegen validate
          pipegen validate infra/pipegen.yaml

        """

    static let ecsFilesHelp = """
        Write starter AppSpec and task definition files for container-deployment.

        USAGE
          pipegen ecs-files [CONFIG] [--out DIR] [--container NAME] [--port PORT]

        ARGUMENTS
          CONFIG              The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR       The folder to write to, such as a checkout of the
                              deployment repository (default: deployment/ next to
                              the config)
          --container NAME    The container's name (default: the project name)
          --port PORT         The container port the load balancer sends traffic
                              to (default: 80)
          -h, --help          Show this help

        Writes the AppSpec file and one task definition per environment, at the
        paths 'appspec' and 'task-definition' of pipelines.container-deployment
        name them ('{env}' replaced). CodePipeline fills in <TASK_DEFINITION> and
        <IMAGE1_NAME> on every deployment. Each task definition names its
        environment's account and region; its roles, CPU, memory and log group
        are placeholders to edit. A file that exists is never overwritten: it is
        skipped and the others are written. Exits with 1 when the config has no
        container-deployment pipeline.

        EXAMPLES
          pipegen ecs-files
          pipegen ecs-files infra/pipegen.yaml --out ../shop-deployment
          pipegen ecs-files --container web --port 8080

        """

    static let helpHelp = """
        Show help for pipegen or one of its subcommands.

        USAGE
          pipegen help [SUBCOMMAND]

        ARGUMENTS
          SUBCOMMAND    The subcommand to describe; without it, list them all

        OPTIONS
          -h, --help    Show this help

        EXAMPLES
          pipegen help
          pipegen help render

        """

    static let versionHelp = """
        Print the version of pipegen.

        USAGE
          pipegen version
          pipegen --version

        OPTIONS
          -h, --help    Show this help

        """

    static let snapshots: [(arguments: [String], text: String)] = [
        (["--help"], overview), (["-h"], overview), (["help"], overview),
        (["render", "--help"], renderHelp), (["check", "--help"], checkHelp), (["diff", "--help"], diffHelp),
        (["validate", "--help"], validateHelp), (["ecs-files", "--help"], ecsFilesHelp), (["help", "--help"], helpHelp),
        (["version", "--help"], versionHelp),
    ]

    @Test(arguments: snapshots)
    func helpText(_ arguments: [String], _ text: String) {
        let run = pipegen(arguments, in: "/")
        #expect(run.code == 0)
        #expect(run.stderr == "")
        expectSnapshot(run.stdout, text)
    }

    @Test(arguments: Subcommands.all.map { $0.spec.name })
    func everySpellingOfHelpAgrees(_ name: String) {
        let expected = pipegen([name, "--help"], in: "/").stdout
        #expect(!expected.isEmpty)
        for arguments in [[name, "-h"], ["help", name], ["--help", name], [name, "--out=x", "-h", "extra"]] {
            let run = pipegen(arguments, in: "/")
            #expect(run.code == 0, "\(arguments)")
            #expect(run.stdout == expected, "\(arguments)")
        }
    }

    @Test(arguments: Subcommands.all.map { $0.spec.name })
    func helpIsReadable(_ name: String) throws {
        let command = try #require(Subcommands.named(name))
        let text = command.help
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "\(name): line longer than 80 columns: \(line)")
            #expect(!line.hasSuffix(" "), "\(name): trailing space: '\(line)'")
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n\n"))
        for section in ["USAGE", "OPTIONS"] { #expect(text.contains("\n\(section)\n"), "\(name) lacks \(section)") }
        if !command.spec.positionals.isEmpty { #expect(text.contains("\nARGUMENTS\n")) }
        if !command.spec.options.isEmpty || !command.spec.positionals.isEmpty { #expect(text.contains("\nEXAMPLES\n")) }
        // Help and spec cannot drift apart: every option and argument the parser accepts is documented.
        for option in command.spec.allOptions {
            let spelling = option.short.map { "-\($0), --\(option.long)" } ?? "--\(option.long)"
            #expect(text.contains(spelling + (option.valueName.map { " \($0)" } ?? "")), "\(name): \(spelling)")
        }
        for positional in command.spec.positionals { #expect(text.contains("[\(positional)]")) }
        #expect(HelpCommand.topLevelHelp.contains("  \(name) "))
    }

    @Test func overviewFitsIn80Columns() {
        for line in HelpCommand.topLevelHelp.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test(arguments: [["--version"], ["version"]])
    func version(_ arguments: [String]) {
        let run = pipegen(arguments, in: "/")
        #expect(run.code == 0)
        #expect(run.stdout == "0.1.0\n")
        #expect(run.stderr == "")
        #expect(PipegenCLI.version == "0.1.0")
    }
}
