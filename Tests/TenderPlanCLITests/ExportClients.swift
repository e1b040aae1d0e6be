import Foundation
import Testing

/// The real clients the exports are held against: TaskJuggler (`tj3`) and MPXJ's MicrosoftScheduler.
enum ExportClients {
    static let tj3Installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/tj3")

    /// Whether `python3` (from the test's own PATH) can import mpxj and jpype.
    static let mpxjInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import mpxj, jpype"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Whether `python3` (from the test's own PATH) can import icalendar.
    static let icalendarInstalled: Bool = (try? python(["-c", "import icalendar"]).status) == 0

    /// Runs `python3` from the test's own PATH (CI's is a pyenv build, not /usr/bin's) with these arguments.
    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// A scheduled item as a client sees it: start and finish days, and its name where the client reports one.
    struct Dates: Equatable, CustomStringConvertible {
        var start: String
        var finish: String
        var name: String = ""
        var description: String { "\(start) – \(finish)" }
    }

    /// The plan's items by id, from `plan --format json`.
    static func planItems(_ json: String) throws -> [String: Dates] {
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var items: [String: Dates] = [:]
        for item in try #require(plan["items"] as? [[String: Any]]) {
            items[item["id"] as! String] = Dates(start: item["start"] as! String, finish: item["finish"] as! String, name: item["title"] as! String)
        }
        return items
    }

    /// Schedules a `.tjp` export with tj3 (a CSV task report appended) and reads every task's dates back as days,
    /// keyed by TaskJuggler id. tj3 reports when a task may start (after 17:00 that is the next day; a working-day
    /// task's work then begins on the first working day of its calendar) and an end that is exclusive at midnight.
    /// A milestone's moment is its day: the end of the day it closes, or the beginning of the day it opens.
    static func tj3(_ tjp: String, in folder: URL) throws -> (status: Int32, messages: String, items: [String: Dates], files: [String]) {
        let report = "taskreport \"dates\" {\n  formats csv\n  columns id, name, start, end\n  timeformat \"%Y-%m-%d %H:%M\"\n}\n"
        try (tjp + report).write(to: folder.appendingPathComponent("export.tjp"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tj3")
        process.arguments = ["--no-color", "--silent", "export.tjp"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let messages = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let files = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted()
        guard process.terminationStatus == 0,
              let csv = try? String(contentsOf: folder.appendingPathComponent("dates.csv"), encoding: .utf8) else {
            return (process.terminationStatus, messages, [:], files)
        }
        let calendars = TJPCalendars(tjp)
        var items: [String: Dates] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            // tj3 does not escape quotes in CSV fields: the id comes first and the two dates last.
            let fields = line.dropFirst().dropLast().components(separatedBy: "\";\"")
            guard fields.count >= 4 else { continue }
            let id = fields[0], start = fields[fields.count - 2], end = fields[fields.count - 1]
            let name = fields[1..<(fields.count - 2)].joined(separator: "\";\"")
            var startDay = TaskJugglerOracleTests.TJDay(start.prefix(10))
            var finishDay = TaskJugglerOracleTests.TJDay(end.prefix(10))
            if start != end {
                if start.hasSuffix("17:00") { startDay = startDay.next }
                if let closed = calendars.closedDays(of: id) {
                    while startDay.isWeekend || closed.contains(startDay.iso) { startDay = startDay.next }
                }
                if end.hasSuffix("00:00") || end.hasSuffix("09:00") { finishDay = finishDay.previous }
            }
            items[id] = Dates(start: startDay.iso, finish: finishDay.iso, name: name)
        }
        return (process.terminationStatus, messages, items, files)
    }

    /// Reads the working calendars of a `.tjp` export: global leaves, the `closed` stretches of each calendar macro,
    /// and which tasks work every day (`shifts everyday`) or on a calendar macro.
    struct TJPCalendars {
        var global = Set<String>()
        var macros: [String: Set<String>] = [:]
        var taskCalendar: [String: String] = [:]
        var everyDay = Set<String>()

        init(_ tjp: String) {
            var macro: String?
            var task: String?
            for line in tjp.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("leaves holiday") { global.insert(String(line.suffix(10))) }
                if line.hasPrefix("macro ") { macro = String(line.split(separator: " ")[1]); macros[macro!] = [] }
                if line == "]" { macro = nil }
                if let current = macro, let range = line.range(of: "closed ") {
                    macros[current]!.insert(String(line[range.upperBound...].prefix(10)))
                }
                if line.hasPrefix("task ") { task = String(line.split(separator: " ")[1]) }
                if line == "}" { task = nil }
                if let current = task {
                    if line == "  shifts everyday" { everyDay.insert(current) }
                    if line.hasPrefix("  ${calendar_") { taskCalendar[current] = String(line.dropFirst(4).dropLast()) }
                }
            }
        }

        /// The non-working weekdays of a task's calendar; nil for a task that works every day.
        func closedDays(of id: String) -> Set<String>? {
            if everyDay.contains(id) { return nil }
            if let macro = taskCalendar[id] { return macros[macro] ?? [] }
            return global
        }
    }

    /// Reschedules an MSPDI export with MPXJ's MicrosoftScheduler (scripts/mspdi-reschedule.py) and reads every
    /// task's dates back, keyed by plan id.
    static func mpxj(_ xml: String, in folder: URL) throws -> (status: Int32, messages: String, items: [String: Dates]) {
        let file = folder.appendingPathComponent("export.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let (status, text, messages) = try python([packageRoot.appendingPathComponent("scripts/mspdi-reschedule.py").path, file.path])
        var items: [String: Dates] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ";").map(String.init)
            guard fields.count == 3 else { continue }
            items[fields[0]] = Dates(start: String(fields[1].prefix(10)), finish: String(fields[2].prefix(10)))
        }
        return (status, messages, items)
    }
}
