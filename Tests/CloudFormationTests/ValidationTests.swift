import CloudFormation
import Testing

/// `Template.validate()` finds what CloudFormation would reject, and nothing else.
@Suite struct ValidationTests {
    static let trust = IAM.PolicyDocument([
        .init(principal: .service(["lambda.amazonaws.com"]), actions: ["sts:AssumeRole"])
    ])

    /// A template with a parameter, a condition, a mapping and a role: every case adds to it.
    static func base() -> Template {
        var t = Template(description: "validation")
        t.parameters = [("Env", Parameter(default: "dev"))]
        t.conditions = [("IsProd", .equals(.ref("Env"), "prod"))]
        t.mappings = [("Accounts", ["dev": ["Id": "111111111111"]])]
        t.add("Role", IAM.Role(trust: trust))
        return t
    }

    static func alias(_ target: Value) -> KMS.Alias { KMS.Alias(aliasName: "alias/x", targetKeyId: target) }

    @Test func baseIsValid() {
        #expect(Self.base().validate() == [])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var value: Value
        var problems: [String]
    }

    static let valueCases: [Case] = [
        Case(testDescription: "Ref to a resource", value: .ref("Role"), problems: []),
        Case(testDescription: "Ref to a parameter", value: .ref("Env"), problems: []),
        Case(testDescription: "Ref to a pseudo parameter", value: .ref(.accountId), problems: []),
        Case(
            testDescription: "Ref to nothing", value: .ref("Missing"),
            problems: ["resource 'Alias' refers to 'Missing', which is not a parameter or resource"]),
        Case(testDescription: "GetAtt of a resource", value: .getAtt("Role", "Arn"), problems: []),
        Case(
            testDescription: "GetAtt of a missing resource", value: .getAtt("Gone", "Arn"),
            problems: ["resource 'Alias' refers to 'Gone', which is not a parameter or resource"]),
        Case(
            testDescription: "GetAtt of a parameter", value: .getAtt("Env", "Arn"),
            problems: ["resource 'Alias' reads an attribute of 'Env', which is a parameter, not a resource"]),
        Case(
            testDescription: "Sub with a missing name", value: .sub("alias/${Missing}"),
            problems: ["resource 'Alias' refers to 'Missing', which is not a parameter or resource"]),
        Case(
            testDescription: "Sub with a missing resource attribute", value: .sub("${Missing.Arn}"),
            problems: ["resource 'Alias' refers to 'Missing', which is not a parameter or resource"]),
        Case(testDescription: "Sub with a literal ${!Name}", value: .sub("${!Literal}-${Role.Arn}"), problems: []),
        Case(testDescription: "Sub with pseudo parameters", value: .sub("${AWS::Region}-${AWS::AccountId}"), problems: []),
        Case(
            testDescription: "Sub with its own variables",
            value: .sub("${Name}-${Env}", variables: [Field("Name", .getAtt("Role", "RoleId"))]), problems: []),
        Case(
            testDescription: "Sub variable that refers to nothing",
            value: .sub("${Name}", variables: [Field("Name", .ref("Missing"))]),
            problems: ["resource 'Alias' refers to 'Missing', which is not a parameter or resource"]),
        Case(testDescription: "If on a defined condition", value: .if("IsProd", "a", .noValue), problems: []),
        Case(
            testDescription: "If on an undefined condition", value: .if("IsDev", "a", "b"),
            problems: ["resource 'Alias' uses condition 'IsDev', which is not defined"]),
        Case(testDescription: "FindInMap on a defined mapping", value: .findInMap("Accounts", .ref("Env"), "Id"), problems: []),
        Case(
            testDescription: "FindInMap on an undefined mapping", value: .findInMap("Regions", "a", "b"),
            problems: ["resource 'Alias' uses mapping 'Regions', which is not defined"]),
        Case(
            testDescription: "references deep inside lists and functions",
            value: .join("", [.select(0, .split(",", .importValue(.sub("${Nope}-x"))))]),
            problems: ["resource 'Alias' refers to 'Nope', which is not a parameter or resource"]),
    ]

    @Test(arguments: valueCases)
    func referencesInProperties(_ c: Case) {
        var t = Self.base()
        t.add("Alias", Self.alias(c.value))
        #expect(t.validate().map(\.message) == c.problems)
    }

