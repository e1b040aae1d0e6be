import YAMLSource

/// A candidate product: its coverage of the requirements and its cost lines.
public struct Product: Sendable, Hashable {
    public var id: Identifier
    public var name: String
    public var vendor: String?
    /// Coverage cells in file order; a requirement without a cell is at level `none`.
    public var coverage: [CoverageCell]
    public var costs: [CostLine]
    public var location: SourceLocation

    public init(id: Identifier, name: String? = nil, vendor: String? = nil, coverage: [CoverageCell] = [],
                costs: [CostLine] = [], location: SourceLocation) {
        self.id = id
        self.name = name ?? id.raw
        self.vendor = vendor
        self.coverage = coverage
        self.costs = costs
        self.location = location
    }
}

/// How a product covers one requirement, with optional customisation effort and roadmap date.
///
/// Kept small (a product may have thousands): the requirement's position is a line and column
/// in the product's own file.
public struct CoverageCell: Sendable, Hashable {
    public var requirement: Identifier
    /// Where the requirement id is written, in the file of the product.
    public var position: Mark
    public var level: CoverageLevel
    /// Customisation effort in working units (`d` or `w`).
    public var effort: PlanDuration?
    /// For `roadmap`: when the vendor expects to deliver it.
    public var available: Day?

    public init(requirement: Identifier, position: Mark = .start, level: CoverageLevel, effort: PlanDuration? = nil, available: Day? = nil) {
        self.requirement = requirement
        self.position = position
        self.level = level
        self.effort = effort
        self.available = available
    }
}
