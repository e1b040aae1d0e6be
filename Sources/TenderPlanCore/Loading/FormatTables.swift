/// Every mapping of the scenario format (version 1), key by key.
///
/// The loader accepts exactly these keys, reports missing required ones from here,
/// and the format reference and JSON Schema are generated from the same tables.
public enum FormatTables {
    static let levelNames = CoverageLevel.allCases.map(\.rawValue)
    static let priorityNames = Priority.allCases.map(\.rawValue)

    public static let root = KeyTable("root", "The top level of a scenario file.", [
        KeySpec("tenderplan", .integer(min: 1, max: 1), required: true, "Format version; 1."),
        KeySpec("scenario", .mapping("scenario"), required: true, "Identity, start date, money conventions and defaults."),
        KeySpec("include", .list(.text), "Files next to this one whose top-level lists are merged in, in order."),
        KeySpec("calendars", .list(.mapping("calendar")), "Working-day calendars with extra holidays and freeze periods."),
        KeySpec("agencies", .list(.mapping("agency")), "The agencies that use the system."),
        KeySpec("sites", .list(.mapping("site")), "Locations (dispatch centres) and their seats per agency."),
        KeySpec("requirements", .list(.mapping("requirement")), "Capability requirements with MoSCoW priority."),
        KeySpec("scoring", .mapping("scoring"), "Level values, priority weights and the knock-out priority."),
        KeySpec("products", .list(.mapping("product")), "Candidate products: coverage and cost lines."),
        KeySpec("tenders", .list(.mapping("tender")), "Procurement procedures and how each awards."),
        KeySpec("legacy", .list(.mapping("legacy")), "Legacy systems: running costs, coexistence, retirement."),
        KeySpec("go_lives", .list(.mapping("go_live")), "Go-live moments: agencies at sites moving onto a product."),
        KeySpec("rollout", .mapping("rollout"), "Limits on parallel go-lives and gaps between cutovers."),
        KeySpec("tasks", .list(.mapping("task")), "Other tasks and milestones of the programme."),
        KeySpec("benefits", .list(.mapping("benefit")), "Savings and other benefits, kept apart from costs."),
        KeySpec("risks", .list(.mapping("risk")), "Risk events with a probability, a delay and a cost."),
        KeySpec("expect", .list(.mapping("gate")), "Governance gates that `validate --check` evaluates."),
    ])

    /// The top-level keys an included file may have.
    public static let includeKeys: Set<String> = [
        "include", "calendars", "agencies", "sites", "requirements", "products", "tenders", "legacy",
        "go_lives", "tasks", "benefits", "risks",
    ]

    public static let scenario = KeyTable("scenario", "The scenario header.", [
        KeySpec("id", .identifier, required: true, "The scenario's id; names its report folder."),
        KeySpec("title", .text, default: "the id", "A readable title for reports."),
        KeySpec("start", .date, required: true, "Programme start; nothing is scheduled earlier."),
        KeySpec("currency", .currency, default: "EUR", "ISO 4217 code of all amounts (three capital letters)."),
        KeySpec("base_year", .integer(min: 1900, max: 2199), default: "the start's year", "Prices are in this year's money."),
        KeySpec("price_index", .percentage, default: "0", "Yearly indexation, for nominal figures."),
        KeySpec("discount_rate", .percentage, default: "2.25%", "Real discount rate for net present value."),
        KeySpec("horizon", .integer(min: 1900, max: 2199), default: "base_year + 10", "Last calendar year of the cost projection."),
        KeySpec("calendar", .identifier, default: "nl", "Default working-day calendar of every item."),
        KeySpec("language", .choice(Language.allCases.map(\.rawValue)), default: "en", "Report language."),
    ])

    public static let calendar = KeyTable("calendar", "A working-day calendar.", [
        KeySpec("id", .identifier, required: true, "The calendar's id."),
        KeySpec("base", .choice(CalendarDefinition.Base.allCases.map(\.rawValue)), default: "nl", "Built-in calendar it extends."),
        KeySpec("holidays", .list(.date), "Extra non-working days."),
        KeySpec("freezes", .list(.mapping("freeze")), "Periods in which no go-live cutover may fall."),
    ])

    public static let freeze = KeyTable("freeze", "A freeze period, both days inclusive.", [
        KeySpec("from", .date, required: true, "First day of the freeze."),
        KeySpec("to", .date, required: true, "Last day of the freeze."),
        KeySpec("reason", .text, "Why (shown in reports)."),
    ])

