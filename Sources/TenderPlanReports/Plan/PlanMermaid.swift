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

    /// Words the gantt grammar reads at the start of a line (case-insensitively) instead of a task name.
    static let keywords = ["gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval", "includes",
                           "excludes", "todaymarker", "weekday", "weekend", "title", "acctitle", "accdescr", "section", "click",
                           "call", "href", "callback", "displaymode"]

    /// Text for a task name, section or title. Mermaid ends a task name at ':', starts a comment at '#' or
    /// '%%' and ends a statement at ';', so these become its entity codes (`#58;`), which it decodes only
    /// after parsing. A name that would read as a keyword, a date or anything but a word gets its first
    /// character as an entity code too; control characters (line breaks) become spaces.
    static func clean(_ text: String) -> String {
        var out = ""
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.generalCategory == .control { out += position == 0 ? "#32;" : " "; continue }
            if ":#;%".unicodeScalars.contains(scalar) { out += "#\(scalar.value);"; continue }
            if position == 0 {
                let lowered = text.lowercased()
                let word = scalar.properties.isAlphabetic && !keywords.contains { lowered.hasPrefix($0) }
                if !word { out += "#\(scalar.value);"; continue }
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func mermaidId(_ id: String) -> String {
        id.replacingOccurrences(of: ".", with: "-")
    }
}
