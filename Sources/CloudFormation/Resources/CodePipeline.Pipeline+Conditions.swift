extension CodePipeline.Pipeline {
    /// Stage conditions of `BeforeEntry` and `OnSuccess`, whose property types hold only
    /// `Conditions`.
    /// [BeforeEntryConditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-beforeentryconditions.html)
    ///   also [SuccessConditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-successconditions.html)
    public struct Conditions: PropertyStruct, Hashable {
        /// Exactly one condition. [Conditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-beforeentryconditions.html#cfn-codepipeline-pipeline-beforeentryconditions-conditions), [Conditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-successconditions.html#cfn-codepipeline-pipeline-successconditions-conditions)
        public var conditions: [Condition]

        public init(_ conditions: [Condition]) { self.conditions = conditions }

        public var properties: [Field] { [Field("Conditions", conditions.cfnValue)] }
    }

    /// What happens when a stage fails.
    /// [FailureConditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html)
    public struct FailureConditions: PropertyStruct, Hashable {
        /// Rules checked on failure (exactly one condition). [Conditions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html#cfn-codepipeline-pipeline-failureconditions-conditions)
        public var conditions: [Condition]
        /// [Result](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html#cfn-codepipeline-pipeline-failureconditions-result)
        public var result: Result?
        /// Which actions a `RETRY` reruns. [RetryConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html#cfn-codepipeline-pipeline-failureconditions-retryconfiguration)
        public var retryConfiguration: RetryConfiguration?

        public init(result: Result? = nil, retryConfiguration: RetryConfiguration? = nil, conditions: [Condition] = []) {
            self.result = result
            self.retryConfiguration = retryConfiguration
            self.conditions = conditions
        }

        /// Roll the stage back to the last successful execution.
        public static let rollback = FailureConditions(result: .rollback)

        public var properties: [Field] {
            var p = Properties()
            p.set("Conditions", conditions)
            p.set("Result", result)
            p.set("RetryConfiguration", retryConfiguration)
            return p.fields
        }

        /// The reference allows only these two here (the API also has `FAIL` and `SKIP`).
        public enum Result: String, StringEnum {
            case rollback = "ROLLBACK"
            case retry = "RETRY"
        }
    }

    /// [RetryConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-retryconfiguration.html)
    public struct RetryConfiguration: PropertyStruct, Hashable {
        /// [RetryMode](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-retryconfiguration.html#cfn-codepipeline-pipeline-retryconfiguration-retrymode)
        public var retryMode: RetryMode?

        public init(retryMode: RetryMode?) { self.retryMode = retryMode }

        public var properties: [Field] {
            var p = Properties()
            p.set("RetryMode", retryMode)
            return p.fields
        }

        public enum RetryMode: String, StringEnum {
            case allActions = "ALL_ACTIONS"
            case failedActions = "FAILED_ACTIONS"
        }
    }

    /// A stage condition: rules and what to do when they are met.
    /// [Condition](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-condition.html)
    public struct Condition: PropertyStruct, Hashable {
        /// [Result](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-condition.html#cfn-codepipeline-pipeline-condition-result)
        public var result: Result?
        /// 1 to 5 rules. [Rules](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-condition.html#cfn-codepipeline-pipeline-condition-rules)
        public var rules: [RuleDeclaration]

        public init(result: Result? = nil, rules: [RuleDeclaration]) {
            self.result = result
            self.rules = rules
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Result", result)
            p.set("Rules", rules)
            return p.fields
        }

        public enum Result: String, StringEnum {
            case rollback = "ROLLBACK"
            case fail = "FAIL"
            case retry = "RETRY"
            case skip = "SKIP"
        }
    }

    /// One rule of a condition.
    /// [RuleDeclaration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html)
    public struct RuleDeclaration: PropertyStruct, Hashable {
        /// Shell commands, for the `Commands` rule. [Commands](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-commands)
        public var commands: [String]
        /// The rule provider's settings. [Configuration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-configuration)
        public var configuration: [Field]
        /// [InputArtifacts](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-inputartifacts)
        public var inputArtifacts: [InputArtifact]
        /// [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-name)
        public var name: String
        /// [Region](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-region)
        public var region: Value?
        /// [RoleArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-rolearn)
        public var roleArn: Value?
        /// [RuleTypeId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruledeclaration.html#cfn-codepipeline-pipeline-ruledeclaration-ruletypeid)
        public var ruleTypeId: RuleTypeId

        public init(
            name: String, ruleTypeId: RuleTypeId, configuration: [Field] = [], inputArtifacts: [String] = [],
            roleArn: Value? = nil, region: Value? = nil, commands: [String] = []
        ) {
            self.name = name
            self.ruleTypeId = ruleTypeId
            self.configuration = configuration
            self.inputArtifacts = inputArtifacts.map(InputArtifact.init)
            self.roleArn = roleArn
            self.region = region
            self.commands = commands
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Commands", commands)
            p.set("Configuration", fields: configuration)
            p.set("InputArtifacts", inputArtifacts)
            p.set("Name", name)
            p.set("Region", region)
            p.set("RoleArn", roleArn)
            p.set("RuleTypeId", ruleTypeId)
            return p.fields
        }
    }

    /// [RuleTypeId](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruletypeid.html)
    public struct RuleTypeId: PropertyStruct, Hashable {
        /// `Rule`. [Category](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruletypeid.html#cfn-codepipeline-pipeline-ruletypeid-category)
        public var category: String
        /// `AWS`. [Owner](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruletypeid.html#cfn-codepipeline-pipeline-ruletypeid-owner)
        public var owner: String
        /// Such as `CloudWatchAlarm` or `DeploymentWindow`. [Provider](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruletypeid.html#cfn-codepipeline-pipeline-ruletypeid-provider)
        public var provider: String
        /// [Version](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-ruletypeid.html#cfn-codepipeline-pipeline-ruletypeid-version)
        public var version: String

        public init(provider: String, category: String = "Rule", owner: String = "AWS", version: String = "1") {
            self.provider = provider
            self.category = category
            self.owner = owner
            self.version = version
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Category", category)
            p.set("Owner", owner)
            p.set("Provider", provider)
            p.set("Version", version)
            return p.fields
        }
    }
}
