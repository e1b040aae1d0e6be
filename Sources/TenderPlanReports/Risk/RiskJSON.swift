import Foundation
import TenderPlanCore

/// The risk output contract: dates as YYYY-MM-DD, money to cents, shares and correlations to 6 decimals.
public enum RiskJSON {
    public static func render(_ scenario: Scenario, _ risk: RiskResult, order: [String]) -> String {
        func dates(_ p: RiskResult.Percentiles<Day>) -> JSONValue {
            .object(["p10": .string(p.p10.iso), "p50": .string(p.p50.iso), "p80": .string(p.p80.iso), "p90": .string(p.p90.iso)])
        }
        func money(_ p: RiskResult.Percentiles<Decimal>) -> JSONValue {
            .object(["p10": .decimal(p.p10, places: 2), "p50": .decimal(p.p50, places: 2), "p80": .decimal(p.p80, places: 2), "p90": .decimal(p.p90, places: 2)])
        }
        func share(_ value: Double) -> JSONValue { .decimal(Decimal(string: String(format: "%.6f", value))!, places: 6) }
        let byId = Dictionary(uniqueKeysWithValues: risk.items.map { ($0.id, $0) })
        let items: [JSONValue] = order.compactMap { byId[$0] }.map { item in
            .object(["id": .string(item.id), "p10": .string(item.finish.p10.iso), "p50": .string(item.finish.p50.iso),
                     "p80": .string(item.finish.p80.iso), "p90": .string(item.finish.p90.iso), "criticality": share(item.criticality)])
        }
        return JSONValue.object([
            "scenario": .string(scenario.info.id.raw),
            "seed": .number(String(risk.seed)),
            "iterations": .int(risk.iterations),
            "items": .array(items),
            "finish": dates(risk.finish),
            "last_go_live": risk.lastGoLive.map(dates) ?? .null,
            "total_real": money(risk.totalReal),
            "npv": money(risk.npv),
            "legacy_extension": money(risk.legacyExtension),
            "drivers": .array(risk.drivers.map { driver in
                .object(["input": .string(driver.input), "finish_correlation": share(driver.finishCorrelation),
                         "cost_correlation": share(driver.costCorrelation)])
            }),
            "deadlines": .array(risk.deadlines.map { .object(["id": .string($0.id), "probability": share($0.probability)]) }),
            "curves": .object([
                "percent": .array((0...20).map { .int($0 * 5) }),
                "finish": .array(risk.finishCurve.map { .string($0.iso) }),
                "last_go_live": .array(risk.lastGoLiveCurve.map { .string($0.iso) }),
                "total_real": .array(risk.totalRealCurve.map { .decimal($0, places: 2) }),
            ]),
        ]).rendered()
    }
}

/// The risk report in Markdown: the key percentiles, the most critical items, the drivers and the deadlines.
public enum RiskMarkdown {
    public static func render(_ scenario: Scenario, _ risk: RiskResult, deterministic: PlanResult, currency: String) -> String {
        func money(_ value: Decimal) -> String { NumberFormat.money(value, currency: currency) }
        var out = "# Risk: \(markdownCell(scenario.info.title))\n\n"
        out += "\(risk.iterations) iterations, seed \(risk.seed). P80 means: in 80 % of the iterations the date or amount was this or better.\n\n"
        out += "| | plan | P10 | P50 | P80 | P90 |\n|---|---|---|---|---|---|\n"
        out += "| programme finish | \(deterministic.finish) | \(risk.finish.p10) | \(risk.finish.p50) | \(risk.finish.p80) | \(risk.finish.p90) |\n"
        if let last = risk.lastGoLive, let planned = deterministic.lastGoLive {
            out += "| last go-live | \(planned) | \(last.p10) | \(last.p50) | \(last.p80) | \(last.p90) |\n"
        }
        out += "| total cost (real) | | \(money(risk.totalReal.p10)) | \(money(risk.totalReal.p50)) | \(money(risk.totalReal.p80)) | \(money(risk.totalReal.p90)) |\n"
        out += "| NPV | | \(money(risk.npv.p10)) | \(money(risk.npv.p50)) | \(money(risk.npv.p80)) | \(money(risk.npv.p90)) |\n"
        out += "| legacy extension cost | | \(money(risk.legacyExtension.p10)) | \(money(risk.legacyExtension.p50)) | \(money(risk.legacyExtension.p80)) | \(money(risk.legacyExtension.p90)) |\n\n"

        let critical = risk.items.filter { $0.criticality > 0 }.sorted { ($0.criticality, $1.id) > ($1.criticality, $0.id) }.prefix(15)
        if !critical.isEmpty {
            out += "## Most critical items\n\nShare of iterations in which the item was on the critical path.\n\n| item | criticality | P50 finish | P80 finish |\n|---|---:|---|---|\n"
            for item in critical { out += "| `\(item.id)` | \(String(format: "%.1f", item.criticality * 100)) % | \(item.finish.p50) | \(item.finish.p80) |\n" }
            out += "\n"
        }
        if !risk.drivers.isEmpty {
            out += "## Drivers\n\nRank correlation of each uncertain input with the programme finish and with the total cost (1 = moves it in step).\n\n"
            out += "| input | finish | cost |\n|---|---:|---:|\n"
            for driver in risk.drivers.prefix(15) {
                out += "| \(markdownCell(driver.input)) | \(String(format: "%.3f", driver.finishCorrelation)) | \(String(format: "%.3f", driver.costCorrelation)) |\n"
            }
            out += "\n"
        }
        if !risk.deadlines.isEmpty {
            out += "## Deadlines\n\n| item | deadline | chance of meeting it |\n|---|---|---:|\n"
            for deadline in risk.deadlines { out += "| `\(deadline.id)` | \(deadline.deadline) | \(String(format: "%.1f", deadline.probability * 100)) % |\n" }
            out += "\n"
        }
        return out
    }
}
