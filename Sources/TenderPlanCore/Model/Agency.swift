/// A public body that uses the system (politie, brandweer, ambulance, kmar).
public struct Agency: Sendable, Hashable {
    public var id: Identifier
    public var name: String
    public var location: SourceLocation

    public init(id: Identifier, name: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name ?? id.raw
        self.location = location
    }
}

/// A location (dispatch centre) with its seats per agency.
public struct Site: Sendable, Hashable {
    public var id: Identifier
    public var name: String
    public var city: String?
    /// Seats per agency, in file order.
    public var users: [SeatCount]
    public var location: SourceLocation

    public init(id: Identifier, name: String? = nil, city: String? = nil, users: [SeatCount] = [], location: SourceLocation) {
        self.id = id
        self.name = name ?? id.raw
        self.city = city
        self.users = users
        self.location = location
    }

    /// Seats of one agency at this site (0 when it has none).
    public func seats(of agency: Identifier) -> Int {
        users.first { $0.agency.value == agency }?.seats ?? 0
    }
}

/// The seats of one agency at one site.
public struct SeatCount: Sendable, Hashable {
    public var agency: Located<Identifier>
    public var seats: Int

    public init(agency: Located<Identifier>, seats: Int) {
        self.agency = agency
        self.seats = seats
    }
}
