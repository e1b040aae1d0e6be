import Foundation
import PropertyBased
import Testing
@testable import TenderPlanCore

/// A small scenario whose every figure is computed by hand in the comments of `FitGapTests`.
func fitGapScenario(award: String = "{method: bpkv, quality: 60%, price: 40%, contract_years: 2}", extra: String = "") -> String {
    """
    tenderplan: 1
    scenario: {id: fg, start: 2024-01-01}
    agencies:
      - {id: a}
      - {id: b}
      - {id: c}
    sites:
      - {id: s1, users: {a: 10, b: 20}}
      - {id: s2, users: {b: 10}}
    requirements:
      - {id: r1, priority: must, agencies: [a, b]}
      - {id: r2, priority: should, agencies: [a, b], priority_by_agency: {b: wont}}
      - {id: r3, priority: could, agencies: [a], weight: 2}
      - {id: r4, priority: must, agencies: [b], weight: 0}
    products:
      - id: p1
        coverage: {r1: standard, r2: configuration, r3: none}
        costs:
          - {name: Licences, amount: 100, per: user, every: year, from: contract}
          - {name: Implementation, amount: 1000, per: site, from: go_live}
      - id: p2
        coverage: {r1: {level: customisation, effort: 2w}, r2: standard, r3: standard}
        costs:
          - {name: Licences, amount: 80, per: user, every: year}
          - {name: Customisation, amount: 50, per: effort_day}
          - {name: Hosting, amount: 10, every: month}
      - id: p3
    tenders:
      - id: t1
        agencies: [a, b]
        candidates: [p1, p2, p3]
        award: \(award)
    \(extra)
    """
}

