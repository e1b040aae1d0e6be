import Foundation
import FoundationXML
import Testing
import TenderPlanReports

let bundledScenarios = ["nms-staged", "nms-single-tender", "lmo-2016", "tutorial"]

/// Exports that keep the plan: tj3 and MPXJ's MicrosoftScheduler reschedule the `.tjp` and MSPDI exports of
/// every bundled scenario to the plan's own start and finish for every item.
@Suite(.serialized) struct ExportRoundTripTests {
    @Test(.enabled(if: ExportClients.tj3Installed, "tj3 is not installed (apt-get install -y tj3)"), arguments: bundledScenarios)
    func tj3ReschedulesTheExportToThePlan(_ scenario: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = packageRoot.appendingPathComponent("Scenarios/\(scenario).yaml").path
        let planned = try ExportClients.planItems(try run(["plan", path, "--format", "json"]).stdout)
        let tjp = try run(["plan", path, "--format", "tjp"])
        #expect(tjp.status == 0)
        let scheduled = try ExportClients.tj3(tjp.stdout, in: folder)
        try #require(scheduled.status == 0, "tj3: \(scheduled.messages.suffix(2000))")
        var identical = 0
        for (id, plan) in planned.sorted(by: { $0.key < $1.key }) {
            let theirs = scheduled.items[PlanTJP.tjId(id)]
            #expect(theirs?.start == plan.start && theirs?.finish == plan.finish, "\(scenario) \(id): plan \(plan), tj3 \(theirs.map(\.description) ?? "missing")")
            if theirs?.start == plan.start && theirs?.finish == plan.finish { identical += 1 }
        }
        #expect(identical == planned.count, "\(scenario): \(identical) of \(planned.count) items identical in tj3")
    }

    @Test(.enabled(if: ExportClients.mpxjInstalled, "Python's mpxj is not installed (pip install mpxj JPype1)"), arguments: bundledScenarios)
    func mpxjReschedulesTheExportToThePlan(_ scenario: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = packageRoot.appendingPathComponent("Scenarios/\(scenario).yaml").path
        let planned = try ExportClients.planItems(try run(["plan", path, "--format", "json"]).stdout)
        let xml = try run(["plan", path, "--format", "mspdi"])
        #expect(xml.status == 0)
        let scheduled = try ExportClients.mpxj(xml.stdout, in: folder)
        try #require(scheduled.status == 0, "MPXJ: \(scheduled.messages.suffix(2000))")
        #expect(scheduled.items.count == planned.count)
        var identical = 0
        for (id, plan) in planned.sorted(by: { $0.key < $1.key }) {
            let theirs = scheduled.items[id]
            #expect(theirs?.start == plan.start && theirs?.finish == plan.finish, "\(scenario) \(id): plan \(plan), MPXJ \(theirs.map(\.description) ?? "missing")")
            if theirs?.start == plan.start && theirs?.finish == plan.finish { identical += 1 }
        }
        #expect(identical == planned.count, "\(scenario): \(identical) of \(planned.count) items identical in MPXJ")
    }

    /// A network with what the bundled scenarios lack: three calendars, calendar-day items and milestones on
    /// weekends, start-to-start links, working-day lags into calendar-day items and milestones, months, not_before.
    static let calendars = """
        tenderplan: 1
        scenario: {id: calendars, start: 2025-04-12, calendar: nl}
        calendars:
          - {id: plain, base: mon-fri, holidays: [2025-06-03]}
          - {id: extra, base: nl, holidays: [2025-05-02, 2025-07-04, 2025-07-07]}
        tasks:
          - {id: a, duration: 5cd}
          - {id: b, duration: 3d, after: [a]}
          - {id: c, duration: 10cd, after: [b.start + 2d]}
          - {id: m1, duration: 0d, after: [a]}
          - {id: m2, duration: 0d, after: [a.start]}
          - {id: m3, duration: 0d, after: [b.start + 2d]}
          - {id: m4, duration: 0d, after: [b + 3cd]}
          - {id: m5, duration: 0d, on: 2025-05-10}
          - {id: d, duration: 4d, after: [m5], calendar: plain}
          - {id: e, duration: 6d, after: [d + 2d], calendar: plain}
          - {id: f, duration: 1mo, after: [e.start + 1mo]}
          - {id: g, duration: 2w, after: [f], calendar: extra, not_before: 2025-07-05}
          - {id: h, duration: 7cd, after: [g + 3d]}
          - {id: i, duration: 0d, after: [h, g.start + 4d]}
          - {id: j, duration: 2d, after: [i.start + 3cd, m4]}
          - {id: k, duration: 3cd, after: [j + 1d, j.start], not_before: 2025-09-06}
          - {id: x-y, duration: 1d, calendar: extra, after: [k.start + 1d]}
          - {id: x_y, duration: 2cd, after: [x-y.start + 2d]}
          - {id: mm, duration: 0d, after: [x_y.start + 1d], calendar: plain}

        """

