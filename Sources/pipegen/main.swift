// Glibc, not Foundation: the CLI needs nothing from Foundation, and not loading it (with ICU)
// takes about 5 ms and 10 MB off every run. See docs/BENCHMARKS.md.
import Glibc
import PipegenCLI

exit(PipegenCLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
