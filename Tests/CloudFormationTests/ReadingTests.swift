import CloudFormation
import Testing
import YAMLKit

/// Templates read back from their documents (`Template(reading:)`): the inverse of lowering.
@Suite struct ReadingTests {
    @Test(arguments: IntrinsicCases.all)
    func everyIntrinsicReadsBack(_ c: IntrinsicCases.Case) {
        #expect(Value(reading: c.value.document) == c.value)
    }

    /// Every resource of the exhaustive samples reads back with the same properties, type and
    /// attributes, and a model with the facts of its type.
    @Test func everySampleReadsBack() throws {
        let original = Samples.exhaustiveTemplate
        let read = Template(reading: original.document)
        #expect(read.description == original.description)
        #expect(read.resources.map(\.id) == original.resources.map(\.id))
        for (id, resource) in original.resources {
            let back = try #require(read.resource(id))
            #expect(back.typeName == resource.typeName, "\(id)")
            #expect(back.properties == resource.properties, "\(id)")
            #expect(
                back.deletionPolicy == resource.deletionPolicy
                    && back.updateReplacePolicy == resource.updateReplacePolicy)
            #expect(back.dependsOn == resource.dependsOn && back.condition == resource.condition)
            #expect(back.model.physicalName == resource.model.physicalName, "\(id)")
            let type = Swift.type(of: back.model)
            #expect(type.returnValues == Swift.type(of: resource.model).returnValues)
            #expect(type.updateBehaviors.properties == Swift.type(of: resource.model).updateBehaviors.properties)
        }
    }

    /// Resources of types pipegen does not model are left out; the rest still reads.
    @Test func unknownTypesAreLeftOut() {
        let document: Document = [
            "Description": "d",
            "Resources": [
                "Queue": ["Type": "AWS::SQS::Queue"],
                "Role": ["Type": "AWS::IAM::Role", "DeletionPolicy": "Retain", "Properties": ["RoleName": "r"]],
            ],
        ]
        let read = Template(reading: document)
        #expect(read.resources.map(\.id) == ["Role"])
        #expect(read.resource("Role")?.model.physicalName == "r")
        #expect(read.resource("Role")?.deletionPolicy == .retain)
    }

    /// Policy documents as templates hold them read back into statements.
    @Test func policyDocumentsReadBack() throws {
        let documents: [IAM.PolicyDocument] = [
            Samples.keyPolicy, Samples.pipelineRole.assumeRolePolicyDocument,
            IAM.PolicyDocument([
                .init(
                    sid: "Deny", effect: .deny, principal: .everyone, actions: ["s3:*"],
                    resources: ["a", .sub("${B}/*")],
                    conditions: [
                        .init("Bool", "aws:SecureTransport", "false"),
                        .init("ArnLike", "aws:PrincipalArn", ["x", "y"]),
                    ]),
                .init(principal: .service(["events.amazonaws.com"]), actions: ["sns:Publish"]),
            ]),
        ]
        for document in documents {
            #expect(IAM.PolicyDocument(reading: document.cfnValue) == document)
            #expect(IAM.PolicyDocument(reading: Value(reading: document.cfnValue.document)) == document)
        }
        #expect(IAM.PolicyDocument(reading: "not a policy") == nil)
    }
}
