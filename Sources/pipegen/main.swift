import Foundation
import PipegenCLI

exit(PipegenCLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
