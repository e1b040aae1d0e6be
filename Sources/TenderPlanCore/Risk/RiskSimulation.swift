import Foundation

/// Monte Carlo over the plan and the costs: every estimate, risk event and cost uncertainty is drawn,
/// and each iteration is rescheduled (with leveling and freezes) and recosted by the real engines.
/// Each iteration's draws come from its own generator (seed, iteration), so any number of threads
/// gives the same result.
public struct RiskSimulation: Sendable {
    public let scenario: Scenario
    public let fitGap: FitGapResult
    let analysis: FitGapAnalysis
    var network: PlanNetwork
    let lines: [CostProjection.LineInfo]
    let deterministic: PlanResult

    /// A three-point amount as plain numbers (no strings, so threads share no reference counts).
    struct ThreePoint: Sendable {
        var low: Double, mode: Double, high: Double
        var pert: Bool
        var unit: DurationUnit

        init(_ estimate: Estimate) {
            low = Double(estimate.optimistic.amount)
            mode = Double(estimate.likely.amount)
            high = Double(estimate.pessimistic.amount)
            pert = estimate.distribution == .pert
            unit = estimate.likely.unit
        }

        /// A draw rounded half-up to a whole unit, never below `minimum`.
        func draw(minimum: Int, _ random: inout SplitMix64) -> Int {
            let value = pert ? Sampling.pert(low, mode, high, &random) : Sampling.triangular(low, mode, high, &random)
            return max(minimum, Int((value + 0.5).rounded(.down)))
        }
    }

    /// One uncertain input, in the fixed order draws are made.
    enum Input: Sendable {
        /// An item's duration (a task, or a go-live's preparation) drawn from its estimate.
        case duration(item: Int, ThreePoint)
        /// A risk event: its chance, its delay on an item, its cost.
        case risk(probability: Double, item: Int?, delay: ThreePoint?, cost: Decimal?)
        /// A cost line's amount factor 1 + u, u ~ triangular(low, 0, high).
        case cost(row: Int, low: Double, high: Double)
    }

    var inputs: [Input]
    /// The inputs' names, for the drivers.
    let inputNames: [String]
    /// Whether any cost or benefit line exists (else iterations skip the cost engine).
    let hasCosts: Bool
    var baseDurations: [PlanDuration]
    let start: Day
    let rollout: Rollout

    public init(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult) {
        self.scenario = scenario
        self.fitGap = fitGap
        analysis = FitGapAnalysis(scenario)
        network = plan.network
        deterministic = plan
        let projection = CostProjection(scenario: scenario, plan: plan, fitGap: fitGap, analysis: analysis)
        lines = projection.lines()
        var inputs: [Input] = []
        var names: [String] = []
        func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
        for task in scenario.tasks {
            if let estimate = task.estimate, let item = network.index[task.id.raw] {
                inputs.append(.duration(item: item, ThreePoint(estimate)))
                names.append("duration of \(task.id)")
            }
        }
        for goLive in scenario.goLives {
            if let estimate = goLive.estimate, let item = network.index["\(goLive.id).preparation"] {
                inputs.append(.duration(item: item, ThreePoint(estimate)))
                names.append("preparation of \(goLive.id)")
            }
        }
        for risk in scenario.risks {
            var item: Int?
            if let delay = risk.delay {
                item = network.index[delay.item.value.raw] ?? network.index["\(delay.item.value).preparation"]
            }
            inputs.append(.risk(probability: double(risk.probability), item: item, delay: risk.delay.map { ThreePoint($0.by) }, cost: risk.cost))
            names.append("risk \(risk.id)")
        }
        for (row, line) in lines.enumerated() {
            if let uncertainty = line.uncertainty {
                inputs.append(.cost(row: row, low: double(uncertainty.low), high: double(uncertainty.high)))
                names.append("cost \(line.source) \(line.name)")
            }
        }
        inputNames = names
        self.inputs = inputs
        hasCosts = !lines.isEmpty || scenario.risks.contains { $0.cost != nil }
        baseDurations = network.items.map(\.duration)
        start = scenario.info.start
        rollout = scenario.rollout
    }

