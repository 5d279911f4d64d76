// Decoding IAM's types back from their lowered values (see `Decoding.swift`).

extension IAM.PolicyDocument: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let version = try d.optional("Version", as: String.self)
        if let version, version != "2012-10-17" {
            throw d.path.appending("Version").problem("'\(version)' is not a policy version pipegen's model knows: write '2012-10-17'")
        }
        // IAM also accepts one statement without a list; pipegen writes a list.
        guard let statements = d.value("Statement") else {
            throw d.path.problem("'\(d.path.appending("Statement"))' is required and missing")
        }
        if case .map = statements {
            self.init([try IAM.Statement(decoding: statements, at: d.path.appending("Statement"))])
        } else {
            self.init(try [IAM.Statement](decoding: statements, at: d.path.appending("Statement")))
        }
    }
}

extension IAM.Statement: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        let effect: IAM.Effect
        switch try d.required("Effect", as: String.self) {
        case "Allow": effect = .allow
        case "Deny": effect = .deny
        case let other: throw d.path.appending("Effect").problem("'\(other)' is not an effect: write 'Allow' or 'Deny'")
        }
        var principal: IAM.Principal?
        if let p = d.value("Principal") { principal = try IAM.Principal(decoding: p, at: d.path.appending("Principal")) }
        // `NotAction` (every action but these) stands instead of `Action`.
        let notActions = try d.optional("NotAction", as: OneOrMany<String>.self)?.items ?? []
        let actions = notActions.isEmpty ? try d.required("Action", as: OneOrMany<String>.self).items : []
        let resources = try d.optional("Resource", as: OneOrMany<Value>.self)?.items ?? []
        var conditions: [IAM.Condition] = []
        let path = d.path.appending("Condition")
        for op in try d.map("Condition") {
            guard case .map(let keys) = op.value else { throw path.appending(op.name).wrongType("a map of condition keys", op.value) }
            for key in keys {
                let values = try OneOrMany<Value>(decoding: key.value, at: path.appending(op.name).appending(key.name))
                conditions.append(IAM.Condition(op.name, key.name, values.items))
            }
        }
        self.init(
            sid: try d.optional("Sid"), effect: effect, principal: principal, actions: actions, resources: resources,
            conditions: conditions)
        self.notActions = notActions
    }
}

extension IAM.Principal: ValueDecodable {
    /// `"*"`, `{AWS: ...}` or `{Service: ...}`: the principals pipegen's model knows.
    public init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        if case .string("*") = value {
            self = .everyone
            return
        }
        guard case .map(let fields) = value, fields.count == 1 else {
            throw path.wrongType("'*', or a map with one of 'AWS' and 'Service'", value)
        }
        let values = try OneOrMany<Value>(decoding: fields[0].value, at: path.appending(fields[0].name)).items
        switch fields[0].name {
        case "AWS": self = .aws(values)
        case "Service": self = .service(values)
        case let other:
            throw DecodingProblem(
                path: path.segments + [other], message: "unknown principal type '\(other)' in '\(path)'", unknown: other,
                known: ["AWS", "Service"])
        }
    }
}

/// One value or a list of them, as IAM policies write actions, resources and principals.
struct OneOrMany<T: ValueDecodable>: ValueDecodable {
    let items: [T]

    init(decoding value: Value, at path: DecodingPath) throws(DecodingProblem) {
        if case .list = value {
            items = try [T](decoding: value, at: path)
        } else {
            items = [try T(decoding: value, at: path)]
        }
    }
}

extension IAM.Role: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            roleName: try d.optional("RoleName"), description: try d.optional("Description"),
            trust: try d.required("AssumeRolePolicyDocument"), managedPolicyArns: try d.list("ManagedPolicyArns"),
            policies: try d.list("Policies"), maxSessionDuration: try d.optional("MaxSessionDuration"),
            path: try d.optional("Path"), permissionsBoundary: try d.optional("PermissionsBoundary"),
            tags: try d.list("Tags"))
    }
}

extension IAM.Role.Policy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(try d.required("PolicyName"), try d.required("PolicyDocument", as: IAM.PolicyDocument.self))
    }
}

extension IAM.ManagedPolicy: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            managedPolicyName: try d.optional("ManagedPolicyName"), description: try d.optional("Description"),
            path: try d.optional("Path"), policyDocument: try d.required("PolicyDocument"), roles: try d.list("Roles"),
            groups: try d.list("Groups"), users: try d.list("Users"))
    }
}

extension KMS.Key: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            description: try d.optional("Description"), keyPolicy: try d.optional("KeyPolicy"),
            enabled: try d.optional("Enabled"), enableKeyRotation: try d.optional("EnableKeyRotation"),
            rotationPeriodInDays: try d.optional("RotationPeriodInDays"), keySpec: try d.optional("KeySpec"),
            keyUsage: try d.optional("KeyUsage"), multiRegion: try d.optional("MultiRegion"),
            origin: try d.optional("Origin"), pendingWindowInDays: try d.optional("PendingWindowInDays"),
            bypassPolicyLockoutSafetyCheck: try d.optional("BypassPolicyLockoutSafetyCheck"), tags: try d.list("Tags"))
    }
}

extension KMS.ReplicaKey: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            primaryKeyArn: try d.required("PrimaryKeyArn"), description: try d.optional("Description"),
            keyPolicy: try d.required("KeyPolicy"), enabled: try d.optional("Enabled"),
            pendingWindowInDays: try d.optional("PendingWindowInDays"), tags: try d.list("Tags"))
    }
}

extension KMS.Alias: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(aliasName: try d.required("AliasName"), targetKeyId: try d.required("TargetKeyId"))
    }
}

extension IAM.Group: FieldsDecodable {
    public init(fields d: FieldDecoder) throws(DecodingProblem) {
        self.init(
            groupName: try d.optional("GroupName"), managedPolicyArns: try d.list("ManagedPolicyArns"),
            path: try d.optional("Path"), policies: try d.list("Policies"))
    }
}
