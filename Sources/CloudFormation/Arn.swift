extension Value {
    /// An ARN whose partition is `${AWS::Partition}`, so the same template works in `aws`,
    /// `aws-cn` and `aws-us-gov`. `region` and `account` may be literals or `${AWS::Region}` /
    /// `${AWS::AccountId}`; `resource` may hold further `${...}` placeholders.
    public static func arn(_ service: String, region: String = "", account: String = "", _ resource: String)
        -> Value
    {
        // Appended into one buffer sized up front: builders make thousands of ARNs on a long
        // route, and string interpolation grows its buffer piece by piece.
        let prefix = "arn:${AWS::Partition}:"
        var text = ""
        text.reserveCapacity(prefix.utf8.count + service.utf8.count + region.utf8.count + account.utf8.count + resource.utf8.count + 3)
        text += prefix
        text += service
        text += ":"
        text += region
        text += ":"
        text += account
        text += ":"
        text += resource
        return .sub(text)
    }

    /// `${AWS::Region}`, for `arn(region:)`.
    public static let thisRegion = "${AWS::Region}"
    /// `${AWS::AccountId}`, for `arn(account:)`.
    public static let thisAccount = "${AWS::AccountId}"
}

extension Value {
    /// `Fn::Sub` of `text` where each `${name}` of `variables` is replaced: literal strings are
    /// written into the text, anything else stays a variable of the `Fn::Sub` map. So a plain
    /// value reads as a plain ARN, and only imports need the two-argument form.
    public static func subInlining(_ text: String, _ variables: [(String, Value)]) -> Value {
        var text = text
        var remaining: [Field] = []
        for (name, value) in variables {
            if case .string(let literal) = value {
                text = replacing("${\(name)}", with: literal, in: text)
            } else {
                remaining.append(Field(name, value))
            }
        }
        return .sub(text, variables: remaining.isEmpty ? nil : remaining)
    }
}
