import Foundation

/// A governance gate from `expect:`: a bound a board wants the scenario to keep.
public struct Gate: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case lastGoLive(before: Day)
        case finish(before: Day)
        case npv(below: Decimal)
        case totalReal(below: Decimal)
        case legacyExtension(below: Decimal)
        case fit(product: Located<Identifier>, agency: Located<Identifier>, atLeast: Decimal)
        case p80(item: Located<String>, before: Day)
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
