extension Lambda {
    /// `AWS::Lambda::Permission`: lets a service or account invoke a function.
    /// [AWS::Lambda::Permission](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html)
    public struct Permission: ResourceModel {
        public static let typeName = "AWS::Lambda::Permission"
        /// What changing each property does: `replacement` for the create-only properties of the
        /// resource provider schema, otherwise as "Update requires" in the reference says.
        public static let updateBehaviors = UpdateBehaviors(
            replacement: ["Action", "FunctionName", "Principal", "SourceAccount", "SourceArn"])

        /// Such as `lambda:InvokeFunction`. [Action](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html#cfn-lambda-permission-action)
        public var action: String
        /// Name or ARN of the function (or version or alias). [FunctionName](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html#cfn-lambda-permission-functionname)
        public var functionName: Value
        /// Service principal (`events.amazonaws.com`) or account id / ARN. [Principal](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html#cfn-lambda-permission-principal)
        public var principal: Value
        /// Account that owns the source, for services. [SourceAccount](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html#cfn-lambda-permission-sourceaccount)
        public var sourceAccount: Value?
        /// ARN of the resource allowed to invoke, such as a rule or topic. [SourceArn](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html#cfn-lambda-permission-sourcearn)
        public var sourceArn: Value?

        public init(
            action: String = "lambda:InvokeFunction", functionName: Value, principal: Value, sourceArn: Value? = nil,
            sourceAccount: Value? = nil
        ) {
            self.action = action
            self.functionName = functionName
            self.principal = principal
            self.sourceArn = sourceArn
            self.sourceAccount = sourceAccount
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Action", action)
            p.set("FunctionName", functionName)
            p.set("Principal", principal)
            p.set("SourceAccount", sourceAccount)
            p.set("SourceArn", sourceArn)
            return p.fields
        }
    }
}
