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
        let critical = plan.ordered.filter { $0.critical && $0.kind != .cutover }
        if !critical.isEmpty {
            out += "## Critical path\n\n" + critical.map { "`\($0.id)` (\($0.finish))" }.joined(separator: " → ") + "\n\n"
        }
        var shown = Set<String>()
        func table(_ heading: String, _ ids: [String]) {
            let rows = ids.compactMap { plan.item($0) }
            guard !rows.isEmpty else { return }
            out += "## \(heading)\n\n| | item | start | finish | working days | slack |\n|---|---|---|---|---:|---:|\n"
            for item in rows {
                shown.insert(item.id)
                var note = ""
                if !item.leveling.isEmpty, let from = item.leveledFrom {
                    note = " — moved from \(from): " + item.leveling.map(markdownCell).joined(separator: "; ")
                }
                out += "| \(item.critical ? "★" : "") | \(markdownCell(item.title)) (`\(item.id)`)\(note) | \(item.start) | \(item.finish) | \(item.durationDays) | \(item.totalSlackDays) |\n"
            }
            out += "\n"
        }
        for tender in scenario.tenders {
            table("Tender: \(markdownCell(tender.title)) (`\(tender.id)`)", TenderPhases.phases(of: tender.procedure).map { "\(tender.id).\($0.name)" })
        }
        for site in scenario.sites {
            let goLives = scenario.goLives.filter { $0.sites.contains { $0.value == site.id } }
            table("Site: \(markdownCell(site.name)) (`\(site.id)`)",
                  goLives.flatMap { ["\($0.id).preparation", "\($0.id).cutover", "\($0.id).hypercare"] })
        }
        let rest = plan.ordered.map(\.id).filter { !shown.contains($0) }
        table("Tasks and milestones", rest)
        return out
    }
}
