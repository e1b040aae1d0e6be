/// The unit of a duration: working days and weeks, or calendar days, weeks, months and years.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    case workingDays = "d"
    case workingWeeks = "w"
    case calendarDays = "cd"
    case calendarWeeks = "cw"
    case months = "mo"
    case years = "y"

    /// True for `d` and `w`, which count working days of a calendar.
    public var isWorking: Bool { self == .workingDays || self == .workingWeeks }
}

/// A duration as written: `60d`, `3w`, `30cd`, `2cw`, `6mo`, `1y`. Zero makes a milestone.
public struct PlanDuration: Sendable, Hashable, CustomStringConvertible {
    // 32-bit storage keeps durations small; the parser caps amounts far below its range.
    private var storedAmount: Int32
    public var unit: DurationUnit

    public var amount: Int {
        get { Int(storedAmount) }
        set { storedAmount = Int32(clamping: newValue) }
    }

    public init(_ amount: Int, _ unit: DurationUnit) {
        storedAmount = Int32(clamping: amount)
        self.unit = unit
    }

    public var isZero: Bool { amount == 0 }

    /// Working days for `d`/`w` (a week is 5), nil for calendar units.
    public var workingDays: Int? {
        switch unit {
        case .workingDays: return amount
        case .workingWeeks: return amount * 5
        default: return nil
        }
    }

    /// Calendar days for `cd`/`cw`, nil for other units.
    public var calendarDays: Int? {
        switch unit {
        case .calendarDays: return amount
        case .calendarWeeks: return amount * 7
        default: return nil
        }
    }

    /// Months for `mo`/`y`, nil for other units.
    public var months: Int? {
        switch unit {
        case .months: return amount
        case .years: return amount * 12
        default: return nil
        }
    }

    public var description: String { "\(amount)\(unit.rawValue)" }
}

/// A three-point estimate for risk analysis; all three values in one unit.
public struct Estimate: Sendable, Hashable {
    public enum Distribution: String, Sendable, Hashable, CaseIterable {
        case pert, triangular
    }

    public var optimistic: PlanDuration
    public var likely: PlanDuration
    public var pessimistic: PlanDuration
    public var distribution: Distribution
    public var location: SourceLocation

    public init(optimistic: PlanDuration, likely: PlanDuration, pessimistic: PlanDuration,
                distribution: Distribution = .pert, location: SourceLocation) {
        self.optimistic = optimistic
        self.likely = likely
        self.pessimistic = pessimistic
        self.distribution = distribution
        self.location = location
    }
}
