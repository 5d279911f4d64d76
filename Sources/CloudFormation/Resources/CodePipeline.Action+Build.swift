import YAMLKit

extension CodePipeline.Action {
    /// A `CodeBuild` action: runs a build project, as a build or as a test.
    /// [CodeBuild configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html#action-reference-CodeBuild-config)
    public struct CodeBuild: CodePipeline.ActionConfiguration {
        public static let provider = "CodeBuild"
        /// `Build` or `Test`.
        public var category: CodePipeline.Pipeline.ActionTypeId.Category

        /// The build project.
        public var projectName: Value
        /// The input artifact holding the buildspec, when there are several.
        public var primarySource: String?
        /// Run a batch of builds.
        public var batchEnabled: Bool?
        /// Merge a batch's artifacts into one.
        public var combineArtifacts: Bool?
        /// Variables set for this action only, written as the JSON text the reference asks for.
        public var environmentVariables: [EnvironmentVariable]

        public init(
            _ category: CodePipeline.Pipeline.ActionTypeId.Category = .build, projectName: Value,
            primarySource: String? = nil, batchEnabled: Bool? = nil, combineArtifacts: Bool? = nil,
            environmentVariables: [EnvironmentVariable] = []
        ) {
            self.category = category
            self.projectName = projectName
            self.primarySource = primarySource
            self.batchEnabled = batchEnabled
            self.combineArtifacts = combineArtifacts
            self.environmentVariables = environmentVariables
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("ProjectName", projectName)
            p.set("PrimarySource", primarySource)
            p.set("BatchEnabled", batchEnabled)
            p.set("CombineArtifacts", combineArtifacts)
            p.set("EnvironmentVariables", environmentVariablesValue)
            return p.fields
        }

        /// The variables as compact JSON: `Fn::Sub` text when one of them substitutes (the other
        /// values then escaped, so that they stay literal), a plain string otherwise.
        var environmentVariablesValue: Value? {
            if environmentVariables.isEmpty { return nil }
            let sub = environmentVariables.contains(where: \.substitutes)
            let json = JSONWriter.compact(
                .list(
                    environmentVariables.map { v in
                        let value = sub && !v.substitutes ? Value.escapingSubstitutions(v.value) : v.value
                        var entries = [
                            Document.Entry("name", .string(v.name)), Document.Entry("value", .string(value)),
                        ]
                        if let type = v.type { entries.append(Document.Entry("type", .string(type.rawValue))) }
                        return .map(entries)
                    }))
            return sub ? .sub(json) : .string(json)
        }

        /// A variable of one `CodeBuild` action.
        public struct EnvironmentVariable: Hashable, Sendable {
            public var name: String
            /// Literal text, or a parameter or secret name for those types.
            public var value: String
            /// `PLAINTEXT` when nil.
            public var type: VariableType?
            /// True when `value` is `Fn::Sub` text (such as a role ARN with `${AWS::Partition}`);
            /// otherwise it is literal, whatever it holds (a test command's `${API_URL}`).
            public var substitutes: Bool

            public init(_ name: String, _ value: String, type: VariableType? = nil, substitutes: Bool = false) {
                self.name = name
                self.value = value
                self.type = type
                self.substitutes = substitutes
            }
        }

        /// Where a variable's value comes from.
        public enum VariableType: String, StringEnum {
            case plaintext = "PLAINTEXT"
            case parameterStore = "PARAMETER_STORE"
            case secretsManager = "SECRETS_MANAGER"
        }
    }

    /// A `Manual` approval: the pipeline waits until someone approves or rejects.
    /// [Manual approval configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-action-add.html)
    /// (which lists `ExternalEntityLink` before `CustomData`; pipegen's templates have always had
    /// `CustomData` first, and the keys form a map, so the order is kept).
    public struct Manual: CodePipeline.ActionConfiguration {
        public static let provider = "Manual"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .approval }

        /// The SNS topic told when the approval waits; the pipeline's role must publish to it.
        public var notificationArn: Value?
        /// Text shown to the approver and sent in the notification.
        public var customData: String?
        /// A URL for the approver to review.
        public var externalEntityLink: String?

        public init(notificationArn: Value? = nil, customData: String? = nil, externalEntityLink: String? = nil) {
            self.notificationArn = notificationArn
            self.customData = customData
            self.externalEntityLink = externalEntityLink
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("NotificationArn", notificationArn)
            p.set("CustomData", customData)
            p.set("ExternalEntityLink", externalEntityLink)
            return p.fields
        }
    }

    /// A `Commands` compute action: the declaration's `commands` run in a CodeBuild container.
    /// [Commands configuration](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html)
    public struct Commands: CodePipeline.ActionConfiguration {
        public static let provider = "Commands"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .compute }

        /// `LINUX_CONTAINER` when nil.
        public var environmentType: String?
        /// `BUILD_GENERAL1_SMALL` when nil.
        public var computeType: String?

        public init(environmentType: String? = nil, computeType: String? = nil) {
            self.environmentType = environmentType
            self.computeType = computeType
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("EnvironmentType", environmentType)
            p.set("ComputeType", computeType)
            return p.fields
        }
    }
}
