import Foundation
import TenderPlanCore

/// The fit-gap report in Markdown: fit per product and agency, the options, the awards and the matrix.
public enum FitGapMarkdown {
    public static func render(_ view: FitGapView) -> String {
        let scenario = view.scenario
        var out = "# Fit-gap: \(markdownCell(scenario.info.title))\n\n"
        out += "Scenario `\(scenario.info.id)` · \(scenario.requirements.count) requirements · \(scenario.products.count) products · \(scenario.agencies.count) agencies.\n"
        out += "Fit is the weighted share of an agency's requirements a product covers (1 = all at standard level). "
        out += "✗ marks a knock-out: a requirement of priority \(scenario.scoring.knockout.rawValue) or stricter that the product does not cover at all.\n\n"

        out += "## Fit per product and agency\n\n"
        out += "| product | " + view.agencies.map { markdownCell($0.name) }.joined(separator: " | ") + " | customisation days |\n"
        out += "|---|" + String(repeating: "---:|", count: view.agencies.count) + "---:|\n"
        var knockoutLines: [String] = []
        for product in view.result.products {
            let cells = view.agencies.map { agency -> String in
                let knocked = !(product.knockouts[agency.id] ?? []).isEmpty
                return NumberFormat.fit(product.fit[agency.id] ?? 0) + (knocked ? " ✗" : "")
            }
            out += "| \(markdownCell(view.productName(product.product))) (`\(product.product)`) | " + cells.joined(separator: " | ") + " | \(product.customisationDays) |\n"
            for agency in view.agencies {
                let list = product.knockouts[agency.id] ?? []
                if !list.isEmpty {
                    knockoutLines.append("- `\(product.product)` for \(markdownCell(agency.name)): " + list.map { "`\($0)`" }.joined(separator: ", "))
                }
            }
        }
        out += "\n"
        if !knockoutLines.isEmpty { out += "Knock-outs:\n\n" + knockoutLines.joined(separator: "\n") + "\n\n" }

        out += "## Buying options\n\n"
        out += "| option | who gets what | seat-weighted fit | knock-outs | price (\(view.currency), base year, undiscounted) |\n"
        out += "|---|---|---:|---|---:|\n"
        for option in view.result.options {
            let assignment = view.shownAssignment(option)
            let who = Dictionary(grouping: assignment, by: \.product).sorted { $0.key < $1.key }
                .map { "`\($0.key)`: " + $0.value.map { markdownCell(view.agencyName($0.agency)) }.joined(separator: ", ") }
                .joined(separator: "; ")
            let knockouts = assignment.filter { !$0.knockouts.isEmpty }
                .map { "\(markdownCell(view.agencyName($0.agency))) \($0.knockouts.count)" }.joined(separator: ", ")
            out += "| \(FitGapView.optionName(option.kind)) | \(who) | \(NumberFormat.fit(option.fit)) | \(knockouts.isEmpty ? "none" : knockouts) | \(NumberFormat.money(option.price, currency: view.currency)) |\n"
        }
        out += "\n"

        if !view.result.awards.isEmpty { out += "## Awards\n\n" }
        for award in view.result.awards {
            guard let tender = view.tender(award.tender) else { continue }
            out += "### \(markdownCell(tender.title)) (`\(tender.id)`)\n\n"
            out += "Agencies: " + tender.agencies.map { markdownCell(view.agencyName($0.value)) }.joined(separator: ", ") + ". Method: \(view.methodText(tender)).\n\n"
            out += "| rank | product | quality | price | score |\n|---:|---|---:|---:|---:|\n"
            for bid in award.bids {
                let name = "\(markdownCell(view.productName(bid.product))) (`\(bid.product)`)" + (bid.product == award.winner ? " **winner**" : "")
                let rank = bid.rank.map(String.init) ?? "knocked out"
                let score = bid.score.map { tender.award.method == .fictitiousDiscount ? NumberFormat.money($0, currency: view.currency) : DecimalFormat.plain($0, places: 3) } ?? "—"
                out += "| \(rank) | \(name) | \(NumberFormat.fit(bid.quality)) | \(NumberFormat.money(bid.price, currency: view.currency)) | \(score) |\n"
            }
            out += "\n" + view.sensitivityText(award) + "\n\n"
        }

        out += "## Requirements × products\n\n"
        for group in view.areas {
            out += "### \(markdownCell(group.area))\n\n"
            out += "| requirement | priority | " + view.products.map { "`\($0.id)`" }.joined(separator: " | ") + " |\n"
            out += "|---|---|" + String(repeating: "---|", count: view.products.count) + "\n"
            for row in group.rows {
                out += "| \(markdownCell(row.requirement.title)) (`\(row.requirement.id)`) | \(markdownCell(row.priorityText)) | "
                    + row.levels.map(\.rawValue).joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }
}