    @Test(.enabled(if: ExportClients.tj3Installed, "tj3 is not installed (apt-get install -y tj3)"))
    func tj3KeepsEveryCalendar() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.calendars.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let planned = try ExportClients.planItems(try run(["plan", "c.yaml", "--format", "json"], in: folder).stdout)
        let scheduled = try ExportClients.tj3(try run(["plan", "c.yaml", "--format", "tjp"], in: folder).stdout, in: folder)
        try #require(scheduled.status == 0, "tj3: \(scheduled.messages.suffix(2000))")
        for (id, plan) in planned {
            #expect(scheduled.items[PlanTJP.tjId(id)] .map { ($0.start, $0.finish) } ?? ("", "") == (plan.start, plan.finish), "\(id): plan \(plan), tj3 \(String(describing: scheduled.items[PlanTJP.tjId(id)]))")
        }
    }

    @Test(.enabled(if: ExportClients.mpxjInstalled, "Python's mpxj is not installed (pip install mpxj JPype1)"))
    func mpxjKeepsEveryCalendar() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.calendars.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let planned = try ExportClients.planItems(try run(["plan", "c.yaml", "--format", "json"], in: folder).stdout)
        let scheduled = try ExportClients.mpxj(try run(["plan", "c.yaml", "--format", "mspdi"], in: folder).stdout, in: folder)
        try #require(scheduled.status == 0, "MPXJ: \(scheduled.messages.suffix(2000))")
        for (id, plan) in planned {
            #expect(scheduled.items[id].map { ($0.start, $0.finish) } ?? ("", "") == (plan.start, plan.finish), "\(id): plan \(plan), MPXJ \(String(describing: scheduled.items[id]))")
        }
    }
}

/// The exports are safe to open: scenario text never becomes TaskJuggler, Mermaid or XML syntax.
@Suite(.serialized) struct ExportSafetyTests {
    /// CSV for `;`-separated (European) spreadsheets too: a cell holding `;` or a tab is quoted, so `x;=1+1;x`
    /// stays one text cell, and a NUL or other control character cannot end the file for a reader.
    @Test func csvCellsStayOneCellInEveryDialect() {
        #expect(CSVWriter.escape(.text("x;=1+1;x")) == "\"x;=1+1;x\"")
        #expect(CSVWriter.escape(.text("a\tb")) == "\"a\tb\"")
        #expect(CSVWriter.escape(.text("nul\u{0}and\u{1}")) == "nul\u{FFFD}and\u{FFFD}")
        #expect(CSVWriter.escape(.text("=SUM(A1)")) == "'=SUM(A1)")
        #expect(CSVWriter.escape(.text("plain")) == "plain")
    }

    static let titles: [String: String] = [
        "a": "macro ${?x} here",
        "b": "ends with backslash \\",
        "c": "quote \" and \\\" and ; semicolon",
        "d": "line\nbreak\ttab",
        "e": "\"} task evil \"evil\" { length 1d } taskreport \"pwn\" { formats csv } task f \"x",
        "f": "env $(HOME) and ${ x } and $${y}",
    ]

