import Foundation
import Testing
import TenderPlanCore
import TenderPlanReports

/// Where TaskJuggler is installed (`apt-get install -y tj3`; `.ci/run` installs it), the `.tjp` export of
/// generated networks is scheduled by tj3 and every task must get the same start and finish.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tj3"), "tj3 is not installed"))
struct TaskJugglerOracleTests {
    /// A layered network tj3 can express: working and calendar days, working and calendar lags, finish-to-start.
    static func network(seed: UInt64, count: Int) -> String {
        var random = SplitMix64(state: seed)
        var out = "tenderplan: 1\nscenario: {id: oracle, start: 2025-04-14}\ntasks:\n"
        // At most 100 layers, so large networks end before tj3's last year (2035).
        let width = max(25, count / 100)
        for index in 0..<count {
            let layer = index / width
            let unit = random.next() % 4 == 0 ? "cd" : "d"
            var after: [String: String] = [:]
            if layer > 0 {
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let target = "t\((layer - 1) * width + Int(random.next() % UInt64(width)))"
                    switch random.next() % 4 {
                    case 0: after[target] = "\(target) + \(1 + random.next() % 4)d"
                    case 1: after[target] = "\(target) + \(1 + random.next() % 6)cd"
                    default: after[target] = target
                    }
                }
            }
            let links = after.keys.sorted().map { "\"\(after[$0]!)\"" }.joined(separator: ", ")
            out += "  - {id: t\(index), duration: \(1 + random.next() % 9)\(unit)" + (links.isEmpty ? "}\n" : ", after: [\(links)]}\n")
        }
        return out
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func tj3SchedulesTheExportToTheSameDates(_ seed: UInt64) throws {
        #expect(try Self.compareWithTJ3(seed: seed, count: 200).compared == 200)
    }

    /// The benchmark's side-by-side at scale (Benchmarks/suite.sh): `TENDERPLAN_ORACLE_TASKS=10000` with
    /// `TENDERPLAN_BIN` set to the release binary; prints both times and the ratio.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TENDERPLAN_ORACLE_TASKS"] != nil))
    func largeNetworkSideBySide() throws {
        let count = Int(ProcessInfo.processInfo.environment["TENDERPLAN_ORACLE_TASKS"]!)!
        let figures = try Self.compareWithTJ3(seed: 42, count: count)
        #expect(figures.compared == count)
        print(String(format: "oracle: %d tasks, dates identical for %d; tenderplan plan %.2f s, tj3 %.2f s, ratio %.0fx",
                     count, figures.compared, figures.ours, figures.tj3, figures.tj3 / figures.ours))
    }

    /// Schedules a generated network with tenderplan and with tj3 and expects the same dates for every task.
    static func compareWithTJ3(seed: UInt64, count: Int) throws -> (compared: Int, ours: Double, tj3: Double) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.network(seed: seed, count: count).write(to: folder.appendingPathComponent("n.yaml"), atomically: true, encoding: .utf8)
        let json = try run(["plan", "n.yaml", "--format", "json"], in: folder)
        let tjp = try run(["plan", "n.yaml", "--format", "tjp"], in: folder)
        #expect(json.status == 0 && tjp.status == 0, "\(json.stderr)")
        let started = Date()
        let scheduled = try ExportClients.tj3(tjp.stdout, in: folder)
        let tj3Seconds = Date().timeIntervalSince(started)
        #expect(scheduled.status == 0, "tj3: \(scheduled.messages.suffix(2000))")
        var compared = 0
        for (id, mine) in try ExportClients.planItems(json.stdout) {
            guard let theirs = scheduled.items[PlanTJP.tjId(id)] else { continue }
            compared += 1
            #expect(theirs.start == mine.start && theirs.finish == mine.finish, "\(id): ours \(mine), tj3 \(theirs)")
        }
        return (compared, json.seconds, tj3Seconds)
    }

    /// A tiny date type for the comparison, independent of the code under test.
    struct TJDay {
        var date: Date
        static let calendar: Calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
        init(_ iso: Substring) {
            let parts = iso.split(separator: "-").map { Int($0)! }
            date = TJDay.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        }
        init(date: Date) { self.date = date }
        var next: TJDay { TJDay(date: TJDay.calendar.date(byAdding: .day, value: 1, to: date)!) }
        var previous: TJDay { TJDay(date: TJDay.calendar.date(byAdding: .day, value: -1, to: date)!) }
        var isWeekend: Bool { [1, 7].contains(TJDay.calendar.component(.weekday, from: date)) }
        var iso: String {
            let c = TJDay.calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
    }
}
