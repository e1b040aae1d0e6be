import Foundation
import TenderPlanCore

/// What the fit-gap reports show, in display order, after the `--agency` and `--area` filters.
public struct FitGapView: Sendable {
    public struct Filter: Sendable {
        public var agencies: [Identifier]
        public var areas: [String]

        public init(agencies: [Identifier] = [], areas: [String] = []) {
            self.agencies = agencies
            self.areas = areas
        }
    }

    public struct RequirementRow: Sendable {
        public var requirement: Requirement
        /// Level per product, in product order.
        public var levels: [CoverageLevel]
        /// `must`, or `must (kmar: should)` with per-agency overrides.
        public var priorityText: String
    }

    public struct AreaGroup: Sendable {
        public var area: String
        public var rows: [RequirementRow]
    }

    public let scenario: Scenario
    public let result: FitGapResult
    public let agencies: [Agency]
    public let products: [Product]
    public let areas: [AreaGroup]
    /// The shown requirements in file order (for JSON).
    public let rowsInFileOrder: [RequirementRow]

    public init(scenario: Scenario, result: FitGapResult, filter: Filter = Filter()) {
        self.scenario = scenario
        self.result = result
        let wanted = Set(filter.agencies)
        agencies = filter.agencies.isEmpty ? scenario.agencies : scenario.agencies.filter { wanted.contains($0.id) }
        products = scenario.products
        let shownAgencies = Set(agencies.map(\.id))
        let wantedAreas = Set(filter.areas)
        let levelMaps = scenario.products.map { product in
            Dictionary(product.coverage.map { ($0.requirement, $0.level) }, uniquingKeysWith: { a, _ in a })
        }
        var groups: [String: [RequirementRow]] = [:]
        var order: [String] = []
        var inFileOrder: [RequirementRow] = []
        for requirement in scenario.requirements {
            if !wantedAreas.isEmpty && !wantedAreas.contains(requirement.area) { continue }
            if !filter.agencies.isEmpty {
                // Only requirements that one of the chosen agencies needs.
                let scope = requirement.agencies.map { Set($0.map(\.value)) }
                if let scope, scope.isDisjoint(with: shownAgencies) { continue }
            }
            if groups[requirement.area] == nil { order.append(requirement.area) }
            var priority = requirement.priority.rawValue
            let overrides = requirement.priorityByAgency.filter { $0.priority != requirement.priority }
            if !overrides.isEmpty {
                priority += " (" + overrides.map { "\($0.agency.value): \($0.priority.rawValue)" }.joined(separator: ", ") + ")"
            }
            let row = RequirementRow(requirement: requirement, levels: levelMaps.map { $0[requirement.id] ?? .none }, priorityText: priority)
            groups[requirement.area, default: []].append(row)
            inFileOrder.append(row)
        }
        rowsInFileOrder = inFileOrder
        // Within an area, must-haves first, then should, could, wont; file order within a priority.
        areas = order.map { area in AreaGroup(area: area, rows: groups[area]!.enumerated().sorted {
            ($0.element.requirement.priority.strictness, $0.offset) < ($1.element.requirement.priority.strictness, $1.offset)
        }.map(\.element)) }
    }

    public var currency: String { scenario.info.currency }

    public func productName(_ id: Identifier) -> String {
        scenario.products.first { $0.id == id }?.name ?? id.raw
    }

    public func agencyName(_ id: Identifier) -> String {
        scenario.agencies.first { $0.id == id }?.name ?? id.raw
    }

    /// The options, with assignments and knock-outs limited to the shown agencies.
    public func shownAssignment(_ option: FitGapResult.Option) -> [(agency: Identifier, product: Identifier, knockouts: [Identifier])] {
        agencies.compactMap { agency in
            option.assignment[agency.id].map { (agency.id, $0, option.knockouts[agency.id] ?? []) }
        }
    }

    public static func optionName(_ kind: FitGapResult.Option.Kind) -> String {
        switch kind {
        case .oneForAll: return "One product for all"
        case .bestPerAgency: return "Best product per agency"
        case .tendersAsPlanned: return "Tenders as planned"
        }
    }

    public func tender(_ id: Identifier) -> Tender? { scenario.tenders.first { $0.id == id } }

    /// "bpkv: quality 60 %, price 40 %", "lowest price", "fictitious discount: € 2,000,000.00 per full fit".
    public func methodText(_ tender: Tender) -> String {
        let award = tender.award
        switch award.method {
        case .bpkv:
            return "BPKV: quality \(NumberFormat.percent(award.quality ?? 0)), price \(NumberFormat.percent(award.price ?? 0)), \(award.contractYears) contract years"
        case .lowestPrice:
            return "lowest price, \(award.contractYears) contract years"
        case .fictitiousDiscount:
            return "fictitious discount of \(NumberFormat.money(award.qualityValue ?? 0, currency: currency)) per full fit, \(award.contractYears) contract years"
        }
    }

    /// One sentence on what would change the award.
    public func sensitivityText(_ award: FitGapResult.Award) -> String {
        guard let tender = tender(award.tender) else { return "" }
        if award.isFixed { return "The award is fixed in the scenario (awarded: \(award.winner?.raw ?? "-")); no sensitivity is computed." }
        guard tender.award.method == .bpkv else { return "No quality weight applies to this method." }
        guard let weight = award.switchAtQualityWeight, let to = award.switchTo else {
            return "No quality weight between 0 % and 100 % changes the winner."
        }
        return "At a quality weight of \(NumberFormat.percent(weight)) (now \(NumberFormat.percent(tender.award.quality ?? 0))) the winner changes to \(to)."
    }
}
