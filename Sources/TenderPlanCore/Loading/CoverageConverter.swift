import YAMLSource

/// A product's coverage map as read while parsing: its cells and the problems found in it.
struct ConvertedCoverage: Sendable {
    var cells: [CoverageCell]
    /// Reported when the product is built (a product that is dropped reports none, as before).
    var diagnostics: [Diagnostic]
}

/// Reads the coverage maps of products (`products: [{coverage: {…}}]` at the top of a file) while they
/// are parsed, so their hundreds of thousands of cells never become nodes. Each entry gets the same
/// checks and messages as any id map (`ModelBuilder.idMap`): non-text and duplicate keys, the
/// requirement id, then the cell itself.
struct CoverageConverter: YAMLMappingConverter {
    let path: String
    private var cells: [CoverageCell] = []
    /// First position of each key, for duplicates.
    private var seen: [String: Mark] = [:]
    private var keyProblems = Diagnostics()
    private var builder = ModelBuilder(diagnostics: Diagnostics())

    init(path: String) { self.path = path }

    var key: String { "coverage" }

    func converts(path: [String?]) -> Bool {
        path.count == 3 && path[0] == nil && path[1] == "products" && path[2] == nil
    }

    mutating func entry(key: YAMLNode, value: YAMLNode) {
        let keyLocation = SourceLocation(path: path, mark: key.mark)
        guard let name = key.scalar else {
            keyProblems.error(.wrongType, "a key must be a plain word, found \(key.kindDescription)", at: keyLocation)
            return
        }
        if let first = seen.updateValue(key.mark, forKey: name) {
            seen[name] = first
            keyProblems.error(.duplicateKey, "duplicate key '\(name)'", at: keyLocation,
                              notes: [Diagnostic.Note("first written here", at: SourceLocation(path: path, mark: first))])
            return
        }
        let requirement: Identifier
        if Identifier.isValid(name) && !Identifier.isReserved(name) {
            requirement = Identifier(name)
        } else {
            guard let checked = builder.report(ScalarParsers.identifier(name), key: nil, at: keyLocation) else { return }
            requirement = checked
        }
        if let cell = Self.quickCell(requirement, at: key.mark, value) {
            cells.append(cell)
            return
        }
        let location = SourceLocation(path: path, mark: value.mark)
        if let cell = builder.coverageCell(Located(requirement, at: keyLocation), value, at: location, path: path) {
            cells.append(cell)
        }
    }

    /// The cell when it is written correctly in one of the usual ways (`standard`, or `{level: …, effort: …,
    /// available: …}` with single values); nil sends it through the full checks, which report what is wrong.
    /// Accepts only what those checks accept without a diagnostic, and builds the same cell.
    static func quickCell(_ requirement: Identifier, at mark: Mark, _ value: YAMLNode) -> CoverageCell? {
        switch value.content {
        case .scalar(let text, _):
            guard !value.isNull, let level = CoverageLevel(rawValue: text) else { return nil }
            return CoverageCell(requirement: requirement, position: mark, level: level)
        case .mapping(let pairs):
            var level: CoverageLevel?, effort: PlanDuration?, available: Day?
            for pair in pairs {
                guard let key = pair.key.scalar, let text = pair.value.scalar, !pair.value.isNull else { return nil }
                switch key {
                case "level":
                    guard level == nil, let parsed = CoverageLevel(rawValue: text) else { return nil }
                    level = parsed
                case "effort":
                    guard effort == nil, case .success(let parsed) = ScalarParsers.duration(text), parsed.unit.isWorking else { return nil }
                    effort = parsed
                case "available":
                    guard available == nil, case .success(let parsed) = ScalarParsers.date(text) else { return nil }
                    available = parsed
                default:
                    return nil
                }
            }
            guard let level else { return nil }
            return CoverageCell(requirement: requirement, position: mark, level: level, effort: effort, available: available)
        default:
            return nil
        }
    }

    mutating func finish(mark: Mark) -> any Sendable {
        var diagnostics = keyProblems.items
        diagnostics.append(contentsOf: builder.diagnostics.items)
        let converted = ConvertedCoverage(cells: cells, diagnostics: diagnostics)
        // The next product's map is likely as large: keep the capacity instead of growing again.
        cells = []
        cells.reserveCapacity(converted.cells.count)
        seen.removeAll(keepingCapacity: true)
        keyProblems = Diagnostics()
        builder = ModelBuilder(diagnostics: Diagnostics())
        return converted
    }
}
