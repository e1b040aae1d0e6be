import Foundation
import TenderPlanCore

/// The fit-gap output contract: keys sorted, every key present, fits and scores to 6 decimals, money to cents.
public enum FitGapJSON {
    public static func render(_ view: FitGapView) -> String {
        let result = view.result
        let shown = view.agencies.map(\.id)
        let products: [JSONValue] = result.products.map { product in
            .object([
                "id": .string(product.product.raw),
                "fit": .object(Dictionary(uniqueKeysWithValues: shown.map { ($0.raw, fraction(product.fit[$0] ?? 0)) })),
                "knockouts": .object(Dictionary(uniqueKeysWithValues: shown.map { ($0.raw, ids(product.knockouts[$0] ?? [])) })),
                "customisation_days": .int(product.customisationDays),
            ])
        }
        let requirements: [JSONValue] = view.rowsInFileOrder.map { row in
            .object([
                "id": .string(row.requirement.id.raw),
                "coverage": .object(Dictionary(uniqueKeysWithValues: zip(view.products, row.levels).map { ($0.id.raw, .string($1.rawValue)) })),
            ])
        }
        let options: [JSONValue] = result.options.map { option in
            let assignment = view.shownAssignment(option)
            return .object([
                "id": .string(option.kind.rawValue),
                "name": .string(FitGapView.optionName(option.kind)),
                "assignment": .object(Dictionary(uniqueKeysWithValues: assignment.map { ($0.agency.raw, .string($0.product.raw)) })),
                "fit": fraction(option.fit),
                "knockouts": .object(Dictionary(uniqueKeysWithValues: assignment.map { ($0.agency.raw, ids($0.knockouts)) })),
                "cost": money(option.price),
            ])
        }
        let awards: [JSONValue] = result.awards.map { award in
            .object([
                "tender": .string(award.tender.raw),
                "winner": .optional(award.winner?.raw),
                "bids": .array(award.bids.map { bid in
                    .object([
                        "product": .string(bid.product.raw),
                        "admissible": .bool(bid.admissible),
                        "quality": fraction(bid.quality),
                        "price": money(bid.price),
                        "score": bid.score.map(fraction) ?? .null,
                        "rank": bid.rank.map(JSONValue.int) ?? .null,
                    ])
                }),
                "switch_at_quality_weight": award.switchAtQualityWeight.map(fraction) ?? .null,
                "switch_to": .optional(award.switchTo?.raw),
            ])
        }
        return JSONValue.object([
            "scenario": .string(view.scenario.info.id.raw),
            "products": .array(products),
            "requirements": .array(requirements),
            "options": .array(options),
            "awards": .array(awards),
        ]).rendered()
    }

    static func fraction(_ value: Decimal) -> JSONValue { .decimal(value, places: 6) }
    static func money(_ value: Decimal) -> JSONValue { .decimal(value, places: 2) }
    static func ids(_ list: [Identifier]) -> JSONValue { .array(list.map { .string($0.raw) }) }
}
