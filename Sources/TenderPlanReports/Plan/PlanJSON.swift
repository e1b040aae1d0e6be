import TenderPlanCore

/// The plan output contract: items sorted by start, finish, id; dates as YYYY-MM-DD.
public enum PlanJSON {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let items: [JSONValue] = plan.ordered.map { item in
            .object([
                "id": .string(item.id),
                "title": .string(item.title),
                "kind": .string(item.kind.rawValue),
                "start": .string(item.start.iso),
                "finish": .string(item.finish.iso),
                "duration_days": .int(item.durationDays),
                "total_slack_days": .int(item.totalSlackDays),
                "critical": .bool(item.critical),
            ])
        }
        let late: [JSONValue] = plan.late.map { entry in
            .object(["id": .string(entry.item.id), "deadline": .string(entry.item.deadline!.iso),
                     "finish": .string(entry.item.finish.iso), "days_late": .int(entry.days)])
        }
        return JSONValue.object([
            "scenario": .string(scenario.info.id.raw),
            "finish": .string(plan.finish.iso),
            "last_go_live": .optional(plan.lastGoLive?.iso),
            "items": .array(items),
            "late": .array(late),
        ]).rendered()
    }
}

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
