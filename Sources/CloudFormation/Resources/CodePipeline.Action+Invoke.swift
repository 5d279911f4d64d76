extension CodePipeline.Action {
    /// A `Lambda` invoke action: CodePipeline invokes the function, which must report the job's
    /// result (`PutJobSuccessResult` or `PutJobFailureResult`), or the action waits until it
    /// times out.
    /// [AWS Lambda invoke action reference](https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html)
    public struct Lambda: CodePipeline.ActionConfiguration {
        public static let provider = "Lambda"
        public var category: CodePipeline.Pipeline.ActionTypeId.Category { .invoke }

        /// The name of the function created in Lambda.
        public var functionName: Value
        /// A string the function receives as input.
        public var userParameters: String?

        public init(functionName: Value, userParameters: String? = nil) {
            self.functionName = functionName
            self.userParameters = userParameters
        }

        public var fields: [Field] {
            var p = Properties()
            p.set("FunctionName", functionName)
            p.set("UserParameters", userParameters)
            return p.fields
        }
    }
}