    /// What a run of consecutive iterations produced, one row per iteration. Flat arrays: an iteration
    /// allocates no arrays of its own, and the summary reads rows without reference counting.
    struct Outcomes: Sendable {
        let itemCount: Int
        let inputCount: Int
        /// Row-major: each item's finish day and whether it is critical, iteration by iteration.
        var finishes: [Int32] = []
        var critical: [Bool] = []
        /// Row-major: the drawn value of each input (days of a duration or delay, the cost factor).
        var draws: [Double] = []
        var finish: [Int] = []
        var lastGoLive: [Int?] = []
        var totalReal: [Decimal] = []
        var npv: [Decimal] = []
        var legacyExtension: [Decimal] = []

        init(itemCount: Int, inputCount: Int, capacity: Int) {
            self.itemCount = itemCount
            self.inputCount = inputCount
            finishes.reserveCapacity(capacity * itemCount)
            critical.reserveCapacity(capacity * itemCount)
            draws.reserveCapacity(capacity * inputCount)
            finish.reserveCapacity(capacity)
        }

        var count: Int { finish.count }

        mutating func append(finish: Int, lastGoLive: Int?, totalReal: Decimal = 0, npv: Decimal = 0, legacyExtension: Decimal = 0) {
            self.finish.append(finish)
            self.lastGoLive.append(lastGoLive)
            self.totalReal.append(totalReal)
            self.npv.append(npv)
            self.legacyExtension.append(legacyExtension)
        }
    }

    /// Runs one iteration and appends its row to `outcomes`; `durations` is a buffer the caller keeps
    /// between iterations (it holds `baseDurations` again on return).
    func iterate(_ iteration: Int, seed: UInt64, durations: inout [PlanDuration], into outcomes: inout Outcomes) {
        var random = SplitMix64(seed: seed, iteration: iteration)
        var factors: [Int: Decimal] = [:]
        var extraDays: [Int] = []
        var riskCosts: [(item: Int?, amount: Decimal)] = []
        for input in inputs {
            switch input {
            case .duration(let item, let estimate):
                let drawn = estimate.draw(minimum: baseDurations[item].isZero ? 0 : 1, &random)
                durations[item] = PlanDuration(drawn, estimate.unit)
                outcomes.draws.append(Double(drawn))
            case .risk(let probability, let item, let delay, let cost):
                let occurs = random.unit() < probability
                var delayDays = 0.0
                if let delay {
                    // Draw the delay always, so later draws do not shift with the occurrence.
                    let amount = delay.draw(minimum: 0, &random)
                    if occurs, let item {
                        let added = PlanDuration(amount, delay.unit)
                        if durations[item].months != nil, let days = added.calendarDays {
                            // Days on a month or year item go after its span from wherever it starts (rule 2),
                            // not into a 30-day month: the item never finishes earlier than planned.
                            if extraDays.isEmpty { extraDays = Array(repeating: 0, count: durations.count) }
                            extraDays[item] += days
                        } else {
                            durations[item] = RiskSimulation.add(durations[item], added)
                        }
                        delayDays = Double(amount)
                    }
                }
                if occurs, let cost { riskCosts.append((item, cost)) }
                outcomes.draws.append(occurs ? max(delayDays, 1) : 0)
            case .cost(let row, let low, let high):
                let u = Sampling.triangular(low, 0, high, &random)
                // Six decimals of the factor are plenty for percentiles of money.
                factors[row] = 1 + Decimal(Int((u * 1_000_000).rounded())) / 1_000_000
                outcomes.draws.append(1 + u)
            }
        }
        let dates = Scheduler(start: start, rollout: rollout, network: network, durations: durations, extraDays: extraDays).runDates()
        // Put the drawn items back, so the buffer holds the base durations for the next iteration.
        for input in inputs {
            switch input {
            case .duration(let item, _), .risk(_, let item?, _, _): durations[item] = baseDurations[item]
            default: break
            }
        }
        guard let dates else {
            // The drawn plan ran past the planner's last day: keep the deterministic dates for it.
            for item in deterministic.items.indices {
                outcomes.finishes.append(Int32(deterministic.items[item].finish.number))
                outcomes.critical.append(deterministic.items[item].critical)
            }
            outcomes.append(finish: deterministic.finish.number, lastGoLive: deterministic.lastGoLive?.number)
            return
        }
        for day in dates.finishes { outcomes.finishes.append(Int32(day.number)) }
        outcomes.critical.append(contentsOf: dates.critical)
        let lastGoLive = network.lastGoLive.map { dates.finishes[$0].number }
        guard hasCosts else {
            outcomes.append(finish: dates.finish.number, lastGoLive: lastGoLive)
            return
        }
        // The cost engine reads the plan: the deterministic one with this iteration's dates.
        var plan = deterministic
        for index in plan.items.indices {
            plan.items[index].start = dates.starts[index]
            plan.items[index].finish = dates.finishes[index]
        }
        plan.finish = dates.finish
        var summary = CostProjection(scenario: scenario, plan: plan, fitGap: fitGap, analysis: analysis).summary(factors: factors)
        let base = scenario.info.baseYear
        for (item, amount) in riskCosts {
            // A risk's cost falls on its item's start (the programme start without a delay), within the projection.
            let day = item.map { plan.items[$0].start } ?? scenario.info.start
            guard day.year >= base && day.year <= scenario.info.horizon else { continue }
            summary.totalReal += amount
            var discount = Decimal(1)
            for _ in 0..<(day.year - base) { discount *= 1 + scenario.info.discountRate }
            summary.npv += amount / discount
        }
        outcomes.append(finish: dates.finish.number, lastGoLive: lastGoLive, totalReal: summary.totalReal,
                        npv: summary.npv, legacyExtension: summary.legacyExtension)
    }

