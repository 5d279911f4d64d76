import Testing

@testable import PipegenCLI

/// The exact help text of every subcommand: what users read is reviewed like code.
/// On a mismatch the issue shows a diff and the new text to paste here.
@Suite struct HelpTests {
    static let overview = """
        pipegen 0.2.0
        Generates the CloudFormation templates for cross-account CI/CD pipelines
        from a small config file (pipegen.yaml).

        USAGE
          pipegen <subcommand> [options]

        SUBCOMMANDS
          render       Write the CloudFormation templates for a config
          check        Fail when the templates on disk differ from the config
          diff         Show what a config change does in each account
          validate     Check a config for errors without writing anything
          plan         Print the ordered commands that deploy the templates
          graph        Print a diagram of the accounts, pipelines and roles
          init         Write a commented starter config
          schema       Print the JSON Schema of the config file
          ecs-files    Write starter AppSpec and task definition files
          completion   Print a shell completion script
          man          Print the manual page (roff)
          help         Show help for pipegen or one of its subcommands
          version      Print the version of pipegen

        OPTIONS
          -h, --help    Show this help
          --version     Print the version and the commit it was built from

        Every subcommand also takes -q/--quiet (only errors) and -v/--verbose.

        EXAMPLES
          pipegen render                 Write templates/ from pipegen.yaml
          pipegen check                  In CI: fail when templates/ is out of date
          pipegen help render            Show the options of 'render'

        EXIT CODES
          0     success; for check, the templates are up to date; for diff, nothing
                changes
          1     the config has errors, or cannot do what was asked (ecs-files without
                container-deployment)
          2     usage error: unknown subcommand or option, a missing or invalid option
                value, an extra argument
          3     check: a committed template differs from the config, is missing, or is
                stale; diff: the templates change
          4     a file could not be read or written (for diff, also a git ref), or
                init's target exists
          5     diff: a permission is added or widened
          70    a bug in pipegen; nothing was written

        Run 'pipegen help <subcommand>' for the options of a subcommand.

        """

    static let renderHelp = """
        Write the CloudFormation templates for a config.

        USAGE
          pipegen render [CONFIG] [--out DIR] [--format yaml|json]
                         [--diagnostics-format text|json|github|sarif]

        ARGUMENTS
          CONFIG                        The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR                 The folder to write to (default: templates/ next
                                        to the config)
          -f, --format FORMAT           yaml or json (default: yaml)
          --diagnostics-format FORMAT   text, json, github (annotations in a GitHub
                                        Actions run) or sarif (SARIF 2.1.0); json and
                                        sarif print one document on stdout (default:
                                        text)
          -q, --quiet                   Print only errors
          -v, --verbose                 Print more detail
          -h, --help                    Show this help

        Writes one template for the tooling account and one for each environment,
        and prints a line per file. Nothing is written when the config has errors.
        The files are written to a temporary folder first and then moved into
        place, so the output folder never holds a half-written file. Files that
        pipegen wrote earlier but the config no longer produces are removed; any
        other file in the folder is left alone. For each stack such a file (or a
        file whose stack moved) deployed, prints the commands that delete it, in
        order, and the retained buckets, keys and repositories to delete by hand
        (even with --quiet: it is said only once). Templates over the 51,200 bytes
        CloudFormation takes inline get one note ('pipegen plan' deploys them).

        EXAMPLES
          pipegen render
          pipegen render infra/pipegen.yaml --out infra/cloudformation
          pipegen render --format json

        """

