import YAMLKit

/// Source → package Lambdas → lint → per environment: [approval] → deploy → update Lambdas.
public struct InfrastructureDeployment: PipelineSettings, DecodablePipeline {
    public static let kind = PipelineKind.infrastructure
    public static let usesRegistry = false
    public static let runsTests = true
    public static let testsReadStackOutputs = true
    public var source: Source
    /// The CloudFormation template's path in the repository.
    public var template: String
    /// How the template's local code is built and uploaded before it is deployed.
    public var package: Located<PackageTool>
    /// The repository's buildspec that packages the template, with `package: buildspec`.
    public var packageBuildspec: Located<String>
    /// Language runtimes the package build selects (CodeBuild's `runtime-versions`).
    public var packageRuntimes: [RuntimeVersion]
    /// The application stack's name; `{project}` and `{env}` are replaced.
    public var stackName: Located<NamePattern>
    /// Per-environment template configuration file; `{env}` is replaced.
    public var parameters: NamePattern
    /// Template parameter values set on each deploy action, over the template configuration's.
    public var parameterOverrides: [ParameterOverride]
    public var capabilities: [String]
    /// Lambda packaging and code update; nil when off.
    public var lambda: LambdaSettings?
    /// Linters run over the template; empty means no lint stage.
    public var lint: [String]
    public var executionRole: ExecutionRole
    public var build: BuildSettings
    public var buildSettings: BuildSettings? { build }
    public var mark: Mark?

    public init(
        source: Source, template: String = Keys.template.defaultValue, package: Located<PackageTool> = Located(Keys.package.defaultValue),
        packageBuildspec: Located<String> = Located(Keys.packageBuildspec.defaultValue), packageRuntimes: [RuntimeVersion] = [],
        stackName: Located<NamePattern> = Located(Keys.stackName.defaultValue), parameters: NamePattern = Keys.parameters.defaultValue,
        parameterOverrides: [ParameterOverride] = [],
        capabilities: [String] = Keys.capabilities.defaultValue, lambda: LambdaSettings? = LambdaSettings(),
        lint: [String] = Keys.lint.defaultValue, executionRole: ExecutionRole = ExecutionRole(),
        build: BuildSettings = BuildSettings(), mark: Mark? = nil
    ) {
        self.source = source
        self.template = template
        self.package = package
        self.packageBuildspec = packageBuildspec
        self.packageRuntimes = packageRuntimes
        self.stackName = stackName
        self.parameters = parameters
        self.parameterOverrides = parameterOverrides
        self.capabilities = capabilities
        self.lambda = lambda
        self.lint = lint
        self.executionRole = executionRole
        self.build = build
        self.mark = mark
    }

