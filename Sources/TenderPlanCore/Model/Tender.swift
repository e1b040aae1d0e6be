import Foundation

/// A procurement procedure for some agencies, choosing among candidate products.
public struct Tender: Sendable, Hashable {
    public var id: Identifier
    public var title: String
    public var procedure: Procedure
    public var agencies: [Located<Identifier>]
    public var candidates: [Located<Identifier>]
    public var after: [Reference]
    public var start: Day?
    public var notBefore: Day?
    public var deadline: Day?
    /// Phase duration overrides, in file order.
    public var phases: [PhaseOverride]
    public var award: Award
    public var awarded: Located<Identifier>?
    public var calendar: Located<Identifier>?
    public var location: SourceLocation
    /// False when its procedure could not be read; checks of its phases are then skipped.
    public var isComplete = true

    public init(id: Identifier, title: String? = nil, procedure: Procedure = .open, agencies: [Located<Identifier>] = [],
                candidates: [Located<Identifier>] = [], after: [Reference] = [], start: Day? = nil, notBefore: Day? = nil,
                deadline: Day? = nil, phases: [PhaseOverride] = [], award: Award, awarded: Located<Identifier>? = nil,
                calendar: Located<Identifier>? = nil, location: SourceLocation) {
        self.id = id
        self.title = title ?? id.raw
        self.procedure = procedure
        self.agencies = agencies
        self.candidates = candidates
        self.after = after
        self.start = start
        self.notBefore = notBefore
        self.deadline = deadline
        self.phases = phases
        self.award = award
        self.awarded = awarded
        self.calendar = calendar
        self.location = location
    }
}

/// A procurement procedure of the Aanbestedingswet 2012 / directive 2014/24.
public enum Procedure: String, Sendable, Hashable, CaseIterable {
    case open, restricted, negotiated
    case competitiveDialogue = "competitive-dialogue"
    case innovationPartnership = "innovation-partnership"
}

/// An override of one tender phase's duration.
public struct PhaseOverride: Sendable, Hashable {
    public var phase: String
    public var duration: PlanDuration
    public var location: SourceLocation

    public init(phase: String, duration: PlanDuration, location: SourceLocation) {
        self.phase = phase
        self.duration = duration
        self.location = location
    }
}

/// How a tender picks its winner.
public struct Award: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case bpkv
        case lowestPrice = "lowest-price"
        case fictitiousDiscount = "fictitious-discount"
    }

    public var method: Method
    public var quality: Decimal?
    public var price: Decimal?
    public var contractYears: Int
    public var qualityValue: Decimal?
    public var location: SourceLocation

    public init(method: Method, quality: Decimal? = nil, price: Decimal? = nil, contractYears: Int = 8,
                qualityValue: Decimal? = nil, location: SourceLocation) {
        self.method = method
        self.quality = quality
        self.price = price
        self.contractYears = contractYears
        self.qualityValue = qualityValue
        self.location = location
    }
}
