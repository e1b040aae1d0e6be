/// Schedules a plan network by the format's rules: earliest days from links and lags, working-day
/// and calendar-day items, milestone dating, go-live leveling, then a backward pass for total slack.
/// Everything is iterative, so a chain of 100,000 items needs no deep stack.
public struct Scheduler: Sendable {
    /// The programme start and the rollout limits: all the scheduler needs of the scenario (kept small,
    /// because risk creates a scheduler per iteration on several threads).
    public let start: Day
    public let rollout: Rollout
    public let network: PlanNetwork
    /// Each item's duration: the network's, or drawn ones (risk), by item index.
    let durations: [PlanDuration]
    /// For tests: leveling tries every working day instead of jumping over blocked stretches,
    /// the reference the jumps must agree with.
    var triesEveryDay = false

    /// `durations` replaces the items' durations (by item index) without copying the network.
    public init(_ scenario: Scenario, network: PlanNetwork? = nil, durations: [PlanDuration]? = nil) {
        start = scenario.info.start
        rollout = scenario.rollout
        let network = network ?? PlanNetwork(scenario)
        self.network = network
        self.durations = durations ?? network.items.map(\.duration)
    }

    /// A scheduler for an existing network without the scenario (risk makes one per iteration on each thread;
    /// passing the whole scenario would touch its shared lists from every thread).
    public init(start: Day, rollout: Rollout, network: PlanNetwork, durations: [PlanDuration]) {
        self.start = start
        self.rollout = rollout
        self.network = network
        self.durations = durations
    }

    func isMilestone(_ index: Int) -> Bool { durations[index].isZero }

    /// Placement of one item during the forward pass: plain values only, so the thousands of placements
    /// of a risk run are made and dropped without reference counting (leveling causes are kept aside).
    struct Placement {
        var earliest: Day
        var start: Day
        var finish: Day
        /// Milestones: shown the day before E (closed by the work before it).
        var shownEarly = false
        var reason: PlanReason
        var leveledFrom: Day?
    }

    /// What the forward and backward passes produced; `leveling` holds the causes by preparation item.
    struct Schedule {
        var placed: [Placement]
        var finish: Day
        var slack: [Int]
        var leveling: [Int: [String]]
    }

    struct PlanError: Error {
        var message: String
        var location: SourceLocation
    }

    public func run() -> PlanResult {
        var diagnostics = Diagnostics()
        let items = network.items
        let schedule: Schedule
        do {
            schedule = try self.schedule()
        } catch {
            diagnostics.error(.planLimit, error.message, at: error.location)
            return PlanResult(items: [], finish: start, network: network, diagnostics: diagnostics.sorted)
        }
        var scheduled: [ScheduledItem] = []
        scheduled.reserveCapacity(items.count)
        let (placed, finish, slack) = (schedule.placed, schedule.finish, schedule.slack)
        for (index, item) in items.enumerated() {
            let placement = placed[index]
            let calendar = network.calendars[item.calendar]
            let days = isMilestone(index) ? 0 : calendar.workingDays(from: placement.start, through: placement.finish)
            scheduled.append(ScheduledItem(
                id: item.id, title: item.title, kind: item.kind, earliest: placement.earliest, start: placement.start,
                finish: placement.finish, durationDays: days, totalSlackDays: slack[index], critical: slack[index] == 0,
                deadline: item.deadline, reason: placement.reason, leveling: schedule.leveling[index] ?? [], leveledFrom: placement.leveledFrom,
                calendar: calendar.id))
        }
        checkLegalMinimums(scheduled, into: &diagnostics)
        return PlanResult(items: scheduled, finish: finish, network: network, diagnostics: diagnostics.sorted)
    }

    /// Dates only, for risk's thousands of reschedules: each item's start and finish and whether it is
    /// critical; nil when the plan runs past the last day.
    public struct Dates: Sendable {
        public var starts: [Day]
        public var finishes: [Day]
        public var critical: [Bool]
        public var finish: Day
    }

    public func runDates() -> Dates? {
        guard let schedule = try? schedule() else { return nil }
        return Dates(starts: schedule.placed.map { $0.start }, finishes: schedule.placed.map { $0.finish },
                     critical: schedule.slack.map { $0 == 0 }, finish: schedule.finish)
    }

    /// The forward pass (with leveling), then the backward pass.
    private func schedule() throws(PlanError) -> Schedule {
        var placements = [Placement?](repeating: nil, count: network.items.count)
        var order: [Int] = []
        order.reserveCapacity(network.items.count)
        var leveling: [Int: [String]] = [:]
        try forward(&placements, &order, &leveling)
        let placed = placements.map { $0! }
        var finish = start
        for placement in placed where placement.finish > finish { finish = placement.finish }
        return Schedule(placed: placed, finish: finish, slack: backward(placed, order: order, finish: finish), leveling: leveling)
    }

