/// A link in `after:`: `ID`, `ID.start`, `ID.finish` or `ID.PART`, with an optional lag (`+ 10d`).
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    public var target: Identifier
    /// `start`, `finish` or the name of a generated part (a tender phase, `preparation`, `cutover`,
    /// `hypercare`, `retire`); nil for the plain form.
    public var part: String?
    public var lag: PlanDuration?
    public var location: SourceLocation

    public init(target: Identifier, part: String? = nil, lag: PlanDuration? = nil, location: SourceLocation) {
        self.target = target
        self.part = part
        self.lag = lag
        self.location = location
    }

    public var isStartLink: Bool { part == "start" }

    public var description: String {
        var text = target.raw
        if let part { text += "." + part }
        if let lag, !lag.isZero { text += " + \(lag)" }
        return text
    }
}
