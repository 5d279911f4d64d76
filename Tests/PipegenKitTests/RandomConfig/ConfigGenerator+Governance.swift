/// The governance settings: tags (the project's and an environment's), a permissions
/// boundary, statements on the pipelines' roles, approvers and operations. Each keeps the
/// rules the decoder and the kit hold: tag characters and lengths, the partition of every ARN,
/// roles the config creates, approvers of environments that are approved, whole waves.
extension ConfigGenerator {
    func tags(_ count: ClosedRange<Int>) -> ConfigTree {
        let keys = ["cost-centre", "team", "owner", "Project", "data:classification", "env/tier", "billing@unit", "Größe", "app name"]
        let values = ["1234", "platform", "web mobile", "confidential", "a/b:c=d+e-f_g.h@i", "Ünïcode", "x"]
        return map(sample(keys, int(count)).map { ($0, .string(pick(values))) })
    }

    func governance(_ plan: Plan) -> [(String, ConfigTree?)] {
        var out: [(String, ConfigTree?)] = []
        if chance(0.25) { out.append(("tags", tags(1...4))) }
        if chance(0.2) {
            let arn = "arn:\(plan.partition):iam::{account}:policy/company/Boundary"
            let policy = pick(["generated", "generated", "CompanyBoundary", arn])
            out.append(("permissions-boundary", chance(0.4) ? .string(policy) : map([("policy", .string(policy)), ("enforce", maybe(0.8, .bool(chance(0.6))))])))
        }
        let roles = (plan.containerBuild ? ["container-build-role"] : [])
            + (plan.infra ? ["infrastructure-deployment-role", "cfn-deploy", "cfn-exec"] : [])
            + (plan.containerDeployment ? ["container-deployment-role"] : [])
        if !roles.isEmpty, chance(0.2) {
            out.append(("roles", map(sample(roles, int(1...min(2, roles.count))).map { ($0, map([("statements", .list((0..<int(1...2)).map { _ in statement(plan) }))])) })))
        }
        let approved = plan.approved
        if plan.infra || plan.containerDeployment, !approved.isEmpty, chance(0.25) {
            // An environment of a wave brings the rest of its wave.
            var chosen: [String] = []
            for pick in sample(approved, int(1...min(3, approved.count))) {
                let members = pick.wave.map { wave in approved.filter { $0.wave == wave }.map(\.name) } ?? [pick.name]
                for m in members where !chosen.contains(m) { chosen.append(m) }
            }
            let list = ConfigTree.list(chosen.map(ConfigTree.string))
            out.append(("approvers", chance(0.5) ? list : map([("environments", list), ("group", maybe(0.7, .bool(chance(0.5))))])))
        }
        if chance(0.2) {
            out.append(
                (
                    "operations",
                    map([
                        ("key-administrators", maybe(0.5, .list([.string("arn:\(plan.partition):iam::\(plan.tooling):role/KeyAdmins")]))),
                        ("retain-on-delete", maybe(0.6, .string(pick(["data", "data-and-logs", "none"])))),
                        ("exports", maybe(0.6, .bool(chance(0.6)))),
                    ])
                ))
        }
        return out
    }

    /// A statement no pipeline call depends on: reads of the project's data, or a Deny of
    /// what no pipeline does.
    private func statement(_ plan: Plan) -> ConfigTree {
        let partition = chance(0.5) ? plan.partition : "${AWS::Partition}"
        if chance(0.2) {
            return map([("effect", .string("Deny")), ("actions", .list([.string("s3:DeleteBucket")])), ("resources", .list([.string("*")]))])
        }
        let (actions, resource) = pick([
            (["s3:GetObject"], "arn:\(partition):s3:::\(plan.project)-data/*"),
            (["dynamodb:DescribeTable", "dynamodb:Query"], "arn:\(partition):dynamodb:*:${AWS::AccountId}:table/\(plan.project)-*"),
            (["ssm:GetParameter*"], "arn:\(partition):ssm:${AWS::Region}:${AWS::AccountId}:parameter/\(plan.project)/*"),
        ])
        return map([("effect", maybe(0.3, .string("Allow"))), ("actions", .list(actions.map(ConfigTree.string))), ("resources", .list([.string(resource)]))])
    }
}
