import Foundation
import TenderPlanCore

/// The costs output contract: money to cents (half-even), years ascending, lines in scenario order.
public enum CostsJSON {
    public static func render(_ scenario: Scenario, _ costs: CostResult) -> String {
        func money(_ value: Decimal) -> JSONValue { .decimal(value, places: 2) }
        let years: [JSONValue] = costs.years.map { year in
            .object([
                "year": .int(year.year),
                "real": money(year.real),
                "nominal": money(year.nominal),
                "benefits": money(year.benefits),
                "savings_gap": year.savingsGap.map(money) ?? .null,
                "savings_gap_cumulative": year.savingsGapCumulative.map(money) ?? .null,
                "lines": .array(year.lines.map { line in
                    .object(["name": .string(line.name), "source": .string(line.source), "real": money(line.real), "nominal": money(line.nominal)])
                }),
            ])
        }
        return JSONValue.object([
            "scenario": .string(scenario.info.id.raw),
            "currency": .string(costs.currency),
            "years": .array(years),
            "total_real": money(costs.totalReal),
            "total_nominal": money(costs.totalNominal),
            "npv": money(costs.npv),
            "npv_net": money(costs.npvNet),
            "breakdown": .object([
                "by_source": .object(Dictionary(uniqueKeysWithValues: costs.bySource.map { ($0.source, money($0.real)) })),
                "by_tender": .object(Dictionary(uniqueKeysWithValues: costs.byTender.map { ($0.tender.raw, money($0.real)) })),
                "by_agency": .object(Dictionary(uniqueKeysWithValues: costs.byAgency.map { ($0.agency.raw, money($0.real)) })),
            ]),
            "legacy_extension": .array(costs.legacyExtension.map { row in
                .object(["legacy": .string(row.legacy.raw), "months": .int(row.months), "cost": money(row.cost)])
            }),
        ]).rendered()
    }
}

/// The yearly cost table as CSV: one row per line and year, then the totals per year.
public enum CostsCSV {
    public static func render(_ costs: CostResult, nominal: Bool) -> String {
        var rows: [[CSVCell]] = []
        for year in costs.years {
            for line in year.lines {
                rows.append([.number(String(year.year)), .text(line.source), .text(line.name),
                             .number(DecimalFormat.plain(nominal ? line.nominal : line.real, places: 2))])
            }
        }
        for year in costs.years {
            rows.append([.number(String(year.year)), .text("total"), .text("costs"), .number(DecimalFormat.plain(nominal ? year.nominal : year.real, places: 2))])
            rows.append([.number(String(year.year)), .text("total"), .text("benefits"), .number(DecimalFormat.plain(year.benefits, places: 2))])
            if let gap = year.savingsGap {
                rows.append([.number(String(year.year)), .text("total"), .text("savings gap"), .number(DecimalFormat.plain(gap, places: 2))])
            }
        }
        return CSVWriter.render(header: ["year", "source", "line", nominal ? "nominal" : "real"], rows: rows)
    }
}
