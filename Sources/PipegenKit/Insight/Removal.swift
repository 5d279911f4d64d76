import PipegenConfig
import YAMLKit

/// What the pipegen files in an output folder say about stacks the config no longer deploys,
/// decided on stacks (name, account, region; `StackIdentity`), never on file names: the
/// stacks to remove, in the order that works, with what each leaves behind; and the files
/// that only change name or format for a stack the config still deploys. Everything about an
/// old stack is read from its old file, because the config no longer knows it.
public struct RemovalReport: Sendable {
    /// One stack to delete.
    public struct Stack: Sendable {
        /// The old file that deployed it; nil for an application stack, which a pipeline deployed.
        public var file: String?
        public var stackName: String
        public var account: String
        public var region: String
        public var profile: String
        /// True when the config has no profile for the account (an environment moved away from
        /// it): the commands name one to create.
        public var profileIsNew: Bool
        /// Where the config now deploys a stack of this name, when it moved to another account
        /// or region; nil when the config no longer has it.
        public var movedTo: StackIdentity?
        /// Resources with `DeletionPolicy: Retain`, which outlive the stack.
        public var retained: [Retained]
        /// For an application stack: the pipeline that deployed it.
        public var deployedBy: String?
        /// For an application stack: the role CloudFormation deletes it with, which one of
        /// the removed stacks holds.
        public var executionRole: String?
    }

    /// A resource CloudFormation keeps when its stack is deleted.
    public struct Retained: Sendable, Hashable {
        public var logicalId: String
        public var type: String
        /// The physical name, when the template sets one literally (a bucket or repository name,
        /// a key's alias).
        public var name: String?
    }

    /// An old file the config still deploys, under another name (another format): `render`
    /// replaces it, and nothing is deleted.
    public struct Replacement: Sendable, Hashable {
        public var old: String
        public var new: String
    }

    /// The tooling stacks to deploy before anything is deleted, so that no pipeline deploys
    /// to the stacks that go (and none still names their roles); empty when nothing goes.
    public var deployFirst: [StackDeployment]
    /// Stacks the pipelines deployed into a removed environment, whose execution role is in a
    /// stack that goes: deleted while that role exists, since CloudFormation deletes a stack
    /// with the role it was given.
    public var applications: [Stack]
    /// pipegen's own stacks to delete, in deletion order (the reverse of deploying): each
    /// environment's stacks after its pipelines' first run, its further regions, its home
    /// stack; then the tooling account's further regions, its home stack, its buckets.
    public var stacks: [Stack]
    /// Old files whose stack the config still deploys under another file name.
    public var replacements: [Replacement]
    /// Old pipegen files that do not say which stack they deployed (edited by hand, or
    /// unreadable): no command can be given for them.
    public var unidentified: [String]

    /// The report for the pipegen files in a folder that differ from what `valid` renders:
    /// `old` holds each such file's name and bytes (stale files, and the old bytes of changed
    /// ones); `rendered` is what the config renders now, in the order of its stacks;
    /// `unchanged` names the rendered files already on disk as they are. `folder` is the
    /// output folder as the user reaches it, for the deploy commands.
    public init(
        _ valid: ValidConfig, rendered: [RenderedFile], old: [(name: String, bytes: [UInt8])], unchanged: Set<String>,
        folder: String
    ) {
        let config = valid.config
        let stacks = valid.stacks.stacks
        var fileOf: [StackIdentity: String] = [:]
        for (stack, file) in zip(stacks, rendered) { fileOf[stack.identity] = file.name }
        let renderedNames = Set(rendered.map(\.name))
        let read = Parallel.map(old) { file -> (name: String, document: Document?) in (file.name, StackIdentity.read(file.bytes)) }

        var replacements: [Replacement] = []
        var unidentified: [String] = []
        var removed: [(file: String, identity: StackIdentity, document: Document)] = []
        for (name, document) in read {
            guard let document, let identity = StackIdentity(template: document) else {
                if !renderedNames.contains(name) { unidentified.append(name) }
                continue
            }
            if let now = fileOf[identity] {
                if now != name, !renderedNames.contains(name) { replacements.append(Replacement(old: name, new: now)) }
            } else if !removed.contains(where: { $0.identity == identity }) {
                removed.append((name, identity, document))
            }
        }
        self.replacements = replacements
        self.unidentified = unidentified
        guard !removed.isEmpty else {
            (deployFirst, applications, self.stacks) = ([], [], [])
            return
        }

        let planner = Planner(config: config, stacks: stacks, files: rendered, folder: folder)
        let profiles = planner.profiles()
        // An account the config no longer has keeps the profile name the plan gave it (after
        // the environment or tooling account of the old template) unless the config now
        // gives that name to another account; then one named after the account.
        var oldProfiles: [String: String] = [:]
        for (_, identity, document) in removed where !profiles.contains(where: { $0.account == identity.account }) {
            guard oldProfiles[identity.account] == nil else { continue }
            let name = Self.owner(document).map { "\($0.project)-\($0.name)" }
            oldProfiles[identity.account] =
                name.flatMap { n in profiles.contains { $0.name == n } || oldProfiles.values.contains(n) ? nil : n }
                ?? planner.profile(for: identity.account, in: profiles)
        }
        func stack(_ identity: StackIdentity, file: String?) -> Stack {
            let old = oldProfiles[identity.account]
            return Stack(
                file: file, stackName: identity.stackName, account: identity.account, region: identity.region,
                profile: old ?? planner.profile(for: identity.account, in: profiles), profileIsNew: old != nil,
                movedTo: nil, retained: [])
        }

        var own: [(rank: Int, stack: Stack)] = []
        for (file, identity, document) in removed {
            var s = stack(identity, file: file)
            s.retained = Self.retained(document)
            s.movedTo = stacks.first { $0.stackName == identity.stackName }?.identity
            own.append((Self.deletionRank(document), s))
        }
        self.stacks = own.sorted { a, b in
            (a.rank, a.stack.stackName, a.stack.account, a.stack.region) < (b.rank, b.stack.stackName, b.stack.account, b.stack.region)
        }.map(\.stack)

        // Application stacks: deployed by a pipeline of an old template, with an execution
        // role that a removed stack holds, and deployed by no pipeline of the new templates.
        var roles: Set<String> = []
        for (_, identity, document) in removed {
            for role in ApplicationStacks.roleNames(document) { roles.insert("\(identity.account) \(role)") }
        }
        let still = Set(stacks.flatMap { ApplicationStacks.targets($0.template.document, home: $0.identity) }.map(\.identity))
        var applications: [Stack] = []
        for (_, document) in read {
            guard let document, let home = StackIdentity(template: document) else { continue }
            for target in ApplicationStacks.targets(document, home: home)
            where !still.contains(target.identity) && roles.contains("\(target.identity.account) \(target.executionRole)")
                && !applications.contains(where: { $0.stackName == target.identity.stackName && $0.account == target.identity.account && $0.region == target.identity.region })
            {
                var s = stack(target.identity, file: nil)
                s.deployedBy = target.pipeline
                s.executionRole = target.executionRole
                applications.append(s)
            }
        }
        self.applications = applications

        let changedTooling = Set(zip(stacks, rendered).filter { $0.0.owner == .tooling && !unchanged.contains($0.1.name) }.map(\.0.name))
        let plan = planner.plan()
        deployFirst = plan.problems.isEmpty ? plan.phases.flatMap(\.stacks).filter { changedTooling.contains($0.name) } : []
    }

