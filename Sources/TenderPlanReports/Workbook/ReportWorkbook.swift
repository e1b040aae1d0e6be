import Foundation
import TenderPlanCore

/// The workbook of a report bundle: sheets Fit-gap, Fit, Options, Bids, Plan, Costs and Risk, with the same
/// columns as the bundle's CSV files (so a filter or a pivot built on one works on the other).
public enum ReportWorkbook {
    public static func sheets(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult, costs: CostResult,
                              risk: RiskResult?) -> [XLSXSheet] {
        let view = FitGapView(scenario: scenario, result: fitGap)
        func fromTable(_ name: String, _ table: FitGapTable, widths: (String) -> Int) -> XLSXSheet {
            let (header, rows) = table.rows(view)
            // Money columns get the currency format; every other number stays a plain number.
            let money = Set(header.indices.filter { header[$0] == "price" })
            return XLSXSheet(name: name, columns: header.map { ($0, widths($0)) }, rows: rows.map { row in
                row.enumerated().map { index, value in
                    if money.contains(index), case .number(let n) = cell(value) { return .money(n) }
                    return cell(value)
                }
            })
        }
        let textWidths: [String: Int] = ["title": 48, "name": 30, "assignment": 60, "knockouts": 40, "area": 18, "requirement": 18]
        let width: (String) -> Int = { textWidths[$0] ?? 14 }
        var sheets = [
            fromTable("Fit-gap", .matrix, widths: width),
            fromTable("Fit", .fit, widths: width),
            fromTable("Options", .options, widths: width),
            fromTable("Bids", .bids, widths: width),
        ]

        let late = Dictionary(plan.late.map { ($0.item.id, $0.days) }, uniquingKeysWith: { a, _ in a })
        sheets.append(XLSXSheet(
            name: "Plan",
            columns: [("id", 28), ("title", 48), ("kind", 14), ("start", 12), ("finish", 12), ("duration_days", 14),
                      ("total_slack_days", 16), ("critical", 10), ("deadline", 12), ("days_late", 10)],
            rows: plan.ordered.map { item in
                [.text(item.id), .text(item.title), .text(item.kind.rawValue), .date(item.start), .date(item.finish),
                 .number(Decimal(item.durationDays)), .number(Decimal(item.totalSlackDays)), .text(item.critical ? "yes" : "no"),
                 item.deadline.map(XLSXCell.date) ?? .empty, late[item.id].map { .number(Decimal($0)) } ?? .empty]
            }))

        sheets.append(XLSXSheet(
            name: "Costs",
            columns: [("year", 8), ("line", 40), ("source", 26), ("real", 18), ("nominal", 18)],
            rows: costs.years.flatMap { year in
                year.lines.map { line in
                    [.number(Decimal(year.year)), .text(line.name), .text(line.source), .money(line.real), .money(line.nominal)]
                }
            }))

        var riskRows: [[XLSXCell]] = []
        if let risk {
            func dates(_ name: String, _ planned: Day?, _ p: RiskResult.Percentiles<Day>) -> [XLSXCell] {
                [.text(name), planned.map(XLSXCell.date) ?? .empty, .date(p.p10), .date(p.p50), .date(p.p80), .date(p.p90), .empty]
            }
            func money(_ name: String, _ planned: Decimal, _ p: RiskResult.Percentiles<Decimal>) -> [XLSXCell] {
                [.text(name), .money(planned), .money(p.p10), .money(p.p50), .money(p.p80), .money(p.p90), .empty]
            }
            riskRows.append(dates("finish", plan.finish, risk.finish))
            if let last = risk.lastGoLive { riskRows.append(dates("last_go_live", plan.lastGoLive, last)) }
            riskRows.append(money("total_real", costs.totalReal, risk.totalReal))
            riskRows.append(money("npv", costs.npv, risk.npv))
            let extensionCost = costs.legacyExtension.filter { $0.months == 0 }.reduce(Decimal(0)) { $0 + $1.cost }
            riskRows.append(money("legacy_extension", extensionCost, risk.legacyExtension))
            let byId = Dictionary(uniqueKeysWithValues: risk.items.map { ($0.id, $0) })
            for item in plan.ordered {
                guard let drawn = byId[item.id] else { continue }
                riskRows.append([.text(item.id), .date(item.finish), .date(drawn.finish.p10), .date(drawn.finish.p50), .date(drawn.finish.p80),
                                 .date(drawn.finish.p90), .fraction(rounded(drawn.criticality))])
            }
        }
        sheets.append(XLSXSheet(name: "Risk",
                                columns: [("measure", 30), ("plan", 16), ("p10", 16), ("p50", 16), ("p80", 16), ("p90", 16), ("criticality", 12)],
                                rows: riskRows))
        return sheets
    }

    /// A CSV table cell as a workbook cell: numbers stay numbers.
    static func cell(_ value: CSVCell) -> XLSXCell {
        switch value {
        case .empty: return .empty
        case .text(let text): return .text(text)
        case .number(let text): return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map(XLSXCell.number) ?? .text(text)
        }
    }

    static func rounded(_ share: Double) -> Decimal { Decimal(string: String(format: "%.6f", share)) ?? 0 }
}
