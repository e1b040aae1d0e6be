import Foundation
import Testing
@testable import TenderPlanCore

func riskRun(_ text: String, iterations: Int = 200, seed: UInt64 = 1, threads: Int = 2) async throws -> (LoadResult, RiskResult) {
    let result = check(text)
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
    let simulation = RiskSimulation(scenario: try #require(result.scenario), fitGap: try #require(result.fitGap), plan: try #require(result.plan))
    return (result, await simulation.run(iterations: iterations, seed: seed, threads: threads))
}

@Suite struct RiskTests {
    @Test func degenerateEstimatesGiveTheDeterministicPlanAndCosts() async throws {
        // Every estimate has optimistic = likely = pessimistic and there are no risks: nothing varies.
        let text = costScenario().replacingOccurrences(of: "product: p, preparation: 1d, not_before: 2024-07-01}",
                                                       with: "product: p, estimate: {optimistic: 3d, likely: 3d, pessimistic: 3d}, not_before: 2024-07-01}")
        let (loaded, risk) = try await riskRun(text)
        let plan = try #require(loaded.plan), costs = try #require(loaded.costs)
        for p in [risk.finish.p10, risk.finish.p50, risk.finish.p80, risk.finish.p90] { #expect(p == plan.finish) }
        #expect(risk.lastGoLive?.p10 == plan.lastGoLive && risk.lastGoLive?.p90 == plan.lastGoLive)
        for item in risk.items {
            let planned = try #require(plan.item(item.id))
            #expect(item.finish.p10 == planned.finish && item.finish.p90 == planned.finish, "\(item.id)")
            #expect(item.criticality == (planned.critical ? 1 : 0), "\(item.id)")
        }
        #expect(risk.totalReal.p10 == costs.totalReal && risk.totalReal.p90 == costs.totalReal)
        #expect(risk.npv.p50 == costs.npv)
        #expect(risk.legacyExtension.p50 == costs.legacyExtension[0].cost)
    }

    @Test func triangularAndPERTMatchTheirClosedForms() {
        var random = SplitMix64(seed: 42, iteration: 0)
        let n = 200_000
        let (a, m, b) = (10.0, 20.0, 60.0)
        var triangular: [Double] = [], pert: [Double] = []
        for _ in 0..<n {
            triangular.append(Sampling.triangular(a, m, b, &random))
            pert.append(Sampling.pert(a, m, b, &random))
        }
        // Means: (a + m + b) / 3 and (a + 4m + b) / 6, within 0.5 %.
        let triangularMean = triangular.reduce(0, +) / Double(n), pertMean = pert.reduce(0, +) / Double(n)
        #expect(abs(triangularMean - (a + m + b) / 3) / ((a + m + b) / 3) < 0.005)
        #expect(abs(pertMean - (a + 4 * m + b) / 6) / ((a + 4 * m + b) / 6) < 0.005)
        // Triangular percentiles from the inverse distribution function, within 0.5 % of the range.
        let sorted = triangular.sorted()
        for p in [0.1, 0.5, 0.8, 0.9] {
            let expected = p < (m - a) / (b - a) ? a + (p * (b - a) * (m - a)).squareRoot() : b - ((1 - p) * (b - a) * (b - m)).squareRoot()
            #expect(abs(RiskSimulation.nearestRank(sorted, p) - expected) < 0.005 * (b - a), "P\(Int(p * 100))")
        }
        // PERT stays within its bounds and its variance is ((b − a)/6)² · 36/(α+β+1)·αβ/((α+β)²)… checked loosely: σ ≈ (b − a)/6.
        #expect(pert.allSatisfy { $0 >= a && $0 <= b })
        let variance = pert.reduce(0) { $0 + ($1 - pertMean) * ($1 - pertMean) } / Double(n)
        let alpha = 1 + 4 * (m - a) / (b - a), beta = 1 + 4 * (b - m) / (b - a)
        let exact = alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)) * (b - a) * (b - a)
        #expect(abs(variance - exact) / exact < 0.02)
    }

    static let chain = """
    tenderplan: 1
    scenario: {id: r, start: 2024-01-01, calendar: mon-fri}
    tasks:
      - {id: a, duration: 10d}
      - {id: b, duration: 5d, after: [a], deadline: 2024-01-19}
    risks:
      - {id: slip, probability: PROBABILITY, delay: {task: a, by: {optimistic: 5d, likely: 5d, pessimistic: 5d}}, cost: {amount: 1000}}
    """

    @Test func aRiskWithProbabilityZeroChangesNothingAndWithOneShiftsByItsDelay() async throws {
        let (loaded, never) = try await riskRun(Self.chain.replacingOccurrences(of: "PROBABILITY", with: "0%"))
        let plan = try #require(loaded.plan)
        // a Jan 1–12, b Jan 15–19: on its deadline.
        #expect(plan.finish.iso == "2024-01-19" && never.finish.p90 == plan.finish && never.totalReal.p90 == 0)
        #expect(never.deadlines.first?.probability == 1)
        let (_, always) = try await riskRun(Self.chain.replacingOccurrences(of: "PROBABILITY", with: "100%"))
        // Five working days later, and its cost every time.
        #expect(always.finish.p10.iso == "2024-01-26" && always.finish.p90.iso == "2024-01-26")
        #expect(always.totalReal.p50 == 1000 && always.deadlines.first?.probability == 0)
    }

    /// A calendar-day delay on a month item goes after its span: 2mo from Monday 1 July 2024 ends Saturday
    /// 31 August; one calendar day later is Sunday 1 September (it used to end 30 August, a day early).
    @Test func aCalendarDayDelayOnAMonthItemAddsItsDaysToThePlannedSpan() async throws {
        let text = """
        tenderplan: 1
        scenario: {id: r, start: 2024-07-01, calendar: mon-fri}
        tasks:
          - {id: a, duration: 2mo}
          - {id: b, duration: 1d, after: [a]}
        risks:
          - {id: slip, probability: 100%, delay: {task: a, by: {optimistic: 1cd, likely: 1cd, pessimistic: 1cd}}}
        """
        let (loaded, risk) = try await riskRun(text, iterations: 20)
        #expect(loaded.plan?.item("a")?.finish.iso == "2024-08-31")
        let a = try #require(risk.items.first { $0.id == "a" })
        #expect(a.finish.p10.iso == "2024-09-01" && a.finish.p90.iso == "2024-09-01")
        // b follows on Monday 2 September either way (the weekend absorbs the day).
        #expect(risk.finish.p50.iso == "2024-09-02")
    }

    @Test func sameSeedSameResultForAnyNumberOfThreads() async throws {
        let text = Self.chain.replacingOccurrences(of: "PROBABILITY", with: "40%")
            .replacingOccurrences(of: "{id: a, duration: 10d}", with: "{id: a, estimate: {optimistic: 5d, likely: 10d, pessimistic: 30d}}")
        let (_, one) = try await riskRun(text, iterations: 300, seed: 7, threads: 1)
        for threads in [2, 3, 8] {
            let (_, many) = try await riskRun(text, iterations: 300, seed: 7, threads: threads)
            #expect(many.items.map(\.finish.p80) == one.items.map(\.finish.p80) && many.items.map(\.criticality) == one.items.map(\.criticality))
            #expect(many.totalReal.p50 == one.totalReal.p50 && many.drivers.map(\.finishCorrelation) == one.drivers.map(\.finishCorrelation))
        }
        // Any split of the iterations over the threads: 10 iterations on 4 or 7 threads left the last ranges past the end.
        for (iterations, threads) in [(10, 4), (10, 7), (10_000, 256), (3, 3)] {
            let (_, split) = try await riskRun(text, iterations: iterations, seed: 7, threads: threads)
            let (_, whole) = try await riskRun(text, iterations: iterations, seed: 7, threads: 1)
            #expect(split.iterations == iterations && split.items.map(\.finish.p80) == whole.items.map(\.finish.p80))
        }
        // The plain call on the calling thread gives the same result as well.
        let (loaded, _) = try await riskRun(text, iterations: 1, seed: 7, threads: 1)
        let plain = RiskSimulation(scenario: try #require(loaded.scenario), fitGap: try #require(loaded.fitGap), plan: try #require(loaded.plan))
            .run(iterations: 300, seed: 7)
        #expect(plain.items.map(\.finish.p80) == one.items.map(\.finish.p80) && plain.items.map(\.criticality) == one.items.map(\.criticality))
        #expect(plain.totalReal.p50 == one.totalReal.p50 && plain.totalReal.p90 == one.totalReal.p90 && plain.drivers.map(\.finishCorrelation) == one.drivers.map(\.finishCorrelation))
        let (_, other) = try await riskRun(text, iterations: 300, seed: 8, threads: 1)
        #expect(other.drivers.map(\.finishCorrelation) != one.drivers.map(\.finishCorrelation))
        // The estimate drives the finish; the risk, whose cost is the only cost, drives the cost.
        #expect((one.drivers.first { $0.input == "duration of a" }?.finishCorrelation ?? 0) > 0.5)
        #expect((one.drivers.first { $0.input == "risk slip" }?.costCorrelation ?? 0) > 0.99)
    }

    @Test func aLaterP80GoLiveCostsMoreLegacyExtension() async throws {
        let text = costScenario().replacingOccurrences(of: "product: p, preparation: 1d, not_before: 2025-01-06}",
                                                       with: "product: p, estimate: {optimistic: 5d, likely: 20d, pessimistic: 120d}, not_before: 2025-01-06}")
        let (_, risk) = try await riskRun(text, iterations: 400)
        let last = try #require(risk.lastGoLive)
        #expect(last.p80 > last.p50)
        #expect(risk.legacyExtension.p80 > risk.legacyExtension.p50)
    }
}
