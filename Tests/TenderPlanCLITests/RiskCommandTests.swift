import Foundation
import Testing

@Suite(.serialized) struct RiskCommandTests {
    @Test(arguments: ["md", "json"])
    func goldenOutput(_ format: String) throws {
        let arguments = ["risk", "Scenarios/nms-staged.yaml", "--seed", "1", "--iterations", "200", "--format", format]
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, "risk-nms-staged-200.\(format)")
    }

    @Test func sameBytesForAnyThreads() throws {
        let base = ["risk", "Scenarios/tutorial.yaml", "--seed", "3", "--iterations", "300", "--format", "json"]
        let one = try run(base + ["--threads", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        for threads in ["2", "8"] { #expect(try run(base + ["--threads", threads]).stdout == one.stdout) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["scenario", "seed", "iterations", "items", "finish", "last_go_live", "total_real", "npv",
                                                 "legacy_extension", "drivers", "deadlines"]))
        #expect(object["iterations"] as? Int == 300 && object["seed"] as? Int == 3)
    }

    @Test func optionsAreChecked() throws {
        #expect(try run(["risk", "Scenarios/tutorial.yaml", "--iterations", "0"]).status == 2)
        #expect(try run(["risk", "Scenarios/tutorial.yaml", "--threads", "0"]).status == 2)
    }
}
