import CloudFormation
import PipegenConfig
import YAMLKit

/// pipegen's stages. Data flows one way; each stage's result is a named type made by one
/// function:
///
///     SourceFile ──ConfigReader.parse──▶ ParsedConfig ──ConfigReader.decode──▶ DecodedConfig
///        ──Pipegen.load──▶ LoadedConfig (every check; the valid Config and its StackSet)
///        ──Renderer.render──▶ RenderedTemplates (files in one format) ──▶ the CLI writes them
///
/// `load` runs every check that can reject a config: the decoder's, the derived names', the
/// limits', the cross-account consistency of the templates it builds with `StackSet.build`
/// (and changes with the config's `overrides`), and the runtime access check (every call the
/// pipelines make at run time is allowed). Plan, graph and removal read a loaded config and
/// never render.
public enum Pipegen {
    /// Reads, decodes and checks a config file.
    public static func load(_ file: SourceFile, _ request: LoadRequest = LoadRequest()) -> LoadedConfig {
        load(ConfigReader.read(file), request)
    }

    /// Checks a decoded config: for a caller that needs the config before it knows what to
    /// ask for (an output folder the config sets).
    public static func load(_ decoded: DecodedConfig, _ request: LoadRequest) -> LoadedConfig {
        let file = decoded.file
        guard let config = decoded.config else {
            return LoadedConfig(file: file, diagnostics: decoded.diagnostics, valid: nil, omittedErrors: decoded.omittedErrors)
        }
        var diagnostics = decoded.diagnostics
        let names =
            NameChecks(config: config, names: Names(config)).run() + BuildChecks(config: config).run()
            + StepChecks(config: config, names: Names(config)).run() + ExistingArtifactChecks(config: config).run()
            + ImageDistribution(config).problems(config)
        diagnostics += names
        // Only a config whose names are valid is built; then its templates must agree with
        // each other and fit the services' limits.
        var valid: ValidConfig?
        if !names.hasErrors {
            let specs = pipelines(config)
            let limits = Limits(config: config, pipelines: specs, files: request)
            // The pipelines' shape (stages, actions, names) is known before any template is
            // built: a config past those limits is refused without building its templates,
            // which for a thousand environments would cost seconds (docs/BENCHMARKS.md).
            let shape = limits.pipelineChecks()
            guard !shape.hasErrors else {
                return LoadedConfig(file: file, diagnostics: (diagnostics + shape).inSourceOrder(), valid: nil)
            }
            diagnostics += shape
            let built = StackSet.build(config)
            // The config's overrides change the built templates before any check reads them.
            let overridden = Overrides.apply(config.overrides, to: built)
            diagnostics += overridden.diagnostics
            if !overridden.diagnostics.hasErrors {
                var checks = Self.checks(config, specs, limits, overridden.stacks)
                if checks.hasErrors, !config.overrides.isEmpty {
                    // A check the built templates pass fails because of an override: say which.
                    checks = Overrides.blame(checks, config.overrides, base: built) { Self.checks(config, specs, limits, $0) }
                }
                diagnostics += checks
                if !checks.hasErrors { valid = ValidConfig(config: config, stacks: overridden.stacks) }
            }
        }
        return LoadedConfig(file: file, diagnostics: diagnostics.inSourceOrder(), valid: valid)
    }

    /// The templates of `config`: built, then changed by its overrides (whose problems
    /// `load` reports; here a change that cannot be made is left out).
    package static func templates(_ config: Config) -> StackSet {
        Overrides.apply(config.overrides, to: StackSet.build(config)).stacks
    }

    /// Every check `load` runs on `stacks` for `config`, the pipelines' shape included.
    static func checks(_ config: Config, _ specs: [PipelineSpec], _ stacks: StackSet) -> [Diagnostic] {
        let limits = Limits(config: config, pipelines: specs)
        return limits.pipelineChecks() + checks(config, specs, limits, stacks)
    }

    /// Every check of the templates: regions, the settings' targets, cross-account consistency,
    /// run-time access and the services' limits of each template.
    static func checks(_ config: Config, _ specs: [PipelineSpec], _ limits: Limits, _ stacks: StackSet) -> [Diagnostic] {
        // Each template's statements are resolved once, in its own job, for both checks; a
        // key or bucket the config brings counts with the policy pipegen tells the user to add.
        let resolved =
            Parallel.map(stacks.stacks) { stack in
                let part = Consistency.resolve(stack)
                return (part, RuntimeIndex.part(stack, part))
            }
            + stacks.existing.map { existing in
                let part = existing.resolved()
                return (part, RuntimeIndex.part(part.stack, part))
            }
        return RegionChecks(config: config, stacks: stacks.stacks).run()
            + SettingsChecks(config: config, stacks: stacks.stacks, specs: specs).run()
            + Consistency(config: config, stacks: stacks.stacks, resolved: resolved.map(\.0)).run()
            + RuntimeAccess.run(config: config, specs: specs, stacks: stacks.stacks, parts: resolved.map(\.1))
            + Parallel.map(stacks.stacks, limits.check).flatMap { $0 }
    }

    /// What a reviewer of a valid config should know beyond its being valid, one sentence
    /// each, pipeline by pipeline (`pipegen validate` prints them as notes).
    public static func notes(_ valid: ValidConfig) -> [String] {
        let names = Names(valid.config)
        return valid.config.declarations.flatMap { $0.reviewNotes(valid.config, names) }
    }

    /// The pipelines of the config: stages and actions, and which role each action assumes.
    public static func pipelines(_ config: Config) -> [PipelineSpec] {
        StagePlanner(config: config, model: AccessModel(config)).pipelines()
    }
}

/// What `Pipegen.load` needs to know of the run to word its messages: where the templates go
/// and in which format, as the user gave them, so that a limit error names the file the user
/// will look for (`infra/cfn/tooling.json`), not a folder pipegen assumed. The kit knows no file
/// system: the folder is only text.
public struct LoadRequest: Sendable, Hashable {
    /// The output folder as the user gave it (`--out`, the config's own setting, or `templates`
    /// next to the config as the user spelled its path).
    public var outputFolder: String
    public var format: OutputFormat

    public init(outputFolder: String = "templates", format: OutputFormat = .yaml) {
        self.outputFolder = outputFolder
        self.format = format
    }

    /// How a messages names the file of the stack `name` (`tooling`, `dev-us-east-1`).
    public func file(_ name: String) -> String { RenderRequest.path(outputFolder, "\(name).\(format.fileExtension)") }
}

/// A config file after every check: its diagnostics, and the config with the templates it
/// builds when none of them is an error.
public struct LoadedConfig: Sendable {
    public let file: SourceFile
    /// In source order: problems of the file as a whole first, then by position.
    public let diagnostics: [Diagnostic]
    /// Nil when `diagnostics` holds an error.
    public let valid: ValidConfig?
    /// Errors found but not kept (past the decoder's first 1,000): counted in reports.
    public var omittedErrors = 0

    public var config: Config? { valid?.config }
}

/// A config that passed every check, with the templates the checks read.
public struct ValidConfig: Sendable {
    public let config: Config
    public let stacks: StackSet

    /// Only `Pipegen.load` makes one for users of the library; tests make their own.
    package init(config: Config, stacks: StackSet) {
        self.config = config
        self.stacks = stacks
    }
}
