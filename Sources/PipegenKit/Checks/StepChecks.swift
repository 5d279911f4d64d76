import CloudFormation
import PipegenConfig
import YAMLKit

/// Checks of the user's steps that need the laid-out pipelines: where each may run, the
/// artifacts each reads (written by an action before it), the names each gives.
struct StepChecks {
    let config: Config
    let names: Names

    func run() -> [Diagnostic] {
        let pipelines = config.pipelines.all.filter { !$0.settings.steps.isEmpty }
        guard !pipelines.isEmpty else { return [] }
        var out: [Diagnostic] = identifierClashes()
        let specs = Pipegen.pipelines(config)
        for pipeline in pipelines {
            let declaration = pipeline.declaration
            for step in pipeline.settings.steps where step.point.perEnvironment && !declaration.deploysToEnvironments {
                out.append(
                    .error(
                        "step '\(step.name.value)' runs \(step.point.rawValue), but \(pipeline.kind.rawValue) deploys to no environment",
                        at: step.name.mark, notes: [.help("use 'at: after-source' or 'at: after-build'")]))
            }
            guard let spec = specs.first(where: { $0.kind == pipeline.kind }) else { continue }
            out += inputs(pipeline.settings.steps, spec)
            out += functionNames(pipeline.settings.steps)
        }
        return out
    }

    /// Step names become parts of logical ids, where a hyphen before a digit leaves no trace.
    private func identifierClashes() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: Located<String>] = [:]
        for step in config.pipelines.all.flatMap(\.settings.steps) {
            let id = Template.logicalId(step.name.value)
            if let first = seen[id], first.value != step.name.value {
                out.append(
                    .error(
                        "step names '\(first.value)' and '\(step.name.value)' give the same identifier '\(id)' in the templates",
                        at: step.name.mark,
                        notes: [.note("'\(first.value)' defined here", at: first.mark), .help("rename one of them")]))
            }
            seen[id] = seen[id] ?? step.name
        }
        return out
    }

    /// Each step reads only artifacts that an action of an earlier stage, or of an earlier run
    /// order of its own stage, writes; a step's own artifact is named within CodePipeline's
    /// 100 characters.
    /// [Artifact names](https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactDetails.html)
    private func inputs(_ steps: [PipelineStep], _ spec: PipelineSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var written: [String] = []
        for stage in spec.stages {
            for order in Set(stage.actions.map(\.runOrder)).sorted() {
                let actions = stage.actions.filter { $0.runOrder == order }
                for action in actions {
                    guard let (step, env) = owner(action, stage, steps) else { continue }
                    let given = step.inputs.isEmpty ? [Located(action.inputs.first ?? "", at: step.name.mark)] : step.inputs
                    for (input, artifact) in zip(given, action.inputs) where !written.contains(artifact) {
                        // A step's artifact of this environment, by the name the step reads it.
                        let readable = written.map { name -> String in
                            guard let env else { return name }
                            return steps.first { $0.point.perEnvironment && name == "\($0.name.value)-\(env)" }?.name.value ?? name
                        }
                        var notes: [Diagnostic.Note] = []
                        if let guess = Suggest.closest(to: input.value, in: readable) {
                            notes.append(.help("did you mean '\(guess)'?"))
                        } else {
                            notes.append(.help("read an artifact written before the step, or move the step ('at') after the action that writes it"))
                        }
                        notes.append(
                            .note(
                                readable.isEmpty
                                    ? "no action before it writes an artifact"
                                    : "the artifacts written before it: \(uniqued(readable).map { "'\($0)'" }.joined(separator: ", "))"))
                        out.append(
                            .error(
                                "step '\(step.name.value)' reads '\(input.value)', which no action before it writes in pipeline '\(spec.name)'",
                                at: input.mark, notes: notes))
                    }
                    for artifact in action.outputs where artifact.count > 100 {
                        out.append(
                            .error(
                                "artifact '\(artifact)' of step '\(step.name.value)' is \(artifact.count) characters; CodePipeline allows 100",
                                at: step.name.mark, notes: [.help("shorten the step's name")]))
                    }
                }
                written += actions.flatMap(\.outputs)
            }
        }
        return out
    }

    /// The step (and the environment, in an environment's stage) an action belongs to: named
    /// after it, in a wave after its environment too. Pipegen's own actions are named in
    /// capitals, steps in lowercase.
    private func owner(_ action: ActionSpec, _ stage: StageSpec, _ steps: [PipelineStep]) -> (PipelineStep, String?)? {
        for step in steps {
            if action.name == step.name.value { return (step, stage.environments.count == 1 ? stage.environments[0] : nil) }
            if let env = stage.environments.first(where: { action.name == "\($0)-\(step.name.value)" }) { return (step, env) }
        }
        return nil
    }

    /// A step's function name, in every environment it runs in, is a Lambda function name.
    /// [Function names](https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-FunctionName)
    private func functionNames(_ steps: [PipelineStep]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for step in steps {
            guard case .lambda(let function, _) = step.action else { continue }
            let envs: [Environment?] = step.point.perEnvironment ? config.environments.filter { step.runs(in: $0.name.value) } : [nil]
            for env in envs {
                let name = names.expand(function.value, env: env?.name.value, account: env?.account.value)
                let valid =
                    !name.isEmpty && name.count <= 64
                    && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
                if !valid {
                    out.append(
                        .error(
                            "'\(name)' is not a Lambda function name", at: function.mark,
                            notes: [.help("function names are 1 to 64 letters, digits, '-' and '_'")]))
                    break
                }
            }
        }
        return out
    }
}