    static let checkHelp = """
        Fail when the templates on disk differ from what the config renders.

        USAGE
          pipegen check [CONFIG] [--out DIR] [--format yaml|json]
                        [--diagnostics-format text|json|github|sarif]

        ARGUMENTS
          CONFIG                        The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR                 The folder the templates were written to
                                        (default: templates/ next to the config)
          -f, --format FORMAT           yaml or json (default: yaml)
          --diagnostics-format FORMAT   text, json, github (annotations in a GitHub
                                        Actions run) or sarif (SARIF 2.1.0); json and
                                        sarif print one document on stdout (default:
                                        text)
          -q, --quiet                   Print only errors
          -v, --verbose                 Print more detail
          -h, --help                    Show this help

        Renders the config in memory and compares the result, byte for byte, with
        the files in the output folder. Exits with 0 when they are identical, and
        with 3 when a file differs, is missing, or is an old pipegen file that
        'pipegen render' would remove, printing a unified diff for each and the
        commands that delete the stacks of removed files (with --quiet, one line
        per file naming its first differing line). Exits with 1 when the config
        has errors. Never writes anything, so it is safe to run in CI.

        EXAMPLES
          pipegen check
          pipegen check infra/pipegen.yaml --out infra/cloudformation
          pipegen check --diagnostics-format github

        """

    static let diffHelp = """
        Show what a config change does in each account, before it is merged.

        USAGE
          pipegen diff [CONFIG] --against REF|DIR [--out DIR]
                       [--format text|markdown|json] [--fail-on change|widen|never]

        ARGUMENTS
          CONFIG                  The config file (default: pipegen.yaml)

        OPTIONS
          -a, --against REF|DIR   The templates to compare with: a folder, or a git ref
                                  (HEAD, main, origin/main, a commit) whose output
                                  folder is read with 'git show'
          -o, --out DIR           The output folder, as in 'pipegen render': where the
                                  templates are at the ref (default: templates/ next to
                                  the config)
          -f, --format FORMAT     text, markdown (a pull-request comment) or json
                                  (default: text)
          --fail-on WHAT          change: exit 3 on any change, 5 when a permission
                                  widens (default); widen: exit 5 when a permission
                                  widens, else 0; never: exit 0
          -q, --quiet             Print only errors
          -v, --verbose           Print more detail
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

        Exits with 0 when nothing changes, with 3 when the templates change (as
        'check' does when they differ), and with 5 when a permission is added or
        widened; --fail-on widen exits with 5 or 0, --fail-on never with 0. A
        config error exits with 1, a file or git error with 4.

        EXAMPLES
          pipegen diff --against HEAD
          pipegen diff infra/pipegen.yaml --against origin/main --format markdown
          pipegen diff --against old-templates/ --fail-on widen

        """

    static let validateHelp = """
        Check a config for errors without writing anything.

        USAGE
          pipegen validate [CONFIG] [--diagnostics-format text|json|github|sarif]

        ARGUMENTS
          CONFIG                        The config file (default: pipegen.yaml)

        OPTIONS
          --diagnostics-format FORMAT   text, json, github (annotations in a GitHub
                                        Actions run) or sarif (SARIF 2.1.0); json and
                                        sarif print one document on stdout (default:
                                        text)
          -q, --quiet                   Print only errors
          -v, --verbose                 Print more detail
          -h, --help                    Show this help

        Reads the config, reports every problem it finds (file:line:column, in the
        order they appear), and renders the templates in memory so that problems
        in the generated CloudFormation surface too. Exits with 0 when the config
        is valid and with 1 when it is not. A valid config is followed by notes
        a reviewer should know, such as the roles container-deployment may pass
        to the ECS tasks.

        EXAMPLES
          pipegen validate
          pipegen validate infra/pipegen.yaml
          pipegen validate --diagnostics-format sarif > pipegen.sarif

        """

