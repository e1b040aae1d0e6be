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
    public var diagnostics: [Diagnostic]
}
