import CloudFormation
import PipegenConfig
import YAMLKit

/// A template file as it was before the change: its name in the output folder (or at the git
/// ref) and its bytes.
public struct OldTemplate: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

extension ChangeReport {
    /// Compares what `valid` renders (`rendered`: its files in one format, as `render` writes
    /// them) with the pipegen files that were there before (`old`). Old templates are all the
    /// old side has: where each deploys, its resources and policies are read from its text.
    /// When every file is byte for byte the same, nothing is parsed.
    public init(_ valid: ValidConfig, rendered: [RenderedFile], old: [OldTemplate]) {
        self = ChangeDiffer(valid: valid, rendered: rendered, old: old).report()
    }
}

/// One template on one side: where it deploys, its data, and its model for resolving.
struct SideStack: Sendable {
    let place: StackPlace
    /// The file stem: `tooling`, `dev-us-east-1`.
    let name: String
    let file: String
    let document: Document
    let template: Template
    /// The bytes it was read from (old side) or written as (new side).
    let bytes: [UInt8]
    let owner: StackTemplate.Owner?
}

/// Builds a `ChangeReport`.
struct ChangeDiffer {
    let valid: ValidConfig
    let rendered: [RenderedFile]
    let old: [OldTemplate]

    var config: Config { valid.config }

    func report() -> ChangeReport {
        var empty = ChangeReport(project: config.project.value, stacks: [], permissions: [], unreadable: [])
        if unchanged() { return empty }
        let (before, unreadable) = oldSides()
        empty.unreadable = unreadable
        let after = newSides()
        let oldPhase = phases(before), newPhase = phases(after)
        let causes = ChangeCauses(valid, oldPlaces: Set(before.map(\.place)))
        let byPlace = Dictionary(before.map { ($0.place, $0) }, uniquingKeysWith: { a, _ in a })

        var changes: [StackChange] = []
        var permissions: [(place: StackPlace, changes: [PermissionChange])] = []
        var paired: Set<StackPlace> = []
        let compared = Parallel.map(after) { new -> (StackChange?, [PermissionChange]) in
            let old = byPlace[new.place]
            return compare(
                old: old, new: new, phase: (old.flatMap { oldPhase[$0.name] }, newPhase[new.name]), causes: causes)
        }
        for (new, result) in zip(after, compared) {
            if byPlace[new.place] != nil { paired.insert(new.place) }
            if let change = result.0 { changes.append(change) }
            if !result.1.isEmpty { permissions.append((new.place, result.1)) }
        }
        var removedPlaces: Set<StackPlace> = []
        for old in before where !paired.contains(old.place) && removedPlaces.insert(old.place).inserted {
            let result = compare(old: old, new: nil, phase: (oldPhase[old.name], nil), causes: causes)
            if let change = result.0 { changes.append(change) }
            if !result.1.isEmpty { permissions.append((old.place, result.1)) }
        }
        let order = accountOrder(changes)
        let sorted = changes.enumerated().sorted { a, b in
            let x = order(a.element.place), y = order(b.element.place)
            return (x.account, x.region, a.offset) < (y.account, y.region, b.offset)
        }.map(\.element)
        let rank = Dictionary(sorted.enumerated().map { ($1.place, $0) }, uniquingKeysWith: { a, _ in a })
        let grants = permissions.sorted { (rank[$0.place] ?? .max) < (rank[$1.place] ?? .max) }.flatMap(\.changes)
        return ChangeReport(
            project: config.project.value, stacks: sorted, permissions: Self.shared(grants, causes), unreadable: unreadable)
    }

