/// One phase of a procurement procedure, with its default duration and legal minimum.
public struct TenderPhaseRule: Sendable, Hashable {
    public var name: String
    public var defaultDuration: PlanDuration
    /// Legal minimum in calendar days, if the law sets one for this procedure.
    public var minimumCalendarDays: Int?
    /// Where the minimum comes from.
    public var source: String?

    public var isMilestone: Bool { defaultDuration.isZero }
}

/// The phases of each procedure, in order, with default durations and the legal floors.
///
/// Floors are the unreduced periods of the Aanbestedingswet 2012 (Aw 2012) and directive
/// 2014/24/EU; see DOMAIN.md. Reduced periods (electronic submission, prior information
/// notice) are not applied: a tender team may shorten a default only down to these floors.
public enum TenderPhases {
    public static let phaseNames = [
        "prepare", "publish", "participation", "selection", "dialogue", "negotiation", "submission",
        "evaluation", "award", "standstill", "contract",
    ]

    public static func phases(of procedure: Procedure) -> [TenderPhaseRule] {
        var result: [TenderPhaseRule] = []
        let selective = procedure != .open
        result.append(TenderPhaseRule(name: "prepare", defaultDuration: PlanDuration(3, .months)))
        result.append(TenderPhaseRule(name: "publish", defaultDuration: PlanDuration(0, .workingDays)))
        if selective {
            // Aw 2012 art. 2.71 / 2.75 / 2.79 and directive 2014/24 art. 28–31: at least 30 days for requests to participate.
            result.append(TenderPhaseRule(name: "participation", defaultDuration: PlanDuration(30, .calendarDays),
                                          minimumCalendarDays: 30,
                                          source: "Aanbestedingswet 2012 / directive 2014/24/EU: requests to participate, 30 calendar days"))
            result.append(TenderPhaseRule(name: "selection", defaultDuration: PlanDuration(20, .workingDays)))
        }
        if procedure == .competitiveDialogue {
            result.append(TenderPhaseRule(name: "dialogue", defaultDuration: PlanDuration(6, .months)))
        }
        if procedure == .negotiated || procedure == .innovationPartnership {
            result.append(TenderPhaseRule(name: "negotiation", defaultDuration: PlanDuration(4, .months)))
        }
        switch procedure {
        case .open:
            // Aw 2012 art. 2.71 / directive 2014/24 art. 27: open procedure, 35 days for tenders.
            result.append(TenderPhaseRule(name: "submission", defaultDuration: PlanDuration(35, .calendarDays), minimumCalendarDays: 35,
                                          source: "Aanbestedingswet 2012 / directive 2014/24/EU art. 27: open procedure, 35 calendar days"))
        case .restricted, .negotiated:
            // Aw 2012 art. 2.72 / directive 2014/24 art. 28–29: 30 days for (initial) tenders.
            result.append(TenderPhaseRule(name: "submission", defaultDuration: PlanDuration(30, .calendarDays), minimumCalendarDays: 30,
                                          source: "Aanbestedingswet 2012 / directive 2014/24/EU art. 28–29: \(procedure.rawValue) procedure, 30 calendar days"))
        case .competitiveDialogue, .innovationPartnership:
            // No statutory minimum for final tenders; the default is a reasonable period.
            result.append(TenderPhaseRule(name: "submission", defaultDuration: PlanDuration(30, .calendarDays)))
        }
        result.append(TenderPhaseRule(name: "evaluation", defaultDuration: PlanDuration(30, .workingDays)))
        result.append(TenderPhaseRule(name: "award", defaultDuration: PlanDuration(0, .workingDays)))
        // Aw 2012 art. 2.127: standstill (opschortende termijn) of at least 20 calendar days.
        result.append(TenderPhaseRule(name: "standstill", defaultDuration: PlanDuration(20, .calendarDays), minimumCalendarDays: 20,
                                      source: "Aanbestedingswet 2012 art. 2.127: standstill, 20 calendar days"))
        result.append(TenderPhaseRule(name: "contract", defaultDuration: PlanDuration(0, .workingDays)))
        return result
    }

    /// The fewest and most calendar days a duration can span, when that is known without a schedule.
    public static func calendarSpan(of duration: PlanDuration) -> ClosedRange<Int>? {
        if let days = duration.calendarDays { return days...days }
        if let months = duration.months {
            // N months span between 28·N-ish and 31·N-ish days; compute the true extremes over a 400-year cycle's month starts.
            guard months > 0 else { return 0...0 }
            let years = months / 12, rest = months % 12
            let minimum = years * 365 + [0, 28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334][rest]
            let maximum = years * 366 + rest * 31
            return minimum...maximum
        }
        return nil
    }
}
