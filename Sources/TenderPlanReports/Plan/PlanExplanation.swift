import TenderPlanCore

/// `plan --explain ID`: why an item lands on its date, as the chain of binding constraints back to the start.
public enum PlanExplanation {
    public static func render(_ id: String, _ scenario: Scenario, _ plan: PlanResult) -> String? {
        guard var index = plan.network.index[id] else { return nil }
        var out = ""
        var seen = Set<Int>()
        var step = 0
        while seen.insert(index).inserted {
            let item = plan.items[index]
            let spec = plan.network.items[index]
            let lead = step == 0 ? "" : "  ← "
            out += "\(lead)\(item.id) (\(item.kind.rawValue)): " + dates(item) + "\n"
            out += detail(item, spec, plan).map { "      \($0)\n" }.joined()
            step += 1
            switch item.reason {
            case .programmeStart:
                out += "      earliest day: the programme start, \(scenario.info.start)\n"
                return out
            case .notBefore(let day):
                out += "      earliest day: not_before \(day)\n"
                return out
            case .pinned(let day):
                out += "      pinned with on: \(day)\n"
                return out
            case .link(let position):
                let link = spec.links[position]
                let (from, text, lag, startToStart) = (link.from, link.text, link.lag, link.startToStart)
                let how: String
                if let text {
                    how = "after: \(text)"
                } else if spec.kind == .tenderPhase {
                    how = "the procedure's phase order"
                } else if spec.kind == .cutover {
                    how = "the cutover is the first working day after the preparation"
                } else if spec.kind == .hypercare {
                    how = "hypercare starts on the cutover"
                } else if item.id == "last_go_live" {
                    how = "the latest cutover"
                } else {
                    how = "a generated link"
                }
                var anchor = startToStart ? "its start" : (plan.network.items[from].isMilestone ? "its date" : "the day after its finish")
                if let lag { anchor += " + \(lag)" }
                out += "      earliest day \(item.earliest): \(how) (\(anchor))\n"
                index = from
            }
        }
        return out
    }

    static func dates(_ item: ScheduledItem) -> String {
        let span = item.start == item.finish ? "\(item.start)" : "\(item.start) to \(item.finish), \(item.durationDays) working days"
        return span + (item.critical ? ", critical" : ", slack \(item.totalSlackDays) working days")
    }

    static func detail(_ item: ScheduledItem, _ spec: PlanNetwork.Item, _ plan: PlanResult) -> [String] {
        var lines: [String] = []
        if !spec.isMilestone && item.start > item.earliest && item.leveling.isEmpty {
            lines.append("starts \(item.start): the first working day of calendar \(item.calendar) on or after \(item.earliest)")
        }
        if spec.isMilestone && item.finish < item.earliest {
            lines.append("shown on \(item.finish), the day before its earliest day: the work before it closes then")
        }
        if let from = item.leveledFrom, !item.leveling.isEmpty {
            lines.append("leveling moved it from \(from) because " + item.leveling.joined(separator: "; then "))
        }
        if let limit = item.slackLimit {
            lines.append("critical through leveling: " + limit)
        }
        if let minimum = spec.minimumCalendarDays {
            lines.append("duration \(spec.duration) (legal minimum \(minimum) calendar days: \(spec.minimumSource ?? ""))")
        } else if !spec.isMilestone {
            lines.append("duration \(spec.duration)")
        }
        if let deadline = item.deadline {
            lines.append(item.finish > deadline ? "LATE: \(deadline.distance(to: item.finish)) days after its deadline \(deadline)" : "meets its deadline \(deadline)")
        }
        return lines
    }
}
