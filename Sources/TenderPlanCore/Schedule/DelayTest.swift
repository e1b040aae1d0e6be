/// Total slack by the delay test (rule 6): the largest N such that delaying an item's finish by any n ≤ N
/// working days, everything after it rescheduled with leveling, does not move the programme finish.
///
/// Exact, and cheap where it can be:
/// 1. An item from which no go-live can be reached (or any item, when nothing is leveled) delays only items
///    placed by their links: the classic backward pass (`upper`) is the delay test there.
/// 2. For the others a second backward pass (`lower`) holds every go-live where leveling placed it (its earliest
///    day may grow up to its placed start, and under `earliest` order only while leveling still picks it in the
///    same order) and counts 0 for the go-live parts themselves. Within that bound no go-live moves, so the
///    finish cannot move either.
/// 3. Past it the delay test is run as written: the item is delayed by n = lower + 1, lower + 2, … working
///    days and what can change is rescheduled (what follows the item, and every go-live with what follows
///    them), until the first n that moves the finish. Leveling is not monotone: a longer preparation can fit
///    earlier than before (past a `min_gap` or a freeze), and a go-live that moves can free room for another,
///    so every n up to the answer is tried, and the classic bound is no upper bound here. Each try stops as
///    soon as an item finishes after the latest day its links allow (then the finish moves whatever leveling does).
/// A go-live's preparation is delayed by making it longer (leveling places the longer block again, so a
/// waiting go-live may start earlier); its cutover by letting the go-live day itself slip after the block is
/// placed, which is what "the go-live is a day late" means.
struct DelayTest {
    let scheduler: Scheduler
    let placed: [Scheduler.Placement]
    let finish: Day
    let upper: [Int]
    let lower: [Int]
    /// Each item's latest finish by its links alone: finishing after it moves the programme finish.
    let latest: [Day]
    /// Items from which a go-live's preparation or cutover can be reached through links (or that are one).
    let reachesGoLive: [Bool]
    /// Every item that follows a go-live (its parts included), in item order: rescheduled in every try.
    let afterGoLives: [Int]
    /// The order the forward pass placed the items in.
    let order: [Int]
    /// Whether leveling can make go-lives wait for each other or for a freeze at all.
    let levels: Bool
    /// Items that leveling makes critical (the classic backward pass gives them slack): what a day's delay moves.
    private(set) var limits: [Int: String] = [:]
    /// Whether the work budget ran out (the remaining items keep the classic backward pass's slack).
    private(set) var incomplete = false
    /// Leveling tries all trials together may make: a pathological rollout (years of waiting go-lives)
    /// must not turn a plan into an hour of rescheduling.
    private let budget: Int

    // Scratch space for the tries, reused.
    private var work: [Scheduler.Placement?]
    private var waiting: [Int]
    private var mark: [Int]
    private var stamp = 0
    private let replay: Scheduler.Replay

    init(_ scheduler: Scheduler, placed: [Scheduler.Placement], record: Scheduler.Record, finish: Day) {
        let order = record.order
        self.order = order
        self.scheduler = scheduler
        self.placed = placed
        self.finish = finish
        let network = scheduler.network
        let count = placed.count
        (upper, latest) = scheduler.backward(placed, order: order, finish: finish, hold: false)
        let rollout = scheduler.rollout
        let goLiveCalendars = Set(network.goLiveParts.map { network.timing[$0.preparation].calendar })
        levels = !network.goLiveParts.isEmpty
            && (rollout.maxParallel != nil || (rollout.minGap.workingDays ?? 0) > 0
                || goLiveCalendars.contains { !network.calendars[$0].freezes.isEmpty })
        lower = levels ? scheduler.backward(placed, order: order, finish: finish, hold: true, pickedFirstUntil: record.pickedFirstUntil).slack : upper
        var reaches = [Bool](repeating: false, count: count)
        var follows = [Bool](repeating: false, count: count)
        if levels {
            for index in order.reversed() {
                reaches[index] = network.timing[index].kind == .cutover || network.successors[index].contains { reaches[$0] }
            }
            for index in order {
                follows[index] = network.timing[index].goLive != nil || network.timing[index].links.contains { follows[network.edges[$0].from] }
            }
        }
        reachesGoLive = reaches
        afterGoLives = follows.indices.filter { follows[$0] }
        work = placed.map { $0 }
        waiting = [Int](repeating: 0, count: count)
        mark = [Int](repeating: 0, count: count)
        budget = 2_000_000 + 2_000 * count
        replay = Scheduler.Replay(placed: placed, choices: record.choices,
                                  evidence: record.evidence.isEmpty ? Array(repeating: [], count: network.goLiveParts.count) : record.evidence)
    }

    /// Each item's total slack in working days of its calendar.
    mutating func slack() -> [Int] {
        var slack = upper
        guard levels else { return slack }
        for index in placed.indices where reachesGoLive[index] {
            guard replay.tries <= budget else { incomplete = true; break }
            var n = lower[index] + 1
            let cap = cap(index)
            while n < cap && replay.tries <= budget && !moves(index, by: n) { n += 1 }
            if replay.tries > budget { incomplete = true; slack[index] = upper[index]; break }
            slack[index] = n - 1
            // What makes an item critical, when leveling does (not only its links).
            if n == 1 && upper[index] > 0 { limits[index] = explain(index, by: n) }
        }
        return slack
    }

