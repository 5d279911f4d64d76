import CloudFormation
import Testing

/// Every resource model reads its own lowered properties back (the inverse of lowering, which
/// checked overrides rely on), and a name or value the model does not know is a problem at its
/// path, with the names the model knows there.
@Suite struct DecodingTests {
    typealias A = CodePipeline.Action

    static var models: [(id: String, model: any ResourceModel)] { Samples.all + Samples.extras }

    @Test func everySampleReadsItsPropertiesBack() throws {
        for (id, model) in Self.models {
            let resource = Resource(model)
            let back = try resource.replacingProperties(resource.properties)
            #expect(back.properties == resource.properties, "\(id) (\(resource.typeName))")
            #expect(type(of: back.model) == type(of: model), "\(id)")
        }
    }

    /// Every action provider, through an action declaration.
    @Test(arguments: [
        A.CodeCommit(repositoryName: "app", branchName: "main", pollForSourceChanges: false, outputArtifactFormat: .codeZip)
            as any CodePipeline.ActionConfiguration,
        A.CodeStarSourceConnection(
            connectionArn: .ref("C"), fullRepositoryId: "o/r", branchName: "main", outputArtifactFormat: .codeBuildCloneRef,
            detectChanges: false),
        A.ECR(repositoryName: "shop", imageTag: "release"),
        A.CodeBuild(
            .test, projectName: .ref("Tests"), primarySource: "Source", batchEnabled: true, combineArtifacts: true,
            environmentVariables: [.init("ENVIRONMENT", "dev"), .init("TOKEN", "/ci/token", type: .parameterStore)]),
        A.CodeBuild(
            projectName: .ref("Update"),
            environmentVariables: [
                .init("TARGET_ROLE_ARN", "arn:${AWS::Partition}:iam::222222222222:role/update", substitutes: true),
                .init("TEST_COMMAND", "curl ${API_URL}"),
            ]),
        A.Manual(notificationArn: .ref("T"), customData: "ok?", externalEntityLink: "https://example.com"),
        A.Commands(environmentType: "LINUX_CONTAINER", computeType: "BUILD_GENERAL1_SMALL"),
        A.CloudFormation(
            .changeSetReplace, stackName: "s", changeSetName: "c", templatePath: "Source::t.yaml",
            templateConfiguration: "Source::c.json", capabilities: [.namedIAM, .autoExpand], roleArn: .ref("R"),
            outputFileName: "out.json", parameterOverrides: "{}"),
        A.CodeDeployToECS(
            applicationName: "shop", deploymentGroupName: "shop-dev", taskDefinitionTemplateArtifact: "Source",
            taskDefinitionTemplatePath: "taskdef.json", appSpecTemplateArtifact: "Source", appSpecTemplatePath: "appspec.yaml",
            images: [.init(artifactName: "Image", containerName: "IMAGE1_NAME"), .init(artifactName: "Side", containerName: "IMAGE2_NAME")]),
    ])
    func everyActionProviderReadsBack(_ configuration: any CodePipeline.ActionConfiguration) throws {
        let action = CodePipeline.Pipeline.ActionDeclaration(
            name: "A", configuration: configuration, inputArtifacts: ["Source"], outputArtifacts: ["Out"], runOrder: 2)
        let back = try CodePipeline.Pipeline.ActionDeclaration(decoding: action.cfnValue, at: DecodingPath())
        #expect(back.cfnValue == action.cfnValue)
        #expect(back == action)
    }

    /// A changed property reaches the typed model the checks read.
    @Test func aChangedPropertyReachesTheModel() throws {
        let resource = Resource(Samples.project)
        var fields = resource.properties
        let i = fields.firstIndex { $0.name == "TimeoutInMinutes" }!
        fields[i].value = 90
        let changed = try resource.replacingProperties(fields)
        #expect(changed.model(as: CodeBuild.Project.self)?.timeoutInMinutes == 90)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let model: any ResourceModel
        let change: @Sendable ([Field]) -> [Field]
        let path: [String]
        let message: String
        var unknown: String? = nil
        var known: [String] = []
        var testDescription: String { name }
    }

