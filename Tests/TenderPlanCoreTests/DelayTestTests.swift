import Foundation
import PropertyBased
import Testing
@testable import TenderPlanCore

/// Rule 6, the delay test: an item's slack is the largest N such that delaying it by any n ≤ N working days
/// does not move the programme finish. These tests check it by lengthening durations and rescheduling the whole
/// programme (the scheduler's forward pass alone, not the slack code).
@Suite struct DelayTestTests {
    /// A random leveled programme: go-lives (preparation, hypercare, not_before offset, an optional link to an
    /// earlier go-live), a few tasks that go-lives may wait for, freezes, and the rollout limits.
    struct Programme: CustomStringConvertible {
        var goLives: [(preparation: Int, hypercare: Int, notBefore: Int, after: Int)]
        var tasks: [(days: Int, calendarDays: Bool)]
        var freezes: [(offset: Int, length: Int)]
        var rollout: (parallel: Int, gap: Int, earliest: Bool)

        var text: String {
            let freezeText = freezes.map { "{from: \(Self.day($0.offset)), to: \(Self.day($0.offset + $0.length))}" }.joined(separator: ", ")
            var out = """
            tenderplan: 1
            scenario: {id: lv, start: 2024-01-01, calendar: c}
            calendars: [{id: c, base: nl, freezes: [\(freezeText)]}]
            agencies: [{id: a}]
            sites: [\(goLives.indices.map { "{id: s\($0), users: {a: 1}}" }.joined(separator: ", "))]
            products: [{id: p}]
            tasks:

            """
            for (index, task) in tasks.enumerated() {
                out += "  - {id: k\(index), duration: \(task.days)\(task.calendarDays ? "cd" : "d")\(index > 0 && index % 2 == 0 ? ", after: [k\(index - 1)]" : "")}\n"
            }
            out += "  - {id: wrap-up, duration: 5d, after: [last_go_live]}\n"
            out += "go_lives:\n"
            for (index, goLive) in goLives.enumerated() {
                var after: [String] = []
                // 1…3: after an earlier go-live's hypercare; 4…: after a task.
                if goLive.after > 0 && goLive.after <= 3 && index > 0 { after.append("g\((index - goLive.after + 3 * index) % index)") }
                if goLive.after > 3 && !tasks.isEmpty { after.append("k\(goLive.after % tasks.count)") }
                out += "  - {id: g\(index), sites: [s\(index)], agencies: [a], product: p, preparation: \(goLive.preparation)d, "
                    + "hypercare: \(goLive.hypercare)d, not_before: \(Self.day(goLive.notBefore))"
                    + (after.isEmpty ? "}\n" : ", after: [\(after.joined(separator: ", "))]}\n")
            }
            out += "rollout: {\(rollout.parallel > 0 ? "max_parallel: \(rollout.parallel), " : "")min_gap: \(rollout.gap)d, "
                + "order: \(rollout.earliest ? "earliest" : "listed")}\n"
            return out
        }

        var description: String { text }

        static func day(_ offset: Int) -> Day { Day(year: 2024, month: 1, day: 1)!.advanced(by: offset) }
    }

    static let programmes = zip(
        zip(Gen.int(in: 1...25), Gen.int(in: 0...8), Gen.int(in: 0...90), Gen.int(in: 0...6)).array(of: 2...9),
        zip(Gen.int(in: 1...30), Gen.bool()).array(of: 0...4),
        zip(Gen.int(in: 0...200), Gen.int(in: 0...15)).array(of: 0...3),
        zip(Gen.int(in: 0...3), Gen.int(in: 0...4), Gen.bool())
    ).map { goLives, tasks, freezes, rollout in
        Programme(goLives: goLives.map { ($0.0, $0.1, $0.2, $0.3) }, tasks: tasks.map { ($0.0, $0.1) },
                  freezes: freezes.map { ($0.0, $0.1) }, rollout: (rollout.0, rollout.1, rollout.2))
    }

    /// The finish after lengthening item `index` (a working-day item) by `days`, the whole programme rescheduled.
    static func finish(_ scenario: Scenario, _ plan: PlanResult, lengthening index: Int, by days: Int) -> Day? {
        var durations = plan.network.items.map(\.duration)
        durations[index] = PlanDuration(durations[index].workingDays! + days, .workingDays)
        return Scheduler(scenario, network: plan.network, durations: durations).runFinish()
    }

    /// Every working-day task, preparation and hypercare: by its slack the finish stays, by one more it moves
    /// (and for small slacks, by every n up to it the finish stays).
    static func checkDelayTest(_ scenario: Scenario, _ label: String, everyN: Int = 20) {
        let plan = Scheduler(scenario).run()
        for (index, item) in plan.network.items.enumerated() where item.duration.workingDays ?? 0 > 0 {
            let slack = plan.items[index].totalSlackDays
            let tries = slack <= everyN ? Array(1...max(slack, 1)) : [slack]
            for n in tries where n <= slack {
                let moved = finish(scenario, plan, lengthening: index, by: n)
                #expect(moved.map { $0 <= plan.finish } ?? false, "\(label): \(item.id) lengthened by \(n) ≤ slack \(slack) moves the finish \(plan.finish) to \(moved.map { "\($0)" } ?? "nil")")
            }
            let past = finish(scenario, plan, lengthening: index, by: slack + 1)
            #expect(past.map { $0 > plan.finish } ?? true, "\(label): \(item.id) lengthened by slack \(slack) + 1 leaves the finish at \(plan.finish)")
        }
    }

    @Test func lengtheningByTheSlackNeverMovesTheFinishAndByOneMoreAlwaysDoes() async {
        await propertyCheck(count: 100, input: Self.programmes) { programme in
            let result = check(programme.text)
            guard let scenario = result.scenario, !result.hasErrors else {
                Issue.record("generated programme does not load: \(result.diagnostics.map(\.message))\n\(programme.text)")
                return
            }
            Self.checkDelayTest(scenario, "generated")
        }
    }

