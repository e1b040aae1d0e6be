import Foundation
import Testing
import TenderPlanCore

/// Limits that keep runaway scenarios from turning into runaway runs.
struct LimitTests {
    @Test func aPlanWithTooManyItemsIsRefusedAtTheScenarioHeader() throws {
        let loaded = check(header)
        var scenario = try #require(loaded.scenario)
        let at = SourceLocation(path: "x.yaml", line: 9, column: 1)
        let count = ScenarioValidator.maxPlanItems + 1 - scenario.tasks.count - 3 * scenario.goLives.count - 12 * scenario.tenders.count
            - scenario.legacy.count
        scenario.tasks += (0..<count).map { PlanTask(id: Identifier("t\($0)"), duration: PlanDuration(1, .workingDays), location: at) }
        let diagnostics = ScenarioValidator.validate(scenario).filter { $0.code == .planLimit }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == scenario.info.location)
        #expect(diagnostics.first?.message.contains("more than the 500000 accepted") == true)

        scenario.tasks.removeLast()
        #expect(ScenarioValidator.validate(scenario).filter { $0.code == .planLimit }.isEmpty)
    }

    /// Thirteen files that each include the next three times made 3^13 reads and parses (over a minute): now
    /// each file is parsed once and every repeat is an error at its entry.
    @Test func includesThatIncludeEachOtherOverAndOverAreReadOnce() throws {
        let depth = 8
        var files: [String: String] = [:]
        for level in 0..<depth {
            let next = level + 1 < depth ? "f\(level + 1).yaml" : nil
            files["f\(level).yaml"] = next.map { "include: [\($0), \($0), \($0)]\n" } ?? "tasks: []\n"
        }
        let reader = CountingIncludeReader(files: files)
        let loaded = ScenarioLoader(includeReader: reader).check(path: "test.yaml", bytes: Array((header + "include: [f0.yaml]\n").utf8),
                                                                 identity: "test.yaml")
        // Each entry is opened once (the repeat is found by the file's identity) and each file parsed once: 22, not 3^8.
        #expect(reader.reads == 1 + 3 * (depth - 1))
        let repeats = loaded.diagnostics.filter { $0.code == .includeRepeated }
        #expect(repeats.count == 2 * (depth - 1))
        #expect(repeats.allSatisfy { $0.notes.first?.location != nil })
    }
}

/// Counts how often each include is read.
final class CountingIncludeReader: IncludeReader, @unchecked Sendable {
    let files: [String: String]
    private let lock = NSLock()
    private var count = 0

    init(files: [String: String]) { self.files = files }

    var reads: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        lock.lock()
        count += 1
        lock.unlock()
        guard let text = files[name] else { return .notFound("no such file") }
        return .success(path: name, identity: name, bytes: Array(text.utf8))
    }
}
