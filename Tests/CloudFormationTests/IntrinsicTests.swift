import CloudFormation
import Testing
import YAMLKit

/// Every intrinsic lowers to CloudFormation's long form, identically in YAML and JSON.
@Suite struct IntrinsicTests {
    @Test(arguments: IntrinsicCases.all)
    func lowersToYAML(_ c: IntrinsicCases.Case) {
        expectText(YAMLWriter().write(c.value.document), c.yaml)
    }

    @Test(arguments: IntrinsicCases.all)
    func lowersToJSON(_ c: IntrinsicCases.Case) {
        expectText(JSONWriter().write(c.value.document), c.json)
    }

    @Test(arguments: Pseudo.allCases)
    func everyPseudoParameterIsARef(_ pseudo: Pseudo) {
        #expect(YAMLWriter().write(Value.ref(pseudo).document) == "Ref: \(pseudo.rawValue)\n")
        #expect(JSONWriter().write(Value.ref(pseudo).document) == "{\n  \"Ref\": \"\(pseudo.rawValue)\"\n}\n")
    }

    @Test func intrinsicsInsidePropertiesKeepTheirPlace() {
        let alias = KMS.Alias(aliasName: .sub("alias/${AWS::StackName}"), targetKeyId: .getAtt("Key", "Arn"))
        expectText(
            propertiesYAML(alias),
            """
            AliasName:
              Fn::Sub: alias/${AWS::StackName}
            TargetKeyId:
              Fn::GetAtt:
                - Key
                - Arn

            """)
    }

    @Test func referencesAreCollectedFromEveryIntrinsic() {
        let value: Value = .join(
            "", [.ref("A"), .getAtt("B", "Arn"), .sub("${C}${D.Arn}${!E}${AWS::Region}"), .if("F", .findInMap("G", "k", "v"), 1)])
        #expect(
            value.references == [
                .ref("A"), .ref("B"), .ref("C"), .ref("D"), .ref("AWS::Region"), .condition("F"), .mapping("G"),
            ])
    }
}
