import TenderPlanCore

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

    /// RFC 5545 text escaping. TEXT may hold no control character but tab; any other becomes U+FFFD (a NUL
    /// or 0x01 made calendar clients drop the event or the file).
    static func escape(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if previous != "\r" { out += "\\n" }
            case "\r": out += "\\n"
            default:
                if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
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
