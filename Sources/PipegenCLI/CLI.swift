/// The command-line interface, callable in process: `run(arguments:)` returns the exit code.
public enum PipegenCLI {
    public static func run(arguments: [String]) -> Int32 {
        0
    }
}
