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

/// `Substitution.parts`: the one reading of `Fn::Sub` text, for validation and the resolver.
@Suite struct SubstitutionPartsTests {
    @Test func splitsTextAndPlaceholders() {
        #expect(
            Substitution.parts(of: "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}-${!Literal}.${Key.Arn}")
                == [
                    .text("arn:"), .placeholder(.reference("AWS::Partition")), .text(":iam::"),
                    .placeholder(.reference("AWS::AccountId")), .text(":role/"), .placeholder(.reference("Role")), .text("-"),
                    .placeholder(.literal("Literal")), .text("."), .placeholder(.attribute(resource: "Key", attribute: "Arn")),
                ])
        #expect(Substitution.parts(of: "${A.B.C}") == [.placeholder(.attribute(resource: "A", attribute: "B.C"))])
        #expect(Substitution.parts(of: "plain") == [.text("plain")])
        #expect(Substitution.parts(of: "") == [])
    }

    @Test func anUnclosedPlaceholderIsNoReading() {
        #expect(Substitution.parts(of: "a ${b") == nil)
    }

    /// Whatever the text, the parts put back together give it again.
    @Test(arguments: ["${x}${y}", "$${x}", "é${é.Arn}é", "${}", "}${!}", "a$b{c}"])
    func partsRebuildTheText(_ text: String) throws {
        let parts = try #require(Substitution.parts(of: text))
        let rebuilt = parts.map { part -> String in
            switch part {
            case .text(let t): return t
            case .placeholder(.literal(let t)): return "${!\(t)}"
            case .placeholder(.reference(let name)): return "${\(name)}"
            case .placeholder(.attribute(let r, let a)): return "${\(r).\(a)}"
            }
        }.joined()
        #expect(rebuilt == text)
    }
}
