import Foundation
import Testing

@Suite(.serialized) struct GateCommandTests {
    @Test func validateCheckFailsAtTheGateLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/tutorial.yaml"), encoding: .utf8)
        let passing = base + "\nexpect:\n  - {last_go_live: {before: 2030-01-01}}\n  - {npv: {below: 100M}}\n"
        try passing.write(to: folder.appendingPathComponent("pass.yaml"), atomically: true, encoding: .utf8)
        #expect(try run(["validate", "--check", "pass.yaml"], in: folder).status == 0)
        let failing = base + "\nexpect:\n  - {last_go_live: {before: 2030-01-01}}\n  - {npv: {below: 1M}}\n"
        try failing.write(to: folder.appendingPathComponent("fail.yaml"), atomically: true, encoding: .utf8)
        let line = failing.components(separatedBy: "\n").firstIndex { $0.contains("below: 1M") }! + 1
        let result = try run(["validate", "--check", "fail.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("fail.yaml:\(line):6: error: the NPV of the costs is") && result.stderr.contains("[gate]"), "\(result.stderr)")
        // Without --check the gates are read and checked for shape only.
        #expect(try run(["validate", "fail.yaml"], in: folder).status == 0)
        // P80 gates need --seed.
        let p80 = base + "\nexpect:\n  - {p80: {item: gl-south.cutover, before: 2026-03-01}}\n"
        try p80.write(to: folder.appendingPathComponent("p80.yaml"), atomically: true, encoding: .utf8)
        let unseeded = try run(["validate", "--check", "p80.yaml"], in: folder)
        #expect(unseeded.status == 0 && unseeded.stderr.contains("add --seed"))
        let seeded = try run(["validate", "--check", "--seed", "1", "--iterations", "100", "p80.yaml"], in: folder)
        #expect(seeded.status == 1 && seeded.stderr.contains("the P80 date of 'gl-south.cutover'"), "\(seeded.stderr)")
    }
}