    /// Slack 0 for the critical items and a positive number for the others (risk needs no more). Items are
    /// taken last to first, so an item whose one-day delay acts only through its successor takes its answer.
    mutating func criticalOnly() -> [Int] {
        var slack = upper
        guard levels else { return slack }
        for index in order.reversed() where reachesGoLive[index] {
            guard replay.tries <= budget else { incomplete = true; break }
            if lower[index] > 0 {
                slack[index] = 1
            } else if let next = actsThroughSuccessor(index) {
                slack[index] = slack[next]
            } else {
                slack[index] = moves(index, by: 1) ? 0 : 1
            }
        }
        return slack
    }

    /// The single successor through which a one-day delay of `index` reaches the rest of the plan, when it moves
    /// that successor exactly as a one-day delay of the successor itself would (same finish, same earliest day,
    /// and nothing follows the successor's start); nil otherwise. Go-live parts are never such a successor.
    private mutating func actsThroughSuccessor(_ index: Int) -> Int? {
        let network = scheduler.network
        let successors = network.successors[index]
        guard let next = successors.first, successors.allSatisfy({ $0 == next }), network.timing[next].goLive == nil,
              !network.outgoing[next].contains(where: { network.edges[network.timing[$0.to].links.lowerBound + $0.position].startToStart })
        else { return nil }
        guard let delayedItem = try? scheduler.place(index, work, Scheduler.Delay(item: index, days: 1)) else { return nil }
        work[index] = delayedItem
        let pushed = try? scheduler.place(next, work, nil)
        work[index] = placed[index]
        guard let pushed, let delayedNext = try? scheduler.place(next, work, Scheduler.Delay(item: next, days: 1)),
              pushed.finish == delayedNext.finish, pushed.shownEarly == delayedNext.shownEarly,
              pushed.earliest == delayedNext.earliest || !scheduler.isMilestone(next)
        else { return nil }
        return next
    }

    /// A delay that surely moves the finish: the item would finish after it even from the programme start
    /// (leveling can place a lengthened go-live earlier than before, so its planned dates give no bound).
    private func cap(_ index: Int) -> Int {
        let calendar = scheduler.network.calendars[scheduler.network.timing[index].calendar]
        return calendar.workingDays(from: scheduler.start, through: finish) + 2
    }

    /// Whether delaying `index` by `days` working days moves the programme finish later.
    private mutating func moves(_ index: Int, by days: Int) -> Bool {
        var record = Scheduler.Record(keepsCauses: false)
        let (subset, stays) = reschedule(index, by: days, &record)
        restore(subset)
        return !stays
    }

    /// One try: `index` delayed by `days`, what it can move rescheduled into `work` (there until `restore`).
    /// Whether every item stayed within the latest day its links allow.
    private mutating func reschedule(_ index: Int, by days: Int, _ record: inout Scheduler.Record) -> (subset: [Int], stays: Bool) {
        let subset = prepare(index)
        replay.stamp += 1
        let stays = (try? scheduler.forward(&work, &waiting, subset: subset, record: &record,
                                            delay: Scheduler.Delay(item: index, days: days), bounds: latest, replay: replay)) ?? false
        return (subset, stays)
    }

    private mutating func restore(_ subset: [Int]) {
        for item in subset { work[item] = placed[item] }
    }

    /// The items a delay of `index` can move (what follows it, and all go-lives with what follows them), cleared
    /// in `work` and with `waiting` counting their links from each other.
    private mutating func prepare(_ index: Int) -> [Int] {
        let network = scheduler.network
        stamp += 1
        var subset = afterGoLives
        for item in subset { mark[item] = stamp }
        var stack = [index]
        while let item = stack.popLast() {
            guard mark[item] != stamp else { continue }
            mark[item] = stamp
            subset.append(item)
            stack.append(contentsOf: network.successors[item])
        }
        for item in subset {
            work[item] = nil
            waiting[item] = network.timing[item].links.reduce(0) { $0 + (mark[network.edges[$1].from] == stamp ? 1 : 0) }
        }
        return subset
    }

    /// Why a delay of `days` moves the finish: the first go-live (in file order) that leveling then places later
    /// than before although its own dependencies would allow its old start.
    private mutating func explain(_ index: Int, by days: Int) -> String {
        let network = scheduler.network
        // Found without texts; the go-live's own leveling is then replayed with them (the dates are the same).
        var record = Scheduler.Record(keepsCauses: false)
        let subset = reschedule(index, by: days, &record).subset
        var found: (goLive: Int, start: Day)?
        for (goLive, parts) in network.goLiveParts.enumerated() where parts.preparation != index && parts.cutover != index {
            guard replay.changed[parts.preparation] == replay.stamp, let moved = work[parts.preparation], moved.start > placed[parts.preparation].start,
                  moved.earliest <= placed[parts.preparation].start else { continue }
            found = (goLive, moved.start)
            break
        }
        restore(subset)
        guard let found else {
            return "a delay of \(days) working day\(days == 1 ? "" : "s") changes the order in which leveling places the go-lives, and that moves the programme finish"
        }
        let preparation = network.goLiveParts[found.goLive].preparation
        record = Scheduler.Record(keepsCauses: false, causesOf: found.goLive)
        restore(reschedule(index, by: days, &record).subset)
        let id = String(network.items[preparation].id.dropLast(".preparation".count))
        let why = record.leveling[preparation].map { " because " + $0.joined(separator: "; then ") } ?? ""
        return "a delay of \(days) working day\(days == 1 ? "" : "s") makes go-live \(id) wait (its preparation would start \(found.start) instead of \(placed[preparation].start)\(why)), and that moves the programme finish"
    }
}
