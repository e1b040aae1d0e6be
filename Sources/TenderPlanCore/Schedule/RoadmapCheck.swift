import YAMLSource

/// Warns where a product is planned live for an agency before a `roadmap` capability it counts on is available.
enum RoadmapCheck {
    static func warnings(_ scenario: Scenario, plan: PlanResult, winners: (Identifier) -> Identifier?) -> [Diagnostic] {
        // The first cutover of each (agency, product) pair.
        var firstCutover: [String: Day] = [:]
        for (number, goLive) in scenario.goLives.enumerated() {
            let product: Identifier?
            switch goLive.source {
            case .tender(let tender)?: product = winners(tender.value)
            case .product(let id)?: product = id.value
            case nil: product = nil
            }
            guard let product, number < plan.network.goLiveParts.count else { continue }
            let cutover = plan.items[plan.network.goLiveParts[number].cutover].start
            for agency in goLive.agencies {
                let key = "\(agency.value)|\(product)"
                firstCutover[key] = min(firstCutover[key] ?? cutover, cutover)
            }
        }
        var diagnostics: [Diagnostic] = []
        let requirements = Dictionary(scenario.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for product in scenario.products {
            for cell in product.coverage where cell.level == .roadmap {
                guard let available = cell.available, let requirement = requirements[cell.requirement] else { continue }
                for agency in scenario.agencies {
                    if let scope = requirement.agencies, !scope.contains(where: { $0.value == agency.id }) { continue }
                    guard let cutover = firstCutover["\(agency.id)|\(product.id)"], available > cutover else { continue }
                    diagnostics.append(.warning(.roadmap,
                        "'\(product.id)' goes live for \(agency.id) on \(cutover), but '\(cell.requirement)' is on its roadmap only from \(available)",
                        at: SourceLocation(path: product.location.path, mark: cell.position)))
                }
            }
        }
        return diagnostics
    }
}