    /// A change every environment's template makes alike comes from a pipeline's setting (an
    /// execution role's statements, the task roles): its cause is that pipeline's key.
    static func shared(_ changes: [PermissionChange], _ causes: ChangeCauses) -> [PermissionChange] {
        var groups: [String: [Int]] = [:]
        for (i, c) in changes.enumerated() where c.widens {
            guard let env = causes.environment(of: c.cause) else { continue }
            let key = ([c.policy.rawValue, c.policyName ?? "", c.holder] + c.details.map(\.text))
                .map { causes.generic($0, environment: env) }.joined(separator: "\n")
            groups[key, default: []].append(i)
        }
        var out = changes
        for members in groups.values {
            let environments = members.compactMap { causes.environment(of: changes[$0].cause) }
            guard let cause = causes.sharedCause(of: changes[members[0]].holder, environments: environments) else { continue }
            for i in members { out[i].cause = cause }
        }
        return out
    }

    // MARK: The two sides

    /// True when every rendered file is in `old` with the same bytes, and `old` has no others.
    func unchanged() -> Bool {
        guard rendered.count == old.count else { return false }
        var byName: [String: [UInt8]] = [:]
        for file in old { byName[file.name] = file.bytes }
        return rendered.allSatisfy { file in byName[file.name].map { Self.same(file.contents, $0) } ?? false }
    }

    /// Whether `text` is exactly `bytes`, compared in place.
    static func same(_ text: String, _ bytes: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { t in t.elementsEqual(bytes) }
    }

