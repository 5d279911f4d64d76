import PipegenConfig

/// What the user's own builds and steps ask of the plan: their buildspecs in the
/// repository, and the Lambda functions the steps invoke.
extension ManualSteps {
    /// The repository's buildspecs that the pipeline's builds and build steps read, each
    /// path once, in build order.
    func ownBuildspecs(_ pipeline: Pipeline) -> [String] {
        let tooling = ToolingBuilder(config, model: AccessModel(config), topology: Topology(config))
        let builds = pipeline.declaration.builds(tooling) + tooling.stepBuilds(pipeline)
        return uniqued(
            builds.flatMap { build -> [String] in
                guard let path = build.settings.buildspec?.value else { return [] }
                return build.variants.isEmpty ? [names.expand(path)] : build.variants.map(\.buildspec)
            })
    }

    /// The functions the steps invoke must exist in the tooling account and home region
    /// before the pipelines reach them, and report each job's result.
    /// [AWS Lambda invoke action reference](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html)
    func stepFunctions() -> ManualStep? {
        let functions = uniqued(
            Pipegen.pipelines(config).flatMap { $0.stages.flatMap(\.actions) }.compactMap { action -> String? in
                if case .lambdaInvoke(let function, _) = action.kind { return function }
                return nil
            })
        guard !functions.isEmpty else { return nil }
        var blocks: [ManualStep.Block] = [
            .text(
                "Steps of the pipelines invoke these Lambda functions of account \(config.tooling.account.value) in \(home). "
                    + "Create them before a pipeline first reaches them. Each must end every invocation by calling "
                    + "codepipeline:PutJobSuccessResult or codepipeline:PutJobFailureResult with the job id of its event "
                    + "(its execution role needs both, on Resource \"*\"), or the action waits until it times out.")
        ]
        blocks += functions.map { .item($0) }
        return ManualStep(kind: .createStepFunctions, title: "Create the steps' Lambda functions", blocks: blocks)
    }
}
