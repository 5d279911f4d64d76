import PipegenConfig
import Testing
import YAMLKit

/// `notifications` and `source.pull-request-from`.
@Suite struct FeatureDecoderTests {
    static let withPipeline = minimal + "pipelines:\n  infrastructure-deployment: {}\n"

    @Test func notificationsDefaultToFailuresOnly() throws {
        let (config, diagnostics) = load(Self.withPipeline + "notifications:\n  emails: [team@example.com]\n")
        #expect(diagnostics.isEmpty)
        let n = try #require(config?.notifications)
        #expect(n.emails == ["team@example.com"])
        #expect(n.events == [.failed])
        #expect(n.mark == Mark(line: 10, column: 1))
    }

    @Test func eventsKeepTheirOrder() throws {
        let (config, diagnostics) = load(
            Self.withPipeline + "notifications: {emails: [a@example.com, b@example.com], events: [succeeded, failed]}\n")
        #expect(diagnostics.isEmpty)
        let n = try #require(config?.notifications)
        #expect(n.emails == ["a@example.com", "b@example.com"])
        #expect(n.events == [.succeeded, .failed])
    }

    @Test func noNotificationsByDefault() throws {
        let (config, _) = load(Self.withPipeline)
        #expect(config != nil && config?.notifications == nil)
    }

    @Test(arguments: [
        ("notifications: {emails: [1️⃣not-an-address]}", "'not-an-address' is not an e-mail address"),
        (
            "notifications: {emails: [a@example.com], events: [1️⃣started]}",
            "'started' is not valid for an item of 'events' in 'notifications'; expected one of 'failed', 'succeeded'"
        ),
        ("notifications: {emails: [a@example.com], events: 1️⃣failed}", "expected a list for 'events' in 'notifications', found 'failed'"),
        (
            "notifications: {emails: [a@example.com, 1️⃣a@example.com]}",
            "address 'a@example.com' is listed twice in 'emails' in 'notifications'"
        ),
        ("notifications: 1️⃣[a@example.com]", "expected a mapping (notifications) for 'notifications', found a list"),
    ])
    func notificationErrorsPointAtTheValue(_ line: String, _ message: String) throws {
        let (text, mark) = marked(Self.withPipeline + line + "\n")
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.mark == mark)
    }

    @Test func pullRequestFromIsReadPerSource() throws {
        let (text, mark) = marked(
            minimal + """
                pipelines:
                  container-build:
                    source: {repository: App, branch: main, pull-request-from: 1️⃣develop}
                  infrastructure-deployment: {}

                """)
        let (config, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.pipelines[ContainerBuild.self]?.source.pullRequestFrom?.value == "develop")
        #expect(c.pipelines[ContainerBuild.self]?.source.pullRequestFrom?.mark == mark)
        #expect(c.pipelines[InfrastructureDeployment.self]?.source.pullRequestFrom == nil)
    }

    @Test(arguments: [
        ("source: {branch: main, pull-request-from: 1️⃣main}", "in 'infrastructure-deployment'; both are 'main'"),
        ("source: {pull-request-from: 1️⃣main}", "in 'infrastructure-deployment'; both are 'main'"),
        ("source: {branch: trunk, pull-request-from: 1️⃣trunk}", "in 'infrastructure-deployment'; both are 'trunk'"),
    ])
    func pullRequestFromMustDifferFromTheBranch(_ source: String, _ ending: String) throws {
        let (text, mark) = marked(minimal + "pipelines:\n  infrastructure-deployment:\n    " + source + "\n")
        let (config, diagnostics) = load(text)
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("'pull-request-from' must name another branch than 'branch' in 'source'") == true)
        #expect(diagnostics.first?.message.hasSuffix(ending) == true)
        #expect(diagnostics.first?.mark == mark)
    }
}
