import Testing

@testable import CloudFormation

/// The `${...}` scanners of `Fn::Sub` strings, which work on UTF-8 bytes.
@Suite struct PlaceholderScanTests {
    @Test(arguments: [
        ("plain text", [String](), [String]()),
        ("${Bucket}", ["Bucket"], []),
        ("arn:${AWS::Partition}:s3:::${Bucket}/*", ["AWS::Partition", "Bucket"], []),
        ("${Role.Arn} and ${Key.Arn}", ["Role", "Key"], ["Role", "Key"]),
        ("${!Literal} ${!Not.This}", [], []),
        ("${AWS::Region}.${AWS::URLSuffix}", ["AWS::Region", "AWS::URLSuffix"], []),
        ("${A.B.C}", ["A"], ["A"]),
        ("${.Attr}", [""], [""]),
        ("${}", [""], []),
        ("$ {x} ${unclosed", [], []),
        ("${é.Arn}", ["é"], ["é"]),
    ])
    func scans(_ text: String, _ all: [String], _ attributes: [String]) {
        #expect(Value.placeholders(in: text) == all)
        #expect(Value.attributePlaceholders(in: text) == attributes)
    }
}
