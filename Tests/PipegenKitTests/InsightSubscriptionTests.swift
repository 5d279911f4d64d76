import Foundation
import PipegenConfig
import Testing
import YAMLKit

@testable import PipegenKit

/// `plan`'s step to confirm e-mail subscriptions names every SNS topic with an e-mail
/// subscription in the rendered templates (approval topics, the notifications topic, any
/// other), each with its addresses: SNS sends nothing to an address before it is confirmed.
@Suite struct InsightSubscriptionTests {
    /// Each topic's name and e-mail addresses, read from the rendered templates as data.
    static func emailTopics(_ files: [RenderedFile]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for file in files {
            let resources = StackIdentity.read(Array(file.contents.utf8))?["Resources"]?.mapValue ?? []
            for entry in resources where entry.value["Type"]?.stringValue == "AWS::SNS::Topic" {
                let properties = entry.value["Properties"]
                let emails = (properties?["Subscription"]?.listValue ?? []).filter {
                    ["email", "email-json"].contains($0["Protocol"]?.stringValue ?? "")
                }.compactMap { $0["Endpoint"]?.stringValue }
                if !emails.isEmpty { out[properties?["TopicName"]?.stringValue ?? entry.key] = emails }
            }
        }
        return out
    }

    @Test func everyTopicWithEmailSubscriptionsIsToBeConfirmed() throws {
        var seen = 0
        for (name, config) in try InsightRemovalTests.exampleConfigs() {
            let files = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
            let plan = DeploymentPlan(ValidConfig(config: config, stacks: StackSet.build(config)), files: files, templateFolder: "t")
            let topics = Self.emailTopics(files)
            let step = plan.manualSteps.first { $0.kind == .confirmSubscriptions }
            #expect((step == nil) == topics.isEmpty, "\(name)")
            let items: [String] = step?.blocks.compactMap { block -> String? in if case .item(let text) = block { text } else { nil } } ?? []
            #expect(items.count == topics.count, "\(name): \(items)")
            for (topic, emails) in topics {
                let item = items.first { $0.hasPrefix(topic + " (") }
                #expect(item != nil, "\(name): no step for topic \(topic)")
                for email in emails { #expect(item?.contains(email) == true, "\(name): \(topic) \(email)") }
                seen += 1
            }
        }
        #expect(seen >= 4, "the examples have approval and notification topics")
    }

    /// The bug: only approval topics were listed; the gitflow example's notifications topic
    /// (its only topic) had no step at all.
    @Test func notificationTopicsAreListedBesideApprovals() throws {
        let text = try String(
            contentsOfFile: InsightFixtures.root + "/Examples/gitflow-notifications/pipegen.yaml", encoding: .utf8)
        let config = try InsightFixtures.config(text)
        let plan = try InsightPlanTests.plan(config)
        let step = try #require(plan.manualSteps.first { $0.kind == .confirmSubscriptions })
        #expect(
            step.blocks.contains(
                .item("web-pipeline-notifications (pipeline runs: failed, succeeded): web-team@example.com, web-oncall@example.com")))
    }
}
