import Foundation

/// The fit-gap engine's entry point: fits per product and agency, the three buying options and the awards.
public enum FitGap {
    /// `analysis` may be given when the caller needs it too (the cost projection does).
    public static func run(_ scenario: Scenario, analysis: FitGapAnalysis? = nil) -> FitGapResult {
        let analysis = analysis ?? FitGapAnalysis(scenario)
        var diagnostics = Diagnostics()
        let simulation = AwardSimulation(analysis)
        let awards = scenario.tenders.map { simulation.award($0, into: &diagnostics) }

        let products = analysis.products.map { product in
            FitGapResult.ProductFit(
                product: product,
                fit: Dictionary(uniqueKeysWithValues: analysis.agencies.map { ($0, analysis.fit(product, $0)) }),
                knockouts: Dictionary(uniqueKeysWithValues: analysis.agencies.map { ($0, analysis.knockouts(product, $0)) }),
                customisationDays: analysis.customisationDays(product, for: analysis.agencies))
        }

        var options: [FitGapResult.Option] = []
        let contractYears = scenario.tenders.map(\.award.contractYears).max() ?? 8
        if !analysis.products.isEmpty {
            // One product for all: the highest seat-weighted fit over all agencies, knock-outs or not.
            var best: (id: Identifier, key: Decimal)?
            for product in analysis.products {
                let key = ExactDecimal.tieKey(analysis.seatWeightedFit(analysis.agencies.map { ($0, product) }))
                if best == nil || key > best!.key || (key == best!.key && product < best!.id) { best = (product, key) }
            }
            let single = analysis.agencies.map { (agency: $0, product: best!.id) }
            options.append(option(.oneForAll, single, analysis, priceFor: distinctProductPrice(single, analysis, contractYears)))

            // Best per agency: each agency's highest fit without knock-outs (with them, when every product has some).
            let perAgency = analysis.agencies.map { agency in
                (agency: agency, product: analysis.bestProduct(for: agency, excludingKnockedOut: true)
                    ?? analysis.bestProduct(for: agency, excludingKnockedOut: false)!)
            }
            options.append(option(.bestPerAgency, perAgency, analysis, priceFor: distinctProductPrice(perAgency, analysis, contractYears)))
        }
        if !scenario.tenders.isEmpty {
            // Tenders as planned: each tender's winner for its agencies; agencies in no tender are left out.
            var assignment: [(agency: Identifier, product: Identifier)] = []
            var price = Decimal(0)
            for (tender, award) in zip(scenario.tenders, awards) {
                guard let winner = award.winner else { continue }
                for agency in tender.agencies.map(\.value) where analysis.agencyIndex[agency] != nil {
                    assignment.append((agency, winner))
                }
                price += award.bids.first { $0.product == winner }?.price
                    ?? analysis.tenderPrice(winner, for: tender.agencies.map(\.value), contractYears: tender.award.contractYears)
            }
            // Keep agency file order.
            let order = analysis.agencyIndex
            assignment.sort { order[$0.agency]! < order[$1.agency]! }
            options.append(option(.tendersAsPlanned, assignment, analysis, priceFor: price))
        }
        return FitGapResult(agencies: analysis.agencies, seats: analysis.seats, products: products, options: options,
                            awards: awards, diagnostics: diagnostics.sorted)
    }

    static func option(_ kind: FitGapResult.Option.Kind, _ assignment: [(agency: Identifier, product: Identifier)],
                       _ analysis: FitGapAnalysis, priceFor price: Decimal) -> FitGapResult.Option {
        FitGapResult.Option(
            kind: kind,
            assignment: Dictionary(assignment.map { ($0.agency, $0.product) }, uniquingKeysWith: { a, _ in a }),
            fit: analysis.seatWeightedFit(assignment),
            knockouts: Dictionary(assignment.map { ($0.agency, analysis.knockouts($0.product, $0.agency)) }, uniquingKeysWith: { a, _ in a }),
            price: price)
    }

    /// One tender price per distinct product, over the agencies assigned to it.
    static func distinctProductPrice(_ assignment: [(agency: Identifier, product: Identifier)], _ analysis: FitGapAnalysis,
                                     _ contractYears: Int) -> Decimal {
        var agenciesOf: [Identifier: [Identifier]] = [:]
        for (agency, product) in assignment { agenciesOf[product, default: []].append(agency) }
        return agenciesOf.keys.sorted().reduce(Decimal(0)) { total, product in
            total + analysis.tenderPrice(product, for: agenciesOf[product]!, contractYears: contractYears)
        }
    }
}