    /// Adds a delay to a duration in the same unit family (months count 30 days where they meet day units).
    static func add(_ duration: PlanDuration, _ delay: PlanDuration) -> PlanDuration {
        if duration.unit == delay.unit { return PlanDuration(duration.amount + delay.amount, duration.unit) }
        if let a = duration.workingDays, let b = delay.workingDays { return PlanDuration(a + b, .workingDays) }
        if let a = duration.months, let b = delay.months { return PlanDuration(a + b, .months) }
        let days = { (d: PlanDuration) in d.calendarDays ?? (d.months ?? 0) * 30 }
        return PlanDuration(days(duration) + days(delay), .calendarDays)
    }

    /// Runs `iterations` iterations on `threads` concurrent tasks; the result does not depend on `threads`.
    public func run(iterations: Int, seed: UInt64, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) async -> RiskResult {
        let workers = max(1, min(threads, iterations))
        let parts: [Outcomes] = await withTaskGroup(of: (Int, Outcomes).self) { group in
            for worker in 0..<workers {
                // Consecutive ranges of nearly equal size (a rounded-up chunk left the last workers past the end).
                let range = (iterations * worker / workers)..<(iterations * (worker + 1) / workers)
                guard !range.isEmpty else { continue }
                group.addTask { (worker, self.outcomes(range, seed: seed, progress: progress)) }
            }
            var parts: [(Int, Outcomes)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map { $0.1 }
        }
        return summarise(parts, seed: seed)
    }

    /// The same result as `run(iterations:seed:threads:)`, computed on the calling thread.
    public func run(iterations: Int, seed: UInt64) -> RiskResult {
        summarise([outcomes(0..<iterations, seed: seed, progress: nil)], seed: seed)
    }

    /// The outcomes of the iterations in `range`, in order.
    func outcomes(_ range: Range<Int>, seed: UInt64, progress: (@Sendable (Int) -> Void)?) -> Outcomes {
        // Each worker schedules on its own copy of the network and calendars: threads that share
        // the same arrays spend their time on reference counts, not on the plan.
        var local = self
        local.network = PlanNetwork(scenario)
        local.baseDurations = local.network.items.map { $0.duration }
        local.inputs = inputs.map { $0 }
        var durations = local.baseDurations
        var outcomes = Outcomes(itemCount: local.network.items.count, inputCount: local.inputs.count, capacity: range.count)
        for iteration in range {
            local.iterate(iteration, seed: seed, durations: &durations, into: &outcomes)
            if iteration % 500 == 0 { progress?(iteration) }
        }
        return outcomes
    }

    /// The results of the iterations, in iteration order (`parts` are consecutive runs of them).
    func summarise(_ parts: [Outcomes], seed: UInt64) -> RiskResult {
        let n = parts.reduce(0) { $0 + $1.count }
        let itemCount = network.items.count
        func percentiles<T: Comparable & Sendable>(_ values: [T]) -> RiskResult.Percentiles<T> {
            let sorted = values.sorted()
            return RiskResult.Percentiles(p10: RiskSimulation.nearestRank(sorted, 0.10), p50: RiskSimulation.nearestRank(sorted, 0.50),
                                          p80: RiskSimulation.nearestRank(sorted, 0.80), p90: RiskSimulation.nearestRank(sorted, 0.90))
        }
        func days(_ p: RiskResult.Percentiles<Int>) -> RiskResult.Percentiles<Day> {
            RiskResult.Percentiles(p10: Day(number: p.p10), p50: Day(number: p.p50), p80: Day(number: p.p80), p90: Day(number: p.p90))
        }
        func curve<T: Comparable>(_ values: [T]) -> [T] {
            let sorted = values.sorted()
            return (0...20).map { RiskSimulation.nearestRank(sorted, Double($0) / 20) }
        }
        let itemSummaries = RiskSimulation.itemSummaries(parts, items: 0..<itemCount)
        var items: [RiskResult.Item] = []
        items.reserveCapacity(itemCount)
        for (index, summary) in itemSummaries.enumerated() {
            items.append(RiskResult.Item(id: network.items[index].id, finish: days(summary.finish), criticality: Double(summary.critical) / Double(n)))
        }
        let finishes = parts.flatMap { $0.finish }
        let totals = parts.flatMap { $0.totalReal }
        let lastGoLives = parts.flatMap { $0.lastGoLive }.compactMap { $0 }
        let finishRanks = RiskSimulation.ranks(finishes.map(Double.init))
        let costRanks = RiskSimulation.ranks(totals.map { NSDecimalNumber(decimal: $0).doubleValue })
        let names = inputNames
        var drivers = (0..<names.count).map { input in
            var draws: [Double] = []
            draws.reserveCapacity(n)
            for part in parts {
                for row in 0..<part.count { draws.append(part.draws[row * part.inputCount + input]) }
            }
            let ranks = RiskSimulation.ranks(draws)
            return RiskResult.Driver(input: names[input], finishCorrelation: RiskSimulation.correlation(ranks, finishRanks),
                                     costCorrelation: RiskSimulation.correlation(ranks, costRanks))
        }
        drivers.sort { a, b in
            let ka = max(abs(a.finishCorrelation), abs(a.costCorrelation)), kb = max(abs(b.finishCorrelation), abs(b.costCorrelation))
            return ka != kb ? ka > kb : a.input < b.input
        }
        var deadlines: [RiskResult.Deadline] = []
        for (index, item) in network.items.enumerated() {
            guard let deadline = item.deadline else { continue }
            var met = 0
            for part in parts {
                for row in 0..<part.count where Int(part.finishes[row * itemCount + index]) <= deadline.number { met += 1 }
            }
            deadlines.append(RiskResult.Deadline(id: item.id, deadline: deadline, probability: Double(met) / Double(n)))
        }
        return RiskResult(
            seed: seed, iterations: n, items: items, finish: days(RiskSimulation.dayPercentiles(finishes[...])),
            lastGoLive: lastGoLives.count == n ? days(RiskSimulation.dayPercentiles(lastGoLives[...])) : nil,
            totalReal: percentiles(totals), npv: percentiles(parts.flatMap { $0.npv }),
            legacyExtension: percentiles(parts.flatMap { $0.legacyExtension }), drivers: drivers, deadlines: deadlines,
            finishCurve: curve(finishes).map { Day(number: $0) }, lastGoLiveCurve: lastGoLives.count == n ? curve(lastGoLives).map { Day(number: $0) } : [],
            totalRealCurve: curve(totals))
    }

    /// Each item's finish percentiles (day numbers) and in how many iterations it is critical, for `items`.
    /// Rows are read a block of items at a time, so one pass over the rows reads a few cache lines of each.
    static func itemSummaries(_ parts: [Outcomes], items: Range<Int>) -> [(finish: RiskResult.Percentiles<Int>, critical: Int)] {
        let n = parts.reduce(0) { $0 + $1.count }
        let blockWidth = 64
        var columns = [Int](repeating: 0, count: blockWidth * n)
        var summaries: [(finish: RiskResult.Percentiles<Int>, critical: Int)] = []
        summaries.reserveCapacity(items.count)
        for first in stride(from: items.lowerBound, to: items.upperBound, by: blockWidth) {
            let width = min(blockWidth, items.upperBound - first)
            var critical = [Int](repeating: 0, count: width)
            var row = 0
            for part in parts {
                for partRow in 0..<part.count {
                    let base = partRow * part.itemCount + first
                    for offset in 0..<width {
                        columns[offset * n + row] = Int(part.finishes[base + offset])
                        if part.critical[base + offset] { critical[offset] += 1 }
                    }
                    row += 1
                }
            }
            for offset in 0..<width {
                summaries.append((dayPercentiles(columns[(offset * n)..<(offset * n + n)]), critical[offset]))
            }
        }
        return summaries
    }

    /// Nearest-rank percentiles of day numbers. Dates span few distinct days: count them instead of sorting
    /// (the same result).
    static func dayPercentiles(_ values: ArraySlice<Int>) -> RiskResult.Percentiles<Int> {
        guard let low = values.min(), let high = values.max(), high - low < 4_000_000 else {
            let sorted = values.sorted()
            return RiskResult.Percentiles(p10: nearestRank(sorted, 0.10), p50: nearestRank(sorted, 0.50),
                                          p80: nearestRank(sorted, 0.80), p90: nearestRank(sorted, 0.90))
        }
        var counts = [Int32](repeating: 0, count: high - low + 1)
        for value in values { counts[value - low] += 1 }
        func rank(_ p: Double) -> Int {
            let wanted = min(max(Int((p * Double(values.count)).rounded(.up)), 1), values.count)
            var seen = 0
            for (offset, count) in counts.enumerated() {
                seen += Int(count)
                if seen >= wanted { return low + offset }
            }
            return high
        }
        return RiskResult.Percentiles(p10: rank(0.10), p50: rank(0.50), p80: rank(0.80), p90: rank(0.90))
    }

    /// Percentile p of sorted samples: the sample at rank ⌈p × N⌉ (nearest rank), the first for p = 0.
    static func nearestRank<T>(_ sorted: [T], _ p: Double) -> T {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Ranks with ties given their average rank (for Spearman's correlation).
    static func ranks(_ values: [Double]) -> [Double] {
        // Sorting (value, index) pairs keeps each comparison local; how ties are ordered does not matter.
        var order = values.enumerated().map { (value: $0.element, index: $0.offset) }
        order.sort { $0.value < $1.value }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && order[end + 1].value == order[start].value { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position].index] = average }
            start = end + 1
        }
        return ranks
    }

    /// Pearson correlation of two rank vectors; 0 when either is constant.
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard n > 1 else { return 0 }
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        var covariance = 0.0, varianceA = 0.0, varianceB = 0.0
        for index in a.indices {
            let da = a[index] - meanA, db = b[index] - meanB
            covariance += da * db
            varianceA += da * da
            varianceB += db * db
        }
        guard varianceA > 0 && varianceB > 0 else { return 0 }
        return covariance / (varianceA * varianceB).squareRoot()
    }
}
