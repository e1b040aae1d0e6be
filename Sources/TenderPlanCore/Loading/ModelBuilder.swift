import Foundation
import YAMLSource

/// Builds the model from checked mappings; typed accessors report bad values at the value.
///
/// An item whose id is missing or broken is dropped; an item with any other bad value is kept
/// with that value unset, so one typo gives one error, not a cascade.
struct ModelBuilder {
    var diagnostics: Diagnostics

    // MARK: typed accessors

    mutating func scalarText(_ f: Fields, _ key: String) -> String? {
        guard let node = f[key] else { return nil }
        guard let text = node.scalar else {
            diagnostics.error(.wrongType, "'\(key)' must be a single value, found \(node.kindDescription)", at: f.valueLocation(key))
            return nil
        }
        return text
    }

    mutating func parse<T>(_ f: Fields, _ key: String, _ parser: (String) -> Result<T, ScalarError>) -> T? {
        guard let text = scalarText(f, key) else { return nil }
        return report(parser(text), key: key, at: f.valueLocation(key))
    }

    mutating func report<T>(_ result: Result<T, ScalarError>, key: String?, at location: SourceLocation) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            let prefix = key.map { "'\($0)': " } ?? ""
            diagnostics.error(error.code, prefix + error.message, at: location)
            return nil
        }
    }

    /// A key a rule needs is missing: reported at the key when it is written with no value (`duration:`),
    /// else at the item.
    mutating func missing(_ f: Fields, _ keys: [String], _ message: String) {
        if let empty = f.emptyKey(among: keys) {
            diagnostics.error(.missingKey, "'\(empty)' has no value: \(message)", at: f.keyLocation(empty))
        } else {
            diagnostics.error(.missingKey, message, at: f.location)
        }
    }

    mutating func text(_ f: Fields, _ key: String) -> String? { scalarText(f, key) }
    mutating func id(_ f: Fields, _ key: String) -> Identifier? { parse(f, key, ScalarParsers.identifier) }
    mutating func date(_ f: Fields, _ key: String) -> Day? { parse(f, key, ScalarParsers.date) }
    mutating func money(_ f: Fields, _ key: String) -> Decimal? { parse(f, key, ScalarParsers.money) }
    /// A percentage; a bare number is a fraction, so one above 1 (`discount_rate: 3.5`, read as 350 %) is almost
    /// certainly a percentage without its `%`: warned, with the likely intended value.
    mutating func percentage(_ f: Fields, _ key: String) -> Decimal? {
        guard let text = scalarText(f, key), let value = report(ScalarParsers.percentage(text), key: key, at: f.valueLocation(key)) else { return nil }
        if !text.contains("%") && abs(value) > 1 {
            diagnostics.warning(.implausible, "'\(key)': \(text) is read as a fraction, \(percentText(value)); did you mean \(text.trimmingCharacters(in: .whitespaces))%?",
                                at: f.valueLocation(key))
        }
        return value
    }
    mutating func duration(_ f: Fields, _ key: String) -> PlanDuration? { parse(f, key, ScalarParsers.duration) }

    mutating func locatedId(_ f: Fields, _ key: String) -> Located<Identifier>? {
        id(f, key).map { Located($0, at: f.valueLocation(key)) }
    }

    mutating func integer(_ f: Fields, _ key: String) -> Int? {
        guard f.has(key) else { return nil }
        guard case .integer(let min, let max)? = f.table.spec(key)?.type else { preconditionFailure("\(key) is not an integer key") }
        return parse(f, key) { ScalarParsers.integer($0, in: min...max) }
    }

    mutating func number(_ f: Fields, _ key: String) -> Decimal? {
        guard f.has(key) else { return nil }
        guard case .number(let min, let max)? = f.table.spec(key)?.type else { preconditionFailure("\(key) is not a number key") }
        return parse(f, key) { ScalarParsers.number($0, min: min, max: max) }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ f: Fields, _ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        parse(f, key) { text in choiceValue(text, E.self, what: "it") }
    }

    mutating func list(_ f: Fields, _ key: String) -> [YAMLNode]? {
        guard let node = f[key] else { return nil }
        guard case .sequence(let items) = node.content else {
            let hint = node.scalar.map { " (write [\($0)])" } ?? ""
            diagnostics.error(.wrongType, "'\(key)' must be a list, found \(node.kindDescription)\(hint)", at: f.valueLocation(key))
            return nil
        }
        return items
    }

    /// A list of scalars parsed one by one; bad entries are reported and left out.
    mutating func scalarList<T>(_ f: Fields, _ key: String, _ parser: (String, SourceLocation) -> Result<T, ScalarError>) -> [T]? {
        guard let items = list(f, key) else { return nil }
        var result: [T] = []
        for item in items {
            let location = SourceLocation(path: f.path, mark: item.mark)
            guard let text = item.scalar, !item.isNull else {
                diagnostics.error(.wrongType, "an entry of '\(key)' must be a single value, found \(item.kindDescription)", at: location)
                continue
            }
            if let value = report(parser(text, location), key: nil, at: location) { result.append(value) }
        }
        return result
    }

    mutating func idList(_ f: Fields, _ key: String) -> [Located<Identifier>]? {
        scalarList(f, key) { text, location in ScalarParsers.identifier(text).map { Located($0, at: location) } }
    }

    mutating func references(_ f: Fields, _ key: String) -> [Reference]? {
        scalarList(f, key) { text, location in ScalarParsers.reference(text, location: location) }
    }

    mutating func event(_ f: Fields, _ key: String) -> Located<CostEvent>? {
        let location = f.valueLocation(key)
        return parse(f, key) { ScalarParsers.event($0, location: location) }.map { Located($0, at: location) }
    }

    /// A mapping from ids to values (`users:`, `coverage:`, `priority_by_agency:`); `body` gets the value's location.
    mutating func idMap<T>(_ f: Fields, _ key: String, _ body: (inout ModelBuilder, Located<Identifier>, YAMLNode, SourceLocation) -> T?) -> [T]? {
        nameMap(f, key) { b, name, keyLocation, value in
            guard let identifier = b.report(ScalarParsers.identifier(name), key: nil, at: keyLocation) else { return nil }
            return body(&b, Located(identifier, at: keyLocation), value, SourceLocation(path: f.path, mark: value.mark))
        }
    }

    /// A mapping from plain names to values (tender `phases:`), each with its key's location; duplicates reported.
    mutating func nameMap<T>(_ f: Fields, _ key: String, _ body: (inout ModelBuilder, String, SourceLocation, YAMLNode) -> T?) -> [T]? {
        guard let node = f[key] else { return nil }
        guard case .mapping = node.content else {
            diagnostics.error(.wrongType, "'\(key)' must be a mapping (name: value), found \(node.kindDescription)", at: f.valueLocation(key))
            return nil
        }
        let pairs = uniquePairs(node, path: f.path, into: &diagnostics)
        var result: [T] = []
        result.reserveCapacity(pairs.count)  // coverage maps are large: no doubling on growth
        for pair in pairs {
            if let item = body(&self, pair.key, SourceLocation(path: f.path, mark: pair.keyNode.mark), pair.value) { result.append(item) }
        }
        return result
    }

    mutating func nested(_ f: Fields, _ key: String, _ tableName: String, what: String) -> Fields? {
        guard let node = f[key], let table = FormatTables.table(named: tableName) else { return nil }
        return Fields.read(node, table, path: f.path, what: what, into: &diagnostics)
    }

    mutating func scalarValue<T>(_ node: YAMLNode, at location: SourceLocation, what: String, _ parser: (String) -> Result<T, ScalarError>) -> T? {
        guard let text = node.scalar, !node.isNull else {
            diagnostics.error(.wrongType, "\(what) must be a single value, found \(node.kindDescription)", at: location)
            return nil
        }
        return report(parser(text), key: nil, at: location)
    }

    // MARK: sections

    mutating func build(root: Fields, sections: inout SectionLists) -> Scenario? {
        let info = scenarioInfo(root)
        var items = SectionItems()
        for section in Section.allCases {
            // Each list is taken out of `sections` and each item released once converted, so a large
            // scenario never holds its whole node tree and its whole model at the same time.
            var lists = sections.take(section.rawValue)
            for index in lists.indices {
                let path = lists[index].path
                let node = lists[index].node
                lists[index].node = YAMLNode(.sequence([]), mark: node.mark)
                switch node.content {
                case .converted(let converted):
                    // Built while it was parsed (`SectionConverter`).
                    guard let built = converted.value as? ConvertedSection else { continue }
                    diagnostics.append(contentsOf: built.diagnostics)
                    items.append(contentsOf: built.items)
                case .sequence(var list):
                    for position in list.indices {
                        let item = list[position]
                        list[position] = YAMLNode(.sequence([]), mark: item.mark)
                        buildItem(item, of: section, path: path, into: &items)
                    }
                default:
                    diagnostics.error(.wrongType, "'\(section.rawValue)' must be a list, found \(node.kindDescription)",
                                      at: SourceLocation(path: path, mark: node.mark))
                }
            }
        }
        var scenario = Scenario(
            info: info, calendars: items.calendars, agencies: items.agencies, sites: items.sites,
            requirements: items.requirements, products: items.products, tenders: items.tenders, legacy: items.legacy,
            goLives: items.goLives, tasks: items.tasks, benefits: items.benefits, risks: items.risks)
        scenario.gates = items.gates
        if let f = nested(root, "scoring", "scoring", what: "'scoring'") { scenario.scoring = scoring(f) }
        if let f = nested(root, "rollout", "rollout", what: "'rollout'") { scenario.rollout = rollout(f) }
        return scenario
    }

    mutating func scenarioInfo(_ root: Fields) -> ScenarioInfo {
        let fallback = ScenarioInfo(id: "scenario", start: Day(year: 2024, month: 1, day: 1)!, location: root.location)
        guard let f = nested(root, "scenario", "scenario", what: "'scenario'") else { return fallback }
        let start = date(f, "start")
        var info = ScenarioInfo(
            id: id(f, "id") ?? "scenario", title: text(f, "title"), start: start ?? fallback.start,
            currency: parse(f, "currency", ScalarParsers.currency) ?? "EUR", baseYear: integer(f, "base_year"),
            priceIndex: percentage(f, "price_index") ?? 0, discountRate: percentage(f, "discount_rate") ?? fallback.discountRate,
            horizon: integer(f, "horizon"), calendar: locatedId(f, "calendar"),
            language: choice(f, "language", Language.self) ?? .en, location: f.location)
        info.hasValidStart = start != nil
        // Money is divided (discounting) and multiplied (indexing) by 1 + the rate, year after year.
        for key in ["discount_rate", "price_index"] where f.has(key) {
            let value = key == "discount_rate" ? info.discountRate : info.priceIndex
            if value <= -1 {
                diagnostics.error(.invalidValue, "'\(key)': \(percentText(value)) leaves no money: it must lie above -100%", at: f.valueLocation(key))
                if key == "discount_rate" { info.discountRate = fallback.discountRate } else { info.priceIndex = 0 }
            }
        }
        if let start, f.has("base_year"), info.baseYear > start.year {
            diagnostics.error(.invalidValue, "'base_year' \(info.baseYear) is after the start's year \(start.year); prices must be in a year the programme has begun", at: f.valueLocation("base_year"))
        }
        if f.has("horizon"), info.horizon < info.baseYear {
            diagnostics.error(.invalidValue, "'horizon' \(info.horizon) is before base_year \(info.baseYear)", at: f.valueLocation("horizon"))
        }
        return info
    }

    mutating func calendar(_ f: Fields) -> CalendarDefinition? {
        guard let identifier = id(f, "id") else { return nil }
        var freezes: [Freeze] = []
        for item in list(f, "freezes") ?? [] {
            guard let g = Fields.read(item, FormatTables.freeze, path: f.path, what: "a freeze", into: &diagnostics) else { continue }
            let from = date(g, "from"), to = date(g, "to"), reason = text(g, "reason")
            guard let from, let to else { continue }
            if to < from {
                diagnostics.error(.invalidValue, "a freeze ends before it starts (\(to) is before \(from))", at: g.valueLocation("to"))
            } else {
                freezes.append(Freeze(from: from, to: to, reason: reason, location: g.location))
            }
        }
        return CalendarDefinition(
            id: identifier, base: choice(f, "base", CalendarDefinition.Base.self) ?? .nl,
            holidays: scalarList(f, "holidays") { text, _ in ScalarParsers.date(text) } ?? [],
            freezes: freezes, location: f.valueLocation("id"))
    }

    mutating func agency(_ f: Fields) -> Agency? {
        guard let identifier = id(f, "id") else { return nil }
        return Agency(id: identifier, name: text(f, "name"), location: f.valueLocation("id"))
    }

    mutating func site(_ f: Fields) -> Site? {
        guard let identifier = id(f, "id") else { return nil }
        let users = idMap(f, "users") { b, agency, value, location in
            b.scalarValue(value, at: location, what: "a seat count") { ScalarParsers.integer($0, in: 0...10_000_000) }
                .map { SeatCount(agency: agency, seats: $0) }
        }
        return Site(id: identifier, name: text(f, "name"), city: text(f, "city"), users: users ?? [], location: f.valueLocation("id"))
    }

    mutating func requirement(_ f: Fields) -> Requirement? {
        guard let identifier = id(f, "id") else { return nil }
        let overrides = idMap(f, "priority_by_agency") { b, agency, value, location in
            b.scalarValue(value, at: location, what: "a priority") { choiceValue($0, Priority.self, what: "a priority") }
                .map { AgencyPriority(agency: agency, priority: $0) }
        }
        return Requirement(
            id: identifier, title: text(f, "title"), area: text(f, "area") ?? "general",
            priority: choice(f, "priority", Priority.self) ?? .should, weight: number(f, "weight"),
            agencies: idList(f, "agencies"), priorityByAgency: overrides ?? [], location: f.valueLocation("id"))
    }

    mutating func scoring(_ f: Fields) -> Scoring {
        var scoring = Scoring()
        if let g = nested(f, "levels", "levels", what: "'scoring.levels'") {
            for level in CoverageLevel.allCases { if let value = number(g, level.rawValue) { scoring.levels[level] = value } }
        }
        if let g = nested(f, "weights", "weights", what: "'scoring.weights'") {
            for priority in Priority.allCases { if let value = number(g, priority.rawValue) { scoring.weights[priority] = value } }
        }
        if let knockout = choice(f, "knockout", Priority.self) { scoring.knockout = knockout }
        return scoring
    }

    mutating func product(_ f: Fields) -> Product? {
        guard let identifier = id(f, "id") else { return nil }
        let coverage: [CoverageCell]?
        if let node = f["coverage"], case .converted(let mapping) = node.content, let converted = mapping.value as? ConvertedCoverage {
            // Read while parsing (see `CoverageConverter`); its problems count from here, as they would below.
            diagnostics.append(contentsOf: converted.diagnostics)
            coverage = converted.cells
        } else {
            coverage = idMap(f, "coverage") { b, requirement, value, location in
                b.coverageCell(requirement, value, at: location, path: f.path)
            }
        }
        return Product(id: identifier, name: text(f, "name"), vendor: text(f, "vendor"), coverage: coverage ?? [],
                       costs: costLines(f, "costs"), location: f.valueLocation("id"))
    }

    /// One cell of a product's coverage map: a level, or a mapping with the level and details.
    mutating func coverageCell(_ requirement: Located<Identifier>, _ value: YAMLNode, at location: SourceLocation, path: String) -> CoverageCell? {
        if let text = value.scalar, !value.isNull {
            return report(choiceValue(text, CoverageLevel.self, what: "a coverage level"), key: nil, at: location)
                .map { CoverageCell(requirement: requirement.value, position: requirement.location.mark, level: $0) }
        }
        guard let g = Fields.read(value, FormatTables.coverageCell, path: path, what: "a coverage cell", into: &diagnostics) else { return nil }
        let level = choice(g, "level", CoverageLevel.self)
        let effort = duration(g, "effort")
        if let effort, !effort.unit.isWorking {
            diagnostics.error(.unitMismatch, "'effort' is in working days (d) or weeks (w), not '\(effort.unit.rawValue)'", at: g.valueLocation("effort"))
        }
        let available = date(g, "available")
        guard let level else { return nil }
        return CoverageCell(requirement: requirement.value, position: requirement.location.mark, level: level,
                            effort: effort?.unit.isWorking == true ? effort : nil, available: available)
    }

    mutating func costLines(_ f: Fields, _ key: String) -> [CostLine] {
        var lines: [CostLine] = []
        for item in list(f, key) ?? [] {
            if let g = Fields.read(item, FormatTables.costLine, path: f.path, what: "a cost line", into: &diagnostics), let line = costLine(g) {
                lines.append(line)
            }
        }
        return lines
    }

    /// A cost or benefit line (benefits use their own table, which adds `ramp` and `target_from`).
    mutating func costLine(_ f: Fields) -> CostLine? {
        let name = text(f, "name")
        let amount = money(f, "amount")
        let isBenefit = f.table.name == FormatTables.benefit.name
        var uncertainty: Uncertainty?
        if let g = nested(f, "uncertainty", "uncertainty", what: "'uncertainty'") {
            if let low = percentage(g, "low"), let high = percentage(g, "high") {
                if low > 0 || high < 0 {
                    diagnostics.error(.invalidValue, "'uncertainty' needs low ≤ 0 ≤ high (e.g. {low: -10%, high: 40%})", at: g.location)
                } else if low <= -1 {
                    diagnostics.error(.invalidValue, "'uncertainty.low' must be above -100%", at: g.valueLocation("low"))
                } else {
                    uncertainty = Uncertainty(low: low, high: high)
                }
            }
        }
        var after: SourceLocation?
        if !isBenefit, choice(f, "after", AfterEvent.self) != nil {
            after = f.valueLocation("after")
        }
        if after != nil && f.has("from") {
            diagnostics.error(.conflictingKeys, "a cost line takes 'from' or 'after: planned_retirement', not both",
                              at: max(f.keyLocation("from"), f.keyLocation("after")))
        }
        let line = CostLine(
            name: name ?? "", amount: amount ?? 0, per: choice(f, "per", CostLine.Basis.self) ?? .none,
            every: choice(f, "every", CostLine.Recurrence.self) ?? .once, from: event(f, "from"),
            afterPlannedRetirement: after, until: event(f, "until"), growth: percentage(f, "growth") ?? 0,
            uncertainty: uncertainty, ramp: isBenefit ? duration(f, "ramp") : nil,
            targetFrom: isBenefit ? date(f, "target_from") : nil, location: f.location)
        if case .goLive? = line.from?.value, line.every != .once {
            diagnostics.error(.rule, "a 'from: go_live' line applies once per go-live and must be 'every: once'; recurring lines count live seats and sites by themselves (drop 'from')", at: f.valueLocation("every"))
        }
        if let ramp = line.ramp, ramp.unit.isWorking {
            diagnostics.error(.unitMismatch, "'ramp' is calendar time: write it in cd, cw, mo or y, not '\(ramp.unit.rawValue)'", at: f.valueLocation("ramp"))
        }
        guard name != nil, amount != nil else { return nil }
        return line
    }

    mutating func estimate(_ f: Fields, _ key: String) -> Estimate? {
        guard let g = nested(f, key, "estimate", what: "'\(key)'") else { return nil }
        return estimate(g)
    }

    mutating func estimate(_ g: Fields) -> Estimate? {
        let optimistic = duration(g, "optimistic")
        let likely = duration(g, "likely")
        let pessimistic = duration(g, "pessimistic")
        let distribution = choice(g, "distribution", Estimate.Distribution.self) ?? .pert
        guard let optimistic, let likely, let pessimistic else { return nil }
        guard optimistic.unit == likely.unit && likely.unit == pessimistic.unit else {
            diagnostics.error(.unitMismatch, "an estimate uses one unit for its three values, found \(optimistic), \(likely) and \(pessimistic)", at: g.location)
            return nil
        }
        guard optimistic.amount <= likely.amount && likely.amount <= pessimistic.amount else {
            diagnostics.error(.estimateOrder, "an estimate needs optimistic ≤ likely ≤ pessimistic, found \(optimistic), \(likely), \(pessimistic)", at: g.location)
            return nil
        }
        return Estimate(optimistic: optimistic, likely: likely, pessimistic: pessimistic, distribution: distribution, location: g.location)
    }

    mutating func tender(_ f: Fields) -> Tender? {
        guard let identifier = id(f, "id") else { return nil }
        let phases = nameMap(f, "phases") { b, name, location, value in
            b.scalarValue(value, at: location, what: "a phase duration", ScalarParsers.duration)
                .map { PhaseOverride(phase: name, duration: $0, location: location) }
        }
        var award = Award(method: .bpkv, location: f.location)
        if let g = nested(f, "award", "award", what: "'award'") {
            let method = choice(g, "method", Award.Method.self)
            award = Award(method: method ?? .bpkv, quality: percentage(g, "quality"), price: percentage(g, "price"),
                          contractYears: integer(g, "contract_years") ?? 8, qualityValue: money(g, "quality_value"), location: g.location)
            checkAward(award, g)
        }
        let procedure = choice(f, "procedure", Procedure.self)
        // Without agencies no requirement counts and no seat is priced: every bid would score quality 0 and the
        // "tenders as planned" option would price a product that nobody is assigned.
        let agencies = idList(f, "agencies")
        if agencies?.isEmpty == true {
            diagnostics.error(.missingKey, "'agencies' is empty: a tender buys for at least one agency (without one no requirement counts "
                + "in its award and no seat in its price)", at: f.valueLocation("agencies"))
        }
        var tender = Tender(
            id: identifier, title: text(f, "title"), procedure: procedure ?? .open,
            agencies: agencies ?? [], candidates: idList(f, "candidates") ?? [], after: references(f, "after") ?? [],
            start: date(f, "start"), notBefore: date(f, "not_before"), deadline: date(f, "deadline"), phases: phases ?? [],
            award: award, awarded: locatedId(f, "awarded"), calendar: locatedId(f, "calendar"), location: f.valueLocation("id"))
        // With an unreadable procedure its phases are unknown: leave phase checks out rather than cascade.
        tender.isComplete = procedure != nil || !f.has("procedure")
        if f.has("start") && f.has("after") {
            let later = max(f.keyLocation("start"), f.keyLocation("after"))
            diagnostics.error(.conflictingKeys, "a tender takes 'after' or 'start', not both", at: later)
        }
        return tender
    }

    /// Award rules that need only the award itself; errors point at the later of two clashing keys.
    mutating func checkAward(_ award: Award, _ g: Fields) {
        switch award.method {
        case .bpkv:
            guard g.has("quality") && g.has("price") else {
                if !g.has("quality") || !g.has("price") {
                    diagnostics.error(.weights, "bpkv needs both weights, 'quality' and 'price', adding up to 100%", at: g.location)
                }
                return
            }
            if let quality = award.quality, let price = award.price {
                if quality < 0 || price < 0 || quality + price != 1 {
                    let later = max(g.valueLocation("quality"), g.valueLocation("price"))
                    diagnostics.error(.weights, "the bpkv weights must add up to 100%: quality \(percentText(quality)) + price \(percentText(price)) = \(percentText(quality + price))", at: later)
                }
            }
        case .fictitiousDiscount:
            if !g.has("quality_value") {
                missing(g, ["quality_value"], "fictitious-discount needs 'quality_value' (euros of discount per full fit)")
            }
        case .lowestPrice:
            break
        }
    }

    mutating func legacySystem(_ f: Fields) -> LegacySystem? {
        guard let identifier = id(f, "id") else { return nil }
        var retire: LegacySystem.Retirement?
        if let node = f["retire"] {
            if node.scalar != nil {
                retire = date(f, "retire").map { .on($0) }
            } else if let g = nested(f, "retire", "retire", what: "'retire'") {
                let after = references(g, "after") ?? [Reference(target: "last_go_live", location: g.location)]
                retire = .after(after, plus: duration(g, "plus"))
            }
        }
        var decommission: Decimal?
        if let g = nested(f, "decommission", "decommission", what: "'decommission'") { decommission = money(g, "amount") }
        return LegacySystem(
            id: identifier, name: text(f, "name"), plannedRetirement: date(f, "planned_retirement"), retire: retire,
            costs: costLines(f, "costs"), coexistence: costLines(f, "coexistence"), decommission: decommission,
            calendar: locatedId(f, "calendar"), location: f.valueLocation("id"))
    }

    mutating func goLive(_ f: Fields) -> GoLive? {
        guard let identifier = id(f, "id") else { return nil }
        var source: GoLive.Source?
        if let tender = locatedId(f, "tender") { source = .tender(tender) }
        if let product = locatedId(f, "product") { source = source == nil ? .product(product) : source }
        if f.has("tender") && f.has("product") {
            diagnostics.error(.conflictingKeys, "a go-live names either 'tender' or 'product', not both",
                              at: max(f.keyLocation("tender"), f.keyLocation("product")))
        } else if !f.has("tender") && !f.has("product") {
            missing(f, ["tender", "product"], "a go-live needs 'tender' (the awarded product goes live) or 'product'")
        }
        let preparation = duration(f, "preparation")
        let estimate = estimate(f, "estimate")
        if !f.has("preparation") && !f.has("estimate") {
            missing(f, ["preparation", "estimate"], "a go-live needs 'preparation' (or an 'estimate' whose likely value is used)")
        }
        return GoLive(
            id: identifier, title: text(f, "title"), sites: idList(f, "sites") ?? [], agencies: idList(f, "agencies") ?? [],
            source: source, after: references(f, "after") ?? [], preparation: preparation,
            hypercare: duration(f, "hypercare") ?? PlanDuration(0, .workingDays), estimate: estimate,
            notBefore: date(f, "not_before"), deadline: date(f, "deadline"), calendar: locatedId(f, "calendar"),
            location: f.valueLocation("id"))
    }

    mutating func rollout(_ f: Fields) -> Rollout {
        var rollout = Rollout()
        rollout.maxParallel = integer(f, "max_parallel")
        if let gap = duration(f, "min_gap") {
            if gap.unit.isWorking { rollout.minGap = gap } else {
                diagnostics.error(.unitMismatch, "'min_gap' counts working days: write it in d or w, not '\(gap.unit.rawValue)'", at: f.valueLocation("min_gap"))
            }
        }
        rollout.order = choice(f, "order", Rollout.Order.self) ?? .listed
        return rollout
    }

    mutating func task(_ f: Fields) -> PlanTask? {
        guard let identifier = id(f, "id") else { return nil }
        if !f.has("duration") && !f.has("estimate") {
            missing(f, ["duration", "estimate"], "a task needs 'duration' (0d for a milestone) or an 'estimate'")
        }
        let on = date(f, "on").map { Located($0, at: f.valueLocation("on")) }
        for other in ["after", "not_before"] where f.has("on") && f.has(other) {
            let later = max(f.keyLocation("on"), f.keyLocation(other))
            diagnostics.error(.conflictingKeys, "'on' pins a milestone and excludes '\(other)'; use 'not_before' with 'deadline' for \"not earlier than, due by\"", at: later)
        }
        return PlanTask(
            id: identifier, title: text(f, "title"), duration: duration(f, "duration"), estimate: estimate(f, "estimate"),
            after: references(f, "after") ?? [], notBefore: date(f, "not_before"), deadline: date(f, "deadline"), on: on,
            calendar: locatedId(f, "calendar"), location: f.valueLocation("id"))
    }

    mutating func risk(_ f: Fields) -> Risk? {
        guard let identifier = id(f, "id") else { return nil }
        var delay: RiskDelay?
        if let g = nested(f, "delay", "risk_delay", what: "'delay'") {
            let item = locatedId(g, "task")
            let by = nested(g, "by", "estimate", what: "'delay.by'").flatMap { estimate($0) }
            if let item, let by { delay = RiskDelay(item: item, by: by) }
        }
        var cost: Decimal?
        if let g = nested(f, "cost", "risk_cost", what: "'cost'") { cost = money(g, "amount") }
        let probability = percentage(f, "probability")
        if let probability, probability < 0 || probability > 1 {
            diagnostics.error(.invalidValue, "'probability' must be within 0–100%", at: f.valueLocation("probability"))
        }
        return Risk(id: identifier, title: text(f, "title"), probability: probability ?? 0, delay: delay, cost: cost,
                    location: f.valueLocation("id"))
    }
}