    static func setting(_ name: String, _ value: Value) -> @Sendable ([Field]) -> [Field] {
        { fields in
            var out = fields.filter { $0.name != name }
            out.append(Field(name, value))
            return out
        }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown property", model: Samples.logGroup, change: setting("RetentionInDay", 7),
            path: ["RetentionInDay"], message: "unknown property 'RetentionInDay'", unknown: "RetentionInDay",
            known: ["DeletionProtectionEnabled", "KmsKeyId", "LogGroupClass", "LogGroupName", "RetentionInDays", "Tags"]),
        Case(
            name: "unknown nested property", model: Samples.project,
            change: { fields in
                fields.map { f in
                    guard f.name == "Environment", case .map(var env) = f.value else { return f }
                    env.append(Field("ComputeTyp", "BUILD_GENERAL1_MEDIUM"))
                    return Field(f.name, .map(env))
                }
            },
            path: ["Environment", "ComputeTyp"], message: "unknown property 'ComputeTyp' in 'Environment'",
            unknown: "ComputeTyp",
            known: ["ComputeType", "EnvironmentVariables", "Image", "ImagePullCredentialsType", "PrivilegedMode", "Type"]),
        Case(
            name: "wrong type", model: Samples.logGroup, change: setting("RetentionInDays", ["a"]),
            path: ["RetentionInDays"], message: "'RetentionInDays' takes an integer, not a list"),
        Case(
            name: "intrinsic where the model holds text", model: Samples.pipelineRole,
            change: setting("Description", .ref("AWS::StackName")), path: ["Description"],
            message: "'Description' takes plain text, not the intrinsic function Ref"),
        Case(
            name: "missing required property", model: Samples.pipelineRole,
            change: { $0.filter { $0.name != "AssumeRolePolicyDocument" } }, path: [],
            message: "'AssumeRolePolicyDocument' is required and missing"),
        Case(
            name: "unknown value of a closed set", model: Samples.logGroup, change: setting("LogGroupClass", "COLD"),
            path: ["LogGroupClass"], message: "'COLD' is not a value of 'LogGroupClass' that pipegen's model knows"),
        Case(
            name: "unknown principal type", model: Samples.bucketPolicy,
            change: setting(
                "PolicyDocument",
                ["Statement": [["Effect": "Allow", "Principal": ["Federated": "x"], "Action": "s3:GetObject"]]]),
            path: ["PolicyDocument", "Statement", "0", "Principal", "Federated"],
            message: "unknown principal type 'Federated' in 'PolicyDocument.Statement.0.Principal'", unknown: "Federated",
            known: ["AWS", "Service"]),
    ]

    @Test(arguments: cases) func problems(_ c: Case) {
        let resource = Resource(c.model)
        #expect(throws: DecodingProblem(path: c.path, message: c.message, unknown: c.unknown, known: c.known)) {
            _ = try resource.replacingProperties(c.change(resource.properties))
        }
    }

    @Test func unknownActionProvider() {
        var value = CodePipeline.Pipeline.ActionDeclaration(name: "A", configuration: A.Manual()).cfnValue
        guard case .map(var fields) = value else { return }
        fields[0] = Field("ActionTypeId", ["Category": "Invoke", "Owner": "AWS", "Provider": "StepFunctions", "Version": "1"])
        value = .map(fields)
        #expect(throws: DecodingProblem.self) {
            _ = try CodePipeline.Pipeline.ActionDeclaration(decoding: value, at: DecodingPath(["Stages", "0", "Actions", "0"]))
        }
        do {
            _ = try CodePipeline.Pipeline.ActionDeclaration(decoding: value, at: DecodingPath(["Stages", "0", "Actions", "0"]))
        } catch {
            #expect(error.path == ["Stages", "0", "Actions", "0", "ActionTypeId", "Provider"])
            #expect(error.unknown == "StepFunctions")
        }
    }
}
