import TenderPlanCore

/// A TaskJuggler project of the plan, so `tj3` can schedule the same network and land on the same dates.
///
/// Working-day items become `length` on their calendar (the default calendar's holidays are global leaves,
/// another calendar is a list of shifts); calendar-day items are `length` on a seven-day shift (months and years
/// as their exact number of days); lags are `gaplength`/`gapduration`. Where tj3 would read the network
/// differently, a pinned helper milestone (`n_…`) holds an item no earlier than its planned start (see
/// "Exports" in Docs/HOW-DATES-ARE-COMPUTED.md).
public enum PlanTJP {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let network = plan.network
        let exported = PlanExportLinks(plan)
        let programmeStart = scenario.info.start
        let end = plan.finish.addingMonths(12)
        let defaultCalendar = network.calendars.firstIndex { $0.id == scenario.info.calendarId } ?? 0
        var out = "project tenderplan \"\(quote(scenario.info.title))\" \(programmeStart) - \(end) {\n"
        out += "  timezone \"UTC\"\n  timeformat \"%Y-%m-%d\"\n  dailyworkinghours 8\n"
        out += "  workinghours mon - fri 9:00 - 17:00\n  workinghours sat, sun off\n}\n\n"
        if !network.calendars.isEmpty {
            for day in holidays(network.calendars[defaultCalendar], from: programmeStart, through: end) {
                out += "leaves holiday \"holiday\" \(day)\n"
            }
            out += "\n"
        }
        // Calendar days count every day: a shift that works all week, without leaves.
        out += "shift everyday \"Every day\" {\n  workinghours mon - sun 9:00 - 17:00\n}\n"
        out += "shift weekdays \"Monday to Friday\" {\n  workinghours mon - fri 9:00 - 17:00\n  workinghours sat, sun off\n}\n"
        out += "shift closed \"Not working\" {\n  workinghours mon - sun off\n}\n"
        // Other calendars: their holidays as `closed` days, the days between them `weekdays`.
        let used = Set(network.items.filter { $0.duration.workingDays != nil && !$0.isMilestone }.map(\.calendar))
        for (number, calendar) in network.calendars.enumerated() where number != defaultCalendar && used.contains(number) {
            // tj3 refuses overlapping shift intervals: alternate `weekdays` and `closed` stretches.
            var shifts: [String] = []
            var from = programmeStart
            for holiday in holidays(calendar, from: programmeStart, through: end) {
                if from < holiday { shifts.append("weekdays \(from) - \(holiday)") }
                shifts.append("closed \(holiday) - \(holiday.advanced(by: 1))")
                from = holiday.advanced(by: 1)
            }
            shifts.append("weekdays \(from) - \(end)")
            out += "macro \(calendarMacro(calendar.id.raw)) [\n  shifts " + shifts.joined(separator: ",\n    ") + "\n]\n"
        }
        out += "\n"
        for (index, item) in network.items.enumerated() {
            let scheduled = plan.items[index]
            var pin = exported.notEarlierThan(index, programmeStart: programmeStart)
            // tj3 anchors `X.start` at the moment X may start, not the day its work starts: hold X at that day.
            if exported.startSources.contains(index), !item.isMilestone { pin = scheduled.start }
            let links = exported.links[index]
            var body = ""
            if item.isMilestone {
                body += "  milestone\n"
            } else if let days = item.duration.workingDays {
                body += "  length \(days)d\n"
                if item.calendar != defaultCalendar { body += "  ${\(calendarMacro(network.calendars[item.calendar].id.raw))}\n" }
            } else {
                body += "  length \(scheduled.start.distance(to: scheduled.finish) + 1)d\n  shifts everyday\n"
            }
            if links.isEmpty {
                body += "  start \(pin ?? programmeStart)\n"
            } else if let pin {
                // A start date beside dependencies is fixed in tj3; a pinned milestone is "not earlier than".
                out += "task \(helperId(item.id)) \"Not before: \(quote(item.title))\" {\n  milestone\n  start \(pin)\n}\n"
                body += "  depends \(helperId(item.id))\n"
            }
            let successorCalendar = item.calendar
            for link in links {
                body += "  depends \(tjId(network.items[link.from].id))"
                var options: [String] = []
                if link.startToStart { options.append("onstart") }
                if let lag = link.lag {
                    // gaplength counts the default calendar's working time; elsewhere the lag is written as the time it spans here.
                    if let days = lag.workingDays, successorCalendar == defaultCalendar, item.duration.workingDays != nil || item.isMilestone {
                        options.append("gaplength \(days)d")
                    } else if let days = exported.elapsedDays(link) {
                        options.append("gapduration \(days)d")
                    } else {
                        options.append("gapduration \(exported.lagHours(link, dayStart: 0, dayEnd: 17))h")
                    }
                }
                body += options.isEmpty ? "\n" : " { \(options.joined(separator: " ")) }\n"
            }
            out += "task \(tjId(item.id)) \"\(quote(item.title))\" {\n" + body + "}\n"
        }
        return out
    }

    /// Weekdays that are not working days of `calendar` (its holidays) in the project's span.
    static func holidays(_ calendar: WorkingDayCalendar, from: Day, through: Day) -> [Day] {
        var days: [Day] = []
        var day = from
        while day <= through {
            if !day.isWeekend && !calendar.isWorkingDay(day) { days.append(day) }
            day = day.advanced(by: 1)
        }
        return days
    }

    /// A TaskJuggler id for a plan id, one-to-one: lower-case letters and digits stay, `-` becomes `_`, and every
    /// other character an upper-case escape (`.` D, `_` U, an upper-case letter C and the letter, anything else
    /// X, its code point in lower-case hex, X). Escapes start with an upper-case letter, which plan ids lack, so
    /// `x-y`, `x_y` and `x.y` stay apart.
    public static func tjId(_ id: String) -> String { "t_" + escapeId(id) }

    static func helperId(_ id: String) -> String { "n_" + escapeId(id) }

    static func calendarMacro(_ id: String) -> String { "calendar_" + escapeId(id) }

    static func escapeId(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case "-": out += "_"
            case ".": out += "D"
            case "_": out += "U"
            case "A"..."Z": out += "C" + String(scalar).lowercased()
            default: out += "X" + String(scalar.value, radix: 16) + "X"
            }
        }
        return out
    }

    /// Text for a double-quoted tj3 string. tj3 un-escapes only `\"` and expands `${…}` macros and `$(VAR)`
    /// environment variables inside every string, with no escape for `$`: a word joiner (U+2060) after a `$`
    /// that opens one keeps the text as it reads. A backslash before the closing quote would escape it, so a
    /// trailing one gets a word joiner too; control characters (line breaks included) become spaces.
    public static func quote(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (position, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"": out += "\\\""
            case "$":
                out += "$"
                if position + 1 < scalars.count, scalars[position + 1] == "{" || scalars[position + 1] == "(" { out += "\u{2060}" }
            case "\\":
                out += "\\"
                if position + 1 == scalars.count { out += "\u{2060}" }
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
