import CloudFormation
import PipegenConfig
import YAMLKit

/// infrastructure-deployment: source → package the Lambda folders → lint the template → for
/// each environment (or wave) in route order: [approval] → CloudFormation deploy (directly,
/// or change sets → approval → execute) in every region → Lambda code update → [tests].
struct InfrastructurePipeline: PipelineDeclaration {
    let settings: InfrastructureDeployment
    var kind: PipelineKind { .infrastructure }
    var source: Source { settings.source }
    var mark: Mark? { settings.mark }
    var deploysToEnvironments: Bool { true }

    /// The integration tests that follow its deployments.
    var tests: IntegrationTestsStep { IntegrationTestsStep(pipeline: kind, build: .integrationTests, role: .testsReadOnly) }

    // MARK: Names

    /// The application stack of `env`: the one place `stack-name` is expanded.
    func applicationStack(_ env: String, _ names: Names) -> String {
        names.expand(settings.stackName.value, env: env)
    }

    /// The function names of `env` with `{function}` left for the build to fill in, or
    /// replaced by `function` (`*` for a pattern).
    func functionName(_ lambda: LambdaSettings, env: String, function: String? = nil, _ names: Names) -> String {
        names.expand(lambda.functionName.value, env: env, function: function)
    }

    /// The lambda settings when the update step runs: functions are updated outside
    /// CloudFormation after each deploy.
    var updatedLambdas: LambdaSettings? { settings.lambda.flatMap { $0.update ? $0 : nil } }

    // MARK: Code the stack reads

    /// The parameter that receives the artifact bucket of the deploy's region.
    static let codeBucketParameter = "LambdaCodeBucket"
    /// The namespace of the Lambda package action, whose output variables are the zip keys.
    static let packageNamespace = "PackageLambdas"

    /// A function folder whose zip key the stack receives: the template parameter (and the
    /// package build's output variable) named after it, `orders` → `OrdersCodeKey`.
    struct CodeParameter {
        let folder: Located<String>
        var name: String { Template.logicalId(folder.value) + "CodeKey" }
    }

    /// The function folders whose keys every deploy passes to the stack.
    var codeParameters: [CodeParameter] { (settings.lambda?.functions ?? []).map(CodeParameter.init) }

    /// True when the stack's resources read code from the artifact buckets: CloudFormation
    /// creates them with the execution role, and Lambda fetches an S3 deployment package with
    /// the credentials of its caller, so that role must read the objects and decrypt them
    /// ("Your access has been denied by S3 ... (Service: AWSLambdaInternal)",
    /// https://github.com/aws/aws-cdk/issues/3765).
    var stackReadsCode: Bool { !codeParameters.isEmpty || packagesTemplate }

    /// True when the template is built and packaged before each deploy.
    var packagesTemplate: Bool { settings.package.value != .none }

    /// The prefix of the code the package build uploads, under the Lambda prefix that the
    /// execution role may read.
    static func packagePrefix(_ names: Names) -> String { "\(names.lambdaPrefix)/packaged" }

    /// The packaged template of `region`, in the package action's output artifact.
    static func packagedTemplate(region: String) -> String { "packaged-\(region).yaml" }

    // MARK: Tooling account

    func builds(_ tooling: ToolingBuilder) -> [BuildDeclaration] {
        let names = tooling.names
        let home = names.artifactBucket(region: tooling.topology.homeRegion)
        let homeKey = tooling.keyArn(region: tooling.topology.homeRegion)
        let read = [Policies.readArtifacts([home]), Policies.useKey([homeKey], write: false)]
        var out: [BuildDeclaration] = []
        if let lambda = settings.lambda {
            let statements =
                Policies.readWriteArtifacts([home]) + [
                    IAM.Statement(
                        sid: "StoreLambdaZips", actions: ["s3:PutObject"],
                        resources: tooling.buckets.map { Policies.objectsArn($0, prefix: names.lambdaPrefix) }),
                    Policies.useKey(tooling.keyArns, write: true),
                ]
            // region|bucket|key ARN of every region: uploads name each region's key.
            let stores = tooling.topology.regions.map { "\($0)|\(names.artifactBucket(region: $0))|" + tooling.keyArnText(region: $0) }
            var variables: [(name: String, value: Value)] = [
                ("LAMBDA_FOLDER", .string(lambda.folder)), ("LAMBDA_PREFIX", .string(names.lambdaPrefix)),
                ("ARTIFACT_STORES", .sub(stores.joined(separator: " "))),
            ]
            let parameters = codeParameters
            if !parameters.isEmpty {
                variables.append(("CODE_KEYS", .string(parameters.map { "\($0.folder.value)=\($0.name)" }.joined(separator: " "))))
            }
            out.append(
                BuildDeclaration(
                    kind: .lambdaPackage, settings: build(.lambdaPackage, tooling.config), statements: statements, variables: variables,
                    buildspec: Self.lambdaPackage(exporting: parameters.map(\.name))))
        }
        if packagesTemplate {
            out.append(templatePackage(tooling))
        }
        if !settings.lint.isEmpty {
            out.append(
                BuildDeclaration(
                    kind: .templateLint, settings: build(.templateLint, tooling.config), statements: read,
                    variables: [("TEMPLATE", .string(settings.template))], buildspec: Self.templateLint(tools: settings.lint)))
        }
        if updatedLambdas != nil {
            let assumed = tooling.model.roles(assumedBy: names.buildRole(.lambdaUpdate))
            let update = build(.lambdaUpdate, tooling.config)
            let places = tooling.config.environments.flatMap { env in env.regions.map { BuildPlace(env: env, region: $0.value) } }
            out.append(
                BuildDeclaration(
                    kind: .lambdaUpdate, settings: update, statements: read + [Policies.assume(assumed, tooling.model)],
                    variables: [], buildspec: Self.lambdaUpdate, variants: update.variants(places, names)))
        }
        if let tests = tests.declaration(tooling, settings: build(.integrationTests, tooling.config)) { out.append(tests) }
        return out
    }