    // MARK: forward pass

    private func forward(_ placements: inout [Placement?], _ order: inout [Int], _ leveling: inout [Int: [String]]) throws(PlanError) {
        // Only plain values are read here (`timing`, not `items`): see `PlanNetwork.Timing`.
        let timing = network.timing
        let successors = network.successors
        var waiting = timing.map { $0.links.count }
        // A go-live block is ready when its preparation is; its cutover and hypercare are placed with it.
        var readyItems: [Int] = []
        var readyGoLives: [Int] = []
        func release(_ index: Int) {
            if let goLive = timing[index].goLive {
                if network.goLiveParts[goLive].preparation == index { readyGoLives.append(goLive) }
            } else {
                readyItems.append(index)
            }
        }
        for index in timing.indices where waiting[index] == 0 { release(index) }
        // Placed cutovers sorted by day (then placement order), for the min_gap check.
        var placedCutovers: [(day: Day, order: Int)] = []
        var load = ActiveGoLives(from: start)
        func done(_ index: Int) {
            order.append(index)
            for next in successors[index] {
                waiting[next] -= 1
                if waiting[next] == 0 { release(next) }
            }
        }
        while true {
            while let index = readyItems.popLast() {
                placements[index] = try place(index, placements)
                done(index)
            }
            guard !readyGoLives.isEmpty else { break }
            // Leveling priority: file order, or the earliest preparation start now allowed (ties in file order).
            let choice: Int
            switch rollout.order {
            case .listed:
                choice = readyGoLives.indices.min { readyGoLives[$0] < readyGoLives[$1] }!
            case .earliest:
                let earliest = try readyGoLives.map { goLive throws(PlanError) in
                    try earliestDay(network.goLiveParts[goLive].preparation, placements).day
                }
                choice = readyGoLives.indices.min { (earliest[$0], readyGoLives[$0]) < (earliest[$1], readyGoLives[$1]) }!
            }
            let goLive = readyGoLives.remove(at: choice)
            let parts = network.goLiveParts[goLive]
            let block = try level(goLive, placements, cutovers: placedCutovers, load: load)
            placements[parts.preparation] = block.preparation
            placements[parts.cutover] = block.cutover
            placements[parts.hypercare] = block.hypercare
            if !block.causes.isEmpty { leveling[parts.preparation] = block.causes }
            let cutoverDay = block.cutover.start
            let slot = Self.firstIndex(in: placedCutovers, notBefore: cutoverDay)
            placedCutovers.insert((cutoverDay, placedCutovers.count), at: slot)
            load.add(block.preparation.start...block.cutover.start)
            done(parts.preparation)
            done(parts.cutover)
            done(parts.hypercare)
        }
        if order.count < timing.count {
            let stuck = timing.indices.first { placements[$0] == nil }!
            let item = network.items[stuck]
            throw PlanError(message: "'\(item.id)' cannot be scheduled: it waits on a dependency cycle", location: item.location)
        }
    }

    /// Rule 3–5: the earliest day E of an item, whether a constraint reaching E is opening, and the binding reason.
    func earliestDay(_ index: Int, _ placements: [Placement?]) throws(PlanError) -> (day: Day, opening: Bool, reason: PlanReason) {
        let item = network.timing[index]
        if let on = item.on { return (on, true, .pinned(on)) }
        let calendar = network.calendars[item.calendar]
        var best = (day: start, opening: true, reason: PlanReason.programmeStart)
        func consider(_ day: Day, opening: Bool, _ reason: PlanReason) {
            if day > best.day { best = (day, opening, reason) } else if day == best.day && opening { best.opening = true }
        }
        if let notBefore = item.notBefore { consider(notBefore, opening: true, .notBefore(notBefore)) }
        for (position, link) in network.edges[item.links].enumerated() {
            guard let predecessor = placements[link.from] else { continue }
            var anchor: Day
            var closing: Bool
            if isMilestone(link.from) {
                anchor = predecessor.earliest
                closing = predecessor.shownEarly
            } else if link.startToStart {
                anchor = predecessor.start
                closing = false
            } else {
                anchor = predecessor.finish.advanced(by: 1)
                closing = true
            }
            if let lag = link.lag {
                if let days = lag.workingDays {
                    guard let nth = calendar.nthWorkingDay(days, onOrAfter: anchor) else { throw pastSpan(index) }
                    anchor = nth.advanced(by: 1)
                    closing = true
                } else if let days = lag.calendarDays {
                    anchor = anchor.advanced(by: days)
                } else if let months = lag.months {
                    anchor = anchor.addingMonths(months)
                }
            }
            consider(anchor, opening: !closing, .link(position: position))
        }
        return best
    }

