import PipegenConfig
import YAMLKit

extension DeploymentPlan {
    /// The largest template `aws cloudformation deploy` passes inline; larger ones go through S3.
    public static let inlineTemplateLimit = 51_200

    /// Plans the deployment of a config's templates, rendered as `files` (as `render` writes
    /// them) into `templateFolder` (the folder as the user reaches it, for the commands).
    public init(_ valid: ValidConfig, files: [RenderedFile], templateFolder: String) {
        self = Planner(
            config: valid.config, stacks: valid.stacks.stacks, existing: valid.stacks.existing, files: files,
            folder: templateFolder
        ).plan()
    }

    /// The bucket the plan suggests for templates too large to pass inline: one per account
    /// and region, since CloudFormation reads it from the stack's region. Without the project
    /// in it, so projects sharing an account share it, and it always fits S3's 63 characters.
    public static func templateBucket(account: String, region: String) -> String {
        "pipegen-templates-\(account)-\(region)"
    }
}

/// Builds a `DeploymentPlan`: profiles, phases from the templates' dependencies, commands,
/// and the manual steps (see `ManualSteps`) slotted in before or after the phases.
struct Planner {
    let config: Config
    let stacks: [StackTemplate]
    /// The keys and buckets the config brings, whose policies the user completes by hand.
    var existing: [ExistingResource] = []
    let files: [RenderedFile]
    let folder: String

    var project: String { config.project.value }

    func plan() -> DeploymentPlan {
        let profiles = self.profiles()
        let (dependencies, unknown) = StackDependencies.analyse(stacks)
        let (phaseOf, cycle) = layers(dependencies)
        var deployments: [StackDeployment] = []
        for stack in stacks {
            let profile = self.profile(for: stack.account, in: profiles)
            deployments.append(deployment(stack, profile: profile, profiles: profiles, dependencies: dependencies))
        }
        var problems: [String] = []
        if !cycle.isEmpty {
            problems.append("no deployment order exists: these templates wait for each other in a circle")
            problems += cycle.map { "'\($0.template)' waits for '\($0.on)': it \($0.reason)" }
        } else if let lost = stacks.first(where: { phaseOf[$0.name] == nil }) {
            // A stack the pipelines need cannot wait for one deployed after their first run.
            problems.append("'\(lost.name)' waits for a template that is deployed only after a pipeline's first run")
        }
        // An unknown parameter is a bug like a cycle: no command could fill it.
        problems += unknown.map { "\($0) has no known source, so no command can fill it" }
        var manual = ManualSteps(config: config, profiles: profiles, deployments: deployments, phaseOf: phaseOf, stacks: stacks)
        manual.existing = existing
        var steps: [Step] = []
        func append(_ kind: Step.Kind) { steps.append(Step(number: steps.count + 1, kind: kind)) }
        func appendPhase(_ number: Int) {
            let members = deployments.filter { phaseOf[$0.name] == number }
            if !members.isEmpty { append(.phase(Phase(number: number, stacks: members))) }
        }
        let phaseCount = phaseOf.values.max() ?? 0
        // Stacks that need a pipeline's first run come after the pushes that start it.
        let gated = stacks.filter { $0.gate != nil }
        let firstGated = gated.compactMap { phaseOf[$0.name] }.min()
        if problems.isEmpty {
            for number in 1...max(phaseCount, 1) where number < (firstGated ?? Int.max) {
                for m in manual.before(phase: number) { append(.manual(m)) }
                appendPhase(number)
            }
            for m in manual.afterDeployment() { append(.manual(m)) }
            if let firstGated {
                for m in manual.beforeGated(gated) { append(.manual(m)) }
                for number in firstGated...phaseCount { appendPhase(number) }
            }
            for m in manual.afterPipelinesRun() { append(.manual(m)) }
        }
        return DeploymentPlan(project: project, profiles: profiles, steps: steps, problems: problems)
    }

    /// One profile per account: `<project>-tooling`, then `<project>-<first environment>`.
    func profiles() -> [Profile] {
        var list = [Profile(name: "\(project)-tooling", account: config.tooling.account.value, users: ["tooling"])]
        for env in config.environments {
            let e = env.name.value
            if let i = list.firstIndex(where: { $0.account == env.account.value }) {
                list[i].users.append(e)
            } else {
                list.append(Profile(name: "\(project)-\(e)", account: env.account.value, users: [e]))
            }
        }
        return list
    }

    func profile(for account: String, in profiles: [Profile]) -> String {
        profiles.first { $0.account == account }?.name ?? "\(project)-\(account)"
    }

    /// The phase of each template (1 + the latest phase it depends on; a template that needs
    /// a pipeline's first run after every template that does not), and the edges of a cycle
    /// when some templates can never be placed.
    func layers(_ dependencies: [Dependency]) -> (phaseOf: [String: Int], cycle: [Dependency]) {
        Self.layers(stacks.map { ($0.name, $0.gate != nil) }, dependencies)
    }