extension ModelBuilder {
    /// A gate: exactly one key, whose bound is read from its own small table.
    mutating func gate(_ f: Fields) -> Gate? {
        let present = f.table.names.filter { f.has($0) }
        guard present.count == 1, let key = present.first else {
            if present.count > 1 {
                diagnostics.error(.conflictingKeys, "a gate checks one thing; split '\(present.joined(separator: "', '"))' into separate entries",
                                  at: f.keyLocation(present[1]))
            } else {
                missing(f, f.table.names, "a gate needs one of: \(f.table.names.joined(separator: ", "))")
            }
            return nil
        }
        let location = f.keyLocation(key)
        switch key {
        case "last_go_live", "finish":
            guard let g = nested(f, key, "before", what: "'\(key)'"), let day = date(g, "before") else { return nil }
            return Gate(key == "finish" ? .finish(before: day) : .lastGoLive(before: day), location: location)
        case "npv", "total_real", "legacy_extension_cost":
            guard let g = nested(f, key, "below", what: "'\(key)'"), let amount = money(g, "below") else { return nil }
            let kind: Gate.Kind = key == "npv" ? .npv(below: amount) : key == "total_real" ? .totalReal(below: amount) : .legacyExtension(below: amount)
            return Gate(kind, location: location)
        case "fit":
            guard let g = nested(f, key, "fit_gate", what: "'fit'") else { return nil }
            let product = locatedId(g, "product"), agency = locatedId(g, "agency"), atLeast = number(g, "at_least")
            guard let product, let agency, let atLeast else { return nil }
            return Gate(.fit(product: product, agency: agency, atLeast: atLeast), location: location)
        default:
            guard let g = nested(f, key, "p80_gate", what: "'p80'"), let item = text(g, "item"), let day = date(g, "before") else { return nil }
            return Gate(.p80(item: Located(item, at: g.valueLocation("item")), before: day), location: location)
        }
    }
}

/// The one value `after:` takes on a cost line.
enum AfterEvent: String, CaseIterable {
    case plannedRetirement = "planned_retirement"
}

/// Reads one of a closed set of words, with a did-you-mean.
func choiceValue<E: RawRepresentable & CaseIterable>(_ text: String, _ type: E.Type, what: String) -> Result<E, ScalarError> where E.RawValue == String {
    if let value = E(rawValue: text) { return .success(value) }
    let names = E.allCases.map(\.rawValue)
    var message = "\(what) must be one of \(names.joined(separator: ", ")); found '\(text)'"
    if let match = closestMatch(to: text, in: names) { message += " (did you mean '\(match)'?)" }
    return .failure(ScalarError(.invalidValue, message))
}

/// A fraction as a percentage for messages: 0.6 → "60%".
func percentText(_ value: Decimal) -> String {
    "\(value * 100)%"
}
