import Foundation

/// A count that changes on certain days (live seats, live sites, live products): the value of the
/// last change on or before a day, 0 before the first.
struct StepFunction: Sendable {
    /// Changes in day order: from `day` on the value is `value`.
    var steps: [(day: Day, value: Decimal)]

    static func constant(_ value: Decimal) -> StepFunction {
        StepFunction(steps: [(Day(number: -3_000_000), value)])
    }

    /// A running total of increments on given days (a site's seats from its cutover, say).
    static func cumulative(_ increments: [(day: Day, amount: Decimal)]) -> StepFunction {
        var steps: [(Day, Decimal)] = []
        var total = Decimal(0)
        for (day, amount) in increments.sorted(by: { $0.day < $1.day }) {
            total += amount
            if let last = steps.last, last.0 == day { steps[steps.count - 1].1 = total } else { steps.append((day, total)) }
        }
        return StepFunction(steps: steps)
    }

    func value(at day: Day) -> Decimal {
        var result = Decimal(0)
        for step in steps {
            if step.day > day { break }
            result = step.value
        }
        return result
    }

    /// Σ over days d in `range` of value(d) × weight(d), where weight comes from a linear ramp:
    /// on the k-th day of a ramp of `rampDays` starting at `rampStart` it is k / rampDays, then 1.
    func weightedSum(over range: ClosedRange<Day>, rampStart: Day? = nil, rampDays: Int = 0) -> Decimal {
        var total = Decimal(0)
        // Segments of constant value inside the range.
        var boundaries: [Day] = [range.lowerBound]
        for step in steps where step.day > range.lowerBound && step.day <= range.upperBound { boundaries.append(step.day) }
        for (index, start) in boundaries.enumerated() {
            let end = index + 1 < boundaries.count ? boundaries[index + 1].advanced(by: -1) : range.upperBound
            guard start <= end else { continue }
            let value = self.value(at: start)
            guard value != 0 else { continue }
            total += value * StepFunction.rampWeight(from: start, through: end, rampStart: rampStart, rampDays: rampDays)
        }
        return total
    }

    /// Σ of ramp weights over the days `from...through`: k/R on the k-th ramp day, 1 after the ramp.
    static func rampWeight(from: Day, through: Day, rampStart: Day?, rampDays: Int) -> Decimal {
        let days = from.distance(to: through) + 1
        guard let rampStart, rampDays > 0 else { return Decimal(days) }
        // k of a day = its distance from the ramp start + 1.
        let firstK = rampStart.distance(to: from) + 1
        let lastK = rampStart.distance(to: through) + 1
        let rampLast = min(lastK, rampDays)
        var total = Decimal(0)
        if firstK <= rampLast {
            let low = max(firstK, 1)
            // Σ k for k = low...rampLast, over R.
            let count = rampLast - low + 1
            total += Decimal(low + rampLast) * Decimal(count) / 2 / Decimal(rampDays)
        }
        let fullFrom = max(firstK, rampDays + 1)
        if fullFrom <= lastK { total += Decimal(lastK - fullFrom + 1) }
        return total
    }
}