    /// The old templates, read (concurrently) from their text; the lines for those that cannot be.
    func oldSides() -> ([SideStack], [String]) {
        let newByStem = Dictionary(valid.stacks.stacks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let read = Parallel.map(old) { file -> SideStack? in
            guard var document = RemovalReport.read(file.name, file.bytes) else { return nil }
            document = Self.withoutHeader(document)
            let stem = String(file.name.prefix { $0 != "." })
            let place: StackPlace
            if let target = RemovalReport.target(of: document) {
                place = StackPlace(account: target.account, region: target.region, stackName: target.stack)
            } else if let same = newByStem[stem] {
                // A file that does not say where it deploys (an older pipegen's): where its
                // new version goes.
                place = StackPlace(account: same.account, region: same.region, stackName: same.stackName)
            } else {
                place = StackPlace(account: "unknown", region: "unknown", stackName: stem)
            }
            return SideStack(
                place: place, name: stem, file: file.name, document: document, template: Template(reading: document),
                bytes: file.bytes, owner: nil)
        }
        var sides: [SideStack] = []
        var unreadable: [String] = []
        for (file, side) in zip(old, read) {
            if let side {
                sides.append(side)
            } else {
                unreadable.append("\(file.name): not a template pipegen can read")
            }
        }
        // The YAML and JSON renderings of one stack are one stack: keep the one in the format rendered now.
        let format = rendered.first.map { String($0.name.split(separator: ".").last ?? "") } ?? "yaml"
        let preferred =
            sides.filter { $0.file.hasSuffix("." + format) } + sides.filter { !$0.file.hasSuffix("." + format) }
        var seen: Set<StackPlace> = []
        let kept = Set(preferred.filter { seen.insert($0.place).inserted }.map(\.file))
        return (sides.filter { kept.contains($0.file) }, unreadable)
    }

    /// The new templates, with their documents.
    func newSides() -> [SideStack] {
        let files = Dictionary(
            rendered.map { (String($0.name.prefix { $0 != "." }), $0) }, uniquingKeysWith: { a, _ in a })
        return Parallel.map(valid.stacks.stacks) { stack in
            let file = files[stack.name]
            return SideStack(
                place: StackPlace(account: stack.account, region: stack.region, stackName: stack.stackName),
                name: stack.name,
                file: file?.name ?? "\(stack.name).yaml", document: stack.template.document, template: stack.template,
                bytes: Array((file?.contents ?? "").utf8), owner: stack.owner)
        }
    }

    /// A JSON template's `Metadata.pipegen` note (and `Metadata` when that was all) taken out:
    /// like the YAML comment, it names the config, not what deploys.
    static func withoutHeader(_ document: Document) -> Document {
        guard case .map(var entries) = document, let i = entries.firstIndex(where: { $0.key == "Metadata" }),
            case .map(var metadata) = entries[i].value, metadata.contains(where: { $0.key == "pipegen" })
        else { return document }
        metadata.removeAll { $0.key == "pipegen" }
        if metadata.isEmpty { entries.remove(at: i) } else { entries[i].value = .map(metadata) }
        return .map(entries)
    }

    /// The deployment phase of each template of one side, as `pipegen plan` orders them.
    func phases(_ sides: [SideStack]) -> [String: Int] {
        let documents = sides.map {
            StackDependencies.StackDocument(name: $0.name, stackName: $0.place.stackName, document: $0.document)
        }
        let (dependencies, _) = StackDependencies.analyse(documents)
        // Whether a stack waits for a pipeline's first run is not written in its template: an
        // old stack of a name the config still renders waits as the new one does.
        let gated = Set(valid.stacks.stacks.filter { $0.gate != nil }.map(\.name))
        return Planner.layers(sides.map { ($0.name, gated.contains($0.name)) }, dependencies).phaseOf
    }

    /// Accounts in the order the report lists them: the tooling account, then the environment
    /// accounts in route order, then any other; regions in first-listed order within each.
    func accountOrder(_ changes: [StackChange]) -> (StackPlace) -> (account: Int, region: Int) {
        var accounts = [config.tooling.account.value]
        for env in config.environments where !accounts.contains(env.account.value) {
            accounts.append(env.account.value)
        }
        var regions: [String: [String]] = [:]
        let home = config.tooling.region.value
        for change in changes {
            let account = change.place.account
            if !accounts.contains(account) { accounts.append(account) }
            var list = regions[account] ?? (account == accounts[0] ? [home] : [])
            if !list.contains(change.place.region) { list.append(change.place.region) }
            regions[account] = list
        }
        let accountRank = Dictionary(accounts.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return { place in
            (accountRank[place.account] ?? .max, regions[place.account]?.firstIndex(of: place.region) ?? .max)
        }
    }

    // MARK: One stack

    /// The change of one stack and of its policies; nil and none when nothing differs.
    func compare(
        old: SideStack?, new: SideStack?, phase: (old: Int?, new: Int?), causes: ChangeCauses
    ) -> (StackChange?, [PermissionChange]) {
        guard let side = new ?? old else { return (nil, []) }
        if let old, let new, old.file == new.file, old.bytes == new.bytes, phase.old == phase.new { return (nil, []) }
        if let old, let new, old.document == new.document, phase.old == phase.new { return (nil, []) }
        let kind: StackChange.Kind = old == nil ? .added : new == nil ? .removed : .changed
        let resources = StackDiff.resources(old: old, new: new)
        let outputs = StackDiff.outputs(old: old?.document, new: new?.document)
        let sections = old != nil && new != nil ? StackDiff.sections(old: old!.document, new: new!.document) : []
        let change = StackChange(
            kind: kind, place: side.place, file: side.file, owner: owner(side), resources: resources, outputs: outputs,
            sections: sections, phase: phase)
        let sites = { (s: SideStack?) in
            s.map { PolicySite.all(in: $0.template, account: $0.place.account, region: $0.place.region) }
        }
        var permissions = PermissionDiff.compare(old: sites(old), new: sites(new), place: side.place)
        for i in permissions.indices where permissions[i].widens && new != nil {
            permissions[i].cause = causes.cause(of: permissions[i], owner: new?.owner)
        }
        return (change, permissions)
    }

    /// Who the stack's account belongs to: `tooling`, or the environments deployed into it
    /// (by the config, or for an account it no longer has, by the old file's name).
    func owner(_ side: SideStack) -> String {
        var users: [String] = []
        if side.place.account == config.tooling.account.value { users.append("tooling") }
        for env in config.environments where env.account.value == side.place.account { users.append(env.name.value) }
        if users.isEmpty {
            let stem = side.name
            users.append(RemovalReport.regionSuffix(stem).map { String(stem.dropLast($0.count + 1)) } ?? stem)
        }
        return users.joined(separator: ", ")
    }
}