    static let planHelp = """
        Print the ordered commands that deploy the templates.

        USAGE
          pipegen plan [CONFIG] [--format text|json] [--out DIR]
                       [--template-format yaml|json]

        ARGUMENTS
          CONFIG                     The config file (default: pipegen.yaml)

        OPTIONS
          -f, --format FORMAT        text or json (default: text)
          -o, --out DIR              The folder holding the templates, as in 'pipegen
                                     render' (default: templates/ next to the config)
          --template-format FORMAT   yaml or json: the format the templates were
                                     rendered in (default: yaml)
          -q, --quiet                Print only errors
          -v, --verbose              Print more detail
          -h, --help                 Show this help

        Prints numbered steps. A phase lists stacks that deploy in parallel, each
        with its account, region, stack name and a ready-to-run 'aws cloudformation
        deploy' command; a stack that needs another's output fetches it itself.
        Steps to do by hand (a bucket for large templates, the ECS services the
        deployments replace, e-mail confirmations, the first push) come where they
        are needed. Commands name one AWS CLI profile per account, such as
        'shop-dev': create profiles with those names or edit the commands. Paths
        are relative to the current folder. Warns when the templates on disk are
        not up to date.

        EXAMPLES
          pipegen plan
          pipegen plan infra/pipegen.yaml --out infra/cloudformation
          pipegen plan --format json | jq -r '.steps[].stacks[]?.command'

        """

    static let graphHelp = """
        Print a diagram of the accounts, pipelines and roles.

        USAGE
          pipegen graph [CONFIG] [--format mermaid|dot]

        ARGUMENTS
          CONFIG                The config file (default: pipegen.yaml)

        OPTIONS
          -f, --format FORMAT   mermaid or dot (default: mermaid)
          -q, --quiet           Print only errors
          -v, --verbose         Print more detail
          -h, --help            Show this help

        Draws each account with its regions: the tooling region holds the
        pipelines, their stages in order and the actions of each stage. A dashed
        arrow leads from every cross-account action to the role it assumes in an
        environment account, and from each role to what it deploys or updates
        there, region by region. Mermaid text renders on GitHub inside a
        ```mermaid block; DOT text is for Graphviz. The same config always gives
        the same text.

        EXAMPLES
          pipegen graph > pipeline.mmd
          pipegen graph infra/pipegen.yaml --format dot | dot -Tsvg > graph.svg

        """

    static let initHelp = """
        Write a commented starter config.

        USAGE
          pipegen init [--out FILE] [--force]

        OPTIONS
          -o, --out FILE   Where to write it (default: pipegen.yaml)
          --force          Replace the file if it exists
          -q, --quiet      Print only errors
          -v, --verbose    Print more detail
          -h, --help       Show this help

        Writes a config that lists every option with a one-line explanation and
        its default: the required keys are set to example values to replace, the
        optional ones are commented out. 'pipegen render' accepts the file as it
        is. An existing file is left alone unless --force is given (exit 4).

        EXAMPLES
          pipegen init
          pipegen init --out infra/pipegen.yaml

        """

    static let schemaHelp = """
        Print the JSON Schema of the config file, or its reference in Markdown.

        USAGE
          pipegen schema [--format json|markdown]

        OPTIONS
          -f, --format FORMAT   json (a JSON Schema) or markdown (the reference of every
                                key, as in docs/CONFIG.md) (default: json)
          -q, --quiet           Print only errors
          -v, --verbose         Print more detail
          -h, --help            Show this help

        Prints a JSON Schema (draft 2020-12) of pipegen.yaml, made from the same
        definitions pipegen checks configs against: every key with its type,
        allowed values, default and a description. Editors use it for completion
        and checks as you type. Save it next to the config and point the YAML
        language server (VS Code, JetBrains, Neovim) at it with this first line:

          # yaml-language-server: $schema=pipegen.schema.json

        The schema is a little stricter than pipegen: quote values that YAML reads
        as numbers (account ids, "1.0"). Checks across values, such as unique
        environment names or the length of derived names, are pipegen's alone:
        run 'pipegen validate' for the full check. With --format markdown, prints
        the same definitions as a reference for people.

        EXAMPLES
          pipegen schema > pipegen.schema.json
          pipegen schema --format markdown > docs/CONFIG.md

        """

