import Foundation

/// The cost arithmetic of the format, exactly: cost lines resolved against the plan, pro-rated by
/// active days, live seats, sites and products; growth; real and nominal money; NPV; benefits with
/// ramps and the savings gap; and the legacy extension with its sensitivity. All in `Decimal`.
public struct CostProjection: Sendable {
    let scenario: Scenario
    let plan: PlanResult
    let fitGap: FitGapResult
    let analysis: FitGapAnalysis
    /// Whether charges carry their tender and agency shares (the breakdowns); risk's summaries skip them.
    var withShares = true

    /// One cost line as charged: one per line, or one per tender or go-live it applies to.
    struct Charge {
        var row: Int
        var amount: Decimal
        var every: CostLine.Recurrence
        var from: Day
        var until: Day
        var multiplier: StepFunction
        var growth: Decimal
        var rampDays = 0
        /// For `per: product` once-lines: charged on each product's first cutover instead of `from`.
        var onDays: [Day]?
        /// How the charge is split over tenders and agencies for the breakdowns (fractions adding up to 1).
        var tenderShares: [Identifier: Decimal] = [:]
        var agencyShares: [Identifier: Decimal] = [:]
    }

    struct Row {
        var name: String
        var source: String
        var legacy: Int?
        var location: SourceLocation
    }

    /// `analysis` may be passed in when the caller has one (risk runs thousands of projections).
    public init(scenario: Scenario, plan: PlanResult, fitGap: FitGapResult, analysis: FitGapAnalysis? = nil) {
        self.scenario = scenario
        self.plan = plan
        self.fitGap = fitGap
        self.analysis = analysis ?? FitGapAnalysis(scenario)
    }

    /// The few figures risk needs from one projection: total real cost, NPV and the legacy extension (all systems).
    public struct Summary: Sendable {
        public var totalReal: Decimal
        public var npv: Decimal
        public var legacyExtension: Decimal
    }

    /// A cost line of the projection, in row order: its source, name and uncertainty (for risk).
    public struct LineInfo: Sendable {
        public var source: String
        public var name: String
        public var uncertainty: Uncertainty?
    }