    /// Rules 1–3: places a task, tender phase or milestone from its earliest day.
    private func place(_ index: Int, _ placements: [Placement?]) throws(PlanError) -> Placement {
        let (earliest, opening, reason) = try earliestDay(index, placements)
        if isMilestone(index) {
            let shown = opening ? earliest : earliest.advanced(by: -1)
            return Placement(earliest: earliest, start: shown, finish: shown, shownEarly: !opening, reason: reason)
        }
        let (start, finish) = try span(index, from: earliest)
        return Placement(earliest: earliest, start: start, finish: finish, reason: reason)
    }

    /// Start and finish of a non-milestone item whose earliest day is `earliest`.
    func span(_ index: Int, from earliest: Day) throws(PlanError) -> (Day, Day) {
        let calendar = network.calendars[network.timing[index].calendar]
        let duration = durations[index]
        if let days = duration.workingDays {
            guard let start = calendar.nthWorkingDay(1, onOrAfter: earliest),
                  let finish = calendar.nthWorkingDay(days, onOrAfter: start) else { throw pastSpan(index) }
            return (start, finish)
        }
        let finish: Day
        if let days = duration.calendarDays {
            finish = earliest.advanced(by: days - 1)
        } else {
            finish = earliest.addingMonths(duration.months ?? 0).advanced(by: -1)
        }
        guard finish <= WorkingDayCalendar.lastDay else { throw pastSpan(index) }
        return (earliest, finish)
    }

    private func pastSpan(_ index: Int) -> PlanError {
        let item = network.items[index]
        return PlanError(message: "'\(item.id)' would be scheduled after \(WorkingDayCalendar.lastDay), the last day the planner handles; check its durations and lags",
                  location: item.location)
    }

    // MARK: leveling

    /// Places a go-live as one block: preparation from S, the cutover on the first working day after it,
    /// hypercare from the cutover. S moves a working day at a time until no freeze, gap or parallel limit is broken.
    private func level(_ goLive: Int, _ placements: [Placement?], cutovers: [(day: Day, order: Int)],
                       load: ActiveGoLives) throws(PlanError) -> (preparation: Placement, cutover: Placement, hypercare: Placement, causes: [String]) {
        let parts = network.goLiveParts[goLive]
        let calendar = network.calendars[network.timing[parts.preparation].calendar]
        let (earliest, _, reason) = try earliestDay(parts.preparation, placements)
        let minGap = rollout.minGap.workingDays ?? 0
        let maxParallel = rollout.maxParallel
        var s = earliest
        var causes: [LevelingFailure] = []
        var tries = 0
        while true {
            tries += 1
            let (start, finish) = try span(parts.preparation, from: s)
            guard let cutover = calendar.nthWorkingDay(1, onOrAfter: finish.advanced(by: 1)) else { throw pastSpan(parts.preparation) }
            var failure: LevelingFailure?
            // Where the next try that could pass starts: every S before it fails for the same reason.
            var skip: Day?
            if let freeze = calendar.freeze(containing: cutover) {
                failure = .freeze(freeze)
                skip = shifted(start, by: calendar.workingDays(from: cutover, through: freeze.to), calendar)
            } else if minGap > 0, let other = Self.tooClose(cutover, cutovers, minGap: minGap, calendar) {
                failure = .gap(minGap, other)
                if let target = calendar.nthWorkingDay(minGap + 1, onOrAfter: other.advanced(by: 1)) {
                    skip = shifted(start, by: calendar.workingDays(from: cutover, through: target.advanced(by: -1)), calendar)
                }
            } else if let limit = maxParallel, let overloaded = load.firstFull(start...cutover, limit: limit) {
                failure = .parallel(limit)
                // Every start up to the last day of this saturated stretch fails too (its block would cover it).
                skip = calendar.nthWorkingDay(1, onOrAfter: overloaded.upperBound.advanced(by: 1))
            }
            // Jumps are exact only when the preparation counts working days (then the cutover moves with it).
            if durations[parts.preparation].workingDays == nil || triesEveryDay { skip = nil }
            guard let failure else {
                let preparation = Placement(earliest: earliest, start: start, finish: finish, reason: reason,
                                            leveledFrom: causes.isEmpty ? nil : earliest)
                let cutoverPlacement = Placement(earliest: cutover, start: cutover, finish: cutover,
                                                 reason: .link(position: 0))
                let hypercarePlacement: Placement
                if isMilestone(parts.hypercare) {
                    hypercarePlacement = Placement(earliest: cutover, start: cutover, finish: cutover,
                                                   reason: .link(position: 0))
                } else {
                    let (hStart, hFinish) = try span(parts.hypercare, from: cutover)
                    hypercarePlacement = Placement(earliest: cutover, start: hStart, finish: hFinish,
                                                   reason: .link(position: 0))
                }
                return (preparation, cutoverPlacement, hypercarePlacement, causes.map(\.text))
            }
            if !causes.contains(failure) && causes.count < 5 { causes.append(failure) }
            guard tries < 200_000, let next = skip.map({ max($0, s.advanced(by: 1)) }) ?? calendar.nthWorkingDay(1, onOrAfter: s.advanced(by: 1)) else {
                let preparationItem = network.items[parts.preparation]
                throw PlanError(message: "go-live '\(preparationItem.id.dropLast(".preparation".count))' cannot be placed: \(failure.text)", location: preparationItem.location)
            }
            s = next
        }
    }

