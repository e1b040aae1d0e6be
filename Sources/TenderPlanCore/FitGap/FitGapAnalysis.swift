import Foundation

/// Fit, knock-outs, customisation days and tender prices of every product for every agency,
/// following "The fit-gap rules, exactly" of the format. Arithmetic is exact (`Decimal`).
public struct FitGapAnalysis: Sendable {
    public let scenario: Scenario
    public let agencies: [Identifier]
    public let products: [Identifier]
    /// Seats per agency, summed over all sites.
    public let seats: [Identifier: Int]
    /// fit[product index][agency index]
    let fits: [[Decimal]]
    /// knockouts[product index][agency index]: requirement indices in file order.
    let knockoutIndices: [[[Int]]]
    /// Per product, per requirement index: the coverage cell's level index and effort in working days.
    let levelOf: [[CoverageLevel]]
    let effortOf: [[Int]]
    /// Per agency index: the requirement indices that count for it.
    let countedFor: [[Int]]
    let productIndex: [Identifier: Int]
    let agencyIndex: [Identifier: Int]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        let requirements = scenario.requirements
        agencies = scenario.agencies.map(\.id)
        products = scenario.products.map(\.id)
        agencyIndex = Dictionary(agencies.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        productIndex = Dictionary(products.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var seats: [Identifier: Int] = [:]
        for agency in agencies { seats[agency] = 0 }
        for site in scenario.sites {
            for seat in site.users where seats[seat.agency.value] != nil { seats[seat.agency.value]! += seat.seats }
        }
        self.seats = seats

        let requirementIndex = Dictionary(requirements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var levelOf: [[CoverageLevel]] = []
        var effortOf: [[Int]] = []
        for product in scenario.products {
            var levels = [CoverageLevel](repeating: .none, count: requirements.count)
            var efforts = [Int](repeating: 0, count: requirements.count)
            for cell in product.coverage {
                guard let index = requirementIndex[cell.requirement] else { continue }
                levels[index] = cell.level
                efforts[index] = cell.effort?.workingDays ?? 0
            }
            levelOf.append(levels)
            effortOf.append(efforts)
        }
        self.levelOf = levelOf
        self.effortOf = effortOf

        // For each agency: which requirements count, with their weight and priority.
        let scoring = scenario.scoring
        // Requirements in the outer loop: each is read once, not once per agency.
        var countedFor = [[Int]](repeating: [], count: agencies.count)
        var weightsFor = [[Decimal]](repeating: [], count: agencies.count)
        var knockoutCandidates = [[Int]](repeating: [], count: agencies.count)
        for (index, requirement) in requirements.enumerated() {
            for (position, agency) in agencies.enumerated() {
                if let scope = requirement.agencies, !scope.contains(where: { $0.value == agency }) { continue }
                let priority = requirement.priorityByAgency.first { $0.agency.value == agency }?.priority ?? requirement.priority
                guard priority != .wont else { continue }
                let weight = requirement.weight ?? scoring.weights[priority] ?? 0
                guard weight > 0 else { continue }
                countedFor[position].append(index)
                weightsFor[position].append(weight)
                if priority.strictness <= scoring.knockout.strictness { knockoutCandidates[position].append(index) }
            }
        }
        self.countedFor = countedFor

        // Weights as integers when all of an agency's are whole numbers of a safe size.
        let wholeWeightsFor: [[Int]?] = weightsFor.map { weights in
            var whole: [Int] = []
            whole.reserveCapacity(weights.count)
            for weight in weights {
                guard weight <= 1_000_000, weight == weight.rounded(0) else { return nil }
                whole.append(NSDecimalNumber(decimal: weight).intValue)
            }
            return whole
        }
        let levelValues = CoverageLevel.allCases.map { scoring.levels[$0] ?? 0 }
        var fits: [[Decimal]] = []
        var knockouts: [[[Int]]] = []
        for productLevels in levelOf {
            var row: [Decimal] = [], knockoutRow: [[Int]] = []
            for agency in agencies.indices {
                // Sum the weights per level first: five multiplications instead of one per requirement.
                // Whole-number weights (the usual case) are summed as integers, exactly and much faster.
                var perLevel = [Decimal](repeating: 0, count: CoverageLevel.allCases.count)
                var total = Decimal(0)
                if let whole = wholeWeightsFor[agency] {
                    var sums = [Int](repeating: 0, count: CoverageLevel.allCases.count)
                    for (position, index) in countedFor[agency].enumerated() { sums[productLevels[index].ordinal] += whole[position] }
                    perLevel = sums.map { Decimal($0) }
                    total = Decimal(sums.reduce(0, +))
                } else {
                    for (position, index) in countedFor[agency].enumerated() {
                        let weight = weightsFor[agency][position]
                        perLevel[productLevels[index].ordinal] += weight
                        total += weight
                    }
                }
                var numerator = Decimal(0)
                for (ordinal, sum) in perLevel.enumerated() where sum != 0 { numerator += sum * levelValues[ordinal] }
                row.append(total == 0 ? 0 : numerator / total)
                knockoutRow.append(knockoutCandidates[agency].filter { productLevels[$0] == .none })
            }
            fits.append(row)
            knockouts.append(knockoutRow)
        }
        self.fits = fits
        self.knockoutIndices = knockouts
    }

    // MARK: queries

    public func fit(_ product: Identifier, _ agency: Identifier) -> Decimal {
        guard let p = productIndex[product], let a = agencyIndex[agency] else { return 0 }
        return fits[p][a]
    }

    public func knockouts(_ product: Identifier, _ agency: Identifier) -> [Identifier] {
        guard let p = productIndex[product], let a = agencyIndex[agency] else { return [] }
        return knockoutIndices[p][a].map { scenario.requirements[$0].id }
    }

    /// Σ effort of the product's cells over requirements that count for at least one of the agencies (each once).
    public func customisationDays(_ product: Identifier, for agencies: [Identifier]) -> Int {
        guard let p = productIndex[product] else { return 0 }
        var counts = [Bool](repeating: false, count: scenario.requirements.count)
        for agency in agencies { if let a = agencyIndex[agency] { for index in countedFor[a] { counts[index] = true } } }
        var days = 0
        for (index, counted) in counts.enumerated() where counted { days += effortOf[p][index] }
        return days
    }

    /// Seat-weighted fit of an assignment (agency → product); each agency weighs 1 only when all seats sum to 0.
    public func seatWeightedFit(_ assignment: [(agency: Identifier, product: Identifier)]) -> Decimal {
        guard !assignment.isEmpty else { return 0 }
        let totalSeats = assignment.reduce(0) { $0 + (seats[$1.agency] ?? 0) }
        var numerator = Decimal(0)
        for (agency, product) in assignment {
            let weight = totalSeats == 0 ? 1 : seats[agency] ?? 0
            numerator += Decimal(weight) * fit(product, agency)
        }
        return numerator / Decimal(totalSeats == 0 ? assignment.count : totalSeats)
    }

    /// Real base-year price of a product for a set of agencies over `contractYears` (no growth, no schedule).
    public func tenderPrice(_ product: Identifier, for agencies: [Identifier], contractYears: Int) -> Decimal {
        guard let p = productIndex[product] else { return 0 }
        let scope = Set(agencies)
        let userSeats = agencies.reduce(0) { $0 + (seats[$1] ?? 0) }
        let siteCount = scenario.sites.filter { site in site.users.contains { scope.contains($0.agency.value) && $0.seats > 0 } }.count
        var price = Decimal(0)
        for line in scenario.products[p].costs {
            let multiplier: Decimal
            switch line.per {
            case .user: multiplier = Decimal(userSeats)
            case .site: multiplier = Decimal(siteCount)
            case .effortDay: multiplier = Decimal(customisationDays(product, for: agencies))
            case .none, .product: multiplier = 1
            }
            let count: Decimal
            switch line.every {
            case .once: count = 1
            case .year: count = Decimal(contractYears)
            case .month: count = Decimal(12 * contractYears)
            }
            price += line.amount * multiplier * count
        }
        return price
    }

    /// The product with the highest fit for one agency, preferring products without knock-outs; ties on the lower id.
    func bestProduct(for agency: Identifier, excludingKnockedOut: Bool) -> Identifier? {
        var best: (id: Identifier, key: Decimal)?
        for product in products {
            if excludingKnockedOut && !knockouts(product, agency).isEmpty { continue }
            let key = ExactDecimal.tieKey(fit(product, agency))
            if best == nil || key > best!.key || (key == best!.key && product < best!.id) { best = (product, key) }
        }
        return best?.id
    }
}

extension Decimal {
    /// Rounded half-even to `places` decimals.
    func rounded(_ places: Int) -> Decimal { ExactDecimal.rounded(self, places) }
}

extension CoverageLevel {
    /// Position in `allCases`, for per-level arrays.
    var ordinal: Int {
        switch self {
        case .standard: return 0
        case .configuration: return 1
        case .customisation: return 2
        case .roadmap: return 3
        case .none: return 4
        }
    }
}
