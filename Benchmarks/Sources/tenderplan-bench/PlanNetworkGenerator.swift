import TenderPlanCore

/// A layered task network: each task follows one or two tasks of the layer before, with mixed
/// units (working and calendar days) and lags, as TaskJuggler can also schedule it.
/// With `estimates`, every fifth task (t0, t5, …) also gets a three-point estimate
/// (duration − 1, duration, 2 × duration) for the risk simulation; the network itself is the same.
struct PlanNetworkGenerator {
    var count: Int
    var workingOnly: Bool
    var estimates = false

    func render() -> String {
        var random = SplitMix64(state: 20_261_123)
        var out = "tenderplan: 1\nscenario: {id: network, start: 2025-01-06}\ntasks:\n"
        let width = 100
        for index in 0..<count {
            let layer = index / width
            let calendarUnit = !workingOnly && random.next() % 4 == 0
            let days = Int(1 + random.next() % 8)
            let unit = calendarUnit ? "cd" : "d"
            let duration = "\(days)\(unit)"
            let estimate = estimates && index % 5 == 0
                ? ", estimate: {optimistic: \(days - 1)\(unit), likely: \(days)\(unit), pessimistic: \(2 * days)\(unit)}" : ""
            var after: [String] = []
            if layer > 0 {
                let previous = (layer - 1) * width
                for _ in 0..<(1 + Int(random.next() % 2)) {
                    let target = previous + Int(random.next() % UInt64(width))
                    switch random.next() % 4 {
                    case 0: after.append("t\(target) + \(1 + random.next() % 3)d")
                    case 1 where !workingOnly: after.append("t\(target) + \(1 + random.next() % 5)cd")
                    default: after.append("t\(target)")
                    }
                }
            }
            let links = Set(after).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            out += "  - {id: t\(index), duration: \(duration)\(estimate)" + (links.isEmpty ? "}\n" : ", after: [\(links)]}\n")
        }
        return out
    }
}
