import TenderPlanCore

/// A layered task network: each task follows one or two tasks of the layer before, with mixed
/// units (working and calendar days) and lags, as TaskJuggler can also schedule it.
struct PlanNetworkGenerator {
    var count: Int
    var workingOnly: Bool

    func render() -> String {
        var random = SplitMix64(state: 20_261_123)
        var out = "tenderplan: 1\nscenario: {id: network, start: 2025-01-06}\ntasks:\n"
        let width = 100
        for index in 0..<count {
            let layer = index / width
            let calendarUnit = !workingOnly && random.next() % 4 == 0
            let duration = "\(1 + random.next() % 8)\(calendarUnit ? "cd" : "d")"
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
            out += "  - {id: t\(index), duration: \(duration)" + (links.isEmpty ? "}\n" : ", after: [\(links)]}\n")
        }
        return out
    }
}