    /// The template as data, or nil when it cannot be read (`file` is not consulted: the
    /// format is told from the text).
    static func read(_ file: String, _ bytes: [UInt8]) -> Document? {
        StackIdentity.read(bytes)
    }

    /// Where a template says it deploys (see `StackIdentity.init(template:)`).
    static func target(of template: Document?) -> (account: String, region: String, stack: String)? {
        StackIdentity(template: template).map { ($0.account, $0.region, $0.stackName) }
    }

    /// The resources kept by `DeletionPolicy: Retain`, with the names the template gives them.
    static func retained(_ template: Document) -> [Retained] {
        let resources = template["Resources"]?.mapValue ?? []
        var out: [Retained] = []
        for entry in resources where entry.value["DeletionPolicy"]?.stringValue == "Retain" {
            let type = entry.value["Type"]?.stringValue ?? "unknown type"
            let properties = entry.value["Properties"]
            var name = ["BucketName", "RepositoryName", "LogGroupName", "TopicName", "RoleName"].lazy
                .compactMap { properties?[$0]?.stringValue }.first
            if type.hasPrefix("AWS::KMS::") {
                // A key has no name; its alias (deleted with the stack) tells which key it is.
                name = resources.first {
                    $0.value["Type"]?.stringValue == "AWS::KMS::Alias" && $0.value["Properties"]?["TargetKeyId"]?["Ref"]?.stringValue == entry.key
                }?.value["Properties"]?["AliasName"]?.stringValue
            }
            out.append(Retained(logicalId: entry.key, type: type, name: name))
        }
        return out
    }

    /// Whom a pipegen template's account served (`tooling`, or the environment's name) and
    /// the project, read from the start of its description ("Environment dev of project shop
    /// (generated by pipegen) ...", "Tooling account of project shop ...").
    static func owner(_ template: Document) -> (name: String, project: String)? {
        guard let text = template["Description"]?.stringValue, let of = text.firstRange(of: " of project ") else { return nil }
        let project = text[of.upperBound...].prefix { $0 != " " }
        let name: Substring
        if text.hasPrefix("Tooling account ") {
            name = "tooling"
        } else if text.hasPrefix("Environment ") {
            name = text[text.index(text.startIndex, offsetBy: "Environment ".count)..<of.lowerBound]
        } else {
            return nil
        }
        guard !project.isEmpty, !name.isEmpty, !name.contains(" ") else { return nil }
        return (String(name), String(project))
    }

    /// The region at the end of a file stem (`dev-us-east-1`), if any.
    static func regionSuffix(_ stem: String) -> String? {
        Region.all.first { stem.hasSuffix("-" + $0) }
    }

    /// Deletion order, the reverse of deploying, from what the template's description says
    /// of it (`InsightRemovalTests` holds it to the plan's order for every example): an
    /// environment's stacks deployed after its pipelines' first run, its further regions, its
    /// home stack (the roles the others use); then the tooling stacks deployed after the home
    /// one, the home one, and those deployed before it (buckets).
    static func deletionRank(_ template: Document) -> Int {
        let text = template["Description"]?.stringValue ?? ""
        let clause = text.ranges(of: "Deploy to account ").last.map { String(text[$0.upperBound...]) } ?? ""
        if text.hasPrefix("Tooling account ") {
            return clause.contains(", after ") ? 3 : clause.contains(", before ") ? 5 : 4
        }
        if text.contains(", deployed once ") { return 0 }
        return text.contains("the roles the tooling account's pipelines assume") ? 2 : 1
    }
}
