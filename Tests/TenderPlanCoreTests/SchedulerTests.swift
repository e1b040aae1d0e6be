import Foundation
import PropertyBased
import Testing
@testable import TenderPlanCore

func schedule(_ text: String) throws -> PlanResult {
    let result = check(text)
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
    return try #require(result.plan)
}

func dates(_ plan: PlanResult, _ id: String) -> String {
    guard let item = plan.item(id) else { return "missing" }
    return "\(item.start) \(item.finish)"
}

@Suite struct SchedulerTests {
    /// 2024-01-01 is a Monday and Nieuwjaarsdag; every date below is worked out by hand in the comments.
    static let rules = """
    tenderplan: 1
    scenario: {id: rules, start: 2024-01-01}
    tasks:
      - {id: a, duration: 5d}                                  # Jan 1 is a holiday: Jan 2–8
      - {id: b, duration: 3cd, after: [a]}                     # the day after a: Jan 9–11
      - {id: c, duration: 1mo, not_before: 2024-01-31}         # Jan 31 + 1 month = Feb 29, so it ends Feb 28
      - {id: m1, duration: 0d, after: [a]}                     # closed by a: E = Jan 9, shown Jan 8
      - {id: d, duration: 2d, after: [m1]}                     # from the milestone's E: Jan 9–10
      - {id: m2, duration: 0d, on: 2024-03-13}                 # pinned: Mar 13
      - {id: m3, duration: 0d, after: [m2]}                    # after a milestone shown on its E: Mar 13
      - {id: e, duration: 2d, after: ["a.start + 2d"]}         # a starts Jan 2; its 2nd working day is Jan 3: Jan 4–5
      - {id: f, duration: 1d, after: ["a + 3cd"]}              # Jan 9 + 3 days: Jan 12
      - {id: g, duration: 1d, after: ["a + 2d"]}               # Jan 9 and 10 lie between: Jan 11
      - {id: h, duration: 3d, not_before: 2024-05-08}          # Hemelvaartsdag May 9: May 8, 10, 13
      - {id: i, duration: 2w, not_before: 2024-12-23}          # Christmas and New Year: Dec 23 – Jan 8, 2025
      - {id: m4, duration: 0d, after: [m1]}                    # after a milestone shown on E − 1: also Jan 8
      - {id: j, duration: 1d, after: ["c + 1mo"]}              # Feb 29 + 1 month: Mar 29 (Good Friday works)
      - {id: k, duration: 1cw, not_before: 2024-02-01}         # Feb 1–7
      - {id: l, duration: 1y, not_before: 2024-02-29}          # Feb 29 + 12 months = Feb 28, 2025: ends Feb 27
      - {id: n, duration: 0d, after: ["a.start"]}              # start-to-start into a milestone: opening, Jan 2
      - {id: o, duration: 0d, after: ["a + 1cd"]}              # closing link from a task: E = Jan 10, shown Jan 9
    """

    @Test func everyRuleByHand() throws {
        let plan = try schedule(Self.rules)
        let expected = [
            "a": "2024-01-02 2024-01-08", "b": "2024-01-09 2024-01-11", "c": "2024-01-31 2024-02-28",
            "m1": "2024-01-08 2024-01-08", "d": "2024-01-09 2024-01-10", "m2": "2024-03-13 2024-03-13",
            "m3": "2024-03-13 2024-03-13", "e": "2024-01-04 2024-01-05", "f": "2024-01-12 2024-01-12",
            "g": "2024-01-11 2024-01-11", "h": "2024-05-08 2024-05-13", "i": "2024-12-23 2025-01-08",
            "m4": "2024-01-08 2024-01-08", "j": "2024-03-29 2024-03-29", "k": "2024-02-01 2024-02-07",
            "l": "2024-02-29 2025-02-27", "n": "2024-01-02 2024-01-02", "o": "2024-01-09 2024-01-09",
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(dates(plan, id) == value, "\(id)")
        }
        #expect(plan.item("a")?.durationDays == 5 && plan.item("m1")?.durationDays == 0 && plan.item("i")?.durationDays == 10)
        #expect(plan.finish.iso == "2025-02-27")
    }