    public static let agency = KeyTable("agency", "An agency.", [
        KeySpec("id", .identifier, required: true, "The agency's id."),
        KeySpec("name", .text, default: "the id", "Its name."),
    ])

    public static let site = KeyTable("site", "A site (dispatch centre).", [
        KeySpec("id", .identifier, required: true, "The site's id."),
        KeySpec("name", .text, default: "the id", "Its name."),
        KeySpec("city", .text, "Its city."),
        KeySpec("users", .map(.integer(min: 0, max: 10_000_000)), "Seats per agency."),
    ])

    public static let requirement = KeyTable("requirement", "A capability requirement.", [
        KeySpec("id", .identifier, required: true, "The requirement's id."),
        KeySpec("title", .text, default: "the id", "What is required."),
        KeySpec("area", .text, default: "general", "Free grouping for reports."),
        KeySpec("priority", .choice(priorityNames), default: "should", "MoSCoW priority."),
        KeySpec("weight", .number(min: 0, max: 1_000_000), default: "scoring.weights[priority]", "Weight in the fit."),
        KeySpec("agencies", .list(.identifier), default: "all agencies", "Who needs it."),
        KeySpec("priority_by_agency", .map(.choice(priorityNames)), "Per-agency priority overrides."),
    ])

    public static let scoring = KeyTable("scoring", "How fit is scored; a partial map overrides only the keys it names.", [
        KeySpec("levels", .mapping("levels"), "Value of each coverage level, 0–1."),
        KeySpec("weights", .mapping("weights"), "Default weight of each priority."),
        KeySpec("knockout", .choice(priorityNames), default: "must", "Priority (or stricter) at which level none disqualifies."),
    ])

    public static let levels = KeyTable("levels", "Coverage level values.",
        CoverageLevel.allCases.map { level in
            KeySpec(level.rawValue, .number(min: 0, max: 1), default: "\(Scoring.defaultLevels[level]!)", "Value of level \(level.rawValue).")
        })

    public static let weights = KeyTable("weights", "Priority weights.",
        Priority.allCases.map { priority in
            KeySpec(priority.rawValue, .number(min: 0, max: 1_000_000), default: "\(Scoring.defaultWeights[priority]!)", "Weight of a \(priority.rawValue) requirement.")
        })

    public static let product = KeyTable("product", "A candidate product.", [
        KeySpec("id", .identifier, required: true, "The product's id."),
        KeySpec("name", .text, default: "the id", "Its name."),
        KeySpec("vendor", .text, "Who sells it."),
        KeySpec("coverage", .map(.either(.choice(levelNames), .mapping("coverage_cell"))), "Requirement id → level; absent means none."),
        KeySpec("costs", .list(.mapping("cost_line")), "Its cost lines."),
    ])

    public static let coverageCell = KeyTable("coverage_cell", "A coverage level with details.", [
        KeySpec("level", .choice(levelNames), required: true, "How well the product covers the requirement."),
        KeySpec("effort", .duration, "Customisation effort in working days (d) or weeks (w)."),
        KeySpec("available", .date, "For roadmap: when the vendor expects to deliver."),
    ])

    public static let tender = KeyTable("tender", "A procurement procedure.", [
        KeySpec("id", .identifier, required: true, "The tender's id; its phases are <id>.<phase>."),
        KeySpec("title", .text, default: "the id", "Its title."),
        KeySpec("procedure", .choice(Procedure.allCases.map(\.rawValue)), default: "open", "The procedure, which sets the phases."),
        KeySpec("agencies", .list(.identifier), required: true, "The agencies it buys for, whose requirements are in scope; an agency is in at most one tender."),
        KeySpec("candidates", .list(.identifier), "Products that bid."),
        KeySpec("after", .list(.reference), "What the tender waits for."),
        KeySpec("start", .date, "A fixed start instead of after."),
        KeySpec("not_before", .date, "Earliest start."),
        KeySpec("deadline", .date, "Reported as late when the contract is signed after it."),
        KeySpec("phases", .map(.duration), "Phase duration overrides."),
        KeySpec("award", .mapping("award"), required: true, "How the winner is chosen."),
        KeySpec("awarded", .identifier, "Fix the winner instead of simulating the award."),
        KeySpec("calendar", .identifier, default: "scenario.calendar", "Calendar of its phases."),
    ])

    public static let award = KeyTable("award", "An award method.", [
        KeySpec("method", .choice(Award.Method.allCases.map(\.rawValue)), required: true, "How bids are scored."),
        KeySpec("quality", .percentage, "bpkv: weight of quality (fit)."),
        KeySpec("price", .percentage, "bpkv: weight of price; quality + price = 100%."),
        KeySpec("contract_years", .integer(min: 1, max: 100), default: "8", "Years of cost in the tender price."),
        KeySpec("quality_value", .money, "fictitious-discount: euros of discount per full fit."),
    ])

