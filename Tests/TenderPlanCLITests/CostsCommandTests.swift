import Foundation
import Testing

@Suite(.serialized) struct CostsCommandTests {
    static let goldens: [String] = ["nms-staged", "nms-single-tender", "lmo-2016"].flatMap { scenario in
        ["md", "csv", "json"].map { "costs-\(scenario).\($0)" }
    } + ["costs-nms-staged-nominal.md"]

    @Test(arguments: goldens)
    func goldenOutput(_ golden: String) throws {
        let name = golden.dropFirst("costs-".count)
        let nominal = name.contains("-nominal")
        let parts = name.replacingOccurrences(of: "-nominal", with: "").split(separator: ".")
        let arguments = ["costs", "Scenarios/\(parts[0]).yaml", "--format", String(parts[1])] + (nominal ? ["--nominal"] : [])
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, golden)
        #expect(try run(arguments).stdout == result.stdout)
    }

    @Test func jsonFollowsTheContract() throws {
        let json = try run(["costs", "Scenarios/nms-staged.yaml", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["scenario", "currency", "years", "total_real", "total_nominal", "npv", "npv_net", "legacy_extension", "breakdown"])
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int ?? 0 } == Array(2024...2035))
        #expect(Set(years[0].keys) == ["year", "real", "nominal", "benefits", "savings_gap", "savings_gap_cumulative", "lines"])
        let extensions = try #require(object["legacy_extension"] as? [[String: Any]])
        #expect(extensions.map { $0["months"] as? Int ?? -1 } == [0, 6, 12, 24])
        // Keeping GMS longer costs more, the later it goes.
        let costs = extensions.map { $0["cost"] as? Double ?? 0 }
        #expect(costs == costs.sorted() && costs[0] > 0)
    }

    @Test func theTemporarySavingsLossesOfThe2016Reorientation() throws {
        let json = try run(["costs", "Scenarios/lmo-2016.yaml", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        let gaps = years.compactMap { $0["savings_gap"] as? Double }
        #expect(gaps.count == years.count)
        #expect(gaps.contains { $0 > 0 }, "some year misses the €50M target")
    }
}
