import Foundation
import TenderPlanCore

/// The comparison for tools: dates as YYYY-MM-DD, money to cents, differences against the first scenario.
public enum CompareJSON {
    public static func render(_ comparison: ScenarioComparison) -> String {
        func measures<Value>(_ list: [ScenarioComparison.Measure<Value>], value: (Value) -> JSONValue,
                             difference: (Value, Value) -> JSONValue) -> JSONValue {
            .array(list.map { measure in
                .object([
                    "measure": .string(measure.key),
                    "values": .array(measure.values.map { $0.map(value) ?? .null }),
                    "difference": .array(measure.values.map { current in
                        guard let base = measure.values[0], let current else { return .null }
                        return difference(base, current)
                    }),
                ])
            })
        }
        let money: (Decimal) -> JSONValue = { .decimal($0, places: 2) }
        // The difference of the figures as written (to the cent), so they add up for a reader.
        let centsDifference: (Decimal, Decimal) -> JSONValue = { .decimal(ExactDecimal.rounded($1, 2) - ExactDecimal.rounded($0, 2), places: 2) }
        return JSONValue.object([
            "scenarios": .array(comparison.scenarios.map { .object(["id": .string($0.id.raw), "title": .string($0.title)]) }),
            "dates": measures(comparison.dates, value: { .string($0.iso) }, difference: { .int($0.distance(to: $1)) }),
            "amounts": measures(comparison.amounts, value: money, difference: centsDifference),
            "years": measures(zip(comparison.years, comparison.yearly).map { ScenarioComparison.Measure(key: String($0), values: $1) },
                              value: money, difference: centsDifference),
            "fit": .array(zip(comparison.agencies, comparison.fit).map { agency, values in
                .object([
                    "agency": .string(agency.raw),
                    "values": .array(values.map { entry in
                        entry.map { .object(["product": .string($0.product.raw), "fit": .decimal($0.fit, places: 6),
                                             "knockouts": .array($0.knockouts.map { .string($0.raw) })]) } ?? .null
                    }),
                ])
            }),
        ]).rendered()
    }
}
