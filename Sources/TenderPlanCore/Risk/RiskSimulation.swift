import Foundation

/// Monte Carlo over the plan and the costs: every estimate, risk event and cost uncertainty is drawn,
/// and each iteration is rescheduled (with leveling and freezes) and recosted by the real engines.
/// Each iteration's draws come from its own generator (seed, iteration), so any number of threads
/// gives the same result.
public struct RiskSimulation: Sendable {
    public let scenario: Scenario
    public let fitGap: FitGapResult
    let analysis: FitGapAnalysis
    let network: PlanNetwork
    let lines: [CostProjection.LineInfo]
    let deterministic: PlanResult

    /// One uncertain input, in the fixed order draws are made.
    enum Input {
        /// An item's duration (a task, or a go-live's preparation) drawn from its estimate.
        case duration(item: Int, estimate: Estimate, name: String)
        /// A risk event: its chance, its delay on an item, its cost.
        case risk(Risk, item: Int?, name: String)
        /// A cost line's amount factor 1 + u, u ~ triangular(low, 0, high).
        case cost(row: Int, Uncertainty, name: String)

        var name: String {
            switch self {
            case .duration(_, _, let name), .risk(_, _, let name), .cost(_, _, let name): return name
            }
        }
    }

    let inputs: [Input]

    public init(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult) {
        self.scenario = scenario
        self.fitGap = fitGap
        analysis = FitGapAnalysis(scenario)
        network = plan.network
        deterministic = plan
        let projection = CostProjection(scenario: scenario, plan: plan, fitGap: fitGap, analysis: analysis)
        lines = projection.lines()
        var inputs: [Input] = []
        for task in scenario.tasks {
            if let estimate = task.estimate, let item = network.index[task.id.raw] {
                inputs.append(.duration(item: item, estimate: estimate, name: "duration of \(task.id)"))
            }
        }
        for goLive in scenario.goLives {
            if let estimate = goLive.estimate, let item = network.index["\(goLive.id).preparation"] {
                inputs.append(.duration(item: item, estimate: estimate, name: "preparation of \(goLive.id)"))
            }
        }
        for risk in scenario.risks {
            var item: Int?
            if let delay = risk.delay {
                item = network.index[delay.item.value.raw] ?? network.index["\(delay.item.value).preparation"]
            }
            inputs.append(.risk(risk, item: item, name: "risk \(risk.id)"))
        }
        for (row, line) in lines.enumerated() {
            if let uncertainty = line.uncertainty { inputs.append(.cost(row: row, uncertainty, name: "cost \(line.source) \(line.name)")) }
        }
        self.inputs = inputs
    }

    /// What one iteration produced.
    struct Outcome: Sendable {
        var finishes: [Int32]
        var critical: [Bool]
        var finish: Int
        var lastGoLive: Int?
        var totalReal: Decimal
        var npv: Decimal
        var legacyExtension: Decimal
        /// The drawn value of each input (days of a duration or delay, the cost factor).
        var draws: [Double]
    }

