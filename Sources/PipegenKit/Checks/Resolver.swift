import CloudFormation
import PipegenConfig

/// Resolves the values pipegen writes into a template to the text CloudFormation would make
/// of them in the stack's account and region: literal strings, `Fn::Sub` with pseudo
/// parameters and resource names, `Ref` and `Fn::GetAtt ... Arn` of the resource types pipegen
/// creates, as their `returnValues` describe them. Ids assigned at creation (KMS keys) are
/// unknown before deployment and resolve to `<LogicalId>`; imports to `import:<name>`.
/// Anything else resolves to nil.
struct Resolver {
    let template: Template
    let account: String
    let region: String
    /// The checks read ARNs in the commercial partition; templates use `${AWS::Partition}`
    /// everywhere, so the partition never changes a comparison.
    let partition = "aws"

    func string(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .ref(let name): return ref(name)
        case .getAtt(let id, let attribute):
            if attribute == "Arn" { return arn(id) }
            // A KMS key's `KeyId` is the id `Ref` gives, assigned at creation: `<Id>`, as in its ARN.
            if attribute == "KeyId", let model = template.resource(id)?.model, type(of: model).returnValues.ref == .generatedId {
                return "<\(id)>"
            }
            return "\(id).\(attribute)"
        case .importValue(.string(let name)): return "import:\(name)"
        case .sub(let text, let variables):
            return substitute(text, variables ?? [])
        default: return nil
        }
    }

    /// `Fn::Sub`: each `${Name}` (variable, pseudo parameter or resource) and `${Id.Attr}`
    /// replaced; `${!Literal}` kept as `${Literal}`; nil when one cannot be resolved.
    private func substitute(_ text: String, _ variables: [Field]) -> String? {
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        var resolved = true
        let closed = Substitution.forEachPart(in: text) { part in
            guard resolved else { return }
            let piece: String?
            switch part {
            case .text(let literal): piece = literal
            case .placeholder(.literal(let name)): piece = "${\(name)}"
            case .placeholder(.reference(let name)):
                piece = variables.first { $0.name == name }.map { string($0.value) } ?? ref(name)
            case .placeholder(.attribute(let resource, let attribute)):
                let variable = variables.isEmpty ? nil : variables.first { $0.name == "\(resource).\(attribute)" }
                piece = variable.map { string($0.value) } ?? string(.getAtt(resource, attribute))
            }
            if let piece { out += piece } else { resolved = false }
        }
        return closed && resolved ? out : nil
    }

    /// What `Ref` gives: pseudo parameters, and what each resource type's `returnValues` say
    /// (its physical name, its ARN, or an id known only after deployment).
    func ref(_ name: String) -> String? {
        switch name {
        case Pseudo.partition.rawValue: return partition
        case Pseudo.accountId.rawValue: return account
        case Pseudo.region.rawValue: return region
        case Pseudo.urlSuffix.rawValue: return Partition.aws.dnsSuffix
        default: break
        }
        guard let model = template.resource(name)?.model else { return nil }
        switch type(of: model).returnValues.ref {
        case .physicalName?: return model.physicalName.flatMap(string)
        case .arn?: return arn(name)
        case .generatedId?: return "<\(name)>"
        case nil: return nil
        }
    }

    /// The ARN of resource `id` (what `Fn::GetAtt <id>.Arn` gives), in its type's `ArnFormat`.
    func arn(_ id: String) -> String? {
        guard let model = template.resource(id)?.model, let format = type(of: model).returnValues.arn else { return nil }
        let resource: String?
        switch format.identifier {
        case .physicalName: resource = model.physicalName.flatMap(string)
        case .generatedId: resource = "<\(id)>"
        }
        return resource.map { format.arn(partition: partition, region: region, account: account, resource: $0) }
    }
}

/// An IAM statement with every value resolved once, for checks that ask it many questions.
/// A class: the checks pass each statement around thousands of times, and a reference is
/// one retain where a struct of seven fields is seven.
final class ResolvedStatement: Sendable {
    let sid: String?
    let effect: IAM.Effect
    let actions: [String]
    /// nil when the statement has no `Resource` (a resource policy's own resource).
    let resources: [String]?
    /// Statements name one or a few principals and conditions: arrays, searched in order,
    /// cost less to build, ask and free than sets and dictionaries.
    let principals: [String]
    /// Service principals (`codebuild.amazonaws.com`), resolved.
    let services: [String]
    /// True for `Principal: "*"`.
    let everyone: Bool
    let conditions: [(operator: String, key: String, values: [String])]
    /// The principals as a set when there are many (an account grant along a long route,
    /// which the runtime check asks of every call that reads an artifact).
    private let principalSet: Set<String>

