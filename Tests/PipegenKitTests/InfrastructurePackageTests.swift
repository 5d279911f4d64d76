import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// Issue 11, seed 003: a SAM application's template names local code (`CodeUri: src/...`),
/// which the Serverless transform rejects, so the pipeline builds and packages it first: once
/// per region, into that region's artifact bucket with that region's key; each deploy takes
/// the packaged template of its region (CodePipeline copies the artifact to the action's
/// region), and the execution role may read the packaged code.
@Suite struct TemplatePackageTests {
    static func text(_ package: String) -> String {
        """
        project: orders
        tooling: {account: "111111111111", region: us-east-1}
        environments:
          - name: dev
            account: "222222222222"
            regions: [us-east-1, eu-west-1]
          - name: prod
            account: "333333333333"
            deploy: change-set
        pipelines:
          infrastructure-deployment:
            template: app/template.yaml
        \(package)

        """
    }

    static func tooling(_ config: Config) throws -> Template {
        try #require(StackSet.build(config).stacks.first { $0.name == "tooling" }).template
    }

    static func deploy(_ action: CodePipeline.Pipeline.ActionDeclaration?) -> CodePipeline.Action.CloudFormation? {
        action?.configuration(as: CodePipeline.Action.CloudFormation.self)
    }

    @Test func everyDeployTakesThePackagedTemplateOfItsRegion() throws {
        let config = try inlineConfig(Self.text("    package: sam"))
        let actions = try infrastructureActions(config)
        let package = try #require(actions["Package/PackageTemplate"])
        #expect(package.inputArtifacts.map(\.name) == ["Source"])
        #expect(package.outputArtifacts.map(\.name) == ["PackagedTemplates"])
        for (name, region) in [("dev/Deploy-us-east-1", "us-east-1"), ("dev/Deploy-eu-west-1", "eu-west-1"), ("prod/CreateChangeSet", "us-east-1")] {
            let action = try #require(actions[name])
            #expect(Self.deploy(action)?.templatePath == "PackagedTemplates::packaged-\(region).yaml", "\(name)")
            #expect(Self.deploy(action)?.templateConfiguration == "Source::params/\(name.hasPrefix("dev") ? "dev" : "prod").json")
            #expect(action.inputArtifacts.map(\.name) == ["Source", "PackagedTemplates"], "\(name)")
        }
        // The template owns the code: no zips, no out-of-band update.
        #expect(!actions.keys.contains { $0.contains("PackageLambdas") || $0.contains("UpdateLambdas") })
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }

    @Test func samBuildsOnceAndPackagesForEveryRegion() throws {
        let t = try Self.tooling(try inlineConfig(Self.text("    package: sam")))
        let project = try #require(t.resource("TemplatePackageProject")?.model(as: CodeBuild.Project.self))
        let buildspec = try #require(project.source.buildSpec)
        #expect(buildspec.contains("sam build --template-file \"$TEMPLATE\""))
        #expect(buildspec.contains("sam package --template-file .aws-sam/build/template.yaml --region \"$region\" --s3-bucket \"$bucket\""))
        #expect(buildspec.contains("--kms-key-id \"$key_arn\""))
        #expect(buildspec.contains("packaged-*.yaml"))
        let variables = Dictionary(uniqueKeysWithValues: project.environment.environmentVariables.map { ($0.name, $0.value) })
        #expect(variables["TEMPLATE"] == .string("app/template.yaml"))
        #expect(variables["PACKAGE_PREFIX"] == .string("lambda/packaged"))
        let stores = try #require(variables["ARTIFACT_STORES"])
        guard case .sub(let text, _) = stores else {
            Issue.record("ARTIFACT_STORES is \(stores)")
            return
        }
        #expect(text.contains("us-east-1|orders-artifacts-111111111111-us-east-1|") && text.contains("eu-west-1|orders-artifacts-111111111111-eu-west-1|"))
    }