    static let ecsFilesHelp = """
        Write starter AppSpec and task definition files for container-deployment.

        USAGE
          pipegen ecs-files [CONFIG] [--out DIR] [--container NAME] [--port PORT]

        ARGUMENTS
          CONFIG             The config file (default: pipegen.yaml)

        OPTIONS
          -o, --out DIR      The folder to write to, such as a checkout of the
                             deployment repository (default: deployment/ next to the
                             config)
          --container NAME   The container's name (default: the project name)
          --port PORT        The container port the load balancer sends traffic to
                             (default: 80)
          -q, --quiet        Print only errors
          -v, --verbose      Print more detail
          -h, --help         Show this help

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

    static let completionHelp = """
        Print a shell completion script.

        USAGE
          pipegen completion bash|zsh|fish

        ARGUMENTS
          SHELL           bash, zsh or fish

        OPTIONS
          -q, --quiet     Print only errors
          -v, --verbose   Print more detail
          -h, --help      Show this help

        Prints a script that completes pipegen's subcommands, options, their values
        and file names, made from the same definitions as --help. Load it from
        your shell's startup file, or install it where the shell looks for
        completions (the release tarball holds all three in completions/).

        EXAMPLES
          source <(pipegen completion bash)       # in ~/.bashrc
          pipegen completion zsh > "${fpath[1]}/_pipegen"
          pipegen completion fish > ~/.config/fish/completions/pipegen.fish

        """

    static let manHelp = """
        Print the manual page (roff).

        USAGE
          pipegen man

        OPTIONS
          -q, --quiet     Print only errors
          -v, --verbose   Print more detail
          -h, --help      Show this help

        Prints pipegen(1) in roff, made from the same definitions as --help: every
        subcommand with its options, the exit codes and the environment. The
        release tarball holds it as share/man/man1/pipegen.1.

        EXAMPLES
          pipegen man | man -l -
          pipegen man > /usr/local/share/man/man1/pipegen.1

        """

    static let helpHelp = """
        Show help for pipegen or one of its subcommands.

        USAGE
          pipegen help [SUBCOMMAND]

        ARGUMENTS
          SUBCOMMAND      The subcommand to describe; without it, list them all

        OPTIONS
          -q, --quiet     Print only errors
          -v, --verbose   Print more detail
          -h, --help      Show this help

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
          -q, --quiet     Print only errors
          -v, --verbose   Print more detail
          -h, --help      Show this help

        Prints the version and the commit pipegen was built from, such as
        'pipegen 0.2.0 (commit 0867066a1b2c)'; a build from a working tree rather
        than scripts/release says 'dev' instead of the commit.

        """

    static let snapshots: [(arguments: [String], text: String)] = [
        (["--help"], overview),
        (["-h"], overview),
        (["help"], overview),
        (["render", "--help"], renderHelp),
        (["check", "--help"], checkHelp),
        (["diff", "--help"], diffHelp),
        (["validate", "--help"], validateHelp),
        (["plan", "--help"], planHelp),
        (["graph", "--help"], graphHelp),
        (["init", "--help"], initHelp),
        (["schema", "--help"], schemaHelp),
        (["ecs-files", "--help"], ecsFilesHelp),
        (["completion", "--help"], completionHelp),
        (["man", "--help"], manHelp),
        (["help", "--help"], helpHelp),
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
        for positional in command.spec.positionals { #expect(text.contains(positional.name)) }
        #expect(HelpCommand.topLevelHelp.contains("  \(name) "))
    }

    @Test func overviewFitsIn80Columns() {
        for line in HelpCommand.topLevelHelp.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test(arguments: [["--version"], ["version"]])
    func version(_ arguments: [String]) {
        let run = pipegen(arguments, in: "/")
        #expect(run.code == 0)
        #expect(run.stdout == "pipegen 0.2.0 (dev)\n")
        #expect(run.stderr == "")
        #expect(PipegenCLI.version == "0.2.0")
    }
}
