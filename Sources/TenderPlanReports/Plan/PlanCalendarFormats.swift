import TenderPlanCore

/// The plan as a Mermaid `gantt` chart: a section per tender, per go-live and for the other items.
public enum PlanMermaid {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        var out = "gantt\n    title \(clean(scenario.info.title))\n    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n"
        var sections: [(String, [ScheduledItem])] = []
        var used = Set<String>()
        for tender in scenario.tenders {
            let items = TenderPhases.phases(of: tender.procedure).compactMap { plan.item("\(tender.id).\($0.name)") }
            sections.append(("Tender \(tender.id)", items))
            items.forEach { used.insert($0.id) }
        }
        for goLive in scenario.goLives {
            let items = ["preparation", "cutover", "hypercare"].compactMap { plan.item("\(goLive.id).\($0)") }
            sections.append(("Go-live \(goLive.id)", items))
            items.forEach { used.insert($0.id) }
        }
        sections.append(("Other", plan.ordered.filter { !used.contains($0.id) }))
        for (name, items) in sections where !items.isEmpty {
            out += "    section \(clean(name))\n"
            for item in items {
                var tags: [String] = []
                if item.critical { tags.append("crit") }
                let isMilestone = item.durationDays == 0 && item.start == item.finish && item.kind != .task
                if isMilestone { tags.append("milestone") }
                let length = isMilestone ? 0 : item.start.distance(to: item.finish) + 1
                let tagText = tags.isEmpty ? "" : tags.joined(separator: ", ") + ", "
                out += "    \(clean(item.title)) :\(tagText)\(mermaidId(item.id)), \(item.start), \(length)d\n"
            }
        }
        return out
    }

    /// Mermaid task names end at ':' and '#' starts a comment; both are replaced.
    static func clean(_ text: String) -> String {
        String(text.map { ":#;\n\r".contains($0) ? " " : $0 })
    }

    static func mermaidId(_ id: String) -> String {
        id.replacingOccurrences(of: ".", with: "-")
    }
}

/// The plan's milestones as an iCalendar file: all-day events with stable UIDs and a fixed DTSTAMP.
public enum PlanICS {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        // DTSTAMP must not depend on the clock: the programme start at midnight UTC.
        let stamp = compact(scenario.info.start) + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TenderPlan//Milestone plan//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(scenario.info.title)]
        for item in plan.ordered where item.durationDays == 0 && item.start == item.finish && item.kind != .task {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(scenario.info.id)-\(item.id)@tenderplan",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(item.start))",
                "DTEND;VALUE=DATE:\(compact(item.start.advanced(by: 1)))",
                "SUMMARY:" + escape(item.title),
                "DESCRIPTION:" + escape("\(item.id)" + (item.critical ? " (critical path)" : "")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// RFC 5545 text escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
