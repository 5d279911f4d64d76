/// Checks that need more than one key at a time: uniqueness, partitions, pipeline needs.
/// Names derived from the config (roles, buckets, pipelines) are checked by the kit, which
/// derives them.
struct SemanticChecks {
    let context: DecodeContext

    func run(_ config: Config) {
        var seen: [String: Environment] = [:]
        let partition = config.partition
        for env in config.environments {
            let name = env.name.value
            if let first = seen[name] {
                context.error(
                    "duplicate environment name '\(name)'", at: env.name.mark,
                    notes: [.note("'\(name)' first defined here", at: first.name.mark)])
            }
            seen[name] = seen[name] ?? env
            var regions: [String: Located<String>] = [:]
            for region in env.regions {
                if let first = regions[region.value] {
                    context.error(
                        "region '\(region.value)' is listed twice in environment '\(name)'", at: region.mark,
                        notes: [.note("first listed here", at: first.mark)])
                }
                regions[region.value] = regions[region.value] ?? region
                let p = Region.partition(of: region.value)
                if p != partition {
                    context.error(
                        "region '\(region.value)' is in partition '\(p.name)', but the tooling region '\(config.tooling.region.value)' is in '\(partition.name)'",
                        at: region.mark ?? env.mark,
                        notes: [.help("a pipeline cannot deploy across partitions; use a tooling account in '\(p.name)' for these environments")])
                }
            }
            if !config.pipelines.kinds.contains(.containerDeployment), env.ecs != nil {
                context.warning(
                    "'ecs' in environment '\(name)' is not used: pipelines.container-deployment is not configured", at: env.mark)
            }
        }
        for pipeline in config.pipelines.all {
            pipeline.decodable.check(config, context)
        }
        checkRepositories(config)
        checkWaves(config)
        checkTests(config)
    }

    /// An environment's tests follow a pipeline the config has, and read stack outputs only
    /// from a pipeline that deploys a stack.
    private func checkTests(_ config: Config) {
        let runners = config.pipelines.all.filter { type(of: $0.settings).runsTests }.map(\.kind.rawValue)
        let all = PipelineKind.allCases.filter { $0.settingsType.runsTests }.map(\.rawValue)
        for env in config.environments {
            guard let tests = env.tests else { continue }
            let name = env.name.value
            guard let kind = config.testsPipeline(of: env) else {
                if let after = tests.after {
                    context.error(
                        "the tests of environment '\(name)' follow '\(after.value.rawValue)', which the config does not have",
                        at: after.mark,
                        notes: [
                            .help(
                                runners.isEmpty
                                    ? "add pipelines.\(after.value.rawValue), or remove 'tests'"
                                    : "use \(runners.map { "'\($0)'" }.joined(separator: " or ")), or add pipelines.\(after.value.rawValue)")
                        ])
                } else {
                    context.error(
                        "environment '\(name)' has tests, but no pipeline of the config runs them", at: tests.mark ?? env.mark,
                        notes: [.help("tests follow the deployment of \(all.joined(separator: " or ")); add one, or remove 'tests'")])
                }
                continue
            }
            if !tests.variables.isEmpty, !kind.settingsType.testsReadStackOutputs {
                let readers = PipelineKind.allCases.filter { $0.settingsType.testsReadStackOutputs }.map(\.rawValue)
                context.error(
                    "the tests of environment '\(name)' follow \(kind.rawValue), which deploys no stack whose outputs 'variables' could read",
                    at: tests.variablesMark ?? tests.mark,
                    notes: [.help("remove 'variables', or run the tests after \(readers.joined(separator: " or ")) ('after')")])
            }
        }
    }

    /// A wave's environments stand next to each other and agree on what shapes their shared
    /// stage; a wave name is not also an environment name (stage names must be unique).
    private func checkWaves(_ config: Config) {
        var closed: Set<String> = []
        let names = Set(config.environments.map(\.name.value))
        for group in config.stageGroups {
            guard let wave = group[0].wave else { continue }
            if closed.contains(wave.value) {
                context.error(
                    "wave '\(wave.value)' continues after other environments", at: wave.mark,
                    notes: [.help("put the environments of a wave next to each other in 'environments'")])
            }
            closed.insert(wave.value)
            if names.contains(wave.value) {
                context.error(
                    "wave '\(wave.value)' has the name of an environment", at: wave.mark,
                    notes: [.help("give the wave its own name; it becomes the name of the stage")])
            }
            let first = group[0]
            for env in group.dropFirst() {
                let differs: String? =
                    env.approval != first.approval ? "approval"
                    : env.deployMode != first.deployMode ? "deploy"
                    : env.rollback != first.rollback ? "rollback" : nil
                if let key = differs {
                    context.error(
                        "environment '\(env.name.value)' of wave '\(wave.value)' has another '\(key)' than '\(first.name.value)'",
                        at: env.wave?.mark ?? env.mark,
                        notes: [.help("environments deploying in one stage share its approval, deploy mode and rollback")])
                }
            }
        }
    }