    /// The build that builds and packages the template's code for every region: built once,
    /// uploaded to each region's artifact bucket with that region's key (Lambda reads code
    /// only from a bucket in the function's region), one packaged template per region.
    /// [sam package](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-package.html),
    /// [aws cloudformation package](https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html)
    private func templatePackage(_ tooling: ToolingBuilder) -> BuildDeclaration {
        let names = tooling.names
        let home = names.artifactBucket(region: tooling.topology.homeRegion)
        let prefix = Self.packagePrefix(names)
        let statements =
            Policies.readWriteArtifacts([home]) + [
                IAM.Statement(
                    sid: "StorePackagedCode", actions: ["s3:PutObject"], resources: tooling.buckets.map { Policies.objectsArn($0, prefix: prefix) }),
                Policies.useKey(tooling.keyArns, write: true),
            ]
        let stores = tooling.topology.regions.map { "\($0)|\(names.artifactBucket(region: $0))|" + tooling.keyArnText(region: $0) }
        let buildspec: String
        switch settings.package.value {
        case .sam: buildspec = Self.samPackage(runtimes: settings.packageRuntimes)
        case .cloudformation: buildspec = Self.cloudFormationPackage(runtimes: settings.packageRuntimes)
        // A buildspec path in the source: CodeBuild reads it from the input artifact.
        case .buildspec, .none: buildspec = settings.packageBuildspec.value
        }
        return BuildDeclaration(
            kind: .templatePackage, settings: build(.templatePackage, tooling.config), statements: statements,
            variables: [
                ("TEMPLATE", .string(settings.template)), ("PACKAGE_PREFIX", .string(prefix)),
                ("ARTIFACT_STORES", .sub(stores.joined(separator: " "))),
            ], buildspec: buildspec)
    }

    /// The settings of one of its builds.
    func build(_ kind: BuildKind, _ config: Config) -> BuildSettings {
        let name = InfrastructureDeployment.buildNames.first { $0.rawValue == kind.rawValue }!
        return config.buildSettings(settings, name)
    }

    func stages(_ planner: StagePlanner) -> [StageSpec] {
        var stages = [StageSpec(name: "Source", environment: nil, actions: [planner.sourceAction(source)])]
        var packages: [ActionSpec] = []
        if settings.lambda != nil {
            var package = planner.action(
                "PackageLambdas", .build(.lambdaPackage, variables: []), inputs: [Artifact.source], outputs: [Artifact.lambdaPackages])
            if !codeParameters.isEmpty { package.namespace = Self.packageNamespace }
            packages.append(package)
        }
        if packagesTemplate {
            packages.append(
                planner.action(
                    "PackageTemplate", .build(.templatePackage, variables: []), inputs: [Artifact.source],
                    outputs: [Artifact.packagedTemplates]))
        }
        if !packages.isEmpty { stages.append(StageSpec(name: "Package", environment: nil, actions: packages)) }
        if !settings.lint.isEmpty {
            let lint = planner.action("LintTemplate", .build(.templateLint, variables: []), inputs: [Artifact.source])
            stages.append(StageSpec(name: "Lint", environment: nil, actions: [lint]))
        }
        for group in planner.config.stageGroups {
            stages.append(stage(planner, group))
        }
        return stages
    }