    @Test(arguments: ["nms-staged", "nms-single-tender", "lmo-2016", "tutorial"])
    func theDelayTestHoldsOnEveryBundledScenario(_ name: String) throws {
        let result = try Self.loadBundled(name)
        let scenario = try #require(result.scenario)
        Self.checkDelayTest(scenario, name, everyN: 5)
    }

    /// DCMA check 12 (critical path test): delaying any critical item by one working day moves the finish;
    /// milestones and calendar-day items by a delay of their finish, the others by lengthening.
    @Test(arguments: ["nms-staged", "nms-single-tender", "lmo-2016", "tutorial"])
    func delayingACriticalItemByOneDayMovesTheFinish(_ name: String) throws {
        let scenario = try #require(try Self.loadBundled(name).scenario)
        let plan = Scheduler(scenario).run()
        let critical = plan.items.indices.filter { plan.items[$0].critical }
        #expect(!critical.isEmpty)
        for index in critical {
            let moved: Day?
            if plan.network.items[index].duration.workingDays ?? 0 > 0 {
                moved = Self.finish(scenario, plan, lengthening: index, by: 1)
            } else {
                moved = Scheduler(scenario, network: plan.network).runFinish(delay: Scheduler.Delay(item: index, days: 1))
            }
            let id = plan.items[index].id
            #expect(moved.map { $0 > plan.finish } ?? true, "\(name): critical \(id) delayed a day leaves the finish")
        }
    }

    /// The issue's own case: inrichting-politie had 324 days of slack, yet 8 instead of 6 months moved the
    /// last go-live. Now its slack is below those two months.
    @Test func inrichtingPolitieIsNoLongerReportedWithAYearOfSlack() throws {
        let scenario = try #require(try Self.loadBundled("nms-staged").scenario)
        let plan = Scheduler(scenario).run()
        let item = try #require(plan.item("inrichting-politie"))
        #expect(item.totalSlackDays < 42)
    }

    /// By hand: one go-live at a time, North (20d), South (20d), East (15d) from Monday 1 September 2025.
    /// North prepares 1–26 September and goes live Monday 29 September; South waits for it (30 September –
    /// 27 October, live 28 October); East waits for South (29 October – 18 November, live 19 November). The
    /// classic backward pass gave North 37 and South 16 days of slack; a day's delay of either makes the next
    /// one wait a day, so all three are critical, and the plan says which go-live then waits.
    @Test func goLivesThatWaitForEachOtherAreCriticalTogether() throws {
        let plan = try schedule(SchedulerTests.goLives("{max_parallel: 1}").replacingOccurrences(of: "2024-01-01", with: "2025-09-01")
            .replacingOccurrences(of: "{id: g3, sites: [s3], agencies: [a], product: p, preparation: 5d}", with: "{id: g3, sites: [s3], agencies: [a], product: p, preparation: 15d, hypercare: 10d}")
            .replacingOccurrences(of: "preparation: 5d}", with: "preparation: 20d, hypercare: 10d}"))
        #expect(dates(plan, "g1.preparation") == "2025-09-01 2025-09-26" && dates(plan, "g2.preparation") == "2025-09-30 2025-10-27")
        #expect(dates(plan, "g3.preparation") == "2025-10-29 2025-11-18" && dates(plan, "g3.cutover") == "2025-11-19 2025-11-19")
        for id in ["g1.preparation", "g1.cutover", "g2.preparation", "g2.cutover", "g3.preparation", "g3.cutover", "g3.hypercare"] {
            #expect(plan.item(id)?.critical == true, "\(id)")
        }
        // The finish is the end of g3's hypercare (19 November – 2 December). g1's hypercare (29 September –
        // 10 October) only has to end by then: 15 + 20 + 2 working days from 13 October (mon-fri, no holidays).
        #expect(plan.finish.iso == "2025-12-02" && plan.item("g1.hypercare")?.totalSlackDays == 37)
        #expect(plan.item("last_go_live")?.critical == false)
        #expect(plan.item("g1.preparation")?.slackLimit?.contains("go-live g2 wait") == true)
        #expect(plan.item("g2.preparation")?.slackLimit?.contains("go-live g3 wait") == true)
        #expect(plan.item("g3.preparation")?.slackLimit == nil)
    }

    /// Risk's critical set on degenerate estimates (no spread, no risk events) is the plan's.
    @Test func criticalityOnlyAgreesWithTheFullDelayTest() async {
        await propertyCheck(count: 60, input: Self.programmes) { programme in
            guard let scenario = check(programme.text).scenario else { return }
            let plan = Scheduler(scenario).run()
            let dates = Scheduler(scenario).runDates()
            #expect(dates?.critical == plan.items.map(\.critical), "\(programme.text)")
        }
    }

    @Test(arguments: ["nms-staged", "nms-single-tender", "lmo-2016", "tutorial"])
    func risksCriticalSetIsThePlansOnEveryBundledScenario(_ name: String) throws {
        let scenario = try #require(try Self.loadBundled(name).scenario)
        let plan = Scheduler(scenario).run()
        #expect(Scheduler(scenario).runDates()?.critical == plan.items.map(\.critical))
    }

    static func loadBundled(_ name: String) throws -> LoadResult {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios")
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        let include = try String(contentsOf: folder.appendingPathComponent("include/requirements.yaml"), encoding: .utf8)
        let result = check(text, includes: ["include/requirements.yaml": include])
        #expect(!result.hasErrors, "\(name): \(result.diagnostics.map(\.message))")
        return result
    }
}
