import Foundation

/// The cost projection: yearly real and nominal costs per line, benefits, the savings gap, NPV,
/// and what keeping each legacy system longer costs.
public struct CostResult: Sendable {
    /// One line's figures in one year.
    public struct LineYear: Sendable {
        public var name: String
        /// `product:ID`, `legacy:ID` or `coexistence:ID`.
        public var source: String
        public var real: Decimal
        public var nominal: Decimal
    }

    public struct Year: Sendable {
        public var year: Int
        public var real: Decimal
        public var nominal: Decimal
        public var benefits: Decimal
        /// Target minus realised benefit, over the lines with `target_from`; nil when no line has one.
        public var savingsGap: Decimal?
        public var savingsGapCumulative: Decimal?
        public var lines: [LineYear]
    }

    /// The legacy extension with the retirement moved by `months` (0 is the plan itself).
    public struct Extension: Sendable {
        public var legacy: Identifier
        public var months: Int
        public var retirement: Day
        public var cost: Decimal
    }

    public var currency: String
    public var years: [Year]
    public var totalReal: Decimal
    public var totalNominal: Decimal
    public var npv: Decimal
    public var npvNet: Decimal
    public var legacyExtension: [Extension]
    /// Real costs over the projection per tender (product lines only; a product awarded by several
    /// tenders is split by their seats), in tender order.
    public var byTender: [(tender: Identifier, real: Decimal)]
    /// Real costs over the projection per agency (each charge split by the seats of the agencies it serves), in agency order.
    public var byAgency: [(agency: Identifier, real: Decimal)]
    public var diagnostics: [Diagnostic]

    /// Real costs over the projection per kind of source: `product`, `legacy`, `coexistence`.
    public var bySource: [(source: String, real: Decimal)] {
        var totals: [String: Decimal] = [:]
        for year in years { for line in year.lines { totals[String(line.source.prefix { $0 != ":" }), default: 0] += line.real } }
        return ["product", "legacy", "coexistence"].compactMap { kind in totals[kind].map { (kind, $0) } }
    }
}
