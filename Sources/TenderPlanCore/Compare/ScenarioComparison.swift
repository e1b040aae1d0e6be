import Foundation

/// Scenarios side by side: key dates, costs per year and in total, and what each agency gets (product, fit,
/// knock-outs). The first scenario is the baseline; reports show the others' differences against it.
public struct ScenarioComparison: Sendable {
    /// A measure with one value per scenario (nil where a scenario has none, e.g. no go-lives).
    public struct Measure<Value: Sendable>: Sendable {
        public var key: String
        public var values: [Value?]

        public init(key: String, values: [Value?]) {
            self.key = key
            self.values = values
        }
    }

    /// What one agency gets in one scenario: the product of its tender, that product's fit, and the must-haves it misses.
    public struct AgencyFit: Sendable {
        public var product: Identifier
        public var fit: Decimal
        public var knockouts: [Identifier]
    }

    public var scenarios: [(id: Identifier, title: String)]
    /// Keys: `first_go_live`, `last_go_live`, `last_go_live_p50`, `last_go_live_p80` (with a risk run),
    /// `retirement:<legacy id>`, `finish`.
    public var dates: [Measure<Day>]
    /// Keys: `total_real`, `total_nominal`, `npv`, `npv_net`, `legacy_extension`, `legacy_extension_p80` (with a risk run),
    /// `savings_gap`.
    public var amounts: [Measure<Decimal>]
    public var years: [Int]
    /// Real costs per year (outer: `years`), one value per scenario.
    public var yearly: [[Decimal?]]
    /// Agencies in order of first appearance.
    public var agencies: [Identifier]
    /// Per agency (outer: `agencies`), one value per scenario.
    public var fit: [[AgencyFit?]]

    public init(_ inputs: [ScenarioResults]) {
        scenarios = inputs.map { ($0.scenario.info.id, $0.scenario.info.title) }
        func dates(_ key: String, _ value: (ScenarioResults) -> Day?) -> Measure<Day> { Measure(key: key, values: inputs.map(value)) }
        var dateRows = [
            dates("first_go_live") { $0.plan.items.filter { $0.kind == .cutover }.map(\.finish).min() },
            dates("last_go_live") { $0.plan.lastGoLive },
        ]
        if inputs.contains(where: { $0.risk != nil }) {
            dateRows.append(dates("last_go_live_p50") { $0.risk?.lastGoLive?.p50 })
            dateRows.append(dates("last_go_live_p80") { $0.risk?.lastGoLive?.p80 })
        }
        var legacyIds: [Identifier] = []
        for input in inputs { for system in input.scenario.legacy where !legacyIds.contains(system.id) { legacyIds.append(system.id) } }
        for id in legacyIds {
            dateRows.append(dates("retirement:\(id.raw)") { input in
                input.scenario.legacy.firstIndex { $0.id == id }.map { input.plan.items[input.plan.network.retirements[$0]].finish }
            })
        }
        dateRows.append(dates("finish") { $0.plan.finish })
        self.dates = dateRows

        func amount(_ key: String, _ value: (ScenarioResults) -> Decimal?) -> Measure<Decimal> { Measure(key: key, values: inputs.map(value)) }
        var amountRows = [
            amount("total_real") { $0.costs.totalReal },
            amount("total_nominal") { $0.costs.totalNominal },
            amount("npv") { $0.costs.npv },
            amount("npv_net") { $0.costs.npvNet },
            amount("legacy_extension") { $0.costs.legacyExtension.filter { $0.months == 0 }.reduce(0) { $0 + $1.cost } },
        ]
        if inputs.contains(where: { $0.risk != nil }) { amountRows.append(amount("legacy_extension_p80") { $0.risk?.legacyExtension.p80 }) }
        amountRows.append(amount("savings_gap") { input in
            let gaps = input.costs.years.compactMap(\.savingsGap)
            return gaps.isEmpty ? nil : gaps.reduce(0, +)
        })
        amounts = amountRows

        years = Array(Set(inputs.flatMap { $0.costs.years.map(\.year) })).sorted()
        yearly = years.map { year in inputs.map { input in input.costs.years.first { $0.year == year }?.real } }

        var agencyIds: [Identifier] = []
        for input in inputs { for agency in input.scenario.agencies where !agencyIds.contains(agency.id) { agencyIds.append(agency.id) } }
        agencies = agencyIds
        fit = agencyIds.map { agency in
            inputs.map { input -> AgencyFit? in
                guard let planned = input.fitGap.options.first(where: { $0.kind == .tendersAsPlanned }),
                      let product = planned.assignment[agency],
                      let fit = input.fitGap.products.first(where: { $0.product == product })?.fit[agency] else { return nil }
                return AgencyFit(product: product, fit: fit, knockouts: planned.knockouts[agency] ?? [])
            }
        }
    }
}
