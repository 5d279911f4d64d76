import PipegenConfig
import YAMLKit

/// `pipegen schema`: the config's JSON Schema, for editors and other tools.
enum SchemaCommand: Subcommand {
    static let spec = CommandSpec(
        name: "schema", summary: "Print the JSON Schema of the config file",
        title: "Print the JSON Schema of the config file, or its reference in Markdown",
        options: [
            .value(
                "format", short: "f", name: "FORMAT", choices: ["json", "markdown"],
                "json (a JSON Schema) or markdown (the reference of every key, as in docs/CONFIG.md) (default: json)")
        ],
        discussion: """
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
            """,
        examples: ["pipegen schema > pipegen.schema.json", "pipegen schema --format markdown > docs/CONFIG.md"])

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        if arguments.value("format") == "markdown" {
            io.stdout.write(ConfigReference.markdown)
        } else {
            io.stdout.write(JSONWriter().write(JSONSchema.document))
        }
    }
}
