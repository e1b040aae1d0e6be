import Foundation
import Testing
@testable import TenderPlanCore

@Suite struct GateTests {
    /// The cost scenario's plan: last go-live 2025-01-07, finish (the retirement) 2026-01-07; product p fits a at 0.
    static let gates = """

    expect:
      - {last_go_live: {before: 2025-02-01}}
      - {last_go_live: {before: 2025-01-07}}
      - {finish: {before: 2026-02-01}}
      - {finish: {before: 2026-01-01}}
      - {npv: {below: 1M}}
      - {npv: {below: 100}}
      - {total_real: {below: 1M}}
      - {total_real: {below: 100}}
      - {legacy_extension_cost: {below: 765}}
      - {legacy_extension_cost: {below: 764}}
      - {fit: {product: p, agency: a, at_least: 0}}
      - {fit: {product: p, agency: a, at_least: 0.5}}
      - {p80: {item: g3.cutover, before: 2025-01-08}}
    """

    func evaluate(risk: Bool) async throws -> (failedLines: [Int], warnings: [Int]) {
        let text = costScenario() + Self.gates
        let result = check(text)
        #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        let scenario = try #require(result.scenario)
        #expect(scenario.gates.count == 13)
        var riskResult: RiskResult?
        if risk {
            riskResult = await RiskSimulation(scenario: scenario, fitGap: try #require(result.fitGap), plan: try #require(result.plan))
                .run(iterations: 50, seed: 1, threads: 1)
        }
        let diagnostics = GateCheck.evaluate(scenario, fitGap: try #require(result.fitGap), plan: try #require(result.plan),
                                             costs: try #require(result.costs), risk: riskResult)
        let base = text.components(separatedBy: "\n").firstIndex { $0 == "expect:" }! + 1
        return (diagnostics.filter { $0.severity == .error }.map { $0.location.line - base },
                diagnostics.filter { $0.severity == .warning }.map { $0.location.line - base })
    }

    @Test func eachKindPassesAndFailsAtItsLine() async throws {
        // The second gate of each pair is too strict; the first passes.
        let (failed, warnings) = try await evaluate(risk: false)
        #expect(failed == [2, 4, 6, 8, 10, 12])
        // Without a risk run the P80 gate is only a warning.
        #expect(warnings == [13])
        // With one (nothing varies in this scenario) it is evaluated: the cutover is on 2025-01-07.
        let (withRisk, noWarnings) = try await evaluate(risk: true)
        #expect(withRisk == [2, 4, 6, 8, 10, 12] && noWarnings.isEmpty)
    }

    /// A fit gate passed for a product knocked out for the agency (a `must` it does not meet), although that product
    /// cannot be bought for it: the gate fails and names the knock-out, whatever the fit.
    @Test func aFitGateFailsForAKnockedOutProduct() throws {
        let text = """
            tenderplan: 1
            scenario: {id: k, start: 2024-03-01}
            agencies: [{id: a}]
            sites: [{id: s1, users: {a: 10}}]
            requirements:
              - {id: r1, priority: must}
              - {id: r2, priority: should}
              - {id: r3, priority: should}
            products:
              - id: p
                coverage: {r1: none, r2: standard, r3: standard}
            expect:
              - {fit: {product: p, agency: a, at_least: 0.1}}

            """
        let result = check(text)
        #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        let scenario = try #require(result.scenario)
        let diagnostics = GateCheck.evaluate(scenario, fitGap: try #require(result.fitGap), plan: try #require(result.plan),
                                             costs: try #require(result.costs), risk: nil)
        // Fit = (3 + 3) / (5 + 3 + 3) = 0.545 with the default weights, above 0.1: only the knock-out fails it.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 13)
        #expect(diagnostics.first?.message == "'p' is knocked out for a ('r1' not met), so it cannot be bought for it whatever its fit (0.545)")
    }

    @Test func amountsInMessagesAreWrittenOut() {
        #expect(GateCheck.money(Decimal(string: "101963689.775")!, currency: "EUR") == "€ 101,963,689.78")
        #expect(GateCheck.money(Decimal(string: "-1234.5")!, currency: "EUR") == "-€ 1,234.50")
        #expect(GateCheck.money(765, currency: "USD") == "USD 765.00")
        #expect(GateCheck.money(0, currency: "EUR") == "€ 0.00")
    }

    @Test func aGateChecksOneThingAndItsReferencesExist() {
        let text = costScenario() + "\nexpect:\n  - {npv: {below: 1M}, finish: {before: 2030-01-01}}\n  - {fit: {product: q, agency: a, at_least: 0.5}}\n  - {p80: {item: g9.cutover, before: 2030-01-01}}\n"
        let result = check(text)
        let codes = result.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.contains(.conflictingKeys) && codes.contains(.unknownReference))
    }
}
