import CloudFormation
import Testing
import YAMLKit

/// Sections and resource attributes come out in CloudFormation's conventional order,
/// whatever order the builder filled them in.
@Suite struct OrderTests {
    static var template: Template {
        var t = Template(description: "every section")
        // Filled in reverse of the output order on purpose.
        t.addOutput("TopicArn", Output(.ref("Topic"), description: "the topic", exportName: .sub("${AWS::StackName}-topic")))
        t.add(
            "Topic",
            Resource(
                SNS.Topic(displayName: "t"), condition: "IsProd", dependsOn: ["Key"], deletionPolicy: .retain,
                updateReplacePolicy: .delete, metadata: [Field("Owner", "pipegen")]))
        t.add("Key", Resource(KMS.Key(keyPolicy: nil), dependsOn: []))
        t.conditions = [("IsProd", .equals(.ref("Env"), "prod"))]
        t.mappings = [("Accounts", ["dev": ["Id": "111111111111"]])]
        t.parameters = [("Env", Parameter(description: "environment", default: "dev", allowedValues: ["dev", "prod"]))]
        t.metadata = [Field("Generator", "pipegen")]
        return t
    }

    @Test func sectionsInConventionalOrder() {
        let keys = Self.template.document.mapValue?.map(\.key)
        #expect(
            keys == [
                "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions",
                "Resources", "Outputs",
            ])
    }

    @Test func resourceAttributesInConventionalOrder() {
        let topic = Self.template.document["Resources"]?["Topic"]?.mapValue?.map(\.key)
        #expect(
            topic == ["Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "Properties"])
    }

    @Test func wholeTemplate() {
        expectText(
            YAMLWriter().write(Self.template.document),
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: every section
            Metadata:
              Generator: pipegen
            Parameters:
              Env:
                Type: String
                Description: environment
                Default: dev
                AllowedValues:
                  - dev
                  - prod
            Mappings:
              Accounts:
                dev:
                  Id: '111111111111'
            Conditions:
              IsProd:
                Fn::Equals:
                  - Ref: Env
                  - prod
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: IsProd
                DependsOn: Key
                DeletionPolicy: Retain
                UpdateReplacePolicy: Delete
                Metadata:
                  Owner: pipegen
                Properties:
                  DisplayName: t
              Key:
                Type: AWS::KMS::Key
            Outputs:
              TopicArn:
                Description: the topic
                Value:
                  Ref: Topic
                Export:
                  Name:
                    Fn::Sub: ${AWS::StackName}-topic

            """)
        #expect(Self.template.validate() == [])
    }

    @Test func severalDependenciesAreAList() {
        let r = Resource(SNS.Topic(), dependsOn: ["A", "B"])
        #expect(r.document["DependsOn"] == ["A", "B"])
    }

    @Test func propertiesFollowTheReferenceOrderNotTheInitializerOrder() {
        // The initialiser takes the role name first; the reference lists properties alphabetically.
        let role = IAM.Role(
            roleName: "r", description: "d", trust: ValidationTests.trust, managedPolicyArns: ["arn:aws:iam::aws:policy/P"],
            maxSessionDuration: 3600, path: "/", permissionsBoundary: "arn:aws:iam::111111111111:policy/B")
        #expect(
            role.properties.map(\.name) == [
                "AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path",
                "PermissionsBoundary", "RoleName",
            ])
    }
}
