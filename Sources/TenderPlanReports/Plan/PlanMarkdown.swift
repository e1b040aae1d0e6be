import TenderPlanCore

/// The milestone plan in Markdown: a summary, then a table per tender, per site and for the other items.
public enum PlanMarkdown {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        var out = "# Milestone plan: \(markdownCell(scenario.info.title))\n\n"
        out += "Scenario `\(scenario.info.id)`, programme start \(scenario.info.start), finish **\(plan.finish)**.\n"
        if let last = plan.lastGoLive { out += "Last go-live: **\(last)**.\n" }
        for (index, system) in scenario.legacy.enumerated() {
            let retire = plan.items[plan.network.retirements[index]].finish
            var line = "\(markdownCell(system.name)) retires on **\(retire)**"
            if let planned = system.plannedRetirement {
                let days = planned.distance(to: retire)
                line += days > 0 ? ", \(days) days after its planned retirement (\(planned))" : " (planned: \(planned))"
            }
            out += line + ".\n"
        }
        out += "\n★ marks the critical path: items with no slack, where any delay moves the programme finish. Slack is in working days.\n\n"
        let late = plan.late
        if !late.isEmpty {
            out += "## Late against their deadline\n\n| item | deadline | finish | days late |\n|---|---|---|---:|\n"
            for entry in late {
                out += "| \(markdownCell(entry.item.title)) (`\(entry.item.id)`) | \(entry.item.deadline!) | \(entry.item.finish) | \(entry.days) |\n"
            }
            out += "\n"
        }
        let critical = plan.ordered.filter { $0.critical }
        if !critical.isEmpty {
            out += "## Critical path\n\n" + critical.map { "`\($0.id)` (\($0.finish))" }.joined(separator: " → ") + "\n\n"
        }
        func table(_ heading: String, _ rows: [ScheduledItem]) {
            guard !rows.isEmpty else { return }
            out += "## \(heading)\n\n| | item | start | finish | working days | slack |\n|---|---|---|---|---:|---:|\n"
            for item in rows {
                var note = ""
                if !item.leveling.isEmpty, let from = item.leveledFrom {
                    note = " — moved from \(from): " + item.leveling.map(markdownCell).joined(separator: "; ")
                }
                out += "| \(item.critical ? "★" : "") | \(markdownCell(item.title)) (`\(item.id)`)\(note) | \(item.start) | \(item.finish) | \(item.durationDays) | \(item.totalSlackDays) |\n"
            }
            out += "\n"
        }
        let groups = PlanGroups(scenario, plan)
        for group in groups.tenders { table("Tender: \(markdownCell(group.title)) (`\(group.id)`)", group.items) }
        for group in groups.sites { table("Site: \(markdownCell(group.title)) (`\(group.id)`)", group.items) }
        table("Tasks and milestones", groups.rest)
        return out
    }
}