    @Test func dependsOnMustNameAResource() {
        var t = Self.base()
        t.add("Alias", Resource(Self.alias("k"), dependsOn: ["Role", "Missing", "Env"]))
        #expect(
            t.validate().map(\.message) == [
                "resource 'Alias' depends on 'Missing', which is not a resource",
                "resource 'Alias' depends on 'Env', which is not a resource",
            ])
    }

    @Test func resourceConditionMustBeDefined() {
        var t = Self.base()
        t.add("Alias", Resource(Self.alias("k"), condition: "IsDev"))
        t.add("Other", Resource(Self.alias("k"), condition: "IsProd"))
        #expect(t.validate().map(\.message) == ["resource 'Alias' uses condition 'IsDev', which is not defined"])
    }

    @Test func conditionsAndOutputsAreChecked() {
        var t = Self.base()
        t.conditions.append(("Both", .and([.condition("IsProd"), .condition("Nope")])))
        t.addOutput("Arn", Output(.getAtt("Role", "Arn"), exportName: .sub("${AWS::StackName}-${Missing}")))
        t.addOutput("Maybe", Output(.ref("Role"), condition: "Undefined"))
        #expect(
            t.validate().map(\.message) == [
                "condition 'Both' uses condition 'Nope', which is not defined",
                "output 'Arn' export refers to 'Missing', which is not a parameter or resource",
                "output 'Maybe' uses condition 'Undefined', which is not defined",
            ])
    }

    @Test func parameterDefaultsMustBeLiterals() {
        var t = Self.base()
        t.parameters.append(("Bad", Parameter(default: .ref("Env"))))
        #expect(t.validate().map(\.message) == ["parameter 'Bad' has a default that is not a literal"])
    }

    @Test(arguments: ["", "has-dash", "has space", "Ünicode", "under_score", String(repeating: "A", count: 256)])
    func badLogicalIds(_ id: String) {
        var t = Self.base()
        t.add(id, Self.alias("k"))
        #expect(t.validate().map(\.message) == ["logical id '\(id)' must be 1-255 ASCII letters and digits"])
    }

    @Test(arguments: ["A", "Role2", "a1B2", String(repeating: "A", count: 255)])
    func goodLogicalIds(_ id: String) {
        #expect(Template.isLogicalId(id))
    }

    @Test func badOutputIdIsReported() {
        var t = Self.base()
        t.addOutput("role-arn", Output(.getAtt("Role", "Arn")))
        #expect(t.validate().map(\.message) == ["logical id 'role-arn' must be 1-255 ASCII letters and digits"])
    }

    @Test func duplicateIdsAcrossSections() {
        var t = Self.base()
        t.add("Role", Self.alias("k"))
        t.add("Env", Self.alias("k"))
        t.addOutput("Out", Output("a"))
        t.addOutput("Out", Output("b"))
        #expect(
            t.validate().map(\.message) == [
                "logical id 'Role' is defined twice", "logical id 'Env' is defined twice", "output 'Out' is defined twice",
            ])
    }

    @Test func atMost500Resources() {
        var t = Template(description: "many")
        for i in 1...500 { t.add("Alias\(i)", Self.alias("k")) }
        #expect(t.validate() == [])
        t.add("Alias501", Self.alias("k"))
        #expect(t.validate().map(\.message) == ["501 resources; CloudFormation accepts at most 500"])
    }

    @Test func otherSectionLimits() {
        var t = Template(description: "limits")
        t.parameters = (1...201).map { ("P\($0)", Parameter()) }
        t.mappings = (1...201).map { ("M\($0)", ["k": ["a": "b"]]) }
        t.outputs = (1...201).map { ("O\($0)", Output("x")) }
        #expect(
            t.validate().map(\.message) == [
                "201 parameters; CloudFormation accepts at most 200",
                "201 mappings; CloudFormation accepts at most 200",
                "201 outputs; CloudFormation accepts at most 200",
            ])
    }

    @Test func logicalIdsFromConfigNames() {
        #expect(Template.logicalId("dev", "pipeline-role") == "DevPipelineRole")
        #expect(Template.logicalId(["prod", "eu-west-1", "artifact_bucket"]) == "ProdEuWest1ArtifactBucket")
        #expect(Template.isLogicalId(Template.logicalId("dev", "pipeline-role")))
    }
}
