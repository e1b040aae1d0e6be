import Foundation
import TenderPlanCore

/// The fit-gap tables as rows of cells, shared by the CSV, Markdown and HTML renderers.
public enum FitGapTable: String, CaseIterable, Sendable {
    case matrix, fit, options, bids

    /// Header and rows; numbers as numbers (fits to 3 decimals in reports, money to cents).
    public func rows(_ view: FitGapView) -> (header: [String], rows: [[CSVCell]]) {
        switch self {
        case .matrix:
            let header = ["area", "requirement", "title", "priority"] + view.products.map(\.id.raw)
            let rows = view.areas.flatMap { group in
                group.rows.map { row in
                    [CSVCell.text(group.area), .text(row.requirement.id.raw), .text(row.requirement.title), .text(row.priorityText)]
                        + row.levels.map { CSVCell.text($0.rawValue) }
                }
            }
            return (header, rows)
        case .fit:
            let header = ["product", "name"] + view.agencies.map(\.id.raw) + ["customisation_days", "knockouts"]
            let rows = view.result.products.map { product -> [CSVCell] in
                let knockouts = view.agencies.compactMap { agency -> String? in
                    let list = product.knockouts[agency.id] ?? []
                    return list.isEmpty ? nil : "\(agency.id): \(list.map(\.raw).joined(separator: " "))"
                }
                return [.text(product.product.raw), .text(view.productName(product.product))]
                    + view.agencies.map { CSVCell.number(NumberFormat.fit(product.fit[$0.id] ?? 0)) }
                    + [.number(String(product.customisationDays)), .text(knockouts.joined(separator: "; "))]
            }
            return (header, rows)
        case .options:
            let header = ["option", "name", "assignment", "fit", "knockouts", "price"]
            let rows = view.result.options.map { option -> [CSVCell] in
                let assignment = view.shownAssignment(option)
                let knockouts = assignment.filter { !$0.knockouts.isEmpty }
                    .map { "\($0.agency): \($0.knockouts.map(\.raw).joined(separator: " "))" }
                return [.text(option.kind.rawValue), .text(FitGapView.optionName(option.kind)),
                        .text(assignment.map { "\($0.agency)=\($0.product)" }.joined(separator: " ")),
                        .number(NumberFormat.fit(option.fit)), .text(knockouts.joined(separator: "; ")),
                        .number(DecimalFormat.plain(option.price, places: 2))]
            }
            return (header, rows)
        case .bids:
            let header = ["tender", "rank", "product", "admissible", "quality", "price", "score", "winner"]
            let rows = view.result.awards.flatMap { award in
                award.bids.map { bid -> [CSVCell] in
                    [.text(award.tender.raw), bid.rank.map { .number(String($0)) } ?? .empty, .text(bid.product.raw),
                     .text(bid.admissible ? "yes" : "no"), .number(NumberFormat.fit(bid.quality)),
                     .number(DecimalFormat.plain(bid.price, places: 2)),
                     bid.score.map { .number(DecimalFormat.plain($0, places: 3)) } ?? .empty,
                     .text(award.winner == bid.product ? "yes" : "no")]
                }
            }
            return (header, rows)
        }
    }

    public func csv(_ view: FitGapView) -> String {
        let (header, rows) = rows(view)
        return CSVWriter.render(header: header, rows: rows)
    }
}