    public static let legacy = KeyTable("legacy", "A legacy system.", [
        KeySpec("id", .identifier, required: true, "The system's id; its retirement is <id>.retire."),
        KeySpec("name", .text, default: "the id", "Its name."),
        KeySpec("planned_retirement", .date, "The retirement date the budget assumed."),
        KeySpec("retire", .either(.date, .mapping("retire")), default: "{after: [last_go_live]}", "When it can really go."),
        KeySpec("costs", .list(.mapping("cost_line")), "Running costs; `after: planned_retirement` for extension-only lines."),
        KeySpec("coexistence", .list(.mapping("cost_line")), "Interfaces to new products (per: product)."),
        KeySpec("decommission", .mapping("decommission"), "One-off cost on the retirement day."),
        KeySpec("calendar", .identifier, default: "scenario.calendar", "Calendar of its retirement milestone."),
    ])

    public static let retire = KeyTable("retire", "When a legacy system retires.", [
        KeySpec("after", .list(.reference), default: "[last_go_live]", "What the retirement waits for."),
        KeySpec("plus", .duration, "Lag after those."),
    ])

    public static let decommission = KeyTable("decommission", "A decommissioning cost.", [
        KeySpec("amount", .money, required: true, "The one-off amount."),
    ])

    public static let goLive = KeyTable("go_live", "A go-live moment (gebruiknamemoment).", [
        KeySpec("id", .identifier, required: true, "The go-live's id; parts are <id>.preparation/.cutover/.hypercare."),
        KeySpec("title", .text, default: "the id", "Its title."),
        KeySpec("sites", .list(.identifier), "Sites that go live."),
        KeySpec("agencies", .list(.identifier), "Agencies that go live at those sites."),
        KeySpec("tender", .identifier, "The tender whose awarded product goes live (or product)."),
        KeySpec("product", .identifier, "The product that goes live (or tender)."),
        KeySpec("after", .list(.reference), default: "the tender's contract", "What it waits for."),
        KeySpec("preparation", .duration, "Migration, training, data conversion; at least 1 working day."),
        KeySpec("hypercare", .duration, default: "0d", "Support after the cutover."),
        KeySpec("estimate", .mapping("estimate"), "Three-point estimate of the preparation, for risk."),
        KeySpec("not_before", .date, "Earliest preparation start."),
        KeySpec("deadline", .date, "Reported as late when the cutover is after it."),
        KeySpec("calendar", .identifier, default: "scenario.calendar", "Its calendar."),
    ])

    public static let rollout = KeyTable("rollout", "Go-live leveling.", [
        KeySpec("max_parallel", .integer(min: 1, max: 100_000), default: "no limit", "Go-lives active at once, at most."),
        KeySpec("min_gap", .duration, default: "0d", "Working days strictly between two cutovers."),
        KeySpec("order", .choice(Rollout.Order.allCases.map(\.rawValue)), default: "listed", "Priority when leveling."),
    ])

    public static let task = KeyTable("task", "A task or milestone.", [
        KeySpec("id", .identifier, required: true, "The task's id."),
        KeySpec("title", .text, default: "the id", "Its title."),
        KeySpec("duration", .duration, "Its duration; 0 makes a milestone."),
        KeySpec("estimate", .mapping("estimate"), "Three-point estimate, for risk."),
        KeySpec("after", .list(.reference), "What it waits for."),
        KeySpec("not_before", .date, "Earliest start."),
        KeySpec("deadline", .date, "Reported as late when it finishes after it."),
        KeySpec("on", .date, "Pinned date (milestones only)."),
        KeySpec("calendar", .identifier, default: "scenario.calendar", "Its calendar."),
    ])

    public static let estimate = KeyTable("estimate", "A three-point estimate, all in one unit.", [
        KeySpec("optimistic", .duration, required: true, "Best case."),
        KeySpec("likely", .duration, required: true, "Most likely."),
        KeySpec("pessimistic", .duration, required: true, "Worst case."),
        KeySpec("distribution", .choice(Estimate.Distribution.allCases.map(\.rawValue)), default: "pert", "How risk draws it."),
    ])

