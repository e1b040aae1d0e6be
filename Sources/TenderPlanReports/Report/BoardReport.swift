import Foundation
import TenderPlanCore

/// The view model of the board report (`report.md` and `index.html`): every figure formatted in the
/// report's language, every table ready to draw, the charts as SVG. Built once, rendered by the templates.
public struct BoardReport: Sendable {
    public struct Section: Sendable {
        public var heading: String
        public var text: String
        public var table: ReportTable
    }

    public struct RiskPart: Sendable {
        public var intro: String
        public var percentiles: ReportTable
        public var dateCurve: String
        public var costCurve: String
        public var tornado: String
        public var drivers: ReportTable
        public var critical: ReportTable
        public var deadlines: ReportTable?
    }

    /// The labels of the report's language, by key (`{{t.summary}}` in a template).
    public var t: [String: String]
    public var lang: String
    public var title: String
    public var scenarioId: String
    public var source: String
    public var summary: ReportTable
    public var gates: ReportTable?
    public var warnings: [String]
    public var hasWarnings: Bool
    public var tenders: [Section]
    public var options: ReportTable
    public var fit: ReportTable
    public var fitHeatMap: String
    public var areaHeatMap: String
    public var gantt: String
    public var late: ReportTable?
    public var planGroups: [ReportTable]
    public var costTotals: ReportTable
    public var costYears: ReportTable
    public var costChart: String
    public var legacyExtension: ReportTable?
    public var costBreakdown: [ReportTable]
    public var savings: ReportTable?
    public var risk: RiskPart?

    /// - Parameters:
    ///   - escape: applied to every text taken from the scenario (names, titles, messages): `markdownCell`
    ///     for Markdown, identity for HTML (the template engine escapes there).
    ///   - source: the scenario's file as given; shown, like the files findings name, relative to its folder.
    ///   - findings: warnings and gate verdicts to list, already sorted.
    public init(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult, costs: CostResult, risk: RiskResult?,
                findings: [Diagnostic], language: Language, source: String, escape: @escaping (String) -> String) {
        let text = ReportText(language)
        let f = LocalFormat(language: language, currency: costs.currency)
        let parts = BoardReportParts(scenario: scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk, text: text,
                                     format: f, escape: escape)
        t = text.labels
        lang = language.rawValue
        title = escape(scenario.info.title)
        scenarioId = escape(scenario.info.id.raw)
        self.source = escape(ReportPaths.shown(source, scenario: source))
        summary = parts.summary()
        gates = parts.gates(findings)
        warnings = findings.filter { $0.severity == .warning || $0.code != .gate }.map { diagnostic in
            escape("\(ReportPaths.shown(diagnostic.location.path, scenario: source)):\(diagnostic.location.line): \(diagnostic.message)")
        }
        hasWarnings = !warnings.isEmpty
        tenders = parts.tenders()
        options = parts.options()
        fit = parts.fitTable()
        fitHeatMap = parts.fitHeatMap()
        areaHeatMap = parts.areaHeatMap()
        gantt = parts.gantt()
        late = parts.late()
        planGroups = parts.planGroups()
        costTotals = parts.costTotals()
        costYears = parts.costYears()
        costChart = parts.costChart()
        legacyExtension = parts.legacyExtension()
        costBreakdown = parts.costBreakdown()
        savings = parts.savings()
        self.risk = parts.riskPart()
    }
}

/// Builds the parts of a `BoardReport`; one method per table or chart.
struct BoardReportParts {
    let scenario: Scenario
    let fitGap: FitGapResult
    let plan: PlanResult
    let costs: CostResult
    let risk: RiskResult?
    let text: ReportText
    let format: LocalFormat
    let escape: (String) -> String

    typealias T = ReportTable

    func l(_ key: String) -> String { text[key] }
    func money(_ value: Decimal) -> String { format.money(value) }
    func date(_ day: Day) -> String { format.date(day) }
    func productName(_ id: Identifier) -> String { escape(scenario.products.first { $0.id == id }?.name ?? id.raw) }
    func agencyName(_ id: Identifier) -> String { escape(scenario.agencies.first { $0.id == id }?.name ?? id.raw) }
    func itemTitle(_ id: String) -> String { escape(plan.item(id)?.title ?? id) }

