import Foundation

/// Evaluates the scenario's governance gates (`expect:`) against the computed plan, costs and fit;
/// a failed gate is an error at the gate's line. P80 gates need a risk run and are skipped without one.
public enum GateCheck {
    public static func evaluate(_ scenario: Scenario, fitGap: FitGapResult, plan: PlanResult, costs: CostResult,
                                risk: RiskResult?) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let analysis = FitGapAnalysis(scenario)
        func money(_ value: Decimal) -> String { GateCheck.money(value, currency: scenario.info.currency) }
        func fail(_ message: String, _ gate: Gate) { diagnostics.error(.gate, message, at: gate.location) }
        for gate in scenario.gates {
            switch gate.kind {
            case .lastGoLive(let before):
                guard let last = plan.lastGoLive else { fail("the plan has no go-lives, so no last go-live before \(before)", gate); continue }
                if last >= before { fail("the last go-live is \(last), not before \(before)", gate) }
            case .finish(let before):
                if plan.finish >= before { fail("the programme finishes \(plan.finish), not before \(before)", gate) }
            case .npv(let below):
                if costs.npv >= below { fail("the NPV of the costs is \(money(costs.npv)), not below \(money(below))", gate) }
            case .totalReal(let below):
                if costs.totalReal >= below { fail("the total real cost is \(money(costs.totalReal)), not below \(money(below))", gate) }
            case .legacyExtension(let below):
                let cost = costs.legacyExtension.filter { $0.months == 0 }.reduce(Decimal(0)) { $0 + $1.cost }
                if cost >= below { fail("keeping the legacy systems past their planned retirement costs \(money(cost)), not below \(money(below))", gate) }
            case .fit(let product, let agency, let atLeast):
                let fit = analysis.fit(product.value, agency.value)
                let knockouts = analysis.knockouts(product.value, agency.value)
                if !knockouts.isEmpty {
                    let names = knockouts.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (knockouts.count > 3 ? " and \(knockouts.count - 3) more" : "")
                    fail("'\(product.value)' is knocked out for \(agency.value) (\(names) not met), so it cannot be bought for it "
                        + "whatever its fit (\(ExactDecimal.rounded(fit, 3)))", gate)
                } else if ExactDecimal.tieKey(fit) < ExactDecimal.tieKey(atLeast) {
                    fail("'\(product.value)' fits \(agency.value) at \(ExactDecimal.rounded(fit, 3)), below \(atLeast)", gate)
                }
            case .p80(let item, let before):
                guard plan.network.index[item.value] != nil else {
                    diagnostics.error(.unknownReference, "'\(item.value)' is not an item of the plan", at: item.location,
                                      notes: didYouMean(item.value, in: plan.network.items.map(\.id)))
                    continue
                }
                guard let risk else {
                    diagnostics.warning(.gate, "the P80 gate on '\(item.value)' needs a risk run: add --seed to evaluate it", at: gate.location)
                    continue
                }
                if let p80 = risk.items.first(where: { $0.id == item.value })?.finish.p80, p80 >= before {
                    fail("the P80 date of '\(item.value)' is \(p80), not before \(before) (\(risk.iterations) iterations, seed \(risk.seed))", gate)
                }
            }
        }
        return diagnostics.sorted
    }

    /// An amount as the messages show it: `€ 1,234,567.89` (the currency code for other currencies).
    static func money(_ value: Decimal, currency: String) -> String {
        let rounded = ExactDecimal.rounded(value, 2)
        let negative = rounded < 0
        let parts = "\(negative ? -rounded : rounded)".split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0]), grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        let cents = parts.count > 1 ? String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return (negative ? "-" : "") + (currency == "EUR" ? "€" : currency) + " " + integer + grouped + "." + cents
    }
}
