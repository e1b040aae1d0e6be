/// A working-day calendar as written: a built-in base, extra holidays and freeze periods.
public struct CalendarDefinition: Sendable, Hashable {
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case nl
        case monFri = "mon-fri"
    }

    public var id: Identifier
    public var base: Base
    public var holidays: [Day]
    public var freezes: [Freeze]
    public var location: SourceLocation

    public init(id: Identifier, base: Base = .nl, holidays: [Day] = [], freezes: [Freeze] = [], location: SourceLocation) {
        self.id = id
        self.base = base
        self.holidays = holidays
        self.freezes = freezes
        self.location = location
    }

    /// The built-in calendars, which need no definition.
    public static let builtInIds: [Identifier] = ["nl", "mon-fri"]
}

/// A period (inclusive) in which no go-live cutover may fall.
public struct Freeze: Sendable, Hashable {
    public var from: Day
    public var to: Day
    public var reason: String?
    public var location: SourceLocation

    public init(from: Day, to: Day, reason: String? = nil, location: SourceLocation) {
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }
}
