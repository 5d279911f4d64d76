extension IAM {
    /// An IAM policy document (identity, trust or resource policy). Statements keep their order.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
    public struct PolicyDocument: PropertyStruct, Hashable {
        public var statements: [Statement]

        public init(_ statements: [Statement]) {
            self.statements = statements
        }

        public var properties: [Field] {
            [Field("Version", "2012-10-17"), Field("Statement", .list(statements.map(\.cfnValue)))]
        }
    }

    public enum Effect: String, Sendable, Hashable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// A statement's `Principal`.
    public enum Principal: Sendable, Hashable {
        /// Service principals such as `codepipeline.amazonaws.com` (a `Value`, because some
        /// are regional: `logs.${AWS::Region}.amazonaws.com`).
        case service([Value])
        /// Account or role ARNs.
        case aws([Value])
        /// `"*"`: anyone, to be narrowed by conditions.
        case everyone

        var cfnValue: Value {
            switch self {
            case .service(let names): return ["Service": Principal.oneOrMany(names)]
            case .aws(let arns): return ["AWS": Principal.oneOrMany(arns)]
            case .everyone: return "*"
            }
        }

        static func oneOrMany(_ values: [Value]) -> Value {
            values.count == 1 ? values[0] : .list(values)
        }
    }

    /// One condition: `operator` (such as `StringEquals`), a key, and the values it accepts.
    public struct Condition: Sendable, Hashable {
        public var `operator`: String
        public var key: String
        public var values: [Value]

        public init(_ op: String, _ key: String, _ values: [Value]) {
            self.operator = op
            self.key = key
            self.values = values
        }

        public init(_ op: String, _ key: String, _ value: Value) {
            self.init(op, key, [value])
        }
    }

    /// One statement of a policy document.
    public struct Statement: PropertyStruct, Hashable {
        public var sid: String?
        public var effect: Effect
        public var principal: Principal?
        public var actions: [String]
        /// Every action but these (`NotAction`), written instead of `actions` when not empty: a
        /// permissions boundary's ceiling reads best as "everything but IAM".
        /// [NotAction](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)
        public var notActions: [String] = []
        public var resources: [Value]
        public var conditions: [Condition]

        public init(
            sid: String? = nil, effect: Effect = .allow, principal: Principal? = nil, actions: [String],
            resources: [Value] = [], conditions: [Condition] = []
        ) {
            self.sid = sid
            self.effect = effect
            self.principal = principal
            self.actions = actions
            self.resources = resources
            self.conditions = conditions
        }

        /// A statement about every action except `notActions`.
        public init(
            sid: String? = nil, effect: Effect = .allow, notActions: [String], resources: [Value], conditions: [Condition] = []
        ) {
            self.init(sid: sid, effect: effect, actions: [], resources: resources, conditions: conditions)
            self.notActions = notActions
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Sid", sid)
            p.set("Effect", effect.rawValue)
            p.set("Principal", principal?.cfnValue)
            if notActions.isEmpty {
                p.set("Action", Principal.oneOrMany(actions.map { .string($0) }))
            } else {
                p.set("NotAction", Principal.oneOrMany(notActions.map { .string($0) }))
            }
            if !resources.isEmpty { p.set("Resource", Principal.oneOrMany(resources)) }
            if !conditions.isEmpty { p.set("Condition", Statement.group(conditions)) }
            return p.fields
        }

        /// `{Operator: {Key: value-or-list}}`, operators and keys in first-use order.
        static func group(_ conditions: [Condition]) -> Value {
            var operators: [(String, [Field])] = []
            for c in conditions {
                let entry = Field(c.key, Principal.oneOrMany(c.values))
                if let i = operators.firstIndex(where: { $0.0 == c.operator }) {
                    operators[i].1.append(entry)
                } else {
                    operators.append((c.operator, [entry]))
                }
            }
            return .map(operators.map { Field($0.0, .map($0.1)) })
        }
    }
}