    init(_ s: IAM.Statement, _ r: Resolver) {
        sid = s.sid
        effect = s.effect
        actions = s.actions
        resources = s.resources.isEmpty ? nil : s.resources.map { r.string($0) ?? "" }
        switch s.principal {
        case .aws(let values)?: (principals, services, everyone) = (values.compactMap(r.string), [], false)
        case .service(let values)?: (principals, services, everyone) = ([], values.compactMap(r.string), false)
        case .everyone?: (principals, services, everyone) = ([], [], true)
        case nil: (principals, services, everyone) = ([], [], false)
        }
        conditions = s.conditions.map { ($0.operator, $0.key, $0.values.compactMap(r.string)) }
        principalSet = principals.count > 8 ? Set(principals) : []
    }

    func matches(action: String) -> Bool { actions.contains { PolicyMatch.glob($0, action, caseInsensitive: true) } }

    func matches(resource: String) -> Bool { resources?.contains { PolicyMatch.glob($0, resource) } ?? true }

    /// The statement's `Principal` names `principal` (an ARN or account id) exactly.
    func names(_ principal: String) -> Bool {
        principalSet.isEmpty ? principals.contains(principal) : principalSet.contains(principal)
    }

    /// The values of every condition `op` on `key`, in order.
    func condition(_ op: String, _ key: String) -> [String] {
        conditions.filter { $0.operator == op && $0.key == key }.flatMap(\.values)
    }

    /// An identity policy allows `action` on `resource`: an Allow covers it, no Deny does.
    static func allows(_ statements: [ResolvedStatement], _ action: String, on resource: String) -> Bool {
        var allowed = false
        for s in statements where s.matches(action: action) && s.matches(resource: resource) {
            if s.effect == .deny { return false }
            allowed = true
        }
        return allowed
    }
}

/// Reading IAM statements the way IAM does, for the questions the checks ask: is this
/// action on this resource allowed, and by which principals and conditions.
enum PolicyMatch {
    /// `*` and `?` wildcards, as IAM matches actions (ASCII case-insensitively) and ARNs.
    /// Works on the UTF-8 bytes in place: the checks ask it hundreds of thousands of times on
    /// a long route. (`?` matches one byte; IAM's names and ARNs here are ASCII.)
    static func glob(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        // Most questions fail on the first byte: answer those before setting up the scan.
        if let p = pattern.utf8.first, p != UInt8(ascii: "*"), p != UInt8(ascii: "?"), let t = text.utf8.first,
            p != t, !caseInsensitive || (p | 0x20) != (t | 0x20) || !(p | 0x20 >= 0x61 && p | 0x20 <= 0x7A)
        {
            return false
        }
        var pattern = pattern, text = text
        pattern.makeContiguousUTF8()
        text.makeContiguousUTF8()
        return pattern.utf8.withContiguousStorageIfAvailable { p in
            text.utf8.withContiguousStorageIfAvailable { t in
                globBytes(p, t, caseInsensitive: caseInsensitive)
            }
        }.flatMap { $0 } ?? false
    }

    private static func globBytes(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
        func same(_ a: UInt8, _ b: UInt8) -> Bool {
            guard caseInsensitive else { return a == b }
            func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            return lower(a) == lower(b)
        }
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || same(p[pi], t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    static func matchesAction(_ statement: IAM.Statement, _ action: String) -> Bool {
        statement.actions.contains { glob($0, action, caseInsensitive: true) }
    }

    /// True when `statement` names `resource` (no `Resource` means the policy's own resource).
    static func matchesResource(_ statement: IAM.Statement, _ resource: String, _ resolver: Resolver) -> Bool {
        if statement.resources.isEmpty { return true }
        return statement.resources.contains { value in
            guard let pattern = resolver.string(value) else { return false }
            return glob(pattern, resource)
        }
    }

    /// An identity policy allows `action` on `resource`: some Allow statement covers it and no
    /// Deny does. Conditions are not evaluated; the checks look at them separately.
    static func allows(_ statements: [IAM.Statement], _ action: String, on resource: String, _ resolver: Resolver) -> Bool {
        let covering = statements.filter { matchesAction($0, action) && matchesResource($0, resource, resolver) }
        return covering.contains { $0.effect == .allow } && !covering.contains { $0.effect == .deny }
    }

    /// The values of `key` under condition `op` in a statement, resolved.
    static func conditionValues(_ statement: IAM.Statement, _ op: String, _ key: String, _ resolver: Resolver) -> [String] {
        statement.conditions.filter { $0.operator == op && $0.key == key }.flatMap { $0.values.compactMap(resolver.string) }
    }

    /// The AWS principals of a statement, resolved.
    static func awsPrincipals(_ statement: IAM.Statement, _ resolver: Resolver) -> [String] {
        guard case .aws(let values) = statement.principal else { return [] }
        return values.compactMap(resolver.string)
    }
}
