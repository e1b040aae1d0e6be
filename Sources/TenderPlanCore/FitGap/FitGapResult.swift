import Foundation

/// Everything the fit-gap analysis finds: fits, knock-outs, options and awards.
public struct FitGapResult: Sendable {
    /// One product's fit for every agency.
    public struct ProductFit: Sendable {
        public var product: Identifier
        /// Fit per agency, in agency file order; exact.
        public var fit: [Identifier: Decimal]
        /// Knocked-out requirements per agency (every agency present, `[]` when none), in requirement file order.
        public var knockouts: [Identifier: [Identifier]]
        /// Customisation days over all agencies.
        public var customisationDays: Int
    }

    /// One way to buy: which product each agency gets, its seat-weighted fit, knock-outs and price.
    public struct Option: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case oneForAll = "one-for-all"
            case bestPerAgency = "best-per-agency"
            case tendersAsPlanned = "tenders-as-planned"
        }

        public var kind: Kind
        public var assignment: [Identifier: Identifier]
        public var fit: Decimal
        public var knockouts: [Identifier: [Identifier]]
        public var price: Decimal
    }

    /// One candidate's bid in a tender.
    public struct Bid: Sendable {
        public var product: Identifier
        public var admissible: Bool
        public var quality: Decimal
        public var price: Decimal
        /// The method's score (BPKV total, lowest/price, or fictitious price); nil when not admissible.
        public var score: Decimal?
        /// 1 for the best admissible bid; nil when not admissible.
        public var rank: Int?
        /// Knocked-out requirements per agency of the tender (only agencies with knock-outs).
        public var knockouts: [Identifier: [Identifier]]
    }

    /// The outcome of one tender.
    public struct Award: Sendable {
        public var tender: Identifier
        /// The winner: the `awarded:` product, else the best admissible bid; nil when no bid is admissible.
        public var winner: Identifier?
        public var isFixed: Bool
        /// Bids by rank, then id; inadmissible bids last.
        public var bids: [Bid]
        /// BPKV only: the quality weight nearest the tender's own at which the winner changes.
        public var switchAtQualityWeight: Decimal?
        public var switchTo: Identifier?
    }

    public var agencies: [Identifier]
    /// Seats per agency over all sites.
    public var seats: [Identifier: Int]
    public var products: [ProductFit]
    public var options: [Option]
    public var awards: [Award]
    /// Errors (no admissible bid) and warnings (an awarded product with knock-outs).
    public var diagnostics: [Diagnostic]

    /// The product a tender awards (for the plan and the costs), if any.
    public func winner(of tender: Identifier) -> Identifier? {
        awards.first { $0.tender == tender }?.winner
    }
}
