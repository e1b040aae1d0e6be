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

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
import TenderPlanCore

/// Reads includes next to the scenario (for the bundled scenarios).
struct FolderIncludeReader: IncludeReader {
    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        let path = (parentPath as NSString).deletingLastPathComponent + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { return .notFound("no such file") }
        return .success(path: path, identity: path, bytes: [UInt8](data))
    }
}
