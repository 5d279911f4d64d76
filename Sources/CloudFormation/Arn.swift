extension Value {
    /// An ARN whose partition is `${AWS::Partition}`, so the same template works in `aws`,
    /// `aws-cn` and `aws-us-gov`. `region` and `account` may be literals or `${AWS::Region}` /
    /// `${AWS::AccountId}`; `resource` may hold further `${...}` placeholders.
    public static func arn(_ service: String, region: String = "", account: String = "", _ resource: String)
        -> Value
    {
        .sub("arn:${AWS::Partition}:\(service):\(region):\(account):\(resource)")
    }

    /// `${AWS::Region}`, for `arn(region:)`.
    public static let thisRegion = "${AWS::Region}"
    /// `${AWS::AccountId}`, for `arn(account:)`.
    public static let thisAccount = "${AWS::AccountId}"
}
