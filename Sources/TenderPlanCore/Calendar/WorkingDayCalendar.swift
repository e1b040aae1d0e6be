/// A working-day calendar over a fixed span of days, with constant-time working-day arithmetic.
///
/// It keeps, for every day of the span, how many working days come before it, and the list of
/// working days; "the N-th working day from D" and "working days between A and B" are then
/// array lookups, never day-by-day loops.
public final class WorkingDayCalendar: Sendable {
    public let id: Identifier
    /// First and last day the calendar answers for.
    public let span: ClosedRange<Day>
    public let freezes: [Freeze]
    /// prefix[i] = working days in [span.lowerBound, span.lowerBound + i).
    private let prefix: [Int32]
    /// The working days of the span, in order.
    private let workingDays: [Int32]

    /// The last day any calendar answers for; a plan that runs past it is refused.
    public static let lastDay = Day(year: 2399, month: 12, day: 31)!

    public convenience init(_ definition: CalendarDefinition, from first: Day, through last: Day = WorkingDayCalendar.lastDay) {
        self.init(id: definition.id, base: definition.base, holidays: definition.holidays, freezes: definition.freezes, from: first, through: last)
    }

    public init(id: Identifier, base: CalendarDefinition.Base, holidays: [Day] = [], freezes: [Freeze] = [],
                from first: Day, through last: Day = WorkingDayCalendar.lastDay) {
        self.id = id
        span = first...max(first, last)
        self.freezes = freezes.sorted { $0.from < $1.from }
        var closedDays = holidays.map(\.number)
        if base == .nl {
            for year in first.year...span.upperBound.year {
                for holiday in DutchHolidays.holidays(in: year) { closedDays.append(holiday.day.number) }
            }
        }
        // Walk the sorted closed days alongside the span instead of hashing every day.
        closedDays.sort()
        var nextClosed = closedDays.firstIndex { $0 >= first.number } ?? closedDays.count
        let count = span.upperBound.number - first.number + 1
        var prefix = [Int32](repeating: 0, count: count + 1)
        var workingDays: [Int32] = []
        workingDays.reserveCapacity(count * 5 / 7 + 1)
        var weekday = first.weekday
        for offset in 0..<count {
            let number = first.number + offset
            var closed = false
            while nextClosed < closedDays.count && closedDays[nextClosed] <= number {
                closed = closed || closedDays[nextClosed] == number
                nextClosed += 1
            }
            let working = weekday <= 5 && !closed
            if working { workingDays.append(Int32(number)) }
            prefix[offset + 1] = prefix[offset] + (working ? 1 : 0)
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        self.prefix = prefix
        self.workingDays = workingDays
    }

    public func contains(_ day: Day) -> Bool { span.contains(day) }

    public func isWorkingDay(_ day: Day) -> Bool {
        guard contains(day) else { return !day.isWeekend }
        let offset = day.number - span.lowerBound.number
        return prefix[offset + 1] != prefix[offset]
    }

    /// Working days before `day` within the span (its index among working days when it is one).
    private func index(of day: Day) -> Int {
        let offset = min(max(day.number - span.lowerBound.number, 0), prefix.count - 1)
        return Int(prefix[offset])
    }

    /// The `n`-th working day on or after `day` (n ≥ 1; the first working day on or after it for n = 1); nil past the span.
    public func nthWorkingDay(_ n: Int, onOrAfter day: Day) -> Day? {
        let position = index(of: day) + n - 1
        guard n >= 1, position < workingDays.count else { return nil }
        return Day(number: Int(workingDays[position]))
    }

    /// A block of `n` working days from the first working day on or after `day` (n ≥ 1): its first and last
    /// day and the working day after it, in one lookup; nil when it runs past the span.
    public func block(_ n: Int, onOrAfter day: Day) -> (first: Day, last: Day, next: Day)? {
        let position = index(of: day)
        guard n >= 1, position + n < workingDays.count else { return nil }
        return (Day(number: Int(workingDays[position])), Day(number: Int(workingDays[position + n - 1])),
                Day(number: Int(workingDays[position + n])))
    }

    /// The `n`-th working day on or before `day`, counting backwards (n ≥ 1); nil before the span.
    public func nthWorkingDay(_ n: Int, onOrBefore day: Day) -> Day? {
        let after = index(of: day.advanced(by: 1))  // working days up to and including `day`
        let position = after - n
        guard n >= 1, position >= 0, position < workingDays.count else { return nil }
        return Day(number: Int(workingDays[position]))
    }

    /// Working days in `from...through`, both inclusive (0 when the range is empty).
    public func workingDays(from: Day, through: Day) -> Int {
        guard from <= through else { return 0 }
        return index(of: through.advanced(by: 1)) - index(of: from)
    }

    /// The freeze that contains `day`, if any.
    public func freeze(containing day: Day) -> Freeze? {
        freezes.first { $0.from <= day && day <= $0.to }
    }
}