    /// The working day `count` working days after `start` (a working day).
    private func shifted(_ start: Day, by count: Int, _ calendar: WorkingDayCalendar) -> Day? {
        count <= 0 ? nil : calendar.nthWorkingDay(count + 1, onOrAfter: start)
    }

    /// Why a try to place a go-live fails; turned into text only for the few that are reported.
    enum LevelingFailure: Equatable {
        case freeze(Freeze)
        case gap(Int, Day)
        case parallel(Int)

        var text: String {
            switch self {
            case .freeze(let freeze): return "the cutover would fall in the freeze \(freeze.from)–\(freeze.to)" + (freeze.reason.map { " (\($0))" } ?? "")
            case .gap(let minGap, let other): return "fewer than \(minGap) working days between its cutover and the cutover of \(other)"
            case .parallel(let limit): return limit == 1 ? "another go-live would be active at the same time" : "more than \(limit) go-lives would be active at once"
            }
        }
    }

    /// The position of the first cutover on or after `day` in a list sorted by day.
    static func firstIndex(in cutovers: [(day: Day, order: Int)], notBefore day: Day) -> Int {
        var low = 0, high = cutovers.count
        while low < high {
            let middle = (low + high) / 2
            if cutovers[middle].day < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The earliest-placed cutover fewer than `minGap` working days away from `cutover`, if any.
    /// Working days between two days only grow with their distance, so the offenders sit next to each
    /// other around `cutover` in the sorted list: scan outwards until one is far enough.
    static func tooClose(_ cutover: Day, _ cutovers: [(day: Day, order: Int)], minGap: Int, _ calendar: WorkingDayCalendar) -> Day? {
        func violates(_ other: Day) -> Bool {
            let (a, b) = other < cutover ? (other, cutover) : (cutover, other)
            return calendar.workingDays(from: a.advanced(by: 1), through: b.advanced(by: -1)) < minGap
        }
        var found: (day: Day, order: Int)?
        let middle = firstIndex(in: cutovers, notBefore: cutover)
        var index = middle
        while index < cutovers.count, violates(cutovers[index].day) {
            if found == nil || cutovers[index].order < found!.order { found = cutovers[index] }
            index += 1
        }
        index = middle - 1
        while index >= 0, violates(cutovers[index].day) {
            if found == nil || cutovers[index].order < found!.order { found = cutovers[index] }
            index -= 1
        }
        return found?.day
    }

    /// How many placed go-lives are active on each day (from the preparation's start through the cutover).
    struct ActiveGoLives {
        let base: Day
        var counts: [Int32] = []

        init(from base: Day) { self.base = base }

        func count(_ day: Day) -> Int {
            let offset = base.distance(to: day)
            return offset >= 0 && offset < counts.count ? Int(counts[offset]) : 0
        }

        mutating func add(_ span: ClosedRange<Day>) {
            let low = max(base.distance(to: span.lowerBound), 0), high = base.distance(to: span.upperBound)
            guard high >= low else { return }
            if counts.count <= high { counts += Array(repeating: 0, count: high + 1 - counts.count) }
            for offset in low...high { counts[offset] += 1 }
        }

        /// The first stretch of days in `range` on which one more go-live would exceed `limit` active ones,
        /// through the last such day in a row (within `range`).
        func firstFull(_ range: ClosedRange<Day>, limit: Int) -> ClosedRange<Day>? {
            var day = range.lowerBound
            while day <= range.upperBound {
                if count(day) >= limit {
                    var end = day
                    while end < range.upperBound && count(end.advanced(by: 1)) >= limit { end = end.advanced(by: 1) }
                    return day...end
                }
                day = day.advanced(by: 1)
            }
            return nil
        }
    }

    // MARK: backward pass

    /// Total slack in working days: each item's latest finish that moves no successor's latest start and not the
    /// programme finish, found over the same links and lags in reverse scheduling order.
    private func backward(_ placed: [Placement], order: [Int], finish: Day) -> [Int] {
        let timing = network.timing, edges = network.edges
        // latestAnchor[i]: the latest day item i's E (milestones) or start (others) may be.
        var latestAnchor = [Day](repeating: finish, count: timing.count)
        var slack = [Int](repeating: 0, count: timing.count)
        for index in order.reversed() {
            let item = timing[index]
            let placement = placed[index]
            let calendar = network.calendars[item.calendar]
            var finishBound = finish
            var startBound = WorkingDayCalendar.lastDay
            let milestone = isMilestone(index)
            var earliestBound = milestone ? finish.advanced(by: placement.shownEarly ? 1 : 0) : WorkingDayCalendar.lastDay
            for (to, position) in network.outgoing[index] {
                let successor = timing[to]
                let link = edges[successor.links.lowerBound + position]
                var bound = latestAnchor[to]
                if successor.kind == .cutover {
                    // The cutover is the first working day after its preparation: only its last working day counts.
                    bound = calendar.nthWorkingDay(1, onOrBefore: bound).map { $0 } ?? bound
                }
                bound = Self.unlag(bound, link.lag, network.calendars[successor.calendar])
                if milestone {
                    earliestBound = min(earliestBound, bound)
                } else if link.startToStart {
                    startBound = min(startBound, bound)
                } else {
                    finishBound = min(finishBound, bound.advanced(by: -1))
                }
            }
            if milestone {
                let latest = max(earliestBound, placement.earliest)
                latestAnchor[index] = latest
                let latestShown = latest.advanced(by: placement.shownEarly ? -1 : 0)
                slack[index] = calendar.workingDays(from: placement.finish.advanced(by: 1), through: latestShown)
            } else {
                var latestStart = min(startBound, Self.latestStart(durations[index], finishingBy: finishBound, calendar) ?? placement.start)
                latestStart = max(latestStart, placement.start)
                latestAnchor[index] = latestStart
                let latestFinish = (try? span(index, from: latestStart).1) ?? placement.finish
                slack[index] = calendar.workingDays(from: placement.finish.advanced(by: 1), through: latestFinish)
            }
        }
        return slack
    }

    /// The latest raw anchor (before the lag) that keeps the lagged anchor on or before `bound`.
    static func unlag(_ bound: Day, _ lag: PlanDuration?, _ calendar: WorkingDayCalendar) -> Day {
        guard let lag else { return bound }
        if let days = lag.workingDays {
            return calendar.nthWorkingDay(days, onOrBefore: bound.advanced(by: -1)) ?? bound.advanced(by: -days)
        }
        if let days = lag.calendarDays { return bound.advanced(by: -days) }
        let months = lag.months ?? 0
        var day = bound.addingMonths(-months)
        while day.advanced(by: 1).addingMonths(months) <= bound { day = day.advanced(by: 1) }
        while day.addingMonths(months) > bound { day = day.advanced(by: -1) }
        return day
    }

    /// The latest start from which the item still finishes by `bound`.
    static func latestStart(_ duration: PlanDuration, finishingBy bound: Day, _ calendar: WorkingDayCalendar) -> Day? {
        if let days = duration.workingDays { return calendar.nthWorkingDay(days, onOrBefore: bound) }
        if let days = duration.calendarDays { return bound.advanced(by: -(days - 1)) }
        let months = duration.months ?? 0
        // finish = start + months − 1 day ≤ bound  ⟺  start + months ≤ bound + 1.
        return unlag(bound.advanced(by: 1), PlanDuration(months, .months), calendar)
    }

    // MARK: checks on the schedule

    private func checkLegalMinimums(_ scheduled: [ScheduledItem], into diagnostics: inout Diagnostics) {
        for (index, item) in network.items.enumerated() {
            guard let minimum = item.minimumCalendarDays, let location = item.overrideLocation else { continue }
            let spanDays = scheduled[index].start.distance(to: scheduled[index].finish) + 1
            if spanDays < minimum {
                diagnostics.error(.legalMinimum,
                                  "'\(item.id)' spans \(spanDays) calendar days as scheduled (\(scheduled[index].start) to \(scheduled[index].finish)), below the legal minimum of \(minimum)",
                                  at: location, notes: [Diagnostic.Note(item.minimumSource ?? "legal minimum")])
            }
        }
    }
}
