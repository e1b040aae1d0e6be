import Foundation

/// A cost or benefit line: an amount, what it is multiplied by, how often, and when.
public struct CostLine: Sendable, Hashable {
    /// What the amount is multiplied by.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        case none, user, site, product
        case effortDay = "effort_day"
    }

    /// How often the amount falls due.
    public enum Recurrence: String, Sendable, Hashable, CaseIterable {
        case once, year, month
    }

    public var name: String
    public var amount: Decimal
    public var per: Basis
    public var every: Recurrence
    public var from: Located<CostEvent>?
    /// `after: planned_retirement` (legacy lines only): counts from the day after the planned retirement.
    public var afterPlannedRetirement: SourceLocation?
    public var until: Located<CostEvent>?
    public var growth: Decimal
    public var uncertainty: Uncertainty?
    /// Benefits: the linear ramp to the full amount, in calendar units.
    public var ramp: PlanDuration?
    /// Benefits: when the full amount was budgeted (for the savings gap).
    public var targetFrom: Day?
    public var location: SourceLocation

    public init(name: String, amount: Decimal, per: Basis = .none, every: Recurrence = .once,
                from: Located<CostEvent>? = nil, afterPlannedRetirement: SourceLocation? = nil,
                until: Located<CostEvent>? = nil, growth: Decimal = 0, uncertainty: Uncertainty? = nil,
                ramp: PlanDuration? = nil, targetFrom: Day? = nil, location: SourceLocation) {
        self.name = name
        self.amount = amount
        self.per = per
        self.every = every
        self.from = from
        self.afterPlannedRetirement = afterPlannedRetirement
        self.until = until
        self.growth = growth
        self.uncertainty = uncertainty
        self.ramp = ramp
        self.targetFrom = targetFrom
        self.location = location
    }
}

/// A relative spread of a cost line's amount, for risk (`{low: -10%, high: 40%}`).
public struct Uncertainty: Sendable, Hashable {
    public var low: Decimal
    public var high: Decimal

    public init(low: Decimal, high: Decimal) {
        self.low = low
        self.high = high
    }
}

/// When a cost line starts or ends: a date or an event of the plan.
public enum CostEvent: Sendable, Hashable, CustomStringConvertible {
    case date(Day)
    /// The contract milestone of the tender that awarded the product.
    case contract
    /// The cutover of each go-live of the product.
    case goLive
    /// The latest cutover of the plan.
    case lastGoLive
    /// The legacy system's computed retirement day.
    case retirement
    /// The legacy system's planned retirement day.
    case plannedRetirement
    /// An item of the plan: `<id>`, `<id>.start`, `<id>.finish`, `<id>.<part>`.
    case item(Reference)

    public var description: String {
        switch self {
        case .date(let day): return day.iso
        case .contract: return "contract"
        case .goLive: return "go_live"
        case .lastGoLive: return "last_go_live"
        case .retirement: return "retirement"
        case .plannedRetirement: return "planned_retirement"
        case .item(let reference): return reference.description
        }
    }
}
