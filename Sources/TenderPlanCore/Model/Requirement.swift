import Foundation

/// MoSCoW priority of a requirement; `must` is the strictest.
public enum Priority: String, Sendable, Hashable, CaseIterable, Comparable {
    case must, should, could, wont

    /// 0 for `must` (strictest) up to 3 for `wont`.
    public var strictness: Int {
        switch self {
        case .must: return 0
        case .should: return 1
        case .could: return 2
        case .wont: return 3
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.strictness < b.strictness }
}

/// How well a product covers a requirement.
public enum CoverageLevel: String, Sendable, Hashable, CaseIterable {
    case standard, configuration, customisation, roadmap, none
}

/// A capability that agencies need, with its priority and weight.
public struct Requirement: Sendable, Hashable {
    public var id: Identifier
    public var title: String
    public var area: String
    public var priority: Priority
    public var weight: Decimal?
    /// Who needs it; nil means every agency.
    public var agencies: [Located<Identifier>]?
    public var priorityByAgency: [AgencyPriority]
    public var location: SourceLocation

    public init(id: Identifier, title: String? = nil, area: String = "general", priority: Priority = .should,
                weight: Decimal? = nil, agencies: [Located<Identifier>]? = nil,
                priorityByAgency: [AgencyPriority] = [], location: SourceLocation) {
        self.id = id
        self.title = title ?? id.raw
        self.area = area
        self.priority = priority
        self.weight = weight
        self.agencies = agencies
        self.priorityByAgency = priorityByAgency
        self.location = location
    }
}

/// A per-agency override of a requirement's priority.
public struct AgencyPriority: Sendable, Hashable {
    public var agency: Located<Identifier>
    public var priority: Priority

    public init(agency: Located<Identifier>, priority: Priority) {
        self.agency = agency
        self.priority = priority
    }
}

/// Level values, priority weights and the knock-out priority.
public struct Scoring: Sendable, Hashable {
    public var levels: [CoverageLevel: Decimal]
    public var weights: [Priority: Decimal]
    public var knockout: Priority

    public static let defaultLevels: [CoverageLevel: Decimal] = [
        .standard: 1, .configuration: Decimal(string: "0.8")!, .customisation: Decimal(string: "0.5")!,
        .roadmap: Decimal(string: "0.3")!, .none: 0,
    ]
    public static let defaultWeights: [Priority: Decimal] = [.must: 5, .should: 3, .could: 1, .wont: 0]

    public init(levels: [CoverageLevel: Decimal] = Scoring.defaultLevels,
                weights: [Priority: Decimal] = Scoring.defaultWeights, knockout: Priority = .must) {
        self.levels = levels
        self.weights = weights
        self.knockout = knockout
    }
}
