/// A go-live moment (gebruiknamemoment): agencies at sites move onto a product.
public struct GoLive: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The product the tender awards.
        case tender(Located<Identifier>)
        /// A named product.
        case product(Located<Identifier>)
    }

    public var id: Identifier
    public var title: String
    public var sites: [Located<Identifier>]
    public var agencies: [Located<Identifier>]
    public var source: Source?
    public var after: [Reference]
    public var preparation: PlanDuration?
    public var hypercare: PlanDuration
    public var estimate: Estimate?
    public var notBefore: Day?
    public var deadline: Day?
    public var calendar: Located<Identifier>?
    public var location: SourceLocation

    public init(id: Identifier, title: String? = nil, sites: [Located<Identifier>] = [], agencies: [Located<Identifier>] = [],
                source: Source?, after: [Reference] = [], preparation: PlanDuration?, hypercare: PlanDuration = PlanDuration(0, .workingDays),
                estimate: Estimate? = nil, notBefore: Day? = nil, deadline: Day? = nil,
                calendar: Located<Identifier>? = nil, location: SourceLocation) {
        self.id = id
        self.title = title ?? id.raw
        self.sites = sites
        self.agencies = agencies
        self.source = source
        self.after = after
        self.preparation = preparation
        self.hypercare = hypercare
        self.estimate = estimate
        self.notBefore = notBefore
        self.deadline = deadline
        self.calendar = calendar
        self.location = location
    }

    /// The preparation used for planning: `preparation`, else the estimate's likely value.
    public var plannedPreparation: PlanDuration? { preparation ?? estimate?.likely }
}

/// Limits on how go-lives are spread: at most `maxParallel` at once, `minGap` working days between cutovers.
public struct Rollout: Sendable, Hashable {
    public enum Order: String, Sendable, Hashable, CaseIterable {
        case listed, earliest
    }

    public var maxParallel: Int?
    public var minGap: PlanDuration
    public var order: Order

    public init(maxParallel: Int? = nil, minGap: PlanDuration = PlanDuration(0, .workingDays), order: Order = .listed) {
        self.maxParallel = maxParallel
        self.minGap = minGap
        self.order = order
    }
}
