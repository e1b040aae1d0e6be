import TenderPlanCore

/// The plan as Microsoft Project XML (MSPDI), which MS Project and ProjectLibre open and reschedule to the same
/// dates: tasks with their computed dates, milestones, finish-to-start and start-to-start links with lags, every
/// calendar an item uses with its holidays as exceptions, and an "Every day" calendar for calendar-day items and
/// milestones. Working days run 08:00–17:00 with an hour's break. See "Exports" in Docs/HOW-DATES-ARE-COMPUTED.md.
public enum PlanMSPDI {
    /// MS Project's longest task and project name, in UTF-16 code units.
    static let nameLimit = 512
    /// The field that carries each task's plan id (Text1).
    static let idField = 188743731

    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let network = plan.network
        let exported = PlanExportLinks(plan)
        let programmeStart = scenario.info.start
        let defaultCalendar = network.calendars.firstIndex { $0.id == scenario.info.calendarId } ?? 0
        // Calendar UIDs: the default calendar is 1, the others follow in plan order, "Every day" last.
        var calendarUID: [Int: Int] = [defaultCalendar: 1]
        for number in network.calendars.indices where number != defaultCalendar { calendarUID[number] = calendarUID.count + 1 }
        let everyDayUID = network.calendars.count + 1

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
        out += "  <SaveVersion>14</SaveVersion>\n"
        out += "  <Name>\(name(scenario.info.title))</Name>\n  <Title>\(name(scenario.info.title))</Title>\n"
        out += "  <ScheduleFromStart>1</ScheduleFromStart>\n"
        out += "  <StartDate>\(programmeStart.iso)T08:00:00</StartDate>\n  <FinishDate>\(plan.finish.iso)T17:00:00</FinishDate>\n"
        out += "  <CalendarUID>1</CalendarUID>\n  <DefaultStartTime>08:00:00</DefaultStartTime>\n  <DefaultFinishTime>17:00:00</DefaultFinishTime>\n"
        out += "  <MinutesPerDay>480</MinutesPerDay>\n  <MinutesPerWeek>2400</MinutesPerWeek>\n  <DaysPerMonth>20</DaysPerMonth>\n"
        out += "  <ExtendedAttributes>\n    <ExtendedAttribute>\n      <FieldID>\(idField)</FieldID>\n      <FieldName>Text1</FieldName>\n      <Alias>TenderPlan id</Alias>\n    </ExtendedAttribute>\n  </ExtendedAttributes>\n"
        out += "  <Calendars>\n"
        let end = plan.finish.addingMonths(12)
        for number in network.calendars.indices.sorted(by: { calendarUID[$0]! < calendarUID[$1]! }) {
            let calendar = network.calendars[number]
            out += self.calendar(uid: calendarUID[number]!, name: calendar.id.raw, weekend: false,
                                 holidays: PlanTJP.holidays(calendar, from: programmeStart, through: end))
        }
        out += self.calendar(uid: everyDayUID, name: "Every day", weekend: true, holidays: [])
        out += "  </Calendars>\n"
        out += "  <Tasks>\n"
        for (index, item) in network.items.enumerated() {
            let scheduled = plan.items[index]
            let uid = index + 1
            let milestone = item.isMilestone
            let workingItem = item.duration.workingDays != nil && !milestone
            let hours: Int
            if milestone { hours = 0 } else if workingItem { hours = scheduled.durationDays * 8 } else {
                // Calendar days are working days of the "Every day" calendar (months and years counted out in this plan).
                hours = (scheduled.start.distance(to: scheduled.finish) + 1) * 8
            }
            // A milestone closed by the work before it (rule 3) sits at the end of the day it is shown on.
            let startTime = milestone && exported.shownEarly(index) ? "17:00:00" : "08:00:00"
            let finishTime = milestone ? startTime : "17:00:00"
            out += "    <Task>\n      <UID>\(uid)</UID>\n      <ID>\(uid)</ID>\n      <Name>\(name(item.title))</Name>\n"
            out += "      <Type>1</Type>\n      <IsNull>0</IsNull>\n      <OutlineLevel>1</OutlineLevel>\n"
            out += "      <Start>\(scheduled.start.iso)T\(startTime)</Start>\n      <Finish>\(scheduled.finish.iso)T\(finishTime)</Finish>\n"
            out += "      <Duration>PT\(hours)H0M0S</Duration>\n      <DurationFormat>7</DurationFormat>\n"
            out += "      <Milestone>\(milestone ? 1 : 0)</Milestone>\n"
            out += "      <Critical>\(scheduled.critical ? 1 : 0)</Critical>\n      <TotalSlack>\(scheduled.totalSlackDays * 4800)</TotalSlack>\n"
            out += "      <PercentComplete>0</PercentComplete>\n      <ActualDuration>PT0H0M0S</ActualDuration>\n"
            out += "      <RemainingDuration>PT\(hours)H0M0S</RemainingDuration>\n"
            let pin = exported.notEarlierThan(index, programmeStart: programmeStart)
            // Start no earlier than: pinned items, not_before, leveled go-lives and cutovers (see "Exports").
            out += "      <ConstraintType>\(pin == nil ? 0 : 4)</ConstraintType>\n"
            let taskCalendar = workingItem ? calendarUID[item.calendar]! : everyDayUID
            out += "      <CalendarUID>\(taskCalendar == 1 ? -1 : taskCalendar)</CalendarUID>\n"
            if let pin { out += "      <ConstraintDate>\(pin.iso)T08:00:00</ConstraintDate>\n" }
            if let deadline = item.deadline { out += "      <Deadline>\(deadline.iso)T17:00:00</Deadline>\n" }
            for link in exported.links[index] {
                out += "      <PredecessorLink>\n        <PredecessorUID>\(link.from + 1)</PredecessorUID>\n"
                out += "        <Type>\(link.startToStart ? 3 : 1)</Type>\n"
                if let lag = link.lag {
                    if let days = lag.workingDays, workingItem {
                        out += "        <LinkLag>\(days * 4800)</LinkLag>\n        <LagFormat>7</LagFormat>\n"
                    } else if let days = exported.elapsedDays(link) {
                        out += "        <LinkLag>\(days * 14400)</LinkLag>\n        <LagFormat>8</LagFormat>\n"
                    } else {
                        // Working days into an "Every day" item: the time they span in this plan, as elapsed time.
                        let lagHours = exported.lagHours(link, dayStart: 8, dayEnd: 17)
                        if lagHours % 24 == 0 {
                            out += "        <LinkLag>\(lagHours / 24 * 14400)</LinkLag>\n        <LagFormat>8</LagFormat>\n"
                        } else {
                            out += "        <LinkLag>\(lagHours * 600)</LinkLag>\n        <LagFormat>6</LagFormat>\n"
                        }
                    }
                }
                out += "      </PredecessorLink>\n"
            }
            out += "      <ExtendedAttribute>\n        <FieldID>\(idField)</FieldID>\n        <Value>\(xml(item.id))</Value>\n      </ExtendedAttribute>\n"
            out += "      <Active>1</Active>\n      <Manual>0</Manual>\n"
            out += "    </Task>\n"
        }
        out += "  </Tasks>\n</Project>\n"
        return out
    }

    /// A base calendar: Monday to Friday (or every day) 08:00–12:00 and 13:00–17:00, holidays as exceptions.
    static func calendar(uid: Int, name: String, weekend: Bool, holidays: [Day]) -> String {
        var out = "    <Calendar>\n      <UID>\(uid)</UID>\n      <Name>\(xml(name))</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>\n      <WeekDays>\n"
        for dayType in 1...7 {
            let working = weekend || (dayType >= 2 && dayType <= 6)  // 1 = Sunday … 7 = Saturday
            out += "        <WeekDay>\n          <DayType>\(dayType)</DayType>\n          <DayWorking>\(working ? 1 : 0)</DayWorking>\n"
            if working {
                out += "          <WorkingTimes>\n"
                out += "            <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>\n"
                out += "            <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>\n"
                out += "          </WorkingTimes>\n"
            }
            out += "        </WeekDay>\n"
        }
        out += "      </WeekDays>\n      <Exceptions>\n"
        for day in holidays {
            out += "        <Exception>\n          <EnteredByOccurrences>0</EnteredByOccurrences>\n"
            out += "          <TimePeriod><FromDate>\(day.iso)T00:00:00</FromDate><ToDate>\(day.iso)T23:59:00</ToDate></TimePeriod>\n"
            out += "          <Occurrences>1</Occurrences>\n          <Name>holiday</Name>\n          <Type>1</Type>\n          <DayWorking>0</DayWorking>\n        </Exception>\n"
        }
        out += "      </Exceptions>\n    </Calendar>\n"
        return out
    }

    /// A task or project name: on one line and within MS Project's limit, cut between characters (never inside
    /// one or inside an escape) and ended with "…" when cut.
    static func name(_ text: String) -> String {
        let line = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        guard line.utf16.count > nameLimit else { return xml(line) }
        var kept = ""
        for character in line {
            if kept.utf16.count + character.utf16.count > nameLimit - 1 { break }
            kept.append(character)
        }
        return xml(kept + "…")
    }

    /// XML text: markup characters escaped, and characters XML 1.0 cannot carry (controls other than tab, line
    /// feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD.
    static func xml(_ text: String) -> String {
        let allowed = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            let value = scalar.value
            if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { return "\u{FFFD}" }
            if value == 0xFFFE || value == 0xFFFF { return "\u{FFFD}" }
            return scalar
        }))
        return htmlEscaped(allowed)
    }
}
