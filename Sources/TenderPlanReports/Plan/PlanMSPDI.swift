import TenderPlanCore

/// The plan as Microsoft Project XML (MSPDI), which MS Project and ProjectLibre open: tasks with their
/// computed dates, milestones, finish-to-start and start-to-start links with lags, and the default
/// calendar's holidays as exceptions. Working days run 08:00–17:00 with an hour's break.
public enum PlanMSPDI {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let network = plan.network
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
        out += "  <SaveVersion>14</SaveVersion>\n"
        out += "  <Name>\(xml(scenario.info.title))</Name>\n  <Title>\(xml(scenario.info.title))</Title>\n"
        out += "  <ScheduleFromStart>1</ScheduleFromStart>\n"
        out += "  <StartDate>\(scenario.info.start.iso)T08:00:00</StartDate>\n  <FinishDate>\(plan.finish.iso)T17:00:00</FinishDate>\n"
        out += "  <CalendarUID>1</CalendarUID>\n  <MinutesPerDay>480</MinutesPerDay>\n  <MinutesPerWeek>2400</MinutesPerWeek>\n  <DaysPerMonth>20</DaysPerMonth>\n"
        out += calendar(scenario, plan)
        out += "  <Tasks>\n"
        for (index, item) in network.items.enumerated() {
            let scheduled = plan.items[index]
            let uid = index + 1
            let milestone = item.isMilestone
            let workingItem = item.duration.workingDays != nil
            out += "    <Task>\n      <UID>\(uid)</UID>\n      <ID>\(uid)</ID>\n      <Name>\(xml(item.title))</Name>\n"
            out += "      <Manual>0</Manual>\n      <Type>1</Type>\n      <OutlineLevel>1</OutlineLevel>\n"
            out += "      <Start>\(scheduled.start.iso)T08:00:00</Start>\n"
            out += "      <Finish>\(scheduled.finish.iso)T\(milestone ? "08:00:00" : "17:00:00")</Finish>\n"
            if milestone {
                out += "      <Duration>PT0H0M0S</Duration>\n      <DurationFormat>7</DurationFormat>\n      <Milestone>1</Milestone>\n"
            } else if workingItem {
                out += "      <Duration>PT\(scheduled.durationDays * 8)H0M0S</Duration>\n      <DurationFormat>7</DurationFormat>\n      <Milestone>0</Milestone>\n"
            } else {
                // Calendar-day items: elapsed days (months and years counted out in this plan).
                let days = scheduled.start.distance(to: scheduled.finish) + 1
                out += "      <Duration>PT\(days * 24)H0M0S</Duration>\n      <DurationFormat>8</DurationFormat>\n      <Milestone>0</Milestone>\n"
            }
            out += "      <Critical>\(scheduled.critical ? 1 : 0)</Critical>\n      <TotalSlack>\(scheduled.totalSlackDays * 4800)</TotalSlack>\n"
            if item.links.isEmpty || item.on != nil || item.notBefore != nil {
                // Start no earlier than the planned date, so the tool does not pull the task forward.
                out += "      <ConstraintType>4</ConstraintType>\n      <ConstraintDate>\(scheduled.start.iso)T08:00:00</ConstraintDate>\n"
            }
            if let deadline = item.deadline { out += "      <Deadline>\(deadline.iso)T17:00:00</Deadline>\n" }
            for link in item.links {
                out += "      <PredecessorLink>\n        <PredecessorUID>\(link.from + 1)</PredecessorUID>\n"
                out += "        <Type>\(link.startToStart ? 3 : 1)</Type>\n"
                if let lag = link.lag {
                    if let days = lag.workingDays {
                        out += "        <LinkLag>\(days * 4800)</LinkLag>\n        <LagFormat>7</LagFormat>\n"
                    } else {
                        let predecessor = plan.items[link.from]
                        let anchor = network.items[link.from].isMilestone ? predecessor.earliest
                            : (link.startToStart ? predecessor.start : predecessor.finish.advanced(by: 1))
                        let days = lag.calendarDays ?? anchor.distance(to: anchor.addingMonths(lag.months ?? 0))
                        out += "        <LinkLag>\(days * 14400)</LinkLag>\n        <LagFormat>8</LagFormat>\n"
                    }
                }
                out += "      </PredecessorLink>\n"
            }
            out += "    </Task>\n"
        }
        out += "  </Tasks>\n</Project>\n"
        return out
    }

    /// The default calendar: Monday to Friday 08:00–12:00 and 13:00–17:00, holidays as exceptions.
    static func calendar(_ scenario: Scenario, _ plan: PlanResult) -> String {
        var out = "  <Calendars>\n    <Calendar>\n      <UID>1</UID>\n      <Name>\(xml(scenario.info.calendarId.raw))</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>\n      <WeekDays>\n"
        for dayType in 1...7 {
            let working = dayType >= 2 && dayType <= 6  // 1 = Sunday … 7 = Saturday
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
        if let calendar = plan.network.calendars.first(where: { $0.id == scenario.info.calendarId }) {
            var day = scenario.info.start
            let end = plan.finish.addingMonths(12)
            while day <= end {
                if !day.isWeekend && !calendar.isWorkingDay(day) {
                    out += "        <Exception>\n          <EnteredByOccurrences>0</EnteredByOccurrences>\n"
                    out += "          <TimePeriod><FromDate>\(day.iso)T00:00:00</FromDate><ToDate>\(day.iso)T23:59:00</ToDate></TimePeriod>\n"
                    out += "          <Occurrences>1</Occurrences>\n          <Name>holiday</Name>\n          <Type>1</Type>\n          <DayWorking>0</DayWorking>\n        </Exception>\n"
                }
                day = day.advanced(by: 1)
            }
        }
        out += "      </Exceptions>\n    </Calendar>\n  </Calendars>\n"
        return out
    }

    static func xml(_ text: String) -> String { htmlEscaped(text) }
}
