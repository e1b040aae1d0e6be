import Foundation
import Testing
@testable import TenderPlanCore

/// A small programme whose every euro is worked out in the comments; 2024 is a leap year.
func costScenario(retire: String = "{after: [last_go_live], plus: 1y}", discount: String = "10%") -> String {
    """
    tenderplan: 1
    scenario: {id: c, start: 2024-03-01, base_year: 2024, horizon: 2026, price_index: 2%, discount_rate: \(discount), calendar: mon-fri}
    agencies: [{id: a}]
    sites: [{id: s1, users: {a: 10}}, {id: s2, users: {a: 20}}, {id: s3, users: {a: 30}}]
    products:
      - id: p
        costs:
          - {name: Licences, amount: 100, per: user, every: year}
          - {name: Implementation, amount: 1000, per: site, from: go_live}
          - {name: Hosting, amount: 50, every: month, from: 2024-03-15, until: 2024-05-10}
          - {name: Support, amount: 1000, every: year, from: 2024-07-01, growth: 10%}
    go_lives:
      - {id: g1, sites: [s1], agencies: [a], product: p, preparation: 1d, not_before: 2024-04-01}
      - {id: g2, sites: [s2], agencies: [a], product: p, preparation: 1d, not_before: 2024-07-01}
      - {id: g3, sites: [s3], agencies: [a], product: p, preparation: 1d, not_before: 2025-01-06}
    legacy:
      - id: old
        planned_retirement: 2025-06-30
        retire: \(retire)
        costs:
          - {name: Run, amount: 365, every: year}
          - {name: Extra, amount: 730, every: year, after: planned_retirement}
        coexistence:
          - {name: Koppeling, amount: 100, per: product}
          - {name: Beheer koppeling, amount: 365, per: product, every: year}
        decommission: {amount: 500}
    benefits:
      - {name: Saving, amount: 3650, every: year, from: 2025-01-01, ramp: 10cd, target_from: 2024-07-01}
    """
}