    var extensionCost: Decimal { costs.legacyExtension.filter { $0.months == 0 }.reduce(0) { $0 + $1.cost } }

    // MARK: Summary

    func summary() -> T {
        var rows: [[T.Cell]] = []
        func add(_ label: String, _ value: String, _ note: String = "", strong: Bool = false) {
            rows.append([T.text(label), T.number(value, strong: strong), T.text(note)])
        }
        add(l("programme_start"), date(scenario.info.start))
        let goLives = plan.items.filter { $0.kind == .cutover }.map(\.finish)
        if let first = goLives.min() { add(l("first_go_live"), date(first)) }
        if let last = plan.lastGoLive {
            add(l("last_go_live"), date(last), l("plan_note"), strong: true)
            if let risk, let p = risk.lastGoLive {
                add(l("last_go_live_p50"), date(p.p50), text.seedNote(risk))
                add(l("last_go_live_p80"), date(p.p80), text.seedNote(risk), strong: true)
            }
        }
        for (index, system) in scenario.legacy.enumerated() {
            let retire = plan.items[plan.network.retirements[index]].finish
            var note = ""
            if let planned = system.plannedRetirement { note = l("planned") + " " + date(planned) }
            add(l("retirement_of") + " " + escape(system.name), date(retire), note)
        }
        add(l("programme_finish"), date(plan.finish))
        add(l("total_cost_real"), money(costs.totalReal), "\(scenario.info.baseYear)–\(scenario.info.horizon)", strong: true)
        add(l("npv_costs"), money(costs.npv), l("discount_rate") + " " + format.percent(NSDecimalNumber(decimal: scenario.info.discountRate).doubleValue))
        if !costs.legacyExtension.isEmpty {
            add(l("legacy_extension_cost"), money(extensionCost), l("plan_note"), strong: true)
            if let risk { add(l("legacy_extension_cost_p80"), money(risk.legacyExtension.p80), text.seedNote(risk)) }
        }
        let gaps = costs.years.compactMap(\.savingsGap)
        if !gaps.isEmpty { add(l("savings_gap_total"), money(gaps.reduce(0, +)), l("savings_gap_note")) }
        let late = plan.late
        if !late.isEmpty { add(l("late_items"), format.integer(late.count), l("late_note")) }
        return T(headers: [("", false), (l("value"), true), (l("note"), false)], rows: rows)
    }

    func gates(_ findings: [Diagnostic]) -> T? {
        guard !scenario.gates.isEmpty else { return nil }
        let rows: [[T.Cell]] = scenario.gates.map { gate in
            let verdict = findings.first { $0.code == .gate && $0.location == gate.location }
            let description: String
            switch gate.kind {
            case .lastGoLive(let before): description = l("gate_last_go_live") + " " + date(before)
            case .finish(let before): description = l("gate_finish") + " " + date(before)
            case .npv(let below): description = l("gate_npv") + " " + money(below)
            case .totalReal(let below): description = l("gate_total") + " " + money(below)
            case .legacyExtension(let below): description = l("gate_legacy") + " " + money(below)
            case .fit(let product, let agency, let atLeast):
                description = "\(l("gate_fit")) \(productName(product.value)) · \(agencyName(agency.value)) ≥ \(format.fit(atLeast))"
            case .p80(let item, let before): description = "P80 \(itemTitle(item.value)) < \(date(before))"
            }
            guard let verdict else { return [T.text(description), T.text(l("gate_met"), tone: "good"), T.text("")] }
            let skipped = verdict.severity == .warning
            return [T.text(description), T.text(skipped ? l("gate_skipped") : l("gate_not_met"), strong: !skipped, tone: skipped ? "warn" : "bad"),
                    T.text(escape(verdict.message))]
        }
        return T(headers: [(l("gate"), false), (l("verdict"), false), (l("note"), false)], rows: rows)
    }

    // MARK: Fit and award

