import TenderPlanCore

/// What the `.tjp` and MSPDI exports need to know about the links and dates of a plan, so that a client that
/// reschedules the file lands on the plan's own dates (see "Exports" in Docs/HOW-DATES-ARE-COMPUTED.md).
struct PlanExportLinks {
    /// A link as exported: at most one per predecessor, the one that binds in this plan.
    struct Link {
        var from: Int
        var startToStart: Bool
        var lag: PlanDuration?
        /// The day the link allows its successor to start (rule 4, lag applied).
        var anchor: Day
        /// Rule 3: whether a milestone reached through this link alone would be shown the day before `anchor`.
        var closing: Bool
        /// The day the predecessor's side of the link stands on: its finish, its start, or a milestone's shown day.
        var base: Day
        /// Whether the predecessor's side is the end of `base` (a finish, a milestone shown the day before its E)
        /// rather than its beginning.
        var baseAtEnd: Bool
    }

    let plan: PlanResult
    /// Per item, its exported links in the order first written.
    let links: [[Link]]
    /// Items that another item links to by their start.
    let startSources: Set<Int>

    init(_ plan: PlanResult) {
        self.plan = plan
        let network = plan.network
        var links: [[Link]] = []
        var startSources = Set<Int>()
        for item in network.items {
            let calendar = network.calendars[item.calendar]
            var kept: [Int: Link] = [:]
            var order: [Int] = []
            for link in item.links {
                let predecessor = plan.items[link.from]
                let milestone = network.items[link.from].isMilestone
                let shownEarly = milestone && predecessor.start != predecessor.earliest
                var anchor: Day
                var closing: Bool
                let base: Day
                let baseAtEnd: Bool
                if milestone {
                    anchor = predecessor.earliest
                    closing = shownEarly
                    base = predecessor.start
                    baseAtEnd = shownEarly
                } else if link.startToStart {
                    anchor = predecessor.start
                    closing = false
                    base = predecessor.start
                    baseAtEnd = false
                } else {
                    anchor = predecessor.finish.advanced(by: 1)
                    closing = true
                    base = predecessor.finish
                    baseAtEnd = true
                }
                if let lag = link.lag, !lag.isZero {
                    if let days = lag.workingDays {
                        anchor = (calendar.nthWorkingDay(days, onOrAfter: anchor) ?? anchor).advanced(by: days > 0 ? 1 : 0)
                        closing = true
                    } else if let days = lag.calendarDays {
                        anchor = anchor.advanced(by: days)
                    } else if let months = lag.months {
                        anchor = anchor.addingMonths(months)
                    }
                }
                let candidate = Link(from: link.from, startToStart: link.startToStart && !milestone, lag: link.lag.flatMap { $0.isZero ? nil : $0 },
                                     anchor: anchor, closing: closing, base: base, baseAtEnd: baseAtEnd)
                // Clients keep one link per pair of items: keep the one reaching latest (an opening one on a tie).
                if let existing = kept[link.from] {
                    if (candidate.anchor, candidate.closing ? 0 : 1) > (existing.anchor, existing.closing ? 0 : 1) { kept[link.from] = candidate }
                } else {
                    kept[link.from] = candidate
                    order.append(link.from)
                }
            }
            let exported = order.map { kept[$0]! }
            for link in exported where link.startToStart { startSources.insert(link.from) }
            links.append(exported)
        }
        self.links = links
        self.startSources = startSources
    }

    /// The moment a link's lag must end for its successor, counted in hours from the predecessor's side of the link.
    /// `dayStart` and `dayEnd` are the hours at which the client's day begins and ends (08:00 and 17:00 in MSPDI).
    /// A closing link ends at the end of the day before its anchor, an opening one at the beginning of the anchor.
    func lagHours(_ link: Link, dayStart: Int, dayEnd: Int) -> Int {
        let from = link.base.number * 24 + (link.baseAtEnd ? dayEnd : dayStart)
        let to = link.closing ? link.anchor.advanced(by: -1).number * 24 + dayEnd : link.anchor.number * 24 + dayStart
        return to - from
    }

    /// A calendar-day, month or year lag as whole days, counted in this plan (months have no fixed length).
    func elapsedDays(_ link: Link) -> Int? {
        guard let lag = link.lag, lag.workingDays == nil else { return nil }
        let unlagged: Day
        if link.baseAtEnd { unlagged = link.base.advanced(by: 1) } else { unlagged = link.base }
        if let days = lag.calendarDays { return days }
        return unlagged.distance(to: link.anchor)
    }

    /// Whether a milestone is shown the day before its earliest day (rule 3's closing case).
    func shownEarly(_ index: Int) -> Bool {
        plan.network.items[index].isMilestone && plan.items[index].start != plan.items[index].earliest
    }

    /// The day a start-no-earlier-than constraint must hold an item at, if rescheduling from its links and
    /// `not_before` alone would not reproduce its start: go-lives that leveling placed later, cutovers (opening
    /// milestones on the first working day after their preparation), and items without links.
    func notEarlierThan(_ index: Int, programmeStart: Day) -> Day? {
        let item = plan.network.items[index]
        let scheduled = plan.items[index]
        if let on = item.on { return on }
        if item.kind == .cutover { return scheduled.start }
        if item.kind == .preparation, scheduled.leveledFrom != nil { return scheduled.start }
        if item.links.isEmpty { return max(item.notBefore ?? programmeStart, programmeStart) }
        return item.notBefore.map { max($0, programmeStart) }
    }
}
