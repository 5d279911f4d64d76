import YAMLKit

/// E-mail about the project's pipelines: every failed stage, and optionally every succeeded
/// run. Approvals of environments without their own `notify` list are announced here too.
public struct Notifications: Sendable, Hashable {
    /// At least one address, each once.
    public var emails: [String]
    /// At least one event, each once, in the order written.
    public var events: [NotificationEvent]
    /// Where `notifications:` was written.
    public var mark: Mark?

    public init(emails: [String], events: [NotificationEvent] = eventsKey.defaultValue, mark: Mark? = nil) {
        self.emails = emails
        self.events = events
        self.mark = mark
    }
}

extension Notifications {
    public static let eventsKey = Key<[NotificationEvent]>(
        "events", .list(.choice(NotificationEvent.allCases.map(\.rawValue)), minItems: 1), default: [.failed],
        "failed: a stage of a run failed; succeeded: a run completed")
}

/// What a notification is about.
public enum NotificationEvent: String, Sendable, Hashable, CaseIterable, ConfigValue {
    /// A stage of a pipeline execution failed (the message names the stage).
    case failed
    /// A pipeline execution completed.
    case succeeded
}

extension ConfigSchema {
    /// `notifications:` at the top level.
    public static let notifications = ObjectSpec(
        "notifications", "e-mail about the project's pipeline runs",
        keys: [
            KeySpec(
                "emails", .list(.string(.email), minItems: 1), required: true, example: "[team@example.com]",
                "addresses subscribed to the notifications topic; each confirms once by e-mail"),
            Notifications.eventsKey.spec,
        ])
}

extension ConfigDecoder {
    func decodeNotifications(_ r: ObjectReader, at mark: Mark?) -> Notifications? {
        let emails = unique(r.strings("emails") ?? [], what: "address", key: "emails", owner: r.owner)
        let events = unique(r.strings("events") ?? [], what: "event", key: "events", owner: r.owner)
        guard !emails.isEmpty else { return nil }
        let kinds = events.compactMap { NotificationEvent(rawValue: $0.value) }
        return Notifications(
            emails: emails.map(\.value), events: r.has("events") ? kinds : Notifications.eventsKey.defaultValue, mark: mark)
    }

    /// `values` without repeats; each repeat is reported where it is written.
    private func unique(_ values: [Located<String>], what: String, key: String, owner: String) -> [Located<String>] {
        var seen: [String: Located<String>] = [:]
        var out: [Located<String>] = []
        for value in values {
            if let first = seen[value.value] {
                context.error(
                    "\(what) '\(value.value)' is listed twice in '\(key)'\(owner)", at: value.mark,
                    notes: [.note("first listed here", at: first.mark)])
                continue
            }
            seen[value.value] = value
            out.append(value)
        }
        return out
    }

    /// `pull-request-from`, which must name a branch other than the source's `branch`.
    func decodePullRequestFrom(_ s: ObjectReader, branch: Located<String>) -> Located<String>? {
        guard let from = s.string("pull-request-from") else { return nil }
        guard from.value != branch.value else {
            let example = branch.value == "develop" ? "" : ", such as 'develop'"
            var notes: [Diagnostic.Note] = [
                .help("name the development branch whose pushes should open a pull request into '\(branch.value)'\(example)")
            ]
            if let mark = branch.mark, s.has("branch") { notes.insert(.note("'branch' is '\(branch.value)' here", at: mark), at: 0) }
            context.error(
                "'pull-request-from' must name another branch than 'branch'\(s.owner); both are '\(from.value)'",
                at: from.mark, notes: notes)
            return nil
        }
        return from
    }
}

/// Checks of the notification and gitflow settings that need the whole config.
struct FeatureChecks {
    let context: DecodeContext

    func run(_ config: Config) {
        if let n = config.notifications, config.pipelines.isEmpty, context.complete.pipelines {
            context.warning(
                "'notifications' is not used: no pipelines are configured", at: n.mark,
                notes: [.help("add a pipeline under 'pipelines', or remove 'notifications'")])
        }
    }
}