    static let costLineKeys: [KeySpec] = [
        KeySpec("name", .text, required: true, "The line's name."),
        KeySpec("amount", .money, required: true, "Base-year money."),
        KeySpec("per", .choice(CostLine.Basis.allCases.map(\.rawValue)), default: "none", "What the amount is multiplied by."),
        KeySpec("every", .choice(CostLine.Recurrence.allCases.map(\.rawValue)), default: "once", "How often it falls due."),
        KeySpec("from", .event, default: "scenario start", "First day: a date or an event."),
        KeySpec("until", .event, default: "31 December of horizon (legacy: retirement)", "Last day: a date or an event."),
        KeySpec("growth", .percentage, default: "0", "Real growth per year."),
        KeySpec("uncertainty", .mapping("uncertainty"), "Spread for risk."),
    ]

    public static let costLine = KeyTable("cost_line", "A cost line.",
        costLineKeys + [KeySpec("after", .choice(["planned_retirement"]), "Legacy lines: count only after the planned retirement.")])

    public static let benefit = KeyTable("benefit", "A benefit line.",
        costLineKeys + [
            KeySpec("ramp", .duration, "Linear ramp to the full amount, in calendar units."),
            KeySpec("target_from", .date, "When the full amount was budgeted (for the savings gap)."),
        ])

    public static let uncertainty = KeyTable("uncertainty", "A relative spread.", [
        KeySpec("low", .percentage, required: true, "Lowest change, e.g. -10%."),
        KeySpec("high", .percentage, required: true, "Highest change, e.g. 40%."),
    ])

    public static let risk = KeyTable("risk", "A risk event.", [
        KeySpec("id", .identifier, required: true, "The risk's id."),
        KeySpec("title", .text, default: "the id", "What could happen."),
        KeySpec("probability", .percentage, required: true, "Chance it happens, 0–100%."),
        KeySpec("delay", .mapping("risk_delay"), "Delay it adds to one item."),
        KeySpec("cost", .mapping("risk_cost"), "Cost when it happens."),
    ])

    public static let riskDelay = KeyTable("risk_delay", "A risk's delay.", [
        KeySpec("task", .identifier, required: true, "The task or go-live delayed (a go-live: its preparation)."),
        KeySpec("by", .mapping("estimate"), required: true, "By how much (three-point)."),
    ])

    public static let riskCost = KeyTable("risk_cost", "A risk's cost.", [
        KeySpec("amount", .money, required: true, "The amount."),
    ])

    /// The table of a nested mapping, by name.
    public static func table(named name: String) -> KeyTable? { byName[name] }

    private static let byName: [String: KeyTable] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static let gate = KeyTable("gate", "A governance gate: exactly one of these keys.", [
        KeySpec("last_go_live", .mapping("before"), "The last go-live is before a date."),
        KeySpec("finish", .mapping("before"), "The programme finishes before a date."),
        KeySpec("npv", .mapping("below"), "The net present value of the costs is below an amount."),
        KeySpec("total_real", .mapping("below"), "The total real cost is below an amount."),
        KeySpec("legacy_extension_cost", .mapping("below"), "Keeping the legacy systems past their planned retirement costs less than an amount."),
        KeySpec("fit", .mapping("fit_gate"), "A product fits an agency at least this well and has no knock-out for it (a knocked-out product cannot be bought for that agency, whatever its fit)."),
        KeySpec("p80", .mapping("p80_gate"), "An item's P80 date (risk, with --seed) is before a date."),
    ])

    public static let before = KeyTable("before", "A date bound.", [
        KeySpec("before", .date, required: true, "The date must be earlier than this."),
    ])

    public static let below = KeyTable("below", "An amount bound.", [
        KeySpec("below", .money, required: true, "The amount must be lower than this."),
    ])

    public static let fitGate = KeyTable("fit_gate", "A fit bound.", [
        KeySpec("product", .identifier, required: true, "The product."),
        KeySpec("agency", .identifier, required: true, "The agency."),
        KeySpec("at_least", .number(min: 0, max: 1), required: true, "The lowest acceptable fit, 0–1."),
    ])

    public static let p80Gate = KeyTable("p80_gate", "A P80 date bound.", [
        KeySpec("item", .text, required: true, "A plan item id: a task, tender phase (t.contract), go-live part (gl.cutover), last_go_live."),
        KeySpec("before", .date, required: true, "Its P80 finish must be earlier than this."),
    ])

    /// Every table, by name.
    public static let all: [KeyTable] = [
        root, scenario, calendar, freeze, agency, site, requirement, scoring, levels, weights, product, coverageCell,
        tender, award, legacy, retire, decommission, goLive, rollout, task, estimate, costLine, benefit, uncertainty,
        risk, riskDelay, riskCost, gate, before, below, fitGate, p80Gate,
    ]
}
