extension PlanResult {
    /// The day a reference names in this plan: `X` and `X.finish` the finish (a tender's contract, a go-live's
    /// hypercare, a legacy system's retirement), `X.start` the start, `X.PART` that part's finish.
    public func day(of reference: Reference, in scenario: Scenario) -> Day? {
        let id = reference.target.raw
        let isTender = scenario.tenders.contains { $0.id == reference.target }
        let isGoLive = scenario.goLives.contains { $0.id == reference.target }
        let isLegacy = scenario.legacy.contains { $0.id == reference.target }
        switch reference.part {
        case "start"?:
            if isTender, let tender = scenario.tenders.first(where: { $0.id == reference.target }) {
                return item("\(id).\(TenderPhases.phases(of: tender.procedure)[0].name)")?.start
            }
            if isGoLive { return item("\(id).preparation")?.start }
            if isLegacy { return item("\(id).retire")?.start }
            return item(id)?.start
        case nil, "finish"?:
            if isTender { return item("\(id).contract")?.finish }
            if isGoLive { return item("\(id).hypercare")?.finish }
            if isLegacy { return item("\(id).retire")?.finish }
            return item(id)?.finish
        case let part?:
            return item("\(id).\(part)")?.finish
        }
    }
}
