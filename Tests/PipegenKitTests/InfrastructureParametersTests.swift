import CloudFormation
import PipegenConfig
@testable import PipegenKit
import Testing
import YAMLKit

/// The infrastructure pipeline's CloudFormation actions of a config, by stage and action name.
func infrastructureActions(_ config: Config) throws -> [String: CodePipeline.Pipeline.ActionDeclaration] {
    let tooling = try #require(StackSet.build(config).stacks.first { $0.name == "tooling" })
    let pipeline = try #require(tooling.template.resource("InfrastructureDeploymentPipeline")?.model(as: CodePipeline.Pipeline.self))
    var out: [String: CodePipeline.Pipeline.ActionDeclaration] = [:]
    for stage in pipeline.stages {
        for action in stage.actions { out["\(stage.name)/\(action.name)"] = action }
    }
    return out
}

/// Issue 11: inline parameter overrides for the CloudFormation actions, beside the template
/// configuration file; `{env}`, `{region}`, `{account}` and `{project}` are filled in per
/// action, `#{Namespace.Variable}` is kept for CodePipeline to resolve; CodePipeline keeps at
/// most 1,000 characters in an action's configuration value.
@Suite struct ParameterOverridesTests {
    static func config(overrides: String, extra: String = "") -> String {
        """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - name: dev
            account: "222222222222"
            regions: [eu-west-1, eu-central-1]
          - name: prod
            account: "333333333333"
            deploy: change-set
        pipelines:
          infrastructure-deployment:
            lambda: false
        \(extra)    parameter-overrides:
        \(overrides)

        """
    }

    static let overrides = """
              Environment: "{env}"
              Region: "{region}"
              Account: "{account}"
              Name: "{project}-{env}"
              Build: "#{codepipeline.PipelineExecutionId}"
        """

    static func overrides(_ action: CodePipeline.Pipeline.ActionDeclaration?) -> Value? {
        action?.configuration(as: CodePipeline.Action.CloudFormation.self)?.parameterOverrides
    }

    @Test func everyDeployAndChangeSetGetsItsEnvironmentsValues() throws {
        let actions = try infrastructureActions(try inlineConfig(Self.config(overrides: Self.overrides)))
        #expect(
            Self.overrides(actions["dev/Deploy-eu-west-1"])
                == .string(
                    ##"{"Environment":"dev","Region":"eu-west-1","Account":"222222222222","Name":"shop-dev","Build":"#{codepipeline.PipelineExecutionId}"}"##
                ))
        #expect(
            Self.overrides(actions["dev/Deploy-eu-central-1"])
                == .string(
                    ##"{"Environment":"dev","Region":"eu-central-1","Account":"222222222222","Name":"shop-dev","Build":"#{codepipeline.PipelineExecutionId}"}"##
                ))
        #expect(
            Self.overrides(actions["prod/CreateChangeSet"])
                == .string(
                    ##"{"Environment":"prod","Region":"eu-west-1","Account":"333333333333","Name":"shop-prod","Build":"#{codepipeline.PipelineExecutionId}"}"##
                ))
        // The change set carries the values; executing it takes none.
        #expect(Self.overrides(actions["prod/ExecuteChangeSet"]) == nil)
    }

    @Test func withoutOverridesTheActionsHaveNone() throws {
        let text = Self.config(overrides: "").replacing("    parameter-overrides:\n", with: "")
        let actions = try infrastructureActions(try inlineConfig(text))
        #expect(actions.values.allSatisfy { Self.overrides($0) == nil })
    }

    @Test func aValueThatCannotFitIsALocatedError() throws {
        let long = String(repeating: "x", count: 990)
        let (text, mark) = markedConfig(Self.config(overrides: "      Environment: \"{env}\"\n      Blob: 1️⃣\(long)"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
        #expect(error.message.contains("1000"), "\(error.message)")
        #expect(error.notes.contains { $0.severity == .help && $0.message.contains("params/{env}.json") })
    }

    /// Every other configuration value is held to the same limit, such as the integration
    /// tests' variables with a long command.
    @Test func everyActionConfigurationValueFits() throws {
        let text = """
            project: shop
            tooling: {account: "111111111111", region: eu-west-1}
            environments:
              - name: dev
                account: "222222222222"
                tests: {command: "\(String(repeating: "true && ", count: 120))true"}
            pipelines:
              infrastructure-deployment: {lambda: false}

            """
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        #expect(diagnostics.contains { $0.message.hasPrefix("EnvironmentVariables of action 'dev/IntegrationTests'") }, "\(diagnostics.map(\.message))")
    }

    @Test func parameterNamesAreTemplateParameterNames() throws {
        let (text, mark) = markedConfig(Self.config(overrides: "      1️⃣api-url: x"))
        let (_, config, diagnostics) = loadConfig(path: "pipegen.yaml", bytes: Array(text.utf8))
        #expect(config == nil ? true : false, "expected an error")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.mark == mark)
        #expect(error.message.contains("'api-url'"))
    }
}
