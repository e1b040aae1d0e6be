/// The items of a plan and the links between them: tasks, tender phases, go-live parts,
/// `last_go_live` and legacy retirements, with every reference resolved to an item.
public struct PlanNetwork: Sendable {
    /// What an item is, as the plan's JSON names it.
    public enum Kind: String, Sendable {
        case task, milestone
        case tenderPhase = "tender_phase"
        case preparation, cutover, hypercare
    }

    /// A link into an item: from another item's finish (or start), with an optional lag.
    public struct Link: Sendable {
        public var from: Int
        public var startToStart: Bool
        public var lag: PlanDuration?
        /// The reference as written, for explanations; nil for generated links (phase order, go-live parts).
        public var text: String?
        public var location: SourceLocation?
    }

    public struct Item: Sendable {
        public var id: String
        public var title: String
        public var kind: Kind
        public var duration: PlanDuration
        public var calendar: Int
        public var links: [Link] = []
        public var notBefore: Day?
        public var on: Day?
        public var deadline: Day?
        /// The go-live this item is a part of (leveling moves the three parts as one block).
        public var goLive: Int?
        public var location: SourceLocation
        /// For a tender phase: its legal minimum and where its duration was overridden.
        public var minimumCalendarDays: Int?
        public var minimumSource: String?
        public var overrideLocation: SourceLocation?

        public var isMilestone: Bool { duration.isZero }
    }

    public var items: [Item] = []
    public var calendars: [WorkingDayCalendar] = []
    /// Per go-live (file order): the item indices of its preparation, cutover and hypercare.
    public var goLiveParts: [(preparation: Int, cutover: Int, hypercare: Int)] = []
    public var lastGoLive: Int?
    /// Per legacy system (file order): its retirement milestone.
    public var retirements: [Int] = []
    public var index: [String: Int] = [:]
    /// For each item, the items that link to it (in item order), and each such link as (item, position in its links).
    public var successors: [[Int]] = []
    public var outgoing: [[(to: Int, position: Int)]] = []

    /// What the scheduler reads of an item: plain values, no strings or nested arrays. Risk reschedules a
    /// network thousands of times on several threads; copying whole items there (ids, titles and source paths
    /// that every thread shares) spent the time on reference counts that the threads contend for.
    struct Timing: Sendable {
        var kind: Kind
        var calendar: Int
        var notBefore: Day?
        var on: Day?
        var goLive: Int?
        /// The item's links, as a range of `edges`.
        var links: Range<Int>
    }

    /// A link as the scheduler reads it.
    struct Edge: Sendable {
        var from: Int
        var startToStart: Bool
        var lag: PlanDuration?
    }

    /// Per item, and all links in item order; computed from `items` once, at the end of `init` (like `successors`).
    private(set) var timing: [Timing] = []
    private(set) var edges: [Edge] = []