    /// A scenario whose titles are `titles`, plus the ids `x-y` and `x_y`.
    static func hostileScenario() -> String {
        func yaml(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
        }
        var out = "tenderplan: 1\nscenario: {id: hostile, start: 2025-04-14, title: \(yaml("Plan ${?x} \" $(HOME) \\"))}\ntasks:\n"
        for (id, title) in titles.sorted(by: { $0.key < $1.key }) {
            out += "  - {id: \(id), title: \(yaml(title)), duration: \(id == "f" ? "0d" : "2d")}\n"
        }
        out += "  - {id: x-y, title: dash, duration: 1d}\n  - {id: x_y, title: underscore, duration: 3d, after: [x-y]}\n"
        return out
    }

    @Test(.enabled(if: ExportClients.tj3Installed, "tj3 is not installed (apt-get install -y tj3)"))
    func hostileTitlesStayTitlesInTJ3() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.hostileScenario().write(to: folder.appendingPathComponent("h.yaml"), atomically: true, encoding: .utf8)
        let planned = try ExportClients.planItems(try run(["plan", "h.yaml", "--format", "json"], in: folder).stdout)
        let tjp = try run(["plan", "h.yaml", "--format", "tjp"], in: folder)
        #expect(tjp.status == 0, "\(tjp.stderr)")
        let scheduled = try ExportClients.tj3(tjp.stdout, in: folder)
        try #require(scheduled.status == 0, "tj3 could not read the export: \(scheduled.messages.suffix(2000))")
        // Exactly the plan's tasks, and only the report this test asked for.
        #expect(Set(scheduled.items.keys) == Set(planned.keys.map(PlanTJP.tjId)))
        #expect(scheduled.files == ["dates.csv", "export.tjp", "h.yaml"])
        for (id, title) in Self.titles {
            // Safe equivalents: a word joiner after a `$` or a trailing backslash, control characters as spaces.
            let name = scheduled.items[PlanTJP.tjId(id)]?.name.replacingOccurrences(of: "\u{2060}", with: "")
            let expected = String(title.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
            #expect(name == expected, "\(id)")
        }
        // x-y and x_y are two tasks, with their own dates.
        #expect(scheduled.items[PlanTJP.tjId("x-y")]?.finish == planned["x-y"]?.finish)
        #expect(scheduled.items[PlanTJP.tjId("x_y")]?.finish == planned["x_y"]?.finish)
    }

    @Test func tjIdsAreOneToOne() {
        let ids = ["x-y", "x_y", "x.y", "x-_y", "x_-y", "xUy", "x--y", "x__y", "t-x.prepare", "t-x-prepare", "t_x.prepare", "a.b.c", "a-bDc"]
        let escaped = ids.map(PlanTJP.tjId)
        #expect(Set(escaped).count == ids.count, "\(escaped)")
        #expect(escaped.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } })
    }

    /// Mermaid decodes `#NN;` codes only after parsing; this undoes them the same way.
    static func mermaidDecoded(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let hash = rest.firstIndex(of: "#") {
            out += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";"), let code = UInt32(after[..<semicolon]), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "#"
                rest = after
            }
        }
        return out + rest
    }

    @Test func hostileTitlesStayTaskTitlesInMermaid() throws {
        let titles = ["section Two", "title Oops", "excludes weekends", "click x href \"y\"", "dateFormat x", "todayMarker off",
                      "2025-01-01 go", "%% comment", "100% done", "a: b # c; d", "Axisformat %Y", "#58; literal", "gantt", "  spaced"]
        var scenario = "tenderplan: 1\nscenario: {id: mermaid, start: 2025-04-14, title: \"title: x # y; %%\"}\ntasks:\n"
        for (number, title) in titles.enumerated() {
            scenario += "  - {id: t\(number), title: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\", duration: 1d}\n"
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try scenario.write(to: folder.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["plan", "m.yaml", "--format", "mermaid"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let keywords = ["gantt", "dateformat", "axisformat", "tickinterval", "includes", "excludes", "todaymarker", "weekday", "weekend",
                        "title", "acctitle", "accdescr", "section", "click", "call", "href", "callback", "displaymode", "inclusiveenddates", "topaxis"]
        for (number, title) in titles.enumerated() {
            let line = try #require(lines.first { $0.contains(":t\(number), ") || $0.contains(", t\(number), ") }, "t\(number) has no task line")
            let name = String(line.dropFirst(4).prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
            let plain = name.replacingOccurrences(of: "#[0-9]+;", with: "", options: .regularExpression)
            #expect(!plain.contains { ":#;%".contains($0) }, "\(line)")
            #expect(!keywords.contains { name.lowercased().hasPrefix($0) }, "\(line) starts with a keyword")
            #expect(name.first.map { $0.isLetter || $0 == "#" } == true, "\(line)")
            #expect(Self.mermaidDecoded(name) == title.trimmingCharacters(in: .whitespaces) || Self.mermaidDecoded(name) == title, "\(line)")
        }
        let titleLine = try #require(lines.first { $0.hasPrefix("    title ") })
        #expect(Self.mermaidDecoded(String(titleLine.dropFirst("    title ".count))) == "title: x # y; %%")
    }

    @Test func mspdiEscapesMarkupControlCharactersAndLongNames() throws {
        let long = String(repeating: "é👍🏽", count: 300)
        let scenario = """
            tenderplan: 1
            scenario: {id: xml, start: 2025-04-14, title: "a <b> & \\"c\\" 'd' \\u0001\\u0007 ]]>"}
            tasks:
              - {id: a, title: "<Name>&amp;</Name>\\u001Fbell\\u0008", duration: 1d}
              - {id: b, title: "\(long)", duration: 1d}

            """
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try scenario.write(to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["plan", "x.yaml", "--format", "mspdi"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let parser = XMLParser(data: Data(result.stdout.utf8))
        let reader = MSPDITasks()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let names = reader.tasks.compactMap { $0["Name"] }
        #expect(names.contains("<Name>&amp;</Name> bell "))
        let cut = try #require(names.first { $0.hasPrefix("é👍🏽") })
        #expect(cut.utf16.count <= 512 && cut.hasSuffix("…"))
        #expect(long.hasPrefix(String(cut.dropLast())), "cut between characters")
    }

    /// ICS: TEXT may hold no control character but tab (RFC 5545); a NUL or 0x01 in a title went out raw and
    /// calendar clients dropped the event. icalendar (Python) reads the file back: every text is what was meant.
    @Test(.enabled(if: ExportClients.icalendarInstalled, "Python's icalendar is not installed (pip install icalendar)"))
    func icsCarriesNoControlCharactersAndReadsBackInICalendar() throws {
        var text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/tutorial.yaml"), encoding: .utf8)
        let from = #"title: "Tutorial: one tender, two dispatch centres""#
        #expect(text.contains(from) && text.contains(#"title: "North goes live""#))
        text = text.replacingOccurrences(of: from, with: #"title: "Plan \u0000 a;b,c \\ d\u0001\u007F\ne""#)
        text = text.replacingOccurrences(of: #"title: "North goes live""#, with: #"title: "North\u0008 goes; live, \u001B[31mred""#)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["plan", "x.yaml", "--format", "ics"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let ics = Data(result.stdout.utf8)
        try ics.write(to: folder.appendingPathComponent("plan.ics"))
        #expect(!ics.contains { ($0 < 0x20 && $0 != 0x0D && $0 != 0x0A) || $0 == 0x7F }, "a raw control character")
        let script = """
            import icalendar, sys, json
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(json.dumps({"name": str(calendar["X-WR-CALNAME"]),
                              "summaries": [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]}))
            """
        let read = try ExportClients.python(["-c", script, folder.appendingPathComponent("plan.ics").path])
        #expect(read.status == 0, "\(read.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any]
        // icalendar un-escapes SUMMARY (TEXT) but hands X- properties back as written.
        #expect(parsed?["name"] as? String == "Plan \u{FFFD} a\\;b\\,c \\\\ d\u{FFFD}\u{FFFD}\\ne")
        #expect((parsed?["summaries"] as? [String])?.contains("North\u{FFFD} goes; live, \u{FFFD}[31mred: cutover") == true, "\(read.stdout)")
    }
}