    /// The stage of one environment or wave: [approval], then either the deploys, or every
    /// change set, one approval and every execution; each region's Lambda updates after its
    /// deploy, the tests last.
    private func stage(_ planner: StagePlanner, _ group: [Environment]) -> StageSpec {
        let names = planner.names
        let lead = group[0]
        var actions: [ActionSpec] = []
        // With change sets, the environment's approval is the review of its change sets.
        let stacks = (group.count == 1 ? "stack " : "stacks ") + group.map { applicationStack($0.name.value, names) }.joined(separator: ", ")
        if lead.deployMode == .direct, let a = planner.approval(group, what: "deploying \(stacks)") { actions.append(a) }
        var order = actions.count + 1
        if lead.deployMode == .changeSet {
            // All change sets first, one approval, then execute them all.
            for env in group {
                for region in env.regions.map(\.value) {
                    actions.append(cloudFormation(planner, .createChangeSet, "CreateChangeSet", env, group, region, order: order))
                }
            }
            order += 1
            let targets = group.map {
                "stack \(applicationStack($0.name.value, names)) in account \($0.account.value) (\($0.regions.map(\.value).joined(separator: ", ")))"
            }
            let review = "Review change set '\(changeSetName)' of \(targets.joined(separator: "; ")) before it is executed."
            let region = lead.homeRegion
            let link =
                "https://\(region).\(planner.config.partition.consoleHost)/cloudformation/home?region=\(region)"
                + "#/stacks?filteringText=\(applicationStack(lead.name.value, names))"
            actions.append(
                planner.action(
                    "ApproveChangeSet",
                    .approval(
                        topic: planner.approvalTopic(lead), comment: lead.approval?.comment.map { "\($0) \(review)" } ?? review,
                        link: link), order: order))
            order += 1
        }
        for env in group {
            actions += deployment(planner, env, group, from: order)
        }
        return planner.stage(group, actions)
    }

    /// The namespace of the environment's home-region deploy, whose stack outputs the tests read: `DeployDev`.
    static func namespace(_ env: Environment) -> String { "Deploy" + Template.logicalId(env.name.value) }

    private func cloudFormation(
        _ planner: StagePlanner, _ mode: ActionSpec.CloudFormationMode, _ name: String, _ env: Environment,
        _ group: [Environment], _ region: String, order: Int
    ) -> ActionSpec {
        let e = env.name.value
        let names = planner.names
        // Executing a change set deploys what its creation was given.
        let overrides = mode == .executeChangeSet ? nil : Self.json(parameterOverrides(env, region: region, names))
        // The packaged template of the action's region: CodePipeline copies the artifact into
        // that region's artifact store for a cross-region action.
        // [Cross-Region actions](https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html)
        let template =
            packagesTemplate
            ? "\(Artifact.packagedTemplates)::\(Self.packagedTemplate(region: region))" : "\(Artifact.source)::\(settings.template)"
        var inputs = [Artifact.source]
        if packagesTemplate { inputs.append(Artifact.packagedTemplates) }
        return ActionSpec(
            name: planner.named(name + planner.suffix(env, region), env, group),
            kind: .cloudFormation(
                mode, stack: applicationStack(e, names), templatePath: template,
                configurationPath: "\(Artifact.source)::" + names.expand(settings.parameters, env: e, region: region, account: env.account.value),
                capabilities: settings.capabilities,
                executionRole: names.environmentRole(.cfnExecution, env: e), parameterOverrides: overrides),
            runOrder: order, inputs: mode == .executeChangeSet ? [] : inputs, outputs: [],
            role: planner.model.role(.cfnDeploy, in: e), region: region,
            namespace: env.tests?.pipeline == kind && mode != .createChangeSet && region == env.homeRegion ? Self.namespace(env) : nil)
    }

    // MARK: Parameter overrides

    /// A template parameter value of a deploy action, and the config value it comes from.
    struct Override {
        let name: String
        let value: String
        let source: Mark?
    }

    /// The `ParameterOverrides` of `env`'s deploys in `region`: the config's values with the
    /// action's environment, region and account filled in.
    /// [ParameterOverrides](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html)
    func parameterOverrides(_ env: Environment, region: String, _ names: Names) -> [Override] {
        var out = settings.parameterOverrides.map {
            Override(
                name: $0.name.value, value: names.expand($0.value.value, env: env.name.value, region: region, account: env.account.value),
                source: $0.value.mark)
        }
        // The zips' keys, from the package action's output variables, and the bucket of the
        // region (Lambda reads code only from a bucket in the function's region).
        // [FunctionCode](https://docs.aws.amazon.com/lambda/latest/dg/API_FunctionCode.html),
        // [Variables](https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html)
        if stackReadsCode {
            out.append(Override(name: Self.codeBucketParameter, value: names.artifactBucket(region: region), source: nil))
            out += codeParameters.map { Override(name: $0.name, value: "#{\(Self.packageNamespace).\($0.name)}", source: nil) }
        }
        return out
    }