    func tenders() -> [BoardReport.Section] {
        fitGap.awards.map { award in
            let tender = scenario.tenders.first { $0.id == award.tender }
            var sentence: String
            if let winner = award.winner {
                sentence = (award.isFixed ? l("award_fixed") : l("award_winner")) + " " + productName(winner) + "."
            } else {
                sentence = l("award_none")
            }
            if let weight = award.switchAtQualityWeight, let to = award.switchTo {
                sentence += " " + l("award_switch").replacingOccurrences(of: "{weight}", with: format.percent(NSDecimalNumber(decimal: weight).doubleValue))
                    .replacingOccurrences(of: "{product}", with: productName(to))
            }
            let rows: [[T.Cell]] = award.bids.map { bid in
                let knockouts = bid.knockouts.keys.sorted().map { agency in
                    agencyName(agency) + ": " + (bid.knockouts[agency] ?? []).map { escape($0.raw) }.joined(separator: ", ")
                }.joined(separator: "; ")
                return [T.text(productName(bid.product), strong: bid.product == award.winner),
                        T.text(bid.admissible ? l("yes") : l("no"), tone: bid.admissible ? "" : "bad"),
                        T.number(format.fit(bid.quality)), T.number(money(bid.price)),
                        T.number(bid.score.map { format.number($0, places: 3) } ?? "—"),
                        T.number(bid.rank.map(String.init) ?? "—"), T.text(knockouts)]
            }
            let table = T(headers: [(l("product"), false), (l("admissible"), false), (l("quality"), true), (l("price"), true),
                                    (l("score"), true), (l("rank"), true), (l("knockouts"), false)], rows: rows)
            return BoardReport.Section(heading: escape(tender?.title ?? award.tender.raw), text: sentence, table: table)
        }
    }

    func options() -> T {
        let rows: [[T.Cell]] = fitGap.options.map { option in
            let assignment = scenario.agencies.compactMap { agency in
                option.assignment[agency.id].map { agencyName(agency.id) + " → " + productName($0) }
            }.joined(separator: "; ")
            let knockouts = option.knockouts.values.reduce(0) { $0 + $1.count }
            return [T.text(l("option_" + option.kind.rawValue), strong: true), T.text(assignment), T.number(format.fit(option.fit)),
                    T.number(format.integer(knockouts), tone: knockouts > 0 ? "bad" : ""), T.number(money(option.price))]
        }
        return T(headers: [(l("option"), false), (l("assignment"), false), (l("fit"), true), (l("knockouts"), true), (l("price"), true)],
                 rows: rows)
    }

    func fitTable() -> T {
        let rows: [[T.Cell]] = fitGap.products.map { product in
            [T.text(productName(product.product), strong: true)] + fitGap.agencies.map { agency in
                let value = product.fit[agency] ?? 0
                let out = !(product.knockouts[agency] ?? []).isEmpty
                return T.number(format.fit(value) + (out ? " ✗" : ""), tone: out ? "bad" : "")
            } + [T.number(format.integer(product.customisationDays))]
        }
        return T(caption: l("fit_caption"), headers: [(l("product"), false)] + fitGap.agencies.map { (agencyName($0), true) } + [(l("custom_days"), true)],
                 rows: rows)
    }

    func fitHeatMap() -> String {
        HeatMapChart(title: l("fit_heatmap"), columns: fitGap.agencies.map(agencyName),
                     rows: fitGap.products.map { product in (productName(product.product), fitGap.agencies.map { product.fit[$0] }) },
                     low: 0.5, format: format).render()
    }

    /// The average coverage score per requirement area and product (the scoring's level values, unweighted).
    func areaHeatMap() -> String {
        var areas: [String] = []
        var members: [String: [Identifier]] = [:]
        for requirement in scenario.requirements {
            if members[requirement.area] == nil { areas.append(requirement.area) }
            members[requirement.area, default: []].append(requirement.id)
        }
        let rows: [(label: String, values: [Decimal?])] = areas.map { area in
            let ids = members[area]!
            return (escape(area), scenario.products.map { product in
                let levels = Dictionary(product.coverage.map { ($0.requirement, $0.level) }, uniquingKeysWith: { a, _ in a })
                let total = ids.reduce(Decimal(0)) { $0 + (scenario.scoring.levels[levels[$1] ?? CoverageLevel.none] ?? 0) }
                return total / Decimal(ids.count)
            })
        }
        return HeatMapChart(title: l("area_heatmap"), columns: scenario.products.map { productName($0.id) }, rows: rows, format: format).render()
    }

