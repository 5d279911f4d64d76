import Foundation
import PipegenConfig
import Testing

@testable import PipegenKit

/// The deployment phases the change report gives each template are `pipegen plan`'s, for the
/// new templates and for the same templates read back from their files (where a stack that
/// waits for a pipeline's first run, as in ecs-from-nothing, is not written down).
@Suite struct ChangePhaseTests {
    static let examples = ((try? FileManager.default.contentsOfDirectory(atPath: InsightFixtures.root + "/Examples")) ?? [])
        .filter { FileManager.default.fileExists(atPath: InsightFixtures.root + "/Examples/\($0)/pipegen.yaml") }.sorted()

    @Test(arguments: examples)
    func phasesAreThePlans(_ example: String) throws {
        let folder = InsightFixtures.root + "/Examples/\(example)"
        let config = try InsightFixtures.config(String(contentsOfFile: folder + "/pipegen.yaml", encoding: .utf8))
        let valid = ValidConfig(config: config, stacks: StackSet.build(config))
        let files = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
        let plan = DeploymentPlan(valid, files: files, templateFolder: "templates")
        try #require(plan.problems == [])
        var planned: [String: Int] = [:]
        for phase in plan.phases {
            for stack in phase.stacks { planned[stack.name] = phase.number }
        }
        let differ = ChangeDiffer(
            valid: valid, rendered: files,
            old: files.map { OldTemplate(name: $0.name, bytes: Array($0.contents.utf8)) })
        #expect(differ.phases(differ.newSides()) == planned)
        let (old, unreadable) = differ.oldSides()
        #expect(unreadable == [])
        #expect(old.count == files.count)
        #expect(differ.phases(old) == planned)
    }

    /// ecs-from-nothing has stacks that wait for the infrastructure pipeline's first run: they
    /// come after every other, as in the plan.
    @Test func stacksWaitingForAPipelineComeLast() throws {
        let folder = InsightFixtures.root + "/Examples/ecs-from-nothing"
        let config = try InsightFixtures.config(String(contentsOfFile: folder + "/pipegen.yaml", encoding: .utf8))
        let valid = ValidConfig(config: config, stacks: StackSet.build(config))
        let gated = valid.stacks.stacks.filter { $0.gate != nil }.map(\.name)
        try #require(!gated.isEmpty)
        let files = try renderFiles(config, configPath: "../pipegen.yaml", format: .yaml)
        let differ = ChangeDiffer(valid: valid, rendered: files, old: [])
        let phases = differ.phases(differ.newSides())
        let waiting = gated.compactMap { phases[$0] }
        let others = phases.filter { !gated.contains($0.key) }.values
        #expect(waiting.count == gated.count)
        #expect(try #require(waiting.min()) > (others.max() ?? 0), "\(phases)")
    }
}
