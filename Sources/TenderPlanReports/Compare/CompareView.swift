import Foundation
import TenderPlanCore

/// The view model of `tenderplan compare` for the Markdown and HTML templates: the scenarios side by side,
/// each after the first followed by its difference (Δ) against the first.
public struct CompareView: Sendable {
    public struct Scenario: Sendable {
        public var id: String
        public var title: String
    }

    public var t: [String: String]
    public var lang: String
    public var scenarios: [Scenario]
    public var dates: ReportTable
    public var amounts: ReportTable
    public var yearly: ReportTable
    /// The real costs per year of every scenario as grouped bars (SVG).
    public var yearlyChart: String
    public var fit: ReportTable
    public var knockouts: ReportTable?

    public init(_ comparison: ScenarioComparison, inputs: [ScenarioResults], language: Language, currency: String,
                escape: @escaping (String) -> String) {
        let text = ReportText(language)
        let format = LocalFormat(language: language, currency: currency)
        func l(_ key: String) -> String { text[key] }
        t = text.labels
        lang = language.rawValue
        scenarios = comparison.scenarios.map { Scenario(id: escape($0.id.raw), title: escape($0.title)) }
        let count = comparison.scenarios.count

        var headers: [(String, Bool)] = [(l("measure"), false)]
        for (index, scenario) in comparison.scenarios.enumerated() {
            headers.append((escape(scenario.id.raw), true))
            if index > 0 { headers.append(("\(l("difference")) \(escape(scenario.id.raw))", true)) }
        }
        func signed(_ text: String, positive: Bool) -> String { positive ? "+" + text : text }
        /// A row: the values, each after the first followed by its difference against the first.
        func row<Value>(_ label: String, _ values: [Value?], show: (Value) -> String, difference: (Value, Value) -> String) -> [ReportTable.Cell] {
            var cells = [ReportTable.text(label)]
            for index in 0..<count {
                cells.append(ReportTable.number(values[index].map(show) ?? "—"))
                if index > 0 {
                    if let base = values[0], let value = values[index] {
                        cells.append(ReportTable.number(difference(base, value)))
                    } else {
                        cells.append(ReportTable.number("—"))
                    }
                }
            }
            return cells
        }
        func dayDifference(_ base: Day, _ value: Day) -> String {
            let days = base.distance(to: value)
            return days == 0 ? "0" : signed(format.integer(days), positive: days > 0) + " " + l("days")
        }
        func moneyDifference(_ base: Decimal, _ value: Decimal) -> String {
            // The difference of the figures as shown (to the cent), so the columns add up for a reader.
            let difference = ExactDecimal.rounded(value, 2) - ExactDecimal.rounded(base, 2)
            return difference == 0 ? "0" : signed(format.money(difference), positive: difference > 0)
        }
        func dateLabel(_ key: String) -> String {
            if key.hasPrefix("retirement:") {
                let id = Identifier(String(key.dropFirst("retirement:".count)))
                let name = inputs.lazy.compactMap { $0.scenario.legacy.first { $0.id == id }?.name }.first ?? id.raw
                return l("retirement_of") + " " + escape(name)
            }
            return l(["finish": "programme_finish"][key] ?? key)
        }
        dates = ReportTable(headers: headers, rows: comparison.dates.map { measure in
            row(dateLabel(measure.key), measure.values, show: format.date, difference: dayDifference)
        })
        let amountLabels = ["total_real": "total_cost_real", "total_nominal": "total_cost_nominal", "npv": "npv_costs",
                            "legacy_extension": "legacy_extension_cost", "legacy_extension_p80": "legacy_extension_cost_p80_full",
                            "savings_gap": "savings_gap_total"]
        amounts = ReportTable(headers: headers, rows: comparison.amounts.map { measure in
            row(l(amountLabels[measure.key] ?? measure.key), measure.values, show: format.money, difference: moneyDifference)
        })
        var yearHeaders = headers
        yearHeaders[0] = (l("year"), false)
        yearly = ReportTable(caption: l("costs_per_year") + " (" + l("real").lowercased() + ")", headers: yearHeaders,
                             rows: zip(comparison.years, comparison.yearly).map { year, values in
                                 row(String(year), values, show: format.money, difference: moneyDifference)
                             })
        yearlyChart = GroupedBarChart(title: l("costs_per_year") + " (" + l("real").lowercased() + ")",
                                      categories: comparison.years.map(String.init),
                                      series: comparison.scenarios.indices.map { index in
                                          (name: escape(comparison.scenarios[index].id.raw), values: comparison.yearly.map { $0[index] })
                                      },
                                      format: format).render()
        func productName(_ id: Identifier) -> String {
            escape(inputs.lazy.compactMap { $0.scenario.products.first { $0.id == id }?.name }.first ?? id.raw)
        }
        func agencyName(_ id: Identifier) -> String {
            escape(inputs.lazy.compactMap { $0.scenario.agencies.first { $0.id == id }?.name }.first ?? id.raw)
        }
        var fitHeaders = headers
        fitHeaders[0] = (l("agency"), false)
        fit = ReportTable(headers: fitHeaders, rows: zip(comparison.agencies, comparison.fit).map { agency, values in
            row(agencyName(agency), values, show: { "\(productName($0.product)) \(format.fit($0.fit))" + ($0.knockouts.isEmpty ? "" : " ✗") },
                difference: { base, value in
                    let difference = value.fit - base.fit
                    return difference == 0 ? "0" : signed(format.fit(difference), positive: difference > 0)
                })
        })
        var knockoutRows: [[ReportTable.Cell]] = []
        for (a, agency) in comparison.agencies.enumerated() {
            for (s, value) in comparison.fit[a].enumerated() {
                guard let value, !value.knockouts.isEmpty else { continue }
                knockoutRows.append([ReportTable.text(escape(comparison.scenarios[s].id.raw)), ReportTable.text(agencyName(agency)),
                                     ReportTable.text(productName(value.product)),
                                     ReportTable.text(value.knockouts.map { escape($0.raw) }.joined(separator: ", "), tone: "bad")])
            }
        }
        knockouts = ReportTable(caption: l("knockouts_heading"), headers: [(l("scenario"), false), (l("agency"), false), (l("product"), false),
                                                                            (l("knockouts"), false)],
                                rows: knockoutRows.isEmpty ? [[ReportTable.text("—"), ReportTable.text(l("no_knockouts")), ReportTable.text(""), ReportTable.text("")]] : knockoutRows)
    }
}