func runFitGap(_ text: String) throws -> (Scenario, FitGapResult) {
    let result = check(text)
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
    let scenario = try #require(result.scenario)
    return (scenario, try #require(result.fitGap))
}

func d(_ text: String) -> Decimal { Decimal(string: text)! }

@Suite struct FitGapTests {
    @Test func fitsKnockoutsAndCustomisationDays() throws {
        let (_, result) = try runFitGap(fitGapScenario())
        let p1 = result.products[0], p2 = result.products[1], p3 = result.products[2]
        // a counts r1 (5), r2 (3), r3 (weight 2): p1 = (5·1 + 3·0.8 + 2·0) / 10; p2 = (5·0.5 + 3 + 2) / 10.
        #expect(p1.fit["a"] == d("0.74") && p2.fit["a"] == d("0.75") && p3.fit["a"] == 0)
        // b counts only r1: r2 is wont for b, r4 has weight 0.
        #expect(p1.fit["b"] == 1 && p2.fit["b"] == d("0.5") && p3.fit["b"] == 0)
        // c needs nothing: fit 0 everywhere, no knock-outs.
        #expect(p1.fit["c"] == 0 && p2.fit["c"] == 0 && p3.knockouts["c"] == [])
        // A product with no coverage is knocked out on every counted must; r3 (could) at none is no knock-out; r4 does not count.
        #expect(p3.knockouts["a"] == ["r1"] && p3.knockouts["b"] == ["r1"] && p1.knockouts["a"] == [])
        // 2w of effort on r1 = 10 working days.
        #expect(p2.customisationDays == 10 && p1.customisationDays == 0)
    }

    @Test func optionsAndPrices() throws {
        let (_, result) = try runFitGap(fitGapScenario())
        let options = Dictionary(uniqueKeysWithValues: result.options.map { ($0.kind, $0) })
        // Seats: a 10, b 30, c 0. One for all: p1 = (10·0.74 + 30·1) / 40 = 0.935 beats p2 = (7.5 + 15) / 40.
        let single = try #require(options[.oneForAll])
        #expect(single.assignment == ["a": "p1", "b": "p1", "c": "p1"] && single.fit == d("0.935"))
        // Price of p1 over a, b, c for 2 years: 100 × 40 seats × 2 + 1000 × 2 sites = 10,000.
        #expect(single.price == 10_000)
        // Best per agency: a → p2 (0.75), b → p1, c → p1 (all fits 0, no knock-outs: the lower id).
        let best = try #require(options[.bestPerAgency])
        #expect(best.assignment == ["a": "p2", "b": "p1", "c": "p1"] && best.fit == d("0.9375"))
        // p2 for a: 80 × 10 × 2 + 50 × 10 days + 10 × 24 months = 2,340; p1 for b, c: 100 × 30 × 2 + 1000 × 2 = 8,000.
        #expect(best.price == 10_340)
        let planned = try #require(options[.tendersAsPlanned])
        #expect(planned.assignment == ["a": "p1", "b": "p1"] && planned.fit == d("0.935") && planned.price == 10_000)
        #expect(planned.knockouts == ["a": [], "b": []])
    }

    @Test func bpkvWhereQualityWins() throws {
        let (_, result) = try runFitGap(fitGapScenario())
        let award = result.awards[0]
        // Prices over a, b: p1 10,000; p2 80 × 40 × 2 + 50 × 10 + 10 × 24 = 7,140. p3 is knocked out.
        // p1: 0.6 × 0.935 + 0.4 × 7140/10000 = 0.8466; p2: 0.6 × 0.5625 + 0.4 × 1 = 0.7375.
        #expect(award.winner == "p1")
        #expect(award.bids.map(\.product) == ["p1", "p2", "p3"])
        #expect(award.bids.map(\.rank) == [1, 2, nil] && award.bids[2].admissible == false && award.bids[2].score == nil)
        #expect(award.bids[0].price == 10_000 && award.bids[1].price == 7_140)
        #expect(award.bids[0].score == d("0.8466") && award.bids[1].score == d("0.7375"))
        // Lines 0.714 + 0.221 w and 1 − 0.4375 w cross at w = 0.286 / 0.6585: below 60 %, so p2 wins just under it.
        let switchAt = try #require(award.switchAtQualityWeight)
        #expect(ExactDecimal.rounded(switchAt, 12) == ExactDecimal.rounded(d("0.286") / d("0.6585"), 12))
        #expect(award.switchTo == "p2")
        #expect(result.winner(of: "t1") == "p1")
    }

    @Test func bpkvWherePriceWins() throws {
        let (_, result) = try runFitGap(fitGapScenario(award: "{method: bpkv, quality: 20%, price: 80%, contract_years: 2}"))
        let award = result.awards[0]
        // p1: 0.2 × 0.935 + 0.8 × 0.714 = 0.7582; p2: 0.2 × 0.5625 + 0.8 = 0.9125.
        #expect(award.winner == "p2" && award.bids[0].score == d("0.9125") && award.bids[1].score == d("0.7582"))
        #expect(award.switchTo == "p1")
    }

    @Test func lowestPriceAndFictitiousDiscount() throws {
        let lowest = try runFitGap(fitGapScenario(award: "{method: lowest-price, contract_years: 2}")).1.awards[0]
        #expect(lowest.winner == "p2" && lowest.bids[0].score == 1 && lowest.bids[1].score == d("0.714"))
        #expect(lowest.switchAtQualityWeight == nil && lowest.switchTo == nil)
        // Fictitious price = price − quality × value. At 5,000: p1 10,000 − 4,675 = 5,325; p2 7,140 − 2,812.5 = 4,327.5.
        let cheap = try runFitGap(fitGapScenario(award: "{method: fictitious-discount, quality_value: 5000, contract_years: 2}")).1.awards[0]
        #expect(cheap.winner == "p2" && cheap.bids[0].score == d("4327.5") && cheap.bids[1].score == 5325)
        // At 10,000 quality is worth more: p1 650, p2 1,515.
        let rich = try runFitGap(fitGapScenario(award: "{method: fictitious-discount, quality_value: 10k, contract_years: 2}")).1.awards[0]
        #expect(rich.winner == "p1" && rich.bids[0].score == 650)
    }

    @Test func awardedStandsAndWarnsAboutKnockouts() throws {
        let result = check(fitGapScenario().replacingOccurrences(of: "candidates: [p1, p2, p3]", with: "candidates: [p1, p2, p3]\n    awarded: p3"))
        let fitGap = try #require(result.fitGap)
        #expect(fitGap.awards[0].winner == "p3" && fitGap.awards[0].isFixed && fitGap.awards[0].switchTo == nil)
        #expect(result.diagnostics.map(\.severity) == [.warning] && result.diagnostics[0].message.contains("r1"))
    }

    @Test func tiesBreakOnTheLowerId() throws {
        // q0 and q1 are the same product under two ids; q1 is listed first.
        let text = """
        tenderplan: 1
        scenario: {id: tie, start: 2024-01-01}
        agencies: [{id: a}]
        requirements: [{id: r1, priority: must}]
        products:
          - {id: q1, coverage: {r1: configuration}, costs: [{name: x, amount: 5}]}
          - {id: q0, coverage: {r1: configuration}, costs: [{name: x, amount: 5}]}
        tenders:
          - {id: t, agencies: [a], candidates: [q1, q0], award: {method: bpkv, quality: 50%, price: 50%}}
        """
        let (_, result) = try runFitGap(text)
        #expect(result.awards[0].winner == "q0" && result.awards[0].bids.map(\.product) == ["q0", "q1"])
        #expect(result.awards[0].switchAtQualityWeight == nil)
        #expect(result.options.first { $0.kind == .oneForAll }?.assignment["a"] == "q0")
    }

    @Test func noAdmissibleBidIsAnErrorNamingTheKnockouts() {
        let result = check(fitGapScenario().replacingOccurrences(of: "candidates: [p1, p2, p3]", with: "candidates: [p3]")
            .replacingOccurrences(of: ", from: contract}", with: "}"))
        let error = result.diagnostics.first { $0.code == .noAdmissibleBid }
        #expect(error?.message.contains("t1") == true)
        #expect(error?.notes.first?.message == "'p3' is knocked out: a: r1; b: r1")
    }

    @Test func switchPointMatchesABruteForceSweep() async {
        // Random bids; the exact switch point must agree with a fine sweep of the quality weight.
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            try checkSwitchPoint(seed: seed)
        }
    }

    /// Seeds that once failed, kept as regression cases.
    @Test(arguments: [3_338_629_755_497_988_967, 2_172_196_490_234_771_454])
    func switchPointRegression(_ seed: Int) throws {
        try checkSwitchPoint(seed: seed)
    }

    func checkSwitchPoint(seed: Int) throws {
        var random = SplitMix64(state: UInt64(seed))
        let count = Int.random(in: 2...5, using: &random)
        let lines = (0..<count).map { index in
            (product: Identifier("b\(index)"), quality: Decimal(Int.random(in: 0...1000, using: &random)) / 1000,
             price: Decimal(Int.random(in: 1...1000, using: &random)) / 1000)
        }
        let current = Decimal(Int.random(in: 0...100, using: &random)) / 100
        func winner(_ w: Decimal) -> Identifier {
            lines.max { a, b in
                let sa = ExactDecimal.tieKey(a.price + w * (a.quality - a.price)), sb = ExactDecimal.tieKey(b.price + w * (b.quality - b.price))
                return sa != sb ? sa < sb : a.product > b.product
            }!.product
        }
        let now = winner(current)
        let exact = AwardSimulation.switchPoint(lines: lines, winner: now, at: current)
        // Sweep outwards from the current weight in steps of 1/10,000 to the first weight with another winner.
        let steps = 2_000
        var found: (Decimal, Identifier)?
        let start = Int(truncating: (current * Decimal(steps)) as NSDecimalNumber)
        for distance in 1...steps where found == nil {
            for position in [start - distance, start + distance] where position >= 0 && position <= steps && found == nil {
                let w = Decimal(position) / Decimal(steps)
                let who = winner(w)
                if who != now { found = (w, who) }
            }
        }
        if let (w, _) = found {
            let point = try #require(exact, "seed \(seed): the sweep found a change at \(w), the exact search none")
            #expect(abs(point.0 - w) <= Decimal(1) / Decimal(steps), "seed \(seed): exact \(point.0), sweep \(w)")
        }
        if let (weight, to) = exact, ExactDecimal.tieKey(weight) != ExactDecimal.tieKey(current) {
            // Just past the switch point (away from the current weight) the named bid really wins.
            let epsilon = Decimal(string: "0.0000001")!
            let past = weight < current ? weight - epsilon : weight + epsilon
            if past >= 0 && past <= 1 { #expect(winner(past) == to, "seed \(seed): past \(past) wins \(winner(past)), not \(to)") }
        }
    }

    @Test func fitsStayWithinZeroAndOneAndRaisingALevelNeverLowersAFit() async throws {
        let levels = CoverageLevel.allCases
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            let requirements = (0..<8).map { index in
                Requirement(id: Identifier("r\(index)"), priority: Priority.allCases.randomElement(using: &random)!,
                            weight: Bool.random(using: &random) ? Decimal(Int.random(in: 0...9, using: &random)) : nil,
                            agencies: Bool.random(using: &random) ? nil : [Located(Identifier(["a", "b"].randomElement(using: &random)!), at: here)],
                            location: here)
            }
            var cells = requirements.compactMap { requirement -> CoverageCell? in
                Bool.random(using: &random) ? CoverageCell(requirement: requirement.id, level: levels.randomElement(using: &random)!) : nil
            }
            let base = Scenario(info: ScenarioInfo(id: "p", start: Day(number: 0), location: here),
                                agencies: [Agency(id: "a", location: here), Agency(id: "b", location: here)],
                                requirements: requirements, products: [Product(id: "x", coverage: cells, location: here)])
            let before = FitGapAnalysis(base)
            for agency in ["a", "b"] as [Identifier] {
                let fit = before.fit("x", agency)
                #expect(fit >= 0 && fit <= 1)
            }
            // Raise one requirement's level by one step (towards standard).
            let target = requirements.randomElement(using: &random)!.id
            if let index = cells.firstIndex(where: { $0.requirement == target }) {
                let ordinal = cells[index].level.ordinal
                if ordinal > 0 { cells[index].level = levels[ordinal - 1] }
            } else {
                cells.append(CoverageCell(requirement: target, level: .roadmap))
            }
            var raised = base
            raised.products[0].coverage = cells
            let after = FitGapAnalysis(raised)
            for agency in ["a", "b"] as [Identifier] {
                #expect(after.fit("x", agency) >= before.fit("x", agency), "seed \(seed)")
            }
        }
    }

    @Test func renamingAndShufflingChangeNothingButNames() async throws {
        let (_, original) = try runFitGap(fitGapScenario())
        await propertyCheck(count: 10, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            var text = fitGapScenario()
            // Rename the agencies (keeping their relative id order) and shuffle the product definitions' coverage order.
            text = text.replacingOccurrences(of: "{id: a}", with: "{id: ax}").replacingOccurrences(of: "a: 10", with: "ax: 10")
                .replacingOccurrences(of: "agencies: [a, b]", with: "agencies: [ax, b]").replacingOccurrences(of: "agencies: [a]", with: "agencies: [ax]")
            let coverage = ["r1: standard", "r2: configuration", "r3: none"].shuffled(using: &random).joined(separator: ", ")
            text = text.replacingOccurrences(of: "r1: standard, r2: configuration, r3: none", with: coverage)
            let (_, renamed) = try runFitGap(text)
            #expect(renamed.products.map { $0.fit["ax"] } == original.products.map { $0.fit["a"] })
            #expect(renamed.awards[0].winner == original.awards[0].winner)
            #expect(renamed.awards[0].switchAtQualityWeight == original.awards[0].switchAtQualityWeight)
            #expect(renamed.options.map(\.price) == original.options.map(\.price))
            #expect(renamed.options.map(\.fit) == original.options.map(\.fit))
        }
    }
}

let here = SourceLocation(path: "test", line: 1, column: 1)

@Suite struct FitGapWeightTests {
    @Test func fractionalWeightsAreExact() throws {
        // r3 weighs 2.5 for a: p1 = (5·1 + 3·0.8 + 2.5·0) / 10.5, p2 = (5·0.5 + 3 + 2.5) / 10.5.
        let (_, result) = try runFitGap(fitGapScenario().replacingOccurrences(of: "weight: 2}", with: "weight: 2.5}"))
        #expect(result.products[0].fit["a"] == d("7.4") / d("10.5"))
        #expect(result.products[1].fit["a"] == d("8") / d("10.5"))
    }
}
