import PipegenConfig
import YAMLKit

/// `pipegen schema`: the config's JSON Schema, for editors and other tools.
enum SchemaCommand: Subcommand {
    static let spec = CommandSpec(name: "schema", summary: "Print the JSON Schema of the config file")

    static let help = """
        Print the JSON Schema of the config file.

        USAGE
          pipegen schema

        OPTIONS
          -h, --help    Show this help

        Prints a JSON Schema (draft 2020-12) of pipegen.yaml, made from the same
        definitions pipegen checks configs against: every key with its type,
        allowed values, default and a description. Editors use it for completion
        and checks as you type. Save it next to the config and point the YAML
        language server (VS Code, JetBrains, Neovim) at it with this first line:

          # yaml-language-server: $schema=pipegen.schema.json

        The schema is a little stricter than pipegen: quote values that YAML reads
        as numbers (account ids, "1.0"). Checks across values, such as unique
        environment names or the length of derived names, are pipegen's alone:
        run 'pipegen validate' for the full check.

        EXAMPLES
          pipegen schema > pipegen.schema.json

        """

    static func run(_ arguments: ParsedArguments, io: inout CLIIO) throws(CLIError) {
        io.stdout.write(JSONWriter().write(JSONSchema.document))
    }
}
