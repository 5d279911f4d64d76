import CloudFormation
import PipegenConfig

/// Builds an environment account's templates: `<env>` (IAM, and the home region's
/// resources) and `<env>-<region>` for each further region.
struct EnvironmentBuilder {
    let config: Config
    let env: Environment
    let model: AccessModel
    var names: Names { model.names }
    var e: String { env.name.value }

    enum ID {
        static func role(_ kind: EnvironmentRoleKind) -> String { kind.id }
        static let application = "CodeDeployApplication"
        static let deploymentGroup = "BlueGreenDeploymentGroup"
    }

    /// The environment's main template, nil when the config gives it nothing to hold.
    func build() -> Template? {
        var t = Template(description: description(region: env.homeRegion))
        for role in model.roles(in: e) { addAssumedRole(role, to: &t) }
        if let infra = config.pipelines.infrastructure { addExecutionRole(infra, to: &t) }
        if config.pipelines.containerDeployment != nil {
            addCodeDeployRole(to: &t)
            addBlueGreen(region: env.homeRegion, to: &t)
        }
        for (id, _) in t.resources where id.hasSuffix("Role") {
            t.addOutput(id + "Arn", Output(.getAtt(id, "Arn")))
        }
        return t.resources.isEmpty ? nil : t
    }

    /// The template of a further region, nil when nothing regional is needed there.
    func build(region: String) -> Template? {
        guard config.pipelines.containerDeployment != nil else { return nil }
        var t = Template(description: description(region: region))
        addBlueGreen(region: region, to: &t)
        return t
    }

    private func description(region: String) -> String {
        let stack = region == env.homeRegion ? names.environmentStack(e) : names.environmentStack(e, region: region)
        let what = region == env.homeRegion ? "deployment roles" : "deployment resources in \(region)"
        return "pipegen \(names.project): \(what) for environment '\(e)'. Deploy to account \(env.account.value) in \(region) as stack \(stack)."
    }

    /// The regions this environment deploys to.
    var regions: [String] { env.regions.map(\.value) }

    // MARK: Roles assumed from the tooling account

    private func addAssumedRole(_ role: CrossAccountRole, to t: inout Template) {
        var r = IAM.Role(
            trust: Policies.trust(role: model.toolingRoleArn(role.assumedBy), account: names.toolingAccount, names: names))
        r.roleName = .string(role.name)
        r.description = "pipegen \(names.project): assumed by \(role.assumedBy) in the tooling account"
        r.policies = [IAM.Role.Policy(role.kind.rawValue, statements(for: role))]
        t.add(ID.role(role.kind), Resource(r))
    }

    private func statements(for role: CrossAccountRole) -> [IAM.Statement] {
        let buckets = regions.map { names.artifactBucket(region: $0) }
        let decrypt = Policies.decryptArtifactsFromAnotherAccount(regions: regions, names: names)
        switch role.kind {
        case .cfnDeploy:
            let stack = config.pipelines.infrastructure!.stackName
                .replacing("{project}", with: names.project).replacing("{env}", with: e)
            return [
                IAM.Statement(
                    sid: "DeployApplicationStack",
                    actions: [
                        "cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet",
                        "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplate",
                        "cloudformation:SetStackPolicy", "cloudformation:UpdateStack",
                    ],
                    resources: regions.map { .arn("cloudformation", region: $0, account: Value.thisAccount, "stack/\(stack)/*") }),
                Policies.pass(
                    [names.roleArn(names.environmentRole(.cfnExecution, env: e), account: Value.thisAccount)],
                    to: "cloudformation.amazonaws.com", sid: "PassExecutionRole"),
                Policies.readArtifacts(buckets), decrypt,
            ]
        case .lambdaUpdate:
            let lambda = config.pipelines.infrastructure!.lambda!
            let pattern = lambda.functionName.replacing("{project}", with: names.project).replacing("{env}", with: e)
                .replacing("{function}", with: "*")
            return [
                IAM.Statement(
                    sid: "UpdateFunctionCode",
                    actions: ["lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode"],
                    resources: regions.map { .arn("lambda", region: $0, account: Value.thisAccount, "function:\(pattern)") }),
                Policies.readArtifacts(buckets, prefix: names.lambdaPrefix), decrypt,
            ]
        case .ecsDeploy:
            let app = names.codeDeployApplication(e), group = names.deploymentGroup(e)
            return [
                IAM.Statement(
                    sid: "StartBlueGreenDeployment",
                    actions: [
                        "codedeploy:CreateDeployment", "codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                        "codedeploy:GetDeployment", "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision",
                    ],
                    resources: regions.flatMap { r -> [Value] in
                        [
                            .arn("codedeploy", region: r, account: Value.thisAccount, "application:\(app)"),
                            .arn("codedeploy", region: r, account: Value.thisAccount, "deploymentgroup:\(app)/\(group)"),
                            .arn("codedeploy", region: r, account: Value.thisAccount, "deploymentconfig:*"),
                        ]
                    }),
                // ecs:RegisterTaskDefinition has no resource type: AWS accepts only "*".
                IAM.Statement(sid: "RegisterTaskDefinition", actions: ["ecs:RegisterTaskDefinition"], resources: ["*"]),
                Policies.pass(taskRoleArns, to: "ecs-tasks.amazonaws.com", sid: "PassTaskRoles"),
                Policies.readArtifacts(buckets), decrypt,
            ]
        case .cfnExecution, .codeDeploy:
            preconditionFailure("\(role.kind) is not assumed from the tooling account")
        }
    }

    var taskRoleArns: [Value] {
        (config.pipelines.containerDeployment?.taskRoles ?? []).map {
            names.roleArn($0.replacing("{project}", with: names.project).replacing("{env}", with: e), account: Value.thisAccount)
        }
    }

    // MARK: Roles used by AWS services in this account

    /// The role CloudFormation uses to create the application's resources: the configured
    /// managed policies and statements, or by default PowerUserAccess plus management of the
    /// project's own roles. The pipegen roles themselves are always out of its reach.
    private func addExecutionRole(_ infra: InfrastructureDeployment, to t: inout Template) {
        var role = IAM.Role(trust: Policies.trust(service: "cloudformation.amazonaws.com"))
        role.roleName = .string(names.environmentRole(.cfnExecution, env: e))
        role.description = "pipegen \(names.project): CloudFormation creates the \(e) application stack with this role"
        let custom = infra.executionRole
        role.managedPolicyArns = (custom.managedPolicies ?? ["arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess"]).map {
            $0.contains("${") ? .sub($0) : .string($0)
        }
        var statements: [IAM.Statement] = custom.statements.map {
            IAM.Statement(effect: $0.effect == "Deny" ? .deny : .allow, actions: $0.actions, resources: $0.resources.map { .string($0) })
        }
        if custom.managedPolicies == nil {
            statements.append(
                IAM.Statement(
                    sid: "ManageProjectRoles",
                    actions: [
                        "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
                        "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:PassRole",
                        "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
                    ],
                    resources: [names.roleArn("\(names.project)-*", account: Value.thisAccount)]))
        }
        statements.append(
            IAM.Statement(
                sid: "ProtectPipegenRoles", effect: .deny, actions: ["iam:*"],
                resources: EnvironmentRoleKind.allCases.map { names.roleArn(names.environmentRole($0, env: e), account: Value.thisAccount) }))
        role.policies = [IAM.Role.Policy("application-stack", statements)]
        t.add(ID.role(.cfnExecution), Resource(role))
    }
}