    /// The cost rows in the order `summary(factors:)` numbers them.
    public func lines() -> [LineInfo] {
        var result: [LineInfo] = []
        let productsById = Dictionary(scenario.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for productId in usedProducts {
            for line in productsById[productId]?.costs ?? [] {
                result.append(LineInfo(source: "product:\(productId)", name: line.name, uncertainty: line.uncertainty))
            }
        }
        for system in scenario.legacy {
            for line in system.costs { result.append(LineInfo(source: "legacy:\(system.id)", name: line.name, uncertainty: line.uncertainty)) }
            for line in system.coexistence { result.append(LineInfo(source: "coexistence:\(system.id)", name: line.name, uncertainty: line.uncertainty)) }
            if system.decommission != nil { result.append(LineInfo(source: "legacy:\(system.id)", name: "decommission", uncertainty: nil)) }
        }
        return result
    }

    /// Total real cost, NPV and legacy extension with each row's amount multiplied by `factors[row]`
    /// (rows as `lines()` lists them); no sensitivity rows, breakdowns or benefits.
    public func summary(factors: [Int: Decimal] = [:]) -> Summary {
        var projection = self
        projection.withShares = false
        return projection.summarise(factors)
    }

    private func summarise(_ factors: [Int: Decimal]) -> Summary {
        var diagnostics = Diagnostics()
        var rows: [Row] = []
        var charges: [Charge] = []
        buildProductCharges(&rows, &charges, &diagnostics)
        var extensionTotal = Decimal(0)
        for (index, system) in scenario.legacy.enumerated() {
            let base = rows.count
            buildLegacyCharges(index, system, retirement: retirementDay(index), &rows, &charges, &diagnostics)
            extensionTotal += extensionCost(index, system, retirement: retirementDay(index), rowBase: base, factors: factors)
        }
        for index in charges.indices { if let factor = factors[charges[index].row] { charges[index].amount *= factor } }
        var yearly: [Decimal] = []
        for year in baseYear...scenario.info.horizon { yearly.append(charges.reduce(Decimal(0)) { $0 + value($1, in: year) }) }
        return Summary(totalReal: yearly.reduce(0, +), npv: presentValue(yearly), legacyExtension: extensionTotal)
    }

    var baseYear: Int { scenario.info.baseYear }
    var projection: ClosedRange<Day> {
        Day(year: baseYear, month: 1, day: 1)!...Day(year: scenario.info.horizon, month: 12, day: 31)!
    }

    public func run() -> CostResult {
        var diagnostics = Diagnostics()
        var rows: [Row] = []
        var charges: [Charge] = []
        buildProductCharges(&rows, &charges, &diagnostics)
        for (index, system) in scenario.legacy.enumerated() {
            buildLegacyCharges(index, system, retirement: retirementDay(index), &rows, &charges, &diagnostics)
        }
        var benefitRows: [Row] = []
        var benefitCharges: [Charge] = []
        var targetCharges: [Charge] = []
        buildBenefitCharges(&benefitRows, &benefitCharges, &targetCharges, &diagnostics)

        let years = Array(baseYear...scenario.info.horizon)
        var yearly: [CostResult.Year] = []
        var cumulative: Decimal?
        for year in years {
            var lineReal = [Decimal](repeating: 0, count: rows.count)
            for charge in charges { lineReal[charge.row] += value(charge, in: year) }
            let index = indexFactor(year)
            let lines = rows.indices.map { CostResult.LineYear(name: rows[$0].name, source: rows[$0].source, real: lineReal[$0], nominal: lineReal[$0] * index) }
            let real = lineReal.reduce(0, +)
            let benefits = benefitCharges.reduce(Decimal(0)) { $0 + value($1, in: year) }
            var gap: Decimal?
            if !targetCharges.isEmpty {
                let target = targetCharges.reduce(Decimal(0)) { $0 + value($1, in: year) }
                let realised = benefitCharges.filter { charge in targetCharges.contains { $0.row == charge.row } }
                    .reduce(Decimal(0)) { $0 + value($1, in: year) }
                gap = target - realised
                cumulative = (cumulative ?? 0) + gap!
            }
            yearly.append(CostResult.Year(year: year, real: real, nominal: real * index, benefits: benefits, savingsGap: gap,
                                          savingsGapCumulative: gap == nil ? nil : cumulative, lines: lines))
        }
        var byTender: [Identifier: Decimal] = [:]
        var byAgency: [Identifier: Decimal] = [:]
        for charge in charges {
            let total = years.reduce(Decimal(0)) { $0 + value(charge, in: $1) }
            guard total != 0 else { continue }
            for (tender, share) in charge.tenderShares { byTender[tender, default: 0] += total * share }
            for (agency, share) in charge.agencyShares { byAgency[agency, default: 0] += total * share }
        }
        let totalReal = yearly.reduce(Decimal(0)) { $0 + $1.real }
        let totalNominal = yearly.reduce(Decimal(0)) { $0 + $1.nominal }
        let npv = presentValue(yearly.map(\.real))
        let npvNet = presentValue(yearly.map { $0.real - $0.benefits })
        checkRange(yearly, rows: rows, benefits: benefitRows, totals: [totalReal, totalNominal, npv, npvNet], into: &diagnostics)

        var extensions: [CostResult.Extension] = []
        for (index, system) in scenario.legacy.enumerated() {
            let retirement = retirementDay(index)
            var pastHorizon: [Int] = []
            for months in [0, 6, 12, 24] {
                let moved = retirement.addingMonths(months)
                if moved > projection.upperBound { pastHorizon.append(months) }
                extensions.append(CostResult.Extension(legacy: system.id, months: months, retirement: moved,
                                                       cost: extensionCost(index, system, retirement: moved)))
            }
            // One warning per system: the plan's retirement, or only the later sensitivity rows, after the horizon.
            if let first = pastHorizon.first {
                let what = first == 0
                    ? "'\(system.id)' retires on \(retirement), after the horizon \(scenario.info.horizon)"
                    : "with its retirement moved by \(pastHorizon.map(String.init).joined(separator: ", ")) months, '\(system.id)' would retire after the horizon \(scenario.info.horizon)"
                diagnostics.warning(.horizon, what + ": its costs after the horizon (and a decommissioning then) are not counted", at: system.location)
            }
        }
        return CostResult(currency: scenario.info.currency, years: yearly, totalReal: totalReal, totalNominal: totalNominal,
                          npv: npv, npvNet: npvNet, legacyExtension: extensions,
                          byTender: scenario.tenders.map(\.id).compactMap { id in byTender[id].map { (id, $0) } },
                          byAgency: scenario.agencies.map(\.id).map { ($0, byAgency[$0] ?? 0) },
                          diagnostics: diagnostics.sorted)
    }

    /// Money beyond 10^24 (a billion times the largest amount a scenario may hold) is outside what the
    /// projection computes exactly, and past Decimal's range it would become NaN: an error at the line whose
    /// growth or indexation got there, or at the rate, instead of a silent wrong number.
    func checkRange(_ years: [CostResult.Year], rows: [Row], benefits: [Row], totals: [Decimal], into diagnostics: inout Diagnostics) {
        let bound = Decimal(sign: .plus, exponent: 24, significand: 1)
        func outside(_ value: Decimal) -> Bool { value.isNaN || abs(value) > bound }
        var reported = false
        for (index, row) in rows.enumerated() {
            guard let year = years.first(where: { outside($0.lines[index].real) }) else { continue }
            diagnostics.error(.invalidValue, "cost line '\(row.name)' grows beyond 10^24 by \(year.year) (its growth compounded over the years to the horizon): the projection cannot count it; check growth and horizon",
                              at: row.location)
            reported = true
        }
        // Costs are never negative, so a line out of range takes its year's total with it.
        if !reported, years.contains(where: { outside($0.nominal) }) {
            diagnostics.error(.invalidValue, "with price_index \(percentText(scenario.info.priceIndex)) the nominal money grows beyond 10^24 by the horizon: check price_index and horizon",
                              at: scenario.info.location)
            reported = true
        }
        if !reported, years.contains(where: { outside($0.benefits) }) {
            let row = benefits.first
            diagnostics.error(.invalidValue, "the benefits grow beyond 10^24 by the horizon: the projection cannot count them; check their growth and the horizon",
                              at: row?.location ?? scenario.info.location)
            reported = true
        }
        if !reported, totals.contains(where: outside) {
            diagnostics.error(.invalidValue, "with discount_rate \(percentText(scenario.info.discountRate)) the net present value grows beyond 10^24: check discount_rate and horizon",
                              at: scenario.info.location)
        }
    }

    // MARK: arithmetic

    /// The real base-year value of one charge in one calendar year.
    func value(_ charge: Charge, in year: Int, window: ClosedRange<Day>? = nil) -> Decimal {
        let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
        // Active days this year: within [from, until], the year, the projection and the optional window.
        let lower = max(charge.from, first, window?.lowerBound ?? first)
        let upper = min(charge.until, last, window?.upperBound ?? last, projection.upperBound)
        guard lower <= upper else { return 0 }
        let active = lower...upper
        let growth = charge.growth == 0 ? 1 : power(1 + charge.growth, year - baseYear)
        switch charge.every {
        case .once:
            let days = charge.onDays ?? [charge.from]
            let total = days.filter { active.contains($0) }.reduce(Decimal(0)) { $0 + charge.multiplier.value(at: $1) }
            return charge.growth == 0 ? charge.amount * total : charge.amount * total * growth
        case .year:
            let weighted = charge.multiplier.weightedSum(over: active, rampStart: charge.rampDays > 0 ? charge.from : nil, rampDays: charge.rampDays)
            let yearly = charge.amount * weighted / Decimal(Day.daysIn(year: year))
            return charge.growth == 0 ? yearly : yearly * growth
        case .month:
            var total = Decimal(0)
            for month in 1...12 {
                let monthFirst = Day(year: year, month: month, day: 1)!
                let monthLast = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
                let lowerM = max(active.lowerBound, monthFirst), upperM = min(active.upperBound, monthLast)
                guard lowerM <= upperM else { continue }
                let weighted = charge.multiplier.weightedSum(over: lowerM...upperM, rampStart: charge.rampDays > 0 ? charge.from : nil, rampDays: charge.rampDays)
                total += charge.amount * weighted / Decimal(Day.daysIn(month: month, year: year))
            }
            return charge.growth == 0 ? total : total * growth
        }
    }

    func indexFactor(_ year: Int) -> Decimal { power(1 + scenario.info.priceIndex, year - baseYear) }

    /// NPV with the base year undiscounted: Σ flow(Y) / (1 + r)^(Y − base_year).
    func presentValue(_ flows: [Decimal]) -> Decimal {
        var total = Decimal(0)
        for (offset, flow) in flows.enumerated() { total += flow / power(1 + scenario.info.discountRate, offset) }
        return total
    }

    /// base^exponent, or NaN once it leaves 10^±30: Decimal traps where a product or quotient leaves its range
    /// (about 10^±128), so growth, indexation and discounting stay far inside it, and NaN (which passes through
    /// the arithmetic) is reported by `checkRange` as an error at its cause.
    func power(_ base: Decimal, _ exponent: Int) -> Decimal {
        var result = Decimal(1)
        for _ in 0..<max(0, exponent) {
            result *= base
            let size = abs(result)
            if size > Self.powerHigh || (size < Self.powerLow && size != 0) { return .nan }
        }
        return result
    }

    static let powerHigh = Decimal(sign: .plus, exponent: 30, significand: 1)
    static let powerLow = Decimal(sign: .plus, exponent: -30, significand: 1)

    // MARK: breakdown shares

    /// Seat-weighted shares of a set of agencies (equal shares when they have no seats).
    func seatShares(_ agencies: [Identifier]) -> [Identifier: Decimal] {
        guard withShares else { return [:] }
        let unique = Array(Set(agencies)).sorted()
        guard !unique.isEmpty else { return [:] }
        let seats = unique.map { Decimal(analysis.seats[$0] ?? 0) }
        let total = seats.reduce(0, +)
        var shares: [Identifier: Decimal] = [:]
        for (agency, count) in zip(unique, seats) { shares[agency] = total == 0 ? 1 / Decimal(unique.count) : count / total }
        return shares
    }

    /// Shares of the tenders that award a product, weighted by the seats of their agencies.
    func tenderShares(_ tenders: [Tender]) -> [Identifier: Decimal] {
        guard withShares, !tenders.isEmpty else { return [:] }
        let seats = tenders.map { tender in Decimal(tender.agencies.reduce(0) { $0 + (analysis.seats[$1.value] ?? 0) }) }
        let total = seats.reduce(0, +)
        var shares: [Identifier: Decimal] = [:]
        for (tender, count) in zip(tenders, seats) { shares[tender.id] = total == 0 ? 1 / Decimal(tenders.count) : count / total }
        return shares
    }

    // MARK: plan facts

    func retirementDay(_ index: Int) -> Day {
        plan.items[plan.network.retirements[index]].finish
    }

    /// The product each go-live brings (the tender's winner, or its `product:`).
    func product(of goLive: GoLive) -> Identifier? {
        switch goLive.source {
        case .tender(let tender)?: return fitGap.winner(of: tender.value)
        case .product(let id)?: return id.value
        case nil: return nil
        }
    }

    func cutover(_ goLiveIndex: Int) -> Day {
        plan.items[plan.network.goLiveParts[goLiveIndex].cutover].start
    }

    func seats(_ site: Identifier, _ agency: Identifier) -> Int {
        scenario.sites.first { $0.id == site }?.seats(of: agency) ?? 0
    }

    /// Live seats and sites of a product over time, for the agencies in `scope` (nil: all), counted from the
    /// first cutover that brings each agency at each site (or each site) onto it.
    func liveFunctions(_ product: Identifier, scope: Set<Identifier>?) -> (seats: StepFunction, sites: StepFunction) {
        var firstSeat: [String: (Day, Int)] = [:]
        var firstSite: [Identifier: Day] = [:]
        for (index, goLive) in scenario.goLives.enumerated() where self.product(of: goLive) == product {
            let day = cutover(index)
            for site in goLive.sites.map(\.value) {
                var touched = false
                for agency in goLive.agencies.map(\.value) where scope?.contains(agency) ?? true {
                    touched = true
                    let key = "\(site)|\(agency)"
                    if firstSeat[key].map({ day < $0.0 }) ?? true { firstSeat[key] = (day, seats(site, agency)) }
                }
                if touched, firstSite[site].map({ day < $0 }) ?? true { firstSite[site] = day }
            }
        }
        return (StepFunction.cumulative(firstSeat.values.map { ($0.0, Decimal($0.1)) }),
                StepFunction.cumulative(firstSite.values.map { ($0, Decimal(1)) }))
    }

    /// Products in use: awarded by a tender or named by a go-live, in product file order.
    var usedProducts: [Identifier] {
        let awarded = Set(fitGap.awards.compactMap(\.winner))
        let named = Set(scenario.goLives.compactMap { goLive -> Identifier? in
            if case .product(let id)? = goLive.source { return id.value }
            return nil
        })
        return scenario.products.map(\.id).filter { awarded.contains($0) || named.contains($0) }
    }

    /// The first cutover of each product in use.
    var firstCutovers: [Identifier: Day] {
        var first: [Identifier: Day] = [:]
        for (index, goLive) in scenario.goLives.enumerated() {
            guard let product = product(of: goLive) else { continue }
            let day = cutover(index)
            if first[product].map({ day < $0 }) ?? true { first[product] = day }
        }
        return first
    }

    /// Resolves a from/until event; `contract`, `go_live`, `retirement` are resolved by the caller.
    func resolve(_ event: Located<CostEvent>?, default fallback: Day, retirement: Day? = nil, planned: Day? = nil,
                 into diagnostics: inout Diagnostics) -> Day {
        guard let event else { return fallback }
        switch event.value {
        case .date(let day): return day
        case .lastGoLive:
            return plan.lastGoLive ?? fallback
        case .retirement: return retirement ?? fallback
        case .plannedRetirement: return planned ?? fallback
        case .item(let reference): return plan.day(of: reference, in: scenario) ?? fallback
        case .contract, .goLive: return fallback
        }
    }

    /// An event that falls before the projection starts is a plan error (a date there is a validation error).
    func checkStart(_ day: Day, _ line: CostLine, into diagnostics: inout Diagnostics) {
        guard day < projection.lowerBound, let from = line.from else { return }
        if case .date = from.value { return }
        diagnostics.error(.beforeBaseYear, "'from' falls on \(day) in this plan, before 1 January of base_year \(baseYear)", at: from.location)
    }

    // MARK: building charges

    func buildProductCharges(_ rows: inout [Row], _ charges: inout [Charge], _ diagnostics: inout Diagnostics) {
        let productsById = Dictionary(scenario.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let horizonEnd = projection.upperBound
        for productId in usedProducts {
            guard let product = productsById[productId] else { continue }
            let awardingTenders = scenario.tenders.filter { fitGap.winner(of: $0.id) == productId }
            let goLives = scenario.goLives.enumerated().filter { self.product(of: $0.element) == productId }
            let allAgencies = Array(Set(awardingTenders.flatMap { $0.agencies.map(\.value) } + goLives.flatMap { $0.element.agencies.map(\.value) })).sorted()
            // Live seats and sites are the same for every line of the product: work them out once.
            let liveAll = liveFunctions(productId, scope: nil)
            let liveByTender = awardingTenders.map { liveFunctions(productId, scope: Set($0.agencies.map(\.value))) }
            for line in product.costs {
                let row = rows.count
                rows.append(Row(name: line.name, source: "product:\(productId)", legacy: nil, location: line.location))
                let until = resolve(line.until, default: horizonEnd, into: &diagnostics)
                func multiplier(seats: StepFunction, sites: StepFunction, agencies: [Identifier]) -> StepFunction {
                    switch line.per {
                    case .user: return seats
                    case .site: return sites
                    case .effortDay: return .constant(Decimal(analysis.customisationDays(productId, for: agencies)))
                    case .none, .product: return .constant(1)
                    }
                }
                switch line.from?.value {
                case .contract?:
                    for (number, tender) in awardingTenders.enumerated() {
                        guard let contract = plan.item("\(tender.id).contract")?.finish else { continue }
                        let agencies = tender.agencies.map(\.value)
                        let live = liveByTender[number]
                        checkStart(contract, line, into: &diagnostics)
                        charges.append(Charge(row: row, amount: line.amount, every: line.every, from: contract, until: until,
                                              multiplier: multiplier(seats: live.seats, sites: live.sites, agencies: agencies), growth: line.growth,
                                              tenderShares: [tender.id: 1], agencyShares: seatShares(agencies)))
                    }
                case .goLive?:
                    // A site counts once per product, in the go-live that first brings it onto the product (the earliest
                    // cutover, then file order): police and fire going live at one site in two go-lives are one site.
                    var firstAtSite: [Identifier: (day: Day, index: Int)] = [:]
                    for (index, goLive) in goLives {
                        let day = cutover(index)
                        for site in goLive.sites.map(\.value) {
                            if let first = firstAtSite[site], (first.day, first.index) <= (day, index) { continue }
                            firstAtSite[site] = (day, index)
                        }
                    }
                    for (index, goLive) in goLives {
                        let day = cutover(index)
                        let agencies = goLive.agencies.map(\.value)
                        var seatCount = 0
                        for site in Set(goLive.sites.map(\.value)) { for agency in Set(agencies) { seatCount += seats(site, agency) } }
                        let newSites = Set(goLive.sites.map(\.value)).filter { firstAtSite[$0]?.index == index }.count
                        let own = (seats: StepFunction.constant(Decimal(seatCount)), sites: StepFunction.constant(Decimal(newSites)))
                        checkStart(day, line, into: &diagnostics)
                        let tenders = goLive.source.flatMap { source -> [Tender]? in
                            if case .tender(let id) = source { return scenario.tenders.filter { $0.id == id.value } }
                            return nil
                        } ?? []
                        charges.append(Charge(row: row, amount: line.amount, every: line.every, from: day, until: until,
                                              multiplier: multiplier(seats: own.seats, sites: own.sites, agencies: agencies), growth: line.growth,
                                              tenderShares: tenderShares(tenders), agencyShares: seatShares(agencies)))
                    }
                default:
                    let from = resolve(line.from, default: scenario.info.start, into: &diagnostics)
                    checkStart(from, line, into: &diagnostics)
                    let live = liveAll
                    charges.append(Charge(row: row, amount: line.amount, every: line.every, from: from, until: until,
                                          multiplier: multiplier(seats: live.seats, sites: live.sites, agencies: allAgencies), growth: line.growth,
                                          tenderShares: tenderShares(awardingTenders), agencyShares: seatShares(allAgencies)))
                }
            }
        }
    }

    /// The charges of a legacy system's cost and coexistence lines, given its retirement day.
    func legacyCharges(_ index: Int, _ system: LegacySystem, retirement: Day, rowBase: Int,
                       into diagnostics: inout Diagnostics) -> (rows: [Row], charges: [Charge]) {
        var rows: [Row] = []
        var charges: [Charge] = []
        let firsts = firstCutovers
        let productCount = StepFunction.cumulative(usedProducts.compactMap { firsts[$0] }.map { ($0, Decimal(1)) })
        let allSeats = Decimal(scenario.sites.reduce(0) { $0 + $1.users.reduce(0) { $0 + $1.seats } })
        for (lines, source) in [(system.costs, "legacy:\(system.id)"), (system.coexistence, "coexistence:\(system.id)")] {
            for line in lines {
                let row = rowBase + rows.count
                rows.append(Row(name: line.name, source: source, legacy: index, location: line.location))
                var from = resolve(line.from, default: scenario.info.start, retirement: retirement, planned: system.plannedRetirement, into: &diagnostics)
                if line.afterPlannedRetirement != nil, let planned = system.plannedRetirement { from = planned.advanced(by: 1) }
                let until = resolve(line.until, default: retirement, retirement: retirement, planned: system.plannedRetirement, into: &diagnostics)
                let multiplier: StepFunction
                var onDays: [Day]?
                switch line.per {
                case .product:
                    multiplier = line.every == .once ? .constant(1) : productCount
                    if line.every == .once { onDays = usedProducts.compactMap { firsts[$0] } }
                case .user: multiplier = .constant(allSeats)
                case .site: multiplier = .constant(Decimal(scenario.sites.count))
                case .none, .effortDay: multiplier = .constant(1)
                }
                charges.append(Charge(row: row, amount: line.amount, every: line.every, from: from, until: until,
                                      multiplier: multiplier, growth: line.growth, onDays: onDays,
                                      agencyShares: seatShares(scenario.agencies.map(\.id))))
            }
        }
        return (rows, charges)
    }

    func buildLegacyCharges(_ index: Int, _ system: LegacySystem, retirement: Day, _ rows: inout [Row], _ charges: inout [Charge],
                            _ diagnostics: inout Diagnostics) {
        let built = legacyCharges(index, system, retirement: retirement, rowBase: rows.count, into: &diagnostics)
        for (line, charge) in zip(system.costs + system.coexistence, built.charges) where line.afterPlannedRetirement == nil {
            checkStart(charge.from, line, into: &diagnostics)
        }
        rows += built.rows
        charges += built.charges
        if let amount = system.decommission {
            rows.append(Row(name: "decommission", source: "legacy:\(system.id)", legacy: index, location: system.location))
            charges.append(Charge(row: rows.count - 1, amount: amount, every: .once, from: retirement, until: retirement,
                                  multiplier: .constant(1), growth: 0, agencyShares: seatShares(scenario.agencies.map(\.id))))
        }
    }

    /// What a legacy system costs after its planned retirement up to `retirement` (growth applied, undiscounted).
    func extensionCost(_ index: Int, _ system: LegacySystem, retirement: Day, rowBase: Int = 0, factors: [Int: Decimal] = [:]) -> Decimal {
        guard let planned = system.plannedRetirement, retirement > planned else { return 0 }
        var ignored = Diagnostics()
        let built = legacyCharges(index, system, retirement: retirement, rowBase: rowBase, into: &ignored)
        let window = planned.advanced(by: 1)...retirement
        var total = Decimal(0)
        let firstYear = max(baseYear, planned.year), lastYear = min(scenario.info.horizon, retirement.year)
        guard firstYear <= lastYear else { return 0 }
        for charge in built.charges {
            let factor = factors[charge.row] ?? 1
            for year in firstYear...lastYear { total += value(charge, in: year, window: window) * factor }
        }
        return total
    }

    func buildBenefitCharges(_ rows: inout [Row], _ charges: inout [Charge], _ targets: inout [Charge], _ diagnostics: inout Diagnostics) {
        let horizonEnd = projection.upperBound
        var seatChanges: [(day: Day, amount: Decimal)] = [], siteChanges: [(day: Day, amount: Decimal)] = []
        for product in usedProducts {
            let live = liveFunctions(product, scope: nil)
            var previous = Decimal(0)
            for step in live.seats.steps { seatChanges.append((step.day, step.value - previous)); previous = step.value }
            previous = 0
            for step in live.sites.steps { siteChanges.append((step.day, step.value - previous)); previous = step.value }
        }
        // Benefit lines `per: user`/`per: site` count seats and sites live on any new product.
        let liveSeats = StepFunction.cumulative(seatChanges)
        let liveSites = StepFunction.cumulative(siteChanges)
        let allSeats = Decimal(scenario.sites.reduce(0) { $0 + $1.users.reduce(0) { $0 + $1.seats } })
        for line in scenario.benefits {
            let row = rows.count
            rows.append(Row(name: line.name, source: "benefit", legacy: nil, location: line.location))
            let from = resolve(line.from, default: scenario.info.start, into: &diagnostics)
            checkStart(from, line, into: &diagnostics)
            let until = resolve(line.until, default: horizonEnd, into: &diagnostics)
            let multiplier: StepFunction
            switch line.per {
            case .user: multiplier = liveSeats
            case .site: multiplier = liveSites
            default: multiplier = .constant(1)
            }
            var rampDays = 0
            if let ramp = line.ramp, !ramp.isZero {
                let end = ramp.calendarDays.map { from.advanced(by: $0) } ?? from.addingMonths(ramp.months ?? 0)
                rampDays = from.distance(to: end)
            }
            charges.append(Charge(row: row, amount: line.amount, every: line.every, from: from, until: until,
                                  multiplier: multiplier, growth: line.growth, rampDays: rampDays))
            if let target = line.targetFrom {
                // The target is the full amount (all seats or sites for per-user/per-site lines), without a ramp.
                let full: StepFunction = line.per == .user ? .constant(allSeats) : line.per == .site ? .constant(Decimal(scenario.sites.count)) : .constant(1)
                targets.append(Charge(row: row, amount: line.amount, every: line.every, from: target, until: until,
                                      multiplier: full, growth: line.growth))
            }
        }
    }
}
