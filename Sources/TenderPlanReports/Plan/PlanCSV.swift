import TenderPlanCore

/// The plan as one CSV table.
public enum PlanCSV {
    public static func render(_ plan: PlanResult) -> String {
        let late = Dictionary(plan.late.map { ($0.item.id, $0.days) }, uniquingKeysWith: { a, _ in a })
        let rows: [[CSVCell]] = plan.ordered.map { item in
            [.text(item.id), .text(item.title), .text(item.kind.rawValue), .text(item.start.iso), .text(item.finish.iso),
             .number(String(item.durationDays)), .number(String(item.totalSlackDays)), .text(item.critical ? "yes" : "no"),
             item.deadline.map { .text($0.iso) } ?? .empty, late[item.id].map { .number(String($0)) } ?? .empty]
        }
        return CSVWriter.render(header: ["id", "title", "kind", "start", "finish", "duration_days", "total_slack_days", "critical", "deadline", "days_late"],
                                rows: rows)
    }
}
