import Foundation

/// Cross-reference and rule checks over a loaded scenario; every problem is collected, none stops the others.
public enum ScenarioValidator {
    /// The most items a plan may have (tasks, go-live steps, tender phases, retirements); far beyond any
    /// real programme, and small enough that scheduling and every risk iteration stay fast.
    public static let maxPlanItems = 500_000

    public static func validate(_ scenario: Scenario) -> [Diagnostic] {
        var check = ValidationRun(scenario: scenario)
        check.run()
        return check.diagnostics.sorted
    }
}

/// What kind of thing an id names.
enum IdKind: String {
    case calendar, agency, site, requirement, product, tender, legacy = "legacy system", goLive = "go-live", task, risk
}

struct ValidationRun {
    let scenario: Scenario
    var diagnostics = Diagnostics()
    var kinds: [Identifier: IdKind] = [:]
    var ids: [IdKind: [Identifier]] = [:]
    let tendersById: [Identifier: Tender]

    init(scenario: Scenario) {
        self.scenario = scenario
        tendersById = Dictionary(scenario.tenders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func run() {
        registerIds()
        checkScenarioHeader()
        // The checks below only read the scenario and the ids, so they run in two halves at once (the
        // coverage maps are the larger part); the messages are joined in the same order as one after
        // the other.
        let half = ValidationRun(copying: self)
        let (first, second) = bothAtOnce({
            var first = half
            first.checkRequirementsAndSites()
            first.checkProducts()
            return first.diagnostics
        }, {
            var second = half
            second.checkTheRest()
            return second.diagnostics
        })
        diagnostics.append(contentsOf: first.items)
        diagnostics.append(contentsOf: second.items)
    }

    /// A run that shares this one's ids, with no messages yet.
    init(copying other: ValidationRun) {
        self = other
        diagnostics = Diagnostics()
    }

    mutating func checkTheRest() {
        checkTenders()
        checkGoLives()
        checkTasks()
        checkLegacy()
        checkBenefits()
        checkRisks()
        for gate in scenario.gates {
            if case .fit(let product, let agency, _) = gate.kind {
                expect(product.value, [.product], at: product.location, role: "product")
                expect(agency.value, [.agency], at: agency.location, role: "agency")
            }
        }
        DependencyGraph(scenario: scenario).findCycles(into: &diagnostics)
    }

    // MARK: ids

    mutating func registerIds() {
        var definitions: [(Identifier, IdKind, SourceLocation)] = []
        definitions += scenario.calendars.map { ($0.id, .calendar, $0.location) }
        definitions += scenario.agencies.map { ($0.id, .agency, $0.location) }
        definitions += scenario.sites.map { ($0.id, .site, $0.location) }
        definitions += scenario.requirements.map { ($0.id, .requirement, $0.location) }
        definitions += scenario.products.map { ($0.id, .product, $0.location) }
        definitions += scenario.tenders.map { ($0.id, .tender, $0.location) }
        definitions += scenario.legacy.map { ($0.id, .legacy, $0.location) }
        definitions += scenario.goLives.map { ($0.id, .goLive, $0.location) }
        definitions += scenario.tasks.map { ($0.id, .task, $0.location) }
        definitions += scenario.risks.map { ($0.id, .risk, $0.location) }
        var first: [Identifier: (IdKind, SourceLocation)] = [:]
        for (id, kind, location) in definitions.sorted(by: { $0.2 < $1.2 }) {
            if let (firstKind, firstLocation) = first[id] {
                let what = firstKind == kind ? "" : " (there it names a \(firstKind.rawValue))"
                diagnostics.error(.duplicateId, "duplicate id '\(id)': ids are unique across the whole scenario",
                                  at: location, notes: [Diagnostic.Note("first defined here\(what)", at: firstLocation)])
                continue
            }
            if kind == .calendar && CalendarDefinition.builtInIds.contains(id) {
                diagnostics.error(.duplicateId, "'\(id)' is a built-in calendar; give yours another id and set 'base: \(id)'", at: location)
            }
            first[id] = (kind, location)
            kinds[id] = kind
            ids[kind, default: []].append(id)
        }
    }

    /// Reports an id that does not name a thing of one of the expected kinds. `also`: words that are valid here
    /// besides ids (`last_go_live`, a cost line's events), offered as a did-you-mean too.
    @discardableResult
    mutating func expect(_ id: Identifier, _ allowed: [IdKind], at location: SourceLocation, role: String, also: [String] = []) -> Bool {
        if let kind = kinds[id] {
            if allowed.contains(kind) { return true }
            let names = allowed.map(\.rawValue).joined(separator: " or ")
            diagnostics.error(.unknownReference, "\(role) '\(id)' is a \(kind.rawValue), not a \(names)", at: location)
            return false
        }
        let candidates = allowed.flatMap { ids[$0] ?? [] }.map(\.raw) + also
        let names = allowed.map(\.rawValue).joined(separator: " or ")
        diagnostics.error(.unknownReference, "\(role) '\(id)' is not a known \(names)", at: location,
                          notes: didYouMean(id.raw, in: candidates))
        return false
    }

    mutating func expectCalendar(_ calendar: Located<Identifier>?) {
        guard let calendar, !CalendarDefinition.builtInIds.contains(calendar.value) else { return }
        if kinds[calendar.value] == .calendar { return }
        let candidates = (ids[.calendar] ?? []).map(\.raw) + CalendarDefinition.builtInIds.map(\.raw)
        diagnostics.error(.unknownReference, "calendar '\(calendar.value)' is not defined (built-in: nl, mon-fri)",
                          at: calendar.location, notes: didYouMean(calendar.value.raw, in: candidates))
    }

    // MARK: sections

    mutating func checkScenarioHeader() {
        expectCalendar(scenario.info.calendar)
        let items = scenario.tasks.count + 3 * scenario.goLives.count + 12 * scenario.tenders.count + scenario.legacy.count
        if items > ScenarioValidator.maxPlanItems {
            diagnostics.error(.planLimit, "the plan would have \(items) items (tasks, go-live steps, tender phases), more than the \(ScenarioValidator.maxPlanItems) accepted; split the programme into several scenarios",
                              at: scenario.info.location)
        }
    }

    mutating func checkRequirementsAndSites() {
        for requirement in scenario.requirements {
            for agency in requirement.agencies ?? [] { expect(agency.value, [.agency], at: agency.location, role: "agency") }
            for override in requirement.priorityByAgency {
                expect(override.agency.value, [.agency], at: override.agency.location, role: "agency")
            }
        }
        for site in scenario.sites {
            for seat in site.users { expect(seat.agency.value, [.agency], at: seat.agency.location, role: "agency") }
        }
    }

    /// The same cost line (name, basis and recurrence) of competing products at 1,000 times or more the others'
    /// median is almost always a unit slip (`100M` for `100k`): warned at the line, with the likely amount.
    mutating func checkAmountsAgainstTheirKind() {
        struct Kind: Hashable { var name: String, per: CostLine.Basis, every: CostLine.Recurrence }
        var groups: [Kind: [(product: Identifier, line: CostLine)]] = [:]
        var order: [Kind] = []
        for product in scenario.products {
            for line in product.costs where line.amount > 0 {
                let kind = Kind(name: line.name.lowercased().trimmingCharacters(in: .whitespaces), per: line.per, every: line.every)
                if groups[kind] == nil { order.append(kind) }
                groups[kind, default: []].append((product.id, line))
            }
        }
        for kind in order {
            let group = groups[kind]!
            guard Set(group.map(\.product)).count >= 2 else { continue }
            for (index, entry) in group.enumerated() {
                let others = group.enumerated().filter { $0.offset != index && $0.element.product != entry.product }.map(\.element.line.amount).sorted()
                guard !others.isEmpty else { continue }
                let median = others[(others.count - 1) / 2]
                if entry.line.amount >= 1000 * median {
                    diagnostics.warning(.implausible, "'\(entry.line.name)' of '\(entry.product)' is \(ExactDecimal.rounded(entry.line.amount, 2)), "
                        + "1,000 times or more the same line of the other products (\(ExactDecimal.rounded(median, 2))); "
                        + "did you mean \(ExactDecimal.rounded(entry.line.amount / 1000, 2))?", at: entry.line.location)
                }
            }
        }
    }

    mutating func checkProducts() {
        checkAmountsAgainstTheirKind()
        let candidates = Set(scenario.tenders.flatMap { $0.candidates.map(\.value) })
        for product in scenario.products {
            for cell in product.coverage where kinds[cell.requirement] != .requirement {
                expect(cell.requirement, [.requirement], at: SourceLocation(path: product.location.path, mark: cell.position), role: "requirement")
            }
            for line in product.costs {
                checkLine(line, owner: .product(product.id, isCandidate: candidates.contains(product.id)))
            }
        }
    }

    mutating func checkTenders() {
        var tenderOfAgency: [Identifier: (Identifier, SourceLocation)] = [:]
        for tender in scenario.tenders {
            for agency in tender.agencies where expect(agency.value, [.agency], at: agency.location, role: "agency") {
                if let (other, location) = tenderOfAgency[agency.value], other != tender.id {
                    diagnostics.error(.rule, "agency '\(agency.value)' is already in tender '\(other)'; an agency may be in at most one tender",
                                      at: agency.location, notes: [Diagnostic.Note("'\(other)' names it here", at: location)])
                } else {
                    tenderOfAgency[agency.value] = (tender.id, agency.location)
                }
            }
            for candidate in tender.candidates { expect(candidate.value, [.product], at: candidate.location, role: "candidate") }
            if let awarded = tender.awarded, expect(awarded.value, [.product], at: awarded.location, role: "awarded product") {
                if !tender.candidates.contains(where: { $0.value == awarded.value }) {
                    diagnostics.error(.rule, "awarded product '\(awarded.value)' is not one of the tender's candidates", at: awarded.location,
                                      notes: didYouMean(awarded.value.raw, in: tender.candidates.map(\.value.raw)))
                }
            }
            expectCalendar(tender.calendar)
            for reference in tender.after { checkReference(reference) }
            checkPhases(tender)
        }
    }

    mutating func checkPhases(_ tender: Tender) {
        guard tender.isComplete else { return }
        let rules = TenderPhases.phases(of: tender.procedure)
        for override in tender.phases {
            guard let rule = rules.first(where: { $0.name == override.phase }) else {
                let known = TenderPhases.phaseNames.contains(override.phase)
                let message = known
                    ? "\(tender.procedure == .open || tender.procedure == .innovationPartnership ? "an" : "a") \(tender.procedure.rawValue) procedure has no '\(override.phase)' phase"
                    : "'\(override.phase)' is not a tender phase"
                diagnostics.error(.unknownPhase, message, at: override.location,
                                  notes: [Diagnostic.Note("its phases are: \(rules.map(\.name).joined(separator: ", "))")] + (known ? [] : didYouMean(override.phase, in: rules.map(\.name))))
                continue
            }
            if let minimum = rule.minimumCalendarDays, let span = TenderPhases.calendarSpan(of: override.duration), span.upperBound < minimum {
                diagnostics.error(.legalMinimum,
                                  "'\(override.phase)' of \(override.duration) is shorter than the legal minimum of \(minimum) calendar days",
                                  at: override.location, notes: [Diagnostic.Note(rule.source ?? "legal minimum")])
            }
            if rule.isMilestone && !override.duration.isZero {
                diagnostics.error(.rule, "'\(override.phase)' is a milestone of the procedure and takes no time; override the phases around it", at: override.location)
            }
        }
    }

    mutating func checkGoLives() {
        // An agency goes live at a site on a product once: a second go-live for the same agency, site and tender
        // (or product) would count its seats and the site twice in every cost line.
        var firstGoLive: [String: (id: Identifier, location: SourceLocation)] = [:]
        for goLive in scenario.goLives {
            for site in goLive.sites { expect(site.value, [.site], at: site.location, role: "site") }
            for agency in goLive.agencies { expect(agency.value, [.agency], at: agency.location, role: "agency") }
            let source: String? = switch goLive.source {
            case .tender(let tender)?: "tender \(tender.value)"
            case .product(let product)?: "product \(product.value)"
            case nil: nil
            }
            if let source {
                for site in goLive.sites {
                    for agency in goLive.agencies {
                        let key = "\(source)|\(site.value)|\(agency.value)"
                        if let first = firstGoLive[key], first.id != goLive.id {
                            diagnostics.error(.rule, "'\(agency.value)' already goes live at '\(site.value)' with \(source) in go-live '\(first.id)'; "
                                + "its seats and the site would count twice (an agency goes live at a site once per product)",
                                at: agency.location, notes: [Diagnostic.Note("'\(first.id)' brings it here", at: first.location)])
                        } else if firstGoLive[key] == nil {
                            firstGoLive[key] = (goLive.id, agency.location)
                        }
                    }
                }
            }
            switch goLive.source {
            case .tender(let tender)?:
                if expect(tender.value, [.tender], at: tender.location, role: "tender"), let t = tendersById[tender.value] {
                    let scope = Set(t.agencies.map(\.value))
                    // A tender whose own list has an unknown agency is already reported; do not cascade.
                    let scopeIsSound = scope.allSatisfy { kinds[$0] == .agency }
                    for agency in goLive.agencies where scopeIsSound && !scope.contains(agency.value) && kinds[agency.value] == .agency {
                        diagnostics.warning(.rule, "agency '\(agency.value)' is not in tender '\(t.id)', whose product this go-live brings", at: agency.location)
                    }
                }
            case .product(let product)?:
                expect(product.value, [.product], at: product.location, role: "product")
            case nil:
                break
            }
            if let preparation = goLive.preparation, preparation.isZero {
                diagnostics.error(.invalidValue, "'preparation' must be at least 1 working day (the cutover follows it)", at: goLive.location)
            }
            expectCalendar(goLive.calendar)
            for reference in goLive.after { checkReference(reference) }
        }
    }

    mutating func checkTasks() {
        for task in scenario.tasks {
            expectCalendar(task.calendar)
            for reference in task.after { checkReference(reference) }
            if let on = task.on {
                if let duration = task.plannedDuration, !duration.isZero {
                    diagnostics.error(.rule, "'on' pins a milestone, but '\(task.id)' lasts \(duration); give it duration 0d or use 'not_before'", at: on.location)
                }
                if scenario.info.hasValidStart && on.value < scenario.info.start {
                    diagnostics.error(.rule, "'on' \(on.value) is before the programme start \(scenario.info.start); nothing is scheduled earlier", at: on.location)
                }
            }
        }
    }

    mutating func checkLegacy() {
        for system in scenario.legacy {
            expectCalendar(system.calendar)
            if case .after(let references, let plus) = system.retire {
                for reference in references {
                    checkReference(reference)
                    if plus != nil && reference.lag != nil {
                        diagnostics.error(.conflictingKeys, "'\(reference)' has its own lag; with 'plus' the lag after each reference is set once (drop one of them)", at: reference.location)
                    }
                }
            }
            for line in system.costs { checkLine(line, owner: .legacy(system.plannedRetirement != nil)) }
            for line in system.coexistence { checkLine(line, owner: .legacy(system.plannedRetirement != nil)) }
        }
    }

    mutating func checkBenefits() {
        for line in scenario.benefits { checkLine(line, owner: .benefit) }
    }

    mutating func checkRisks() {
        guard scenario.risks.contains(where: { $0.delay != nil }) else { return }
        let tasks = Dictionary(scenario.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let goLives = Dictionary(scenario.goLives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for risk in scenario.risks {
            guard let delay = risk.delay else { continue }
            guard expect(delay.item.value, [.task, .goLive], at: delay.item.location, role: "delayed item") else { continue }
            let duration = tasks[delay.item.value]?.plannedDuration ?? goLives[delay.item.value]?.plannedPreparation
            guard let duration else { continue }
            if duration.unit.isWorking != delay.by.likely.unit.isWorking {
                let family = duration.unit.isWorking ? "working units (d, w)" : "calendar units (cd, cw, mo, y)"
                diagnostics.error(.unitMismatch, "the delay is in \(delay.by.likely.unit.rawValue), but '\(delay.item.value)' is planned in \(duration.unit.rawValue): use \(family)", at: delay.by.location)
            }
        }
    }

    // MARK: references

    /// Checks an `after:` reference: a known schedulable item and a part it has.
    mutating func checkReference(_ reference: Reference, events: Bool = false) {
        if reference.target == "last_go_live" {
            if let part = reference.part, part != "start" && part != "finish" {
                diagnostics.error(.unknownPhase, "'last_go_live' is a milestone and has no part '\(part)'", at: reference.location)
            }
            return
        }
        let words = events ? ScalarParsers.eventWords : ["last_go_live"]
        guard expect(reference.target, [.task, .tender, .goLive, .legacy], at: reference.location, role: "'\(reference.description)':", also: words)
        else { return }
        guard let part = reference.part, part != "start", part != "finish" else { return }
        let parts: [String]
        switch kinds[reference.target] {
        case .tender?:
            guard let tender = tendersById[reference.target], tender.isComplete else { return }
            parts = TenderPhases.phases(of: tender.procedure).map(\.name)
        case .goLive?: parts = ["preparation", "cutover", "hypercare"]
        case .legacy?: parts = ["retire"]
        default: parts = []
        }
        if !parts.contains(part) {
            let what = parts.isEmpty ? "it has no parts; use .start or .finish" : "its parts are \(parts.joined(separator: ", "))"
            diagnostics.error(.unknownPhase, "'\(reference.target)' has no part '\(part)': \(what)", at: reference.location,
                              notes: didYouMean(part, in: parts + ["start", "finish"]))
        }
    }

    enum LineOwner {
        case product(Identifier, isCandidate: Bool)
        case legacy(Bool)
        case benefit
    }

    mutating func checkLine(_ line: CostLine, owner: LineOwner) {
        for event in [line.from, line.until].compactMap({ $0 }) {
            switch event.value {
            case .contract, .goLive:
                guard case .product(let id, let isCandidate) = owner else {
                    diagnostics.error(.rule, "'\(event.value)' names an event of a product; this line is not a product's", at: event.location)
                    continue
                }
                if case .contract = event.value, !isCandidate {
                    diagnostics.error(.rule, "'from: contract' needs a tender that can award '\(id)', but it is no tender's candidate", at: event.location)
                }
            case .retirement, .plannedRetirement:
                guard case .legacy(let hasPlanned) = owner else {
                    diagnostics.error(.rule, "'\(event.value)' names an event of a legacy system; this line is not a legacy system's", at: event.location)
                    continue
                }
                if case .plannedRetirement = event.value, !hasPlanned {
                    diagnostics.error(.missingKey, "'planned_retirement' is used but the legacy system sets no 'planned_retirement' date", at: event.location)
                }
            case .item(let reference):
                checkReference(reference, events: true)
            case .date(let day):
                if event.location == line.from?.location, scenario.info.hasValidStart, day.year < scenario.info.baseYear {
                    diagnostics.error(.beforeBaseYear, "'from' \(day) is before 1 January of base_year \(scenario.info.baseYear); the projection starts there", at: event.location)
                }
            case .lastGoLive:
                break
            }
        }
        if let after = line.afterPlannedRetirement {
            if case .legacy(let hasPlanned) = owner {
                if !hasPlanned {
                    diagnostics.error(.missingKey, "'after: planned_retirement' needs the legacy system's 'planned_retirement' date", at: after)
                }
            } else {
                diagnostics.error(.rule, "'after: planned_retirement' is for legacy lines only", at: after)
            }
        }
        if line.per == .product, case .product = owner {
            diagnostics.error(.rule, "'per: product' counts new products live beside a legacy system; it is for legacy coexistence lines", at: line.location)
        }
    }
}