    @Test func thePackageBuildWritesCodeIntoEveryRegionsBucket() throws {
        let config = try inlineConfig(Self.text("    package: cloudformation"))
        let stack = try #require(StackSet.build(config).stacks.first { $0.name == "tooling" })
        let r = Resolver(template: stack.template, account: stack.account, region: stack.region)
        let role = try #require(stack.template.resource("TemplatePackageRole")?.model(as: IAM.Role.self))
        let statements = role.policies.flatMap(\.policyDocument.statements).map { ResolvedStatement($0, r) }
        for region in ["us-east-1", "eu-west-1"] {
            #expect(ResolvedStatement.allows(statements, "s3:PutObject", on: "arn:aws:s3:::orders-artifacts-111111111111-\(region)/lambda/packaged/0a1b2c"))
        }
        // Uploads encrypt with each region's key (the replica's id is the primary's).
        let encrypts = statements.filter { $0.effect == .allow && $0.matches(action: "kms:GenerateDataKey") }.flatMap { $0.resources ?? [] }
        for region in ["us-east-1", "eu-west-1"] {
            #expect(encrypts.contains { $0.hasPrefix("arn:aws:kms:\(region):111111111111:key/") }, "\(encrypts)")
        }
        let project = try #require(stack.template.resource("TemplatePackageProject")?.model(as: CodeBuild.Project.self))
        #expect(project.source.buildSpec?.contains("aws cloudformation package --template-file \"$TEMPLATE\" --region \"$region\"") == true)
    }

    @Test func theExecutionRoleReadsThePackagedCodeInEveryRegion() throws {
        let access = ArtifactAccess(try inlineConfig(Self.text("    package: sam")))
        for (env, region) in [("dev", "us-east-1"), ("dev", "eu-west-1"), ("prod", "us-east-1")] {
            let problems = try access.problems(
                role: "CloudFormationExecutionRole", in: env, reading: "lambda/packaged/3f8e2c5a", region: region, home: "us-east-1")
            #expect(problems == [], "\(env) in \(region)")
        }
    }

    /// `sam build` needs each function's runtime on the build image: CodeBuild installs the
    /// versions the config names before the build.
    @Test func samInstallsTheRuntimesTheFunctionsNeed() throws {
        let config = try inlineConfig(Self.text("    package: sam\n    package-runtimes: {python: \"3.12\", nodejs: \"20\"}"))
        let project = try #require(try Self.tooling(config).resource("TemplatePackageProject")?.model(as: CodeBuild.Project.self))
        let buildspec = try #require(YAMLReader.parse(project.source.buildSpec ?? "")?.document)
        guard case .map(let top) = buildspec, case .map(let phases)? = top.first(where: { $0.key == "phases" })?.value,
            case .map(let install)? = phases.first(where: { $0.key == "install" })?.value
        else {
            Issue.record("no install phase in the buildspec")
            return
        }
        #expect(install.first { $0.key == "runtime-versions" }?.value == .map([.init("python", .string("3.12")), .init("nodejs", .string("20"))]))
    }

    @Test func aBuildspecFromTheRepositoryPackagesInstead() throws {
        let config = try inlineConfig(Self.text("    package: buildspec\n    package-buildspec: ci/package.yml"))
        let project = try #require(try Self.tooling(config).resource("TemplatePackageProject")?.model(as: CodeBuild.Project.self))
        #expect(project.source.buildSpec == "ci/package.yml")
    }

    @Test func withoutPackageTheCommittedTemplateIsDeployed() throws {
        let actions = try infrastructureActions(try inlineConfig(Self.text("")))
        #expect(actions["Package/PackageTemplate"] == nil)
        #expect(Self.deploy(actions["dev/Deploy-eu-west-1"])?.templatePath == "Source::app/template.yaml")
    }

    @Test func theOutOfBandUpdateCanStillBeAskedFor() throws {
        let actions = try infrastructureActions(try inlineConfig(Self.text("    package: sam\n    lambda: true")))
        #expect(actions.keys.contains("dev/UpdateLambdas-eu-west-1"))
    }
}