    /// The JSON object CodePipeline takes as `ParameterOverrides`; nil for none.
    static func json(_ overrides: [Override]) -> String? {
        overrides.isEmpty ? nil : JSONWriter.compact(.map(overrides.map { Document.Entry($0.name, .string($0.value)) }))
    }

    /// CodePipeline keeps at most 1,000 characters in an action's configuration value (and
    /// CloudFormation's guide says 1 KB for `ParameterOverrides`).
    static let maxConfigurationValue = Limits.actionConfigurationValue

    /// The first deploy whose overrides would not fit, reported at its longest config value.
    private func overridesTooLong(_ config: Config, _ names: Names) -> [Diagnostic] {
        for env in config.environments {
            for region in env.regions.map(\.value) {
                let overrides = parameterOverrides(env, region: region, names)
                guard let text = Self.json(overrides), text.utf16.count > Self.maxConfigurationValue else { continue }
                let longest = overrides.filter { $0.source != nil }.max { $0.value.utf16.count < $1.value.utf16.count }
                return [
                    .error(
                        "the parameter overrides of environment '\(env.name.value)' in \(region) would be \(text.utf16.count) characters; CodePipeline keeps at most \(Self.maxConfigurationValue)",
                        at: longest?.source ?? mark,
                        notes: [
                            .help(
                                "move values known before the pipeline runs into the template configuration file '\(settings.parameters)'; keep 'parameter-overrides' for the others")
                        ])
                ]
            }
        }
        return []
    }

    /// One environment's deploys (or change set executions) region group by region group,
    /// each followed by its Lambda updates, then its integration tests.
    private func deployment(_ planner: StagePlanner, _ env: Environment, _ group: [Environment], from start: Int) -> [ActionSpec] {
        var actions: [ActionSpec] = []
        var order = start
        for regions in planner.regionGroups(env) {
            for region in regions {
                actions.append(
                    env.deployMode == .changeSet
                        ? cloudFormation(planner, .executeChangeSet, "ExecuteChangeSet", env, group, region, order: order)
                        : cloudFormation(planner, .deploy, "Deploy", env, group, region, order: order))
            }
            order += 1
            if let lambda = updatedLambdas {
                for region in regions {
                    var update = lambdaUpdate(planner, lambda, env, region, order: order)
                    update.name = planner.named(update.name, env, group)
                    actions.append(update)
                }
                order += 1
            }
        }
        let outputs = (env.tests?.variables ?? []).map {
            ActionSpec.Variable(name: $0.name, value: "#{\(Self.namespace(env)).\($0.output)}")
        }
        let testSettings = build(.integrationTests, planner.config)
        if let test = tests.action(planner, env, group, order: order, settings: testSettings, variables: outputs) { actions.append(test) }
        return actions
    }

    private func lambdaUpdate(_ planner: StagePlanner, _ lambda: LambdaSettings, _ env: Environment, _ region: String, order: Int)
        -> ActionSpec
    {
        let e = env.name.value
        let names = planner.names
        let role = planner.model.role(.lambdaUpdate, in: e)!
        let update = build(.lambdaUpdate, planner.config)
        var action = planner.action(
            "UpdateLambdas" + planner.suffix(env, region),
            .build(
                .lambdaUpdate,
                variables: [
                    .init(name: "ENVIRONMENT", value: e),
                    .init(name: "TARGET_ROLE_ARN", value: "arn:${AWS::Partition}:iam::\(role.account):role/\(role.name)", substitution: true),
                    .init(name: "TARGET_REGION", value: region),
                    .init(name: "ARTIFACT_BUCKET", value: names.artifactBucket(region: region)),
                    .init(name: "FUNCTION_NAME", value: functionName(lambda, env: e, names)),
                ]), order: order,
            // A buildspec of the repository is read from the source, the first input.
            inputs: (update.buildspec == nil ? [] : [Artifact.source]) + [Artifact.lambdaPackages])
        action.buildAssumes = role
        action.buildVariant = update.variant(env, region: region)
        return action
    }

    // MARK: Environment accounts

    var roleKinds: [EnvironmentRoleKind] { [.cfnDeploy, .cfnExecution, .lambdaUpdate, .testsReadOnly] }
    var serviceRoleKinds: [EnvironmentRoleKind] { [.cfnExecution] }

    func serviceRoleReads(in env: Environment) -> [(kind: EnvironmentRoleKind, reads: ArtifactScope)] {
        stackReadsCode ? [(.cfnExecution, .lambdaZips)] : []
    }

