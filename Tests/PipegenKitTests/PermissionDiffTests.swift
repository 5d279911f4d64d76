import CloudFormation
import Testing

@testable import PipegenKit

/// How the permission diff reads two versions of a policy: which grants widen, which narrow,
/// and which change nothing IAM would allow.
@Suite struct PermissionDiffTests {
    static let place = StackPlace(account: "111111111111", region: "eu-west-1", stackName: "s")

    /// The changes between two versions of one role's inline policy.
    static func compare(_ old: [IAM.Statement], _ new: [IAM.Statement]) -> [PermissionChange] {
        func sites(_ statements: [IAM.Statement]) -> [PolicySite] {
            var t = Template(description: "t")
            let trust = IAM.PolicyDocument([
                .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
            ])
            t.add(
                "Role",
                IAM.Role(roleName: "r", trust: trust, policies: statements.isEmpty ? [] : [.init("p", statements)]))
            return PolicySite.all(in: t, account: place.account, region: place.region)
        }
        return PermissionDiff.compare(old: sites(old), new: sites(new), place: place)
    }

    static func directions(_ changes: [PermissionChange]) -> [String] {
        changes.flatMap { c in
            c.details.map { "\($0.added ? "+" : "-")\($0.aspect.rawValue) \($0.text): \($0.direction.rawValue)" }
        }
    }

