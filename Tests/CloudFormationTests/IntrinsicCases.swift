import CloudFormation
import Testing

/// Every intrinsic `Value` case, with the exact YAML and JSON text it lowers to.
enum IntrinsicCases {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var value: Value
        var yaml: String
        var json: String
        var testDescription: String { name }
    }

    static let all: [Case] = [
        Case(
            name: "Ref", value: .ref("Bucket"),
            yaml: #"""
            Ref: Bucket

            """#,
            json: #"""
            {
              "Ref": "Bucket"
            }

            """#),
        Case(
            name: "Ref pseudo", value: .ref(.region),
            yaml: #"""
            Ref: AWS::Region

            """#,
            json: #"""
            {
              "Ref": "AWS::Region"
            }

            """#),
        Case(
            name: "NoValue", value: .noValue,
            yaml: #"""
            Ref: AWS::NoValue

            """#,
            json: #"""
            {
              "Ref": "AWS::NoValue"
            }

            """#),
        Case(
            name: "GetAtt", value: .getAtt("Role", "Arn"),
            yaml: #"""
            Fn::GetAtt:
              - Role
              - Arn

            """#,
            json: #"""
            {
              "Fn::GetAtt": [
                "Role",
                "Arn"
              ]
            }

            """#),
        Case(
            name: "Sub", value: .sub("arn:${AWS::Partition}:s3:::${Bucket}/*"),
            yaml: #"""
            Fn::Sub: arn:${AWS::Partition}:s3:::${Bucket}/*

            """#,
            json: #"""
            {
              "Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"
            }

            """#),
        Case(
            name: "Sub with variables", value: .sub("${Prefix}-${AWS::Region}", variables: [Field("Prefix", .ref(.stackName))]),
            yaml: #"""
            Fn::Sub:
              - ${Prefix}-${AWS::Region}
              - Prefix:
                  Ref: AWS::StackName

            """#,
            json: #"""
            {
              "Fn::Sub": [
                "${Prefix}-${AWS::Region}",
                {
                  "Prefix": {
                    "Ref": "AWS::StackName"
                  }
                }
              ]
            }

            """#),
        Case(
            name: "Join", value: .join(",", ["a", .ref("B")]),
            yaml: #"""
            Fn::Join:
              - ','
              - - a
                - Ref: B

            """#,
            json: #"""
            {
              "Fn::Join": [
                ",",
                [
                  "a",
                  {
                    "Ref": "B"
                  }
                ]
              ]
            }

            """#),
        Case(
            name: "ImportValue", value: .importValue(.sub("${Env}-vpc")),
            yaml: #"""
            Fn::ImportValue:
              Fn::Sub: ${Env}-vpc

            """#,
            json: #"""
            {
              "Fn::ImportValue": {
                "Fn::Sub": "${Env}-vpc"
              }
            }

            """#),
        Case(
            name: "If", value: .if("IsProd", 3, .noValue),
            yaml: #"""
            Fn::If:
              - IsProd
              - 3
              - Ref: AWS::NoValue

            """#,
            json: #"""
            {
              "Fn::If": [
                "IsProd",
                3,
                {
                  "Ref": "AWS::NoValue"
                }
              ]
            }

            """#),
        Case(
            name: "Select", value: .select(0, .getAZs("")),
            yaml: #"""
            Fn::Select:
              - 0
              - Fn::GetAZs: ''

            """#,
            json: #"""
            {
              "Fn::Select": [
                0,
                {
                  "Fn::GetAZs": ""
                }
              ]
            }

            """#),
        Case(
            name: "Split", value: .split(",", .importValue("subnets")),
            yaml: #"""
            Fn::Split:
              - ','
              - Fn::ImportValue: subnets

            """#,
            json: #"""
            {
              "Fn::Split": [
                ",",
                {
                  "Fn::ImportValue": "subnets"
                }
              ]
            }

            """#),
        Case(
            name: "GetAZs", value: .getAZs(.ref(.region)),
            yaml: #"""
            Fn::GetAZs:
              Ref: AWS::Region

            """#,
            json: #"""
            {
              "Fn::GetAZs": {
                "Ref": "AWS::Region"
              }
            }

            """#),
        Case(
            name: "Base64", value: .base64(.sub("#!/bin/bash\necho ${AWS::Region}\n")),
            yaml: #"""
            Fn::Base64:
              Fn::Sub: |
                #!/bin/bash
                echo ${AWS::Region}

            """#,
            json: #"""
            {
              "Fn::Base64": {
                "Fn::Sub": "#!/bin/bash\necho ${AWS::Region}\n"
              }
            }

            """#),
        Case(
            name: "FindInMap", value: .findInMap("Accounts", .ref(.region), "Id"),
            yaml: #"""
            Fn::FindInMap:
              - Accounts
              - Ref: AWS::Region
              - Id

            """#,
            json: #"""
            {
              "Fn::FindInMap": [
                "Accounts",
                {
                  "Ref": "AWS::Region"
                },
                "Id"
              ]
            }

            """#),
        Case(
            name: "Equals", value: .equals(.ref("Env"), "prod"),
            yaml: #"""
            Fn::Equals:
              - Ref: Env
              - prod

            """#,
            json: #"""
            {
              "Fn::Equals": [
                {
                  "Ref": "Env"
                },
                "prod"
              ]
            }

            """#),
        Case(
            name: "And", value: .and([.condition("A"), .not(.condition("B"))]),
            yaml: #"""
            Fn::And:
              - Condition: A
              - Fn::Not:
                  - Condition: B

            """#,
            json: #"""
            {
              "Fn::And": [
                {
                  "Condition": "A"
                },
                {
                  "Fn::Not": [
                    {
                      "Condition": "B"
                    }
                  ]
                }
              ]
            }

            """#),
        Case(
            name: "Or", value: .or([.equals(.ref("Env"), "dev"), .condition("A")]),
            yaml: #"""
            Fn::Or:
              - Fn::Equals:
                  - Ref: Env
                  - dev
              - Condition: A

            """#,
            json: #"""
            {
              "Fn::Or": [
                {
                  "Fn::Equals": [
                    {
                      "Ref": "Env"
                    },
                    "dev"
                  ]
                },
                {
                  "Condition": "A"
                }
              ]
            }

            """#),
        Case(
            name: "Not", value: .not(.condition("A")),
            yaml: #"""
            Fn::Not:
              - Condition: A

            """#,
            json: #"""
            {
              "Fn::Not": [
                {
                  "Condition": "A"
                }
              ]
            }

            """#),
        Case(
            name: "Condition", value: .condition("A"),
            yaml: #"""
            Condition: A

            """#,
            json: #"""
            {
              "Condition": "A"
            }

            """#),
    ]
}