    func iterate(_ iteration: Int, seed: UInt64) -> Outcome {
        var random = SplitMix64(seed: seed, iteration: iteration)
        var copy = network
        var draws: [Double] = []
        draws.reserveCapacity(inputs.count)
        var factors: [Int: Decimal] = [:]
        var riskCosts: [(item: Int?, amount: Decimal)] = []
        for input in inputs {
            switch input {
            case .duration(let item, let estimate, _):
                let deterministicDuration = network.items[item].duration
                let drawn = Sampling.draw(estimate, minimum: deterministicDuration.isZero ? 0 : 1, &random)
                copy.items[item].duration = PlanDuration(drawn, estimate.likely.unit)
                draws.append(Double(drawn))
            case .risk(let risk, let item, _):
                let occurs = random.unit() < NSDecimalNumber(decimal: risk.probability).doubleValue
                var delayDays = 0.0
                if let delay = risk.delay {
                    // Draw the delay always, so later draws do not shift with the occurrence.
                    let amount = Sampling.draw(delay.by, minimum: 0, &random)
                    if occurs, let item {
                        copy.items[item].duration = RiskSimulation.add(copy.items[item].duration, PlanDuration(amount, delay.by.likely.unit))
                        delayDays = Double(amount)
                    }
                }
                if occurs, let cost = risk.cost { riskCosts.append((item, cost)) }
                draws.append(occurs ? max(delayDays, 1) : 0)
            case .cost(let row, let uncertainty, _):
                let u = Sampling.triangular(NSDecimalNumber(decimal: uncertainty.low).doubleValue, 0,
                                            NSDecimalNumber(decimal: uncertainty.high).doubleValue, &random)
                // Six decimals of the factor are plenty for percentiles of money.
                factors[row] = 1 + Decimal(Int((u * 1_000_000).rounded())) / 1_000_000
                draws.append(1 + u)
            }
        }
        let plan = Scheduler(scenario, network: copy).run()
        guard !plan.items.isEmpty else {
            // The drawn plan ran past the planner's last day: keep the deterministic figures for it.
            return Outcome(finishes: deterministic.items.map { Int32($0.finish.number) }, critical: deterministic.items.map(\.critical),
                           finish: deterministic.finish.number, lastGoLive: deterministic.lastGoLive?.number,
                           totalReal: 0, npv: 0, legacyExtension: 0, draws: draws)
        }
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
        return Outcome(finishes: plan.items.map { Int32($0.finish.number) }, critical: plan.items.map(\.critical),
                       finish: plan.finish.number, lastGoLive: plan.lastGoLive?.number, totalReal: summary.totalReal,
                       npv: summary.npv, legacyExtension: summary.legacyExtension, draws: draws)
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
        let chunk = (iterations + workers - 1) / workers
        let outcomes: [Outcome] = await withTaskGroup(of: (Int, [Outcome]).self) { group in
            for worker in 0..<workers {
                let range = (worker * chunk)..<min(iterations, (worker + 1) * chunk)
                guard !range.isEmpty else { continue }
                group.addTask {
                    var results: [Outcome] = []
                    results.reserveCapacity(range.count)
                    for iteration in range {
                        results.append(self.iterate(iteration, seed: seed))
                        if iteration % 500 == 0 { progress?(iteration) }
                    }
                    return (worker, results)
                }
            }
            var parts: [(Int, [Outcome])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        return summarise(outcomes, seed: seed)
    }

    func summarise(_ outcomes: [Outcome], seed: UInt64) -> RiskResult {
        let n = outcomes.count
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
        var items: [RiskResult.Item] = []
        for index in network.items.indices {
            let finishes = outcomes.map { Int($0.finishes[index]) }
            let critical = outcomes.reduce(0) { $0 + ($1.critical[index] ? 1 : 0) }
            items.append(RiskResult.Item(id: network.items[index].id, finish: days(percentiles(finishes)), criticality: Double(critical) / Double(n)))
        }
        let finishes = outcomes.map(\.finish)
        let totals = outcomes.map(\.totalReal)
        let lastGoLives = outcomes.compactMap(\.lastGoLive)
        var drivers: [RiskResult.Driver] = []
        let finishRanks = RiskSimulation.ranks(finishes.map(Double.init))
        let costRanks = RiskSimulation.ranks(totals.map { NSDecimalNumber(decimal: $0).doubleValue })
        for (index, input) in inputs.enumerated() {
            let ranks = RiskSimulation.ranks(outcomes.map { $0.draws[index] })
            drivers.append(RiskResult.Driver(input: input.name, finishCorrelation: RiskSimulation.correlation(ranks, finishRanks),
                                             costCorrelation: RiskSimulation.correlation(ranks, costRanks)))
        }
        drivers.sort { a, b in
            let ka = max(abs(a.finishCorrelation), abs(a.costCorrelation)), kb = max(abs(b.finishCorrelation), abs(b.costCorrelation))
            return ka != kb ? ka > kb : a.input < b.input
        }
        var deadlines: [RiskResult.Deadline] = []
        for (index, item) in network.items.enumerated() {
            guard let deadline = item.deadline else { continue }
            let met = outcomes.reduce(0) { $0 + (Int($1.finishes[index]) <= deadline.number ? 1 : 0) }
            deadlines.append(RiskResult.Deadline(id: item.id, deadline: deadline, probability: Double(met) / Double(n)))
        }
        return RiskResult(
            seed: seed, iterations: n, items: items, finish: days(percentiles(finishes)),
            lastGoLive: lastGoLives.count == n ? days(percentiles(lastGoLives)) : nil,
            totalReal: percentiles(totals), npv: percentiles(outcomes.map(\.npv)),
            legacyExtension: percentiles(outcomes.map(\.legacyExtension)), drivers: drivers, deadlines: deadlines,
            finishCurve: curve(finishes).map { Day(number: $0) }, lastGoLiveCurve: lastGoLives.count == n ? curve(lastGoLives).map { Day(number: $0) } : [],
            totalRealCurve: curve(totals))
    }

    /// Percentile p of sorted samples: the sample at rank ⌈p × N⌉ (nearest rank), the first for p = 0.
    static func nearestRank<T>(_ sorted: [T], _ p: Double) -> T {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Ranks with ties given their average rank (for Spearman's correlation).
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
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