    // MARK: Plan

    func gantt() -> String {
        let groups = PlanGroups(scenario, plan)
        func bar(_ item: ScheduledItem) -> GanttChart.Bar {
            GanttChart.Bar(start: item.start, finish: item.finish, kind: item.kind, critical: item.critical,
                           title: "\(item.title): \(date(item.start)) – \(date(item.finish))")
        }
        var rows: [GanttChart.Row] = []
        for group in groups.tenders { rows.append(GanttChart.Row(label: group.title, bars: group.items.map(bar))) }
        for group in groups.sites { rows.append(GanttChart.Row(label: group.title, bars: group.items.map(bar))) }
        let limit = 150
        for item in groups.rest.prefix(limit) { rows.append(GanttChart.Row(label: item.title, bars: [bar(item)])) }
        if groups.rest.count > limit {
            rows.append(GanttChart.Row(label: text.moreItems(groups.rest.count - limit), bars: []))
        }
        var freezes: [GanttChart.Band] = []
        for calendar in scenario.calendars {
            for freeze in calendar.freezes {
                freezes.append(GanttChart.Band(from: freeze.from, to: freeze.to,
                                               title: "\(l("freeze")) \(calendar.id.raw): \(date(freeze.from)) – \(date(freeze.to))"
                                                   + (freeze.reason.map { " (\($0))" } ?? "")))
            }
        }
        let legend: [(PlanNetwork.Kind, String)] = [(.tenderPhase, l("kind_tender_phase")), (.preparation, l("kind_preparation")),
                                                    (.cutover, l("kind_cutover")), (.hypercare, l("kind_hypercare")),
                                                    (.task, l("kind_task")), (.milestone, l("kind_milestone"))]
        return GanttChart(rows: rows, freezes: freezes, legend: legend.map { (kind: $0.0, label: $0.1) }, criticalLabel: l("critical"),
                          freezeLabel: l("freeze"), format: format, title: l("gantt_title")).render()
    }

    /// The most "other" items the report lists one by one; the rest is in plan.csv and the workbook.
    static let restLimit = 1_000

    func late() -> T? {
        let late = plan.late
        guard !late.isEmpty else { return nil }
        return T(headers: [(l("item"), false), (l("deadline"), true), (l("finish"), true), (l("days_late"), true)],
                 rows: late.map { [T.text(escape($0.item.title)), T.number(date($0.item.deadline!)), T.number(date($0.item.finish)),
                                   T.number(format.integer($0.days), tone: "bad")] })
    }

    func planGroups() -> [T] {
        let groups = PlanGroups(scenario, plan)
        let all = groups.tenders.map { (l("tender") + ": " + escape($0.title), $0.items) }
            + groups.sites.map { (l("site") + ": " + escape($0.title), $0.items) }
            + (groups.rest.isEmpty ? [] : [(l("tasks_and_milestones"), Array(groups.rest.prefix(BoardReportParts.restLimit)))])
        var tables = all.map { caption, items in
            T(caption: caption, headers: [("", false), (l("item"), false), (l("start"), true), (l("finish"), true), (l("working_days"), true),
                                          (l("slack"), true)],
              rows: items.map { item in
                  [T.text(item.critical ? "★" : ""), T.text(escape(item.title)), T.number(date(item.start)), T.number(date(item.finish)),
                   T.number(format.integer(item.durationDays)), T.number(format.integer(item.totalSlackDays), tone: item.critical ? "bad" : "")]
              })
        }
        if groups.rest.count > BoardReportParts.restLimit, !tables.isEmpty {
            tables[tables.count - 1].rows.append(ReportTable.Row(cells: [T.text(""), T.text(text.moreItems(groups.rest.count - BoardReportParts.restLimit)),
                                                                       T.text(""), T.text(""), T.text(""), T.text("")]))
        }
        return tables
    }

    // MARK: Costs

