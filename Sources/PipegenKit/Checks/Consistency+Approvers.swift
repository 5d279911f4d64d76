import CloudFormation
import PipegenConfig

extension Consistency {
    /// The approvers policy may approve exactly the approval actions of the chosen
    /// environments: every ARN it names is an approval action of a pipeline of the tooling
    /// template (pipeline, stage and action names as rendered), and every approval of a
    /// stage that deploys a chosen environment is named.
    func checkApprovers(_ tooling: StackTemplate) -> [Diagnostic] {
        guard let approvers = config.approvers else { return [] }
        let r = resolver(tooling)
        let prefix = "arn:aws:codepipeline:\(tooling.region):\(tooling.account):"
        var approvals: [String: Bool] = [:]  // ARN → belongs to a chosen environment
        let chosen = approvers.environments.map(\.value)
        for (_, pipeline) in tooling.template.resources(of: CodePipeline.Pipeline.self) {
            guard let name = pipeline.name.flatMap(r.string) else { continue }
            for stage in pipeline.stages {
                let environments = config.stageGroups.first { ($0[0].wave?.value ?? $0[0].name.value) == stage.name }?.map(\.name.value) ?? []
                for action in stage.actions where action.actionTypeId.category == .approval {
                    approvals[prefix + "\(name)/\(stage.name)/\(action.name)"] = environments.contains(where: chosen.contains)
                }
            }
        }
        let named = tooling.template.resources(of: IAM.ManagedPolicy.self)
            .filter { $0.id == ToolingBuilder.ApproversID.policy }
            .flatMap { $0.model.policyDocument.statements }
            .filter { $0.actions.contains("codepipeline:PutApprovalResult") }
            .flatMap { $0.resources.compactMap(r.string) }
        var out: [Diagnostic] = []
        for arn in named where approvals[arn] != true {
            out.append(bug("the approvers policy names '\(arn)', which is not an approval of \(chosen.joined(separator: ", "))", at: approvers.mark))
        }
        for (arn, mine) in approvals.sorted(by: { $0.key < $1.key }) where mine && !named.contains(arn) {
            out.append(bug("the approvers policy does not name the approval '\(arn)'", at: approvers.mark))
        }
        return out
    }
}
