import Foundation
import TenderPlanCore

/// The cost projection in Markdown: totals and NPV, the yearly table, the legacy extension and the savings gap.
public enum CostsMarkdown {
    public static func render(_ scenario: Scenario, _ costs: CostResult, nominal: Bool) -> String {
        let currency = costs.currency
        func money(_ value: Decimal) -> String { NumberFormat.money(value, currency: currency) }
        let kind = nominal ? "nominal (indexed by \(NumberFormat.percent(scenario.info.priceIndex)) a year)" : "real (\(scenario.info.baseYear) prices)"
        var out = "# Costs: \(markdownCell(scenario.info.title))\n\n"
        out += "Scenario `\(scenario.info.id)`, \(scenario.info.baseYear)–\(scenario.info.horizon), money \(kind). "
        out += "NPV at a real discount rate of \(NumberFormat.percent(scenario.info.discountRate)), \(scenario.info.baseYear) undiscounted.\n\n"
        out += "| | total |\n|---|---:|\n"
        out += "| costs, real | \(money(costs.totalReal)) |\n| costs, nominal | \(money(costs.totalNominal)) |\n"
        out += "| net present value of the costs | \(money(costs.npv)) |\n| net present value of costs minus benefits | \(money(costs.npvNet)) |\n\n"

        if !costs.legacyExtension.isEmpty {
            out += "## Keeping the legacy system longer\n\n"
            out += "What each legacy system costs after its planned retirement, up to its retirement (real money, growth applied, not discounted, decommissioning left out), as planned and with the retirement moved later.\n\n"
            out += "| system | retirement moved by | retires on | extension cost |\n|---|---:|---|---:|\n"
            for row in costs.legacyExtension {
                let name = scenario.legacy.first { $0.id == row.legacy }?.name ?? row.legacy.raw
                out += "| \(markdownCell(name)) | \(row.months == 0 ? "as planned" : "\(row.months) months") | \(row.retirement) | \(money(row.cost)) |\n"
            }
            out += "\n"
        }

        out += "## Costs per year\n\n"
        let years = costs.years
        out += "| line | source | " + years.map { String($0.year) }.joined(separator: " | ") + " | total |\n"
        out += "|---|---|" + String(repeating: "---:|", count: years.count + 1) + "\n"
        let lineCount = years.first?.lines.count ?? 0
        for index in 0..<lineCount {
            let values = years.map { nominal ? $0.lines[index].nominal : $0.lines[index].real }
            let line = years[0].lines[index]
            out += "| \(markdownCell(line.name)) | `\(line.source)` | " + values.map(money).joined(separator: " | ") + " | \(money(values.reduce(0, +))) |\n"
        }
        let totals = years.map { nominal ? $0.nominal : $0.real }
        out += "| **total** | | " + totals.map { "**\(money($0))**" }.joined(separator: " | ") + " | **\(money(totals.reduce(0, +)))** |\n\n"

        out += "## Where the money goes\n\n"
        out += "Real money over \(scenario.info.baseYear)–\(scenario.info.horizon). A line shared by several agencies or tenders is split by their seats.\n\n"
        out += "| by source | real |\n|---|---:|\n"
        for entry in costs.bySource { out += "| \(entry.source) | \(money(entry.real)) |\n" }
        if !costs.byTender.isEmpty {
            out += "\n| by tender (product lines) | real |\n|---|---:|\n"
            for entry in costs.byTender {
                let title = scenario.tenders.first { $0.id == entry.tender }?.title ?? entry.tender.raw
                out += "| \(markdownCell(title)) (`\(entry.tender)`) | \(money(entry.real)) |\n"
            }
        }
        out += "\n| by agency | real |\n|---|---:|\n"
        for entry in costs.byAgency {
            let name = scenario.agencies.first { $0.id == entry.agency }?.name ?? entry.agency.raw
            out += "| \(markdownCell(name)) | \(money(entry.real)) |\n"
        }
        out += "\n"

        if years.contains(where: { $0.benefits != 0 || $0.savingsGap != nil }) {
            out += "## Benefits and the savings gap\n\n"
            out += "Benefits are real money, kept apart from the costs. The savings gap is the budgeted target minus the benefit realised: a temporary savings loss when positive.\n\n"
            out += "| year | benefits | savings gap | cumulative gap |\n|---:|---:|---:|---:|\n"
            for year in years {
                out += "| \(year.year) | \(money(year.benefits)) | \(year.savingsGap.map(money) ?? "—") | \(year.savingsGapCumulative.map(money) ?? "—") |\n"
            }
            out += "\n"
        }
        return out
    }
}
