import Foundation

/// A risk event: a probability, a delay on one item and a cost.
public struct Risk: Sendable, Hashable {
    public var id: Identifier
    public var title: String
    public var probability: Decimal
    public var delay: RiskDelay?
    public var cost: Decimal?
    public var location: SourceLocation

    public init(id: Identifier, title: String? = nil, probability: Decimal, delay: RiskDelay? = nil,
                cost: Decimal? = nil, location: SourceLocation) {
        self.id = id
        self.title = title ?? id.raw
        self.probability = probability
        self.delay = delay
        self.cost = cost
        self.location = location
    }
}

/// The delay a risk adds to an item's duration when it occurs.
public struct RiskDelay: Sendable, Hashable {
    public var item: Located<Identifier>
    public var by: Estimate

    public init(item: Located<Identifier>, by: Estimate) {
        self.item = item
        self.by = by
    }
}
