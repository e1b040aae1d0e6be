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