    private func checkRepositories(_ config: Config) {
        let sources = config.pipelines.all.map { ($0.kind.rawValue, $0.source) }
        var seen: [String: String] = [:]
        for (pipeline, source) in sources {
            let repo = source.repository
            if source.isCodeCommit {
                checkCodeCommit(source)
            } else {
                checkConnection(source, home: config.tooling.region.value)
            }
            let key = "\(source.provider.value.rawValue)|\(repo.value)|\(source.branch.value)|\(source.filePaths)"
            if let other = seen[key] {
                context.error(
                    "pipelines '\(other)' and '\(pipeline)' use the same repository '\(repo.value)'", at: repo.mark,
                    notes: [.help("give each pipeline its own repository (or, with a connection, its own file-paths); a push would otherwise start both")])
            }
            seen[key] = pipeline
        }
        if let repo = config.registry.repository, !Self.isECRName(repo.value.expanded([(.project, config.project.value)])) {
            context.error(
                "'\(repo.value.text)' is not a valid ECR repository name", at: repo.mark,
                notes: [.help("use 2-256 lowercase letters, digits and '.', '_', '-', '/' between them")])
        } else if config.registry.repository == nil, config.pipelines.usesRegistry, !Self.isECRName(config.project.value) {
            // The default repository name is the project's, which may be a single letter.
            context.error(
                "the image repository would be named '\(config.project.value)', which is not a valid ECR repository name",
                at: config.project.mark,
                notes: [.help("set 'registry.repository' to a name of 2 or more characters, or use a longer project name")])
        }
    }

    private func checkCodeCommit(_ source: Source) {
        let repo = source.repository
        if !Self.isCodeCommitName(repo.value) {
            context.error(
                "'\(repo.value)' is not a valid CodeCommit repository name", at: repo.mark,
                notes: [.help("use 1-100 letters, digits, '.', '_' and '-', not ending in '.git'")])
        }
        if let connection = source.connection {
            context.error(
                "'connection' needs a connection provider; this source is a CodeCommit repository", at: connection.mark,
                notes: [.help("set 'provider' to github, github-enterprise, bitbucket or gitlab, or remove 'connection'")])
        }
        if !source.filePaths.isEmpty {
            context.error(
                "'file-paths' works only with connection providers", at: source.filePathsMark ?? repo.mark,
                notes: [.note("CodeCommit sources are started by EventBridge rules, which cannot filter by path")])
        }
    }

    private func checkConnection(_ source: Source, home: String) {
        let repo = source.repository
        if let from = source.pullRequestFrom {
            context.error(
                "'pull-request-from' needs a CodeCommit source", at: from.mark,
                notes: [.note("pipegen opens pull requests through CodeCommit's API; use your Git host's own automation for \(source.provider.value.rawValue)")])
        }
        let parts = repo.value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count < 2 || parts.contains(where: \.isEmpty) || repo.value.contains(" ") {
            context.error(
                "repository '\(repo.value)' must be 'owner/name' for a \(source.provider.value.rawValue) source", at: repo.mark,
                notes: [.help("write the full repository id, such as 'my-org/my-service'")])
        }
        guard let connection = source.connection else {
            if !source.provider.value.connectionCanBeCreated {
                context.error(
                    "a github-enterprise source needs an existing 'connection' ARN", at: source.provider.mark,
                    notes: [.help("create the host and connection for your GitHub Enterprise Server once, then give its ARN")])
            }
            return
        }
        let fields = connection.value.split(separator: ":", omittingEmptySubsequences: false)
        let service = fields.count > 2 ? fields[2] : ""
        if fields.count != 6 || !(service == "codestar-connections" || service == "codeconnections") || !fields[5].hasPrefix("connection/") {
            context.error(
                "'\(connection.value)' is not a CodeConnections connection ARN", at: connection.mark,
                notes: [.help("connection ARNs look like arn:aws:codeconnections:eu-west-1:111111111111:connection/<id>")])
        } else if fields[3] != home {
            context.error(
                "connection '\(connection.value)' is in \(fields[3]), but the pipelines run in \(home)", at: connection.mark,
                notes: [.help("a pipeline can only use a connection of its own region; create one in \(home)")])
        }
    }

    static func isCodeCommitName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 100 && !s.hasSuffix(".git")
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, 2 to 256 characters.
    static func isECRName(_ s: String) -> Bool {
        guard s.utf8.count >= 2, s.utf8.count <= 256 else { return false }
        for component in s.split(separator: "/", omittingEmptySubsequences: false) {
            var previousSeparator = true
            for c in component.unicodeScalars {
                let alnum = ("a"..."z").contains(c) || ("0"..."9").contains(c)
                if alnum {
                    previousSeparator = false
                } else if "._-".unicodeScalars.contains(c), !previousSeparator {
                    previousSeparator = true
                } else {
                    return false
                }
            }
            if previousSeparator { return false }
        }
        return true
    }
}