    func assumedRoles(in env: Environment, names: Names) -> [AssumedRole] {
        var out = [AssumedRole(kind: .cfnDeploy, assumedBy: names.pipelineRole(.infrastructure), reads: .pipelineArtifacts)]
        if updatedLambdas != nil {
            out.append(AssumedRole(kind: .lambdaUpdate, assumedBy: names.buildRole(.lambdaUpdate), reads: .lambdaZips))
        }
        return out + tests.assumedRoles(in: env, names: names)
    }

    func managedPolicies(of role: CrossAccountRole) -> [String] {
        role.kind == tests.role ? [IntegrationTestsStep.readOnlyPolicy] : []
    }

    func permissions(of role: CrossAccountRole, _ environment: EnvironmentBuilder) -> [IAM.Statement] {
        if role.kind == tests.role { return [] }
        let names = environment.names
        let e = environment.e
        let regions = environment.regions
        let buckets = regions.map { names.artifactBucket(region: $0) }
        let decrypt = Policies.decryptArtifactsFromAnotherAccount(regions: regions, names: names)
        if role.kind == .lambdaUpdate, let lambda = updatedLambdas {
            let pattern = functionName(lambda, env: e, function: "*", names)
            return [
                IAM.Statement(
                    sid: "UpdateFunctionCode",
                    actions: ["lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode"],
                    resources: regions.map { .arn("lambda", region: $0, account: Value.thisAccount, "function:\(pattern)") }),
                Policies.readArtifacts(buckets, prefix: names.lambdaPrefix),
            ] + decrypt
        }
        precondition(role.kind == .cfnDeploy, "\(role.kind) is not assumed from the tooling account")
        let stack = applicationStack(e, names)
        var statements: [IAM.Statement] = [
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
                to: names.principal(.cloudformation), sid: "PassExecutionRole"),
            Policies.readArtifacts(buckets),
        ] + decrypt
        // A template with transforms (SAM, AWS::Include) is expanded under the caller's own
        // permission to create a change set on the transform.
        if settings.capabilities.contains("CAPABILITY_AUTO_EXPAND") {
            statements.append(
                IAM.Statement(
                    sid: "ExpandTransforms", actions: ["cloudformation:CreateChangeSet"],
                    resources: regions.map { .arn("cloudformation", region: $0, account: "aws", "transform/*") }))
        }
        return statements
    }

    /// The role CloudFormation uses to create the application's resources: the configured
    /// managed policies and statements, or by default PowerUserAccess plus management of the
    /// project's own roles. The pipegen roles of the account are always out of its reach.
    func addEnvironmentResources(_ environment: EnvironmentBuilder, region: String, to t: inout Template) {
        guard region == environment.env.homeRegion else { return }
        let names = environment.names, e = environment.e
        var role = IAM.Role(trust: Policies.trust(service: names.principal(.cloudformation)))
        role.roleName = .string(names.environmentRole(.cfnExecution, env: e))
        role.description = "Passed to CloudFormation to create the \(e) application stack"
        let custom = settings.executionRole
        role.managedPolicyArns = (custom.managedPolicies ?? ["arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess"]).map {
            $0.contains("${") ? .sub($0) : .string($0)
        }
        var statements: [IAM.Statement] = custom.statements.map {
            IAM.Statement(
                effect: $0.effect == "Deny" ? .deny : .allow, actions: $0.actions,
                resources: $0.resources.map { $0.contains("${") ? .sub($0) : .string($0) })
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
        if stackReadsCode {
            // Lambda reads an S3 deployment package with its caller's credentials: the role
            // CloudFormation creates the functions with.
            let buckets = environment.regions.map { names.artifactBucket(region: $0) }
            var read = Policies.readArtifacts(buckets, prefix: names.lambdaPrefix)
            read.sid = "ReadLambdaCode"
            statements += [read] + Policies.decryptArtifactsFromAnotherAccount(regions: environment.regions, names: names)
        }
        if let boundary = environment.config.permissionsBoundary, boundary.enforce {
            statements = Boundary.guarded(
                statements, Boundary.arn(boundary, owner: .environment(e), account: environment.env.account.value, names))
        }
        statements.append(
            IAM.Statement(sid: "ProtectPipegenRoles", effect: .deny, actions: ["iam:*"], resources: environment.protectedRoleArns))
        role.policies = [IAM.Role.Policy("application-stack", statements)]
        t.add(EnvironmentBuilder.ID.role(.cfnExecution), Resource(role))
    }

    // MARK: Checks, plan and graph

    func environmentNames(_ env: Environment, _ names: Names) -> [DerivedName] {
        let e = env.name.value
        var out = [DerivedName(name: applicationStack(e, names), rule: NameChecks.stack)]
        if let lambda = updatedLambdas {
            // What `function-name` gives before the function's folder name.
            out.append(DerivedName(name: functionName(lambda, env: e, function: "", names), rule: NameChecks.functionPrefix))
        }
        return out
    }

    func nameProblems(_ config: Config, _ names: Names) -> [Diagnostic] {
        let sample = applicationStack("x", names)
        guard NameChecks.isStackName(sample) else {
            return [
                .error(
                    "stack-name '\(settings.stackName.value)' does not give a valid stack name ('\(sample)' for an environment 'x')",
                    at: settings.stackName.mark ?? mark,
                    notes: [.help("stack names start with a letter and hold only letters, digits and hyphens")])
            ]
        }
        return codeParameterClashes() + sharedNames(config, names) + overridesTooLong(config, names)
    }

    /// Every code parameter is named once: two folders may not give one name, and the
    /// config's own overrides may not take one.
    private func codeParameterClashes() -> [Diagnostic] {
        guard stackReadsCode else { return [] }
        var out: [Diagnostic] = []
        var seen: [String: Located<String>] = [:]
        for parameter in codeParameters {
            if let first = seen[parameter.name] {
                out.append(
                    .error(
                        "functions '\(first.value)' and '\(parameter.folder.value)' would both pass their zip key as parameter '\(parameter.name)'",
                        at: parameter.folder.mark,
                        notes: [.note("'\(first.value)' listed here", at: first.mark), .help("rename one of the function folders")]))
            }
            seen[parameter.name] = seen[parameter.name] ?? parameter.folder
        }
        let taken = [Self.codeBucketParameter] + codeParameters.map(\.name)
        for override in settings.parameterOverrides where taken.contains(override.name.value) {
            out.append(
                .error(
                    "parameter '\(override.name.value)' is set by pipegen: it passes the Lambda code to the stack", at: override.name.mark,
                    notes: [.help("give the template parameter another name")]))
        }
        return out
    }

    /// Two environments in one account and region must not deploy one stack, nor may the
    /// update step of one change the other's functions (its role may update every function
    /// its `function-name` matches, `{function}` as `*`). Each environment is compared with
    /// the earlier ones; the first clash of each kind is reported.
    private func sharedNames(_ config: Config, _ names: Names) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let environments = config.environments
        for (j, env) in environments.enumerated() {
            let e = env.name.value
            let regions = env.regions.map(\.value)
            func sharedRegion(_ other: Environment) -> String? {
                guard other.account.value == env.account.value else { return nil }
                return other.regions.map(\.value).first(where: regions.contains)
            }
            let neighbours = environments[..<j].compactMap { other in sharedRegion(other).map { (other, $0) } }
            let stack = applicationStack(e, names)
            if let (other, region) = neighbours.first(where: { applicationStack($0.0.name.value, names) == stack }) {
                out.append(
                    .error(
                        "environments '\(other.name.value)' and '\(e)' would deploy the same stack '\(stack)' in account \(env.account.value), \(region)",
                        at: settings.stackName.mark ?? env.name.mark,
                        notes: [
                            .note("'\(other.name.value)' defined here", at: other.name.mark),
                            .help("put '{env}' into 'stack-name', as its default '\(InfrastructureDeployment.Keys.stackName.defaultValue)' does"),
                        ]))
            }
            guard let lambda = updatedLambdas else { continue }
            let mine = FunctionNames(lambda.functionName.value, env: e, names)
            if let (other, region) = neighbours.first(where: { FunctionNames(lambda.functionName.value, env: $0.0.name.value, names).overlaps(mine) }) {
                let theirs = FunctionNames(lambda.functionName.value, env: other.name.value, names)
                var help = "put '{env}' into 'function-name', as its default '\(LambdaSettings.Keys.functionName.defaultValue)' does"
                if lambda.functionName.value.contains(.env) {
                    let alternative = NamePattern("{project}-{function}-{env}")
                    help =
                        FunctionNames(alternative, env: e, names).overlaps(FunctionNames(alternative, env: other.name.value, names))
                        ? "rename one of the environments: each name makes a pattern that matches the other's functions"
                        : "rename one of the environments, or end 'function-name' with the environment: '\(alternative)'"
                }
                out.append(
                    .error(
                        "the Lambda update steps of environments '\(other.name.value)' ('\(theirs)') and '\(e)' ('\(mine)') in account \(env.account.value), \(region), may change the same functions",
                        at: lambda.functionName.mark ?? env.name.mark,
                        notes: [.note("'\(other.name.value)' defined here", at: other.name.mark), .help(help)]))
            }
        }
        return out
    }

    func repositoryContents(_ steps: ManualSteps) -> String {
        let names = steps.names
        let parameters = steps.config.environments.flatMap { env in
            env.regions.map { names.expand(settings.parameters, env: env.name.value, region: $0.value, account: env.account.value) }
        }
        var files = [settings.template] + uniqued(parameters)
        if settings.package.value == .buildspec { files.append(settings.packageBuildspec.value) }
        if let lambda = settings.lambda {
            let folders = lambda.functions.isEmpty ? "one sub-folder" : lambda.functions.map(\.value).joined(separator: ", ")
            files.append("\(folders) of \(lambda.folder)/ per Lambda function")
        }
        return files.joined(separator: ", ")
    }

    func graphTarget(of role: CrossAccountRole, _ names: Names) -> [String] {
        switch role.kind {
        case .cfnDeploy: return ["CloudFormation stack", applicationStack(role.environment, names)]
        case tests.role: return IntegrationTestsStep.graphTarget
        case .lambdaUpdate:
            let pattern = updatedLambdas.map { functionName($0, env: role.environment, function: "*", names) } ?? "*"
            return ["Lambda functions", pattern]
        default: return [role.name]
        }
    }

    // MARK: Buildspecs

    /// Versions of the linters the lint build installs: pinned, so a new release cannot break
    /// a pipeline that passed yesterday.
    static let cfnLintVersion = "1.51.0"
    static let cfnNagVersion = "0.8.10"

    /// Zips each sub-folder of the Lambda folder (or each folder of `CODE_KEYS`, which must
    /// exist) reproducibly (sorted entries, fixed timestamps, no extra attributes), stores it
    /// under a key made of its SHA-256 in the artifact bucket of every region (naming each
    /// region's key), lists `name key` lines in `functions.txt`, and exports each key of
    /// `CODE_KEYS` (`folder=Variable ...`) as the action's output variable.
    static func lambdaPackage(exporting variables: [String]) -> String {
        Buildspec.script(
            #"""
            : > functions.txt
            package() {
              name="$1"
              zip_file="$PWD/$name.zip"
              (cd "$LAMBDA_FOLDER/$name" && find . -exec touch -h -d '1980-01-01T00:00:00Z' {} + && find . -type f | LC_ALL=C sort | zip -X -q "$zip_file" -@)
              key="$LAMBDA_PREFIX/$name/$(sha256sum "$zip_file" | cut -c1-16).zip"
              for store in $ARTIFACT_STORES; do
                IFS='|' read -r region bucket key_arn <<< "$store"
                aws s3 cp --only-show-errors --region "$region" --sse aws:kms --sse-kms-key-id "$key_arn" "$zip_file" "s3://$bucket/$key"
              done
              printf '%s %s\n' "$name" "$key" >> functions.txt
              echo "packaged $name as $key"
            }
            if [ -n "${CODE_KEYS:-}" ]; then
              for entry in $CODE_KEYS; do
                name="${entry%%=*}"
                [ -d "$LAMBDA_FOLDER/$name" ] || { echo "error: no folder $LAMBDA_FOLDER/$name, but the stack takes the code of function $name" >&2; exit 1; }
                package "$name"
                export "${entry#*=}=$key"
              done
            else
              for dir in "$LAMBDA_FOLDER"/*/; do
                [ -d "$dir" ] || continue
                package "$(basename "$dir")"
              done
            fi
            [ -s functions.txt ] || echo "warning: no function folders under $LAMBDA_FOLDER"

            """#, artifacts: ["functions.txt"], exportedVariables: variables)
    }

    /// Builds the SAM application once, then packages it for every region of
    /// `ARTIFACT_STORES` (`region|bucket|key ARN ...`) into `packaged-<region>.yaml`.
    /// [sam build](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-build.html)
    static func samPackage(runtimes: [RuntimeVersion]) -> String {
        Buildspec.script(
            #"""
            export SAM_CLI_TELEMETRY=0
            sam build --template-file "$TEMPLATE" --build-dir .aws-sam/build
            for store in $ARTIFACT_STORES; do
              IFS='|' read -r region bucket key_arn <<< "$store"
              sam package --template-file .aws-sam/build/template.yaml --region "$region" --s3-bucket "$bucket" --s3-prefix "$PACKAGE_PREFIX" --kms-key-id "$key_arn" --output-template-file "packaged-$region.yaml"
              echo "packaged $TEMPLATE for $region"
            done

            """#, artifacts: ["packaged-*.yaml"], runtimeVersions: runtimes.map { ($0.name, $0.version) })
    }

    /// Packages the template for every region of `ARTIFACT_STORES` into `packaged-<region>.yaml`.
    static func cloudFormationPackage(runtimes: [RuntimeVersion]) -> String {
        Buildspec.script(
            #"""
            for store in $ARTIFACT_STORES; do
              IFS='|' read -r region bucket key_arn <<< "$store"
              aws cloudformation package --template-file "$TEMPLATE" --region "$region" --s3-bucket "$bucket" --s3-prefix "$PACKAGE_PREFIX" --kms-key-id "$key_arn" --output-template-file "packaged-$region.yaml"
              echo "packaged $TEMPLATE for $region"
            done

            """#, artifacts: ["packaged-*.yaml"], runtimeVersions: runtimes.map { ($0.name, $0.version) })
    }

    /// Lints the template with the configured tools; any finding fails the stage.
    static func templateLint(tools: [String]) -> String {
        var spec = Buildspec(shell: nil, build: [])
        if tools.contains("cfn-lint") {
            spec.install.append(#"pip install --quiet "cfn-lint==\#(cfnLintVersion)""#)
            spec.build.append(#"cfn-lint "$TEMPLATE""#)
        }
        if tools.contains("cfn-nag") {
            spec.install.append("gem install --no-document cfn-nag -v \(cfnNagVersion)")
            spec.build.append(#"cfn_nag_scan --input-path "$TEMPLATE""#)
        }
        return spec.text
    }

    /// Assumes the environment's Lambda-update role and points every packaged function at its
    /// new zip, waiting until each update has finished.
    static let lambdaUpdate = Buildspec.script(
        #"""
        read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<< "$(aws sts assume-role --role-arn "$TARGET_ROLE_ARN" --role-session-name "pipegen-$ENVIRONMENT" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)"
        export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
        while read -r name key; do
          [ -n "$name" ] || continue
          function_name="${FUNCTION_NAME//\{function\}/$name}"
          echo "updating $function_name in $TARGET_REGION from s3://$ARTIFACT_BUCKET/$key"
          aws lambda update-function-code --region "$TARGET_REGION" --function-name "$function_name" --s3-bucket "$ARTIFACT_BUCKET" --s3-key "$key" --query LastUpdateStatus --output text
          aws lambda wait function-updated --region "$TARGET_REGION" --function-name "$function_name"
        done < functions.txt

        """#)
}

extension Artifact {
    /// The package build's output: `packaged-<region>.yaml` for every region.
    static let packagedTemplates = "PackagedTemplates"
}

extension BuildKind {
    static let templatePackage = BuildKind(InfrastructureDeployment.Builds.templatePackage)
    static let lambdaPackage = BuildKind(InfrastructureDeployment.Builds.lambdaPackage)
    static let templateLint = BuildKind(InfrastructureDeployment.Builds.templateLint)
    static let lambdaUpdate = BuildKind(InfrastructureDeployment.Builds.lambdaUpdate)
    static let integrationTests = BuildKind(InfrastructureDeployment.Builds.integrationTests, category: .test)
}

extension EnvironmentRoleKind {
    /// Assumed by the infrastructure pipeline to run CloudFormation.
    static let cfnDeploy = EnvironmentRoleKind("cfn-deploy", id: "CloudFormationDeployRole")
    /// Passed to CloudFormation; creates the application's resources.
    static let cfnExecution = EnvironmentRoleKind("cfn-exec", id: "CloudFormationExecutionRole")
    /// Assumed by the Lambda-update build to update function code.
    static let lambdaUpdate = EnvironmentRoleKind("lambda-update", id: "LambdaUpdateRole")
    /// Assumed by the integration tests build, when an environment's tests ask for it.
    static let testsReadOnly = EnvironmentRoleKind("tests", id: "IntegrationTestsRole")
}

/// The names one environment's `function-name` gives: a fixed text around the function's
/// folder name (`{function}`), as the update role's `*` pattern matches them.
struct FunctionNames: CustomStringConvertible {
    let prefix: String
    let suffix: String
    /// False when the pattern has no `{function}`: every folder updates the one function.
    let hasFolder: Bool

    init(_ pattern: NamePattern, env: String, _ names: Names) {
        let hole = "\u{0}"
        let name = names.expand(pattern, env: env, function: hole)
        let parts = name.split(separator: hole, omittingEmptySubsequences: false)
        prefix = String(parts[0])
        suffix = parts.count > 1 ? String(parts[parts.count - 1]) : ""
        hasFolder = parts.count > 1
    }

    var description: String { hasFolder ? prefix + "*" + suffix : prefix }

    /// True when a function name of one could be a function name of the other: both start with
    /// the longer prefix and end with the longer suffix (folder names are any non-empty text).
    func overlaps(_ other: FunctionNames) -> Bool {
        switch (hasFolder, other.hasFolder) {
        case (true, true):
            return (prefix.hasPrefix(other.prefix) || other.prefix.hasPrefix(prefix))
                && (suffix.hasSuffix(other.suffix) || other.suffix.hasSuffix(suffix))
        case (true, false): return matches(other.prefix)
        case (false, true): return other.matches(prefix)
        case (false, false): return prefix == other.prefix
        }
    }

    private func matches(_ name: String) -> Bool {
        name.count > prefix.count + suffix.count && name.hasPrefix(prefix) && name.hasSuffix(suffix)
    }
}