    @Test func aNewActionWidensAndOneAlreadyCoveredChangesNothing() {
        let old = [IAM.Statement(sid: "S", actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"])]
        let covered = Self.compare(
            old, [IAM.Statement(sid: "S", actions: ["s3:*", "s3:GetObject"], resources: ["arn:aws:s3:::b/*"])])
        #expect(covered.isEmpty)
        let wider = Self.compare(
            old, [IAM.Statement(sid: "S", actions: ["s3:*", "kms:Decrypt"], resources: ["arn:aws:s3:::b/*"])])
        #expect(wider.map(\.kind) == [.widened])
        #expect(Self.directions(wider) == ["+action kms:Decrypt: widens"])
        let narrower = Self.compare(
            old, [IAM.Statement(sid: "S", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"])])
        #expect(narrower.map(\.kind) == [.narrowed])
        #expect(Self.directions(narrower) == ["+action s3:GetObject: neutral", "-action s3:*: narrows"])
    }

    @Test func aResourcePatternWidensByWhatItMatches() {
        let old = [IAM.Statement(sid: "S", actions: ["iam:PassRole"], resources: ["arn:aws:iam::1:role/shop-a"])]
        let changes = Self.compare(
            old, [IAM.Statement(sid: "S", actions: ["iam:PassRole"], resources: ["arn:aws:iam::1:role/shop-*"])])
        #expect(
            Self.directions(changes) == [
                "+resource arn:aws:iam::1:role/shop-*: widens", "-resource arn:aws:iam::1:role/shop-a: neutral",
            ])
        #expect(changes.first?.kind == .widened)
    }

    @Test func conditionsNarrowWhenAddedAndWidenWhenRemoved() {
        let condition = IAM.Condition(
            "ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/a", "arn:aws:iam::*:role/b"])
        let with = [IAM.Statement(sid: "S", actions: ["kms:Decrypt"], resources: ["*"], conditions: [condition])]
        let without = [IAM.Statement(sid: "S", actions: ["kms:Decrypt"], resources: ["*"])]
        #expect(Self.compare(with, without).map(\.kind) == [.widened])
        #expect(Self.compare(without, with).map(\.kind) == [.narrowed])
        // One value more of a positive operator admits more; of a negated one, fewer.
        var more = condition
        more.values.append("arn:aws:iam::*:role/c")
        let added = Self.compare(
            with, [IAM.Statement(sid: "S", actions: ["kms:Decrypt"], resources: ["*"], conditions: [more])])
        #expect(Self.directions(added) == ["+condition ArnLike aws:PrincipalArn value arn:aws:iam::*:role/c: widens"])
        let negated = IAM.Condition("StringNotEquals", "aws:PrincipalAccount", ["1", "2"])
        let fewer = IAM.Condition("StringNotEquals", "aws:PrincipalAccount", ["1"])
        let lifted = Self.compare(
            [IAM.Statement(sid: "S", actions: ["kms:Decrypt"], resources: ["*"], conditions: [negated])],
            [IAM.Statement(sid: "S", actions: ["kms:Decrypt"], resources: ["*"], conditions: [fewer])])
        #expect(lifted.map(\.kind) == [.widened])
    }

    /// A Deny reads the other way round: more in it allows less.
    @Test func denyStatementsInvertTheDirection() {
        let deny = IAM.Statement(sid: "D", effect: .deny, actions: ["iam:*"], resources: ["arn:aws:iam::1:role/a"])
        let allow = IAM.Statement(sid: "A", actions: ["iam:GetRole"], resources: ["*"])
        #expect(Self.compare([allow], [allow, deny]).map(\.kind) == [.narrowed])
        #expect(Self.compare([allow, deny], [allow]).map(\.kind) == [.widened])
        var wider = deny
        wider.resources.append("arn:aws:iam::1:role/b")
        #expect(Self.compare([allow, deny], [allow, wider]).map(\.kind) == [.narrowed])
    }

    /// An account's root admits its roles: trading a role principal for its account's root widens.
    @Test func anAccountRootCoversItsRoles() {
        let role = IAM.Statement(principal: .aws(["arn:aws:iam::111111111111:role/x"]), actions: ["sts:AssumeRole"])
        let root = IAM.Statement(principal: .aws(["arn:aws:iam::111111111111:root"]), actions: ["sts:AssumeRole"])
        let changes = Self.compare([role], [root])
        #expect(
            Self.directions(changes) == [
                "+principal arn:aws:iam::111111111111:root (account 111111111111): widens",
                "-principal arn:aws:iam::111111111111:role/x: neutral",
            ])
        #expect(Self.compare([root], [role]).map(\.kind) == [.narrowed])
    }

    /// Statements pair by Sid, and without one by their actions.
    @Test func statementsPairBySidThenByActions() {
        let a = IAM.Statement(sid: "A", actions: ["s3:GetObject"], resources: ["x"])
        let b = IAM.Statement(actions: ["sts:AssumeRole"], resources: ["y"])
        var b2 = b
        b2.resources = ["y", "z"]
        let changes = Self.compare([a, b], [b2, a])
        #expect(Self.directions(changes) == ["+resource z: widens"])
    }

    /// A new role's policies are added (every Allow widens); a removed role's are removed (its
    /// Deny statements no longer hold anyone back).
    @Test func wholePoliciesAppearAndGo() {
        let statements = [
            IAM.Statement(sid: "A", actions: ["s3:GetObject"], resources: ["x"]),
            IAM.Statement(sid: "D", effect: .deny, actions: ["s3:DeleteObject"], resources: ["x"]),
        ]
        let added = Self.compare([], statements).filter { $0.policy == .identity }
        #expect(added.map(\.kind) == [.added])
        #expect(added.flatMap(\.details).map(\.direction) == [.widens, .narrows])
        let removed = PermissionDiff.compare(
            old: Self.sitesOfRole(statements), new: [], place: Self.place)
        #expect(removed.map(\.kind) == [.removed, .removed])
        #expect(removed.flatMap(\.details).allSatisfy { $0.direction == .narrows })
    }

    static func sitesOfRole(_ statements: [IAM.Statement]) -> [PolicySite] {
        var t = Template(description: "t")
        let trust = IAM.PolicyDocument([
            .init(principal: .service(["codebuild.amazonaws.com"]), actions: ["sts:AssumeRole"])
        ])
        t.add("Role", IAM.Role(roleName: "r", trust: trust, policies: [.init("p", statements)]))
        return PolicySite.all(in: t, account: place.account, region: place.region)
    }

    /// The same policies read from a built template and from its document back are the same.
    @Test func aTemplateReadBackHasTheSamePolicies() throws {
        let loaded = loadConfig(path: "pipegen.yaml", bytes: Array(Self.routeToLive.utf8))
        let config = try #require(loaded.config)
        let stacks = StackSet.build(config).stacks
        #expect(stacks.count == 5)
        for stack in stacks {
            let built = PolicySite.all(in: stack.template, account: stack.account, region: stack.region)
            let read = PolicySite.all(
                in: Template(reading: stack.template.document), account: stack.account, region: stack.region)
            #expect(!built.isEmpty, "\(stack.name)")
            #expect(built.map(\.key) == read.map(\.key), "\(stack.name)")
            #expect(built.map(\.grants) == read.map(\.grants), "\(stack.name)")
            #expect(built.map(\.holder) == read.map(\.holder), "\(stack.name)")
        }
    }

    static let routeToLive = """
        project: shop
        tooling: {account: "111111111111", region: eu-west-1}
        environments:
          - {name: dev, account: "222222222222", regions: [eu-west-1, us-east-1]}
          - {name: prod, account: "333333333333", approval: true}
        pipelines:
          infrastructure-deployment: {}
        notifications:
          emails: [team@example.com]
        """
}