    /// Builds the network; `durations` may replace item durations (risk draws them), keyed by item id.
    public init(_ scenario: Scenario, durations: [String: PlanDuration] = [:]) {
        let start = scenario.info.start
        let first = start.advanced(by: -7)
        // Calendars are built when first used: each covers every day to 2399.
        var calendarIndex: [Identifier: Int] = [:]
        let definitions = Dictionary(scenario.calendars.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var calendars: [WorkingDayCalendar] = []
        func calendarNumber(_ id: Identifier) -> Int {
            if let known = calendarIndex[id] { return known }
            let built: WorkingDayCalendar
            if let definition = definitions[id] {
                built = WorkingDayCalendar(definition, from: first)
            } else {
                built = WorkingDayCalendar(id: id == "mon-fri" ? "mon-fri" : "nl", base: id == "mon-fri" ? .monFri : .nl, from: first)
            }
            calendarIndex[id] = calendars.count
            calendars.append(built)
            return calendars.count - 1
        }
        let defaultCalendar = calendarNumber(scenario.info.calendarId)
        func calendar(_ id: Located<Identifier>?) -> Int { id.map { calendarNumber($0.value) } ?? defaultCalendar }
        func add(_ item: Item) -> Int {
            var item = item
            if let replacement = durations[item.id] { item.duration = replacement }
            index[item.id] = items.count
            items.append(item)
            return items.count - 1
        }

        // 1. Create every item, so references can be resolved in any order.
        for task in scenario.tasks {
            let duration = task.plannedDuration ?? PlanDuration(0, .workingDays)
            _ = add(Item(id: task.id.raw, title: task.title, kind: duration.isZero ? .milestone : .task, duration: duration,
                         calendar: calendar(task.calendar), notBefore: task.notBefore, on: task.on?.value, deadline: task.deadline,
                         location: task.location))
        }
        var tenderPhases: [[Int]] = []
        for tender in scenario.tenders {
            var phases: [Int] = []
            for rule in TenderPhases.phases(of: tender.procedure) {
                let override = tender.phases.last { $0.phase == rule.name }
                let duration = override?.duration ?? rule.defaultDuration
                var item = Item(id: "\(tender.id).\(rule.name)", title: "\(tender.title): \(rule.name)", kind: .tenderPhase,
                                duration: duration, calendar: calendar(tender.calendar), location: tender.location)
                item.minimumCalendarDays = rule.minimumCalendarDays
                item.minimumSource = rule.source
                item.overrideLocation = override?.location
                if rule.name == "contract" { item.deadline = tender.deadline }
                phases.append(add(item))
            }
            tenderPhases.append(phases)
        }
        for (number, goLive) in scenario.goLives.enumerated() {
            let calendarId = calendar(goLive.calendar)
            let preparation = add(Item(id: "\(goLive.id).preparation", title: "\(goLive.title): preparation", kind: .preparation,
                                       duration: goLive.plannedPreparation ?? PlanDuration(1, .workingDays), calendar: calendarId,
                                       notBefore: goLive.notBefore, goLive: number, location: goLive.location))
            let cutover = add(Item(id: "\(goLive.id).cutover", title: "\(goLive.title): cutover", kind: .cutover,
                                   duration: PlanDuration(0, .workingDays), calendar: calendarId, deadline: goLive.deadline,
                                   goLive: number, location: goLive.location))
            let hypercare = add(Item(id: "\(goLive.id).hypercare", title: "\(goLive.title): hypercare", kind: .hypercare,
                                     duration: goLive.hypercare, calendar: calendarId, goLive: number, location: goLive.location))
            goLiveParts.append((preparation, cutover, hypercare))
        }
        let usesLastGoLive = !scenario.goLives.isEmpty
        if usesLastGoLive {
            lastGoLive = add(Item(id: "last_go_live", title: "Last go-live", kind: .milestone, duration: PlanDuration(0, .workingDays),
                                  calendar: defaultCalendar, location: scenario.info.location))
        }
        for system in scenario.legacy {
            var item = Item(id: "\(system.id).retire", title: "\(system.name): retirement", kind: .milestone,
                            duration: PlanDuration(0, .workingDays), calendar: calendar(system.calendar), location: system.location)
            if case .on(let day) = system.retire { item.on = day }
            retirements.append(add(item))
        }

        self.calendars = calendars

        // 2. Resolve references into links.
        let tenderIndex = Dictionary(scenario.tenders.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let goLiveIndex = Dictionary(scenario.goLives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let legacyIndex = Dictionary(scenario.legacy.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func resolve(_ reference: Reference) -> Link? {
            let target = reference.target
            var from: Int?
            var startToStart = reference.part == "start"
            let finish = reference.part == nil || reference.part == "finish"
            if target == "last_go_live" {
                from = lastGoLive
            } else if let t = tenderIndex[target] {
                let phases = tenderPhases[t]
                if startToStart { from = phases.first } else if finish { from = phases.last } else {
                    from = index["\(target).\(reference.part!)"]
                }
            } else if let g = goLiveIndex[target] {
                let parts = goLiveParts[g]
                if startToStart { from = parts.preparation } else if finish { from = parts.hypercare } else {
                    from = index["\(target).\(reference.part!)"]
                }
            } else if let l = legacyIndex[target] {
                from = retirements[l]
                if reference.part == "retire" { startToStart = false }
            } else {
                from = index[target.raw]
            }
            guard let from else { return nil }
            return Link(from: from, startToStart: startToStart, lag: reference.lag, text: reference.description, location: reference.location)
        }
        for (number, task) in scenario.tasks.enumerated() {
            items[number].links = task.after.compactMap(resolve)
        }
        for (t, tender) in scenario.tenders.enumerated() {
            let phases = tenderPhases[t]
            items[phases[0]].links = tender.after.compactMap(resolve)
            items[phases[0]].notBefore = [tender.start, tender.notBefore].compactMap { $0 }.max()
            for (previous, phase) in zip(phases, phases.dropFirst()) {
                items[phase].links = [Link(from: previous, startToStart: false, lag: nil, text: nil, location: nil)]
            }
        }
        for (g, goLive) in scenario.goLives.enumerated() {
            let parts = goLiveParts[g]
            var links = goLive.after.compactMap(resolve)
            if case .tender(let tender)? = goLive.source, let t = tenderIndex[tender.value] {
                links.insert(Link(from: tenderPhases[t].last!, startToStart: false, lag: nil, text: "\(tender.value) (contract)",
                                  location: tender.location), at: 0)
            }
            items[parts.preparation].links = links
            items[parts.cutover].links = [Link(from: parts.preparation, startToStart: false, lag: nil, text: nil, location: nil)]
            items[parts.hypercare].links = [Link(from: parts.cutover, startToStart: false, lag: nil, text: nil, location: nil)]
        }
        if let last = lastGoLive {
            items[last].links = goLiveParts.map { Link(from: $0.cutover, startToStart: false, lag: nil, text: nil, location: nil) }
        }
        for (l, system) in scenario.legacy.enumerated() {
            if case .after(let references, let plus) = system.retire {
                items[retirements[l]].links = references.compactMap(resolve).map { link in
                    var link = link
                    if let plus, !plus.isZero { link.lag = plus }  // `plus` is the lag after the references
                    return link
                }
            }
        }
        successors = [[Int]](repeating: [], count: items.count)
        outgoing = [[(to: Int, position: Int)]](repeating: [], count: items.count)
        timing.reserveCapacity(items.count)
        for (to, item) in items.enumerated() {
            let first = edges.count
            for (position, link) in item.links.enumerated() {
                successors[link.from].append(to)
                outgoing[link.from].append((to, position))
                edges.append(Edge(from: link.from, startToStart: link.startToStart, lag: link.lag))
            }
            timing.append(Timing(kind: item.kind, calendar: item.calendar, notBefore: item.notBefore, on: item.on,
                                 goLive: item.goLive, links: first..<edges.count))
        }
    }
}
