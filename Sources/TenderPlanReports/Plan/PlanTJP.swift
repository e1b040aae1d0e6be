import TenderPlanCore

/// A TaskJuggler project of the plan, so `tj3` can schedule the same network.
///
/// Working-day items become `length`, calendar-day items `duration` (months and years as their exact
/// number of days), lags `gaplength`/`gapduration`; the default calendar's holidays become leaves.
public enum PlanTJP {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let network = plan.network
        let end = plan.finish.addingMonths(12)
        var out = "project tenderplan \"\(quote(scenario.info.title))\" \(scenario.info.start) - \(end) {\n"
        out += "  timezone \"UTC\"\n  timeformat \"%Y-%m-%d\"\n  dailyworkinghours 8\n"
        out += "  workinghours mon - fri 9:00 - 17:00\n  workinghours sat, sun off\n}\n\n"
        if let calendar = network.calendars.first(where: { $0.id == scenario.info.calendarId }) {
            var day = scenario.info.start
            while day <= end {
                if !day.isWeekend && !calendar.isWorkingDay(day) { out += "leaves holiday \"holiday\" \(day)\n" }
                day = day.advanced(by: 1)
            }
            out += "\n"
        }
        for (index, item) in network.items.enumerated() {
            let scheduled = plan.items[index]
            out += "task \(tjId(item.id)) \"\(quote(item.title))\" {\n"
            if item.isMilestone {
                out += "  milestone\n"
            } else if let days = item.duration.workingDays {
                out += "  length \(days)d\n"
            } else {
                out += "  duration \(scheduled.start.distance(to: scheduled.finish) + 1)d\n"
            }
            if item.links.isEmpty || item.on != nil || item.notBefore != nil {
                out += "  start \(item.on ?? max(item.notBefore ?? scenario.info.start, scenario.info.start))\n"
            }
            // TaskJuggler takes one dependency per predecessor: keep the one with the longest lag.
            var strongest: [Int: PlanNetwork.Link] = [:]
            for link in item.links where strongest[link.from].map({ lagDays($0) < lagDays(link) }) ?? true { strongest[link.from] = link }
            for link in item.links where strongest[link.from].map({ $0.text == link.text && $0.lag == link.lag && $0.startToStart == link.startToStart }) == true {
                strongest[link.from] = nil
                out += "  depends \(tjId(network.items[link.from].id))"
                var options: [String] = []
                if link.startToStart { options.append("onstart") }
                if let lag = link.lag {
                    if let days = lag.workingDays { options.append("gaplength \(days)d") }
                    else if let days = lag.calendarDays { options.append("gapduration \(days)d") }
                    else if let months = lag.months {
                        // Months as their exact number of days from where the link anchors in this plan.
                        let predecessor = plan.items[link.from]
                        let anchor = network.items[link.from].isMilestone ? predecessor.earliest
                            : (link.startToStart ? predecessor.start : predecessor.finish.advanced(by: 1))
                        options.append("gapduration \(anchor.distance(to: anchor.addingMonths(months)))d")
                    }
                }
                out += options.isEmpty ? "\n" : " { \(options.joined(separator: " ")) }\n"
            }
            out += "}\n"
        }
        return out
    }

    /// A lag in calendar days, roughly (a working week is 7 days), to pick between two links to one predecessor.
    static func lagDays(_ link: PlanNetwork.Link) -> Int {
        guard let lag = link.lag else { return link.startToStart ? -1 : 0 }
        return lag.calendarDays ?? lag.workingDays.map { $0 * 7 / 5 } ?? (lag.months ?? 0) * 31
    }

    static func tjId(_ id: String) -> String {
        "t_" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func quote(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