    @Test func slackAndTheCriticalPath() throws {
        let plan = try schedule("""
        tenderplan: 1
        scenario: {id: s, start: 2024-01-01, calendar: mon-fri}
        tasks:
          - {id: x, duration: 5d}
          - {id: y, duration: 2d}
          - {id: z, duration: 1d, after: [x, y]}
          - {id: w, duration: 1d, after: ["x + 2d"], deadline: 2024-01-09}
        """)
        // x Jan 1–5, y Jan 1–2, z Jan 8, w: Jan 8 and 9 between x and w, so Jan 10 (the finish, and late by a day).
        #expect(dates(plan, "z") == "2024-01-08 2024-01-08" && dates(plan, "w") == "2024-01-10 2024-01-10")
        #expect(plan.item("x")?.totalSlackDays == 0 && plan.item("x")?.critical == true)
        #expect(plan.item("w")?.critical == true)
        // z may finish as late as the programme finish: two working days.
        #expect(plan.item("z")?.totalSlackDays == 2)
        // y must finish before z's latest start (Jan 10): Jan 3, 4, 5, 8 and 9 are free.
        #expect(plan.item("y")?.totalSlackDays == 5)
        #expect(plan.late.map(\.item.id) == ["w"] && plan.late.first?.days == 1)
    }

    static func goLives(_ rollout: String, calendar: String = "mon-fri", extra: String = "") -> String {
        """
        tenderplan: 1
        scenario: {id: lv, start: 2024-01-01, calendar: \(calendar)}
        calendars:
          - {id: frozen, base: mon-fri, freezes: [{from: 2024-01-08, to: 2024-01-10, reason: test}]}
        agencies: [{id: a}]
        sites: [{id: s1, users: {a: 1}}, {id: s2, users: {a: 1}}, {id: s3, users: {a: 1}}]
        products: [{id: p}]
        go_lives:
          - {id: g1, sites: [s1], agencies: [a], product: p, preparation: 5d}
          - {id: g2, sites: [s2], agencies: [a], product: p, preparation: 5d}
          - {id: g3, sites: [s3], agencies: [a], product: p, preparation: 5d}
        rollout: \(rollout)
        \(extra)
        """
    }

