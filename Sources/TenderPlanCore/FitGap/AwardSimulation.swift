import Foundation

/// Simulates each tender's award: admissible bids, their quality, price and score, the winner,
/// and (for BPKV) the quality weight at which the winner would change.
public struct AwardSimulation: Sendable {
    let analysis: FitGapAnalysis

    public init(_ analysis: FitGapAnalysis) {
        self.analysis = analysis
    }

    public func award(_ tender: Tender, into diagnostics: inout Diagnostics) -> FitGapResult.Award {
        let agencies = tender.agencies.map(\.value)
        let assignmentFor = { (product: Identifier) in agencies.map { (agency: $0, product: product) } }
        var bids: [FitGapResult.Bid] = []
        var seen = Set<Identifier>()
        for candidate in tender.candidates.map(\.value) where analysis.productIndex[candidate] != nil && seen.insert(candidate).inserted {
            var knockouts: [Identifier: [Identifier]] = [:]
            for agency in agencies {
                let list = analysis.knockouts(candidate, agency)
                if !list.isEmpty { knockouts[agency] = list }
            }
            bids.append(FitGapResult.Bid(
                product: candidate, admissible: knockouts.isEmpty, quality: analysis.seatWeightedFit(assignmentFor(candidate)),
                price: analysis.tenderPrice(candidate, for: agencies, contractYears: tender.award.contractYears),
                score: nil, rank: nil, knockouts: knockouts))
        }
        let admissible = bids.indices.filter { bids[$0].admissible }
        let lowest = admissible.map { bids[$0].price }.min() ?? 0
        let method = tender.award.method
        let qualityWeight = tender.award.quality ?? 0
        for index in admissible {
            bids[index].score = Self.score(method: method, quality: bids[index].quality, price: bids[index].price, lowest: lowest,
                                           qualityWeight: qualityWeight, qualityValue: tender.award.qualityValue ?? 0)
        }
        // Best first: highest score (lowest for fictitious-discount, whose score is a price), then lower id.
        let lowerIsBetter = method == .fictitiousDiscount
        let ranked = admissible.sorted { a, b in
            let ka = ExactDecimal.tieKey(bids[a].score!), kb = ExactDecimal.tieKey(bids[b].score!)
            if ka != kb { return lowerIsBetter ? ka < kb : ka > kb }
            return bids[a].product < bids[b].product
        }
        for (rank, index) in ranked.enumerated() { bids[index].rank = rank + 1 }
        let ordered = ranked.map { bids[$0] } + bids.filter { !$0.admissible }.sorted { $0.product < $1.product }

        var winner = ranked.first.map { bids[$0].product }
        var isFixed = false
        if let awarded = tender.awarded, analysis.productIndex[awarded.value] != nil {
            winner = awarded.value
            isFixed = true
            if let bid = bids.first(where: { $0.product == awarded.value }), !bid.knockouts.isEmpty {
                diagnostics.warning(.rule, "awarded product '\(awarded.value)' has knock-outs for this tender's agencies: \(Self.describe(bid.knockouts))",
                                    at: awarded.location)
            }
        } else if winner == nil {
            let notes = bids.map { Diagnostic.Note("'\($0.product)' is knocked out: \(Self.describe($0.knockouts))") }
            let why = bids.isEmpty ? "it has no candidates that are known products" : "every candidate is knocked out"
            diagnostics.error(.noAdmissibleBid, "no admissible bid in tender '\(tender.id)': \(why)", at: tender.location, notes: notes)
        }

        var award = FitGapResult.Award(tender: tender.id, winner: winner, isFixed: isFixed, bids: ordered,
                                       switchAtQualityWeight: nil, switchTo: nil)
        if method == .bpkv, !isFixed, let current = winner {
            let lines = admissible.map { (product: bids[$0].product, quality: bids[$0].quality, price: Self.priceScore(bids[$0].price, lowest: lowest)) }
            if let (weight, product) = Self.switchPoint(lines: lines, winner: current, at: qualityWeight) {
                award.switchAtQualityWeight = weight
                award.switchTo = product
            }
        }
        return award
    }

