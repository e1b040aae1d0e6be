import YAMLSource

/// The top-level lists, in the order the model is built from them.
enum Section: String, CaseIterable {
    case calendars, agencies, sites, requirements, products, tenders, legacy
    case goLives = "go_lives"
    case tasks, benefits, risks
    case gates = "expect"

    var table: KeyTable {
        switch self {
        case .calendars: FormatTables.calendar
        case .agencies: FormatTables.agency
        case .sites: FormatTables.site
        case .requirements: FormatTables.requirement
        case .products: FormatTables.product
        case .tenders: FormatTables.tender
        case .legacy: FormatTables.legacy
        case .goLives: FormatTables.goLive
        case .tasks: FormatTables.task
        case .benefits: FormatTables.benefit
        case .risks: FormatTables.risk
        case .gates: FormatTables.gate
        }
    }

    /// One entry, for messages ("a task must be a mapping …").
    var what: String {
        switch self {
        case .calendars: "a calendar"
        case .agencies: "an agency"
        case .sites: "a site"
        case .requirements: "a requirement"
        case .products: "a product"
        case .tenders: "a tender"
        case .legacy: "a legacy system"
        case .goLives: "a go-live"
        case .tasks: "a task"
        case .benefits: "a benefit line"
        case .risks: "a risk"
        case .gates: "a gate"
        }
    }
}

/// The model items built from top-level lists, in file order.
struct SectionItems: Sendable {
    var calendars: [CalendarDefinition] = []
    var agencies: [Agency] = []
    var sites: [Site] = []
    var requirements: [Requirement] = []
    var products: [Product] = []
    var tenders: [Tender] = []
    var legacy: [LegacySystem] = []
    var goLives: [GoLive] = []
    var tasks: [PlanTask] = []
    var benefits: [CostLine] = []
    var risks: [Risk] = []
    var gates: [Gate] = []

    mutating func append(contentsOf other: SectionItems) {
        calendars += other.calendars
        agencies += other.agencies
        sites += other.sites
        requirements += other.requirements
        products += other.products
        tenders += other.tenders
        legacy += other.legacy
        goLives += other.goLives
        tasks += other.tasks
        benefits += other.benefits
        risks += other.risks
        gates += other.gates
    }
}

extension ModelBuilder {
    /// Builds one entry of a top-level list and adds it to `items`; an entry that is not a mapping, or
    /// whose id is broken, is reported and left out.
    mutating func buildItem(_ node: YAMLNode, of section: Section, path: String, into items: inout SectionItems) {
        guard let f = Fields.read(node, section.table, path: path, what: section.what, into: &diagnostics) else { return }
        switch section {
        case .calendars: if let x = calendar(f) { items.calendars.append(x) }
        case .agencies: if let x = agency(f) { items.agencies.append(x) }
        case .sites: if let x = site(f) { items.sites.append(x) }
        case .requirements: if let x = requirement(f) { items.requirements.append(x) }
        case .products: if let x = product(f) { items.products.append(x) }
        case .tenders: if let x = tender(f) { items.tenders.append(x) }
        case .legacy: if let x = legacySystem(f) { items.legacy.append(x) }
        case .goLives: if let x = goLive(f) { items.goLives.append(x) }
        case .tasks: if let x = task(f) { items.tasks.append(x) }
        case .benefits: if let x = costLine(f) { items.benefits.append(x) }
        case .risks: if let x = risk(f) { items.risks.append(x) }
        case .gates: if let x = gate(f) { items.gates.append(x) }
        }
    }
}

/// A top-level list converted while it was parsed: its items and the problems found in them.
struct ConvertedSection: Sendable {
    var items: SectionItems
    /// Reported when the list is used (a list under a duplicate or unknown key reports none, as before).
    var diagnostics: [Diagnostic]
}

/// Builds the model items of the top-level lists while they are parsed, each entry as soon as it is
/// complete: the parser thread is the slower one, so this work fills the time the tree builder would
/// otherwise spend waiting, and each entry's nodes are freed at once. Gives the same items and messages
/// as building from the finished tree (`ModelBuilder.build` takes either).
struct SectionConverter: YAMLListConverter {
    let path: String
    private var section: Section?
    private var items = SectionItems()
    private var builder = ModelBuilder(diagnostics: Diagnostics())

    init(path: String) { self.path = path }

    mutating func begins(key: String, depth: Int) -> Bool {
        guard depth == 1, let section = Section(rawValue: key) else { return false }
        self.section = section
        return true
    }

    mutating func item(_ node: YAMLNode) {
        guard let section else { return }
        builder.buildItem(node, of: section, path: path, into: &items)
    }

    mutating func finish(mark: Mark) -> any Sendable {
        let converted = ConvertedSection(items: items, diagnostics: builder.diagnostics.items)
        section = nil
        items = SectionItems()
        builder = ModelBuilder(diagnostics: Diagnostics())
        return converted
    }
}
