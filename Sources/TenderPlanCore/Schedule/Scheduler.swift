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
    /// Calendar days added to the span of a month or year item (risk's calendar-day delays on them), by item
    /// index; empty when there are none.
    let extraDays: [Int]
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
        extraDays = []
    }

    /// A scheduler for an existing network without the scenario (risk makes one per iteration on each thread;
    /// passing the whole scenario would touch its shared lists from every thread).
    public init(start: Day, rollout: Rollout, network: PlanNetwork, durations: [PlanDuration], extraDays: [Int] = []) {
        self.start = start
        self.rollout = rollout
        self.network = network
        self.durations = durations
        self.extraDays = extraDays
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
        /// Items whose slack is limited by leveling: what the delay test found moves the finish.
        var limits: [Int: String]
        /// The delay test ran out of its work budget: some slack is the classic backward pass's.
        var slackIncomplete = false
    }

    struct PlanError: Error {
        var message: String
        var location: SourceLocation
    }

    /// The plan. Without `exactSlack` the slack is the classic backward pass's, which leveling can make too
    /// large (for checking a scenario, where nothing shows it).
    public func run(exactSlack: Bool = true) -> PlanResult {
        var diagnostics = Diagnostics()
        let items = network.items
        let schedule: Schedule
        do {
            schedule = try self.schedule(slack: exactSlack ? .exact : .classic)
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
                calendar: calendar.id, slackLimit: schedule.limits[index]))
        }
        checkLegalMinimums(scheduled, into: &diagnostics)
        if schedule.slackIncomplete, let first = items.first {
            diagnostics.warning(.planLimit, "the slack of some leveled items could not be settled by the delay test within its work budget; they show the classic backward pass's slack, which leveling can make too large (see HOW-DATES-ARE-COMPUTED.md, section 10)",
                                at: first.location)
        }
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
        guard let schedule = try? schedule(slack: .criticalOnly) else { return nil }
        return Dates(starts: schedule.placed.map { $0.start }, finishes: schedule.placed.map { $0.finish },
                     critical: schedule.slack.map { $0 == 0 }, finish: schedule.finish)
    }

    /// The programme finish alone, with an optional delay of one item (the delay test's reference in tests).
    func runFinish(delay: Delay? = nil) -> Day? {
        var placements = [Placement?](repeating: nil, count: network.items.count)
        var waiting = network.timing.map { $0.links.count }
        var record = Record(keepsCauses: false)
        guard (try? forward(&placements, &waiting, subset: nil, record: &record, delay: delay, bounds: nil, replay: nil)) != nil else { return nil }
        return placements.reduce(start) { max($0, $1!.finish) }
    }

    /// Which slack a schedule gets: the delay test's (rule 6), only whether each item is critical by it (risk),
    /// or the classic backward pass's (checking a scenario, where nothing shows slack).
    enum SlackRule { case exact, criticalOnly, classic }

    /// The forward pass (with leveling), then the slack `rule` asks for.
    private func schedule(slack rule: SlackRule) throws(PlanError) -> Schedule {
        var placements = [Placement?](repeating: nil, count: network.items.count)
        var waiting = network.timing.map { $0.links.count }
        var record = Record()
        record.order.reserveCapacity(network.items.count)
        _ = try forward(&placements, &waiting, subset: nil, record: &record, delay: nil, bounds: nil, replay: nil)
        let placed = placements.map { $0! }
        var finish = start
        for placement in placed where placement.finish > finish { finish = placement.finish }
        if rule == .classic {
            // No delay test to prepare: the backward pass alone.
            return Schedule(placed: placed, finish: finish, slack: backward(placed, order: record.order, finish: finish, hold: false).slack,
                            leveling: record.leveling, limits: [:])
        }
        var test = DelayTest(self, placed: placed, record: record, finish: finish)
        let slack = switch rule {
        case .exact: test.slack()
        case .criticalOnly, .classic: test.criticalOnly()
        }
        return Schedule(placed: placed, finish: finish, slack: slack, leveling: record.leveling, limits: test.limits,
                        slackIncomplete: test.incomplete)
    }

    // MARK: forward pass

    /// A hypothetical delay (the delay test of rule 6): `item` finishes `days` working days of its calendar later.
    struct Delay {
        var item: Int
        var days: Int
    }

    /// What the full forward pass keeps: the order items were placed in, the go-lives in the order leveling
    /// placed them, and the leveling causes by preparation.
    struct Record {
        var order: [Int] = []
        var choices: [Int] = []
        /// Per go-live: why its failed leveling tries failed (a freeze needs nothing: it stays).
        var evidence: [[Evidence]] = []
        /// Per go-live under `earliest` order: the latest earliest day it could have and still be picked before
        /// every go-live that was ready with it and picked later.
        var pickedFirstUntil: [Day] = []
        var leveling: [Int: [String]] = [:]
        /// Whether `leveling` is filled (the delay test's tries need no texts), or only for one go-live.
        var keepsCauses = true
        var causesOf: Int?
    }

    /// Why some of a go-live's leveling tries failed, as a fact that can be checked again later: a cutover
    /// on `day` that was too close (every skipped try's cutover was too close to it), or `day` on which
    /// `max_parallel` go-lives were already active (every skipped try's block covered it).
    struct Evidence {
        /// The start of the first try it explains.
        var from: Day
        var day: Day
        var gap: Bool
    }

    /// A try of the delay test reschedules against the plan without the delay, redoing only what the delay
    /// reaches: an item none of whose predecessors changed keeps its placement; a go-live keeps it while nothing
    /// has changed yet, and otherwise leveling skips the plan's failed tries whose reasons still hold
    /// (`Evidence`, `Known`) and tries only where a reason is gone.
    /// (A class: its marks are updated in place during a try; each schedule has its own.)
    final class Replay {
        let placed: [Placement]
        let choices: [Int]
        /// `changed[i] == stamp`: item i was placed elsewhere than in the plan during this try.
        @exclusivity(unchecked) var changed: [Int]
        @exclusivity(unchecked) var stamp = 0
        /// Leveling tries made by all replays so far: the delay test's work budget counts them.
        @exclusivity(unchecked) var tries = 0

        /// Per go-live: its place in `choices`, and `placedMark[g] == stamp` once placed during this try.
        let position: [Int]
        @exclusivity(unchecked) var placedMark: [Int]

        let evidence: [[Evidence]]
        /// Per go-live, the latest day its first k facts are about, for k = 1...: while nothing was placed
        /// differently on or before that day, those facts hold without looking.
        private let factsThrough: [[Day]]

        init(placed: [Placement], choices: [Int], evidence: [[Evidence]]) {
            self.placed = placed
            self.choices = choices
            self.evidence = evidence
            changed = [Int](repeating: 0, count: placed.count)
            var position = [Int](repeating: Int.max, count: choices.count)
            for (step, goLive) in choices.enumerated() { position[goLive] = step }
            self.position = position
            placedMark = [Int](repeating: 0, count: choices.count)
            factsThrough = evidence.map { facts in
                var latest = Day(number: Int.min)
                return facts.map { fact in
                    latest = max(latest, fact.day)
                    return latest
                }
            }
        }

        /// How many of a go-live's first facts hold for certain when no go-live was placed differently before
        /// `changedFrom` during this try.
        func holding(_ goLive: Int, changedFrom: Day) -> Int {
            let through = factsThrough[goLive]
            var low = 0, high = through.count
            while low < high {
                let middle = (low + high) / 2
                if through[middle] < changedFrom { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Places every item (`subset` nil) or only the items of `subset`, which must be closed under successors (the
    /// others keep their placements in `placements`; `waiting` counts each subset item's links from the subset).
    /// With `bounds` (a latest finish per item), the pass stops and returns false as soon as an item finishes after its own.
    func forward(_ placements: inout [Placement?], _ waiting: inout [Int], subset: [Int]?, record: inout Record,
                 delay: Delay?, bounds: [Day]?, replay: Replay?) throws(PlanError) -> Bool {
        // Only plain values are read here (`timing`, not `items`): see `PlanNetwork.Timing`.
        let timing = network.timing
        let successors = network.successors
        // A go-live block is ready when its preparation is; its cutover and hypercare are placed with it.
        // A ready go-live's earliest day is known: everything it follows is placed.
        var readyItems: [Int] = []
        var readyGoLives = ReadyGoLives(byEarliest: rollout.order == .earliest)
        func predecessorChanged(_ index: Int, _ replay: Replay) -> Bool {
            network.edges[timing[index].links].contains { replay.changed[$0.from] == replay.stamp }
        }
        func release(_ index: Int) throws(PlanError) {
            if let goLive = timing[index].goLive {
                guard network.goLiveParts[goLive].preparation == index else { return }
                let earliest = if let replay, !predecessorChanged(index, replay) { replay.placed[index].earliest }
                    else { try earliestDay(index, placements).day }
                readyGoLives.insert(.init(goLive: goLive, earliest: earliest))
            } else {
                readyItems.append(index)
            }
        }
        if let subset {
            for index in subset where waiting[index] == 0 { try release(index) }
        } else {
            for index in timing.indices where waiting[index] == 0 { try release(index) }
        }
        let expected = subset?.count ?? timing.count
        var placedCount = 0
        var load = ActiveGoLives(from: start, limit: rollout.maxParallel ?? Int.max)
        func done(_ index: Int) throws(PlanError) {
            placedCount += 1
            if subset == nil { record.order.append(index) }
            for next in successors[index] {
                waiting[next] -= 1
                if waiting[next] == 0 { try release(next) }
            }
        }
        // For a replay: whether a go-live was placed elsewhere than in the plan yet, and whether leveling still
        // picks the go-lives in the plan's order.
        var blocksChanged = false
        var sameOrder = true
        // The first day on which a go-live was placed differently than in the plan.
        var changedFrom = WorkingDayCalendar.lastDay
        var step = 0
        while true {
            while let index = readyItems.popLast() {
                let placement: Placement
                if let old = replay, delay?.item != index, !predecessorChanged(index, old) {
                    placement = old.placed[index]
                } else {
                    placement = try place(index, placements, delay)
                    if let replay, placement.start != replay.placed[index].start || placement.finish != replay.placed[index].finish
                        || placement.earliest != replay.placed[index].earliest {
                        replay.changed[index] = replay.stamp
                    }
                }
                placements[index] = placement
                if let bounds, placement.finish > bounds[index] { return false }
                try done(index)
            }
            guard !readyGoLives.isEmpty else { break }
            // Leveling priority: file order, or the earliest preparation start now allowed (ties in file order).
            let (goLive, earliest) = { let next = readyGoLives.removeFirst(); return (next.goLive, next.earliest) }()
            if subset == nil && rollout.order == .earliest {
                if record.pickedFirstUntil.isEmpty { record.pickedFirstUntil = Array(repeating: WorkingDayCalendar.lastDay, count: network.goLiveParts.count) }
                for other in readyGoLives.entries {
                    record.pickedFirstUntil[goLive] = min(record.pickedFirstUntil[goLive], other.goLive > goLive ? other.earliest : other.earliest.advanced(by: -1))
                }
            }
            let parts = network.goLiveParts[goLive]
            let keepsCauses = record.keepsCauses || record.causesOf == goLive
            if subset == nil { record.choices.append(goLive) }
            var block: (preparation: Placement, cutover: Placement, hypercare: Placement, causes: [LevelingFailure])
            if let old = replay, step >= old.choices.count || old.choices[step] != goLive { sameOrder = false }
            if let old = replay {
                let planned = old.placed[parts.preparation], plannedCutover = old.placed[parts.cutover].start
                let delayed = delay.map { $0.item == parts.preparation || $0.item == parts.cutover } ?? false
                if !delayed && delay?.item != parts.hypercare && !blocksChanged && sameOrder && earliest == planned.earliest {
                    // Nothing this go-live's leveling looks at has changed yet.
                    block = (planned, old.placed[parts.cutover], old.placed[parts.hypercare], [])
                } else {
                    // The plan's failed tries fail again while the reasons they failed for still hold (checked
                    // against what is placed now): leveling skips those and tries only where a reason is gone.
                    // While the order is the plan's, the same go-lives are placed before this one, so only days on which
                    // one of them was placed differently can break a fact.
                    let known = !delayed && earliest >= planned.earliest && earliest <= planned.start
                        ? Known(facts: old.evidence[goLive], holding: sameOrder ? old.holding(goLive, changedFrom: changedFrom) : 0, start: planned.start,
                                untilFirstGone: keepsCauses) : nil
                    var none: [Evidence]?
                    block = try level(goLive, placements, load: load, delay: delay, counting: old,
                                      known: known, evidence: &none, keepsCauses: keepsCauses)
                    if block.preparation.start != planned.start || block.preparation.finish != planned.finish || block.cutover.start != plannedCutover {
                        changedFrom = min(changedFrom, planned.start, block.preparation.start)
                        old.changed[parts.preparation] = old.stamp
                        old.changed[parts.cutover] = old.stamp
                        blocksChanged = true
                    }
                    let h = old.placed[parts.hypercare]
                    if block.hypercare.start != h.start || block.hypercare.finish != h.finish || block.hypercare.earliest != h.earliest {
                        old.changed[parts.hypercare] = old.stamp
                    }
                }
            } else {
                var evidence: [Evidence]? = subset == nil ? [] : nil
                block = try level(goLive, placements, load: load, delay: delay, counting: nil, known: nil, evidence: &evidence,
                                  keepsCauses: keepsCauses)
                if let evidence {
                    if record.evidence.isEmpty { record.evidence = Array(repeating: [], count: network.goLiveParts.count) }
                    record.evidence[goLive] = evidence
                }
            }
            step += 1
            if let replay { replay.placedMark[goLive] = replay.stamp }
            placements[parts.preparation] = block.preparation
            placements[parts.cutover] = block.cutover
            placements[parts.hypercare] = block.hypercare
            if let bounds, block.preparation.finish > bounds[parts.preparation] || block.cutover.finish > bounds[parts.cutover]
                || block.hypercare.finish > bounds[parts.hypercare] { return false }
            if !block.causes.isEmpty && keepsCauses { record.leveling[parts.preparation] = block.causes.map(\.text) }
            load.add(block.preparation.start...block.cutover.start, cutover: block.cutover.start)
            try done(parts.preparation)
            try done(parts.cutover)
            try done(parts.hypercare)
        }
        if placedCount < expected {
            let stuck = (subset ?? Array(timing.indices)).first { placements[$0] == nil }!
            let item = network.items[stuck]
            throw PlanError(message: "'\(item.id)' cannot be scheduled: it waits on a dependency cycle", location: item.location)
        }
        return true
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
    func place(_ index: Int, _ placements: [Placement?], _ delay: Delay?) throws(PlanError) -> Placement {
        var (earliest, opening, reason) = try earliestDay(index, placements)
        if isMilestone(index) {
            var shown = opening ? earliest : earliest.advanced(by: -1)
            if let delay, delay.item == index {
                // A delayed milestone is shown `days` working days later; its successors follow its new E.
                shown = try delayed(index, shown, by: delay.days)
                earliest = shown.advanced(by: opening ? 0 : 1)
            }
            return Placement(earliest: earliest, start: shown, finish: shown, shownEarly: !opening, reason: reason)
        }
        var (start, finish) = try span(index, from: earliest)
        if let delay, delay.item == index { finish = try delayed(index, finish, by: delay.days) }
        return Placement(earliest: earliest, start: start, finish: finish, reason: reason)
    }

    /// The `days`-th working day (of the item's calendar) after `day`: a finish delayed by the delay test.
    func delayed(_ index: Int, _ day: Day, by days: Int) throws(PlanError) -> Day {
        guard let later = network.calendars[network.timing[index].calendar].nthWorkingDay(days, onOrAfter: day.advanced(by: 1)) else {
            throw pastSpan(index)
        }
        return later
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
            finish = earliest.addingMonths(duration.months ?? 0).advanced(by: -1 + (extraDays.isEmpty ? 0 : extraDays[index]))
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

    /// What a replay knows of a go-live's leveling in the plan: its failed tries as facts (each explains the
    /// tries from its `from` up to the next fact's, or up to the planned start; tries before the first fact
    /// fell in a freeze, which stays), valid while its earliest day lies between the planned earliest and start.
    struct Known {
        var facts: [Evidence]
        /// The first `holding` facts hold for certain (nothing they are about has changed).
        var holding: Int
        var start: Day
        /// Trust the facts only up to the first one that no longer holds (`--explain` then names the same
        /// causes the plan's own tries found from there on).
        var untilFirstGone: Bool
    }


    /// Places a go-live as one block: preparation from S, the cutover on the first working day after it,
    /// hypercare from the cutover. S moves a working day at a time until no freeze, gap or parallel limit is broken.
    private func level(_ goLive: Int, _ placements: [Placement?], load: ActiveGoLives, delay: Delay?, counting replay: Replay? = nil, known: Known?, evidence: inout [Evidence]?, keepsCauses: Bool)
        throws(PlanError) -> (preparation: Placement, cutover: Placement, hypercare: Placement, causes: [LevelingFailure]) {
        let parts = network.goLiveParts[goLive]
        let calendar = network.calendars[network.timing[parts.preparation].calendar]
        let (earliest, _, reason) = try earliestDay(parts.preparation, placements)
        let minGap = rollout.minGap.workingDays ?? 0
        let maxParallel = rollout.maxParallel
        var s = earliest
        var causes: [LevelingFailure] = []
        var tries = 0
        // The plan's facts, while they are trusted (tries before `knownStart` only).
        let facts = known?.facts ?? [], holding = known?.holding ?? 0, untilFirstGone = known?.untilFirstGone ?? false
        var knownStart = known?.start ?? earliest
        var fact = 0  // facts before `fact` start on or before s
        // Jumps are exact only when the preparation counts working days (then the cutover moves with it).
        let jumps = durations[parts.preparation].workingDays != nil && !triesEveryDay
        let hasFreezes = !calendar.freezes.isEmpty
        // Each failing check skips exactly the starts that fail it, so the order of the checks changes only which
        // reason is named: a replay that names none checks the cheapest, and most often failing, one first.
        let quick = evidence == nil && !keepsCauses
        // A preparation in working days, not delayed: its block in one calendar lookup (the cutover is the next
        // working day).
        let plainDays = delay?.item == parts.preparation ? nil : durations[parts.preparation].workingDays
        while true {
            while s < knownStart {
                if fact < holding {
                    // Straight past the stretches of the facts that hold.
                    fact = holding
                    s = max(s, fact < facts.count ? facts[fact].from : knownStart)
                    continue
                }
                while fact < facts.count && facts[fact].from <= s { fact += 1 }
                let end = fact < facts.count ? facts[fact].from : knownStart
                // Before the first fact the tries fell in a freeze.
                guard fact > 0 else { s = end; continue }
                let reason = facts[fact - 1]
                if reason.gap ? load.hasCutover(on: reason.day) : load.isFull(reason.day) {
                    s = end
                    continue
                }
                // A reason is gone: try this start.
                if untilFirstGone { knownStart = s }
                break
            }
            tries += 1
            replay?.tries += 1
            var start: Day, finish: Day, cutover: Day
            if let days = plainDays, let block = calendar.block(days, onOrAfter: s) {
                (start, finish, cutover) = block
            } else {
                (start, finish) = try span(parts.preparation, from: s)
                if let delay, delay.item == parts.preparation { finish = try delayed(parts.preparation, finish, by: delay.days) }
                guard let next = calendar.nthWorkingDay(1, onOrAfter: finish.advanced(by: 1)) else { throw pastSpan(parts.preparation) }
                cutover = next
            }
            var failure: LevelingFailure?
            // Where the next try that could pass starts: every S before it fails for the same reason.
            var skip: Day?
            if quick, let limit = maxParallel, let overloaded = load.firstFull(start...cutover) {
                failure = .parallel(limit)
                skip = calendar.nthWorkingDay(1, onOrAfter: overloaded.upperBound.advanced(by: 1))
            } else if hasFreezes, let freeze = calendar.freeze(containing: cutover) {
                failure = .freeze(freeze)
                skip = shifted(start, by: calendar.workingDays(from: cutover, through: freeze.to), calendar)
            } else if minGap > 0, let other = load.tooClose(cutover, minGap: minGap, calendar) {
                failure = .gap(minGap, other)
                evidence?.append(Evidence(from: s, day: other, gap: true))
                if let target = calendar.nthWorkingDay(minGap + 1, onOrAfter: other.advanced(by: 1)) {
                    skip = shifted(start, by: calendar.workingDays(from: cutover, through: target.advanced(by: -1)), calendar)
                }
            } else if !quick, let limit = maxParallel, let overloaded = load.firstFull(start...cutover) {
                failure = .parallel(limit)
                evidence?.append(Evidence(from: s, day: overloaded.upperBound, gap: false))
                // Every start up to the last day of this saturated stretch fails too (its block would cover it).
                skip = calendar.nthWorkingDay(1, onOrAfter: overloaded.upperBound.advanced(by: 1))
            }
            if !jumps { skip = nil }
            guard let failure else {
                // A delayed cutover: the go-live day itself slips, after the block is placed by the rules.
                if let delay, delay.item == parts.cutover { cutover = try delayed(parts.cutover, cutover, by: delay.days) }
                let preparation = Placement(earliest: earliest, start: start, finish: finish, reason: reason,
                                            leveledFrom: causes.isEmpty ? nil : earliest)
                let cutoverPlacement = Placement(earliest: cutover, start: cutover, finish: cutover,
                                                 reason: .link(position: 0))
                let hypercarePlacement: Placement
                if isMilestone(parts.hypercare) {
                    var shown = cutover
                    if let delay, delay.item == parts.hypercare { shown = try delayed(parts.hypercare, cutover, by: delay.days) }
                    hypercarePlacement = Placement(earliest: shown, start: shown, finish: shown,
                                                   reason: .link(position: 0))
                } else {
                    var (hStart, hFinish) = try span(parts.hypercare, from: cutover)
                    if let delay, delay.item == parts.hypercare { hFinish = try delayed(parts.hypercare, hFinish, by: delay.days) }
                    hypercarePlacement = Placement(earliest: cutover, start: hStart, finish: hFinish,
                                                   reason: .link(position: 0))
                }
                return (preparation, cutoverPlacement, hypercarePlacement, causes)
            }
            if keepsCauses && causes.count < 5 && !causes.contains(failure) { causes.append(failure) }
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

    // MARK: backward pass

    /// The classic backward pass: in working days, each item's latest finish that moves no successor's latest start
    /// and not the programme finish, over the same links and lags in reverse scheduling order.
    ///
    /// With leveled go-lives it is not the delay test's slack (rule 6); `DelayTest` uses it as follows:
    /// - `hold: false`: the slack of items from which no go-live can be reached (exact for them);
    /// - `hold: true`: a lower bound for the others. A go-live preparation's earliest day may grow up to its
    ///   placed start (every try before it failed, and would again) and, under `earliest` order, only while it
    ///   is still picked before the go-lives that were ready with it (`pickedFirstUntil`); its own parts count 0.
    ///   Within that bound no go-live moves, so nothing waits for another and the finish stays.
    /// Also returns each item's latest finish (a milestone: the latest day it may be shown); under `hold: false`
    /// an item that finishes after it moves the programme finish whatever leveling does, since leveling never
    /// places a go-live earlier than its links allow.
    func backward(_ placed: [Placement], order: [Int], finish: Day, hold: Bool, pickedFirstUntil: [Day] = []) -> (slack: [Int], latest: [Day]) {
        let timing = network.timing, edges = network.edges
        // latestAnchor[i]: the latest day item i's E (milestones) or start (others) may be.
        var latestAnchor = [Day](repeating: finish, count: timing.count)
        var slack = [Int](repeating: 0, count: timing.count)
        var latestFinishes = [Day](repeating: finish, count: timing.count)
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
                latestFinishes[index] = latestShown
            } else {
                let extra = extraDays.isEmpty || durations[index].months == nil ? 0 : extraDays[index]
                var latestStart = min(startBound, Self.latestStart(durations[index], finishingBy: finishBound.advanced(by: -extra), calendar) ?? placement.start)
                latestStart = max(latestStart, placement.start)
                latestAnchor[index] = latestStart
                let latestFinish = (try? span(index, from: latestStart).1) ?? placement.finish
                slack[index] = calendar.workingDays(from: placement.finish.advanced(by: 1), through: latestFinish)
                latestFinishes[index] = latestFinish
                if hold && item.kind == .preparation {
                    latestAnchor[index] = rollout.order == .listed || pickedFirstUntil.isEmpty ? placement.start
                        : min(placement.start, pickedFirstUntil[item.goLive!])
                    slack[index] = 0
                }
            }
            if hold && item.kind == .cutover { slack[index] = 0 }
        }
        return (slack, latestFinishes)
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