    /// Leveling jumps over whole blocked stretches (freezes, gaps, full periods); the dates must be
    /// exactly those of trying every working day, on random rollouts.
    @Test func levelingJumpsAgreeWithTryingEveryDay() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            let count = Int.random(in: 3...25, using: &random)
            var freezes: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let from = Day(year: 2024, month: 1, day: 1)!.advanced(by: Int.random(in: 0...200, using: &random))
                freezes.append("{from: \(from), to: \(from.advanced(by: Int.random(in: 0...20, using: &random)))}")
            }
            var text = """
            tenderplan: 1
            scenario: {id: lv, start: 2024-01-01, calendar: c}
            calendars: [{id: c, base: nl, freezes: [\(freezes.joined(separator: ", "))]}]
            agencies: [{id: a}]
            sites: [\((0..<count).map { "{id: s\($0), users: {a: 1}}" }.joined(separator: ", "))]
            products: [{id: p}]
            go_lives:

            """
            for index in 0..<count {
                let notBefore = Day(year: 2024, month: 1, day: 1)!.advanced(by: Int.random(in: 0...120, using: &random))
                text += "  - {id: g\(index), sites: [s\(index)], agencies: [a], product: p, preparation: \(Int.random(in: 1...30, using: &random))d, "
                    + "hypercare: \(Int.random(in: 0...10, using: &random))d, not_before: \(notBefore)}\n"
            }
            let parallel = Int.random(in: 0...3, using: &random)
            text += "rollout: {\(parallel > 0 ? "max_parallel: \(parallel), " : "")min_gap: \(Int.random(in: 0...4, using: &random))d, "
                + "order: \(Bool.random(using: &random) ? "listed" : "earliest")}\n"
            let result = check(text)
            let scenario = try #require(result.scenario, "seed \(seed)")
            #expect(!result.hasErrors, "seed \(seed): \(result.diagnostics.map(\.message))")
            let jumping = Scheduler(scenario).run()
            var exhaustive = Scheduler(scenario)
            exhaustive.triesEveryDay = true
            let reference = exhaustive.run()
            #expect(jumping.items.map { "\($0.id) \($0.start) \($0.finish)" } == reference.items.map { "\($0.id) \($0.start) \($0.finish)" },
                    "seed \(seed)")
        }
    }

    @Test func levelingWithOneAtATime() throws {
        let plan = try schedule(Self.goLives("{max_parallel: 1}"))
        // g1: Jan 1–5, cutover Mon Jan 8 (active through it); g2 waits until Jan 9; g3 until Jan 17.
        #expect(dates(plan, "g1.preparation") == "2024-01-01 2024-01-05" && dates(plan, "g1.cutover") == "2024-01-08 2024-01-08")
        #expect(dates(plan, "g2.preparation") == "2024-01-09 2024-01-15" && dates(plan, "g2.cutover") == "2024-01-16 2024-01-16")
        #expect(dates(plan, "g3.preparation") == "2024-01-17 2024-01-23" && dates(plan, "g3.cutover") == "2024-01-24 2024-01-24")
        #expect(plan.item("last_go_live")?.finish.iso == "2024-01-24")
        #expect(plan.item("g2.preparation")?.leveledFrom?.iso == "2024-01-01")
        #expect(plan.item("g2.preparation")?.leveling == ["another go-live would be active at the same time"])
    }

    @Test func levelingWithTwoAtATime() throws {
        let plan = try schedule(Self.goLives("{max_parallel: 2}"))
        #expect(dates(plan, "g1.cutover") == "2024-01-08 2024-01-08" && dates(plan, "g2.cutover") == "2024-01-08 2024-01-08")
        #expect(dates(plan, "g3.preparation") == "2024-01-09 2024-01-15" && dates(plan, "g3.cutover") == "2024-01-16 2024-01-16")
    }

    @Test func cutoversStayOutOfFreezes() throws {
        let plan = try schedule(Self.goLives("{}", calendar: "frozen"))
        // Cutovers on Jan 8, 9 and 10 fall in the freeze: the preparation starts Jan 4, the cutover is Jan 11.
        for id in ["g1", "g2", "g3"] {
            #expect(dates(plan, "\(id).preparation") == "2024-01-04 2024-01-10" && dates(plan, "\(id).cutover") == "2024-01-11 2024-01-11")
        }
    }

    @Test func minimumGapBetweenCutovers() throws {
        let plan = try schedule(Self.goLives("{min_gap: 3d}"))
        // g1 cuts over Jan 8; g2 needs three working days strictly between: Jan 12. g3: Jan 15, 16 and 17 after it, so Jan 18.
        #expect(dates(plan, "g1.cutover") == "2024-01-08 2024-01-08")
        #expect(dates(plan, "g2.preparation") == "2024-01-05 2024-01-11" && dates(plan, "g2.cutover") == "2024-01-12 2024-01-12")
        #expect(dates(plan, "g3.cutover") == "2024-01-18 2024-01-18")
    }

    @Test func earliestOrderPlacesTheReadiestFirst() throws {
        // g1 may not start before Feb; with order: earliest, g2 and g3 go first.
        let text = Self.goLives("{max_parallel: 1, order: earliest}").replacingOccurrences(
            of: "product: p, preparation: 5d}\n  - {id: g2", with: "product: p, preparation: 5d, not_before: 2024-02-01}\n  - {id: g2")
        let plan = try schedule(text)
        #expect(dates(plan, "g2.cutover") == "2024-01-08 2024-01-08" && dates(plan, "g3.cutover") == "2024-01-16 2024-01-16")
        #expect(dates(plan, "g1.preparation") == "2024-02-01 2024-02-07")
    }

    @Test func tenderPhasesAndTheLegalMinimum() throws {
        let text = """
        tenderplan: 1
        scenario: {id: t, start: 2024-01-01}
        agencies: [{id: a}]
        requirements: [{id: r, priority: must}]
        products: [{id: p, coverage: {r: standard}}]
        tenders:
          - id: t1
            procedure: open
            agencies: [a]
            candidates: [p]
            start: 2024-01-01
            award: {method: lowest-price}
        """
        let plan = try schedule(text)
        // prepare 3mo: Jan 1 – Mar 31; publish shown Mar 31; submission 35cd: Apr 1 – May 5;
        // evaluation 30d from May 6 (Hemelvaart May 9, Pinksteren May 20 skipped) to Jun 18; award shown Jun 18;
        // standstill 20cd Jun 19 – Jul 8; contract shown Jul 8.
        #expect(dates(plan, "t1.prepare") == "2024-01-01 2024-03-31" && dates(plan, "t1.publish") == "2024-03-31 2024-03-31")
        #expect(dates(plan, "t1.submission") == "2024-04-01 2024-05-05")
        #expect(dates(plan, "t1.evaluation") == "2024-05-06 2024-06-18" && dates(plan, "t1.award") == "2024-06-18 2024-06-18")
        #expect(dates(plan, "t1.standstill") == "2024-06-19 2024-07-08" && dates(plan, "t1.contract") == "2024-07-08 2024-07-08")
        // A standstill of 10 working days spans 14 calendar days: below the 20-day floor, an error at the override.
        let short = check(text.replacingOccurrences(of: "start: 2024-01-01\n    award", with: "start: 2024-01-01\n    phases: {standstill: 10d}\n    award"))
        let error = try #require(short.diagnostics.first { $0.code == .legalMinimum })
        #expect(error.message.contains("14 calendar days") && error.notes.first?.message.contains("2.127") == true)
        #expect(error.location.line == 12)
    }

    @Test func goLiveAfterItsTenderAndTheLegacyRetirement() throws {
        let text = """
        tenderplan: 1
        scenario: {id: t, start: 2024-01-01}
        agencies: [{id: a}]
        sites: [{id: s, users: {a: 5}}]
        requirements: [{id: r, priority: must}]
        products: [{id: p, coverage: {r: standard}}]
        tenders:
          - {id: t1, procedure: open, agencies: [a], candidates: [p], award: {method: lowest-price}}
        legacy:
          - {id: old, planned_retirement: 2024-12-31, retire: {after: [last_go_live], plus: 1mo}}
        go_lives:
          - {id: g, sites: [s], agencies: [a], tender: t1, preparation: 10d, hypercare: 5d}
        """
        let plan = try schedule(text)
        // The contract is shown Jul 8 (E = Jul 9): preparation Jul 9–22, cutover Jul 23, hypercare Jul 23–29.
        #expect(dates(plan, "g.preparation") == "2024-07-09 2024-07-22" && dates(plan, "g.cutover") == "2024-07-23 2024-07-23")
        #expect(dates(plan, "g.hypercare") == "2024-07-23 2024-07-29")
        // last_go_live is the cutover; the retirement a month later: Aug 23.
        #expect(plan.lastGoLive?.iso == "2024-07-23" && dates(plan, "old.retire") == "2024-08-23 2024-08-23")
    }

    @Test func aLongChainNeedsNoDeepStack() throws {
        var text = "tenderplan: 1\nscenario: {id: chain, start: 2024-01-01, calendar: mon-fri}\ntasks:\n  - {id: t0, duration: 1cd}\n"
        for index in 1..<20_000 { text += "  - {id: t\(index), duration: 1cd, after: [t\(index - 1)]}\n" }
        let plan = try schedule(text)
        #expect(plan.finish == Day(iso: "2024-01-01")!.advanced(by: 19_999))
        #expect(plan.item("t0")?.critical == true && plan.item("t19999")?.critical == true)
    }

    @Test func noItemStartsBeforeItsLinksAllowAndOrderDoesNotMatter() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            var tasks: [String] = []
            let units = ["d", "cd", "w", "mo"]
            for index in 0..<15 {
                let duration = index % 5 == 4 ? "0d" : "\(Int.random(in: 1...20, using: &random))\(units.randomElement(using: &random)!)"
                var after: [String] = []
                if index > 0 {
                    for _ in 0..<Int.random(in: 0...2, using: &random) {
                        let target = Int.random(in: 0..<index, using: &random)
                        let form = ["t\(target)", "t\(target).start", "t\(target) + 3d", "t\(target) + 5cd", "t\(target) + 1mo"].randomElement(using: &random)!
                        after.append("\"\(form)\"")
                    }
                }
                tasks.append("  - {id: t\(index), duration: \(duration), after: [\(after.joined(separator: ", "))]}")
            }
            let head = "tenderplan: 1\nscenario: {id: p, start: 2024-01-01}\ntasks:\n"
            let plan = try schedule(head + tasks.joined(separator: "\n"))
            for (index, item) in plan.network.items.enumerated() {
                let placed = plan.items[index]
                #expect(placed.start >= placed.earliest || item.isMilestone)
                for link in item.links {
                    let predecessor = plan.items[link.from]
                    if link.startToStart { #expect(placed.earliest >= predecessor.start || plan.network.items[link.from].isMilestone) }
                    else if !plan.network.items[link.from].isMilestone { #expect(placed.earliest > predecessor.finish) }
                    else { #expect(placed.earliest >= predecessor.earliest) }
                }
                #expect(placed.totalSlackDays >= 0)
            }
            let shuffled = try schedule(head + tasks.shuffled(using: &random).joined(separator: "\n"))
            for item in plan.items { #expect(dates(shuffled, item.id) == "\(item.start) \(item.finish)", "seed \(seed)") }
        }
    }

    @Test func delayOnACriticalItemMovesTheFinishByTheSameAmount() async throws {
        await propertyCheck(count: 30, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            let durations = (0..<8).map { _ in Int.random(in: 1...15, using: &random) }
            func text(_ durations: [Int]) -> String {
                var lines = ["tenderplan: 1", "scenario: {id: d, start: 2024-01-01}", "tasks:", "  - {id: side, duration: 3d}"]
                for (index, days) in durations.enumerated() {
                    lines.append("  - {id: c\(index), duration: \(days)d" + (index == 0 ? "}" : ", after: [c\(index - 1)]}"))
                }
                return lines.joined(separator: "\n")
            }
            let plan = try schedule(text(durations))
            let critical = (0..<8).filter { plan.item("c\($0)")?.critical == true }
            #expect(critical.count == 8)
            let target = critical.randomElement(using: &random)!
            let extra = Int.random(in: 1...10, using: &random)
            var longer = durations
            longer[target] += extra
            let delayed = try schedule(text(longer))
            let calendar = plan.network.calendars[0]
            #expect(calendar.workingDays(from: plan.finish.advanced(by: 1), through: delayed.finish) == extra, "seed \(seed)")
        }
    }
}
