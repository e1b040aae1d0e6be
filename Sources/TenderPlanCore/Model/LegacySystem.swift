import Foundation

/// The system being replaced, what it costs to keep, and when it can be retired.
public struct LegacySystem: Sendable, Hashable {
    public enum Retirement: Sendable, Hashable {
        /// A fixed retirement day.
        case on(Day)
        /// After these references, with an optional lag.
        case after([Reference], plus: PlanDuration?)
    }

    public var id: Identifier
    public var name: String
    public var plannedRetirement: Day?
    public var retire: Retirement
    public var costs: [CostLine]
    public var coexistence: [CostLine]
    public var decommission: Decimal?
    public var calendar: Located<Identifier>?
    public var location: SourceLocation

    public init(id: Identifier, name: String? = nil, plannedRetirement: Day? = nil, retire: Retirement? = nil,
                costs: [CostLine] = [], coexistence: [CostLine] = [], decommission: Decimal? = nil,
                calendar: Located<Identifier>? = nil, location: SourceLocation) {
        self.id = id
        self.name = name ?? id.raw
        self.plannedRetirement = plannedRetirement
        self.retire = retire ?? .after([Reference(target: "last_go_live", location: location)], plus: nil)
        self.costs = costs
        self.coexistence = coexistence
        self.decommission = decommission
        self.calendar = calendar
        self.location = location
    }
}
