import TenderPlanCore

/// The plan's items grouped as the reports show them: the phases of each tender, the go-live steps
/// at each site, then every other item (tasks, milestones, retirements) in plan order.
struct PlanGroups {
    struct Group {
        var id: String
        var title: String
        var items: [ScheduledItem]
    }

    var tenders: [Group] = []
    var sites: [Group] = []
    var rest: [ScheduledItem] = []

    init(_ scenario: Scenario, _ plan: PlanResult) {
        var shown = Set<String>()
        func items(_ ids: [String]) -> [ScheduledItem] {
            let found = ids.compactMap { plan.item($0) }
            for item in found { shown.insert(item.id) }
            return found
        }
        for tender in scenario.tenders {
            let phases = items(TenderPhases.phases(of: tender.procedure).map { "\(tender.id).\($0.name)" })
            if !phases.isEmpty { tenders.append(Group(id: tender.id.raw, title: tender.title, items: phases)) }
        }
        for site in scenario.sites {
            let goLives = scenario.goLives.filter { $0.sites.contains { $0.value == site.id } }
            let steps = items(goLives.flatMap { ["\($0.id).preparation", "\($0.id).cutover", "\($0.id).hypercare"] })
            if !steps.isEmpty { sites.append(Group(id: site.id.raw, title: site.name, items: steps)) }
        }
        rest = plan.ordered.filter { !shown.contains($0.id) }
    }
}
