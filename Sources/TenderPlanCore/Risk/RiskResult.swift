import Foundation

/// What the Monte Carlo run found: percentiles of dates and money, criticality, drivers and deadlines.
public struct RiskResult: Sendable {
    public struct Percentiles<Value: Sendable>: Sendable {
        public var p10: Value
        public var p50: Value
        public var p80: Value
        public var p90: Value
    }

    public struct Item: Sendable {
        public var id: String
        public var finish: Percentiles<Day>
        /// Share of iterations in which the item is critical.
        public var criticality: Double
    }

    public struct Driver: Sendable {
        public var input: String
        /// Spearman rank correlation with the programme finish and with the total real cost.
        public var finishCorrelation: Double
        public var costCorrelation: Double
    }

    public struct Deadline: Sendable {
        public var id: String
        public var deadline: Day
        public var probability: Double
    }

    public var seed: UInt64
    public var iterations: Int
    public var items: [Item]
    public var finish: Percentiles<Day>
    public var lastGoLive: Percentiles<Day>?
    public var totalReal: Percentiles<Decimal>
    public var npv: Percentiles<Decimal>
    public var legacyExtension: Percentiles<Decimal>
    /// Strongest first.
    public var drivers: [Driver]
    public var deadlines: [Deadline]
    /// The S-curves: the 0th, 5th, …, 100th percentile of the finish, the last go-live and the total real cost.
    public var finishCurve: [Day]
    public var lastGoLiveCurve: [Day]
    public var totalRealCurve: [Decimal]
}
