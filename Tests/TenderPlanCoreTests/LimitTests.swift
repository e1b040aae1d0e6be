import Foundation
import Testing
import TenderPlanCore

/// Limits that keep runaway scenarios from turning into runaway runs.
struct LimitTests {
    @Test func aPlanWithTooManyItemsIsRefusedAtTheScenarioHeader() throws {
        let loaded = check(header)
        var scenario = try #require(loaded.scenario)
        let at = SourceLocation(path: "x.yaml", line: 9, column: 1)
        let count = ScenarioValidator.maxPlanItems + 1 - scenario.tasks.count - 3 * scenario.goLives.count - 12 * scenario.tenders.count
            - scenario.legacy.count
        scenario.tasks += (0..<count).map { PlanTask(id: Identifier("t\($0)"), duration: PlanDuration(1, .workingDays), location: at) }
        let diagnostics = ScenarioValidator.validate(scenario).filter { $0.code == .planLimit }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == scenario.info.location)
        #expect(diagnostics.first?.message.contains("more than the 500000 accepted") == true)

        scenario.tasks.removeLast()
        #expect(ScenarioValidator.validate(scenario).filter { $0.code == .planLimit }.isEmpty)
    }
}