    func costTotals() -> T {
        T(headers: [("", false), (l("value"), true)], rows: [
            [T.text(l("total_cost_real")), T.number(money(costs.totalReal), strong: true)],
            [T.text(l("total_cost_nominal")), T.number(money(costs.totalNominal))],
            [T.text(l("npv_costs")), T.number(money(costs.npv))],
            [T.text(l("npv_net")), T.number(money(costs.npvNet))],
        ])
    }

    func costYears() -> T {
        let rows: [[T.Cell]] = costs.years.map { year in
            [T.text(String(year.year)), T.number(money(year.real)), T.number(money(year.nominal)), T.number(money(year.benefits))]
        } + [[T.text(l("total"), strong: true), T.number(money(costs.totalReal), strong: true), T.number(money(costs.totalNominal), strong: true),
              T.number(money(costs.years.reduce(0) { $0 + $1.benefits }), strong: true)]]
        return T(headers: [(l("year"), false), (l("real"), true), (l("nominal"), true), (l("benefits"), true)], rows: rows)
    }

    /// A display name for a cost source such as `product:cad-rescue` or `legacy:gms`.
    func sourceName(_ source: String) -> String {
        let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return escape(source) }
        let id = Identifier(parts[1])
        let name: String
        switch parts[0] {
        case "product": name = productName(id)
        case "legacy", "coexistence": name = escape(scenario.legacy.first { $0.id == id }?.name ?? parts[1])
        default: name = escape(parts[1])
        }
        return l("source_" + parts[0]) + ": " + name
    }

    func costChart() -> String {
        var sources: [String] = []
        for year in costs.years { for line in year.lines where !sources.contains(line.source) { sources.append(line.source) } }
        let series = sources.map { source in
            (name: sourceName(source), values: costs.years.map { year in year.lines.filter { $0.source == source }.reduce(Decimal(0)) { $0 + $1.real } })
        }
        return StackedBarChart(title: l("cost_chart"), categories: costs.years.map { String($0.year) }, series: series, format: format).render()
    }

    func legacyExtension() -> T? {
        guard !costs.legacyExtension.isEmpty else { return nil }
        return T(headers: [(l("system"), false), (l("moved_by"), true), (l("retires_on"), true), (l("extension_cost"), true)],
                 rows: costs.legacyExtension.map { row in
                     [T.text(escape(scenario.legacy.first { $0.id == row.legacy }?.name ?? row.legacy.raw)),
                      T.number(row.months == 0 ? l("as_planned") : text.months(row.months)), T.number(date(row.retirement)),
                      T.number(money(row.cost), strong: row.months == 0)]
                 })
    }

    func costBreakdown() -> [T] {
        var tables = [T(caption: l("by_source"), headers: [(l("source"), false), (l("real"), true)],
                        rows: costs.bySource.map { [T.text(l("source_" + $0.source)), T.number(money($0.real))] })]
        if !costs.byTender.isEmpty {
            tables.append(T(caption: l("by_tender"), headers: [(l("tender"), false), (l("real"), true)],
                            rows: costs.byTender.map { entry in
                                [T.text(escape(scenario.tenders.first { $0.id == entry.tender }?.title ?? entry.tender.raw)), T.number(money(entry.real))]
                            }))
        }
        tables.append(T(caption: l("by_agency"), headers: [(l("agency"), false), (l("real"), true)],
                        rows: costs.byAgency.map { [T.text(agencyName($0.agency)), T.number(money($0.real))] }))
        return tables
    }

    func savings() -> T? {
        let years = costs.years.filter { $0.savingsGap != nil }
        guard !years.isEmpty else { return nil }
        return T(headers: [(l("year"), false), (l("benefits"), true), (l("savings_gap"), true), (l("savings_gap_cumulative"), true)],
                 rows: years.map { year in
                     [T.text(String(year.year)), T.number(money(year.benefits)),
                      T.number(money(year.savingsGap ?? 0), tone: (year.savingsGap ?? 0) > 0 ? "bad" : ""),
                      T.number(money(year.savingsGapCumulative ?? 0))]
                 })
    }

    // MARK: Risk

    func riskPart() -> BoardReport.RiskPart? {
        guard let risk else { return nil }
        func dates(_ label: String, _ planned: Day?, _ p: RiskResult.Percentiles<Day>) -> [T.Cell] {
            [T.text(label), T.number(planned.map(date) ?? ""), T.number(date(p.p10)), T.number(date(p.p50)), T.number(date(p.p80), strong: true),
             T.number(date(p.p90))]
        }
        func amounts(_ label: String, _ planned: Decimal?, _ p: RiskResult.Percentiles<Decimal>) -> [T.Cell] {
            [T.text(label), T.number(planned.map(money) ?? ""), T.number(money(p.p10)), T.number(money(p.p50)), T.number(money(p.p80), strong: true),
             T.number(money(p.p90))]
        }
        var rows = [dates(l("programme_finish"), plan.finish, risk.finish)]
        if let last = risk.lastGoLive { rows.append(dates(l("last_go_live"), plan.lastGoLive, last)) }
        rows.append(amounts(l("total_cost_real"), costs.totalReal, risk.totalReal))
        rows.append(amounts(l("npv_costs"), costs.npv, risk.npv))
        if !costs.legacyExtension.isEmpty { rows.append(amounts(l("legacy_extension_cost"), extensionCost, risk.legacyExtension)) }
        let percentiles = T(headers: [("", false), (l("plan"), true), ("P10", true), ("P50", true), ("P80", true), ("P90", true)], rows: rows)

        var series: [(name: String, points: [Double])] = [(l("programme_finish"), risk.finishCurve.map { Double($0.number) })]
        var markers: [(label: String, value: Double)] = [(l("plan") + ": " + date(plan.finish), Double(plan.finish.number))]
        if !risk.lastGoLiveCurve.isEmpty, let last = plan.lastGoLive {
            series.append((l("last_go_live"), risk.lastGoLiveCurve.map { Double($0.number) }))
            markers = [(l("plan") + ": " + date(last), Double(last.number))]
        }
        let dateCurve = SCurveChart(title: l("date_curve"), series: series, markers: markers,
                                    axisLabel: { format.date(Day(number: Int($0.rounded()))) }, percentLabel: l("curve_note")).render()
        let costCurve = SCurveChart(title: l("cost_curve"), series: [(l("total_cost_real"), risk.totalRealCurve.map { NSDecimalNumber(decimal: $0).doubleValue })],
                                    markers: [(l("plan"), NSDecimalNumber(decimal: costs.totalReal).doubleValue)],
                                    axisLabel: { format.millions(Decimal($0)) }, percentLabel: l("curve_note")).render()
        let drivers = Array(risk.drivers.prefix(10))
        let tornado = TornadoChart(title: l("tornado"), rows: drivers.map { (label: escape($0.input), finish: $0.finishCorrelation, cost: $0.costCorrelation) },
                                   finishLabel: l("correlation_finish"), costLabel: l("correlation_cost"), format: format).render()
        let driverTable = T(headers: [(l("input"), false), (l("correlation_finish"), true), (l("correlation_cost"), true)],
                            rows: drivers.map { [T.text(escape($0.input)), T.number(format.correlation($0.finishCorrelation)),
                                                 T.number(format.correlation($0.costCorrelation))] })
        let critical = risk.items.filter { $0.criticality > 0 }.sorted { ($0.criticality, $1.id) > ($1.criticality, $0.id) }.prefix(15)
        let criticalTable = T(headers: [(l("item"), false), (l("criticality"), true), ("P50", true), ("P80", true)],
                              rows: critical.map { [T.text(itemTitle($0.id)), T.number(format.percent($0.criticality)), T.number(date($0.finish.p50)),
                                                    T.number(date($0.finish.p80))] })
        let deadlines = risk.deadlines.isEmpty ? nil : T(headers: [(l("item"), false), (l("deadline"), true), (l("probability"), true)],
                                                         rows: risk.deadlines.map { [T.text(itemTitle($0.id)), T.number(date($0.deadline)),
                                                                                     T.number(format.percent($0.probability), tone: $0.probability < 0.5 ? "bad" : "")] })
        return BoardReport.RiskPart(intro: text.riskIntro(risk), percentiles: percentiles, dateCurve: dateCurve, costCurve: costCurve,
                                    tornado: tornado, drivers: driverTable, critical: criticalTable, deadlines: deadlines)
    }
}
