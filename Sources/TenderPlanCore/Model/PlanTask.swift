/// A task or milestone of the programme (a `tasks:` entry).
public struct PlanTask: Sendable, Hashable {
    public var id: Identifier
    public var title: String
    public var duration: PlanDuration?
    public var estimate: Estimate?
    public var after: [Reference]
    public var notBefore: Day?
    public var deadline: Day?
    /// A pinned date, for milestones only.
    public var on: Located<Day>?
    public var calendar: Located<Identifier>?
    public var location: SourceLocation

    public init(id: Identifier, title: String? = nil, duration: PlanDuration? = nil, estimate: Estimate? = nil,
                after: [Reference] = [], notBefore: Day? = nil, deadline: Day? = nil, on: Located<Day>? = nil,
                calendar: Located<Identifier>? = nil, location: SourceLocation) {
        self.id = id
        self.title = title ?? id.raw
        self.duration = duration
        self.estimate = estimate
        self.after = after
        self.notBefore = notBefore
        self.deadline = deadline
        self.on = on
        self.calendar = calendar
        self.location = location
    }

    /// The duration used for planning: `duration`, else the estimate's likely value.
    public var plannedDuration: PlanDuration? { duration ?? estimate?.likely }
}