    public enum Keys {
        public static let defaultRepository = "Infrastructure-Deployment"
        public static let template = Key<String>(
            "template", .string(.path), default: "template.yaml", "CloudFormation template path in the repository")
        public static let package = Key<PackageTool>(
            "package", .choice(PackageTool.allCases.map(\.rawValue)), default: .none,
            "build and upload the template's local code per region before deploying: none, sam (sam build and sam package), cloudformation (aws cloudformation package), or buildspec")
        public static let packageBuildspec = Key<String>(
            "package-buildspec", .string(.path), default: "buildspec-package.yml",
            "with 'package: buildspec', the repository's buildspec; it writes packaged-<region>.yaml for each region of ARTIFACT_STORES")
        public static let packageRuntimes = KeySpec(
            "package-runtimes", .map(.string(.text)), example: "{python: \"3.12\"}",
            "language runtimes the package build selects first (CodeBuild runtime-versions), as the functions' runtimes need for sam build")
        public static let stackName = Key<NamePattern>(
            "stack-name", .string(.text), default: "{project}-{env}", "application stack name; {project} and {env} are replaced")
        public static let parameters = Key<NamePattern>(
            "parameters", .string(.path), default: "params/{env}.json", "template configuration file per environment; {env} is replaced")
        public static let parameterOverrides = KeySpec(
            "parameter-overrides", .map(.string(.text)), example: "{Environment: \"{env}\"}",
            "template parameter values of every deploy, over the template configuration's; {project}, {env}, {region} and {account} are replaced, #{Namespace.Variable} is left to CodePipeline")
        public static let capabilities = Key<[String]>(
            "capabilities", .list(.choice(["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]), minItems: 0),
            default: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"], "capabilities the deploy acknowledges")
        public static let lambda = KeySpec(
            "lambda", .either([.boolean, .object(LambdaSettings.spec)]), documentedDefault: "true; false with 'package'", example: "true",
            "Lambda folders zipped and their functions updated; false to turn off")
        public static let lint = Key<[String]>(
            "lint", .list(.choice(["cfn-lint", "cfn-nag"]), minItems: 0), default: ["cfn-lint", "cfn-nag"],
            "linters run over the template; [] for none")
        public static let executionRole = KeySpec("execution-role", .object(ExecutionRole.spec), "CloudFormation execution role permissions")
    }

    static let summary = "deploy the CloudFormation stack along the route to live"
    static let spec = ObjectSpec(
        "infrastructure-deployment pipeline",
        "source → package Lambdas → lint → per environment: [approval] → CloudFormation deploy → update Lambdas",
        keys: [
            Source.key(defaultRepository: Keys.defaultRepository), Keys.template.spec, Keys.package.spec, Keys.packageBuildspec.spec,
            Keys.packageRuntimes,
            Keys.stackName.spec, Keys.parameters.spec,
            Keys.parameterOverrides, Keys.capabilities.spec, Keys.lambda, Keys.lint.spec, Keys.executionRole,
        ] + BuildSettings.keys)

    static func decode(_ r: ObjectReader, at mark: Mark?, _ decoder: ConfigDecoder) -> Pipeline {
        var infra = InfrastructureDeployment(source: decoder.decodeSource(r, defaultRepository: Keys.defaultRepository), mark: mark)
        infra.template = r.read(Keys.template)
        infra.package = r.choice(Keys.package) ?? Located(Keys.package.defaultValue)
        infra.packageBuildspec = r.string(Keys.packageBuildspec.name) ?? Located(Keys.packageBuildspec.defaultValue)
        if let n = r.node(Keys.packageRuntimes.name) { infra.packageRuntimes = decoder.decodeRuntimes(n, owner: r.owner) }
        infra.stackName = r.located(Keys.stackName) ?? Located(Keys.stackName.defaultValue)
        infra.parameters = r.read(Keys.parameters)
        if let n = r.node(Keys.parameterOverrides.name) { infra.parameterOverrides = decoder.decodeParameterOverrides(n, owner: r.owner) }
        infra.capabilities = r.read(Keys.capabilities)
        infra.lint = r.read(Keys.lint)
        // A template whose code is packaged owns it: no zips, no update outside CloudFormation,
        // unless asked for.
        if let n = r.node(Keys.lambda.name) {
            infra.lambda = decoder.decodeLambda(n)
        } else if infra.package.value != .none {
            infra.lambda = nil
        }
        if let e = r.object(Keys.executionRole.name, owner: " in 'execution-role'") { infra.executionRole = decoder.decodeExecutionRole(e) }
        infra.build = BuildSettings(r)
        return .infrastructure(infra)
    }

    func check(_ config: Config, _ context: DecodeContext) {}
}

/// A language runtime and its version, as CodeBuild's `runtime-versions` names them.
public struct RuntimeVersion: Sendable, Hashable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// How the pipeline turns a template with local code (`CodeUri: src/orders`) into one that
/// CloudFormation can deploy: the code built, zipped and uploaded to each region's artifact
/// bucket, the template rewritten to point at it.
public enum PackageTool: String, CaseIterable, Sendable, Hashable, ConfigValue {
    /// The template is deployed as committed.
    case none
    /// `sam build`, then `sam package` for each region.
    case sam
    /// `aws cloudformation package` for each region.
    case cloudformation
    /// The repository's own buildspec (`package-buildspec`).
    case buildspec
}

/// A template parameter's value set on the deploy actions: `{project}`, `{env}`, `{region}`
/// and `{account}` are filled in for each action; `#{Namespace.Variable}` is CodePipeline's.
public struct ParameterOverride: Sendable, Hashable {
    /// The template parameter's logical name.
    public var name: Located<String>
    public var value: Located<NamePattern>

    public init(name: Located<String>, value: Located<NamePattern>) {
        self.name = name
        self.value = value
    }

    /// A parameter's logical name: letters and digits, at most 255 of them.
    /// [Parameters](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html)
    public static func isParameterName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 255
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}

/// Which folders become Lambda zips, whether the stack receives their keys, and which
/// functions the update step changes.
public struct LambdaSettings: Sendable, Hashable {
    /// Each sub-folder is one function's code.
    public var folder: String
    /// The deployed function's name; `{project}`, `{env}` and `{function}` (the sub-folder) are replaced.
    public var functionName: Located<NamePattern>
    /// The function folders whose zip keys each deploy passes to the stack; empty for none.
    public var functions: [Located<String>]
    /// Update the functions' code after each deploy, outside CloudFormation.
    public var update: Bool

    public init(
        folder: String = Keys.folder.defaultValue, functionName: Located<NamePattern> = Located(Keys.functionName.defaultValue),
        functions: [Located<String>] = [], update: Bool? = nil
    ) {
        self.folder = folder
        self.functionName = functionName
        self.functions = functions
        self.update = update ?? Self.updatesByDefault(functions: functions)
    }

    /// Without the keys the stack cannot see new code, so the update step sets it; with them
    /// CloudFormation updates the functions itself (and publishes versions for aliases).
    public static func updatesByDefault(functions: [Located<String>]) -> Bool { functions.isEmpty }

    public enum Keys {
        public static let folder = Key<String>("folder", .string(.path), default: "lambda", "each sub-folder is one function's code")
        public static let functionName = Key<NamePattern>(
            "function-name", .string(.text), default: "{project}-{env}-{function}",
            "deployed function name; {project}, {env} and {function} (the sub-folder) are replaced")
        public static let functions = Key<[String]>(
            "functions", .list(.string(.text), minItems: 0), default: [], example: "[orders, payments]",
            "function folders whose zip keys every deploy passes to the stack: parameter <Folder>CodeKey, with the region's bucket as LambdaCodeBucket")
        public static let update = KeySpec(
            "update", .boolean, documentedDefault: "true; false with 'functions' (the stack takes the code)", example: "false",
            "update the functions' code after each deploy, outside CloudFormation")
    }

    static let spec = ObjectSpec(
        "lambda settings", "zip each sub-folder; pass the zips' keys to the stack, or update the functions after each deploy",
        keys: [Keys.folder.spec, Keys.functionName.spec, Keys.functions.spec, Keys.update])

    /// A function folder's name: what Lambda allows in function names, letters, digits, '-' and '_'.
    public static func isFunctionFolder(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}

/// What the CloudFormation execution role in each environment may do.
public struct ExecutionRole: Sendable, Hashable {
    /// Managed policy ARNs; nil means the documented default.
    public var managedPolicies: [String]?
    public var statements: [PolicyStatement]

    public init(managedPolicies: [String]? = nil, statements: [PolicyStatement] = []) {
        self.managedPolicies = managedPolicies
        self.statements = statements
    }

    static let spec = ObjectSpec(
        "execution role", "what CloudFormation may do in each environment",
        keys: [
            KeySpec(
                "managed-policies", .list(.string(.arn), minItems: 0),
                documentedDefault: "[arn:<partition>:iam::aws:policy/PowerUserAccess]", "managed policies attached to the execution role"),
            KeySpec("statements", .list(.object(PolicyStatement.spec), minItems: 0), defaultValue: .list([]), "inline statements added to it"),
        ])
}

/// An IAM statement written in the config.
public struct PolicyStatement: Sendable, Hashable {
    public var effect: String
    public var actions: [String]
    public var resources: [String]

    public init(effect: String = Keys.effect.defaultValue, actions: [String], resources: [String]) {
        self.effect = effect
        self.actions = actions
        self.resources = resources
    }

    public enum Keys {
        public static let effect = Key<String>("effect", .choice(["Allow", "Deny"]), default: "Allow", "Allow or Deny")
    }

    static let spec = ObjectSpec(
        "statement", "an IAM policy statement",
        keys: [
            Keys.effect.spec,
            KeySpec("actions", .list(.string(.text), minItems: 1), required: true, "IAM actions"),
            KeySpec("resources", .list(.string(.text), minItems: 1), required: true, "resource ARNs"),
        ])
}

extension ConfigDecoder {
    /// `lambda: false`, `lambda: true`, or the settings mapping.
    func decodeLambda(_ n: Node) -> LambdaSettings? {
        if case .mapping = n.kind {
            guard let l = ObjectReader(n, spec: LambdaSettings.spec, owner: " in 'lambda'", context: context, what: "'lambda'") else { return nil }
            var functions: [Located<String>] = []
            for name in l.strings(LambdaSettings.Keys.functions.name) ?? [] {
                guard LambdaSettings.isFunctionFolder(name.value) else {
                    context.error(
                        "'\(name.value)' is not a function folder name", at: name.mark,
                        notes: [.help("name a sub-folder of the Lambda folder: letters, digits, '-' and '_'")])
                    continue
                }
                if let first = functions.first(where: { $0.value == name.value }) {
                    context.error("function '\(name.value)' is listed twice", at: name.mark, notes: [.note("first listed here", at: first.mark)])
                    continue
                }
                functions.append(name)
            }
            return LambdaSettings(
                folder: l.read(LambdaSettings.Keys.folder),
                functionName: l.located(LambdaSettings.Keys.functionName) ?? Located(LambdaSettings.Keys.functionName.defaultValue),
                functions: functions, update: l.bool(LambdaSettings.Keys.update.name))
        }
        return context.bool(n, what: "'lambda' in 'infrastructure-deployment'") == false ? nil : LambdaSettings()
    }

    /// `package-runtimes`: runtime names to versions.
    func decodeRuntimes(_ n: Node, owner: String) -> [RuntimeVersion] {
        guard case .mapping(let pairs) = n.kind else {
            context.error("expected a mapping of runtime names to versions for 'package-runtimes'\(owner), found \(n.kindPhrase)", at: n.mark)
            return []
        }
        return pairs.compactMap { pair in
            let name = pair.key.scalar?.text ?? ""
            guard let version = context.string(pair.value, .string(.text), what: "'\(name)' in 'package-runtimes'\(owner)") else { return nil }
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
                context.error(
                    "'\(name)' is not a CodeBuild runtime name", at: pair.key.mark,
                    notes: [.help("use the names of the build image's runtimes, such as python, nodejs, dotnet, java")])
                return nil
            }
            return RuntimeVersion(name: name, version: version.value)
        }
    }

    /// `parameter-overrides`: template parameter names to values.
    func decodeParameterOverrides(_ n: Node, owner: String) -> [ParameterOverride] {
        guard case .mapping(let pairs) = n.kind else {
            context.error("expected a mapping of parameter names to values for 'parameter-overrides'\(owner), found \(n.kindPhrase)", at: n.mark)
            return []
        }
        var out: [ParameterOverride] = []
        for pair in pairs {
            let name = pair.key.scalar?.text ?? ""
            guard let value = context.string(pair.value, .string(.text), what: "'\(name)' in 'parameter-overrides'\(owner)") else { continue }
            guard ParameterOverride.isParameterName(name) else {
                context.error(
                    "'\(name)' is not a template parameter name", at: pair.key.mark,
                    notes: [.help("parameter names hold only letters and digits, such as ApiUrl")])
                continue
            }
            out.append(ParameterOverride(name: Located(name, at: pair.key.mark), value: Located(NamePattern(value.value), at: value.mark)))
        }
        return out
    }

    func decodeExecutionRole(_ e: ObjectReader) -> ExecutionRole {
        let policies = e.strings("managed-policies")
        for policy in policies ?? [] { checkSubstitutions(policy, in: "a managed policy ARN") }
        return ExecutionRole(
            managedPolicies: policies?.map(\.value),
            statements: (e.list("statements") ?? []).compactMap(decodeStatement))
    }

    /// The references an execution-role value may hold: it becomes `Fn::Sub` text in every
    /// environment's template, where only pseudo parameters resolve (`${!Name}` is a literal).
    /// [Fn::Sub](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html)
    static let executionRoleReferences = ["AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::URLSuffix"]

    private func checkSubstitutions(_ value: Located<String>, in what: String) {
        var rest = value.value[...]
        while let start = rest.firstRange(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let name = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            if name.hasPrefix("!") || Self.executionRoleReferences.contains(String(name)) { continue }
            context.error(
                "'${\(name)}' in \(what) of 'execution-role' is not a pseudo parameter", at: value.mark,
                notes: [
                    .help(
                        "use \(Self.executionRoleReferences.map { "${\($0)}" }.joined(separator: ", ")), or write '${!\(name)}' for the literal text")
                ])
            return
        }
    }

    private func decodeStatement(_ n: Node) -> PolicyStatement? {
        guard
            let r = ObjectReader(
                n, spec: PolicyStatement.spec, owner: " in an execution-role statement", context: context, what: "a statement")
        else { return nil }
        guard let actions = r.strings("actions"), let resources = r.strings("resources") else { return nil }
        for resource in resources { checkSubstitutions(resource, in: "a statement's resource") }
        return PolicyStatement(effect: r.read(PolicyStatement.Keys.effect), actions: actions.map(\.value), resources: resources.map(\.value))
    }
}