func runCosts(_ text: String) throws -> (PlanResult, CostResult) {
    let result = check(text)
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
    return (try #require(result.plan), try #require(result.costs))
}

func line(_ costs: CostResult, _ year: Int, _ name: String) -> Decimal {
    costs.years.first { $0.year == year }!.lines.first { $0.name == name }!.real
}

func same(_ a: Decimal, _ b: Decimal, places: Int = 20) -> Bool {
    ExactDecimal.rounded(a, places) == ExactDecimal.rounded(b, places)
}

@Suite struct CostProjectionTests {
    /// Money past what the projection counts exactly is a located error, never NaN or a trap: growth that
    /// compounds to more than 10^24, a discount rate at -100 % (nothing left to discount) or just above it (the
    /// present value explodes), a price index at -100 %.
    @Test(arguments: [
        ("horizon: 2026", "horizon: 2199", "{name: Support, amount: 1000, every: year, from: 2024-07-01, growth: 10%}",
         "{name: Support, amount: 1000, every: year, from: 2024-07-01, growth: 1000%}", "cost line 'Support' grows beyond 10^24", 11),
        ("discount_rate: 10%", "discount_rate: -100%", "", "", "'discount_rate': -100% leaves no money", 2),
        ("discount_rate: 10%", "discount_rate: -99.99%, horizon: 2199", "horizon: 2026, ", "", "the net present value grows beyond 10^24", 2),
        ("price_index: 2%", "price_index: -100%", "", "", "'price_index': -100% leaves no money", 2),
    ])
    func moneyOutOfRangeIsALocatedError(_ from: String, _ to: String, _ from2: String, _ to2: String, _ says: String, _ line: Int) throws {
        var text = costScenario().replacingOccurrences(of: from, with: to)
        if !from2.isEmpty { text = text.replacingOccurrences(of: from2, with: to2) }
        let result = check(text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors.first?.message.contains(says) == true && errors.first?.location.line == line,
                "\(errors.map { "\($0.location) \($0.message)" })")
        #expect(!(result.costs?.totalReal.isNaN ?? false) || result.hasErrors)
    }

    @Test func theCutoversAreWhereTheCommentsSay() throws {
        let (plan, _) = try runCosts(costScenario())
        #expect(plan.item("g1.cutover")?.start.iso == "2024-04-02" && plan.item("g2.cutover")?.start.iso == "2024-07-02")
        #expect(plan.item("g3.cutover")?.start.iso == "2025-01-07" && plan.item("old.retire")?.start.iso == "2026-01-07")
    }

    @Test func eachKindOfProductLine() throws {
        let (_, costs) = try runCosts(costScenario())
        // Licences per live seat-day: 2024 s1 10 × 274 days (from Apr 2) + s2 20 × 183 (from Jul 2) = 6,400 of 366.
        #expect(same(line(costs, 2024, "Licences"), d("100") * 6400 / 366))
        // 2025: 30 seats all year + s3's 30 from Jan 7 (359 days): 10,950 + 10,770 seat-days of 365.
        #expect(same(line(costs, 2025, "Licences"), d("100") * 21720 / 365))
        #expect(line(costs, 2026, "Licences") == 6000)
        // Implementation per site, once per go-live on its cutover.
        #expect(line(costs, 2024, "Implementation") == 2000 && line(costs, 2025, "Implementation") == 1000)
        // Hosting 50 a month from Mar 15 to May 10: 17/31 of March, all April, 10/31 of May.
        #expect(same(line(costs, 2024, "Hosting"), d("50") * 17 / 31 + 50 + d("50") * 10 / 31))
        // Support from Jul 1, a leap year's 184 of 366 days; 10 % real growth a year after 2024.
        #expect(same(line(costs, 2024, "Support"), d("1000") * 184 / 366))
        #expect(line(costs, 2025, "Support") == 1100 && line(costs, 2026, "Support") == 1210)
    }

    @Test func legacyLines() throws {
        let (_, costs) = try runCosts(costScenario())
        // Run from the scenario start (Mar 1: 306 days of 2024) to the retirement on 2026-01-07 (7 days of 2026).
        #expect(same(line(costs, 2024, "Run"), d("365") * 306 / 366) && line(costs, 2025, "Run") == 365 && line(costs, 2026, "Run") == 7)
        // Extra only after the planned retirement: Jul 1, 2025 on.
        #expect(line(costs, 2024, "Extra") == 0 && line(costs, 2025, "Extra") == 368 && line(costs, 2026, "Extra") == 14)
        // Coexistence per new product live: once on its first cutover, yearly from it.
        #expect(line(costs, 2024, "Koppeling") == 100 && line(costs, 2025, "Koppeling") == 0)
        #expect(same(line(costs, 2024, "Beheer koppeling"), d("365") * 274 / 366) && line(costs, 2026, "Beheer koppeling") == 7)
        #expect(line(costs, 2026, "decommission") == 500 && line(costs, 2025, "decommission") == 0)
        #expect(costs.years[0].lines.first { $0.name == "decommission" }?.source == "legacy:old")
        #expect(costs.years[0].lines.first { $0.name == "Koppeling" }?.source == "coexistence:old")
    }

    @Test func legacyExtensionAndItsSensitivity() throws {
        let (_, costs) = try runCosts(costScenario())
        let rows = costs.legacyExtension
        #expect(rows.map(\.months) == [0, 6, 12, 24])
        // After Jun 30, 2025 to Jan 7, 2026: Run 184 + 7, Extra 368 + 14, Beheer koppeling 184 + 7 (decommissioning left out).
        #expect(rows[0].cost == 764)
        // Six months later (Jul 7, 2026): 188 days of 2026 instead of 7.
        #expect(rows[1].retirement.iso == "2026-07-07" && rows[1].cost == 184 + 188 + 368 + 376 + 184 + 188)
        // Retired before the planned day: no extension.
        let (_, early) = try runCosts(costScenario(retire: "2025-03-31"))
        #expect(early.legacyExtension[0].cost == 0 && early.legacyExtension[1].cost > 0)
    }

    @Test func benefitsRampAndTheSavingsGap() throws {
        let (_, costs) = try runCosts(costScenario())
        // A 10-day ramp from Jan 1, 2025 earns 1/10 … 10/10 on its first days: 5.5 + 355 full days.
        #expect(costs.years[1].benefits == d("3650") * d("360.5") / 365 && costs.years[2].benefits == 3650)
        // Target from Jul 1, 2024: 184/366 of 3,650 in 2024, all of it after.
        let target2024 = d("3650") * 184 / 366
        #expect(same(costs.years[0].savingsGap!, target2024) && costs.years[1].savingsGap == 45 && costs.years[2].savingsGap == 0)
        #expect(same(costs.years[2].savingsGapCumulative!, target2024 + 45))
    }

    /// A one-off per-site line `from: go_live` counts each site once per product, in the go-live that first brings
    /// it onto the product: police at s1 (g1), fire at s1 (g2) and police at s2 (g3) are two sites, 2 × 1000, not
    /// three (before, s1 was charged again by g2). Seats are each go-live's own: 10, 5 and 20.
    @Test func aSiteSplitOverTwoGoLivesIsChargedOnce() throws {
        let text = """
            tenderplan: 1
            scenario: {id: c, start: 2024-03-01, base_year: 2024, horizon: 2025, discount_rate: 0%}
            agencies: [{id: police}, {id: fire}]
            sites: [{id: s1, users: {police: 10, fire: 5}}, {id: s2, users: {police: 20}}]
            products:
              - id: p
                costs:
                  - {name: Implementation, amount: 1000, per: site, from: go_live}
                  - {name: Training, amount: 10, per: user, from: go_live}
            go_lives:
              - {id: g1, sites: [s1], agencies: [police], product: p, preparation: 1d, not_before: 2024-04-01}
              - {id: g2, sites: [s1], agencies: [fire], product: p, preparation: 1d, not_before: 2024-07-01}
              - {id: g3, sites: [s2], agencies: [police], product: p, preparation: 1d, not_before: 2024-09-02}

            """
        let (_, costs) = try runCosts(text)
        #expect(line(costs, 2024, "Implementation") == 2000)
        #expect(same(line(costs, 2024, "Training"), 350, places: 18))
    }

    @Test func totalsNominalAndNPV() throws {
        let (_, costs) = try runCosts(costScenario())
        for year in costs.years {
            // The total is the sum of the lines; nominal is real × 1.02^(Y − 2024).
            #expect(year.real == year.lines.reduce(Decimal(0)) { $0 + $1.real })
            var index = Decimal(1)
            for _ in 0..<(year.year - 2024) { index *= d("1.02") }
            #expect(same(year.nominal, year.real * index))
        }
        #expect(costs.totalReal == costs.years.reduce(Decimal(0)) { $0 + $1.real })
        // The textbook formula with the base year undiscounted.
        let r = costs.years.map(\.real)
        #expect(same(costs.npv, r[0] + r[1] / d("1.1") + r[2] / (d("1.1") * d("1.1")), places: 18))
        let (_, undiscounted) = try runCosts(costScenario(discount: "0"))
        #expect(same(undiscounted.npv, undiscounted.totalReal, places: 18))
    }

    @Test func breakdownsAddUp() throws {
        let (_, costs) = try runCosts(costScenario())
        // One agency: it carries every euro; no tender awards the product, so there is no tender breakdown.
        #expect(costs.byAgency.map(\.agency) == ["a"] && same(costs.byAgency[0].real, costs.totalReal, places: 15))
        #expect(costs.byTender.isEmpty)
        let sources = Dictionary(uniqueKeysWithValues: costs.bySource.map { ($0.source, $0.real) })
        #expect(same(sources.values.reduce(0, +), costs.totalReal, places: 15))
        #expect(sources["coexistence"] != nil && sources["legacy"] != nil && sources["product"] != nil)
    }

    @Test func sharedLinesSplitBySeats() throws {
        // Two agencies in one tender, 10 and 30 seats: the product's lines split 1 : 3.
        let text = """
        tenderplan: 1
        scenario: {id: s, start: 2024-01-01, horizon: 2024}
        agencies: [{id: a}, {id: b}]
        sites: [{id: s1, users: {a: 10, b: 30}}]
        requirements: [{id: r, priority: must}]
        products: [{id: p, coverage: {r: standard}, costs: [{name: Fee, amount: 4000}]}]
        tenders: [{id: t, agencies: [a, b], candidates: [p], award: {method: lowest-price}}]
        """
        let (_, costs) = try runCosts(text)
        #expect(costs.byAgency.map(\.real) == [1000, 3000] && costs.byTender.map(\.real) == [4000])
    }

    @Test func aLaterGoLiveNeverLowersTheExtension() throws {
        var previous = Decimal(-1)
        for day in ["2025-01-06", "2025-03-03", "2025-06-02", "2025-09-01", "2026-01-05"] {
            let (_, costs) = try runCosts(costScenario().replacingOccurrences(of: "not_before: 2025-01-06", with: "not_before: \(day)"))
            #expect(costs.legacyExtension[0].cost >= previous, "\(day)")
            previous = costs.legacyExtension[0].cost
            // Retiring later never lowers the legacy cost either.
            let rows = costs.legacyExtension.map(\.cost)
            #expect(rows == rows.sorted())
        }
        #expect(previous > 764)
    }
}