    /// `layers` over templates given by name, each saying whether it waits for a pipeline's
    /// first run, so templates read back from old files are ordered the same way.
    static func layers(
        _ templates: [(name: String, gated: Bool)], _ dependencies: [Dependency]
    ) -> (phaseOf: [String: Int], cycle: [Dependency]) {
        var phase: [String: Int] = [:]
        func place(_ members: [String], after floor: Int) {
            var progress = true
            while progress {
                progress = false
                for name in members where phase[name] == nil {
                    let needs = dependencies.filter { $0.template == name }
                    guard needs.allSatisfy({ phase[$0.on] != nil }) else { continue }
                    phase[name] = 1 + max(floor, needs.compactMap { phase[$0.on] }.max() ?? 0)
                    progress = true
                }
            }
        }
        place(templates.filter { !$0.gated }.map(\.name), after: 0)
        place(templates.filter(\.gated).map(\.name), after: phase.values.max() ?? 0)
        guard let start = templates.first(where: { phase[$0.name] == nil })?.name else { return (phase, []) }
        // Walk unplaced templates until one repeats: the walk from its first visit is a cycle.
        var path: [Dependency] = []
        var current = start
        while !path.contains(where: { $0.template == current }) {
            guard let next = dependencies.first(where: { $0.template == current && phase[$0.on] == nil }) else { break }
            path.append(next)
            current = next.on
        }
        let first = path.firstIndex { $0.template == current } ?? 0
        return (phase, Array(path[first...]))
    }

    func deployment(
        _ stack: StackTemplate, profile: String, profiles: [Profile], dependencies: [Dependency]
    ) -> StackDeployment {
        let file = files.first { $0.name.hasPrefix(stack.name + ".") && !$0.name.dropFirst(stack.name.count + 1).contains(".") }
        let fileName = file?.name ?? "\(stack.name).yaml"
        let bytes = file?.contents.utf8.count ?? 0
        let path = folder.isEmpty || folder == "." ? fileName : (folder.hasSuffix("/") ? folder + fileName : "\(folder)/\(fileName)")
        let bucket =
            bytes > DeploymentPlan.inlineTemplateLimit
            ? DeploymentPlan.templateBucket(account: stack.account, region: stack.region) : nil
        var parameters: [ParameterValue] = []
        for (id, _) in stack.template.parameters {
            guard let source = StackDependencies.parameterSources[id], let from = stacks.first(where: { $0.name == source.template })
            else { continue }
            parameters.append(
                ParameterValue(
                    name: id, template: from.name, stackName: from.stackName, output: source.output, region: from.region,
                    profile: self.profile(for: from.account, in: profiles)))
        }
        let capabilities = Self.capabilities(stack.template.document)
        var command = [
            "aws cloudformation deploy", "--template-file \(Shell.quote(path))", "--stack-name \(stack.stackName)",
            "--region \(stack.region)",
        ]
        if !capabilities.isEmpty { command.append("--capabilities " + capabilities.joined(separator: " ")) }
        if let bucket { command.append("--s3-bucket \(bucket)") }
        if !parameters.isEmpty {
            command.append("--parameter-overrides " + parameters.map { "\($0.name)=\"$(\(Self.fetch($0)))\"" }.joined(separator: " "))
        }
        // The stack's tags (CloudFormation also passes them to the resources that take tags);
        // the CLI splits each `Key=Value` at its first '=' (keys hold none: the decoder says so).
        // [deploy](https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudformation/deploy.html)
        if !stack.tags.isEmpty { command.append("--tags " + stack.tags.map { Shell.quote("\($0.key)=\($0.value)") }.joined(separator: " ")) }
        // Re-running a phase after a partial failure must not fail on the stacks already done.
        command += ["--no-fail-on-empty-changeset", "--profile \(profile)"]
        return StackDeployment(
            name: stack.name, stackName: stack.stackName, account: stack.account, region: stack.region, profile: profile,
            templateFile: path, templateBytes: bytes, capabilities: capabilities, s3Bucket: bucket, parameters: parameters,
            dependsOn: dependencies.filter { $0.template == stack.name }, command: command)
    }

    /// The command that prints a stack output's value, for `$(...)`.
    static func fetch(_ p: ParameterValue) -> String {
        "aws cloudformation describe-stacks --stack-name \(p.stackName) --region \(p.region) --profile \(p.profile)"
            + " --query \"Stacks[0].Outputs[?OutputKey=='\(p.output)'].OutputValue\" --output text"
    }

    /// `CAPABILITY_NAMED_IAM` when an IAM resource has a name, `CAPABILITY_IAM` when IAM
    /// resources are all unnamed, nothing without IAM resources.
    static func capabilities(_ template: Document) -> [String] {
        let nameKeys = ["RoleName", "ManagedPolicyName", "UserName", "GroupName", "InstanceProfileName"]
        var iam = false
        for entry in template["Resources"]?.mapValue ?? [] {
            guard entry.value["Type"]?.stringValue?.hasPrefix("AWS::IAM::") == true else { continue }
            iam = true
            if nameKeys.contains(where: { entry.value["Properties"]?[$0] != nil }) { return ["CAPABILITY_NAMED_IAM"] }
        }
        return iam ? ["CAPABILITY_IAM"] : []
    }
}

/// Quoting for POSIX shells.
enum Shell {
    /// `text` as one shell word: unchanged when it holds only safe characters, otherwise in
    /// single quotes (a quote inside becomes `'\''`).
    static func quote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./:=@%+,".unicodeScalars.contains($0))
        }
        if safe, !text.isEmpty { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