    /// The method's score of one bid.
    static func score(method: Award.Method, quality: Decimal, price: Decimal, lowest: Decimal,
                      qualityWeight: Decimal, qualityValue: Decimal) -> Decimal {
        switch method {
        case .bpkv: return qualityWeight * quality + (1 - qualityWeight) * priceScore(price, lowest: lowest)
        case .lowestPrice: return priceScore(price, lowest: lowest)
        case .fictitiousDiscount: return price - quality * qualityValue
        }
    }

    /// lowest / price; a bid at the lowest price scores 1, even at 0.
    static func priceScore(_ price: Decimal, lowest: Decimal) -> Decimal {
        if price == lowest { return 1 }
        return price == 0 ? 1 : lowest / price
    }

    /// The quality weight in [0, 1] nearest to `current` at which the BPKV winner changes, and the bid that wins
    /// just past it; nil when no weight changes the winner. Each bid's score is the line
    /// s(w) = price + w × (quality − price), so the winner can change only where two lines cross.
    static func switchPoint(lines: [(product: Identifier, quality: Decimal, price: Decimal)], winner: Identifier,
                            at current: Decimal) -> (Decimal, Identifier)? {
        guard let w = lines.first(where: { $0.product == winner }) else { return nil }
        let winnerSlope = w.quality - w.price
        // Candidates: crossings with the winner's line, on each side of the current weight.
        var right: (weight: Decimal, product: Identifier, slope: Decimal)?
        var left: (weight: Decimal, product: Identifier, slope: Decimal)?
        let now = ExactDecimal.tieKey(current), zero = ExactDecimal.tieKey(0), one = ExactDecimal.tieKey(1)
        /// Whether a crossing at `key` replaces the best one so far on its side: the nearer one; at the same
        /// weight the bid that wins there — just past it the steeper one (`steeper`), then the lower id;
        /// at w = 0 or 1, where nothing lies past, the tie-break alone: the lower id.
        func better(_ key: Decimal, _ slope: Decimal, _ product: Identifier, than best: (weight: Decimal, product: Identifier, slope: Decimal)?,
                    nearer: (Decimal, Decimal) -> Bool, steeper: (Decimal, Decimal) -> Bool, atEdge: Bool) -> Bool {
            guard let best else { return true }
            let bestKey = ExactDecimal.tieKey(best.weight)
            if key != bestKey { return nearer(key, bestKey) }
            if atEdge || slope == best.slope { return product < best.product }
            return steeper(slope, best.slope)
        }
        for line in lines where line.product != winner {
            let slope = line.quality - line.price
            guard slope != winnerSlope else { continue }  // parallel: never crosses
            let crossing = (line.price - w.price) / (winnerSlope - slope)
            let key = ExactDecimal.tieKey(crossing)
            guard key >= zero, key <= one else { continue }
            // The other bid wins just past the crossing. At w = 1 (going up) or w = 0 (going down) nothing
            // lies past it inside [0, 1]: there the winner changes only if the tie-break (the lower id) picks it.
            if slope > winnerSlope && key >= now {
                let atEdge = key == one
                guard !atEdge || line.product < winner else { continue }
                if better(key, slope, line.product, than: right, nearer: <, steeper: >, atEdge: atEdge) {
                    right = (crossing, line.product, slope)
                }
            } else if slope < winnerSlope && key <= now {
                let atEdge = key == zero
                guard !atEdge || line.product < winner else { continue }
                if better(key, slope, line.product, than: left, nearer: >, steeper: <, atEdge: atEdge) {
                    left = (crossing, line.product, slope)
                }
            }
        }
        switch (left, right) {
        case (nil, nil): return nil
        case (let l?, nil): return (l.weight, l.product)
        case (nil, let r?): return (r.weight, r.product)
        case (let l?, let r?):
            let dl = ExactDecimal.tieKey(current - l.weight), dr = ExactDecimal.tieKey(r.weight - current)
            return dl <= dr ? (l.weight, l.product) : (r.weight, r.product)  // equally near: the lower weight
        }
    }

    static func describe(_ knockouts: [Identifier: [Identifier]]) -> String {
        knockouts.keys.sorted().map { agency in "\(agency): \(knockouts[agency]!.map(\.raw).joined(separator: ", "))" }.joined(separator: "; ")
    }
}
