import Foundation

/// A whole procurement-and-rollout programme, as read from a scenario file and its includes.
public struct Scenario: Sendable, Hashable {
    public var formatVersion: Int
    public var info: ScenarioInfo
    public var calendars: [CalendarDefinition]
    public var agencies: [Agency]
    public var sites: [Site]
    public var requirements: [Requirement]
    public var scoring: Scoring
    public var products: [Product]
    public var tenders: [Tender]
    public var legacy: [LegacySystem]
    public var goLives: [GoLive]
    public var rollout: Rollout
    public var tasks: [PlanTask]
    public var benefits: [CostLine]
    public var risks: [Risk]
    /// Governance gates (`expect:`), evaluated by `validate --check`.
    public var gates: [Gate] = []

    public init(
        formatVersion: Int = 1, info: ScenarioInfo, calendars: [CalendarDefinition] = [], agencies: [Agency] = [],
        sites: [Site] = [], requirements: [Requirement] = [], scoring: Scoring = Scoring(), products: [Product] = [],
        tenders: [Tender] = [], legacy: [LegacySystem] = [], goLives: [GoLive] = [], rollout: Rollout = Rollout(),
        tasks: [PlanTask] = [], benefits: [CostLine] = [], risks: [Risk] = []
    ) {
        self.formatVersion = formatVersion
        self.info = info
        self.calendars = calendars
        self.agencies = agencies
        self.sites = sites
        self.requirements = requirements
        self.scoring = scoring
        self.products = products
        self.tenders = tenders
        self.legacy = legacy
        self.goLives = goLives
        self.rollout = rollout
        self.tasks = tasks
        self.benefits = benefits
        self.risks = risks
    }
}

/// The report language.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case en, nl
}

/// The `scenario:` header: identity, start, money conventions, horizon and defaults.
public struct ScenarioInfo: Sendable, Hashable {
    public var id: Identifier
    public var title: String
    public var start: Day
    public var currency: String
    public var baseYear: Int
    public var priceIndex: Decimal
    public var discountRate: Decimal
    public var horizon: Int
    public var calendar: Located<Identifier>?
    public var language: Language
    public var location: SourceLocation
    /// False when the file's start date could not be read (a stand-in is used; date checks are skipped).
    public var hasValidStart = true

    public init(
        id: Identifier, title: String? = nil, start: Day, currency: String = "EUR", baseYear: Int? = nil,
        priceIndex: Decimal = 0, discountRate: Decimal = Decimal(string: "0.0225")!, horizon: Int? = nil,
        calendar: Located<Identifier>? = nil, language: Language = .en, location: SourceLocation
    ) {
        self.id = id
        self.title = title ?? id.raw
        self.start = start
        self.currency = currency
        self.baseYear = baseYear ?? start.year
        self.priceIndex = priceIndex
        self.discountRate = discountRate
        self.horizon = horizon ?? (self.baseYear + 10)
        self.calendar = calendar
        self.language = language
        self.location = location
    }

    /// The id of the default calendar (`nl` when the scenario names none).
    public var calendarId: Identifier { calendar?.value ?? "nl" }
}
