/// Why an item lands where it does: the constraint that set its earliest day, and what moved it after that.
public enum PlanReason: Sendable, Hashable {
    case programmeStart
    case notBefore(Day)
    case pinned(Day)
    /// A link into the item: its position in the item's `links` (the text, lag and kind are there).
    case link(position: Int)
}

/// One scheduled item of the plan.
public struct ScheduledItem: Sendable {
    public var id: String
    public var title: String
    public var kind: PlanNetwork.Kind
    /// The earliest day its constraints allow (rule 3's E).
    public var earliest: Day
    public var start: Day
    public var finish: Day
    /// Working days from start to finish inclusive; 0 for milestones.
    public var durationDays: Int
    public var totalSlackDays: Int
    public var critical: Bool
    public var deadline: Day?
    public var reason: PlanReason
    /// For go-live parts: why leveling moved the block later than its dependencies allowed (empty when it did not).
    public var leveling: [String]
    public var leveledFrom: Day?
    public var calendar: Identifier
    /// When leveling is what makes the item critical: what the delay test (rule 6) found a day's delay moves
    /// (a go-live that must then wait, and why).
    public var slackLimit: String? = nil
}

/// The milestone plan: every item scheduled, the programme finish, and what was late or wrong.
public struct PlanResult: Sendable {
    public var items: [ScheduledItem]
    public var finish: Day
    public var network: PlanNetwork
    public var diagnostics: [Diagnostic]

    public func item(_ id: String) -> ScheduledItem? {
        network.index[id].map { items[$0] }
    }

    /// The latest cutover, if there are go-lives.
    public var lastGoLive: Day? { network.lastGoLive.map { items[$0].finish } }

    /// Items sorted by start, then finish, then id (the order of every plan output).
    public var ordered: [ScheduledItem] {
        items.sorted { ($0.start, $0.finish) < ($1.start, $1.finish) || (($0.start, $0.finish) == ($1.start, $1.finish) && $0.id.utf8.lexicographicallyPrecedes($1.id.utf8)) }
    }

    /// Items that miss their deadline, with the calendar days they miss it by.
    public var late: [(item: ScheduledItem, days: Int)] {
        items.compactMap { item in
            guard let deadline = item.deadline, item.finish > deadline else { return nil }
            return (item, deadline.distance(to: item.finish))
        }
    }
}
